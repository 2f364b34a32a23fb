package org.kelisim.request;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import org.kelisim.identity.Iin;

/**
 * What the third party signs to make a request (DESIGN.md, rules: the signed content binds a server nonce, the
 * user's IIN, the certificate type, the requester and the time). A small canonical text, UTF-8, one {@code key: value}
 * per line, lines ended by LF, in this order:
 * <pre>
 * kelisim-request: 1
 * draft: 0b5c…-uuid
 * nonce: 43 characters of base64url (32 random bytes)
 * requester: 200340000011
 * requester-name: АО «Банк»
 * subject: 850715300003
 * certificate: ADDRESS
 * created-at: 2026-12-03T14:00:00Z
 * expires-at: 2026-12-03T14:10:00Z
 * </pre>
 * Text rather than JSON, so that NCALayer's signing window shows the signer what they sign.
 */
final class DataToSign {

    private DataToSign() {
    }

    static byte[] of(UUID draftId, byte[] nonce, Requester requester, Iin subject, CertificateType certificate,
            Instant createdAt, Instant expiresAt) {
        String text = "kelisim-request: 1\n"
                + "draft: " + draftId + "\n"
                + "nonce: " + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce) + "\n"
                + "requester: " + requester.id() + "\n"
                + "requester-name: " + oneLine(requester.name()) + "\n"
                + "subject: " + subject.value() + "\n"
                + "certificate: " + certificate.name() + "\n"
                + "created-at: " + createdAt.truncatedTo(ChronoUnit.SECONDS) + "\n"
                + "expires-at: " + expiresAt.truncatedTo(ChronoUnit.SECONDS) + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A name with a line break could forge a line of its own; the name is the certificate's, so this is defence. */
    private static String oneLine(String name) {
        return name == null ? "" : name.replaceAll("[\\r\\n\\u2028\\u2029]+", " ").strip();
    }
}
