package org.kelisim.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import javax.xml.crypto.MarshalException;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Verifies enveloped XMLDSig signatures (NCALayer's {@code xml} format) with the JDK's javax.xml.crypto: each
 * Signature element of the document must reference the whole document and verify with the certificate in its
 * KeyInfo. The parser refuses DTDs (no entity expansion, no external fetches).
 */
final class XmlVerifier {

    private final XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");

    /** The parsed document and its signers. */
    record VerifiedXml(Document document, List<SignerEvidence> signers) {

        VerifiedXml {
            signers = List.copyOf(signers);
        }
    }

    /** @throws SignatureRejectedException {@code signature_invalid} unless every signature verifies */
    VerifiedXml verify(String xml) {
        Document document = parse(xml);
        NodeList signatures = document.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        if (signatures.getLength() == 0) {
            throw invalid(null);
        }

        List<SignerEvidence> signers = new ArrayList<>();
        for (int i = 0; i < signatures.getLength(); i++) {
            signers.add(verify((Element) signatures.item(i)));
        }
        return new VerifiedXml(document, signers);
    }

    private SignerEvidence verify(Element element) {
        var selector = new CertificateSelector();
        var context = new DOMValidateContext(selector, element);
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
        try {
            XMLSignature signature = factory.unmarshalXMLSignature(context);
            boolean wholeDocument = signature.getSignedInfo().getReferences().stream()
                    .allMatch(reference -> reference.getURI() == null || reference.getURI().isEmpty());
            if (!wholeDocument || !signature.validate(context) || selector.certificate == null) {
                throw invalid(null);
            }
            return new SignerEvidence(SigningCertificate.of(selector.certificate), selector.carried,
                    Optional.empty(), Optional.empty());
        } catch (MarshalException | XMLSignatureException | RuntimeException e) {
            if (e instanceof SignatureRejectedException rejected) {
                throw rejected;
            }
            throw invalid(e);
        }
    }

    private static Document parse(String xml) {
        try {
            var builders = DocumentBuilderFactory.newInstance();
            builders.setNamespaceAware(true);
            builders.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            builders.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            builders.setExpandEntityReferences(false);
            var builder = builders.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (ParserConfigurationException | SAXException | IOException | RuntimeException e) {
            throw invalid(e);
        }
    }

    private static SignatureRejectedException invalid(Throwable cause) {
        return new SignatureRejectedException("signature_invalid", SignatureRejectedException.Kind.UNPROCESSABLE,
                cause);
    }

    /** Takes the signer's key from the first certificate of X509Data, and keeps the certificates for the chain. */
    private static final class CertificateSelector extends KeySelector {

        private X509Certificate certificate;
        private final List<X509Certificate> carried = new ArrayList<>();

        @Override
        public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method,
                XMLCryptoContext context) throws KeySelectorException {
            if (keyInfo == null) {
                throw new KeySelectorException("No KeyInfo");
            }
            for (Object content : keyInfo.getContent()) {
                if (content instanceof X509Data data) {
                    for (Object item : data.getContent()) {
                        if (item instanceof X509Certificate found) {
                            carried.add(found);
                            if (certificate == null) {
                                certificate = found;
                            }
                        }
                    }
                }
            }
            if (certificate == null) {
                throw new KeySelectorException("No certificate in KeyInfo");
            }
            Key key = certificate.getPublicKey();
            return () -> key;
        }
    }
}
