package org.kelisim.signature;

import java.io.ByteArrayOutputStream;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * A JCA provider that only verifies Kazakh GOST signatures, so that the JDK's PKIX path validation can check
 * certificates signed by the GOST CAs of NCA RK (the JDK and BouncyCastle do not know the 1.2.398.* identifiers).
 * Installed once, at the lowest priority, so it never shadows another algorithm.
 */
final class KazakhGostProvider extends Provider {

    static final String NAME = "KelisimKazakhGost";

    private static final KazakhGostProvider INSTANCE = new KazakhGostProvider();

    static {
        Security.addProvider(INSTANCE);
    }

    private KazakhGostProvider() {
        super(NAME, "1.0", "Kazakh GOST 34.310-2004 and 34.10-2015-512 signature verification");
        for (var variant : KazakhGost.Variant.values()) {
            String oid = variant.signatureOid().getId();
            putService(new Service(this, "Signature", "KZ-" + variant.name(), GostSignature.class.getName(),
                    List.of(oid, "OID." + oid), Map.of()) {
                @Override
                public Object newInstance(Object constructorParameter) {
                    return new GostSignature(variant);
                }
            });
        }
    }

    /** Makes sure the provider is installed; call before any path validation. */
    static void install() {
        if (Security.getProvider(NAME) == null) {
            Security.addProvider(INSTANCE);
        }
    }

    /** Verification only: the service signs with the lightweight API, never through JCA. */
    static final class GostSignature extends SignatureSpi {

        private final KazakhGost.Variant variant;
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();
        private ECPublicKeyParameters key;

        GostSignature(KazakhGost.Variant variant) {
            this.variant = variant;
        }

        @Override
        protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
            try {
                var info = SubjectPublicKeyInfo.getInstance(publicKey.getEncoded());
                if (KazakhGost.variant(info.getAlgorithm().getAlgorithm()) != variant) {
                    throw new InvalidKeyException("Not a " + variant + " key");
                }
                key = KazakhGost.publicKey(info);
                data.reset();
            } catch (IllegalArgumentException e) {
                throw new InvalidKeyException("Unreadable GOST key", e);
            }
        }

        @Override
        protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
            throw new InvalidKeyException("Verification only");
        }

        @Override
        protected void engineUpdate(byte b) {
            data.write(b);
        }

        @Override
        protected void engineUpdate(byte[] b, int off, int len) {
            data.write(b, off, len);
        }

        @Override
        protected byte[] engineSign() throws SignatureException {
            throw new SignatureException("Verification only");
        }

        @Override
        protected boolean engineVerify(byte[] sigBytes) {
            Digest digest = variant.newDigest();
            byte[] bytes = data.toByteArray();
            digest.update(bytes, 0, bytes.length);
            byte[] hash = new byte[digest.getDigestSize()];
            digest.doFinal(hash, 0);
            data.reset();
            return KazakhGost.verifyDigest(variant, key, hash, sigBytes);
        }

        @Override
        @Deprecated
        protected void engineSetParameter(String param, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        @Deprecated
        protected Object engineGetParameter(String param) {
            throw new UnsupportedOperationException();
        }
    }
}
