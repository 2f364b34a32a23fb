package org.kelisim.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.kelisim.identity.Masks;
import org.kelisim.signature.Party;
import org.kelisim.signature.PartyAuthentication;
import org.kelisim.signature.Role;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Keeps the signed-in {@link Party} in the HTTP session, which Spring Session stores in PostgreSQL, and gives it back
 * to every request as a {@link PartyAuthentication}. The session holds a small serializable copy of the party rather
 * than the security context itself: the copy is what any node can read back, whatever class versions it runs.
 */
final class PartySessions implements SecurityContextRepository {

    static final String ATTRIBUTE = "kelisim.party";

    /** The party as kept in a session. {@link #toString()} is masked. */
    record SignedIn(String iin, String bin, String name, String organization, Set<Role> roles, boolean operator)
            implements Serializable {

        static SignedIn of(PartyAuthentication authentication) {
            Party party = authentication.getPrincipal();
            boolean operator = authentication.getAuthorities().stream()
                    .anyMatch(authority -> "ROLE_OPERATOR".equals(authority.getAuthority()));
            return new SignedIn(party.iin(), party.bin(), party.name(), party.organization(),
                    party.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(party.roles()), operator);
        }

        PartyAuthentication authentication() {
            return new PartyAuthentication(new Party(iin, bin, name, organization, roles), operator);
        }

        @Override
        public String toString() {
            return "SignedIn[" + Masks.identifier(iin) + "]";
        }
    }

    @Override
    @Deprecated
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return load(holder.getRequest());
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        Supplier<SecurityContext> context = () -> load(request);
        return new DeferredSecurityContext() {
            private SecurityContext loaded;

            @Override
            public SecurityContext get() {
                if (loaded == null) {
                    loaded = context.get();
                }
                return loaded;
            }

            @Override
            public boolean isGenerated() {
                return get().getAuthentication() == null;
            }
        };
    }

    private static SecurityContext load(HttpServletRequest request) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(ATTRIBUTE) instanceof SignedIn signedIn) {
            context.setAuthentication(signedIn.authentication());
        }
        return context;
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        if (context.getAuthentication() instanceof PartyAuthentication authentication) {
            request.getSession().setAttribute(ATTRIBUTE, SignedIn.of(authentication));
            return;
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ATTRIBUTE) instanceof SignedIn;
    }
}
