package org.kelisim.signature;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The service's own keys: the seal that signs issued certificates, and the time-stamping key of the embedded TSA.
 * In embedded mode the demo certification authority issues them; in production they come from configured PKCS#12
 * files.
 */
public interface ServiceKeys {

    KeyMaterial seal();

    /** The key of the embedded time-stamping authority; empty in production, where a TSA is configured by URL. */
    Optional<KeyMaterial> timeStamping();

    /**
     * A private key with its certificate chain, the key's own certificate first.
     */
    record KeyMaterial(PrivateKey privateKey, List<X509Certificate> chain) {

        public KeyMaterial {
            Objects.requireNonNull(privateKey, "privateKey");
            chain = List.copyOf(chain);
        }

        public X509Certificate certificate() {
            return chain.get(0);
        }

        @Override
        public String toString() {
            return "KeyMaterial[" + certificate().getSerialNumber().toString(16) + "]";
        }
    }
}
