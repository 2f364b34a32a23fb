package org.kelisim.signature;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the signature module ({@code kelisim.signature.*}, environment {@code KELISIM_SIGNATURE_*}).
 *
 * @param trust the trust profile: {@code nca-production}, {@code nca-test} or {@code demo}; by default {@code demo}
 *     in embedded mode and {@code nca-production} otherwise
 * @param timeout connect and read timeout of OCSP and CRL requests
 * @param ocspMaxAge how old an OCSP answer without nextUpdate may be
 * @param ocspCacheFor how long an OCSP answer is reused
 * @param tokenLifetime how long an access token of the sign-in lives
 * @param challengeLifetime how long a sign-in nonce lives
 * @param ncaProduction anchors and URLs of NCA RK
 * @param serviceKeys the service's own keys in production (PKCS#12 files)
 */
@ConfigurationProperties("kelisim.signature")
public record SignatureProperties(String trust, Duration timeout, Duration ocspMaxAge, Duration ocspCacheFor,
        Duration tokenLifetime, Duration challengeLifetime, NcaProduction ncaProduction, ServiceKeyFiles serviceKeys) {

    public SignatureProperties {
        timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
        ocspMaxAge = ocspMaxAge == null ? Duration.ofMinutes(10) : ocspMaxAge;
        ocspCacheFor = ocspCacheFor == null ? Duration.ofMinutes(2) : ocspCacheFor;
        tokenLifetime = tokenLifetime == null ? Duration.ofMinutes(30) : tokenLifetime;
        challengeLifetime = challengeLifetime == null ? Duration.ofMinutes(5) : challengeLifetime;
        ncaProduction = ncaProduction == null ? new NcaProduction(null, null, null, null, null) : ncaProduction;
        serviceKeys = serviceKeys == null ? new ServiceKeyFiles(null, null, null, null) : serviceKeys;
    }

    /**
     * NCA RK (DESIGN.md, production trust). Certificate files are configuration an operator provides (Spring resource
     * locations such as {@code file:/etc/kelisim/root_rsa_2020.cer}); they are not bundled.
     *
     * @param ocspUrl the responder, by default {@code http://ocsp.pki.gov.kz/}; empty uses each certificate's AIA
     * @param crlUrls the complete (base) CRLs, by default NCA RK's RSA and GOST CRLs
     * @param deltaCrlUrls the delta CRLs, by default NCA RK's RSA and GOST deltas; each is combined with the base of
     *     its own issuer, besides the deltas the base CRLs and the certificates name (freshest CRL extension)
     */
    public record NcaProduction(List<String> anchors, List<String> intermediates, URI ocspUrl, List<URI> crlUrls,
            List<URI> deltaCrlUrls) {

        public NcaProduction {
            anchors = anchors == null ? List.of() : List.copyOf(anchors);
            intermediates = intermediates == null ? List.of() : List.copyOf(intermediates);
            ocspUrl = ocspUrl == null ? URI.create("http://ocsp.pki.gov.kz/") : ocspUrl;
            crlUrls = crlUrls == null ? List.of(URI.create("http://crl.pki.gov.kz/nca_rsa_2022.crl"),
                    URI.create("http://crl.pki.gov.kz/nca_gost_2022.crl")) : List.copyOf(crlUrls);
            deltaCrlUrls = deltaCrlUrls == null ? List.of(URI.create("http://crl.pki.gov.kz/nca_d_rsa_2022.crl"),
                    URI.create("http://crl.pki.gov.kz/nca_d_gost_2022.crl")) : List.copyOf(deltaCrlUrls);
        }
    }

    /**
     * The seal and time-stamping keys in production: PKCS#12 locations; the passwords are read from the environment
     * variables named here, never from files in the repository.
     */
    public record ServiceKeyFiles(String seal, String sealPasswordVariable, String timeStamping,
            String timeStampingPasswordVariable) {

        public ServiceKeyFiles {
            sealPasswordVariable = sealPasswordVariable == null ? "KELISIM_SEAL_PASSWORD" : sealPasswordVariable;
            timeStampingPasswordVariable = timeStampingPasswordVariable == null
                    ? "KELISIM_TSA_PASSWORD" : timeStampingPasswordVariable;
        }
    }
}
