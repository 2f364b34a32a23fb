package org.kelisim.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
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
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
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

    private final CmsVerifier verifier = new CmsVerifier();

    @Test
    void aTimeStampOverTheSignatureValueIsVerifiedAndReported() throws Exception {
        Instant stampedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        byte[] cms = stamped(null, stampedAt);

        var signer = verifier.verify(cms, null).signers().get(0);

        assertThat(signer.timeStamp()).contains(stampedAt);
        assertThat(signer.provenTime()).contains(stampedAt);
    }

    @Test
    void aTimeStampOverSomethingElseIsRefused() throws Exception {
        byte[] cms = stamped("another signature".getBytes(StandardCharsets.UTF_8), Instant.now());

        assertThatThrownBy(() -> verifier.verify(cms, null)).hasMessage("signature_invalid");
    }

    private static CMSSignedData signed() throws Exception {
        var key = FixtureKeys.load("individual_valid_2015_gost.p12");
        return new CMSSignedData(CmsSigning.sign(key, CONTENT, false));
    }

    /** Adds a time-stamp over {@code imprinted} (the signature value when {@code null}) to a fresh GOST CMS. */
    private static byte[] stamped(byte[] imprinted, Instant at) throws Exception {
        CMSSignedData signed = signed();
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        if (imprinted == null) {
            imprinted = signer.getSignature();
        }
        KeyPair keys = DemoCertificationAuthority.rsa();
        X509Certificate tsa = tsaCertificate(keys);
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

    private static X509Certificate tsaCertificate(KeyPair keys) throws Exception {
        var name = new X500Name("CN=TEST TSA");
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.TEN, Date.from(Instant.now().minusSeconds(60)),
                Date.from(Instant.now().plus(Duration.ofDays(1))), name, keys.getPublic());
        builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        return DemoCertificationAuthority.x509(builder.build(DemoCertificationAuthority.signer(keys.getPrivate())));
    }
}
