package org.kelisim.signature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.GOST3411Digest;
import org.bouncycastle.crypto.digests.GOST3411_2012_512Digest;
import org.bouncycastle.crypto.engines.GOST28147Engine;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECGOST3410_2012Signer;
import org.bouncycastle.asn1.cryptopro.ECGOST3410NamedCurves;

/**
 * The Kazakh GOST algorithms as NCA RK and KalkanCrypt encode them (see the fixtures README): GOST 34.310-2004
 * (CryptoPro-A curve, GOST 34.311-95 digest with the "D-Test" S-box) and GOST 34.10-2015 with a 512-bit key (tc26
 * paramSetA, Streebog-512). Public keys are x‖y and signatures r‖s, each half little-endian.
 * BouncyCastle does not know the 1.2.398.* identifiers; this class maps them onto its lightweight API.
 */
public final class KazakhGost {

    /** GOST 34.310-2004 public key. */
    public static final ASN1ObjectIdentifier KEY_2004 = new ASN1ObjectIdentifier("1.2.398.3.10.1.1.1.1");
    /** GOST 34.310-2004 signature with GOST 34.311-95. */
    public static final ASN1ObjectIdentifier SIGNATURE_2004 = new ASN1ObjectIdentifier("1.2.398.3.10.1.1.1.2");
    /** GOST 34.311-95 digest. */
    public static final ASN1ObjectIdentifier DIGEST_2004 = new ASN1ObjectIdentifier("1.2.398.3.10.1.3.1");
    /** GOST 34.10-2015, 512-bit public key. */
    public static final ASN1ObjectIdentifier KEY_2015_512 = new ASN1ObjectIdentifier("1.2.398.3.10.1.1.2.2");
    /** GOST 34.10-2015-512 signature with Streebog-512. */
    public static final ASN1ObjectIdentifier SIGNATURE_2015_512 = new ASN1ObjectIdentifier("1.2.398.3.10.1.1.2.3.2");
    /** GOST 34.11-2015 (Streebog) 512-bit digest. */
    public static final ASN1ObjectIdentifier DIGEST_2015_512 = new ASN1ObjectIdentifier("1.2.398.3.10.1.3.3");

    /** A GOST variant: its key, signature and digest identifiers, its curve and coordinate size. */
    public enum Variant {
        GOST_2004(KEY_2004, SIGNATURE_2004, DIGEST_2004, "GostR3410-2001-CryptoPro-A", 32),
        GOST_2015_512(KEY_2015_512, SIGNATURE_2015_512, DIGEST_2015_512, "Tc26-Gost-3410-12-512-paramSetA", 64);

        private final ASN1ObjectIdentifier key;
        private final ASN1ObjectIdentifier signature;
        private final ASN1ObjectIdentifier digest;
        private final ECDomainParameters domain;
        private final int size;

        Variant(ASN1ObjectIdentifier key, ASN1ObjectIdentifier signature, ASN1ObjectIdentifier digest, String curve,
                int size) {
            this.key = key;
            this.signature = signature;
            this.digest = digest;
            X9ECParameters parameters = ECGOST3410NamedCurves.getByNameX9(curve);
            this.domain = new ECDomainParameters(parameters.getCurve(), parameters.getG(), parameters.getN(),
                    parameters.getH());
            this.size = size;
        }

        public ASN1ObjectIdentifier keyOid() {
            return key;
        }

        public ASN1ObjectIdentifier signatureOid() {
            return signature;
        }

        public ASN1ObjectIdentifier digestOid() {
            return digest;
        }

        public ECDomainParameters domain() {
            return domain;
        }

        public Digest newDigest() {
            return this == GOST_2004
                    ? new GOST3411Digest(GOST28147Engine.getSBox("D-Test"))
                    : new GOST3411_2012_512Digest();
        }
    }

    private static final Map<ByteBuffer, ECPublicKeyParameters> KEYS = new ConcurrentHashMap<>();

    private KazakhGost() {
    }

    /** The variant a key, signature or digest identifier belongs to, or {@code null} when it is not Kazakh GOST. */
    public static Variant variant(ASN1ObjectIdentifier oid) {
        for (Variant variant : Variant.values()) {
            if (variant.key.equals(oid) || variant.signature.equals(oid) || variant.digest.equals(oid)) {
                return variant;
            }
        }
        return null;
    }

    /**
     * The public key of a certificate's {@code SubjectPublicKeyInfo}. Decoded keys are kept: BouncyCastle caches its
     * multiplication tables on the point, which makes repeated verifications with the same key about twice as fast.
     */
    public static ECPublicKeyParameters publicKey(SubjectPublicKeyInfo info) {
        ByteBuffer encoded;
        try {
            encoded = ByteBuffer.wrap(info.getEncoded());
        } catch (IOException e) {
            throw new IllegalArgumentException("Unreadable GOST public key", e);
        }
        ECPublicKeyParameters known = KEYS.get(encoded);
        if (known != null) {
            return known;
        }
        ECPublicKeyParameters decoded = decode(info);
        if (KEYS.size() > 1_000) {
            KEYS.clear();
        }
        KEYS.put(encoded, decoded);
        return decoded;
    }

    private static ECPublicKeyParameters decode(SubjectPublicKeyInfo info) {
        Variant variant = requireVariant(info.getAlgorithm().getAlgorithm());
        byte[] bits = info.getPublicKeyData().getOctets();
        byte[] xy = bits.length == 2 * variant.size ? bits : octets(bits);
        if (xy.length != 2 * variant.size) {
            throw new IllegalArgumentException("GOST public key of " + xy.length + " bytes");
        }
        var x = littleEndian(xy, 0, variant.size);
        var y = littleEndian(xy, variant.size, variant.size);
        return new ECPublicKeyParameters(variant.domain.getCurve().createPoint(x, y), variant.domain);
    }

    /** The {@code SubjectPublicKeyInfo} of a GOST public key, as NCA RK writes it. */
    public static SubjectPublicKeyInfo publicKeyInfo(Variant variant, ECPublicKeyParameters key) {
        var point = key.getQ().normalize();
        byte[] xy = new byte[2 * variant.size];
        putLittleEndian(point.getAffineXCoord().toBigInteger(), xy, 0, variant.size);
        putLittleEndian(point.getAffineYCoord().toBigInteger(), xy, variant.size, variant.size);
        try {
            return new SubjectPublicKeyInfo(new AlgorithmIdentifier(variant.key), new DEROctetString(xy));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The private key of a PKCS#8 structure: a little-endian OCTET STRING (2015) or an INTEGER (2004). */
    public static ECPrivateKeyParameters privateKey(PrivateKeyInfo info) {
        Variant variant = requireVariant(info.getPrivateKeyAlgorithm().getAlgorithm());
        try {
            ASN1Encodable parsed = info.parsePrivateKey();
            BigInteger d = parsed instanceof ASN1Integer integer
                    ? integer.getPositiveValue()
                    : littleEndian(ASN1OctetString.getInstance(parsed).getOctets(), 0,
                            ASN1OctetString.getInstance(parsed).getOctets().length);
            return new ECPrivateKeyParameters(d, variant.domain);
        } catch (IOException e) {
            throw new IllegalArgumentException("Unreadable GOST private key", e);
        }
    }

    /** A new key pair on the variant's curve. */
    public static AsymmetricCipherKeyPair generate(Variant variant) {
        var generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(variant.domain, new SecureRandom()));
        return generator.generateKeyPair();
    }

    /** The PKCS#8 structure of a private key as NCA RK writes it: the scalar as a little-endian OCTET STRING. */
    public static PrivateKeyInfo privateKeyInfo(Variant variant, ECPrivateKeyParameters key) {
        byte[] scalar = new byte[variant.size];
        putLittleEndian(key.getD(), scalar, 0, variant.size);
        try {
            return new PrivateKeyInfo(new AlgorithmIdentifier(variant.key), new DEROctetString(scalar));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks a signature value (r‖s, little-endian halves) over a digest computed with {@link Variant#newDigest}. */
    public static boolean verifyDigest(Variant variant, ECPublicKeyParameters key, byte[] digest, byte[] signature) {
        if (signature.length != 2 * variant.size) {
            return false;
        }
        var signer = new ECGOST3410_2012Signer();
        signer.init(false, key);
        return signer.verifySignature(digest, littleEndian(signature, 0, variant.size),
                littleEndian(signature, variant.size, variant.size));
    }

    /** Signs a digest computed with {@link Variant#newDigest}; the value is r‖s, each half little-endian. */
    public static byte[] signDigest(Variant variant, ECPrivateKeyParameters key, byte[] digest) {
        var signer = new ECGOST3410_2012Signer();
        signer.init(true, new ParametersWithRandom(key, new SecureRandom()));
        BigInteger[] rs = signer.generateSignature(digest);
        byte[] signature = new byte[2 * variant.size];
        putLittleEndian(rs[0], signature, 0, variant.size);
        putLittleEndian(rs[1], signature, variant.size, variant.size);
        return signature;
    }

    static byte[] digest(Variant variant, byte[] data) {
        Digest digest = variant.newDigest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    private static Variant requireVariant(ASN1ObjectIdentifier oid) {
        Variant variant = variant(oid);
        if (variant == null) {
            throw new IllegalArgumentException("Not a Kazakh GOST identifier: " + oid);
        }
        return variant;
    }

    private static byte[] octets(byte[] der) {
        try {
            return ASN1OctetString.getInstance(ASN1Primitive.fromByteArray(der)).getOctets();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("GOST public key is not an OCTET STRING", e);
        }
    }

    private static BigInteger littleEndian(byte[] bytes, int offset, int length) {
        byte[] bigEndian = new byte[length];
        for (int i = 0; i < length; i++) {
            bigEndian[i] = bytes[offset + length - 1 - i];
        }
        return new BigInteger(1, bigEndian);
    }

    private static void putLittleEndian(BigInteger value, byte[] target, int offset, int length) {
        byte[] bigEndian = value.toByteArray();
        Arrays.fill(target, offset, offset + length, (byte) 0);
        for (int i = 0; i < Math.min(length, bigEndian.length); i++) {
            target[offset + i] = bigEndian[bigEndian.length - 1 - i];
        }
    }
}
