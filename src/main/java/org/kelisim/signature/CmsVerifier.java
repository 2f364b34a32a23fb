package org.kelisim.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
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
 */
final class CmsVerifier {

    static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private static final String GOST_NAME = "KZ-GOST:";

    private static final Map<ByteBuffer, X509Certificate> PARSED = new ConcurrentHashMap<>();
    private static final Map<ByteBuffer, PublicKey> BC_KEYS = new ConcurrentHashMap<>();

    private final DigestCalculatorProvider jcaDigests;

    CmsVerifier() {
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

        List<X509Certificate> carried = certificates(signed.getCertificates().getMatches(null));
        List<SignerEvidence> signers = new ArrayList<>();
        for (SignerInformation signer : signed.getSignerInfos().getSigners()) {
            signers.add(verifySigner(signed, signer, carried));
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
            ContentInfo info = ContentInfo.getInstance(ASN1Primitive.fromByteArray(cms));
            CMSSignedData signed = new CMSSignedData(info);
            return signed.getSignedContent() == null && detachedContent != null
                    ? new CMSSignedData(new CMSProcessableByteArray(detachedContent), info)
                    : signed;
        } catch (CMSException | IOException | RuntimeException e) {
            throw invalid(e);
        }
    }

    @SuppressWarnings("unchecked")
    private SignerEvidence verifySigner(CMSSignedData signed, SignerInformation signer,
            List<X509Certificate> carried) {
        Collection<X509CertificateHolder> matches = signed.getCertificates()
                .getMatches((Selector<X509CertificateHolder>) (Selector<?>) signer.getSID());
        if (matches.isEmpty()) {
            throw invalid(null);
        }
        X509CertificateHolder holder = matches.iterator().next();
        X509Certificate certificate = certificates(List.of(holder)).get(0);
        try {
            if (!signer.verify(new SignerInformationVerifier(new NameGenerator(), new AlgorithmFinder(),
                    new Verifiers(holder, certificate.getPublicKey(), false), new Digests(jcaDigests)))) {
                throw invalid(null);
            }
        } catch (CMSException | RuntimeException e) {
            throw invalid(e);
        }

        return new SignerEvidence(SigningCertificate.of(certificate), carried, signingTime(signer),
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
        return Optional.of(Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant());
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
            // TODO(#3): the time-stamping authority's own chain is not checked against the trust anchors yet.
            X509CertificateHolder tsaCertificate = tsa.iterator().next();
            // The token's validation checks the TSA certificate's validity and critical timeStamping EKU itself.
            token.validate(new SignerInformationVerifier(new NameGenerator(), new AlgorithmFinder(),
                    new Verifiers(tsaCertificate, null, true), new Digests(jcaDigests)));
            return Optional.of(info.getGenTime().toInstant());
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
                byte[] encoded = holder.getEncoded();
                var key = ByteBuffer.wrap(encoded);
                X509Certificate certificate = PARSED.get(key);
                if (certificate == null) {
                    certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                            .generateCertificate(new ByteArrayInputStream(encoded));
                    if (PARSED.size() > 2_000) {
                        PARSED.clear();
                    }
                    PARSED.put(key, certificate);
                }
                certificates.add(certificate);
            }
            return certificates;
        } catch (CertificateException | IOException e) {
            throw invalid(e);
        }
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
            if (parsedKey != null && !"EC".equals(parsedKey.getAlgorithm())) {
                try {
                    return new JcaContentVerifierProviderBuilder().build(parsedKey).get(algorithm);
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
                return new JcaContentVerifierProviderBuilder().setProvider(BC).build(key).get(algorithm);
            } catch (IOException e) {
                throw new OperatorCreationException("Unreadable public key", e);
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
