package org.kelisim.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kelisim.ShiftedClock;
import org.kelisim.shared.DomainException.Kind;

/**
 * {@link CertificateTrust} keeps the paths PKIX built, per certificate. A kept path never outlives the certificates
 * it validated or the trust profile it was built from, and it never keeps a revocation answer: the revocation
 * sources are asked at every check, by their own cache rules.
 */
class KeptPathsTest {

    private static final Instant NOW = Instant.now();

    private final KeyPair rootKeys = DemoCertificationAuthority.rsa();
    private final KeyPair caKeys = DemoCertificationAuthority.rsa();
    private final X509Certificate root = certificate("CN=TEST ROOT", rootKeys, "CN=TEST ROOT", rootKeys, 1, 30, true);
    /** The issuing CA expires a day before its signer. */
    private final X509Certificate ca = certificate("CN=TEST CA", caKeys, "CN=TEST ROOT", rootKeys, 2, 2, true);
    private final X509Certificate signer = certificate("CN=TEST SIGNER", DemoCertificationAuthority.rsa(),
            "CN=TEST CA", caKeys, 3, 3, false);

    private final ShiftedClock clock = new ShiftedClock();
    private final AtomicReference<List<X509Certificate>> anchors = new AtomicReference<>(List.of(root));
    private final AtomicReference<List<X509Certificate>> intermediates = new AtomicReference<>(List.of());
    private final AtomicReference<Optional<RevocationAnswer>> answer = new AtomicReference<>(
            Optional.of(RevocationAnswer.good(RevocationAnswer.Source.OCSP, "test")));

    @Nested
    class Paths {

        private final CertificateTrust trust = trust((certificate, issuer, moment) -> answer.get());

        @Test
        void aKeptPathSparesTheIntermediateTravellingAgain() {
            trust.check(signer, List.of(ca), NOW, Kind.UNPROCESSABLE);

            assertThat(trust.check(signer, List.of(), NOW, Kind.UNPROCESSABLE).chain())
                    .containsExactly(signer, ca, root);
        }

        @Test
        void aKeptPathIsDroppedOnceACertificateItValidatedHasExpired() {
            trust.check(signer, List.of(ca), NOW, Kind.UNPROCESSABLE);
            clock.add(Duration.ofDays(2).plusHours(1));

            // Asked about a moment when all were valid, the path must be built again: without the CA it cannot be.
            assertThatThrownBy(() -> trust.check(signer, List.of(), NOW, Kind.UNPROCESSABLE))
                    .hasMessage("untrusted_issuer");
            assertThat(trust.check(signer, List.of(ca), NOW, Kind.UNPROCESSABLE).chain())
                    .containsExactly(signer, ca, root);
        }

        @Test
        void aKeptPathIsNotUsedOnceTheProfileNoLongerHasItsAnchor() {
            trust.check(signer, List.of(ca), NOW, Kind.UNPROCESSABLE);
            KeyPair otherKeys = DemoCertificationAuthority.rsa();
            anchors.set(List.of(certificate("CN=OTHER ROOT", otherKeys, "CN=OTHER ROOT", otherKeys, 4, 30,
                    true)));

            assertThatThrownBy(() -> trust.check(signer, List.of(ca), NOW, Kind.UNPROCESSABLE))
                    .hasMessage("untrusted_issuer");
        }

        @Test
        void aKeptPathIsNotUsedOnceTheProfileDropsTheIntermediateItWasBuiltWith() {
            intermediates.set(List.of(ca));
            trust.check(signer, List.of(), NOW, Kind.UNPROCESSABLE);
            intermediates.set(List.of());

            assertThatThrownBy(() -> trust.check(signer, List.of(), NOW, Kind.UNPROCESSABLE))
                    .hasMessage("untrusted_issuer");
        }

        @Test
        void aKeptPathStillChecksEachLinkAtTheMomentAskedAbout() {
            trust.check(signer, List.of(ca), NOW, Kind.UNPROCESSABLE);
            Instant afterTheCaExpired = NOW.plus(Duration.ofDays(2).plusHours(1));

            assertThatThrownBy(() -> trust.check(signer, List.of(ca), afterTheCaExpired, Kind.UNPROCESSABLE))
                    .hasMessage("untrusted_issuer");
        }

        @Test
        void aRevocationIsRefusedAtTheNextCheckThoughThePathIsKept() {
            trust.check(signer, List.of(ca), NOW, Kind.UNPROCESSABLE);
            answer.set(Optional.of(RevocationAnswer.revoked(NOW.minusSeconds(1), RevocationAnswer.Source.OCSP,
                    "test")));

            assertThatThrownBy(() -> trust.check(signer, List.of(ca), NOW, Kind.UNPROCESSABLE))
                    .hasMessage("certificate_revoked");
        }
    }

    /** A CRL kept until its nextUpdate, then fetched again: a revocation published meanwhile is seen then. */
    @Nested
    class RevocationCaches {

        @Test
        void aRevocationInTheNextCrlIsSeenOnceTheKeptCrlIsDue() throws IOException {
            var published = new AtomicReference<>(crl(null));
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/ca.crl", exchange -> {
                byte[] body = published.get();
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            try {
                URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ca.crl");
                var trust = trust(CrlSource.online(List.of(uri), Duration.ofSeconds(2), clock,
                        new RevocationHealth(clock)));
                Instant signedAt = NOW.plusSeconds(1);
                trust.check(signer, List.of(ca), signedAt, Kind.UNPROCESSABLE);

                published.set(crl(signer.getSerialNumber()));
                // Within the kept CRL's time its answer stands, as CrlSource documents; once it is due, the new one.
                trust.check(signer, List.of(ca), signedAt, Kind.UNPROCESSABLE);
                clock.add(Duration.ofMinutes(11));

                assertThatThrownBy(() -> trust.check(signer, List.of(ca), clock.instant(), Kind.UNPROCESSABLE))
                        .hasMessage("certificate_revoked");
            } finally {
                server.stop(0);
            }
        }

        /** Issued now, next update in ten minutes, listing {@code revoked} (revoked a minute ago) if given. */
        private byte[] crl(BigInteger revoked) {
            try {
                var builder = new X509v2CRLBuilder(new X500Name("CN=TEST CA"), Date.from(NOW.minusSeconds(60)));
                builder.setNextUpdate(Date.from(NOW.plus(Duration.ofMinutes(10))));
                if (revoked != null) {
                    builder.addCRLEntry(revoked, Date.from(NOW.minusSeconds(60)), CRLReason.keyCompromise);
                }
                return builder.build(DemoCertificationAuthority.signer(caKeys.getPrivate())).getEncoded();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private CertificateTrust trust(RevocationSource revocation) {
        return new CertificateTrust(new TrustProfile("kept-paths", anchors::get, intermediates::get,
                List.of(revocation), true), clock);
    }

    private static X509Certificate certificate(String subject, KeyPair keys, String issuer, KeyPair issuerKeys,
            long serial, int days, boolean authority) {
        try {
            var builder = new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(serial),
                    Date.from(NOW.minus(Duration.ofDays(1))), Date.from(NOW.plus(Duration.ofDays(days))),
                    new X500Name(subject), keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(authority
                    ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                    : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            return DemoCertificationAuthority.x509(builder.build(
                    DemoCertificationAuthority.signer(issuerKeys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
