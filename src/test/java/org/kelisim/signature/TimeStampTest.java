package org.kelisim.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.junit.jupiter.api.Test;

/** RFC 3161 signature time-stamps (id-aa-signatureTimeStampToken) in a CMS signer's unsigned attributes. */
class TimeStampTest {

    private static final byte[] CONTENT = "test123".getBytes(StandardCharsets.UTF_8);
    private static final BigInteger TSA_SERIAL = BigInteger.TEN;

    private final KeyPair rootKeys = DemoCertificationAuthority.rsa();
    private final X509Certificate root = root(rootKeys, "CN=TEST TSA ROOT");
    private final CmsVerifier verifier = new CmsVerifier(new CertificateTrust(new TrustProfile("tsa",
            () -> List.of(root), List.of(), List.of(rootCrl(null)), true)));

    @Test
    void aTimeStampOverTheSignatureValueIsVerifiedAndReported() throws Exception {
        Instant stampedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        byte[] cms = stamped(null, stampedAt, rootKeys, root);

        var signer = verifier.verify(cms, null).signers().get(0);

        assertThat(signer.timeStamp()).contains(stampedAt);
        assertThat(signer.provenTime()).contains(stampedAt);
    }

    @Test
    void aTimeStampOverSomethingElseIsRefused() throws Exception {
        byte[] cms = stamped("another signature".getBytes(StandardCharsets.UTF_8), Instant.now(), rootKeys, root);

        assertThatThrownBy(() -> verifier.verify(cms, null)).hasMessage("signature_invalid");
    }

    @Test
    void aTimeStampFromAnAuthorityOutsideTheTrustAnchorsIsRefused() throws Exception {
        KeyPair otherKeys = DemoCertificationAuthority.rsa();
        byte[] cms = stamped(null, Instant.now(), otherKeys, root(otherKeys, "CN=SOMEBODY ELSE"));

        assertThatThrownBy(() -> verifier.verify(cms, null)).hasMessage("timestamp_untrusted");
    }

    @Test
    void aVerifierWithoutTrustAnchorsRefusesEveryTimeStamp() throws Exception {
        byte[] cms = stamped(null, Instant.now(), rootKeys, root);

        assertThatThrownBy(() -> new CmsVerifier().verify(cms, null)).hasMessage("timestamp_untrusted");
    }

    @Test
    void aTimeStampingAuthorityWithoutTheTimeStampingUsageIsNotTrusted() throws Exception {
        KeyPair keys = DemoCertificationAuthority.rsa();
        var builder = new JcaX509v3CertificateBuilder(root, BigInteger.TWO, Date.from(Instant.now().minusSeconds(60)),
                Date.from(Instant.now().plus(Duration.ofDays(1))), new X500Name("CN=NOT A TSA"), keys.getPublic());
        X509Certificate notTsa = DemoCertificationAuthority.x509(builder.build(
                DemoCertificationAuthority.signer(rootKeys.getPrivate())));
        var trust = new CertificateTrust(new TrustProfile("tsa", () -> List.of(root), List.of(), List.of(), true));

        assertThatThrownBy(() -> trust.checkTimeStampingAuthority(notTsa, List.of(), Instant.now()))
                .hasMessage("timestamp_untrusted");
    }

    @Test
    void aTimeStampFromAnAuthorityRevokedBeforeItStampedIsRefused() throws Exception {
        var revokedTsa = new CmsVerifier(new CertificateTrust(new TrustProfile("tsa", () -> List.of(root),
                List.of(), List.of(rootCrl(TSA_SERIAL)), true)));
        byte[] cms = stamped(null, Instant.now(), rootKeys, root);

        assertThatThrownBy(() -> revokedTsa.verify(cms, null)).hasMessage("timestamp_untrusted");
    }

    @Test
    void aTimeStampFromAnAuthorityNobodyCanTellAboutProvesNoTimeButTheSignatureStands() throws Exception {
        var blind = new CmsVerifier(new CertificateTrust(new TrustProfile("tsa", () -> List.of(root), List.of(),
                List.of(), true)));
        Instant stampedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        byte[] cms = stamped(null, stampedAt, rootKeys, root);

        var signer = blind.verify(cms, null).signers().get(0);

        assertThat(signer.timeStamp()).isEmpty();
        assertThat(signer.provenTime()).isEqualTo(signer.signingTime());
    }

    /** The root's CRL, fresh, listing the TSA's certificate as revoked an hour ago when a serial is given. */
    private CrlSource rootCrl(BigInteger revoked) {
        try {
            var builder = new X509v2CRLBuilder(new X500Name("CN=TEST TSA ROOT"),
                    Date.from(Instant.now().minus(Duration.ofHours(2))));
            builder.setNextUpdate(Date.from(Instant.now().plus(Duration.ofDays(1))));
            if (revoked != null) {
                builder.addCRLEntry(revoked, Date.from(Instant.now().minus(Duration.ofHours(1))),
                        CRLReason.keyCompromise);
            }
            return CrlSource.preloaded(List.of(builder.build(DemoCertificationAuthority.signer(rootKeys.getPrivate()))
                    .getEncoded()), Clock.systemUTC());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static CMSSignedData signed() throws Exception {
        var key = FixtureKeys.load("individual_valid_2015_gost.p12");
        return new CMSSignedData(CmsSigning.sign(key, CONTENT, false));
    }

    /**
     * Adds a time-stamp over {@code imprinted} (the signature value when {@code null}) to a fresh GOST CMS, by a TSA
     * whose certificate the given CA issues.
     */
    private static byte[] stamped(byte[] imprinted, Instant at, KeyPair caKeys, X509Certificate ca)
            throws Exception {
        CMSSignedData signed = signed();
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        if (imprinted == null) {
            imprinted = signer.getSignature();
        }
        KeyPair keys = DemoCertificationAuthority.rsa();
        X509Certificate tsa = tsaCertificate(keys, caKeys, ca);
        var generator = new TimeStampTokenGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
                .build("SHA256withRSA", keys.getPrivate(), tsa), new JcaDigestCalculatorProviderBuilder().build()
                .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)), new ASN1ObjectIdentifier("1.2.3.4"));
        generator.addCertificates(new JcaCertStore(List.of(tsa)));
        var requests = new TimeStampRequestGenerator();
        requests.setCertReq(true);
        var request = requests.generate(TSPAlgorithms.SHA256,
                MessageDigest.getInstance("SHA-256").digest(imprinted));
        var token = generator.generate(request, BigInteger.ONE, Date.from(at));

        var attribute = new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(token.toCMSSignedData().toASN1Structure()));
        var withStamp = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(attribute));
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(withStamp)).getEncoded();
    }

    private static X509Certificate root(KeyPair keys, String subject) {
        try {
            var name = new X500Name(subject);
            var builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                    Date.from(Instant.now().minus(Duration.ofDays(1))),
                    Date.from(Instant.now().plus(Duration.ofDays(2))), name, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return DemoCertificationAuthority.x509(builder.build(DemoCertificationAuthority.signer(keys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate tsaCertificate(KeyPair keys, KeyPair caKeys, X509Certificate ca) throws Exception {
        var builder = new JcaX509v3CertificateBuilder(ca, TSA_SERIAL, Date.from(Instant.now().minusSeconds(7200)),
                Date.from(Instant.now().plus(Duration.ofDays(1))), new X500Name("CN=TEST TSA"), keys.getPublic());
        builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        return DemoCertificationAuthority.x509(builder.build(DemoCertificationAuthority.signer(caKeys.getPrivate())));
    }
}
