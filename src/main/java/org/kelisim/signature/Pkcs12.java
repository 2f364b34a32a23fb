package org.kelisim.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * PKCS#12 files as NCALayer and {@code openssl pkcs12} (without {@code -legacy}) read them: key and certificates
 * encrypted with PBE-SHA1-3DES, a SHA-1 MAC.
 */
public final class Pkcs12 {

    private Pkcs12() {
    }

    /** @param chain the key's certificate first */
    static byte[] write(String alias, PrivateKey key, List<X509Certificate> chain, char[] password) {
        return write(alias, PrivateKeyInfo.getInstance(key.getEncoded()), chain, password);
    }

    /** Any key BouncyCastle can carry, Kazakh GOST included. */
    static byte[] write(String alias, PrivateKeyInfo key, List<X509Certificate> chain, char[] password) {
        try {
            var utils = new JcaX509ExtensionUtils();
            var keyId = utils.createSubjectKeyIdentifier(chain.get(0).getPublicKey());
            OutputEncryptor encryptor = new JcePKCSPBEOutputEncryptorBuilder(
                    PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC).setProvider(CmsVerifier.BC).build(password);

            List<PKCS12SafeBag> certificates = new ArrayList<>();
            for (int i = 0; i < chain.size(); i++) {
                var bag = new JcaPKCS12SafeBagBuilder(chain.get(i));
                if (i == 0) {
                    bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(alias));
                    bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, keyId);
                }
                certificates.add(bag.build());
            }
            var keyBag = new PKCS12SafeBagBuilder(key, encryptor);
            keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(alias));
            keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, keyId);

            var pfx = new PKCS12PfxPduBuilder();
            pfx.addEncryptedData(new JcePKCSPBEOutputEncryptorBuilder(
                    PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC).setProvider(CmsVerifier.BC)
                    .build(password), certificates.toArray(PKCS12SafeBag[]::new));
            pfx.addData(keyBag.build());
            return pfx.build(new JcePKCS12MacCalculatorBuilder(OIWObjectIdentifiers.idSHA1)
                    .setProvider(CmsVerifier.BC), password).getEncoded(ASN1Encoding.DER);
        } catch (GeneralSecurityException | PKCSException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("PKCS#12 not written", e);
        }
    }

    /** Reads the first key of a PKCS#12 file with its chain (RSA and ECDSA keys; the JDK's reader). */
    public static ServiceKeys.KeyMaterial read(byte[] pkcs12, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(pkcs12), password);
            for (String alias : java.util.Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    var key = (PrivateKey) store.getKey(alias, password);
                    List<X509Certificate> chain = new ArrayList<>();
                    for (var certificate : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) certificate);
                    }
                    return new ServiceKeys.KeyMaterial(key, chain);
                }
            }
            throw new IllegalArgumentException("No key in the PKCS#12 file");
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("Unreadable PKCS#12 file", e);
        }
    }
}
