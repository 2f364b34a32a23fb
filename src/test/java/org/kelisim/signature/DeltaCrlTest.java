package org.kelisim.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kelisim.shared.DomainException.Kind;
import org.springframework.boot.health.contributor.Status;

/**
 * Delta CRLs (RFC 5280 §5.2.4, §6.3.3) combined with their base by {@link CrlSource}: a small CA made in the test
 * publishes a base and a delta CRL over HTTP from a local server.
 */
class DeltaCrlTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String CA_NAME = "CN=TEST DELTA CA";
    private static final KeyPair CA_KEYS = DemoCertificationAuthority.rsa();
    private static final KeyPair OTHER_KEYS = DemoCertificationAuthority.rsa();
    private static final X509Certificate CA = caCertificate();
    private static final BigInteger BASE_NUMBER = BigInteger.valueOf(100);
    /** The key certified does not matter here: the CRLs decide. */
    private static final X509Certificate SIGNER = signer(3, null);

    private HttpServer server;
    private final Map<String, byte[]> published = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    /** Ticks at every reading, so that an answer and a later refusal of the same CRL are told apart in time. */
    private final RevocationHealth health = new RevocationHealth(new TickingClock());
    private final X509Certificate signer = SIGNER;

    @BeforeEach
    void startThePublisher() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    @AfterEach
    void stopThePublisher() {
        server.stop(0);
    }

    @Nested
    class Combined {

        @Test
        void aCertificateRevokedOnlyInTheDeltaIsRevoked() {
            publish("/base.crl", base().namingDelta().build());
            publish("/delta.crl", delta().revoking(signer.getSerialNumber(), CRLReason.keyCompromise).build());

            var answer = source().check(signer, CA, NOW).orElseThrow();

            assertThat(answer.revoked()).isTrue();
            assertThat(answer.origin()).isEqualTo(address("/delta.crl"));
        }

        @Test
        void aCertificateInNeitherIsGoodAndTheAnswerNamesBaseAndDelta() {
            publish("/base.crl", base().namingDelta().revoking(BigInteger.valueOf(77), CRLReason.keyCompromise)
                    .build());
            publish("/delta.crl", delta().revoking(BigInteger.valueOf(78), CRLReason.keyCompromise).build());

            var answer = source().check(signer, CA, NOW).orElseThrow();

            assertThat(answer.revoked()).isFalse();
            assertThat(answer.origin()).isEqualTo(address("/base.crl") + " + " + address("/delta.crl"));
            assertThat(health.health(RevocationHealth.Kind.CRL).getStatus()).isEqualTo(Status.UP);
            assertThat(health.health(RevocationHealth.Kind.CRL).getDetails())
                    .containsKeys(address("/base.crl"), address("/delta.crl"));
        }

        @Test
        void aHoldOfTheBaseRemovedByTheDeltaIsGood() {
            publish("/base.crl", base().namingDelta().revoking(signer.getSerialNumber(), CRLReason.certificateHold)
                    .build());
            publish("/delta.crl", delta().revoking(signer.getSerialNumber(), CRLReason.removeFromCRL).build());

            assertThat(source().check(signer, CA, NOW).orElseThrow().revoked()).isFalse();
        }

        @Test
        void aHoldOfTheBaseStaysRevokedWithoutADeltaThatRemovesIt() {
            publish("/base.crl", base().namingDelta().revoking(signer.getSerialNumber(), CRLReason.certificateHold)
                    .build());
            publish("/delta.crl", delta().build());

            assertThat(source().check(signer, CA, NOW).orElseThrow().revoked()).isTrue();
        }

        @Test
        void removeFromCrlDoesNotUndoARevocationForKeyCompromise() {
            publish("/base.crl", base().namingDelta().revoking(signer.getSerialNumber(), CRLReason.keyCompromise)
                    .build());
            publish("/delta.crl", delta().revoking(signer.getSerialNumber(), CRLReason.removeFromCRL).build());

            assertThat(source().check(signer, CA, NOW).orElseThrow().revoked()).isTrue();
        }

        @Test
        void aRevocationOfTheBaseForAnotherReasonThanHoldAnswersWithoutReadingTheDelta() {
            publish("/base.crl", base().namingDelta().revoking(signer.getSerialNumber(), CRLReason.keyCompromise)
                    .build());

            var answer = source().check(signer, CA, NOW).orElseThrow();

            assertThat(answer.revoked()).isTrue();
            assertThat(answer.origin()).isEqualTo(address("/base.crl"));
            assertThat(requests).doesNotContainKey("/delta.crl");
        }

        @Test
        void aHoldPlacedInTheDeltaRevokes() {
            publish("/base.crl", base().namingDelta().build());
            publish("/delta.crl", delta().revoking(signer.getSerialNumber(), CRLReason.certificateHold).build());

            assertThat(source().check(signer, CA, NOW).orElseThrow().revoked()).isTrue();
        }

        @Test
        void aDeltaOlderThanTheBaseAddsNothingAndTheBaseAnswers() {
            publish("/base.crl", base().namingDelta().build());
            publish("/delta.crl", delta().number(BASE_NUMBER).baseNumber(BigInteger.valueOf(90))
                    .revoking(signer.getSerialNumber(), CRLReason.certificateHold).build());

            var answer = source().check(signer, CA, NOW).orElseThrow();

            assertThat(answer.revoked()).isFalse();
            assertThat(answer.origin()).isEqualTo(address("/base.crl"));
        }

        @Test
        void aDeltaBuiltOnAnOlderBaseIsCombined() {
            publish("/base.crl", base().namingDelta().build());
            publish("/delta.crl", delta().baseNumber(BigInteger.valueOf(90))
                    .revoking(signer.getSerialNumber(), CRLReason.keyCompromise).build());

            assertThat(source().check(signer, CA, NOW).orElseThrow().revoked()).isTrue();
        }

        @Test
        void aRevocationAfterTheMomentAskedAboutDoesNotCount() {
            publish("/base.crl", base().namingDelta().build());
            publish("/delta.crl", delta().revoking(signer.getSerialNumber(), CRLReason.keyCompromise).build());

            assertThat(source().check(signer, CA, NOW.minus(Duration.ofHours(1))).orElseThrow().revoked())
                    .isFalse();
        }
    }

    @Nested
    class WhereTheDeltaIsNamed {

        @Test
        void theCertificatesFreshestCrlIsReadWhenTheBaseNamesNone() {
            var named = signer(4, address("/delta.crl"));
            publish("/base.crl", base().build());
            publish("/delta.crl", delta().revoking(named.getSerialNumber(), CRLReason.keyCompromise).build());

            assertThat(source().check(named, CA, NOW).orElseThrow().revoked()).isTrue();
        }

        @Test
        void aConfiguredDeltaIsReadAndAnotherIssuersDeltaThereIsPassedOver() {
            publish("/base.crl", base().build());
            publish("/other.crl", new Crl("CN=SOMEBODY ELSE", OTHER_KEYS).delta(BASE_NUMBER).build());
            publish("/delta.crl", delta().revoking(signer.getSerialNumber(), CRLReason.keyCompromise).build());

            var source = CrlSource.online(List.of(uri("/base.crl")), List.of(uri("/other.crl"), uri("/delta.crl")),
                    Duration.ofSeconds(2), CLOCK, health);

            assertThat(source.check(signer, CA, NOW).orElseThrow().revoked()).isTrue();
        }

        @Test
        void aBaseThatNamesNoDeltaAnswersAlone() {
            publish("/base.crl", base().build());

            assertThat(source().check(signer, CA, NOW).orElseThrow().origin()).isEqualTo(address("/base.crl"));
        }

        @Test
        void theDeltaIsFetchedOnceUntilItsNextUpdate() {
            publish("/base.crl", base().namingDelta().build());
            publish("/delta.crl", delta().build());
            var source = source();

            source.check(signer, CA, NOW);
            source.check(signer, CA, NOW);

            assertThat(requests.get("/delta.crl")).hasValue(1);
            assertThat(requests.get("/base.crl")).hasValue(1);
        }
    }

    @Nested
    class Refused {

        @Test
        void aDeltaBuiltOnANewerBaseIsNotUsedAndTheCrlCannotTell() {
            publish("/base.crl", base().namingDelta().build());
            publish("/delta.crl", delta().number(BigInteger.valueOf(120)).baseNumber(BigInteger.valueOf(110))
                    .build());

            assertThat(source().check(signer, CA, NOW)).isEmpty();
            assertThat(reason("/delta.crl")).contains("reason=base_crl_outdated");
            // The base was asked again in case the CA had published a newer one before its nextUpdate.
            assertThat(requests.get("/base.crl")).hasValue(2);
        }

        @Test
        void aDeltaBuiltOnANewerBaseMakesTheSourceFetchTheNewerBaseBeforeTheCachedOnesNextUpdate() {
            publish("/base.crl", base().namingDelta().build());
            var source = source();
            assertThat(source.check(signer, CA, NOW)).isEmpty();

            publish("/base.crl", base().namingDelta().number(BigInteger.valueOf(110)).build());
            publish("/delta.crl", delta().number(BigInteger.valueOf(111)).baseNumber(BigInteger.valueOf(110))
                    .revoking(signer.getSerialNumber(), CRLReason.keyCompromise).build());

            assertThat(source.check(signer, CA, NOW).orElseThrow().revoked()).isTrue();
            assertThat(requests.get("/base.crl")).hasValue(2);
        }

        @Test
        void aHoldListedInTheCachedBaseStillCountsWhenTheNewerBaseCannotBeFetched() {
            publish("/base.crl", base().namingDelta().revoking(signer.getSerialNumber(), CRLReason.certificateHold)
                    .build());
            var source = source();
            assertThat(source.check(signer, CA, NOW).orElseThrow().revoked()).isTrue();

            published.remove("/base.crl");
            publish("/delta.crl", delta().number(BigInteger.valueOf(111)).baseNumber(BigInteger.valueOf(110))
                    .build());

            assertThat(source.check(signer, CA, NOW).orElseThrow().revoked()).isTrue();
            assertThat(reason("/delta.crl")).contains("reason=base_crl_outdated");
        }

        @Test
        void aDeltaSignedByAnotherKeyIsNotUsedAndHealthSaysSo() {
            publish("/base.crl", base().namingDelta().build());
            publish("/delta.crl", new Crl(CA_NAME, OTHER_KEYS).delta(BASE_NUMBER).build());

            assertThat(source().check(signer, CA, NOW)).isEmpty();
            assertThat(health.health(RevocationHealth.Kind.CRL).getStatus()).isEqualTo(Status.DOWN);
            assertThat(reason("/delta.crl")).contains("state=failing", "reason=not_signed_by_issuer");
        }

        @Test
        void aStaleDeltaNeverSaysGood() {
            publish("/base.crl", base().namingDelta().build());
            publish("/delta.crl", delta().nextUpdate(NOW.minus(Duration.ofMinutes(1))).build());

            assertThat(source().check(signer, CA, NOW)).isEmpty();
            assertThat(reason("/delta.crl")).contains("reason=stale");
        }

        @Test
        void aStaleDeltaStillCountsTheRevocationsItLists() {
            publish("/base.crl", base().namingDelta().build());
            publish("/delta.crl", delta().nextUpdate(NOW.minus(Duration.ofMinutes(1)))
                    .revoking(signer.getSerialNumber(), CRLReason.keyCompromise).build());

            assertThat(source().check(signer, CA, NOW).orElseThrow().revoked()).isTrue();
        }

        @Test
        void aStaleDeltaDoesNotReleaseAHold() {
            publish("/base.crl", base().namingDelta().revoking(signer.getSerialNumber(), CRLReason.certificateHold)
                    .build());
            publish("/delta.crl", delta().nextUpdate(NOW.minus(Duration.ofMinutes(1)))
                    .revoking(signer.getSerialNumber(), CRLReason.removeFromCRL).build());

            assertThat(source().check(signer, CA, NOW).orElseThrow().revoked()).isTrue();
        }

        @Test
        void anUnreachableDeltaThatTheBaseNamesMakesTheAnswerRevocationUnknown() {
            publish("/base.crl", base().namingDelta().build());
            var trust = new CertificateTrust(new TrustProfile("crl-only", () -> List.of(CA), List.of(),
                    List.of(source()), true));

            assertThatThrownBy(() -> trust.check(signer, List.of(), NOW, Kind.UNPROCESSABLE))
                    .hasMessage("revocation_unknown");
            assertThat(reason("/delta.crl")).contains("reason=HTTP 404");
        }

        @Test
        void aCorruptDeltaTellsNothing() {
            publish("/base.crl", base().namingDelta().build());
            published.put("/delta.crl", "not a CRL".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

            assertThat(source().check(signer, CA, NOW)).isEmpty();
            assertThat(reason("/delta.crl")).contains("reason=corrupt");
        }

        @Test
        void aCompleteCrlServedAsTheDeltaIsNotUsed() {
            publish("/base.crl", base().namingDelta().build());
            publish("/delta.crl", base().number(BigInteger.valueOf(101)).build());

            assertThat(source().check(signer, CA, NOW)).isEmpty();
            assertThat(reason("/delta.crl")).contains("reason=not_a_delta");
        }

        @Test
        void aDeltaOfAnotherScopeIsNotUsed() {
            publish("/base.crl", base().namingDelta().build());
            publish("/delta.crl", delta().onlyUserCertificates().build());

            assertThat(source().check(signer, CA, NOW)).isEmpty();
            assertThat(reason("/delta.crl")).contains("reason=scope_mismatch");
        }

        @Test
        void aDeltaServedAsTheBaseIsNotUsed() {
            publish("/base.crl", delta().build());

            assertThat(source().check(signer, CA, NOW)).isEmpty();
            assertThat(reason("/base.crl")).contains("reason=delta_as_base");
        }
    }

    @Nested
    class Preloaded {

        @Test
        void aDeltaAmongThePreloadedCrlsIsCombinedWithItsBase() {
            var source = CrlSource.preloaded(List.of(base().namingDelta().build(),
                    delta().revoking(signer.getSerialNumber(), CRLReason.keyCompromise).build()), CLOCK);

            assertThat(source.check(signer, CA, NOW).orElseThrow().revoked()).isTrue();
        }

        @Test
        void aNamedDeltaThatWasNotGivenIsNotDemandedOfAProfileWithoutNetwork() {
            var source = CrlSource.preloaded(List.of(base().namingDelta().build()), CLOCK);

            assertThat(source.check(signer, CA, NOW).orElseThrow().revoked()).isFalse();
        }
    }

    private static final class TickingClock extends Clock {

        private final AtomicInteger ticks = new AtomicInteger();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return NOW.plusMillis(ticks.incrementAndGet());
        }
    }

    private CrlSource source() {
        return CrlSource.online(List.of(uri("/base.crl")), Duration.ofSeconds(2), CLOCK, health);
    }

    private String reason(String path) {
        return String.valueOf(health.health(RevocationHealth.Kind.CRL).getDetails().get(address(path)));
    }

    private void publish(String path, byte[] crl) {
        published.put(path, crl);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.computeIfAbsent(path, ignored -> new AtomicInteger()).incrementAndGet();
        byte[] body = published.get(path);
        if (body == null) {
            exchange.sendResponseHeaders(404, -1);
        } else {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private URI uri(String path) {
        return URI.create(address(path));
    }

    private String address(String path) {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + path;
    }

    private Crl base() {
        return new Crl(CA_NAME, CA_KEYS).number(BASE_NUMBER);
    }

    private Crl delta() {
        return new Crl(CA_NAME, CA_KEYS).delta(BASE_NUMBER);
    }

    /** A CRL to build: complete unless given a base CRL number. */
    private final class Crl {

        private final String issuer;
        private final KeyPair keys;
        private final List<Object[]> entries = new ArrayList<>();
        private BigInteger number = BASE_NUMBER.add(BigInteger.ONE);
        private BigInteger baseNumber;
        private Instant nextUpdate = NOW.plus(Duration.ofHours(1));
        private boolean namingDelta;
        private boolean onlyUsers;

        Crl(String issuer, KeyPair keys) {
            this.issuer = issuer;
            this.keys = keys;
        }

        Crl number(BigInteger value) {
            number = value;
            return this;
        }

        Crl delta(BigInteger base) {
            baseNumber = base;
            return this;
        }

        Crl baseNumber(BigInteger base) {
            return delta(base);
        }

        Crl revoking(BigInteger serial, int reason) {
            entries.add(new Object[] {serial, reason});
            return this;
        }

        Crl nextUpdate(Instant value) {
            nextUpdate = value;
            return this;
        }

        Crl namingDelta() {
            namingDelta = true;
            return this;
        }

        Crl onlyUserCertificates() {
            onlyUsers = true;
            return this;
        }

        byte[] build() {
            try {
                var builder = new X509v2CRLBuilder(new X500Name(issuer), Date.from(NOW.minus(Duration.ofHours(2))));
                builder.setNextUpdate(Date.from(nextUpdate));
                for (Object[] entry : entries) {
                    builder.addCRLEntry((BigInteger) entry[0], Date.from(NOW.minus(Duration.ofMinutes(30))),
                            (Integer) entry[1]);
                }
                builder.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
                if (baseNumber != null) {
                    builder.addExtension(Extension.deltaCRLIndicator, true, new CRLNumber(baseNumber));
                }
                if (namingDelta) {
                    builder.addExtension(Extension.freshestCRL, false, points(address("/delta.crl")));
                }
                if (onlyUsers) {
                    builder.addExtension(Extension.issuingDistributionPoint, true,
                            new IssuingDistributionPoint(null, true, false, null, false, false));
                }
                return builder.build(DemoCertificationAuthority.signer(keys.getPrivate())).getEncoded();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static CRLDistPoint points(String address) {
        return new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(new DistributionPointName(
                new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, address))), null, null)});
    }

    private static X509Certificate caCertificate() {
        try {
            var builder = new JcaX509v3CertificateBuilder(new X500Name(CA_NAME), BigInteger.ONE,
                    Date.from(NOW.minus(Duration.ofDays(1))), Date.from(NOW.plus(Duration.ofDays(2))),
                    new X500Name(CA_NAME), CA_KEYS.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return DemoCertificationAuthority.x509(builder.build(
                    DemoCertificationAuthority.signer(CA_KEYS.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate signer(long serial, String freshest) {
        try {
            var builder = new JcaX509v3CertificateBuilder(new X500Name(CA_NAME), BigInteger.valueOf(serial),
                    Date.from(NOW.minus(Duration.ofDays(1))), Date.from(NOW.plus(Duration.ofDays(2))),
                    new X500Name("CN=TEST SIGNER " + serial), OTHER_KEYS.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            if (freshest != null) {
                builder.addExtension(Extension.freshestCRL, false, points(freshest));
            }
            return DemoCertificationAuthority.x509(builder.build(
                    DemoCertificationAuthority.signer(CA_KEYS.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
