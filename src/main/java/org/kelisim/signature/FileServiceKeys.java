package org.kelisim.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The service's keys in production: PKCS#12 files at configured locations
 * ({@code kelisim.signature.service-keys.seal}, {@code ...time-stamping}), their passwords in the environment
 * variables the configuration names ({@code KELISIM_SEAL_PASSWORD}, {@code KELISIM_TSA_PASSWORD} by default). The
 * password arrays are cleared once the keys are read.
 */
@Component
@ConditionalOnProperty(name = "kelisim.demo.enabled", havingValue = "false")
class FileServiceKeys implements ServiceKeys {

    private final SignatureProperties.ServiceKeyFiles files;
    private volatile KeyMaterial seal;
    private volatile Optional<KeyMaterial> timeStamping;

    FileServiceKeys(SignatureProperties properties) {
        this.files = properties.serviceKeys();
    }

    @Override
    public KeyMaterial seal() {
        if (seal == null) {
            if (files.seal() == null || files.seal().isBlank()) {
                throw new IllegalStateException("kelisim.signature.service-keys.seal is not configured");
            }
            seal = read(files.seal(), files.sealPasswordVariable());
        }
        return seal;
    }

    @Override
    public Optional<KeyMaterial> timeStamping() {
        if (timeStamping == null) {
            timeStamping = files.timeStamping() == null || files.timeStamping().isBlank()
                    ? Optional.empty()
                    : Optional.of(read(files.timeStamping(), files.timeStampingPasswordVariable()));
        }
        return timeStamping;
    }

    static KeyMaterial read(String location, String passwordVariable) {
        String secret = System.getenv(passwordVariable);
        if (secret == null) {
            throw new IllegalStateException("Environment variable " + passwordVariable + " is not set");
        }
        char[] password = secret.toCharArray();
        try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
            return Pkcs12.read(in.readAllBytes(), password);
        } catch (IOException e) {
            throw new UncheckedIOException("Service key " + location + " unreadable", e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
