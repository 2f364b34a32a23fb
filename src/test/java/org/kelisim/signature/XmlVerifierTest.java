package org.kelisim.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class XmlVerifierTest {

    private final XmlVerifier verifier = new XmlVerifier();

    private static String xml(String file) {
        return new String(Fixtures.bytes("xml/" + file), StandardCharsets.UTF_8);
    }

    @Test
    void kalkanRsaSignatureVerifies() {
        var verified = verifier.verify(xml("one_signer_rsa.xml"));

        assertThat(verified.signers()).singleElement()
                .satisfies(signer -> assertThat(signer.signer().iin()).isEqualTo("123456789011"));
        assertThat(verified.document().getDocumentElement().getLocalName()).isEqualTo("a");
    }

    @Nested
    class KalkanTwoSigners {

        private final String document = xml("two_signers.xml");

        @Test
        void bothSignaturesVerifyWithTheirSignersProfiles() {
            var verified = verifier.verify(document);

            assertThat(verified.signers()).hasSize(2);
            assertThat(verified.signers().get(0).signer()).satisfies(rsa -> {
                assertThat(rsa.iin()).isEqualTo("123456789011");
                assertThat(rsa.serialNumber()).startsWithIgnoringCase("4279390A");
            });
            assertThat(verified.signers().get(1).signer()).satisfies(gost -> {
                assertThat(gost.iin()).isEqualTo("123456789012");
                assertThat(gost.serialNumber()).startsWithIgnoringCase("FF06211");
            });
            assertThat(verified.signers().get(1).carriedCertificates().get(0).getSigAlgOID())
                    .isEqualTo(KazakhGost.SIGNATURE_2015_512.getId());
        }

        @Test
        void aChangedByteInTheContentFails() {
            assertThatThrownBy(() -> verifier.verify(document.replace("<b>test</b>", "<b>tesT</b>")))
                    .hasMessage("signature_invalid");
        }

        @Test
        void aChangedByteInTheGostSignedInfoFails() {
            assertThat(document).contains("JXtgklPv");

            assertThatThrownBy(() -> verifier.verify(document.replace("JXtgklPv", "JXtgklPw")))
                    .hasMessage("signature_invalid");
        }

        @Test
        void aChangedByteInTheGostSignatureValueFails() {
            assertThat(document).contains("9KSGy33A");

            assertThatThrownBy(() -> verifier.verify(document.replace("9KSGy33A", "9KSGy33B")))
                    .hasMessage("signature_invalid");
        }

        @Test
        void aChangedByteInTheRsaSignatureValueFails() {
            assertThat(document).contains("aAeSW+p2");

            assertThatThrownBy(() -> verifier.verify(document.replace("aAeSW+p2", "aAeSW+p3")))
                    .hasMessage("signature_invalid");
        }

        @Test
        void aSignatureMethodChangedToTheOtherGostFails() {
            String gost2015 = "urn:ietf:params:xml:ns:pkigovkz:xmlsec:algorithms:gostr34102015-gostr34112015-512";
            assertThat(document).contains(gost2015);

            assertThatThrownBy(() -> verifier.verify(document.replace(gost2015, XmlVerifier.SIGNATURE_2004)))
                    .hasMessage("signature_invalid");
        }
    }

    @Test
    void aChangedTextFails() {
        assertThatThrownBy(() -> verifier.verify(xml("one_signer_rsa.xml").replace("<b>test</b>", "<b>tesT</b>")))
                .hasMessage("signature_invalid");
    }

    @Test
    void aDocumentWithoutSignatureFails() {
        assertThatThrownBy(() -> verifier.verify("<login><nonce>abc</nonce></login>"))
                .hasMessage("signature_invalid");
    }

    @Test
    void anExternalEntityIsRefused() {
        assertThatThrownBy(() -> verifier.verify(
                "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/hostname\">]><a>&x;</a>"))
                .hasMessage("signature_invalid");
    }

    @Test
    void aDoctypeIsRefused() {
        assertThatThrownBy(() -> verifier.verify("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>"))
                .hasMessage("signature_invalid");
    }
}
