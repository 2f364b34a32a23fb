package org.kelisim.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.bc.BcPKCS12PBEInputDecryptorProviderBuilder;

/**
 * Makes CMS signatures with a PKCS#12 key, as NCALayer does: RSA (SHA-256), ECDSA P-256 (SHA-256) and Kazakh GOST
 * 34.310-2004 and 34.10-2015-512; the signer's certificate and chain travel in the CMS. For the command-line signer,
 * the demo and the tests; the service's own seal uses it too.
 */
public final class CmsSigning {

    private CmsSigning() {
    }

    /** A private key (PKCS#8, GOST included) with its certificate chain, the key's own certificate first. */
    public record SigningKey(PrivateKeyInfo privateKey, List<X509Certificate> chain) {

        public SigningKey {
            Objects.requireNonNull(privateKey, "privateKey");
            chain = List.copyOf(chain);
        }

        public X509Certificate certificate() {
            return chain.get(0);
        }

        @Override
        public String toString() {
            return "SigningKey[" + certificate().getSerialNumber().toString(16) + "]";
        }
    }

    /** Reads a PKCS#12 file with BouncyCastle: legacy (RC2, 3DES) and modern encryption, GOST keys included. */
    public static SigningKey readPkcs12(byte[] pkcs12, char[] password) {
        try {
            var pfx = new PKCS12PfxPdu(pkcs12);
            var decryptor = new BcPKCS12PBEInputDecryptorProviderBuilder().build(password);
            PrivateKeyInfo key = null;
            List<X509Certificate> leaves = new ArrayList<>();
            List<X509Certificate> authorities = new ArrayList<>();
            var factory = CertificateFactory.getInstance("X.509");
            for (var info : pfx.getContentInfos()) {
                var bags = info.getContentType().equals(PKCSObjectIdentifiers.encryptedData)
                        ? new PKCS12SafeBagFactory(info, decryptor)
                        : new PKCS12SafeBagFactory(info);
                for (PKCS12SafeBag bag : bags.getSafeBags()) {
                    if (bag.getBagValue() instanceof X509CertificateHolder holder) {
                        var certificate = (X509Certificate) factory.generateCertificate(
                                new ByteArrayInputStream(holder.getEncoded()));
                        boolean authority = holder.getExtensions() != null
                                && BasicConstraints.fromExtensions(holder.getExtensions()) != null
                                && BasicConstraints.fromExtensions(holder.getExtensions()).isCA();
                        (authority ? authorities : leaves).add(certificate);
                    } else if (bag.getBagValue() instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                        key = encrypted.decryptPrivateKeyInfo(decryptor);
                    } else if (bag.getBagValue() instanceof PrivateKeyInfo plain) {
                        key = plain;
                    }
                }
            }
            if (key == null || leaves.isEmpty()) {
                throw new IllegalArgumentException("No key with a certificate in the PKCS#12 file");
            }
            List<X509Certificate> chain = new ArrayList<>(leaves.subList(0, 1));
            chain.addAll(authorities);
            return new SigningKey(key, chain);
        } catch (PKCSException | IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Unreadable PKCS#12 file or wrong password", e);
        }
    }

    /**
     * @param detached whether the content stays outside the CMS
     * @return the CMS, DER-encoded
     */
    public static byte[] sign(SigningKey key, byte[] content, boolean detached) {
        try {
            var holder = new X509CertificateHolder(key.certificate().getEncoded());
            var generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfo(key, holder));
            generator.addCertificates(new JcaCertStore(key.chain()));
            // DER, as NCALayer writes it: definite lengths are also what parses fastest on the verifying side.
            return generator.generate(new CMSProcessableByteArray(content), !detached).getEncoded(ASN1Encoding.DER);
        } catch (GeneralSecurityException | IOException | CMSException | OperatorCreationException e) {
            throw new IllegalStateException("CMS not signed", e);
        }
    }

    private static SignerInfoGenerator signerInfo(SigningKey key, X509CertificateHolder holder)
            throws OperatorCreationException, IOException {
        var digests = new CmsVerifier().digests();
        var variant = KazakhGost.variant(key.privateKey().getPrivateKeyAlgorithm().getAlgorithm());
        if (variant != null) {
            var signer = new GostContentSigner(variant, KazakhGost.privateKey(key.privateKey()));
            return new SignerInfoGeneratorBuilder(digests)
                    .setContentDigest(new AlgorithmIdentifier(variant.digestOid(), DERNull.INSTANCE))
                    .build(signer, holder);
        }
        PrivateKey privateKey = BouncyCastleProvider.getPrivateKey(key.privateKey());
        var algorithm = key.privateKey().getPrivateKeyAlgorithm().getAlgorithm();
        String name = algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey) ? "SHA256withECDSA" : "SHA256withRSA";
        ContentSigner signer = new JcaContentSignerBuilder(name).setProvider(CmsVerifier.BC).build(privateKey);
        return new SignerInfoGeneratorBuilder(digests).build(signer, holder);
    }

    private static final class GostContentSigner implements ContentSigner {

        private final KazakhGost.Variant variant;
        private final ECPrivateKeyParameters key;
        private final CmsVerifier.DigestOutputStream stream;

        GostContentSigner(KazakhGost.Variant variant, ECPrivateKeyParameters key) {
            this.variant = variant;
            this.key = key;
            this.stream = new CmsVerifier.DigestOutputStream(variant.newDigest());
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return new AlgorithmIdentifier(variant.signatureOid());
        }

        @Override
        public OutputStream getOutputStream() {
            return stream;
        }

        @Override
        public byte[] getSignature() {
            return KazakhGost.signDigest(variant, key, stream.digest());
        }
    }
}
