package org.kelisim.signature;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a deployment trusts: the anchors certificates must chain to, intermediates it knows, the revocation sources it
 * asks in order, and whether it accepts identifiers that fail the IIN/BIN checksum (only NCA RK's test contour issues
 * those).
 *
 * @param anchors read when first needed: the demo CA exists only once the database is up
 */
record TrustProfile(String name, Supplier<List<X509Certificate>> anchors,
        Supplier<List<X509Certificate>> intermediates, List<RevocationSource> revocation,
        boolean acceptsTestIdentifiers) {

    static final String NCA_PRODUCTION = "nca-production";
    static final String NCA_TEST = "nca-test";
    static final String DEMO = "demo";

    TrustProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(anchors, "anchors");
        Objects.requireNonNull(intermediates, "intermediates");
        revocation = List.copyOf(revocation);
    }

    TrustProfile(String name, Supplier<List<X509Certificate>> anchors, List<X509Certificate> intermediates,
            List<RevocationSource> revocation, boolean acceptsTestIdentifiers) {
        this(name, anchors, () -> intermediates, revocation, acceptsTestIdentifiers);
    }
}
