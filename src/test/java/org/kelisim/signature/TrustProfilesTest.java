package org.kelisim.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kelisim.shared.DomainException.Kind;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.health.contributor.Status;

class TrustProfilesTest {

    private static final Instant JUNE_2021 = Instant.parse("2021-06-01T00:00:00Z");
    /** Nothing listens on the discard port: connections are refused at once. */
    private static final URI NOBODY = URI.create("http://127.0.0.1:9/");

    private static SignatureProperties properties(String trust, List<String> anchors) {
        return new SignatureProperties(trust, Duration.ofMillis(500), null, null, null, null,
                new SignatureProperties.NcaProduction(anchors, List.of(), NOBODY, List.of(NOBODY.resolve("x.crl")),
                        null),
                null);
    }

    private static CertificateTrust configured(SignatureProperties properties, boolean demo) {
        return new SignatureConfiguration().certificateTrust(properties, Clock.systemUTC(), demo,
                new StaticListableBeanFactory().getBeanProvider(DemoCertificationAuthority.class),
                new RevocationHealth(Clock.systemUTC()));
    }

    @Test
    void theProfileIsChosenByConfigurationWithProductionOutsideEmbeddedMode() {
        assertThat(configured(properties("nca-test", List.of()), true).profile().name()).isEqualTo("nca-test");
        assertThat(configured(properties(null, List.of()), false).profile().name()).isEqualTo("nca-production");
        assertThatThrownBy(() -> configured(properties("everything", List.of()), false))
                .hasMessageContaining("Unknown trust profile");
    }

    @Test
    void productionReadsItsAnchorsFromConfiguredLocationsAndRefusesTestIdentifiers() {
        var production = configured(properties(null, List.of("classpath:signature/nca-test/ca/nca_rsa_test.crt")),
                false);
        var key = FixtureKeys.load("individual_valid_sign_2004_rsa.p12");

        assertThat(production.profile().anchors().get()).hasSize(1);
        assertThat(production.profile().acceptsTestIdentifiers()).isFalse();
        assertThatThrownBy(() -> production.check(key.certificate(), key.chain(), JUNE_2021, Kind.UNPROCESSABLE))
                .hasMessage("untrusted_issuer");
    }

    @Test
    void unreachableOcspAndCrlMeanRevocationUnknownNotGoodAndShowAsDown() {
        var properties = properties(null, List.of());
        var ncaTest = TrustProfiles.ncaTest(Clock.systemUTC());
        var health = new RevocationHealth(Clock.systemUTC());
        var offline = new CertificateTrust(new TrustProfile("offline", ncaTest.anchors(), List.of(), List.of(
                new OcspSource(NOBODY, properties.timeout(), properties.ocspMaxAge(), Duration.ZERO,
                        Clock.systemUTC(), health),
                CrlSource.online(List.of(NOBODY.resolve("x.crl")), properties.timeout(), Clock.systemUTC(), health)),
                true));
        var key = FixtureKeys.load("individual_valid_sign_2004_rsa.p12");

        assertThatThrownBy(() -> offline.check(key.certificate(), key.chain(), JUNE_2021, Kind.UNPROCESSABLE))
                .hasMessage("revocation_unknown");
        assertThat(health.health(RevocationHealth.Kind.OCSP).getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health(RevocationHealth.Kind.OCSP).getDetails()).containsKey(NOBODY.toString());
        assertThat(health.health(RevocationHealth.Kind.CRL).getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health(RevocationHealth.Kind.CRL).getDetails().get(NOBODY.resolve("x.crl").toString()))
                .asString().contains("state=failing", "reason=ConnectException");
    }
}
