package org.kelisim.signature;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.kelisim.identity.Masks;

/**
 * The profile of an NCA RK certificate: who holds it (SERIALNUMBER {@code IIN…}, OU {@code BIN…}, CN "SURNAME NAME",
 * SURNAME, G the patronymic, O), what the key is for, and the holder's roles (1.2.398.3.3.4.* in the extended key
 * usage or the policies). A certificate without EKU, without an IIN or with unknown OIDs still reads; missing parts
 * are {@code null} or empty. {@link #toString()} is masked.
 *
 * @param iin the holder's IIN as written (not checksum-checked here: the trust profile decides), or {@code null}
 * @param bin the legal entity's BIN, or {@code null}
 * @param patronymic NCA RK writes the patronymic into GIVENNAME (G)
 */
public record SigningCertificate(String iin, String bin, String surname, String givenName, String patronymic,
        String commonName, String organization, Set<KeyPurpose> purposes, Set<Role> roles,
        X509Certificate certificate) {

    static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";

    private static final Map<String, Role> ROLES = Map.of(
            "1.2.398.3.3.4.1.1", Role.INDIVIDUAL,
            "1.2.398.3.3.4.1.2", Role.LEGAL_ENTITY,
            "1.2.398.3.3.4.1.2.1", Role.FIRST_HEAD,
            "1.2.398.3.3.4.1.2.2", Role.SIGNING_RIGHT,
            "1.2.398.3.3.4.1.2.3", Role.FINANCIAL_SIGNING_RIGHT,
            "1.2.398.3.3.4.1.2.4", Role.HR,
            "1.2.398.3.3.4.1.2.5", Role.EMPLOYEE);

    /** The 1.2.398.3.3.4.* identifier NCA RK writes for a role. */
    static String oid(Role role) {
        return ROLES.entrySet().stream().filter(entry -> entry.getValue() == role).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }

    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;
    private static final int KEY_ENCIPHERMENT = 2;

    public SigningCertificate {
        Objects.requireNonNull(certificate, "certificate");
        purposes = purposes.isEmpty() ? Set.of() : Set.copyOf(purposes);
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(roles);
    }

    /**
     * Profiles already read, by certificate (the JDK compares certificates by their encoding and keeps the hash):
     * the same signers come back with every request, and reading a profile costs more than looking it up.
     */
    private static final Map<X509Certificate, SigningCertificate> READ = new ConcurrentHashMap<>();

    /** Reads the profile of a certificate. */
    public static SigningCertificate of(X509Certificate certificate) {
        SigningCertificate known = READ.get(certificate);
        if (known != null) {
            return known;
        }
        SigningCertificate profile = read(certificate);
        if (READ.size() > 2_000) {
            READ.clear();
        }
        READ.put(certificate, profile);
        return profile;
    }

    private static SigningCertificate read(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        String iin = prefixed(subject, BCStyle.SERIALNUMBER, "IIN");
        String bin = prefixed(subject, BCStyle.OU, "BIN");
        String surname = value(subject, BCStyle.SURNAME);
        String commonName = value(subject, BCStyle.CN);
        String givenName = givenName(commonName, surname);
        List<String> usages = extendedKeyUsage(certificate);

        return new SigningCertificate(iin, bin, surname, givenName, value(subject, BCStyle.GIVENNAME), commonName,
                value(subject, BCStyle.O), purposes(certificate, usages), roles(certificate, usages), certificate);
    }

    public boolean isLegalEntity() {
        return bin != null;
    }

    public boolean canSignIn() {
        return purposes.contains(KeyPurpose.AUTH);
    }

    public boolean canSign() {
        return purposes.contains(KeyPurpose.SIGN);
    }

    /** The full name: CN, which NCA RK writes as "SURNAME NAME", followed by the patronymic when there is one. */
    public String fullName() {
        String name = commonName != null ? commonName : (surname + " " + givenName).strip();
        return patronymic == null ? name : name + " " + patronymic;
    }

    public String serialNumber() {
        return certificate.getSerialNumber().toString(16).toUpperCase();
    }

    public Instant notBefore() {
        return certificate.getNotBefore().toInstant();
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    /** The signed-in party this certificate stands for. */
    public Party party() {
        return new Party(iin, bin, fullName(), organization, roles);
    }

    private static String value(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        if (rdns.length == 0) {
            return null;
        }
        String value = IETFUtils.valueToString(rdns[0].getFirst().getValue());
        return value.isBlank() ? null : unescape(value.strip());
    }

    private static String unescape(String value) {
        return value.indexOf('\\') < 0 ? value : value.replaceAll("\\\\(.)", "$1");
    }

    private static String prefixed(X500Name name, ASN1ObjectIdentifier type, String prefix) {
        for (RDN rdn : name.getRDNs(type)) {
            String value = IETFUtils.valueToString(rdn.getFirst().getValue()).strip();
            if (value.startsWith(prefix) && value.length() > prefix.length()) {
                return value.substring(prefix.length());
            }
        }
        return null;
    }

    private static String givenName(String commonName, String surname) {
        if (commonName == null) {
            return null;
        }
        if (surname != null && commonName.startsWith(surname + " ")) {
            return commonName.substring(surname.length() + 1).strip();
        }
        int space = commonName.indexOf(' ');
        return space < 0 ? null : commonName.substring(space + 1).strip();
    }

    private static List<String> extendedKeyUsage(X509Certificate certificate) {
        try {
            List<String> usages = certificate.getExtendedKeyUsage();
            return usages == null ? List.of() : usages;
        } catch (CertificateParsingException unreadable) {
            return List.of();
        }
    }

    private static Set<KeyPurpose> purposes(X509Certificate certificate, List<String> usages) {
        Set<KeyPurpose> purposes = EnumSet.noneOf(KeyPurpose.class);
        boolean[] keyUsage = certificate.getKeyUsage();
        boolean digitalSignature = flag(keyUsage, DIGITAL_SIGNATURE);
        if (usages.contains(CLIENT_AUTH) || digitalSignature && flag(keyUsage, KEY_ENCIPHERMENT)) {
            purposes.add(KeyPurpose.AUTH);
        }
        if (flag(keyUsage, NON_REPUDIATION) || usages.contains(EMAIL_PROTECTION)) {
            purposes.add(KeyPurpose.SIGN);
        }
        return purposes;
    }

    private static boolean flag(boolean[] keyUsage, int bit) {
        return keyUsage != null && keyUsage.length > bit && keyUsage[bit];
    }

    private static Set<Role> roles(X509Certificate certificate, List<String> usages) {
        List<String> oids = new ArrayList<>(usages);
        // The JDK's getExtensionValue throws and catches internally for an absent extension: ask first.
        String policiesOid = Extension.certificatePolicies.getId();
        boolean present = certificate.getNonCriticalExtensionOIDs() != null
                && certificate.getNonCriticalExtensionOIDs().contains(policiesOid)
                || certificate.getCriticalExtensionOIDs() != null
                && certificate.getCriticalExtensionOIDs().contains(policiesOid);
        byte[] policies = present ? certificate.getExtensionValue(policiesOid) : null;
        if (policies != null) {
            try {
                var octets = ASN1OctetString.getInstance(policies).getOctets();
                for (PolicyInformation policy : CertificatePolicies.getInstance(octets).getPolicyInformation()) {
                    oids.add(policy.getPolicyIdentifier().getId());
                }
            } catch (IllegalArgumentException unreadable) {
                // An unreadable policies extension tells no roles; the EKU may still tell them.
            }
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String oid : oids) {
            Role role = ROLES.get(oid);
            if (role != null) {
                roles.add(role);
            }
        }
        return roles;
    }

    @Override
    public String toString() {
        return "SigningCertificate[" + serialNumber() + ", " + Masks.identifier(iin)
                + (bin == null ? "" : ", " + Masks.identifier(bin)) + ", " + purposes + ", " + roles + "]";
    }
}
