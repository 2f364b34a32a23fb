package org.kelisim.signature;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.bc.BcPKCS12PBEInputDecryptorProviderBuilder;

/** The PKCS#12 keys of the test PKI, read with BouncyCastle (the JDK cannot read the GOST ones). */
final class FixtureKeys {

    private FixtureKeys() {
    }

    record FixtureKey(PrivateKeyInfo privateKey, X509Certificate certificate) {
    }

    static FixtureKey load(String file) {
        char[] password = (file.contains("2015") ? "Aa123456" : "Qwerty12").toCharArray();
        try {
            var pfx = new PKCS12PfxPdu(Fixtures.bytes("keys/" + file));
            var decryptor = new BcPKCS12PBEInputDecryptorProviderBuilder().build(password);
            PrivateKeyInfo key = null;
            X509Certificate certificate = null;
            for (var info : pfx.getContentInfos()) {
                var factory = info.getContentType().equals(PKCSObjectIdentifiers.encryptedData)
                        ? new org.bouncycastle.pkcs.PKCS12SafeBagFactory(info, decryptor)
                        : new org.bouncycastle.pkcs.PKCS12SafeBagFactory(info);
                for (PKCS12SafeBag bag : factory.getSafeBags()) {
                    if (bag.getBagValue() instanceof X509CertificateHolder holder && certificate == null
                            && holder.getExtensions() != null
                            && org.bouncycastle.asn1.x509.BasicConstraints.fromExtensions(holder.getExtensions())
                            == null) {
                        certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                                .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
                    } else if (bag.getBagValue() instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                        key = encrypted.decryptPrivateKeyInfo(decryptor);
                    } else if (bag.getBagValue() instanceof PrivateKeyInfo plain) {
                        key = plain;
                    }
                }
            }
            return new FixtureKey(key, certificate);
        } catch (PKCSException | java.io.IOException | java.security.cert.CertificateException e) {
            throw new IllegalStateException("Fixture key " + file, e);
        }
    }
}
