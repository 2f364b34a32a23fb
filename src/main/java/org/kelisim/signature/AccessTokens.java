package org.kelisim.signature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Short-lived API access tokens of the signed-challenge sign-in. Only the SHA-256 of a token is stored, with the
 * {@link Party} it acts for, so any node can accept it and a copy of the table signs nobody in.
 */
@Component
public class AccessTokens {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SignatureProperties properties;
    private final SecureRandom random = new SecureRandom();

    AccessTokens(JdbcClient jdbc, Clock clock, SignatureProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** A token as handed out: the only time its value exists outside the client. */
    record Issued(String token, Instant expiresAt) {

        @Override
        public String toString() {
            return "Issued[" + expiresAt + "]";
        }
    }

    Issued issue(Party party) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.tokenLifetime());

        jdbc.sql("""
                INSERT INTO signature_access_tokens (token_hash, iin, bin, name, organization, roles, created_at,
                                                     expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(hash(token), party.iin(), party.bin(), party.name(), party.organization(),
                        party.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")),
                        Timestamp.from(now), Timestamp.from(expiresAt))
                .update();
        return new Issued(token, expiresAt);
    }

    /** The party a token acts for, while it has not expired. */
    public Optional<Party> party(String token) {
        if (token == null || token.isBlank() || token.length() > 128) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT iin, bin, name, organization, roles FROM signature_access_tokens
                WHERE token_hash = ? AND expires_at > ?""")
                .params(hash(token), Timestamp.from(clock.instant()))
                .query((rs, n) -> new Party(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        roles(rs.getString(5))))
                .optional();
    }

    private static Set<Role> roles(String stored) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(stored.split(",")).filter(name -> !name.isBlank()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
