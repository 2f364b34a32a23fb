package org.kelisim.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.asn1.x509.CRLReason;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** How an OCSP response is read: signature, nonce, freshness, and the moment asked about. */
class OcspAnswersTest {

    private static final Duration MAX_AGE = Duration.ofMinutes(10);
    private static final byte[] NONCE = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

    private final Instant now = Instant.now();
    private final KeyPair caKeys = DemoCertificationAuthority.rsa();
    private final X509Certificate ca = certificate("CN=OCSP TEST CA", caKeys, caKeys, true, BigInteger.ONE);
    private final KeyPair leafKeys = DemoCertificationAuthority.rsa();
    private final X509Certificate leaf = certificate("CN=LEAF", leafKeys, caKeys, false, BigInteger.TWO);

    @Nested
    class Trusted {

        @Test
        void aFreshSignedAnswerEchoingTheNonceSaysGood() {
            var answer = OcspAnswers.read(response(caKeys, CertificateStatus.GOOD, now, NONCE), leaf, ca, now,
                    NONCE, now, MAX_AGE, "test");

            assertThat(answer).hasValueSatisfying(found -> {
                assertThat(found.revoked()).isFalse();
                assertThat(found.source()).isEqualTo(RevocationAnswer.Source.OCSP);
            });
        }

        @Test
        void aRevocationCountsFromItsTimeOn() {
            Instant revokedAt = now.minus(Duration.ofDays(1));
            byte[] response = response(caKeys, new RevokedStatus(Date.from(revokedAt), CRLReason.keyCompromise),
                    now, NONCE);

            assertThat(OcspAnswers.read(response, leaf, ca, now, NONCE, now, MAX_AGE, "test"))
                    .hasValueSatisfying(found -> assertThat(found.revoked()).isTrue());
            assertThat(OcspAnswers.read(response, leaf, ca, revokedAt.minus(Duration.ofDays(1)), NONCE, now,
                    MAX_AGE, "test")).hasValueSatisfying(found -> assertThat(found.revoked()).isFalse());
        }
    }

    @Nested
    class TellsNothing {

        @Test
        void whenTheNonceIsNotEchoed() {
            byte[] other = NONCE.clone();
            other[0] = 9;

            assertThat(OcspAnswers.read(response(caKeys, CertificateStatus.GOOD, now, other), leaf, ca, now, NONCE,
                    now, MAX_AGE, "test")).isEmpty();
            assertThat(OcspAnswers.read(response(caKeys, CertificateStatus.GOOD, now, null), leaf, ca, now, NONCE,
                    now, MAX_AGE, "test")).isEmpty();
        }

        @Test
        void whenItIsStale() {
            Instant old = now.minus(Duration.ofHours(1));

            assertThat(OcspAnswers.read(response(caKeys, CertificateStatus.GOOD, old, NONCE), leaf, ca, now, NONCE,
                    now, MAX_AGE, "test")).isEmpty();
        }

        @Test
        void whenItComesFromTheFuture() {
            Instant later = now.plus(Duration.ofHours(1));

            assertThat(OcspAnswers.read(response(caKeys, CertificateStatus.GOOD, later, NONCE), leaf, ca, now,
                    NONCE, now, MAX_AGE, "test")).isEmpty();
        }

        @Test
        void whenSomeoneElseSignedIt() {
            assertThat(OcspAnswers.read(response(DemoCertificationAuthority.rsa(), CertificateStatus.GOOD, now,
                    NONCE), leaf, ca, now, NONCE, now, MAX_AGE, "test")).isEmpty();
        }

        @Test
        void whenItIsNotOcspAtAll() {
            assertThat(OcspAnswers.read(new byte[] {0x30, 0x03, 0x02, 0x01, 0x00}, leaf, ca, now, NONCE, now,
                    MAX_AGE, "test")).isEmpty();
        }
    }

    private byte[] response(KeyPair signer, CertificateStatus status, Instant thisUpdate, byte[] nonce) {
        try {
            var builder = new BasicOCSPRespBuilder(new RespID(new X509CertificateHolder(ca.getEncoded())
                    .getSubject()));
            builder.addResponse(OcspAnswers.certificateId(ca, leaf.getSerialNumber()), status,
                    Date.from(thisUpdate), null, null);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                        false, new DEROctetString(new DEROctetString(nonce)))));
            }
            var basic = builder.build(DemoCertificationAuthority.signer(signer.getPrivate()), null,
                    Date.from(thisUpdate));
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private X509Certificate certificate(String subject, KeyPair keys, KeyPair issuer, boolean authority,
            BigInteger serial) {
        try {
            var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=OCSP TEST CA"), serial,
                    Date.from(now.minus(Duration.ofDays(10))), Date.from(now.plus(Duration.ofDays(10))),
                    new X500Name(subject), keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
            return DemoCertificationAuthority.x509(builder.build(DemoCertificationAuthority.signer(
                    issuer.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
