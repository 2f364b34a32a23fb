package org.kelisim.signature;

import java.math.BigInteger;
import java.net.URI;
import java.security.cert.X509CRL;
import java.security.cert.X509Extension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * Reads the CRL extensions that tie a delta CRL to its base (RFC 5280 §5.2): CRL number, delta CRL indicator (the
 * base CRL number), issuing distribution point, and the distribution points of certificates and CRLs (CRL
 * distribution points, freshest CRL). An unreadable extension reads as absent, which the callers treat as "cannot be
 * combined", never as "not revoked".
 */
final class CrlExtensions {

    private CrlExtensions() {
    }

    /** The CRL number (2.5.29.20), or {@code null} when absent or unreadable. */
    static BigInteger number(X509CRL crl) {
        return integer(crl.getExtensionValue(Extension.cRLNumber.getId()));
    }

    /** Whether the CRL is a delta CRL: it carries the delta CRL indicator (2.5.29.27). */
    static boolean isDelta(X509CRL crl) {
        return crl.getExtensionValue(Extension.deltaCRLIndicator.getId()) != null;
    }

    /** The base CRL number a delta CRL names in its delta CRL indicator, or {@code null}. */
    static BigInteger baseNumber(X509CRL crl) {
        return integer(crl.getExtensionValue(Extension.deltaCRLIndicator.getId()));
    }

    /** Whether two CRLs have the same scope: the same issuer and the same issuing distribution point, if any. */
    static boolean sameScope(X509CRL base, X509CRL delta) {
        return base.getIssuerX500Principal().equals(delta.getIssuerX500Principal())
                && Arrays.equals(base.getExtensionValue(Extension.issuingDistributionPoint.getId()),
                        delta.getExtensionValue(Extension.issuingDistributionPoint.getId()));
    }

    /** The HTTP addresses of the CRL distribution points extension (2.5.29.31) of a certificate. */
    static List<URI> distributionPoints(X509Extension certificate) {
        return addresses(certificate.getExtensionValue(Extension.cRLDistributionPoints.getId()));
    }

    /** The HTTP addresses of the freshest CRL extension (2.5.29.46) of a certificate or a base CRL. */
    static List<URI> freshest(X509Extension certificateOrCrl) {
        return addresses(certificateOrCrl.getExtensionValue(Extension.freshestCRL.getId()));
    }

    private static List<URI> addresses(byte[] value) {
        if (value == null) {
            return List.of();
        }
        List<URI> uris = new ArrayList<>();
        try {
            CRLDistPoint points = CRLDistPoint.getInstance(DEROctetString.getInstance(value).getOctets());
            for (DistributionPoint point : points.getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name == null || name.getType() != DistributionPointName.FULL_NAME) {
                    continue;
                }
                for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                    URI uri = OcspSource.uri(general);
                    if (uri != null) {
                        uris.add(uri);
                    }
                }
            }
        } catch (IllegalArgumentException unreadable) {
            return List.of();
        }
        return uris;
    }

    private static BigInteger integer(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return ASN1Integer.getInstance(DEROctetString.getInstance(value).getOctets()).getValue();
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }
}
