package org.kelisim.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kelisim.KelisimIntegrationTest;
import org.kelisim.audit.AuditTrail;
import org.kelisim.consent.SmsAnswers;
import org.kelisim.identity.Iin;
import org.kelisim.registry.MobileCitizens;
import org.kelisim.registry.PortalAccounts;
import org.kelisim.request.CertificateType;
import org.kelisim.request.RequestStatus;
import org.kelisim.request.RequestStatusChanged;
import org.kelisim.request.RequestSubmitted;
import org.kelisim.request.Requester;
import org.kelisim.signature.Party;
import org.kelisim.signature.PartyAuthentication;
import org.kelisim.signature.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification module over real SMPP against the embedded SMS centre, a real PostgreSQL and a webhook receiver
 * on a free loopback port. The faces other modules implement (BMG, portal accounts, SMS answers) are mocked.
 */
@KelisimIntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
    "kelisim.notification.delivery.poll-interval=100ms",
    "kelisim.notification.delivery.backoff-base=200ms",
    "kelisim.notification.delivery.backoff-max=1s",
    "kelisim.notification.delivery.webhook-timeout=2s",
    "kelisim.notification.smpp.reconnect-min=100ms",
    "kelisim.notification.smpp.reconnect-max=500ms",
    "kelisim.notification.smpp.send-rate=200",
    "kelisim.notification.retention.batch-size=2"})
class NotificationIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Requester BANK = new Requester("990340000123", "ТОО «Береке Банк»", true);
    private static final AtomicInteger PHONES = new AtomicInteger(1000000);

    @MockitoBean
    MobileCitizens mobileCitizens;
    @MockitoBean
    PortalAccounts portalAccounts;
    @MockitoBean
    SmsAnswers smsAnswers;

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EmbeddedSmsCentre centre;
    @Autowired
    SmppClient client;
    @Autowired
    AuditTrail audit;
    @Autowired
    Outbox outbox;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    NotificationProperties properties;

    /** BMG and the portal as the tests set them up; read by the mocks, also from the listeners' threads. */
    private final java.util.Map<Iin, String> phoneBook = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<Iin> portal = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @BeforeEach
    void stubTheRegistries() {
        // Stubbed once, before anything is published: stubbing while a listener calls the mock is not thread-safe.
        when(mobileCitizens.phoneOf(any()))
                .thenAnswer(call -> Optional.ofNullable(phoneBook.get(call.<Iin>getArgument(0))));
        when(portalAccounts.isRegistered(any())).thenAnswer(call -> portal.contains(call.<Iin>getArgument(0)));
    }

    private static String newPhone() {
        return "+7701" + PHONES.incrementAndGet();
    }

    /** A valid IIN of its own for each n below 10000: 850715 3 nnnn and the control digit. */
    private static Iin iin(int n) {
        for (int century = 3; century <= 4; century++) {
            String prefix = "850715" + century + String.format("%04d", n);
            int control = weighted(prefix, 1) % 11;
            if (control == 10) {
                control = weighted(prefix, 3) % 11;
            }
            if (control != 10) {
                return Iin.of(prefix + control);
            }
        }
        throw new IllegalArgumentException("no IIN for " + n);
    }

    private static int weighted(String prefix, int firstWeight) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (prefix.charAt(i) - '0') * ((firstWeight - 1 + i) % 11 + 1);
        }
        return sum;
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    private RequestSubmitted submitted(Iin subject, String code) {
        return new RequestSubmitted(UUID.randomUUID(), code, subject, CertificateType.ADDRESS, BANK,
                Instant.now().plus(Duration.ofHours(2)));
    }

    private List<EmbeddedSmsCentre.ReceivedSms> receivedBy(String phone) {
        return centre.received(phone);
    }

    @Nested
    class ARequestSubmitted {

        private final Iin subject = Iin.of("850715300013");

        @Test
        void sendsTwoSmsInKazakhAndRussianToTheBmgPhoneThroughTheSmsCentre() throws Exception {
            String phone = newPhone();
            phoneBook.put(subject, phone);
            var event = submitted(subject, "4821");

            publish(event);

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(receivedBy(phone)).hasSize(2));
            var texts = receivedBy(phone).stream().map(EmbeddedSmsCentre.ReceivedSms::text).toList();
            assertThat(texts).anySatisfy(text -> assertThat(text).contains("ТОО «Береке Банк»", "БСН 990340000123",
                    "Тұрғылықты жері бойынша мекенжай анықтамасы", "1 4821", "0 4821", "ешкімге айтпаңыз"));
            assertThat(texts).anySatisfy(text -> assertThat(text).contains("ТОО «Береке Банк»", "БИН 990340000123",
                    "Адресная справка с места жительства", "1 4821", "0 4821", "Никому не сообщайте"));
            assertThat(receivedBy(phone)).allSatisfy(sms -> {
                assertThat(sms.sender()).isEqualTo("1414");
                assertThat(sms.parts()).isGreaterThan(1);
            });
            mvc.perform(get("/demo/sms").param("phone", phone.substring(1)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.phone").value(phone))
                    .andExpect(jsonPath("$.messages.length()").value(2));
        }

        @Test
        void recordsTheDeliveryReceiptOfEveryPart() {
            String phone = newPhone();
            phoneBook.put(subject, phone);
            var event = submitted(subject, "5930");

            publish(event);

            await().atMost(PATIENCE).untilAsserted(() -> {
                var ids = jdbc.sql("SELECT smsc_message_ids FROM notification_outbox WHERE request_id = ?")
                        .param(event.requestId()).query(String.class).list();
                assertThat(ids).hasSize(2).doesNotContainNull();
                var partIds = ids.stream().flatMap(joined -> List.of(joined.split(",")).stream()).toList();
                assertThat(partIds).hasSizeGreaterThan(2);
                assertThat(jdbc.sql("SELECT count(*) FROM sms_receipts WHERE smsc_message_id IN (:ids) "
                        + "AND state = 'DELIVRD'").param("ids", partIds).query(Long.class).single())
                        .isEqualTo(partIds.size());
            });
        }

        @Test
        void leavesAMessageInTheCabinetWhenTheUserIsOnThePortal() throws Exception {
            var portalUser = Iin.of("900101400023");
            portal.add(portalUser);
            var event = submitted(portalUser, "7712");

            publish(event);

            var user = new PartyAuthentication(new Party("900101400023", null, "Сейітова Айгерім", null,
                    Set.of(Role.INDIVIDUAL)));
            await().atMost(PATIENCE).untilAsserted(() -> mvc.perform(get("/api/v1/me/messages")
                            .with(authentication(user)).header("Accept-Language", "kk"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[0].requestId").value(event.requestId().toString()))
                    .andExpect(jsonPath("$.items[0].code").value("7712"))
                    .andExpect(jsonPath("$.items[0].text", containsString("сіз туралы"))));
            assertThat(audit.ofRequest(event.requestId()))
                    .anySatisfy(entry -> assertThat(entry.outcome()).isEqualTo("cabinet"));
        }
    }

    @Nested
    class ARequestThatFailed {

        @Test
        void tellsTheUserBySmsAndInTheCabinetNotOnlyTheThirdParty() throws Exception {
            var subject = iin(4242);
            String phone = newPhone();
            phoneBook.put(subject, phone);
            portal.add(subject);
            var event = submitted(subject, "6204");
            publish(event);
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(receivedBy(phone)).hasSize(2));

            publish(new RequestStatusChanged(event.requestId(), BANK, subject, CertificateType.ADDRESS,
                    RequestStatus.FAILED, Instant.now()));

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(receivedBy(phone)).hasSize(3));
            assertThat(receivedBy(phone).get(2).text()).contains("ТОО «Береке Банк»", "берілмеді",
                    "выдать не удалось");
            var user = new PartyAuthentication(new Party(subject.value(), null, "Сейітова Айгерім", null,
                    Set.of(Role.INDIVIDUAL)));
            mvc.perform(get("/api/v1/me/messages").with(authentication(user)).header("Accept-Language", "en"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[0].requestId").value(event.requestId().toString()))
                    .andExpect(jsonPath("$.items[0].text", containsString("could not be issued")));
        }
    }

    @Nested
    class TheDelivery {

        @Test
        void storesAResubmittedSmsOnceAtTheCentre() {
            String phone = newPhone();
            await().atMost(PATIENCE).until(client::isBound);
            String text = "Повторная отправка после обрыва: " + "ж".repeat(100);

            var first = client.submit(phone, text, "test:resubmitted:" + phone);
            var second = client.submit(phone, text, "test:resubmitted:" + phone);

            assertThat(first).hasSize(2).doesNotContainAnyElementsOf(second);
            assertThat(receivedBy(phone)).singleElement().satisfies(sms -> assertThat(sms.text()).isEqualTo(text));
        }

        @Test
        void neverHandsTheSameItemToTwoClaimsAtOnce() throws Exception {
            for (int i = 0; i < 40; i++) {
                outbox.enqueue("test:claim:" + UUID.randomUUID(), Outbox.Channel.WEBHOOK, "000000000000", "{}", null,
                        Instant.now().plus(Duration.ofHours(1)));
            }

            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var first = pool.submit(() -> outbox.claim(Outbox.Channel.WEBHOOK, 30));
                var second = pool.submit(() -> outbox.claim(Outbox.Channel.WEBHOOK, 30));
                var firstIds = first.get().stream().map(Outbox.Item::id).toList();
                var secondIds = second.get().stream().map(Outbox.Item::id).toList();

                var overlap = new java.util.HashSet<>(firstIds);
                overlap.retainAll(secondIds);
                assertThat(overlap).isEmpty();
                assertThat(firstIds.size() + secondIds.size()).isPositive();
            } finally {
                pool.shutdown();
            }
        }

        @Test
        void queuesTheSameThingOnceWhenAnEventArrivesTwice() {
            var subject = iin(9001);
            String phone = newPhone();
            phoneBook.put(subject, phone);
            var event = submitted(subject, "6060");

            publish(event);
            publish(event);

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(receivedBy(phone)).hasSize(2));
            assertThat(jdbc.sql("SELECT count(*) FROM notification_outbox WHERE request_id = ?")
                    .param(event.requestId()).query(Long.class).single()).isEqualTo(2);
        }

        @Test
        void sendsNothingForAUserInNeitherBmgNorThePortal_andSaysSoInTheAuditTrail() {
            var event = submitted(iin(9002), "7070");

            publish(event);

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(audit.ofRequest(event.requestId()))
                    .singleElement().satisfies(entry -> assertThat(entry.outcome()).isEqualTo("none")));
            assertThat(jdbc.sql("SELECT count(*) FROM notification_outbox WHERE request_id = ?")
                    .param(event.requestId()).query(Long.class).single()).isZero();
        }
    }

    @Nested
    class AnAnswerFromAPhone {

        @Test
        void travelsBackAsDeliverSmToSmsAnswersAndIsAnsweredBySms() throws Exception {
            String phone = newPhone();
            when(smsAnswers.answer(eq(phone), eq("1 4821"), any()))
                    .thenReturn(new SmsAnswers.Outcome(SmsAnswers.Result.ALLOWED, "4821"));
            await().atMost(PATIENCE).until(client::isBound);

            mvc.perform(post("/demo/sms/reply").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"from\":\"" + phone + "\",\"text\":\"1 4821\"}"))
                    .andExpect(status().isAccepted());

            verify(smsAnswers).answer(eq(phone), eq("1 4821"), any());
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(receivedBy(phone)).singleElement()
                    .satisfies(sms -> assertThat(sms.text()).contains("4821", "рұқсат берілді", "разрешён")));
        }

        @Test
        void ofManyPartsIsJoinedBeforeItIsUnderstood() throws Exception {
            String phone = newPhone();
            String longAnswer = "ДА 4821 — рұқсат беремін, бірақ неге маған бұл сауал келді? Түсіндіріп беріңізші, "
                    + "өтінемін, қазір түсінбей отырмын.";
            when(smsAnswers.answer(eq(phone), eq(longAnswer), any()))
                    .thenReturn(new SmsAnswers.Outcome(SmsAnswers.Result.NOT_UNDERSTOOD, null));
            await().atMost(PATIENCE).until(client::isBound);

            mvc.perform(post("/demo/sms/reply").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"from\":\"" + phone + "\",\"text\":\"" + longAnswer + "\"}"))
                    .andExpect(status().isAccepted());

            verify(smsAnswers).answer(eq(phone), eq(longAnswer), any());
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(receivedBy(phone)).singleElement()
                    .satisfies(sms -> assertThat(sms.text()).contains("Жауап түсініксіз", "Ответ не распознан")));
        }

        @Test
        void withoutText_isRefusedAndReachesNobody() throws Exception {
            mvc.perform(post("/demo/sms/reply").contentType(MediaType.APPLICATION_JSON)
                            .header("Accept-Language", "en").content("{\"from\":\"+77010000000\",\"text\":\" \"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("sms_text_invalid"))
                    .andExpect(jsonPath("$.detail").value("The SMS text is empty or too long."));
        }

        @Test
        void fromSomethingThatIsNoPhone_isRefused() throws Exception {
            mvc.perform(post("/demo/sms/reply").contentType(MediaType.APPLICATION_JSON)
                            .header("Accept-Language", "kk").content("{\"from\":\"abc\",\"text\":\"1 4821\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("phone_invalid"))
                    .andExpect(jsonPath("$.detail").value("Телефон нөмірі қате көрсетілген."));
            mvc.perform(get("/demo/sms").param("phone", "12"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("phone_invalid"));
        }
    }

    @Nested
    class WhenTheSmsCentreGoesDownMidRun {

        @AfterEach
        void bringTheCentreBack() {
            centre.start();
        }

        @Test
        void everyMessageIsDeliveredOnceItReturnsAndNoneTwice() {
            var phones = new java.util.ArrayList<String>();
            for (int i = 0; i < 10; i++) {
                String phone = newPhone();
                phones.add(phone);
                var subject = iin(i);
                var event = submitted(subject, String.valueOf(3000 + i));
                phoneBook.put(subject, phone);
                publish(event);
                if (i == 2) {
                    await().atMost(PATIENCE).until(() -> !receivedBy(phones.get(0)).isEmpty());
                    centre.stop();
                }
            }
            await().atMost(PATIENCE).until(() -> !client.isBound());
            long before = phones.stream().mapToLong(phone -> receivedBy(phone).size()).sum();

            centre.start();

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(phones)
                    .allSatisfy(phone -> assertThat(receivedBy(phone)).hasSize(2)));
            assertThat(before).isLessThan(20);
            // The centre may hold the last part before the client has recorded its answer.
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.sql("""
                    SELECT count(*) FROM notification_outbox
                    WHERE recipient IN (:phones) AND state = 'SENT'""").param("phones", phones)
                    .query(Long.class).single()).isEqualTo(20));
            assertThat(phones).allSatisfy(phone -> assertThat(receivedBy(phone)).hasSize(2));
        }
    }

    @Nested
    class Webhooks {

        private final Party bank = new Party("850715300013", "990340000123", "Ахметов Ерлан", "ТОО «Береке Банк»",
                Set.of(Role.LEGAL_ENTITY, Role.FIRST_HEAD));
        private final List<Call> calls = new CopyOnWriteArrayList<>();
        private HttpServer receiver;
        private int port;

        record Call(String body, String signature) {
        }

        @BeforeEach
        void startTheReceiver() throws IOException {
            receiver = receiverOn(0);
            port = receiver.getAddress().getPort();
        }

        @AfterEach
        void stopTheReceiver() {
            receiver.stop(0);
        }

        private HttpServer receiverOn(int port) throws IOException {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                calls.add(new Call(body, exchange.getRequestHeaders().getFirst("X-Kelisim-Signature")));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return server;
        }

        private void register(String secret) throws Exception {
            mvc.perform(put("/api/v1/webhook").with(authentication(new PartyAuthentication(bank)))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"url\":\"http://127.0.0.1:" + port + "/hook\",\"secret\":\"" + secret + "\"}"))
                    .andExpect(status().isNoContent());
        }

        private RequestStatusChanged changed(RequestStatus status) {
            return new RequestStatusChanged(UUID.randomUUID(), BANK, Iin.of("850715300013"),
                    CertificateType.REAL_ESTATE_PRESENCE, status, Instant.parse("2026-12-03T10:00:00Z"));
        }

        @Test
        void receiveEveryStatusChangeSignedWithTheSecret() throws Exception {
            String secret = "s3cret-of-the-bank-0001";
            register(secret);
            var event = changed(RequestStatus.DENIED);

            publish(event);

            await().atMost(PATIENCE).until(() -> calls.stream().anyMatch(c -> c.body().contains(
                    event.requestId().toString())));
            var call = calls.stream().filter(c -> c.body().contains(event.requestId().toString())).findFirst()
                    .orElseThrow();
            assertThat(call.body()).isEqualTo("{\"id\":\"" + event.requestId()
                    + "\",\"status\":\"DENIED\",\"at\":\"2026-12-03T10:00:00Z\"}");
            assertThat(call.signature()).isEqualTo("sha256=" + hmacOf(secret, call.body()));
            mvc.perform(get("/api/v1/inbox").with(authentication(new PartyAuthentication(bank)))
                            .header("Accept-Language", "en"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[?(@.requestId == '" + event.requestId() + "')].text")
                            .value("The user (IIN 850715300013) refused your request for "
                                    + "\"Certificate of absence (presence) of real estate\"."));
            var otherParty = new Party("900101400023", null, "Сейітова Айгерім", null, Set.of(Role.INDIVIDUAL));
            mvc.perform(get("/api/v1/inbox").with(authentication(new PartyAuthentication(otherParty))))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[?(@.requestId == '" + event.requestId() + "')]").isEmpty());
        }

        @Test
        void areRetriedUntilTheReceiverIsBackAndThenArriveSigned() throws Exception {
            String secret = "s3cret-of-the-bank-0002";
            register(secret);
            receiver.stop(0);
            var event = changed(RequestStatus.EXPIRED);

            publish(event);

            var owner = authentication(new PartyAuthentication(bank));
            await().atMost(PATIENCE).untilAsserted(() -> mvc.perform(get("/api/v1/webhook/deliveries").with(owner))
                    .andExpect(jsonPath("$.items[?(@.requestId == '" + event.requestId()
                            + "' && @.outcome == 'unreachable')]", org.hamcrest.Matchers.hasSize(
                            org.hamcrest.Matchers.greaterThanOrEqualTo(2)))));
            receiver = receiverOn(port);
            await().atMost(PATIENCE).until(() -> calls.stream().anyMatch(c -> c.body().contains(
                    event.requestId().toString())));
            var call = calls.stream().filter(c -> c.body().contains(event.requestId().toString())).findFirst()
                    .orElseThrow();
            assertThat(call.signature()).isEqualTo("sha256=" + hmacOf(secret, call.body()));
            await().atMost(PATIENCE).untilAsserted(() -> mvc.perform(get("/api/v1/webhook/deliveries").with(owner))
                    .andExpect(jsonPath("$.items[?(@.requestId == '" + event.requestId()
                            + "' && @.outcome == 'delivered')].httpStatus", org.hamcrest.Matchers.contains(204))));
        }

        @Test
        void areGivenUpOnceTheirPatienceRunsOut() throws Exception {
            register("s3cret-of-the-bank-0003");
            receiver.stop(0);
            String key = "test:patience:" + UUID.randomUUID();

            outbox.enqueue(key, Outbox.Channel.WEBHOOK, bank.actingId(), "{}", null,
                    Instant.now().plus(Duration.ofMillis(500)));

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.sql(
                    "SELECT state FROM notification_outbox WHERE idempotency_key = ?").param(key)
                    .query(String.class).single()).isEqualTo("GAVE_UP"));
            assertThat(calls).noneMatch(call -> call.body().equals("{}"));
            receiver = receiverOn(0);
        }

        @Test
        void acceptOnlyHttpAndHttpsAddresses() throws Exception {
            for (String url : new String[] {"ftp://127.0.0.1/hook", "file:///etc/passwd", "not a url", "/hook",
                "https://user:pass@bank.example/hook", "https:///hook"}) {
                mvc.perform(put("/api/v1/webhook").with(authentication(new PartyAuthentication(bank)))
                                .header("Accept-Language", "ru").contentType(MediaType.APPLICATION_JSON)
                                .content("{\"url\":\"" + url + "\",\"secret\":\"long-enough-secret-1\"}"))
                        .andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.code").value("webhook_url_invalid"))
                        .andExpect(jsonPath("$.detail")
                                .value("Адрес вебхука должен быть полным адресом http или https."));
            }
        }

        @Test
        void needASecretOfSixteenCharactersAtLeast() throws Exception {
            mvc.perform(put("/api/v1/webhook").with(authentication(new PartyAuthentication(bank)))
                            .header("Accept-Language", "kk").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"url\":\"https://bank.example/hook\",\"secret\":\"short\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("webhook_secret_invalid"));
            assertThat(jdbc.sql("SELECT count(*) FROM webhooks WHERE url = 'https://bank.example/hook'")
                    .query(Long.class).single()).isZero();
        }

        @Test
        void needASignedInParty() throws Exception {
            mvc.perform(put("/api/v1/webhook").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"url\":\"https://bank.example/hook\",\"secret\":\"long-enough-secret-1\"}"))
                    .andExpect(status().isUnauthorized());
        }

        private static String hmacOf(String secret, String body) throws Exception {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** The clean-up, run on a clock 40 days ahead (so with 30 days kept, whatever ended before now + 10 days goes). */
    @Nested
    class TheRetention {

        private final Instant now = Instant.now();
        private OutboxRetention retention;

        @BeforeEach
        void moveTheRetentionsClockFortyDaysAhead() {
            retention = new OutboxRetention(jdbc, transactionManager,
                    Clock.fixed(now.plus(Duration.ofDays(40)), ZoneOffset.UTC), properties);
        }

        private UUID finished(String state, Instant at, UUID requestId) {
            return item(state, at, at.plus(Duration.ofHours(1)), "SENT".equals(state) ? at : null, at, requestId);
        }

        /** Old and long expired, but never claimable by this node's worker: its next attempt is a year away. */
        private UUID pending(Instant at) {
            return item("PENDING", at, at.plus(Duration.ofHours(1)), null, now.plus(Duration.ofDays(365)), null);
        }

        private UUID item(String state, Instant createdAt, Instant expiresAt, Instant sentAt, Instant nextAttemptAt,
                UUID requestId) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    INSERT INTO notification_outbox (id, idempotency_key, channel, recipient, payload, request_id,
                                                     state, attempts, created_at, next_attempt_at, expires_at,
                                                     sent_at)
                    VALUES (?, ?, 'WEBHOOK', '000000000000', '{}', ?, ?, 1, ?, ?, ?, ?)""")
                    .params(id, "test:retention:" + id, requestId, state, Timestamp.from(createdAt),
                            Timestamp.from(nextAttemptAt), Timestamp.from(expiresAt),
                            sentAt == null ? null : Timestamp.from(sentAt))
                    .update();
            return id;
        }

        private void attempt(UUID item, Instant at) {
            jdbc.sql("""
                    INSERT INTO webhook_deliveries (id, outbox_id, party_id, attempt, at, outcome)
                    VALUES (?, ?, '000000000000', 1, ?, 'unreachable')""")
                    .params(UUID.randomUUID(), item, Timestamp.from(at))
                    .update();
        }

        private String receipt(Instant at) {
            String id = "retention-" + UUID.randomUUID();
            jdbc.sql("INSERT INTO sms_receipts (smsc_message_id, state, received_at) VALUES (?, 'DELIVRD', ?)")
                    .params(id, Timestamp.from(at)).update();
            return id;
        }

        private void centreMessage(String key, String phone, Instant at) {
            jdbc.sql("""
                    INSERT INTO demo_sms_messages (idempotency_key, phone, sender, text, parts, received_at)
                    VALUES (?, ?, '1414', 'test', 1, ?)""")
                    .params(key, phone, Timestamp.from(at)).update();
        }

        private boolean itemExists(UUID id) {
            return count("SELECT count(*) FROM notification_outbox WHERE id = ?", id) == 1;
        }

        private long count(String sql, Object... params) {
            return jdbc.sql(sql).params(params).query(Long.class).single();
        }

        @Test
        void deletesADeliveredSmsWithItsReceiptsAndTheCentresCopyOnceItIsOld() {
            String phone = newPhone();
            String key = "test:retention:" + phone;
            await().atMost(PATIENCE).until(client::isBound);
            outbox.enqueue(key, Outbox.Channel.SMS, phone, "Сообщение для очистки: " + "ж".repeat(80), null,
                    now.plus(Duration.ofHours(1)));
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(count("""
                    SELECT count(*) FROM notification_outbox o JOIN sms_receipts r
                      ON r.smsc_message_id = ANY (string_to_array(o.smsc_message_ids, ','))
                    WHERE o.idempotency_key = ? AND o.state = 'SENT'""", key)).isEqualTo(2));
            String partIds = jdbc.sql("SELECT smsc_message_ids FROM notification_outbox WHERE idempotency_key = ?")
                    .param(key).query(String.class).single();

            var purged = retention.purge();

            assertThat(count("SELECT count(*) FROM notification_outbox WHERE idempotency_key = ?", key)).isZero();
            assertThat(count("SELECT count(*) FROM sms_receipts WHERE smsc_message_id = ANY (string_to_array(?, ','))",
                    partIds)).isZero();
            assertThat(count("SELECT count(*) FROM demo_sms_messages WHERE idempotency_key = ?", key)).isZero();
            assertThat(purged.items()).isPositive();
            assertThat(purged.receipts()).isGreaterThanOrEqualTo(2);
            assertThat(purged.centreMessages()).isPositive();
        }

        @Test
        void deletesGivenUpItemsWithTheirWebhookAttemptsInBatches() {
            var gaveUp = List.of(finished("GAVE_UP", now, null), finished("GAVE_UP", now, null),
                    finished("GAVE_UP", now, null), finished("SENT", now, null), finished("SENT", now, null));
            gaveUp.forEach(item -> {
                attempt(item, now);
                attempt(item, now.plusSeconds(60));
            });

            var purged = retention.purge();

            assertThat(gaveUp).noneMatch(this::itemExists);
            assertThat(count("SELECT count(*) FROM webhook_deliveries WHERE outbox_id IN (?, ?, ?, ?, ?)",
                    gaveUp.toArray())).isZero();
            // batch-size is 2 here: five items took three batches
            assertThat(purged.items()).isGreaterThanOrEqualTo(5);
            assertThat(purged.webhookAttempts()).isGreaterThanOrEqualTo(10);
        }

        @Test
        void keepsRecentItemsAndReceiptsAndEveryPendingItemWithItsKeyAtTheCentre() {
            Instant recent = now.plus(Duration.ofDays(20));
            UUID recentItem = finished("SENT", recent, null);
            attempt(recentItem, recent);
            UUID pendingItem = pending(now.minus(Duration.ofDays(60)));
            String recentReceipt = receipt(recent);
            String oldReceipt = receipt(now);
            String phone = newPhone();
            centreMessage("test:retention:" + pendingItem, phone, now.minus(Duration.ofDays(60)));
            centreMessage(null, phone, recent);

            retention.purge();

            assertThat(itemExists(recentItem)).isTrue();
            assertThat(count("SELECT count(*) FROM webhook_deliveries WHERE outbox_id = ?", recentItem)).isOne();
            assertThat(itemExists(pendingItem)).isTrue();
            assertThat(count("SELECT count(*) FROM sms_receipts WHERE smsc_message_id = ?", recentReceipt)).isOne();
            assertThat(count("SELECT count(*) FROM sms_receipts WHERE smsc_message_id = ?", oldReceipt)).isZero();
            assertThat(count("SELECT count(*) FROM demo_sms_messages WHERE phone = ?", phone)).isEqualTo(2);
        }

        @Test
        void keepsTheKeyOfAnItemWhoseEventIsStillOutstandingUntilTheEventIsCompleted() {
            UUID requestId = UUID.randomUUID();
            UUID item = finished("SENT", now, requestId);
            UUID publication = UUID.randomUUID();
            jdbc.sql("""
                    INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date)
                    VALUES (?, 'retention-test', 'org.kelisim.request.RequestStatusChanged', ?, ?)""")
                    .params(publication, "{\"requestId\":\"" + requestId + "\"}", Timestamp.from(now))
                    .update();
            try {
                retention.purge();
                assertThat(itemExists(item)).isTrue();

                jdbc.sql("UPDATE event_publication SET completion_date = ? WHERE id = ?")
                        .params(Timestamp.from(now), publication).update();
                retention.purge();
                assertThat(itemExists(item)).isFalse();
            } finally {
                jdbc.sql("DELETE FROM event_publication WHERE id = ?").param(publication).update();
            }
        }

        @Test
        void runsTwiceWithoutHarm() {
            UUID old = finished("SENT", now, null);
            UUID recent = finished("SENT", now.plus(Duration.ofDays(20)), null);
            UUID pendingItem = pending(now);

            retention.purge();
            retention.purge();

            assertThat(itemExists(old)).isFalse();
            assertThat(itemExists(recent)).isTrue();
            assertThat(itemExists(pendingItem)).isTrue();
        }

        @Test
        void isAScheduledJobThatOneNodeRunsAtATime() throws Exception {
            var run = OutboxRetention.class.getMethod("run");

            assertThat(run.getAnnotation(org.springframework.scheduling.annotation.Scheduled.class)).isNotNull();
            assertThat(run.getAnnotation(net.javacrumbs.shedlock.spring.annotation.SchedulerLock.class).name())
                    .isEqualTo("notification-outbox-retention");
            assertThat(properties.retention().keep()).isEqualTo(Duration.ofDays(30));
        }
    }
}
