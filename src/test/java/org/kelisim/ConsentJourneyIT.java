package org.kelisim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service, nothing mocked, driven as an integrator and a citizen drive it: plain HTTP against a random port,
 * CMS made with BouncyCastle (and once with {@code openssl cms}) from the demo keys the service hands out, the
 * embedded SMS centre over real SMPP, the demo CA's own OCSP responder and CRL, the embedded TSA and PostgreSQL.
 * Only the clock is movable (it ticks, shifted by what a test adds), to pass the deadline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ShiftedClock.Configuration.class)
// The background sweep would expire the request before the late answer arrives; the answer itself must say so.
@TestPropertySource(properties = "kelisim.request.sweep-interval=PT12H")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentJourneyIT {

    static final String THIRD_PARTY = "680214300013";
    static final String THIRD_PARTY_NAME = "Қасымов Ерлан Серікұлы";
    static final String USER = "850715300003";
    static final String USER_PHONE = "+77015550102";
    static final String OTHER_PHONE = "+77015550104";
    static final String BANK = "200340000011";
    static final String UNREGISTERED = "010505500010";
    static final char[] PASSWORD = "kelisim-demo".toCharArray();

    static final String WEBHOOK_SECRET = "e2e-webhook-secret-0123456789";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    ShiftedClock clock;

    @TempDir
    Path directory;

    HttpServer receiver;
    final List<Delivery> deliveries = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    void startTheWebhookReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            deliveries.add(new Delivery(new String(body, StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-Kelisim-Signature")));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    void stopTheWebhookReceiver() {
        receiver.stop(0);
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void theDemoListsItsWholeDataSetWithTheFeaturedPeopleAndTheirKeysFirst() throws Exception {
        var persons = json(send(HttpRequest.newBuilder(uri("/demo/persons")).GET(), ofString())).get("persons");

        assertThat(persons.size()).isGreaterThanOrEqualTo(1000);
        assertThat(persons.get(0).get("role").asString()).isEqualTo("third-party");
        assertThat(persons.get(0).get("keys").size()).isEqualTo(2);
        assertThat(persons.get(persons.size() - 1).get("keys").size()).isZero();
    }

    @Nested
    class AnIndividualAsksAndTheUserAllowsBySms {

        @Test
        void theCertificateIsIssuedBothDownloadItItVerifiesAndTheAccessLogNamesTheRequester() throws Exception {
            String token = thirdPartyWithWebhook();
            JsonNode registration = json(call("GET", "/api/v1/registration/" + USER, token, null));
            assertThat(registration.get("canBeAsked").asBoolean()).isTrue();
            assertThat(registration.get("mobile").asBoolean()).isTrue();
            int smsBefore = sms(USER_PHONE).size();

            Asked asked = ask(token, USER, "ADDRESS", "third-party-sign");
            String id = asked.id();
            String code = asked.code();
            assertThat(awaitReply(USER_PHONE, smsBefore, "Сауал коды " + code))
                    .contains(THIRD_PARTY_NAME, "ЖСН " + THIRD_PARTY, "1 " + code, "0 " + code);
            assertThat(awaitReply(USER_PHONE, smsBefore, "Код запроса " + code))
                    .contains(THIRD_PARTY_NAME, "ИИН " + THIRD_PARTY, "1 " + code, "0 " + code);

            reply(USER_PHONE, "1 " + code);

            await().atMost(90, TimeUnit.SECONDS).until(() -> status(token, id).equals("ISSUED"));
            awaitReply(USER_PHONE, smsBefore + 2, "Запрос " + code + " разрешён");
            byte[] pdf = call("GET", "/api/v1/requests/" + id + "/document", token, null, ofBytes()).body();
            String userToken = signIn("user-auth");
            byte[] usersPdf = call("GET", "/api/v1/me/requests/" + id + "/document", userToken, null, ofBytes())
                    .body();
            assertThat(pdf).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII)).isEqualTo(usersPdf);
            JsonNode verdict = verify(pdf);
            assertThat(verdict.get("authentic").asBoolean()).isTrue();
            assertThat(verdict.get("documentNumber").asString())
                    .isEqualTo(json(call("GET", "/api/v1/requests/" + id, token, null)).get("documentNumber")
                            .asString());
            assertThat(verdict.get("subjectIin").asString()).isEqualTo("850715******");
            JsonNode accessLog = json(call("GET", "/api/v1/me/access-log", userToken, null)).get("items");
            assertThat(accessLog).anySatisfy(entry -> {
                assertThat(entry.path("requestId").asString("")).isEqualTo(id);
                assertThat(entry.path("actor").path("id").asString("")).isEqualTo(THIRD_PARTY);
                assertThat(entry.path("actor").path("name").asString("")).isEqualTo(THIRD_PARTY_NAME);
            });
            await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> assertThat(statusesPosted(id))
                    .containsExactlyInAnyOrder("AWAITING_CONSENT", "APPROVED", "ISSUED"));
            assertThat(deliveriesOf(id)).allSatisfy(delivery -> assertThat(delivery.signature())
                    .isEqualTo("sha256=" + hmac(WEBHOOK_SECRET, delivery.body())));
        }

        @Test
        void aChangedPdfIsNotAuthentic() throws Exception {
            String token = thirdPartyWithWebhook();
            String id = askAndAnswer(token, "1", "разрешён").id();
            await().atMost(90, TimeUnit.SECONDS).until(() -> status(token, id).equals("ISSUED"));
            byte[] pdf = call("GET", "/api/v1/requests/" + id + "/document", token, null, ofBytes()).body();

            pdf[pdf.length / 2] ^= 0x01;

            assertThat(verify(pdf).get("authentic").asBoolean()).isFalse();
        }
    }

    @Nested
    class TheUserRefusesBySms {

        @Test
        void theRequestIsDeniedTheThirdPartysInboxSaysSoAndNoDocumentIsServed() throws Exception {
            String token = thirdPartyWithWebhook();

            String id = askAndAnswer(token, "0", "отклонён").id();

            await().atMost(30, TimeUnit.SECONDS).until(() -> status(token, id).equals("DENIED"));
            await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> assertThat(
                    json(call("GET", "/api/v1/inbox", token, null)).get("items"))
                    .anySatisfy(message -> {
                        assertThat(message.get("requestId").asString()).isEqualTo(id);
                        assertThat(message.get("status").asString()).isEqualTo("DENIED");
                        assertThat(message.get("text").asString()).isNotBlank();
                    }));
            var document = call("GET", "/api/v1/requests/" + id + "/document", token, null);
            assertThat(document.statusCode()).isEqualTo(409);
            assertThat(json(document).get("code").asString()).isEqualTo("not_issued");
            await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> assertThat(statusesPosted(id))
                    .contains("DENIED"));
        }
    }

    @Nested
    class AnswersThatDoNotCount {

        @Test
        void anAnswerFromAnotherPhoneChangesNothingAndThatPhoneIsTold() throws Exception {
            String token = thirdPartyWithWebhook();
            Asked asked = ask(token, USER, "ADDRESS", "third-party-sign");
            int before = sms(OTHER_PHONE).size();

            reply(OTHER_PHONE, "1 " + asked.code());

            // A BMG phone, but not the user's: the service sent no request there.
            awaitReply(OTHER_PHONE, before, "На этот номер не отправлялось запросов, ответ не учтён");
            assertThat(status(token, asked.id())).isEqualTo("AWAITING_CONSENT");
        }

        @Test
        void aWrongCodeChangesNothingAndTheUserIsTold() throws Exception {
            String token = thirdPartyWithWebhook();
            Asked asked = ask(token, USER, "ADDRESS", "third-party-sign");
            int before = sms(USER_PHONE).size();

            reply(USER_PHONE, "1 " + (asked.code().equals("99999") ? "88888" : "99999"));

            awaitReply(USER_PHONE, before, "Запрос с таким кодом не найден");
            assertThat(status(token, asked.id())).isEqualTo("AWAITING_CONSENT");
        }

        @Test
        void anAnswerAfterTheDeadlineIsTooLateAndIssuesNothing() throws Exception {
            String token = thirdPartyWithWebhook();
            Asked asked = ask(token, USER, "ADDRESS", "third-party-sign");
            int before = sms(USER_PHONE).size();

            clock.add(Duration.ofHours(2).plusMinutes(1));
            reply(USER_PHONE, "1 " + asked.code());

            awaitReply(USER_PHONE, before, "Запрос " + asked.code() + ": срок ответа истёк");
            clock.reset();
            assertThat(status(token, asked.id())).isEqualTo("EXPIRED");
        }

        @Test
        void aSecondAnswerIsAlreadyDecidedAndDoesNotTurnTheFirst() throws Exception {
            String token = thirdPartyWithWebhook();
            Asked asked = askAndAnswer(token, "0", "отклонён");
            int before = sms(USER_PHONE).size();

            reply(USER_PHONE, "1 " + asked.code());

            awaitReply(USER_PHONE, before, "По запросу " + asked.code() + " решение уже принято");
            assertThat(status(token, asked.id())).isEqualTo("DENIED");
        }
    }

    @Nested
    class LegalEntitiesAndRefusedKeys {

        @Test
        void theBanksFirstHeadSignsForTheBankWithOpensslCms() throws Exception {
            String token = signIn("first-head-auth");
            assertThat(json(call("GET", "/api/v1/auth/me", token, null)).toString()).contains(BANK);
            JsonNode draft = draft(token, USER, "REAL_ESTATE_RIGHTS");

            var submitted = call("POST", "/api/v1/requests", token, Map.of("draftId", draft.get("draftId").asString(),
                    "cms", opensslSign("first-head-sign", Base64.getDecoder().decode(
                            draft.get("dataToSign").asString()))));

            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
            assertThat(json(submitted).get("status").asString()).isEqualTo("AWAITING_CONSENT");
            awaitReply(USER_PHONE, 0, "(БИН " + BANK + ")");
        }

        @Test
        void anEmployeeWithoutSigningRightIsRefused() throws Exception {
            String token = signIn("employee-auth");
            JsonNode draft = draft(token, USER, "ADDRESS");

            var submitted = call("POST", "/api/v1/requests", token, Map.of("draftId", draft.get("draftId").asString(),
                    "cms", sign("employee-sign", Base64.getDecoder().decode(draft.get("dataToSign").asString()))));

            assertThat(submitted.statusCode()).isEqualTo(422);
            assertThat(json(submitted).get("code").asString()).isEqualTo("no_signing_right");
        }

        @Test
        void theRevokedKeyIsRefusedThroughTheServicesOwnRevocationCheck() throws Exception {
            var answer = tryToSignIn("revoked-key-auth");

            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(json(answer).get("code").asString()).isEqualTo("certificate_revoked");
        }

        @Test
        void theExpiredKeyIsRefused() throws Exception {
            var answer = tryToSignIn("expired-key-auth");

            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(json(answer).get("code").asString()).isEqualTo("certificate_expired");
        }

        @Test
        void aRequestAboutAnUnregisteredPersonIsRefusedInTheCallersLanguage() throws Exception {
            String token = signIn("third-party-auth");

            var answer = send(HttpRequest.newBuilder(uri("/api/v1/requests/drafts"))
                    .header("Authorization", "Bearer " + token).header("Accept-Language", "kk")
                    .header("Content-Type", "application/json")
                    .POST(body(Map.of("iin", UNREGISTERED, "certificate", "ADDRESS"))), ofString());

            assertThat(answer.statusCode()).isEqualTo(422);
            assertThat(json(answer).get("code").asString()).isEqualTo("user_not_registered");
            assertThat(json(answer).get("detail").asString()).isNotBlank();
        }
    }

    // ---- the third party's steps

    record Asked(String id, String code) {
    }

    /** Registers (again) the webhook, so every test's status changes reach the receiver. */
    private String thirdPartyWithWebhook() throws Exception {
        String token = signIn("third-party-auth");
        assertThat(call("PUT", "/api/v1/webhook", token, Map.of("url", "http://127.0.0.1:"
                + receiver.getAddress().getPort() + "/hook", "secret", WEBHOOK_SECRET)).statusCode()).isEqualTo(204);
        return token;
    }

    /** Submits a signed request and waits for its SMS: the Russian one gives the code. */
    private Asked ask(String token, String iin, String certificate, String signingKey) throws Exception {
        int before = sms(USER_PHONE).size();
        JsonNode request = submit(token, iin, certificate, signingKey);
        assertThat(request.get("status").asString()).isEqualTo("AWAITING_CONSENT");
        String russian = awaitReply(USER_PHONE, before, "Код запроса");
        return new Asked(request.get("id").asString(), codeOf(russian));
    }

    private Asked askAndAnswer(String token, String answer, String replyFragment) throws Exception {
        Asked asked = ask(token, USER, "ADDRESS", "third-party-sign");
        int before = sms(USER_PHONE).size();
        reply(USER_PHONE, answer + " " + asked.code());
        awaitReply(USER_PHONE, before, "Запрос " + asked.code() + " " + replyFragment);
        return asked;
    }

    private JsonNode submit(String token, String iin, String certificate, String signingKey) throws Exception {
        JsonNode draft = draft(token, iin, certificate);
        var submitted = call("POST", "/api/v1/requests", token, Map.of("draftId", draft.get("draftId").asString(),
                "cms", sign(signingKey, Base64.getDecoder().decode(draft.get("dataToSign").asString()))));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        return json(submitted);
    }

    private JsonNode draft(String token, String iin, String certificate) throws Exception {
        var draft = call("POST", "/api/v1/requests/drafts", token, Map.of("iin", iin, "certificate", certificate));
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        return json(draft);
    }

    private String status(String token, String id) throws Exception {
        return json(call("GET", "/api/v1/requests/" + id, token, null)).get("status").asString();
    }

    private String signIn(String alias) throws Exception {
        var answer = tryToSignIn(alias);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer).get("accessToken").asString();
    }

    private HttpResponse<String> tryToSignIn(String alias) throws Exception {
        var challenge = json(call("POST", "/api/v1/auth/challenge", null, null));
        byte[] nonce = Base64.getDecoder().decode(challenge.get("nonce").asString());
        return call("POST", "/api/v1/auth/token", null, Map.of("cms", sign(alias, nonce)));
    }

    private JsonNode verify(byte[] pdf) throws Exception {
        return json(send(HttpRequest.newBuilder(uri("/api/v1/verification"))
                .header("Content-Type", "application/pdf").POST(HttpRequest.BodyPublishers.ofByteArray(pdf)),
                ofString()));
    }

    // ---- the phone

    private void reply(String phone, String text) throws Exception {
        var answer = call("POST", "/demo/sms/reply", null, Map.of("from", phone, "text", text));
        assertThat(answer.statusCode()).isEqualTo(202);
    }

    private List<String> sms(String phone) throws Exception {
        var received = send(HttpRequest.newBuilder(uri("/demo/sms?phone="
                + URLEncoder.encode(phone, StandardCharsets.UTF_8))).GET(), ofString());
        List<String> texts = new ArrayList<>();
        json(received).get("messages").forEach(message -> texts.add(message.get("text").asString()));
        return texts;
    }

    /** The first message from index {@code from} on that holds the fragment, once it has arrived. */
    private String awaitReply(String phone, int from, String fragment) {
        AtomicReference<String> found = new AtomicReference<>();
        await().atMost(30, TimeUnit.SECONDS).until(() -> {
            List<String> texts = sms(phone);
            texts.subList(Math.min(from, texts.size()), texts.size()).stream()
                    .filter(text -> text.contains(fragment)).findFirst().ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }

    private static String codeOf(String russianSms) {
        var matcher = java.util.regex.Pattern.compile("Код запроса (\\d{4,6})").matcher(russianSms);
        assertThat(matcher.find()).as("a request code in the SMS").isTrue();
        return matcher.group(1);
    }

    // ---- the webhook receiver

    record Delivery(String body, String signature) {
    }

    private List<Delivery> deliveriesOf(String id) {
        synchronized (deliveries) {
            return deliveries.stream().filter(delivery -> delivery.body().contains(id)).toList();
        }
    }

    private List<String> statusesPosted(String id) {
        return deliveriesOf(id).stream().map(delivery -> JSON.readTree(delivery.body()).get("status").asString())
                .toList();
    }

    private static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    // ---- keys and signatures

    private byte[] download(String alias) throws Exception {
        var answer = send(HttpRequest.newBuilder(uri("/demo/keys/" + alias + ".p12")).GET(), ofBytes());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    /** CMS with the content attached, made with BouncyCastle from the downloaded PKCS#12. */
    private String sign(String alias, byte[] content) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(download(alias)), PASSWORD);
        String entry = store.aliases().nextElement();
        PrivateKey key = (PrivateKey) store.getKey(entry, PASSWORD);
        X509Certificate certificate = (X509Certificate) store.getCertificate(entry);
        var generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
                .build(key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA", key, certificate));
        generator.addCertificates(new JcaCertStore(List.of(certificate)));
        return Base64.getEncoder().encodeToString(
                generator.generate(new CMSProcessableByteArray(content), true).getEncoded());
    }

    /** CMS with the content attached, made by {@code openssl cms -sign} from the key exported by openssl. */
    private String opensslSign(String alias, byte[] content) throws Exception {
        Path p12 = Files.write(directory.resolve(alias + ".p12"), download(alias));
        Path pem = directory.resolve(alias + ".pem");
        Path in = Files.write(directory.resolve("content.bin"), content);
        Path out = directory.resolve("content.p7s");
        openssl("pkcs12", "-in", p12.toString(), "-passin", "pass:" + new String(PASSWORD), "-nodes", "-out",
                pem.toString());
        openssl("cms", "-sign", "-binary", "-nodetach", "-in", in.toString(), "-signer", pem.toString(),
                "-outform", "DER", "-out", out.toString());
        return Base64.getEncoder().encodeToString(Files.readAllBytes(out));
    }

    private static void openssl(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }

    // ---- HTTP

    private HttpResponse<String> call(String method, String path, String token, Object body) throws Exception {
        return call(method, path, token, body, ofString());
    }

    private <T> HttpResponse<T> call(String method, String path, String token, Object body,
            HttpResponse.BodyHandler<T> handler) throws Exception {
        var builder = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : body(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return send(builder, handler);
    }

    private static HttpRequest.BodyPublisher body(Object body) {
        return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    }

    private static <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler)
            throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), handler);
    }

    private static HttpResponse.BodyHandler<String> ofString() {
        return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
    }

    private static HttpResponse.BodyHandler<byte[]> ofBytes() {
        return HttpResponse.BodyHandlers.ofByteArray();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
