package org.kelisim.certificate;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.kelisim.signature.ServiceKeys.KeyMaterial;

/**
 * A test PKI built once per test run: a CA, the service's seal, a time-stamping key, and a stranger's key that
 * Kelisim never issued with.
 */
final class TestKeys {

    static final KeyMaterial CA;
    static final KeyMaterial SEAL;
    static final KeyMaterial TSA;
    static final KeyMaterial STRANGER;

    static {
        try {
            var caPair = rsa();
            var caCertificate = certificate("CN=Kelisim Test CA, O=Kelisim, C=KZ", caPair, caPair.getPrivate(),
                    "CN=Kelisim Test CA, O=Kelisim, C=KZ", true, null, 1);
            CA = new KeyMaterial(caPair.getPrivate(), List.of(caCertificate));
            var sealPair = rsa();
            SEAL = new KeyMaterial(sealPair.getPrivate(), List.of(certificate("CN=Kelisim Seal, O=Kelisim, C=KZ",
                    sealPair, caPair.getPrivate(), "CN=Kelisim Test CA, O=Kelisim, C=KZ", false, null, 2),
                    caCertificate));
            var tsaPair = rsa();
            TSA = new KeyMaterial(tsaPair.getPrivate(), List.of(certificate("CN=Kelisim TSA, O=Kelisim, C=KZ",
                    tsaPair, caPair.getPrivate(), "CN=Kelisim Test CA, O=Kelisim, C=KZ", false,
                    KeyPurposeId.id_kp_timeStamping, 3), caCertificate));
            var strangerPair = rsa();
            STRANGER = new KeyMaterial(strangerPair.getPrivate(), List.of(certificate("CN=Stranger, C=KZ",
                    strangerPair, strangerPair.getPrivate(), "CN=Stranger, C=KZ", false, null, 4)));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TestKeys() {
    }

    private static KeyPair rsa() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, KeyPair pair, PrivateKey issuerKey, String issuer,
            boolean ca, KeyPurposeId purpose, long serial) throws Exception {
        var now = Instant.parse("2026-01-01T00:00:00Z");
        var builder = new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(serial),
                Date.from(now), Date.from(now.plus(3650, ChronoUnit.DAYS)), new X500Name(subject), pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        if (purpose != null) {
            builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(purpose));
        }
        var signer = new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey);
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }
}
