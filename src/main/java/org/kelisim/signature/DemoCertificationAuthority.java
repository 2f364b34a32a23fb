package org.kelisim.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The certification authority of the embedded mode: a root and an issuing CA, created at first start and kept in
 * PostgreSQL so that every node issues and answers with the same keys. It issues keys with the NCA RK profile, and
 * answers OCSP requests and publishes its base and delta CRLs over HTTP ({@code /demo/ca/*}), so that revocation is
 * checked exactly as with NCA RK. Its keys are demo keys: they protect nothing.
 */
@Component
@ConditionalOnProperty(name = "kelisim.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoCertificationAuthority {

    private static final Logger log = LoggerFactory.getLogger(DemoCertificationAuthority.class);

    /** Serializes the creation of the CA and of the demo keys across nodes. */
    static final long LOCK = 4_000_001L;

    private static final Duration OCSP_VALIDITY = Duration.ofMinutes(10);
    private static final Duration CRL_VALIDITY = Duration.ofHours(1);
    private static final Duration DELTA_VALIDITY = Duration.ofMinutes(5);
    static final String DELTA_CRL_PATH = "/demo/ca/crl/delta";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final PublicUrl publicUrl;
    private final SecureRandom random = new SecureRandom();
    private volatile Authorities authorities;

    DemoCertificationAuthority(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, PublicUrl publicUrl) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    /** A CA's certificate and key. */
    record Authority(X509Certificate certificate, PrivateKey key) {

        @Override
        public String toString() {
            return "Authority[" + certificate.getSubjectX500Principal() + "]";
        }
    }

    private record Authorities(Authority root, Authority issuing) {
    }

    /** What a demo certificate says about its holder. */
    record Holder(String iin, String bin, String surname, String givenName, String patronymic, String organization) {

        @Override
        public String toString() {
            return "Holder[" + org.kelisim.identity.Masks.identifier(iin) + "]";
        }
    }

    Authority root() {
        return authorities().root();
    }

    Authority issuing() {
        return authorities().issuing();
    }

    /** The issuing CA's certificate first, then the root's. */
    List<X509Certificate> caChain() {
        return List.of(issuing().certificate(), root().certificate());
    }

    private Authorities authorities() {
        Authorities current = authorities;
        if (current == null) {
            synchronized (this) {
                if (authorities == null) {
                    authorities = transactions.execute(status -> loadOrCreate());
                }
                current = authorities;
            }
        }
        return current;
    }

    private Authorities loadOrCreate() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query((rs, n) -> 1).list();
        Optional<Authority> root = load("root");
        Optional<Authority> issuing = load("issuing");
        if (root.isPresent() && issuing.isPresent()) {
            return new Authorities(root.get(), issuing.get());
        }

        Instant now = clock.instant();
        KeyPair rootKeys = rsa();
        X500Name rootName = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, "KELISIM DEMO ROOT CA").addRDN(BCStyle.O, "Kelisim demo").addRDN(BCStyle.C, "KZ")
                .build();
        X509Certificate rootCertificate = caCertificate(rootName, rootKeys.getPublic(), rootName,
                rootKeys.getPrivate(), null, now, now.plus(Duration.ofDays(365 * 20)), -1);
        KeyPair issuingKeys = rsa();
        X500Name issuingName = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, "KELISIM DEMO ISSUING CA").addRDN(BCStyle.O, "Kelisim demo")
                .addRDN(BCStyle.C, "KZ").build();
        X509Certificate issuingCertificate = caCertificate(issuingName, issuingKeys.getPublic(), rootName,
                rootKeys.getPrivate(), rootCertificate, now, now.plus(Duration.ofDays(365 * 10)), 0);
        store("root", rootCertificate, rootKeys.getPrivate(), now);
        store("issuing", issuingCertificate, issuingKeys.getPrivate(), now);
        log.info("Demo certification authority created");
        return new Authorities(new Authority(rootCertificate, rootKeys.getPrivate()),
                new Authority(issuingCertificate, issuingKeys.getPrivate()));
    }

    /**
     * Issues an end-entity certificate with the NCA RK profile and records it.
     *
     * @param alias the demo key alias, or {@code null}
     */
    X509Certificate issue(Holder holder, SubjectPublicKeyInfo key, Set<KeyPurpose> purposes, Set<Role> roles,
            Instant notBefore, Instant notAfter, String alias, String role, byte[] pkcs12) {
        X509Certificate certificate = certificate(subject(holder), key, purposes, roles, notBefore, notAfter, null);
        record(certificate, alias, holder.iin(), role, purposes, pkcs12);
        return certificate;
    }

    /** A certificate for a service key: the seal or the time-stamping key. */
    X509Certificate issueServiceCertificate(String commonName, PublicKey key, boolean timeStamping, Instant notAfter) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName)
                .addRDN(BCStyle.O, "Kelisim demo").addRDN(BCStyle.C, "KZ").build();
        return certificate(subject, SubjectPublicKeyInfo.getInstance(key.getEncoded()), Set.of(KeyPurpose.SIGN),
                Set.of(), clock.instant().minusSeconds(60),
                notAfter, timeStamping ? KeyPurposeId.id_kp_timeStamping : null);
    }

    void record(X509Certificate certificate, String alias, String iin, String role, Set<KeyPurpose> purposes,
            byte[] pkcs12) {
        try {
            jdbc.sql("""
                    INSERT INTO signature_demo_certificates (serial, alias, holder_iin, role, purpose, certificate,
                                                             pkcs12, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(serial(certificate), alias, iin, role, purposes.size() == 1
                            ? purposes.iterator().next().name() : "AUTH,SIGN", certificate.getEncoded(), pkcs12,
                            Timestamp.from(clock.instant()))
                    .update();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    void revoke(X509Certificate certificate, Instant at) {
        jdbc.sql("UPDATE signature_demo_certificates SET revoked_at = ? WHERE serial = ? AND revoked_at IS NULL")
                .params(Timestamp.from(at), serial(certificate))
                .update();
    }

    /** The OCSP answer (RFC 6960) to a DER request: signed by the issuing CA, the request's nonce echoed. */
    byte[] ocsp(byte[] request) {
        try {
            OCSPReq ocspRequest = new OCSPReq(request);
            Authority issuing = issuing();
            var issuingHolder = new JcaX509CertificateHolder(issuing.certificate());
            Instant now = clock.instant();
            var builder = new BasicOCSPRespBuilder(new RespID(issuingHolder.getSubject()));
            for (Req single : ocspRequest.getRequestList()) {
                var id = single.getCertID();
                CertificateStatus status = id.matchesIssuer(issuingHolder, digests())
                        ? status(id.getSerialNumber())
                        : new UnknownStatus();
                builder.addResponse(id, status, Date.from(now), Date.from(now.plus(OCSP_VALIDITY)), null);
            }
            var nonce = ocspRequest.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            var basic = builder.build(signer(issuing.key()), new X509CertificateHolder[] {issuingHolder},
                    Date.from(now));
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (IOException | OCSPException | GeneralSecurityException | RuntimeException e) {
            return malformed();
        }
    }

    private static byte[] malformed() {
        try {
            return new OCSPResp(new org.bouncycastle.asn1.ocsp.OCSPResponse(
                    new org.bouncycastle.asn1.ocsp.OCSPResponseStatus(OCSPRespBuilder.MALFORMED_REQUEST), null))
                    .getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private CertificateStatus status(BigInteger serial) {
        List<Timestamp> revoked = jdbc.sql("SELECT revoked_at FROM signature_demo_certificates WHERE serial = ?")
                .param(serial.toString(16))
                .query((rs, n) -> rs.getTimestamp(1))
                .list();
        if (revoked.isEmpty()) {
            return new UnknownStatus();
        }
        return revoked.get(0) == null
                ? CertificateStatus.GOOD
                : new RevokedStatus(new Date(revoked.get(0).getTime()), CRLReason.keyCompromise);
    }

    /**
     * The issuing CA's complete (base) CRL. It is issued hourly: made on request but always as of the start of the
     * current hour (thisUpdate, CRL number = that instant in milliseconds), listing the certificates revoked by then,
     * valid until the next hour; so every node serves the same base within an hour. It names the delta CRL in its
     * freshest CRL extension.
     */
    byte[] crl() {
        Instant base = baseIssuedAt(clock.instant());
        try {
            Authority issuing = issuing();
            var builder = new X509v2CRLBuilder(new JcaX509CertificateHolder(issuing.certificate()).getSubject(),
                    Date.from(base));
            builder.setNextUpdate(Date.from(base.plus(CRL_VALIDITY)));
            revoked("revoked_at <= ?", base, builder);
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(base.toEpochMilli())));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuing.certificate()));
            builder.addExtension(Extension.freshestCRL, false, deltaPoint());
            return builder.build(signer(issuing.key())).getEncoded();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Demo CRL not built", e);
        }
    }

    /**
     * The delta CRL (RFC 5280 §5.2.4): made fresh for each request, valid for {@link #DELTA_VALIDITY}, listing the
     * certificates revoked since the current base CRL was issued; its base CRL number is that base's.
     */
    byte[] deltaCrl() {
        Instant now = clock.instant();
        Instant base = baseIssuedAt(now);
        try {
            Authority issuing = issuing();
            var builder = new X509v2CRLBuilder(new JcaX509CertificateHolder(issuing.certificate()).getSubject(),
                    Date.from(now));
            builder.setNextUpdate(Date.from(now.plus(DELTA_VALIDITY)));
            revoked("revoked_at > ?", base, builder);
            // One past the base's number even within the base's first millisecond: a delta must be newer.
            builder.addExtension(Extension.cRLNumber, false,
                    new CRLNumber(BigInteger.valueOf(Math.max(now.toEpochMilli(), base.toEpochMilli() + 1))));
            builder.addExtension(Extension.deltaCRLIndicator, true,
                    new CRLNumber(BigInteger.valueOf(base.toEpochMilli())));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuing.certificate()));
            return builder.build(signer(issuing.key())).getEncoded();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Demo delta CRL not built", e);
        }
    }

    /** When the base CRL current at {@code now} was issued: the start of the hour. */
    static Instant baseIssuedAt(Instant now) {
        return now.truncatedTo(ChronoUnit.HOURS);
    }

    private void revoked(String condition, Instant base, X509v2CRLBuilder builder) {
        jdbc.sql("SELECT serial, revoked_at FROM signature_demo_certificates WHERE revoked_at IS NOT NULL AND "
                        + condition)
                .param(Timestamp.from(base))
                .query((rs, n) -> {
                    builder.addCRLEntry(new BigInteger(rs.getString(1), 16), rs.getTimestamp(2),
                            CRLReason.keyCompromise);
                    return 1;
                })
                .list();
    }

    private CRLDistPoint deltaPoint() {
        return new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(new DistributionPointName(
                new GeneralNames(uri(DELTA_CRL_PATH))), null, null)});
    }

    private X509Certificate certificate(X500Name subject, SubjectPublicKeyInfo key, Set<KeyPurpose> purposes,
            Set<Role> roles, Instant notBefore, Instant notAfter, KeyPurposeId criticalPurpose) {
        Authority issuing = issuing();
        try {
            var utils = new JcaX509ExtensionUtils();
            var builder = new X509v3CertificateBuilder(new JcaX509CertificateHolder(issuing.certificate())
                    .getSubject(), serialNumber(), Date.from(notBefore), Date.from(notAfter), subject, key);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage(purposes)));
            if (criticalPurpose != null) {
                builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(criticalPurpose));
            } else {
                builder.addExtension(Extension.extendedKeyUsage, false, extendedKeyUsage(purposes, roles));
            }
            if (!roles.isEmpty()) {
                builder.addExtension(Extension.certificatePolicies, false, policies(roles));
            }
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(issuing.certificate()));
            builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                    new AccessDescription[] {
                        new AccessDescription(AccessDescription.id_ad_ocsp, uri("/demo/ca/ocsp")),
                        new AccessDescription(AccessDescription.id_ad_caIssuers, uri("/demo/ca/issuing.cer"))}));
            builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(new GeneralNames(uri("/demo/ca/crl"))), null, null)}));
            builder.addExtension(Extension.freshestCRL, false, deltaPoint());
            return x509(builder.build(signer(issuing.key())));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Demo certificate not issued", e);
        }
    }

    private static X500Name subject(Holder holder) {
        var name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, holder.surname() + " " + holder.givenName())
                .addRDN(BCStyle.SURNAME, holder.surname())
                .addRDN(BCStyle.SERIALNUMBER, "IIN" + holder.iin())
                .addRDN(BCStyle.C, "KZ");
        if (holder.organization() != null) {
            name.addRDN(BCStyle.O, holder.organization());
        }
        if (holder.bin() != null) {
            name.addRDN(BCStyle.OU, "BIN" + holder.bin());
        }
        if (holder.patronymic() != null) {
            name.addRDN(BCStyle.GIVENNAME, holder.patronymic());
        }
        return name.build();
    }

    private static int keyUsage(Set<KeyPurpose> purposes) {
        int usage = KeyUsage.digitalSignature;
        if (purposes.contains(KeyPurpose.AUTH)) {
            usage |= KeyUsage.keyEncipherment;
        }
        if (purposes.contains(KeyPurpose.SIGN)) {
            usage |= KeyUsage.nonRepudiation;
        }
        return usage;
    }

    private static ExtendedKeyUsage extendedKeyUsage(Set<KeyPurpose> purposes, Set<Role> roles) {
        List<KeyPurposeId> ids = new ArrayList<>();
        if (purposes.contains(KeyPurpose.AUTH)) {
            ids.add(KeyPurposeId.id_kp_clientAuth);
        }
        if (purposes.contains(KeyPurpose.SIGN)) {
            ids.add(KeyPurposeId.id_kp_emailProtection);
        }
        for (Role role : roles) {
            ids.add(KeyPurposeId.getInstance(new ASN1ObjectIdentifier(SigningCertificate.oid(role))));
        }
        return new ExtendedKeyUsage(ids.toArray(KeyPurposeId[]::new));
    }

    private static CertificatePolicies policies(Set<Role> roles) {
        return new CertificatePolicies(roles.stream()
                .map(role -> new PolicyInformation(new ASN1ObjectIdentifier(SigningCertificate.oid(role))))
                .toArray(PolicyInformation[]::new));
    }

    private X509Certificate caCertificate(X500Name subject, PublicKey key, X500Name issuer, PrivateKey issuerKey,
            X509Certificate issuerCertificate, Instant notBefore, Instant notAfter, int pathLength) {
        try {
            var utils = new JcaX509ExtensionUtils();
            var builder = new JcaX509v3CertificateBuilder(issuer, serialNumber(),
                    Date.from(notBefore.minus(Duration.ofDays(1))), Date.from(notAfter), subject, key);
            builder.addExtension(Extension.basicConstraints, true,
                    pathLength < 0 ? new BasicConstraints(true) : new BasicConstraints(pathLength));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
            if (issuerCertificate != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        utils.createAuthorityKeyIdentifier(issuerCertificate));
            }
            return x509(builder.build(signer(issuerKey)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Demo CA certificate not made", e);
        }
    }

    private GeneralName uri(String path) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, publicUrl.resolve(path));
    }

    private BigInteger serialNumber() {
        return new BigInteger(159, random).setBit(150);
    }

    static String serial(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16);
    }

    static KeyPair rsa() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static ContentSigner signer(PrivateKey key) throws GeneralSecurityException {
        try {
            String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            return new JcaContentSignerBuilder(algorithm).setProvider(CmsVerifier.BC).build(key);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static DigestCalculatorProvider digests() throws GeneralSecurityException {
        try {
            return new JcaDigestCalculatorProviderBuilder().setProvider(CmsVerifier.BC).build();
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    static X509Certificate x509(X509CertificateHolder holder) throws GeneralSecurityException, IOException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
    }

    private Optional<Authority> load(String name) {
        return jdbc.sql("SELECT certificate, private_key FROM signature_demo_ca WHERE name = ?")
                .param(name)
                .query((rs, n) -> authority(rs.getBytes(1), rs.getBytes(2)))
                .optional();
    }

    private static Authority authority(byte[] certificate, byte[] key) {
        try {
            var x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificate));
            return new Authority(x509, KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(key)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored demo CA unreadable", e);
        }
    }

    private void store(String name, X509Certificate certificate, PrivateKey key, Instant at) {
        try {
            jdbc.sql("INSERT INTO signature_demo_ca (name, certificate, private_key, created_at) VALUES (?, ?, ?, ?)")
                    .params(name, certificate.getEncoded(), key.getEncoded(), Timestamp.from(at))
                    .update();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
