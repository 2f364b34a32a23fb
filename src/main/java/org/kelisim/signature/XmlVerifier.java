package org.kelisim.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.PublicKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.AlgorithmParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.xml.security.Init;
import org.apache.xml.security.algorithms.JCEMapper;
import org.apache.xml.security.algorithms.SignatureAlgorithm;
import org.apache.xml.security.algorithms.SignatureAlgorithmSpi;
import org.apache.xml.security.exceptions.AlgorithmAlreadyRegisteredException;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.keys.content.X509Data;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.signature.XMLSignatureException;
import org.apache.xml.security.utils.Constants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Verifies enveloped XMLDSig signatures (NCALayer's {@code xml} format) with Apache Santuario: each Signature element
 * of the document must reference the whole document and verify with the certificate in its KeyInfo. Besides the
 * W3C algorithms, the Kazakh GOST signature and digest URIs of KalkanCrypt are registered with Santuario and backed
 * by {@link KazakhGost}; canonicalization, transforms and reference digests stay Santuario's. The parser refuses
 * DTDs (no entity expansion, no external fetches), and Santuario runs with secure validation (no external references,
 * bounded transforms and references).
 */
final class XmlVerifier {

    private static final String PKIGOVKZ = "urn:ietf:params:xml:ns:pkigovkz:xmlsec:algorithms:";
    /** GOST 34.10-2015-512 with Streebog-512, as in the Kalkan-made fixture. */
    static final String SIGNATURE_2015_512 = PKIGOVKZ + "gostr34102015-gostr34112015-512";
    /** Streebog-512, as in the Kalkan-made fixture. */
    static final String DIGEST_2015_512 = PKIGOVKZ + "gostr34112015-512";
    /**
     * GOST 34.310-2004 with GOST 34.311-95, the URI KalkanCrypt is understood to write for the older Kazakh GOST keys
     * (no Kalkan-made fixture shows it).
     */
    static final String SIGNATURE_2004 = "http://www.w3.org/2001/04/xmldsig-more#gost34310-gost34311";
    /** GOST 34.311-95 ("D-Test" S-box), likewise not shown by a fixture. */
    static final String DIGEST_2004 = "http://www.w3.org/2001/04/xmldsig-more#gost34311";

    static {
        registerAlgorithms();
    }

    /** The parsed document and its signers. */
    record VerifiedXml(Document document, List<SignerEvidence> signers) {

        VerifiedXml {
            signers = List.copyOf(signers);
        }
    }

    /** @throws SignatureRejectedException {@code signature_invalid} unless every signature verifies */
    VerifiedXml verify(String xml) {
        Document document = parse(xml);
        NodeList signatures = document.getElementsByTagNameNS(Constants.SignatureSpecNS, "Signature");
        if (signatures.getLength() == 0) {
            throw invalid(null);
        }

        List<SignerEvidence> signers = new ArrayList<>();
        for (int i = 0; i < signatures.getLength(); i++) {
            signers.add(verify(asSigned(document, i)));
        }
        return new VerifiedXml(document, signers);
    }

    /**
     * The document as the {@code index}-th signer signed it: KalkanCrypt adds a signature to an already signed
     * document without covering the later signatures (its reference digests the document as it was), so those are
     * taken out of a copy. The earlier signatures stay, because the later signer's reference covers them.
     */
    private static Element asSigned(Document document, int index) {
        Document copy = (Document) document.cloneNode(true);
        NodeList signatures = copy.getElementsByTagNameNS(Constants.SignatureSpecNS, "Signature");
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < signatures.getLength(); i++) {
            elements.add((Element) signatures.item(i));
        }
        for (Element later : elements.subList(index + 1, elements.size())) {
            if (later.getParentNode() != null) {
                later.getParentNode().removeChild(later);
            }
        }
        return elements.get(index);
    }

    private static SignerEvidence verify(Element element) {
        try {
            var signature = new XMLSignature(element, "", true);
            SignedInfo signedInfo = signature.getSignedInfo();
            for (int i = 0; i < signedInfo.getLength(); i++) {
                String uri = signedInfo.item(i).getURI();
                if (uri != null && !uri.isEmpty()) {
                    throw invalid(null);
                }
            }
            List<X509Certificate> carried = certificates(signature.getKeyInfo());
            if (carried.isEmpty() || !signature.checkSignatureValue(carried.get(0).getPublicKey())) {
                throw invalid(null);
            }
            return new SignerEvidence(SigningCertificate.of(carried.get(0)), carried, Optional.empty(),
                    Optional.empty());
        } catch (XMLSecurityException | RuntimeException e) {
            if (e instanceof SignatureRejectedException rejected) {
                throw rejected;
            }
            throw invalid(e);
        }
    }

    private static List<X509Certificate> certificates(KeyInfo keyInfo) throws XMLSecurityException {
        List<X509Certificate> carried = new ArrayList<>();
        if (keyInfo == null) {
            return carried;
        }
        for (int i = 0; i < keyInfo.lengthX509Data(); i++) {
            X509Data data = keyInfo.itemX509Data(i);
            for (int j = 0; j < data.lengthCertificate(); j++) {
                carried.add(data.itemCertificate(j).getX509Certificate());
            }
        }
        return carried;
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

    private static synchronized void registerAlgorithms() {
        Init.init();
        KazakhGostProvider.install();
        register(DIGEST_2015_512, SIGNATURE_2015_512, KazakhGost.Variant.GOST_2015_512, Gost2015Signature.class);
        register(DIGEST_2004, SIGNATURE_2004, KazakhGost.Variant.GOST_2004, Gost2004Signature.class);
    }

    private static void register(String digestUri, String signatureUri, KazakhGost.Variant variant,
            Class<? extends SignatureAlgorithmSpi> implementation) {
        JCEMapper.register(digestUri, new JCEMapper.Algorithm("", KazakhGostProvider.digestName(variant),
                "MessageDigest", 0, 0, KazakhGostProvider.NAME));
        try {
            SignatureAlgorithm.register(signatureUri, implementation);
        } catch (AlgorithmAlreadyRegisteredException e) {
            // Registered by an earlier class loader run in the same JVM (tests); Santuario keeps it.
        } catch (ClassNotFoundException | XMLSignatureException e) {
            throw new IllegalStateException("Cannot register " + signatureUri, e);
        }
    }

    /** Santuario's view of a Kazakh GOST signature: verification only, through {@link KazakhGostProvider}. */
    abstract static class GostSignatureAlgorithm extends SignatureAlgorithmSpi {

        private final KazakhGost.Variant variant;
        private final String uri;
        private final KazakhGostProvider.GostSignature signature;

        GostSignatureAlgorithm(KazakhGost.Variant variant, String uri) {
            this.variant = variant;
            this.uri = uri;
            this.signature = new KazakhGostProvider.GostSignature(variant);
        }

        @Override
        protected String engineGetURI() {
            return uri;
        }

        @Override
        protected String engineGetJCEAlgorithmString() {
            return variant.signatureOid().getId();
        }

        @Override
        protected String engineGetJCEProviderName() {
            return KazakhGostProvider.NAME;
        }

        @Override
        protected void engineUpdate(byte[] input) {
            signature.engineUpdate(input, 0, input.length);
        }

        @Override
        protected void engineUpdate(byte input) {
            signature.engineUpdate(input);
        }

        @Override
        protected void engineUpdate(byte[] buf, int offset, int len) {
            signature.engineUpdate(buf, offset, len);
        }

        @Override
        protected void engineInitVerify(Key key) throws XMLSignatureException {
            if (!(key instanceof PublicKey publicKey)) {
                throw new XMLSignatureException("empty", new Object[] {"Not a public key"});
            }
            try {
                signature.engineInitVerify(publicKey);
            } catch (java.security.InvalidKeyException e) {
                throw new XMLSignatureException(e);
            }
        }

        @Override
        protected boolean engineVerify(byte[] value) {
            return signature.engineVerify(value);
        }

        @Override
        protected void engineInitSign(Key key) throws XMLSignatureException {
            throw verificationOnly();
        }

        @Override
        protected void engineInitSign(Key key, SecureRandom random) throws XMLSignatureException {
            throw verificationOnly();
        }

        @Override
        protected void engineInitSign(Key key, AlgorithmParameterSpec spec) throws XMLSignatureException {
            throw verificationOnly();
        }

        @Override
        protected byte[] engineSign() throws XMLSignatureException {
            throw verificationOnly();
        }

        @Override
        protected void engineSetParameter(AlgorithmParameterSpec params) throws XMLSignatureException {
            throw verificationOnly();
        }

        @Override
        protected void engineSetHMACOutputLength(int length) throws XMLSignatureException {
            throw verificationOnly();
        }

        private static XMLSignatureException verificationOnly() {
            return new XMLSignatureException("empty", new Object[] {"Verification only"});
        }
    }

    /** GOST 34.10-2015-512; public because Santuario instantiates it by reflection. */
    public static final class Gost2015Signature extends GostSignatureAlgorithm {

        public Gost2015Signature() {
            super(KazakhGost.Variant.GOST_2015_512, SIGNATURE_2015_512);
        }

        public Gost2015Signature(Provider provider) {
            this();
        }
    }

    /** GOST 34.310-2004; public because Santuario instantiates it by reflection. */
    public static final class Gost2004Signature extends GostSignatureAlgorithm {

        public Gost2004Signature() {
            super(KazakhGost.Variant.GOST_2004, SIGNATURE_2004);
        }

        public Gost2004Signature(Provider provider) {
            this();
        }
    }
}
