package org.kelisim.signature;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kelisim.registry.DemoPeople;
import org.kelisim.registry.Localized;
import org.kelisim.shared.DomainException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Embedded mode only: the demo people with their keys, the keys themselves, and the demo CA's certificates, OCSP
 * responder and CRL, which the certificates it issues point to.
 */
@RestController
@ConditionalOnProperty(name = "kelisim.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoController {

    private static final MediaType PKCS12 = MediaType.parseMediaType("application/x-pkcs12");
    private static final MediaType CERTIFICATE = MediaType.parseMediaType("application/pkix-cert");

    private final DemoCertificationAuthority authority;
    private final DemoKeys keys;
    private final ObjectProvider<DemoPeople> people;

    DemoController(DemoCertificationAuthority authority, DemoKeys keys, ObjectProvider<DemoPeople> people) {
        this.authority = authority;
        this.keys = keys;
        this.people = people;
    }

    /**
     * All demo people (the featured ones first, with their key aliases) and the organisations, with the password of
     * every demo key.
     */
    record DemoPersons(String keyPassword, List<PersonView> persons, List<OrganisationView> organisations) {
    }

    record PersonView(String role, String iin, String name, String phone, boolean portal, boolean mobile,
            List<KeyView> keys) {
    }

    record KeyView(String alias, String purpose, boolean revoked, String url) {
    }

    record OrganisationView(String bin, Localized name, String firstHead, List<String> employees) {
    }

    @GetMapping("/demo/persons")
    DemoPersons persons() {
        DemoPeople demoPeople = people.getIfAvailable();
        if (demoPeople == null) {
            return new DemoPersons(DemoKeys.PASSWORD, List.of(), List.of());
        }
        Map<String, List<KeyView>> keysByIin = keys.keys().stream().collect(Collectors.groupingBy(DemoKeys.DemoKey::iin,
                Collectors.mapping(key -> new KeyView(key.alias(), key.purpose(), key.revoked(),
                        "/demo/keys/" + key.alias() + ".p12"), Collectors.toList())));
        List<PersonView> persons = demoPeople.persons().stream()
                .map(person -> new PersonView(person.role(), person.iin().value(), person.fullName(), person.phone(),
                        person.portal(), person.mobile(), keysByIin.getOrDefault(person.iin().value(), List.of())))
                .toList();
        List<OrganisationView> organisations = demoPeople.organisations().stream()
                .map(organisation -> new OrganisationView(organisation.bin().value(), organisation.name(),
                        organisation.firstHead().value(),
                        organisation.employees().stream().map(iin -> iin.value()).toList()))
                .toList();
        return new DemoPersons(DemoKeys.PASSWORD, persons, organisations);
    }

    @GetMapping("/demo/keys/{alias}.p12")
    ResponseEntity<byte[]> key(@PathVariable String alias) {
        byte[] pkcs12 = keys.pkcs12(alias)
                .orElseThrow(() -> new DomainException("unknown_key", DomainException.Kind.NOT_FOUND));
        return ResponseEntity.ok()
                .contentType(PKCS12)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(alias + ".p12").build().toString())
                .body(pkcs12);
    }

    @GetMapping("/demo/ca/root.cer")
    ResponseEntity<byte[]> root() {
        return certificate(authority.root().certificate());
    }

    @GetMapping("/demo/ca/issuing.cer")
    ResponseEntity<byte[]> issuing() {
        return certificate(authority.issuing().certificate());
    }

    /** RFC 6960 appendix A.1: an OCSP request over HTTP POST. */
    @PostMapping(path = "/demo/ca/ocsp", consumes = "application/ocsp-request", produces = "application/ocsp-response")
    byte[] ocsp(@RequestBody byte[] request) {
        return authority.ocsp(request);
    }

    @GetMapping(path = "/demo/ca/crl", produces = "application/pkix-crl")
    byte[] crl() {
        return authority.crl();
    }

    /** The delta CRL the base CRL and the demo certificates name (freshest CRL). */
    @GetMapping(path = DemoCertificationAuthority.DELTA_CRL_PATH, produces = "application/pkix-crl")
    byte[] deltaCrl() {
        return authority.deltaCrl();
    }

    private static ResponseEntity<byte[]> certificate(X509Certificate certificate) {
        try {
            return ResponseEntity.ok().contentType(CERTIFICATE).body(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
