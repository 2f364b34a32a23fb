package org.kelisim.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.jcajce.io.OutputStreamFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.SignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Selector;

/**
 * Verifies CMS signatures (attached or detached, one or several signers) with BouncyCastle, the Kazakh GOST
 * identifiers mapped onto its lightweight API. Checks the cryptography only: who may sign and whether the certificate
 * is trusted are decided by the callers. Each signer's own certificate must travel in the CMS, as NCALayer puts it.
 * A signature time-stamp is the exception: its authority must chain to the trust profile's anchors, because the
 * time it proves decides the moment the signer's certificate is checked at.
 */
final class CmsVerifier {

    static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private static final String GOST_NAME = "KZ-GOST:";

    private static final Map<ByteBuffer, Carried> PARSED = new ConcurrentHashMap<>();
    private static final Map<ByteBuffer, PublicKey> BC_KEYS = new ConcurrentHashMap<>();

    private final DigestCalculatorProvider jcaDigests;
    private final CertificateTrust timeStampTrust;

    /** A verifier that refuses every signature time-stamp: without trust anchors no TSA can be trusted. */
    CmsVerifier() {
        this(null);
    }

    /** @param timeStampTrust decides whether a time-stamping authority is trusted; {@code null} trusts none */
    CmsVerifier(CertificateTrust timeStampTrust) {
        this.timeStampTrust = timeStampTrust;
        try {
            this.jcaDigests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("BouncyCastle digests unavailable", e);
        }
    }

    /**
     * @param detachedContent the signed content when the CMS does not carry it, else {@code null}
     * @return the signed content and every signer
     * @throws SignatureRejectedException {@code signature_invalid} when the CMS is unreadable, carries no signer,
     *     a signer's certificate is missing or any signature or time-stamp does not verify
     */
    VerifiedCms verify(byte[] cms, byte[] detachedContent) {
        try {
            return verify(parse(cms, detachedContent));
        } catch (SignatureRejectedException e) {
            throw e;
        } catch (RuntimeException malformed) {
            throw invalid(malformed);
        }
    }

    private VerifiedCms verify(CMSSignedData signed) {
        byte[] content = signed.getSignedContent() == null ? null : (byte[]) signed.getSignedContent().getContent();
        if (content == null || signed.getSignerInfos().size() == 0) {
            throw invalid(null);
        }

        List<Carried> carried = carried(signed);
        List<X509Certificate> certificates = carried.stream().map(Carried::certificate).toList();
        List<SignerEvidence> signers = new ArrayList<>();
        for (SignerInformation signer : signed.getSignerInfos().getSigners()) {
            signers.add(verifySigner(signer, carried, certificates));
        }
        return new VerifiedCms(content, signers);
    }

    /** The content and signers of a CMS whose every signature checked out. */
    record VerifiedCms(byte[] content, List<SignerEvidence> signers) {

        VerifiedCms {
            signers = List.copyOf(signers);
        }

        @Override
        public String toString() {
            return "VerifiedCms[" + content.length + " bytes, " + signers.size() + " signers]";
        }
    }

    /** Parses once; the detached content is used only when the CMS carries none. */
    private static CMSSignedData parse(byte[] cms, byte[] detachedContent) {
        try {
            // Lazily: the certificates a CMS carries are mostly known ones, found by their bytes, never read
            // again (see carried); the rest of the structure is read as it is used.
            var in = new ASN1InputStream(cms, true);
            ASN1Primitive read = in.readObject();
            if (read == null || in.available() != 0) {
                throw new IOException("Not one ASN.1 object");
            }
            ContentInfo info = ContentInfo.getInstance(read);
            CMSSignedData signed = new CMSSignedData(info);
            return signed.getSignedContent() == null && detachedContent != null
                    ? new CMSSignedData(new CMSProcessableByteArray(detachedContent), info)
                    : signed;
        } catch (CMSException | IOException | RuntimeException e) {
            throw invalid(e);
        }
    }

    private SignerEvidence verifySigner(SignerInformation signer, List<Carried> carried,
            List<X509Certificate> certificates) {
        Carried own = carried.stream().filter(candidate -> signer.getSID().match(candidate.holder())).findFirst()
                .orElseThrow(() -> invalid(null));
        X509CertificateHolder holder = own.holder();
        X509Certificate certificate = own.certificate();
        try {
            if (!signer.verify(new SignerInformationVerifier(new NameGenerator(), new AlgorithmFinder(),
                    new Verifiers(holder, certificate.getPublicKey(), false), new Digests(jcaDigests)))) {
                throw invalid(null);
            }
        } catch (CMSException | RuntimeException e) {
            throw invalid(e);
        }

        return new SignerEvidence(SigningCertificate.of(certificate), certificates, signingTime(signer),
                timeStamp(signer));
    }

    SignerInformationVerifier verifier(X509CertificateHolder holder) {
        return new SignerInformationVerifier(new NameGenerator(), new AlgorithmFinder(),
                new Verifiers(holder, null, false), new Digests(jcaDigests));
    }

    /** Digests by identifier, the Kazakh GOST ones included. */
    DigestCalculatorProvider digests() {
        return new Digests(jcaDigests);
    }

    /** Verifies what a certificate's key signed (OCSP responses, certificates), GOST included. */
    static ContentVerifierProvider verifierProvider(X509CertificateHolder holder) {
        return new Verifiers(holder, null, false);
    }

    private static Optional<Instant> signingTime(SignerInformation signer) {
        AttributeTable attributes = signer.getSignedAttributes();
        Attribute attribute = attributes == null ? null : attributes.get(CMSAttributes.signingTime);
        if (attribute == null || attribute.getAttrValues().size() != 1) {
            return Optional.empty();
        }
        return Optional.of(instant(Time.getInstance(attribute.getAttrValues().getObjectAt(0))));
    }

    /**
     * A CMS time as an instant. The DER forms (RFC 5280 §4.1.2.5: UTCTime YYMMDDHHMMSSZ, GeneralizedTime
     * YYYYMMDDHHMMSSZ) are read directly; BouncyCastle's general reading builds a SimpleDateFormat for each value.
     */
    static Instant instant(Time time) {
        ASN1Primitive primitive = time.toASN1Primitive();
        // ASN1UTCTime.toString() and getTimeString() give the encoded characters unchanged.
        String text = primitive instanceof ASN1UTCTime utcTime ? utcTime.toString()
                : primitive instanceof ASN1GeneralizedTime generalized ? generalized.getTimeString() : null;
        boolean utc = primitive instanceof ASN1UTCTime;
        if (text == null || text.length() != (utc ? 13 : 15) || text.charAt(text.length() - 1) != 'Z') {
            return time.getDate().toInstant();
        }
        int[] fields = new int[text.length() / 2];
        for (int i = 0; i < fields.length; i++) {
            int high = text.charAt(2 * i) - '0';
            int low = text.charAt(2 * i + 1) - '0';
            if (high < 0 || high > 9 || low < 0 || low > 9) {
                return time.getDate().toInstant();
            }
            fields[i] = high * 10 + low;
        }
        int at = utc ? 1 : 2;
        // RFC 5280: a UTCTime year below 50 is 20YY, else 19YY.
        int year = utc ? (fields[0] < 50 ? 2000 : 1900) + fields[0] : fields[0] * 100 + fields[1];
        return LocalDateTime.of(year, fields[at], fields[at + 1], fields[at + 2], fields[at + 3], fields[at + 4])
                .toInstant(ZoneOffset.UTC);
    }

    /** RFC 3161 signature time-stamp (RFC 5126 id-aa-signatureTimeStampToken) over the signature value. */
    private Optional<Instant> timeStamp(SignerInformation signer) {
        AttributeTable attributes = signer.getUnsignedAttributes();
        Attribute attribute = attributes == null
                ? null
                : attributes.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attribute == null) {
            return Optional.empty();
        }
        try {
            var token = new TimeStampToken(ContentInfo.getInstance(
                    attribute.getAttrValues().getObjectAt(0)));
            var info = token.getTimeStampInfo();
            DigestCalculator calculator = new Digests(jcaDigests).get(info.getHashAlgorithm());
            try (OutputStream out = calculator.getOutputStream()) {
                out.write(signer.getSignature());
            }
            if (!Arrays.equals(calculator.getDigest(), info.getMessageImprintDigest())) {
                throw invalid(null);
            }
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> tsa = token.getCertificates()
                    .getMatches((Selector<X509CertificateHolder>) (Selector<?>) token.getSID());
            if (tsa.isEmpty()) {
                // Without the TSA's certificate the time cannot be proven; the signature itself still stands.
                return Optional.empty();
            }
            X509CertificateHolder tsaCertificate = tsa.iterator().next();
            // The token's validation checks the TSA certificate's validity and critical timeStamping EKU itself.
            token.validate(new SignerInformationVerifier(new NameGenerator(), new AlgorithmFinder(),
                    new Verifiers(tsaCertificate, null, true), new Digests(jcaDigests)));
            Instant stampedAt = info.getGenTime().toInstant();
            if (timeStampTrust == null) {
                throw new SignatureRejectedException("timestamp_untrusted",
                        SignatureRejectedException.Kind.UNPROCESSABLE);
            }
            timeStampTrust.checkTimeStampingAuthority(certificates(List.of(tsaCertificate)).get(0),
                    certificates(token.getCertificates().getMatches(null)), stampedAt);
            return Optional.of(stampedAt);
        } catch (TSPException | IOException | OperatorCreationException | RuntimeException e) {
            if (e instanceof SignatureRejectedException rejected) {
                throw rejected;
            }
            throw invalid(e);
        }
    }

    /** Certificates as the JDK reads them; the same signers come back again and again, so parsed ones are kept. */
    static List<X509Certificate> certificates(Collection<X509CertificateHolder> holders) {
        try {
            List<X509Certificate> certificates = new ArrayList<>();
            for (X509CertificateHolder holder : holders) {
                certificates.add(carried(holder.getEncoded()).certificate());
            }
            return certificates;
        } catch (IOException e) {
            throw invalid(e);
        }
    }

    /**
     * The certificates a CMS carries, in its order. Each is looked up by its exact bytes, taken from the CMS as they
     * are: a certificate not yet touched by the lazy reading is written out unchanged, without being read and
     * encoded again, which is what a BouncyCastle certificate holder would do.
     */
    private static List<Carried> carried(CMSSignedData signed) {
        ASN1Set set = SignedData.getInstance(signed.toASN1Structure().getContent()).getCertificates();
        if (set == null) {
            return List.of();
        }
        try {
            List<Carried> carried = new ArrayList<>();
            for (ASN1Encodable element : set) {
                // Attribute and other certificates (tagged choices) are not signers' certificates.
                if (element.toASN1Primitive() instanceof ASN1Sequence certificate) {
                    carried.add(carried(certificate.getEncoded()));
                }
            }
            return carried;
        } catch (IOException e) {
            throw invalid(e);
        }
    }

    private static Carried carried(byte[] encoded) {
        var key = ByteBuffer.wrap(encoded);
        Carried known = PARSED.get(key);
        if (known != null) {
            return known;
        }
        try {
            var certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(encoded));
            var parsed = new Carried(certificate, new X509CertificateHolder(encoded));
            if (PARSED.size() > 2_000) {
                PARSED.clear();
            }
            PARSED.put(key, parsed);
            return parsed;
        } catch (CertificateException | IOException | RuntimeException e) {
            throw invalid(e);
        }
    }

    /** One certificate read twice, once by the JDK (for PKIX and the profile), once by BouncyCastle (for CMS). */
    private record Carried(X509Certificate certificate, X509CertificateHolder holder) {
    }

    private static SignatureRejectedException invalid(Throwable cause) {
        return new SignatureRejectedException("signature_invalid", SignatureRejectedException.Kind.UNPROCESSABLE,
                cause);
    }

    /** Names GOST signer infos by their own identifier, everything else as BouncyCastle does. */
    private static final class NameGenerator implements CMSSignatureAlgorithmNameGenerator {

        private static final CMSSignatureAlgorithmNameGenerator DEFAULT =
                new DefaultCMSSignatureAlgorithmNameGenerator();

        @Override
        public String getSignatureName(AlgorithmIdentifier digest, AlgorithmIdentifier encryption) {
            var variant = KazakhGost.variant(encryption.getAlgorithm());
            if (variant == null) {
                variant = KazakhGost.variant(digest.getAlgorithm());
            }
            return variant != null ? GOST_NAME + variant.name() : DEFAULT.getSignatureName(digest, encryption);
        }
    }

    private static final class AlgorithmFinder implements SignatureAlgorithmIdentifierFinder {

        private static final SignatureAlgorithmIdentifierFinder DEFAULT =
                new DefaultSignatureAlgorithmIdentifierFinder();

        @Override
        public AlgorithmIdentifier find(String name) {
            if (name.startsWith(GOST_NAME)) {
                var variant = KazakhGost.Variant.valueOf(name.substring(GOST_NAME.length()));
                return new AlgorithmIdentifier(variant.signatureOid());
            }
            return DEFAULT.find(name);
        }
    }

    /** Verifiers from the signer's public key only: validity in time is the trust check's business. */
    private static final class Verifiers implements ContentVerifierProvider {

        private final X509CertificateHolder holder;
        private final PublicKey parsedKey;
        private final boolean associated;

        /** @param associated whether callers may check the certificate (a TSA's), or only use its key */
        Verifiers(X509CertificateHolder holder, PublicKey parsedKey, boolean associated) {
            this.holder = holder;
            this.parsedKey = parsedKey;
            this.associated = associated;
        }

        @Override
        public boolean hasAssociatedCertificate() {
            return associated;
        }

        @Override
        public X509CertificateHolder getAssociatedCertificate() {
            return associated ? holder : null;
        }

        @Override
        public ContentVerifier get(AlgorithmIdentifier algorithm) throws OperatorCreationException {
            var variant = KazakhGost.variant(algorithm.getAlgorithm());
            if (variant != null) {
                return new GostContentVerifier(variant, holder, algorithm);
            }
            String plain = PlainSignatures.name(algorithm);
            if (parsedKey != null && !"EC".equals(parsedKey.getAlgorithm())) {
                try {
                    return plain != null
                            ? PlainSignatures.verifier(algorithm, plain, parsedKey)
                            : new JcaContentVerifierProviderBuilder().build(parsedKey).get(algorithm);
                } catch (OperatorCreationException | RuntimeException notForTheJdk) {
                    // BouncyCastle below knows more algorithms than the JDK's providers.
                }
            }
            try {
                PublicKey key = bouncyCastleKey(holder);
                if (key == null) {
                    throw new OperatorCreationException("Unsupported key " + holder.getSubjectPublicKeyInfo()
                            .getAlgorithm().getAlgorithm());
                }
                return plain != null
                        ? PlainSignatures.verifier(algorithm, plain, key, BC)
                        : new JcaContentVerifierProviderBuilder().setProvider(BC).build(key).get(algorithm);
            } catch (IOException e) {
                throw new OperatorCreationException("Unreadable public key", e);
            }
        }
    }

    /**
     * RSA PKCS#1 v1.5 and ECDSA with the SHA-2 family (and SHA-1), verified through one JCA {@link Signature}.
     * BouncyCastle's own JCA verifier for these also initialises a raw ("NONEwith…") signature and, to free
     * PKCS#11 sessions, runs it after the real one, so every RSA and ECDSA check was computed twice.
     */
    private static final class PlainSignatures {

        private static final Map<ASN1ObjectIdentifier, String> NAMES = Map.of(
                PKCSObjectIdentifiers.sha1WithRSAEncryption, "SHA1withRSA",
                PKCSObjectIdentifiers.sha224WithRSAEncryption, "SHA224withRSA",
                PKCSObjectIdentifiers.sha256WithRSAEncryption, "SHA256withRSA",
                PKCSObjectIdentifiers.sha384WithRSAEncryption, "SHA384withRSA",
                PKCSObjectIdentifiers.sha512WithRSAEncryption, "SHA512withRSA",
                X9ObjectIdentifiers.ecdsa_with_SHA1, "SHA1withECDSA",
                X9ObjectIdentifiers.ecdsa_with_SHA224, "SHA224withECDSA",
                X9ObjectIdentifiers.ecdsa_with_SHA256, "SHA256withECDSA",
                X9ObjectIdentifiers.ecdsa_with_SHA384, "SHA384withECDSA",
                X9ObjectIdentifiers.ecdsa_with_SHA512, "SHA512withECDSA");

        /** The provider the JDK chose for a key class and algorithm: asked once, not searched on every check. */
        private static final Map<String, Provider> JDK_PROVIDERS = new ConcurrentHashMap<>();

        /** The JCA name, or {@code null} for anything with parameters (PSS) or unknown here. */
        static String name(AlgorithmIdentifier algorithm) {
            var parameters = algorithm.getParameters();
            if (parameters != null && !DERNull.INSTANCE.equals(parameters)) {
                return null;
            }
            return NAMES.get(algorithm.getAlgorithm());
        }

        /** Through the JDK provider that takes this key. */
        static ContentVerifier verifier(AlgorithmIdentifier algorithm, String name, PublicKey key)
                throws OperatorCreationException {
            String choice = name + "/" + key.getClass().getName();
            Provider provider = JDK_PROVIDERS.get(choice);
            if (provider != null) {
                try {
                    return verifier(algorithm, name, key, provider);
                } catch (OperatorCreationException notThisKey) {
                    // Let the JDK choose again below.
                }
            }
            try {
                Signature signature = Signature.getInstance(name);
                signature.initVerify(key);
                JDK_PROVIDERS.put(choice, signature.getProvider());
                return new JcaVerifier(algorithm, signature);
            } catch (GeneralSecurityException e) {
                throw new OperatorCreationException("No JDK verifier for " + name, e);
            }
        }

        static ContentVerifier verifier(AlgorithmIdentifier algorithm, String name, PublicKey key,
                Provider provider) throws OperatorCreationException {
            try {
                Signature signature = Signature.getInstance(name, provider);
                signature.initVerify(key);
                return new JcaVerifier(algorithm, signature);
            } catch (GeneralSecurityException e) {
                throw new OperatorCreationException("No verifier for " + name, e);
            }
        }
    }

    private static final class JcaVerifier implements ContentVerifier {

        private final AlgorithmIdentifier algorithm;
        private final Signature signature;
        private final OutputStream stream;

        JcaVerifier(AlgorithmIdentifier algorithm, Signature signature) {
            this.algorithm = algorithm;
            this.signature = signature;
            this.stream = OutputStreamFactory.createStream(signature);
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return algorithm;
        }

        @Override
        public OutputStream getOutputStream() {
            return stream;
        }

        @Override
        public boolean verify(byte[] expected) {
            try {
                return signature.verify(expected);
            } catch (SignatureException malformed) {
                return false;
            }
        }
    }

    /**
     * The key as a BouncyCastle key, kept per certificate: BouncyCastle caches its multiplication tables on the EC
     * point, so ECDSA verifications with a known key cost half as much.
     */
    private static PublicKey bouncyCastleKey(X509CertificateHolder holder) throws IOException {
        var encoded = ByteBuffer.wrap(holder.getSubjectPublicKeyInfo().getEncoded());
        PublicKey key = BC_KEYS.get(encoded);
        if (key == null) {
            key = BouncyCastleProvider.getPublicKey(holder.getSubjectPublicKeyInfo());
            if (key != null) {
                if (BC_KEYS.size() > 2_000) {
                    BC_KEYS.clear();
                }
                BC_KEYS.put(encoded, key);
            }
        }
        return key;
    }

    private static final class GostContentVerifier implements ContentVerifier {

        private final KazakhGost.Variant variant;
        private final X509CertificateHolder holder;
        private final AlgorithmIdentifier algorithm;
        private final DigestOutputStream stream;

        GostContentVerifier(KazakhGost.Variant variant, X509CertificateHolder holder, AlgorithmIdentifier algorithm) {
            this.variant = variant;
            this.holder = holder;
            this.algorithm = algorithm;
            this.stream = new DigestOutputStream(variant.newDigest());
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return algorithm;
        }

        @Override
        public OutputStream getOutputStream() {
            return stream;
        }

        @Override
        public boolean verify(byte[] signature) {
            try {
                return KazakhGost.verifyDigest(variant, KazakhGost.publicKey(holder.getSubjectPublicKeyInfo()),
                        stream.digest(), signature);
            } catch (IllegalArgumentException unreadableKey) {
                return false;
            }
        }
    }

    /** Digests by identifier: GOST ones through the lightweight API, the rest through BouncyCastle's JCA. */
    private static final class Digests implements DigestCalculatorProvider {

        private final DigestCalculatorProvider jca;

        Digests(DigestCalculatorProvider jca) {
            this.jca = jca;
        }

        @Override
        public DigestCalculator get(AlgorithmIdentifier algorithm) throws OperatorCreationException {
            var variant = KazakhGost.variant(algorithm.getAlgorithm());
            if (variant == null) {
                return jca.get(algorithm);
            }
            var stream = new DigestOutputStream(variant.newDigest());
            var identifier = new AlgorithmIdentifier(variant.digestOid(), DERNull.INSTANCE);
            return new DigestCalculator() {
                @Override
                public AlgorithmIdentifier getAlgorithmIdentifier() {
                    return identifier;
                }

                @Override
                public OutputStream getOutputStream() {
                    return stream;
                }

                @Override
                public byte[] getDigest() {
                    return stream.digest();
                }
            };
        }
    }

    static final class DigestOutputStream extends OutputStream {

        private final org.bouncycastle.crypto.Digest digest;

        DigestOutputStream(org.bouncycastle.crypto.Digest digest) {
            this.digest = digest;
        }

        @Override
        public void write(int b) {
            digest.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            digest.update(b, off, len);
        }

        byte[] digest() {
            byte[] out = new byte[digest.getDigestSize()];
            digest.doFinal(out, 0);
            return out;
        }
    }
}
