package org.kelisim.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kelisim.shared.DomainException.Kind;
import org.kelisim.signature.cli.CmsSigner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running embedded service on a random port: demo CA, demo keys, sign-in, bearer tokens and request signatures,
 * with revocation checked through the service's own OCSP responder and CRL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(DemoPeopleForTests.class)
class SignatureIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    RequestSignatureVerifier requestSignatures;

    @Autowired
    DemoCertificationAuthority authority;

    @Autowired
    ServiceKeys serviceKeys;

    @Autowired
    Clock clock;

    @Autowired
    RevocationHealth revocationHealth;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path directory;

    @Nested
    class DemoEndpoints {

        @Test
        void personsListEveryoneTheFeaturedWithTheirKeysAndThePassword() {
            JsonNode persons = get("/demo/persons");

            assertThat(persons.get("keyPassword").asString()).isEqualTo(DemoKeys.PASSWORD);
            assertThat(persons.get("persons")).hasSize(8);
            assertThat(persons.get("persons").get(7).get("role").isNull()).isTrue();
            assertThat(persons.get("persons").get(7).get("keys")).isEmpty();
            JsonNode thirdParty = persons.get("persons").get(0);
            assertThat(thirdParty.get("role").asString()).isEqualTo("third-party");
            assertThat(thirdParty.get("keys")).extracting(key -> key.get("alias").asString())
                    .containsExactlyInAnyOrder("third-party-auth", "third-party-sign");
            assertThat(persons.get("organisations").get(0).get("bin").asString())
                    .isEqualTo(DemoPeopleForTests.COMPANY.value());
        }

        @Test
        void keysAreReadableByOpensslAndCarryTheNcaProfile() throws Exception {
            Path key = download("first-head-sign");

            String text = run("openssl", "pkcs12", "-in", key.toString(), "-passin", "pass:" + DemoKeys.PASSWORD,
                    "-nokeys", "-clcerts");
            assertThat(text).contains("IIN" + DemoPeopleForTests.FIRST_HEAD.value())
                    .contains("BIN" + DemoPeopleForTests.COMPANY.value());
            var profile = SigningCertificate.of(loadKey("first-head-sign").certificate());
            assertThat(profile.roles()).containsExactlyInAnyOrder(Role.LEGAL_ENTITY, Role.FIRST_HEAD);
            assertThat(profile.purposes()).containsExactly(KeyPurpose.SIGN);
            assertThat(profile.iin()).isEqualTo(DemoPeopleForTests.FIRST_HEAD.value());
        }

        @Test
        void anUnknownKeyIsNotFound() throws Exception {
            var response = send(HttpRequest.newBuilder(uri("/demo/keys/nobody-auth.p12")).GET());

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("unknown_key");
        }
    }

    @Nested
    class SignIn {

        @Test
        void aDemoAuthKeySignedByTheCommandLineSignerSignsInAndTheTokenActsForThePerson() throws Exception {
            String nonce = challenge();
            Path key = download("third-party-auth");
            var out = new ByteArrayOutputStream();

            int status = CmsSigner.run(new String[] {"--key", key.toString(), "--password", DemoKeys.PASSWORD,
                "--challenge", nonce, "--base64"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
            var token = post("/api/v1/auth/token", Map.of("cms", out.toString(StandardCharsets.UTF_8).strip()));

            assertThat(status).isZero();
            assertThat(token.statusCode()).isEqualTo(200);
            JsonNode body = JSON.readTree(token.body());
            assertThat(body.get("subject").get("iin").asString()).isEqualTo(DemoPeopleForTests.THIRD_PARTY.value());
            var me = send(HttpRequest.newBuilder(uri("/api/v1/auth/me"))
                    .header("Authorization", "Bearer " + body.get("accessToken").asString()).GET());
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(me.body()).get("roles").get(0).asString()).isEqualTo("INDIVIDUAL");
        }

        @Test
        void aGostDemoKeySignedByTheCommandLineSignerSignsIn() throws Exception {
            String nonce = challenge();
            Path key = download("user-mobile-auth");
            var out = new ByteArrayOutputStream();

            int status = CmsSigner.run(new String[] {"--key", key.toString(), "--password", DemoKeys.PASSWORD,
                "--challenge", nonce}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
            var token = post("/api/v1/auth/token", Map.of("cms", out.toString(StandardCharsets.UTF_8).strip()));

            assertThat(status).isZero();
            assertThat(loadKey("user-mobile-auth").privateKey().getPrivateKeyAlgorithm().getAlgorithm())
                    .isEqualTo(KazakhGost.KEY_2015_512);
            assertThat(token.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(token.body()).get("subject").get("iin").asString())
                    .isEqualTo(DemoPeopleForTests.USER_MOBILE.value());
        }

        @Test
        void aLegalEntityKeySignedByOpensslCmsSignsInForTheOrganisation() throws Exception {
            String nonce = challenge();
            Path key = download("first-head-auth");
            Path pem = directory.resolve("first-head.pem");
            Path content = directory.resolve("nonce.bin");
            Path cms = directory.resolve("nonce.p7s");
            Files.write(content, Base64.getDecoder().decode(nonce));
            run("openssl", "pkcs12", "-in", key.toString(), "-passin", "pass:" + DemoKeys.PASSWORD, "-nodes",
                    "-clcerts", "-out", pem.toString());
            run("openssl", "cms", "-sign", "-binary", "-nodetach", "-in", content.toString(), "-signer",
                    pem.toString(), "-outform", "DER", "-out", cms.toString());

            var token = post("/api/v1/auth/token",
                    Map.of("cms", Base64.getEncoder().encodeToString(Files.readAllBytes(cms))));

            assertThat(token.statusCode()).isEqualTo(200);
            JsonNode subject = JSON.readTree(token.body()).get("subject");
            assertThat(subject.get("bin").asString()).isEqualTo(DemoPeopleForTests.COMPANY.value());
            assertThat(subject.get("roles")).extracting(JsonNode::asString).contains("FIRST_HEAD");
        }

        @Test
        void anEnvelopedXmlSignatureOverTheLoginDocumentSignsIn() throws Exception {
            String xml = signXml("third-party-auth", challenge());

            var token = post("/api/v1/auth/token", Map.of("xml", xml));

            assertThat(token.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(token.body()).get("subject").get("iin").asString())
                    .isEqualTo(DemoPeopleForTests.THIRD_PARTY.value());
        }

        @Test
        void aChangedXmlNonceIsSignatureInvalid() throws Exception {
            String nonce = challenge();
            String xml = signXml("third-party-auth", nonce).replace(nonce, challenge());

            assertThat(refusal(post("/api/v1/auth/token", Map.of("xml", xml)))).isEqualTo("signature_invalid");
        }

        @Test
        void aNonceCountsOnce() throws Exception {
            String nonce = challenge();
            String cms = sign("third-party-auth", Base64.getDecoder().decode(nonce));

            assertThat(post("/api/v1/auth/token", Map.of("cms", cms)).statusCode()).isEqualTo(200);
            assertThat(refusal(post("/api/v1/auth/token", Map.of("cms", cms)))).isEqualTo("nonce_used");
        }

        @Test
        void aNonceTheServiceNeverGaveIsUnknownAndExplainedInTheCallersLanguage() throws Exception {
            String cms = sign("third-party-auth", new byte[32]);

            var response = send(HttpRequest.newBuilder(uri("/api/v1/auth/token"))
                    .header("Content-Type", "application/json").header("Accept-Language", "en")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("cms", cms)))));

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(response.body()).get("detail").asString()).contains("challenge is unknown");
        }

        @Test
        void aSigningKeyCannotSignIn() throws Exception {
            String cms = sign("third-party-sign", Base64.getDecoder().decode(challenge()));

            assertThat(refusal(post("/api/v1/auth/token", Map.of("cms", cms)))).isEqualTo("wrong_key_usage");
        }

        @Test
        void aRevokedKeyIsRefusedThroughTheServicesOwnOcspResponder() throws Exception {
            String cms = sign("revoked-key-auth", Base64.getDecoder().decode(challenge()));

            assertThat(refusal(post("/api/v1/auth/token", Map.of("cms", cms)))).isEqualTo("certificate_revoked");
            var ocsp = revocationHealth.health(RevocationHealth.Kind.OCSP);
            assertThat(ocsp.getStatus()).isEqualTo(Status.UP);
            assertThat(ocsp.getDetails().keySet()).anyMatch(address -> address.endsWith("/demo/ca/ocsp"));
        }

        @Test
        void anExpiredKeyIsRefused() throws Exception {
            String cms = sign("expired-key-auth", Base64.getDecoder().decode(challenge()));

            assertThat(refusal(post("/api/v1/auth/token", Map.of("cms", cms)))).isEqualTo("certificate_expired");
        }

        @Test
        void aChangedSignatureIsInvalid() throws Exception {
            byte[] cms = Base64.getDecoder().decode(sign("third-party-auth",
                    Base64.getDecoder().decode(challenge())));
            cms[cms.length - 5] ^= 1;

            assertThat(refusal(post("/api/v1/auth/token", Map.of("cms", Base64.getEncoder().encodeToString(cms)))))
                    .isEqualTo("signature_invalid");
        }

        @Test
        void aSignInIsOneEntryOfTheAuditTrailWithTheKeyHolderAsActorAndNoSubject() throws Exception {
            long before = lastAuditSequence();
            String cms = sign("third-party-auth", Base64.getDecoder().decode(challenge()));

            assertThat(post("/api/v1/auth/token", Map.of("cms", cms)).statusCode()).isEqualTo(200);

            assertThat(auditEntriesSince(before, DemoPeopleForTests.THIRD_PARTY.value())).singleElement()
                    .isEqualTo(new SignInEntry("signin.token", "ok", null));
        }

        @Test
        void aRevokedKeyIsRecordedAsARefusedSignInAndGetsNoToken() throws Exception {
            String holder = DemoPeopleForTests.REVOKED.value();
            long before = lastAuditSequence();
            long tokens = tokensOf(holder);
            String cms = sign("revoked-key-auth", Base64.getDecoder().decode(challenge()));

            assertThat(refusal(post("/api/v1/auth/token", Map.of("cms", cms)))).isEqualTo("certificate_revoked");

            assertThat(auditEntriesSince(before, holder)).singleElement()
                    .isEqualTo(new SignInEntry("signin.refused", "certificate_revoked", null));
            assertThat(tokensOf(holder)).isEqualTo(tokens);
        }

        @Test
        void aNonceUsedAgainIsRecordedAsARefusalBesideTheFirstSignIn() throws Exception {
            long before = lastAuditSequence();
            String cms = sign("third-party-auth", Base64.getDecoder().decode(challenge()));

            post("/api/v1/auth/token", Map.of("cms", cms));
            assertThat(refusal(post("/api/v1/auth/token", Map.of("cms", cms)))).isEqualTo("nonce_used");

            assertThat(auditEntriesSince(before, DemoPeopleForTests.THIRD_PARTY.value())).containsExactly(
                    new SignInEntry("signin.token", "ok", null), new SignInEntry("signin.refused", "nonce_used", null));
        }

        @Test
        void aSignatureThatProvesNobodyLeavesNoEntry() throws Exception {
            long before = lastAuditSequence();
            byte[] cms = Base64.getDecoder().decode(sign("third-party-auth",
                    Base64.getDecoder().decode(challenge())));
            cms[cms.length - 5] ^= 1;
            String expired = sign("expired-key-auth", Base64.getDecoder().decode(challenge()));

            post("/api/v1/auth/token", Map.of("cms", Base64.getEncoder().encodeToString(cms)));
            assertThat(refusal(post("/api/v1/auth/token", Map.of("cms", expired)))).isEqualTo("certificate_expired");

            assertThat(auditEntriesSince(before, DemoPeopleForTests.THIRD_PARTY.value())).isEmpty();
            assertThat(auditEntriesSince(before, DemoPeopleForTests.EXPIRED.value())).isEmpty();
        }

        @Test
        void theHoldersOwnSignInsStayOutOfWhoAskedAboutThem() throws Exception {
            String cms = sign("third-party-auth", Base64.getDecoder().decode(challenge()));
            String token = JSON.readTree(post("/api/v1/auth/token", Map.of("cms", cms)).body()).get("accessToken")
                    .asString();

            var accessLog = send(HttpRequest.newBuilder(uri("/api/v1/me/access-log"))
                    .header("Authorization", "Bearer " + token).GET());

            assertThat(accessLog.statusCode()).isEqualTo(200);
            var actions = JSON.readTree(accessLog.body()).get("items").valueStream()
                    .map(item -> item.get("action").asString()).toList();
            assertThat(actions).noneMatch(action -> action.startsWith("signin."));
            assertThat(jdbc.sql("SELECT count(*) FROM audit_entries WHERE action = 'signin.token' AND actor_id = ?")
                    .param(DemoPeopleForTests.THIRD_PARTY.value()).query(Long.class).single()).isPositive();
        }

        @Test
        void withoutATokenTheApiAnswers401AndWithAForgedOneToo() throws Exception {
            assertThat(send(HttpRequest.newBuilder(uri("/api/v1/auth/me")).GET()).statusCode()).isEqualTo(401);
            assertThat(send(HttpRequest.newBuilder(uri("/api/v1/auth/me")).header("Authorization", "Bearer forged")
                    .GET()).statusCode()).isEqualTo(401);
        }
    }

    @Nested
    class Revocation {

        @Test
        void theServicesOwnCrlListsTheRevokedKeyAndClearsTheOthers() throws Exception {
            var health = new RevocationHealth(clock);
            var crlOnly = new CertificateTrust(new TrustProfile("demo-crl", () -> List.of(authority.root()
                    .certificate()), List.of(), List.of(CrlSource.online(List.of(), Duration.ofSeconds(3), clock,
                    health)), false));
            var revoked = loadKey("revoked-key-sign");
            var good = loadKey("third-party-sign");

            assertThatThrownBy(() -> crlOnly.check(revoked.certificate(), revoked.chain(), clock.instant(),
                    Kind.UNPROCESSABLE)).hasMessage("certificate_revoked");
            var verdict = crlOnly.check(good.certificate(), good.chain(), clock.instant(), Kind.UNPROCESSABLE);
            assertThat(verdict.revocation().source()).isEqualTo(RevocationAnswer.Source.CRL);
            assertThat(verdict.revocation().origin()).endsWith("/demo/ca/crl + " + uri("/demo/ca/crl/delta"));
            assertThat(health.health(RevocationHealth.Kind.CRL).getStatus()).isEqualTo(Status.UP);
            assertThat(health.health(RevocationHealth.Kind.OCSP).getStatus()).isEqualTo(Status.UNKNOWN);
        }

        @Test
        void theBaseCrlNamesTheDeltaAndTheDeltaIsBuiltOnThatBase() throws Exception {
            X509CRL base = crl("/demo/ca/crl");
            X509CRL delta = crl("/demo/ca/crl/delta");

            assertThat(CrlExtensions.freshest(base)).containsExactly(uri("/demo/ca/crl/delta"));
            assertThat(CrlExtensions.isDelta(base)).isFalse();
            assertThat(CrlExtensions.baseNumber(delta)).isEqualTo(CrlExtensions.number(base));
            assertThat(CrlExtensions.number(delta)).isGreaterThan(CrlExtensions.number(base));
            assertThat(CrlExtensions.freshest(loadKey("third-party-sign").certificate()))
                    .containsExactly(uri("/demo/ca/crl/delta"));
        }

        @Test
        void aKeyRevokedAfterTheBaseCrlIsRefusedByACrlOnlyProfileThroughTheDelta() throws Exception {
            Instant now = clock.instant();
            var certificate = authority.issue(new DemoCertificationAuthority.Holder(
                    DemoPeopleForTests.THIRD_PARTY.value(), null, "ДЕЛЬТА", "ТЕСТ", null, null),
                    SubjectPublicKeyInfo.getInstance(DemoCertificationAuthority.rsa().getPublic().getEncoded()),
                    Set.of(KeyPurpose.SIGN), Set.of(), now.minusSeconds(60), now.plus(Duration.ofDays(1)), null, null,
                    null);
            assertThat(crlOnly(new RevocationHealth(clock)).check(certificate, authority.caChain(), clock.instant(),
                    Kind.UNPROCESSABLE).revocation().revoked()).isFalse();

            Instant revokedAt = clock.instant();
            authority.revoke(certificate, revokedAt);

            var health = new RevocationHealth(clock);
            var crls = CrlSource.online(List.of(), Duration.ofSeconds(3), clock, health);
            var answer = crls.check(certificate, authority.issuing().certificate(), clock.instant()).orElseThrow();
            assertThat(answer.revoked()).isTrue();
            if (DemoCertificationAuthority.baseIssuedAt(revokedAt)
                    .equals(DemoCertificationAuthority.baseIssuedAt(clock.instant()))) {
                // Within the hour the base does not list it yet: only the delta does.
                assertThat(answer.origin()).isEqualTo(uri("/demo/ca/crl/delta").toString());
                assertThat(crl("/demo/ca/crl").getRevokedCertificate(certificate.getSerialNumber())).isNull();
            }
            assertThatThrownBy(() -> crlOnly(health).check(certificate, authority.caChain(), clock.instant(),
                    Kind.UNPROCESSABLE)).hasMessage("certificate_revoked");
            assertThat(health.health(RevocationHealth.Kind.CRL).getDetails())
                    .containsKey(uri("/demo/ca/crl/delta").toString());
        }

        private CertificateTrust crlOnly(RevocationHealth health) {
            return new CertificateTrust(new TrustProfile("demo-crl", () -> List.of(authority.root().certificate()),
                    List.of(), List.of(CrlSource.online(List.of(), Duration.ofSeconds(3), clock, health)), false));
        }

        private X509CRL crl(String path) throws Exception {
            var response = HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            return (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(response.body()));
        }

        @Test
        void theServicesOwnOcspResponderAnswersWithTheNonce() throws Exception {
            var ocspOnly = new CertificateTrust(new TrustProfile("demo-ocsp", () -> List.of(authority.root()
                    .certificate()), List.of(), List.of(new OcspSource(null, Duration.ofSeconds(3),
                    Duration.ofMinutes(10), Duration.ZERO, clock, new RevocationHealth(clock))), false));
            var good = loadKey("third-party-sign");

            var verdict = ocspOnly.check(good.certificate(), good.chain(), clock.instant(), Kind.UNPROCESSABLE);

            assertThat(verdict.revocation().source()).isEqualTo(RevocationAnswer.Source.OCSP);
            assertThat(verdict.revocation().revoked()).isFalse();
        }
    }

    @Nested
    class RequestSignatures {

        private final byte[] draft = "draft:1;iin=900102400346;ADDRESS".getBytes(StandardCharsets.UTF_8);

        @Test
        void aFirstHeadSignsForTheOrganisation() throws Exception {
            var key = loadKey("first-head-sign");
            var party = SigningCertificate.of(key.certificate()).party();

            assertThatCode(() -> requestSignatures.verify(CmsSigning.sign(key, draft, true), draft, party,
                    Instant.now())).doesNotThrowAnyException();
        }

        @Test
        void anEmployeeHasNoSigningRight() throws Exception {
            var key = loadKey("employee-sign");
            var party = SigningCertificate.of(key.certificate()).party();

            assertThatThrownBy(() -> requestSignatures.verify(CmsSigning.sign(key, draft, false), draft, party,
                    Instant.now())).hasMessage("no_signing_right");
        }

        @Test
        void anEcdsaKeySignsToo() throws Exception {
            var key = loadKey("user-portal-sign");
            var party = SigningCertificate.of(key.certificate()).party();

            assertThatCode(() -> requestSignatures.verify(CmsSigning.sign(key, draft, false), draft, party,
                    Instant.now())).doesNotThrowAnyException();
        }

        @Test
        void aRevokedSigningKeyIsRefused() throws Exception {
            var key = loadKey("revoked-key-sign");
            var party = SigningCertificate.of(key.certificate()).party();

            assertThatThrownBy(() -> requestSignatures.verify(CmsSigning.sign(key, draft, false), draft, party,
                    Instant.now())).hasMessage("certificate_revoked");
        }
    }

    @Nested
    class TheServicesKeys {

        @Test
        void theSealAndTheTimeStampingKeyChainToTheDemoRoot() throws Exception {
            var seal = serviceKeys.seal();
            var tsa = serviceKeys.timeStamping().orElseThrow();

            assertThat(seal.chain()).hasSize(3);
            assertThat(seal.certificate().getKeyUsage()[1]).isTrue();
            assertThat(tsa.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
            assertThat(tsa.certificate().getCriticalExtensionOIDs()).contains("2.5.29.37");
            assertThat(serviceKeys.seal().certificate()).isEqualTo(seal.certificate());
        }
    }

    private String challenge() throws IOException, InterruptedException {
        var response = send(HttpRequest.newBuilder(uri("/api/v1/auth/challenge"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).get("nonce").asString();
    }

    record SignInEntry(String action, String outcome, String subjectIin) {
    }

    private long lastAuditSequence() {
        return jdbc.sql("SELECT coalesce(max(sequence), 0) FROM audit_entries").query(Long.class).single();
    }

    private List<SignInEntry> auditEntriesSince(long sequence, String actorId) {
        return jdbc.sql("""
                SELECT action, outcome, subject_iin FROM audit_entries WHERE sequence > ? AND actor_id = ?
                ORDER BY sequence""")
                .params(sequence, actorId)
                .query(SignInEntry.class)
                .list();
    }

    private long tokensOf(String iin) {
        return jdbc.sql("SELECT count(*) FROM signature_access_tokens WHERE iin = ?").param(iin).query(Long.class)
                .single();
    }

    private String signXml(String alias, String nonce) throws Exception {
        var key = loadKey(alias);
        var privateKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                key.privateKey().getEncoded()));
        var builders = DocumentBuilderFactory.newInstance();
        builders.setNamespaceAware(true);
        Document document = builders.newDocumentBuilder().parse(new ByteArrayInputStream(
                ("<login><nonce>" + nonce + "</nonce></login>").getBytes(StandardCharsets.UTF_8)));
        var factory = XMLSignatureFactory.getInstance("DOM");
        var reference = factory.newReference("", factory.newDigestMethod(DigestMethod.SHA256, null),
                List.of(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null)), null, null);
        var signedInfo = factory.newSignedInfo(factory.newCanonicalizationMethod(CanonicalizationMethod.INCLUSIVE,
                (C14NMethodParameterSpec) null), factory.newSignatureMethod(
                "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", null), List.of(reference));
        var keyInfos = factory.getKeyInfoFactory();
        var keyInfo = keyInfos.newKeyInfo(List.of(keyInfos.newX509Data(List.of(key.certificate()))));
        factory.newXMLSignature(signedInfo, keyInfo).sign(new DOMSignContext(privateKey,
                document.getDocumentElement()));
        var writer = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document),
                new StreamResult(writer));
        return writer.toString();
    }

    private String sign(String alias, byte[] content) throws IOException, InterruptedException {
        return Base64.getEncoder().encodeToString(CmsSigning.sign(loadKey(alias), content, false));
    }

    private CmsSigning.SigningKey loadKey(String alias) throws IOException, InterruptedException {
        return CmsSigning.readPkcs12(Files.readAllBytes(download(alias)), DemoKeys.PASSWORD.toCharArray());
    }

    private Path download(String alias) throws IOException, InterruptedException {
        var response = HTTP.send(HttpRequest.newBuilder(uri("/demo/keys/" + alias + ".p12")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        Path file = directory.resolve(alias + ".p12");
        Files.write(file, response.body());
        return file;
    }

    private JsonNode get(String path) {
        try {
            var response = send(HttpRequest.newBuilder(uri(path)).GET());
            assertThat(response.statusCode()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private static String refusal(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        return JSON.readTree(response.body()).get("code").asString();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}
