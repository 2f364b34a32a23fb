package org.kelisim.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CmsVerifierTest {

    private final CmsVerifier verifier = new CmsVerifier();

    @Nested
    class KalkanSignatures {

        @Test
        void oneRsaSignerAttachedVerifies() {
            var cms = verifier.verify(Fixtures.bytes("cms/one_signer_rsa_attached.p7s"), null);

            assertThat(new String(cms.content(), StandardCharsets.UTF_8)).isEqualTo("test123");
            assertThat(cms.signers()).singleElement().satisfies(signer -> {
                assertThat(signer.signer().serialNumber()).startsWith("4279390A");
                assertThat(signer.signer().iin()).isEqualTo("123456789011");
                assertThat(signer.signingTime()).isPresent();
            });
        }

        @Test
        void twoSignersGostAndRsaAttachedVerify() {
            var cms = verifier.verify(Fixtures.bytes("cms/two_signers_gost2015_rsa_attached.p7s"), null);

            assertThat(cms.signers()).extracting(s -> s.signer().serialNumber().substring(0, 7))
                    .containsExactlyInAnyOrder("FF06211", "4279390");
        }

        @Test
        void twoSignersDetachedVerifyOverTheirContent() {
            var cms = verifier.verify(Fixtures.bytes("cms/two_signers_gost2015_rsa_detached.p7s"),
                    Fixtures.bytes("cms/test123.txt"));

            assertThat(cms.signers()).hasSize(2);
        }
    }

    @Nested
    class Refusals {

        @Test
        void detachedSignatureOverOtherContentIsInvalid() {
            assertThatThrownBy(() -> verifier.verify(Fixtures.bytes("cms/two_signers_gost2015_rsa_detached.p7s"),
                    "test124".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(SignatureRejectedException.class)
                    .hasMessage("signature_invalid");
        }

        @Test
        void detachedSignatureWithoutContentIsInvalid() {
            assertThatThrownBy(() -> verifier.verify(
                    Fixtures.bytes("cms/two_signers_gost2015_rsa_detached.p7s"), null))
                    .hasMessage("signature_invalid");
        }

        @Test
        void aChangedByteAnywhereInTheSignedPartsFails() {
            byte[] original = Fixtures.bytes("cms/two_signers_gost2015_rsa_attached.p7s");
            int accepted = 0;
            for (int i = 0; i < original.length; i += 7) {
                byte[] changed = original.clone();
                changed[i] ^= 0x01;
                try {
                    var cms = verifier.verify(changed, null);
                    // A flipped bit may land in unsigned, unverified parts (a carried CA certificate's body,
                    // a length that still parses the same); then the signed bytes must be unchanged.
                    assertThat(cms.content()).isEqualTo("test123".getBytes(StandardCharsets.UTF_8));
                    accepted++;
                } catch (SignatureRejectedException expected) {
                    assertThat(expected.code()).isEqualTo("signature_invalid");
                }
            }
            assertThat(accepted).isLessThan(original.length / 7 / 2);
        }
    }

    /** RSA and ECDSA keys made here, verified through one JCA signature (RSA-PSS through BouncyCastle's). */
    @Nested
    class JcaSignatures {

        private static final byte[] CONTENT = "draft:42".getBytes(StandardCharsets.UTF_8);

        @Test
        void rsaAndEcdsaSignaturesVerifyAndAChangedSignatureByteFails() throws Exception {
            for (KeyPair keys : List.of(DemoCertificationAuthority.rsa(), ec())) {
                byte[] cms = CmsSigning.sign(new CmsSigning.SigningKey(
                        PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded()), List.of(selfSigned(keys))),
                        CONTENT, false);

                assertThat(verifier.verify(cms, null).content()).isEqualTo(CONTENT);
                // The signature value closes an attached CMS without unsigned attributes.
                cms[cms.length - 1] ^= 0x01;
                assertThatThrownBy(() -> verifier.verify(cms, null)).hasMessage("signature_invalid");
            }
        }

        @Test
        void severalThreadsVerifyTheSameSignersAtOnce() throws Exception {
            List<byte[]> good = new ArrayList<>();
            List<byte[]> tampered = new ArrayList<>();
            for (KeyPair keys : List.of(DemoCertificationAuthority.rsa(), ec())) {
                byte[] cms = CmsSigning.sign(new CmsSigning.SigningKey(
                        PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded()), List.of(selfSigned(keys))),
                        CONTENT, false);
                good.add(cms);
                byte[] changed = cms.clone();
                changed[changed.length - 1] ^= 0x01;
                tampered.add(changed);
            }
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int thread = 0; thread < 4; thread++) {
                    results.add(threads.submit(() -> {
                        int refused = 0;
                        for (int i = 0; i < 50; i++) {
                            assertThat(verifier.verify(good.get(i % 2), null).content()).isEqualTo(CONTENT);
                            try {
                                verifier.verify(tampered.get(i % 2), null);
                            } catch (SignatureRejectedException expected) {
                                refused++;
                            }
                        }
                        return refused;
                    }));
                }
                for (Future<Integer> result : results) {
                    assertThat(result.get()).isEqualTo(50);
                }
            } finally {
                threads.shutdownNow();
            }
        }

        @Test
        void anRsaPssSignatureVerifiesAndAChangedSignatureByteFails() throws Exception {
            KeyPair keys = DemoCertificationAuthority.rsa();
            var generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build()).build(
                    new JcaContentSignerBuilder("SHA256withRSAandMGF1").setProvider(CmsVerifier.BC)
                            .build(keys.getPrivate()), selfSigned(keys)));
            generator.addCertificates(new JcaCertStore(List.of(selfSigned(keys))));
            byte[] cms = generator.generate(new CMSProcessableByteArray(CONTENT), true)
                    .getEncoded(ASN1Encoding.DER);

            assertThat(verifier.verify(cms, null).content()).isEqualTo(CONTENT);
            cms[cms.length - 1] ^= 0x01;
            assertThatThrownBy(() -> verifier.verify(cms, null)).hasMessage("signature_invalid");
        }

        @Test
        void cmsSigningWritesDer() {
            byte[] cms = CmsSigning.sign(FixtureKeys.load("individual_valid_2015_gost.p12"), CONTENT, false);

            assertThat(cms).isEqualTo(encodedAsDer(cms));
        }

        private static byte[] encodedAsDer(byte[] encoded) {
            try {
                return ASN1Primitive.fromByteArray(encoded).getEncoded(ASN1Encoding.DER);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private static KeyPair ec() throws Exception {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        }

        private static X509Certificate selfSigned(KeyPair keys) throws Exception {
            Instant now = Instant.now();
            String algorithm = "EC".equals(keys.getPublic().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=JCA SIGNER"), BigInteger.ONE,
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(1))),
                    new X500Name("CN=JCA SIGNER"), keys.getPublic());
            return DemoCertificationAuthority.x509(builder.build(new JcaContentSignerBuilder(algorithm)
                    .setProvider(CmsVerifier.BC).build(keys.getPrivate())));
        }
    }

    /** Signing times in their DER forms are read directly; every form reads as BouncyCastle reads it. */
    @Nested
    class SigningTimes {

        @Test
        void derUtcAndGeneralizedTimesReadAsBouncyCastleReadsThem() throws Exception {
            for (String at : List.of("1950-01-01T00:00:00Z", "1999-12-31T23:59:59Z", "2026-12-03T10:00:00Z",
                    "2049-12-31T23:59:59Z", "2050-01-01T00:00:00Z", "2112-02-29T12:30:45Z")) {
                var time = new Time(Date.from(Instant.parse(at)));

                assertThat(CmsVerifier.instant(time)).isEqualTo(Instant.parse(at))
                        .isEqualTo(time.getDate().toInstant());
            }
        }

        @Test
        void otherFormsAreLeftToBouncyCastle() throws Exception {
            var fraction = Time.getInstance(new ASN1GeneralizedTime("20261203100000.25Z"));
            var withoutSeconds = Time.getInstance(new ASN1UTCTime("2612031000Z"));

            assertThat(CmsVerifier.instant(fraction)).isEqualTo(Instant.parse("2026-12-03T10:00:00.250Z"));
            assertThat(CmsVerifier.instant(withoutSeconds)).isEqualTo(withoutSeconds.getDate().toInstant());
        }
    }
}
