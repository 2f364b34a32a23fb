package org.kelisim.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CmsVerifierTest {

    private final CmsVerifier verifier = new CmsVerifier();

    @Nested
    class KalkanSignatures {

        @Test
        void oneRsaSignerAttachedVerifies() {
            var cms = verifier.verify(Fixtures.bytes("cms/one_signer_rsa_attached.p7s"), null);

            assertThat(new String(cms.content(), StandardCharsets.UTF_8)).isEqualTo("test123");
            assertThat(cms.signers()).singleElement().satisfies(signer -> {
                assertThat(signer.signer().serialNumber()).startsWith("4279390A");
                assertThat(signer.signer().iin()).isEqualTo("123456789011");
                assertThat(signer.signingTime()).isPresent();
            });
        }

        @Test
        void twoSignersGostAndRsaAttachedVerify() {
            var cms = verifier.verify(Fixtures.bytes("cms/two_signers_gost2015_rsa_attached.p7s"), null);

            assertThat(cms.signers()).extracting(s -> s.signer().serialNumber().substring(0, 7))
                    .containsExactlyInAnyOrder("FF06211", "4279390");
        }

        @Test
        void twoSignersDetachedVerifyOverTheirContent() {
            var cms = verifier.verify(Fixtures.bytes("cms/two_signers_gost2015_rsa_detached.p7s"),
                    Fixtures.bytes("cms/test123.txt"));

            assertThat(cms.signers()).hasSize(2);
        }
    }

    @Nested
    class Refusals {

        @Test
        void detachedSignatureOverOtherContentIsInvalid() {
            assertThatThrownBy(() -> verifier.verify(Fixtures.bytes("cms/two_signers_gost2015_rsa_detached.p7s"),
                    "test124".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(SignatureRejectedException.class)
                    .hasMessage("signature_invalid");
        }

        @Test
        void detachedSignatureWithoutContentIsInvalid() {
            assertThatThrownBy(() -> verifier.verify(
                    Fixtures.bytes("cms/two_signers_gost2015_rsa_detached.p7s"), null))
                    .hasMessage("signature_invalid");
        }

        @Test
        void aChangedByteAnywhereInTheSignedPartsFails() {
            byte[] original = Fixtures.bytes("cms/two_signers_gost2015_rsa_attached.p7s");
            int accepted = 0;
            for (int i = 0; i < original.length; i += 7) {
                byte[] changed = original.clone();
                changed[i] ^= 0x01;
                try {
                    var cms = verifier.verify(changed, null);
                    // A flipped bit may land in unsigned, unverified parts (a carried CA certificate's body,
                    // a length that still parses the same); then the signed bytes must be unchanged.
                    assertThat(cms.content()).isEqualTo("test123".getBytes(StandardCharsets.UTF_8));
                    accepted++;
                } catch (SignatureRejectedException expected) {
                    assertThat(expected.code()).isEqualTo("signature_invalid");
                }
            }
            assertThat(accepted).isLessThan(original.length / 7 / 2);
        }
    }
}
