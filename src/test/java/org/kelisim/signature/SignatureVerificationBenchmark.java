package org.kelisim.signature;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verifications per second of a request signature (CMS, attached): the full check of
 * {@link CmsRequestSignatureVerifier} (CMS parsing, signature, profile extraction, chain from the path cache and the
 * revocation answer of a cached, already verified CRL) next to the bare signature check of the same algorithm over
 * the same signed attributes, with the same provider and key object (so both profit from cached EC tables).
 * RSA-2048 and ECDSA P-256 keys come from a CA made here; GOST 34.10-2015-512 is the test PKI's key, checked as of
 * 2022-09-01.
 * <p>
 * {@code ./mvnw -o -Pbench test-compile exec:exec -Dbench=SignatureVerificationBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
public class SignatureVerificationBenchmark {

    private static final byte[] DRAFT = "draft:1;iin=900102400346;ADDRESS;2026-12-03T10:00:00Z".getBytes();
    private static final Instant GOST_MOMENT = Instant.parse("2022-09-01T00:00:00Z");

    private Case rsa;
    private Case ecdsa;
    private Case gost;

    /** One algorithm: the CMS, the verifier and what the bare check needs. */
    private record Case(byte[] cms, Party party, Instant moment, CmsRequestSignatureVerifier verifier,
            PublicKey publicKey, ECPublicKeyParameters gostKey, String jcaAlgorithm, byte[] signedAttributes,
            byte[] signatureValue) {
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Instant now = Instant.now();
        KeyPair caKeys = generate("RSA", null);
        X509Certificate ca = certificate("CN=BENCH CA", caKeys, caKeys, true, now);
        rsa = jcaCase(ca, caKeys, generate("RSA", null), "SHA256withRSA", now);
        ecdsa = jcaCase(ca, caKeys, generate("EC", new ECGenParameterSpec("secp256r1")), "SHA256withECDSA", now);
        gost = gostCase();
    }

    @Benchmark
    public void rsaFull() {
        full(rsa);
    }

    @Benchmark
    public boolean rsaBare() throws Exception {
        return bareJca(rsa);
    }

    @Benchmark
    public void ecdsaFull() {
        full(ecdsa);
    }

    @Benchmark
    public boolean ecdsaBare() throws Exception {
        return bareJca(ecdsa);
    }

    @Benchmark
    public void gostFull() {
        full(gost);
    }

    @Benchmark
    public boolean gostBare() {
        byte[] digest = KazakhGost.digest(KazakhGost.Variant.GOST_2015_512, gost.signedAttributes());
        return KazakhGost.verifyDigest(KazakhGost.Variant.GOST_2015_512, gost.gostKey(), digest,
                gost.signatureValue());
    }

    private static void full(Case c) {
        c.verifier().verify(c.cms(), DRAFT, c.party(), c.moment());
    }

    private static boolean bareJca(Case c) throws Exception {
        // The provider the full check uses: the JDK's for RSA, BouncyCastle's (with its cached key) for ECDSA.
        Signature signature = c.jcaAlgorithm().endsWith("ECDSA")
                ? Signature.getInstance(c.jcaAlgorithm(), CmsVerifier.BC)
                : Signature.getInstance(c.jcaAlgorithm());
        signature.initVerify(c.publicKey());
        signature.update(c.signedAttributes());
        return signature.verify(c.signatureValue());
    }

    private static Case jcaCase(X509Certificate ca, KeyPair caKeys, KeyPair keys, String algorithm, Instant now)
            throws Exception {
        X509Certificate certificate = certificate("CN=BENCH SIGNER,SERIALNUMBER=IIN900102400346,C=KZ", keys, caKeys,
                false, now);
        var key = new CmsSigning.SigningKey(PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded()),
                List.of(certificate, ca));
        byte[] cms = CmsSigning.sign(key, DRAFT, false);
        var crl = new X509v2CRLBuilder(new X500Name("CN=BENCH CA"), Date.from(now.minusSeconds(60)));
        crl.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
        byte[] crlBytes = crl.build(DemoCertificationAuthority.signer(caKeys.getPrivate())).getEncoded();
        var profile = new TrustProfile("bench", () -> List.of(ca), List.of(),
                List.of(CrlSource.preloaded(List.of(crlBytes), Clock.systemUTC())), false);
        var verifier = new CmsRequestSignatureVerifier(new CmsVerifier(), new CertificateTrust(profile));
        SignerInformation signer = signer(cms);
        PublicKey publicKey = algorithm.endsWith("ECDSA")
                ? BouncyCastleProvider.getPublicKey(SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()))
                : keys.getPublic();
        return new Case(cms, SigningCertificate.of(certificate).party(), now, verifier, publicKey, null,
                algorithm, signer.getEncodedSignedAttributes(), signer.getSignature());
    }

    private static Case gostCase() throws Exception {
        var key = FixtureKeys.load("individual_valid_2015_gost.p12");
        byte[] cms = CmsSigning.sign(key, DRAFT, false);
        var ncaTest = TrustProfiles.ncaTest(Clock.fixed(GOST_MOMENT, ZoneOffset.UTC));
        var profile = new TrustProfile("bench-gost", ncaTest.anchors(), List.of(),
                List.of(ncaTest.revocation().get(1)), true);
        var verifier = new CmsRequestSignatureVerifier(new CmsVerifier(),
                new CertificateTrust(profile, Clock.fixed(GOST_MOMENT, ZoneOffset.UTC)));
        SignerInformation signer = signer(cms);
        var publicKey = KazakhGost.publicKey(SubjectPublicKeyInfo.getInstance(
                key.certificate().getPublicKey().getEncoded()));
        return new Case(cms, SigningCertificate.of(key.certificate()).party(), GOST_MOMENT, verifier, null,
                publicKey, null, signer.getEncodedSignedAttributes(), signer.getSignature());
    }

    private static SignerInformation signer(byte[] cms) throws Exception {
        return new CMSSignedData(cms).getSignerInfos().getSigners().iterator().next();
    }

    private static KeyPair generate(String algorithm, ECGenParameterSpec spec) throws Exception {
        var generator = KeyPairGenerator.getInstance(algorithm);
        if (spec == null) {
            generator.initialize(2048);
        } else {
            generator.initialize(spec);
        }
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, KeyPair keys, KeyPair issuerKeys, boolean ca,
            Instant now) throws Exception {
        var serial = BigInteger.valueOf(now.toEpochMilli() + (ca ? 0 : keys.hashCode()));
        var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=BENCH CA"), serial,
                Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(365))), new X500Name(subject), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        return DemoCertificationAuthority.x509(builder.build(DemoCertificationAuthority.signer(
                issuerKeys.getPrivate())));
    }
}
