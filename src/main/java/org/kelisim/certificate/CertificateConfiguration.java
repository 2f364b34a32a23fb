package org.kelisim.certificate;

import java.time.Clock;
import java.util.Optional;
import org.kelisim.signature.ServiceKeys;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The parts of issuance: the font (parsed once), the renderer, the seal with its time-stamping authority, and the
 * verifier. Keys are asked of {@link ServiceKeys} when needed, not at start.
 */
@Configuration(proxyBeanMethods = false)
class CertificateConfiguration {

    @Bean
    CertificateRenderer certificateRenderer() {
        return new CertificateRenderer(CertificateFonts.load());
    }

    /**
     * A configured TSA wins; without one, demo mode stamps with its embedded TSA, and production seals without a
     * time-stamp (PAdES-BASELINE-B).
     */
    @Bean
    PadesSigner padesSigner(CertificateProperties properties, ObjectProvider<ServiceKeys> keys, Clock clock,
            @Value("${kelisim.demo.enabled:true}") boolean demo) {
        if (properties.tsaUrl() != null && !properties.tsaUrl().toString().isBlank()) {
            return new PadesSigner(Optional.of(new HttpTimeStampAuthority(properties.tsaUrl(),
                    properties.tsaTimeout())));
        }
        if (demo) {
            return new PadesSigner(Optional.of(embeddedTimeStampAuthority(keys, clock)));
        }
        return new PadesSigner(Optional.empty());
    }

    @Bean
    DocumentNumbers documentNumbers() {
        return new DocumentNumbers();
    }

    @Bean
    DocumentVerifier documentVerifier(IssuedDocuments documents, ObjectProvider<ServiceKeys> keys) {
        return new DocumentVerifier(documents::findBySha256, () -> keys.getObject().seal().certificate());
    }

    static EmbeddedTimeStampAuthority embeddedTimeStampAuthority(ObjectProvider<ServiceKeys> keys, Clock clock) {
        return new EmbeddedTimeStampAuthority(() -> keys.getObject().timeStamping()
                .orElseThrow(() -> new IllegalStateException("Demo mode has no time-stamping key")), clock);
    }
}
