package org.kelisim.signature;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The verifiers and the trust profile {@code kelisim.signature.trust} names ({@code KELISIM_SIGNATURE_TRUST}):
 * {@code demo} (the default in embedded mode), {@code nca-test} or {@code nca-production} (the default otherwise).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignatureProperties.class)
class SignatureConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SignatureConfiguration.class);

    @Bean
    CmsVerifier cmsVerifier(CertificateTrust trust) {
        return new CmsVerifier(trust);
    }

    @Bean
    XmlVerifier xmlVerifier() {
        return new XmlVerifier();
    }

    @Bean
    RevocationHealth revocationHealth(Clock clock) {
        return new RevocationHealth(clock);
    }

    /** The actuator's {@code ocsp} part: how the OCSP responders answered this node lately. */
    @Bean
    HealthIndicator ocspHealthIndicator(RevocationHealth health) {
        return () -> health.health(RevocationHealth.Kind.OCSP);
    }

    /** The actuator's {@code crl} part: how the CRL distribution points answered this node lately. */
    @Bean
    HealthIndicator crlHealthIndicator(RevocationHealth health) {
        return () -> health.health(RevocationHealth.Kind.CRL);
    }

    @Bean
    CertificateTrust certificateTrust(SignatureProperties properties, Clock clock,
            @Value("${kelisim.demo.enabled:true}") boolean demo,
            ObjectProvider<DemoCertificationAuthority> demoAuthority, RevocationHealth health) {
        String name = properties.trust() == null || properties.trust().isBlank()
                ? (demo ? TrustProfile.DEMO : TrustProfile.NCA_PRODUCTION)
                : properties.trust();
        TrustProfile profile = switch (name) {
            case TrustProfile.NCA_TEST -> TrustProfiles.ncaTest(clock);
            case TrustProfile.NCA_PRODUCTION -> TrustProfiles.ncaProduction(properties, clock, health);
            case TrustProfile.DEMO -> {
                DemoCertificationAuthority authority = demoAuthority.getIfAvailable();
                if (authority == null) {
                    throw new IllegalStateException("The demo trust profile needs embedded mode");
                }
                yield TrustProfiles.demo(() -> List.of(authority.root().certificate()),
                        () -> List.of(authority.issuing().certificate()), properties, clock, health);
            }
            default -> throw new IllegalStateException("Unknown trust profile " + name
                    + " (nca-production, nca-test or demo)");
        };
        log.info("Signature trust profile: {}", profile.name());
        return new CertificateTrust(profile, clock);
    }
}
