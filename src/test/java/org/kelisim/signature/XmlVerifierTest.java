package org.kelisim.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
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
    void aDoctypeIsRefused() {
        assertThatThrownBy(() -> verifier.verify("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>"))
                .hasMessage("signature_invalid");
    }
}
