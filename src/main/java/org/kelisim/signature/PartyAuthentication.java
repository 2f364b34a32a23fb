package org.kelisim.signature;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A signed-in {@link Party}. Authorities: {@code ROLE_INDIVIDUAL} when the party acts as a person (and so may use
 * the user's cabinet), {@code ROLE_LEGAL_ENTITY} when it acts for an organisation, plus {@code ROLE_OPERATOR} for
 * operators.
 */
public class PartyAuthentication extends AbstractAuthenticationToken {

    private final Party party;

    public PartyAuthentication(Party party, boolean operator) {
        super(authorities(party, operator));
        this.party = Objects.requireNonNull(party, "party");
        setAuthenticated(true);
    }

    public PartyAuthentication(Party party) {
        this(party, false);
    }

    private static List<GrantedAuthority> authorities(Party party, boolean operator) {
        var authorities = new ArrayList<GrantedAuthority>();
        authorities.add(new SimpleGrantedAuthority(party.isLegalEntity() ? "ROLE_LEGAL_ENTITY" : "ROLE_INDIVIDUAL"));
        if (operator) {
            authorities.add(new SimpleGrantedAuthority("ROLE_OPERATOR"));
        }
        return authorities;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Party getPrincipal() {
        return party;
    }

    @Override
    public String getName() {
        return party.actingId();
    }
}
