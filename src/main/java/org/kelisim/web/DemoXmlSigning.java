package org.kelisim.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.kelisim.signature.CmsSigning;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * The demo NCALayer's {@code xml} format: an enveloped XMLDSig over the whole document (RSA or ECDSA with SHA-256),
 * the signer's certificate chain in KeyInfo, as NCALayer makes it. The parser refuses DTDs.
 */
final class DemoXmlSigning {

    private static final String ECDSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";

    private DemoXmlSigning() {
    }

    static String sign(CmsSigning.SigningKey key, String xml) {
        try {
            Document document = parse(xml);
            var factory = XMLSignatureFactory.getInstance("DOM");
            var reference = factory.newReference("", factory.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            factory.newTransform(CanonicalizationMethod.INCLUSIVE, (TransformParameterSpec) null)),
                    null, null);
            boolean ecdsa = key.privateKey().getPrivateKeyAlgorithm().getAlgorithm()
                    .equals(X9ObjectIdentifiers.id_ecPublicKey);
            var signedInfo = factory.newSignedInfo(
                    factory.newCanonicalizationMethod(CanonicalizationMethod.INCLUSIVE,
                            (C14NMethodParameterSpec) null),
                    factory.newSignatureMethod(ecdsa ? ECDSA_SHA256 : SignatureMethod.RSA_SHA256, null),
                    List.of(reference));
            var keyInfos = factory.getKeyInfoFactory();
            var keyInfo = keyInfos.newKeyInfo(List.of(keyInfos.newX509Data(List.copyOf(key.chain()))));
            PrivateKey privateKey = BouncyCastleProvider.getPrivateKey(key.privateKey());

            factory.newXMLSignature(signedInfo, keyInfo)
                    .sign(new DOMSignContext(privateKey, document.getDocumentElement()));
            return serialize(document);
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException | IOException
                | TransformerException e) {
            throw new IllegalArgumentException("XML not signed", e);
        }
    }

    private static Document parse(String xml) throws IOException {
        try {
            var builders = DocumentBuilderFactory.newInstance();
            builders.setNamespaceAware(true);
            builders.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            builders.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return builders.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalArgumentException("Not an XML document", e);
        }
    }

    private static String serialize(Document document) throws TransformerException {
        var transformers = TransformerFactory.newInstance();
        transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        var out = new StringWriter();
        transformers.newTransformer().transform(new DOMSource(document), new StreamResult(out));
        return out.toString();
    }
}
