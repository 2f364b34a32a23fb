package org.kelisim.signature;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns {@code Authorization: Bearer <accessToken>} into a {@link PartyAuthentication}. An unknown or expired token
 * leaves the request unauthenticated, so the API's rules answer 401. Not a bean: the security configuration places
 * it in the API's filter chain only.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final AccessTokens tokens;

    public BearerTokenFilter(AccessTokens tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            tokens.party(header.substring(PREFIX.length()).strip()).ifPresent(party -> {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new PartyAuthentication(party));
                SecurityContextHolder.setContext(context);
            });
        }
        chain.doFilter(request, response);
    }
}
