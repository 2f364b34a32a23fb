package org.kelisim.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kelisim.identity.Iin;

class DataToSignTest {

    private static final UUID DRAFT = UUID.fromString("0b5c6d1e-2f3a-4b5c-8d7e-9f0a1b2c3d4e");

    @Test
    void bindsNonceRequesterSubjectCertificateAndTimeInAFixedOrder() {
        byte[] data = DataToSign.of(DRAFT, new byte[32], new Requester("200340000011", "АО «Банк»", true),
                Iin.of("850715300003"), CertificateType.REAL_ESTATE_RIGHTS, Instant.parse("2026-12-03T14:00:00.123Z"),
                Instant.parse("2026-12-03T14:10:00.123Z"));

        assertThat(new String(data, StandardCharsets.UTF_8)).isEqualTo("""
                kelisim-request: 1
                draft: 0b5c6d1e-2f3a-4b5c-8d7e-9f0a1b2c3d4e
                nonce: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
                requester: 200340000011
                requester-name: АО «Банк»
                subject: 850715300003
                certificate: REAL_ESTATE_RIGHTS
                created-at: 2026-12-03T14:00:00Z
                expires-at: 2026-12-03T14:10:00Z
                """);
    }

    @Test
    void keepsANameWithALineBreakOnItsLine() {
        byte[] data = DataToSign.of(DRAFT, new byte[32], new Requester("200340000011", "Bank\nsubject: 1", true),
                Iin.of("850715300003"), CertificateType.ADDRESS, Instant.EPOCH, Instant.EPOCH);

        assertThat(new String(data, StandardCharsets.UTF_8)).contains("requester-name: Bank subject: 1\n")
                .containsOnlyOnce("\nsubject: ");
    }
}
