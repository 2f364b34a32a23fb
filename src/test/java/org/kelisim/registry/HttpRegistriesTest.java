package org.kelisim.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kelisim.identity.Iin;
import org.kelisim.registry.RealEstateObject.EncumbranceKind;
import org.kelisim.registry.RealEstateObject.RightKind;
import org.kelisim.shared.DomainException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The HTTP adapter against a fake registry on a loopback port: each test queues the answers the fake gives.
 */
class HttpRegistriesTest {

    private static final Iin USER = Iin.of("850715300003");
    private static final String PERSON = """
            {"iin": "850715300003", "surname": "Сәрсенбаев", "givenName": "Асқар", "patronymic": "Нұрланұлы",
             "birthDate": "1985-07-15", "extra": "ignored",
             "address": {"region": {"kk": "Астана қаласы", "ru": "город Астана"},
                         "district": {"kk": "Есіл ауданы", "ru": "район Есиль"},
                         "locality": {"kk": "Астана қаласы", "ru": "город Астана"},
                         "street": {"kk": "Абай даңғылы", "ru": "проспект Абая"},
                         "house": "12", "flat": "45", "registeredOn": "2010-05-04",
                         "registrationCode": "2100000012345678"}}""";
    private static final String OBJECTS = """
            {"iin": "850715300003", "objects": [{"cadastralNumber": "21:320:049:012:45", "kind": "APARTMENT",
              "address": {"kk": "Астана қаласы, Абай даңғылы, 12 үй, 45 пәтер",
                          "ru": "город Астана, проспект Абая, д. 12, кв. 45"},
              "area": 54.30, "floors": 9, "yearBuilt": 1985,
              "rights": [{"holderId": "850715300003", "holderName": "Сәрсенбаев Асқар Нұрланұлы", "share": "1/2",
                          "kind": "SHARED_OWNERSHIP", "basis": {"kk": "Шарт № 1", "ru": "Договор № 1"},
                          "registeredOn": "2015-03-12"},
                         {"holderId": "900101400404", "holderName": "Әбдірахманова Әйгерім Қайратқызы",
                          "share": "1/2", "kind": "SHARED_OWNERSHIP",
                          "basis": {"kk": "Шарт № 1", "ru": "Договор № 1"}, "registeredOn": "2015-03-12"}],
              "encumbrances": [{"kind": "MORTGAGE", "holder": {"kk": "«Сарыарқа Банкі» АҚ",
                                "ru": "АО «Сарыарка Банк»"}, "basis": {"kk": "Ипотека шарты № 7",
                                "ru": "Договор ипотеки № 7"}, "registeredOn": "2021-03-15"}]}]}""";

    private HttpServer server;
    private ExecutorService executor;
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile String lastPath;

    /** What the fake registry does with the next call: answer with a status and body, or keep the caller waiting. */
    private record Answer(int status, String body, boolean hang) {
    }

    @BeforeEach
    void startTheFakeRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stopTheFakeRegistry() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        lastPath = exchange.getRequestURI().getPath();
        Answer answer;
        synchronized (answers) {
            answer = answers.size() > 1 ? answers.poll() : answers.peek();
        }
        if (answer == null) {
            answer = new Answer(404, "", false);
        }
        if (answer.hang()) {
            try {
                released.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private void answer(int status, String body) {
        answers.add(new Answer(status, body, false));
    }

    /** Generous timeouts, so that a loaded build machine does not turn an answer into a timeout. */
    private HttpRegistries registries(int retries, int breakerWindow) {
        return registries(retries, breakerWindow, Duration.ofSeconds(5));
    }

    private HttpRegistries registries(int retries, int breakerWindow, Duration readTimeout) {
        var base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/registry/");
        return new HttpRegistries(new RegistryProperties(RegistryProperties.Mode.HTTP, base, Duration.ofSeconds(5),
                readTimeout, retries, Duration.ofMillis(5), breakerWindow, 50, Duration.ofMinutes(5)),
                Clock.systemUTC());
    }

    @Nested
    class NormalAnswers {

        @Test
        void readAPersonWithTheRegisteredAddressInBothLanguages() {
            answer(200, PERSON);

            var person = registries(2, 20).find(USER).orElseThrow();

            assertThat(lastPath).isEqualTo("/registry/population/persons/850715300003");
            assertThat(person.fullName()).isEqualTo("Сәрсенбаев Асқар Нұрланұлы");
            assertThat(person.birthDate()).hasToString("1985-07-15");
            assertThat(person.address()).hasValueSatisfying(address -> {
                assertThat(address.street().kk()).isEqualTo("Абай даңғылы");
                assertThat(address.street().ru()).isEqualTo("проспект Абая");
                assertThat(address.flat()).isEqualTo("45");
                assertThat(address.registrationCode()).isEqualTo("2100000012345678");
            });
        }

        @Test
        void readRealEstateObjectsWithAllRightsAndEncumbrances() {
            answer(200, OBJECTS);

            var objects = registries(2, 20).objectsOf(USER);

            assertThat(lastPath).isEqualTo("/registry/real-estate/persons/850715300003/objects");
            assertThat(objects).singleElement().satisfies(object -> {
                assertThat(object.cadastralNumber()).isEqualTo("21:320:049:012:45");
                assertThat(object.area()).isEqualByComparingTo("54.3");
                assertThat(object.rights()).extracting(RealEstateObject.Right::kind)
                        .containsExactly(RightKind.SHARED_OWNERSHIP, RightKind.SHARED_OWNERSHIP);
                assertThat(object.encumbrances()).extracting(RealEstateObject.Encumbrance::kind)
                        .containsExactly(EncumbranceKind.MORTGAGE);
            });
        }

        @Test
        void readThePortalAccountAndTheBmgPhone() {
            answer(200, "{\"iin\": \"850715300003\", \"registered\": true}");
            var registries = registries(2, 20);

            assertThat(registries.isRegistered(USER)).isTrue();
            assertThat(lastPath).isEqualTo("/registry/portal/accounts/850715300003");

            answers.clear();
            answer(200, "{\"iin\": \"850715300003\", \"phone\": \"+77015550102\"}");

            assertThat(registries.phoneOf(USER)).contains("+77015550102");
            assertThat(lastPath).isEqualTo("/registry/mobile-citizens/850715300003");
        }
    }

    @Nested
    class NotFound {

        @Test
        void meansTheRegistryDoesNotKnowThePerson() {
            answer(404, "");
            var registries = registries(2, 20);

            assertThat(registries.find(USER)).isEmpty();
            assertThat(registries.objectsOf(USER)).isEmpty();
            assertThat(registries.isRegistered(USER)).isFalse();
            assertThat(registries.phoneOf(USER)).isEmpty();
            assertThat(calls).hasValue(4);
        }
    }

    @Nested
    class Failures {

        @Test
        void aSlowRegistryTimesOutAfterTheRetries() {
            answers.add(new Answer(200, PERSON, true));

            assertUnavailable(() -> registries(2, 20, Duration.ofMillis(300)).find(USER));

            assertThat(calls).hasValue(3);
        }

        @Test
        void aServerErrorIsRetriedUntilTheRegistryAnswers() {
            answer(500, "{\"error\": \"down\"}");
            answer(503, "");
            answer(200, PERSON);

            var person = registries(2, 20).find(USER);

            assertThat(person).isPresent();
            assertThat(calls).hasValue(3);
        }

        @Test
        void serverErrorsBeyondTheRetriesMakeTheRegistryUnavailable() {
            answer(500, "");

            assertUnavailable(() -> registries(2, 20).isRegistered(USER));

            assertThat(calls).hasValue(3);
        }

        @Test
        void malformedJsonIsUnavailableNotNotRegisteredAndIsNotRetried() {
            answer(200, "{\"iin\": \"850715300003\", \"registered\": tru");

            assertUnavailable(() -> registries(2, 20).isRegistered(USER));

            assertThat(calls).hasValue(1);
        }

        @Test
        void anAnswerAboutSomeoneElseIsRefused() {
            answer(200, PERSON.replace("850715300003", "900101400404"));

            assertUnavailable(() -> registries(2, 20, Duration.ofMillis(300)).find(USER));
        }

        @Test
        void anAnswerWithoutARequiredFieldOrWithAnUnknownKindIsRefused() {
            answer(200, OBJECTS.replace("\"kind\": \"APARTMENT\"", "\"kind\": \"CASTLE\""));
            assertUnavailable(() -> registries(0, 20).objectsOf(USER));

            answers.clear();
            answer(200, PERSON.replace("\"surname\": \"Сәрсенбаев\",", ""));
            assertUnavailable(() -> registries(0, 20).find(USER));

            answers.clear();
            answer(200, "{\"iin\": \"850715300003\", \"phone\": \"87015550102\"}");
            assertUnavailable(() -> registries(0, 20).phoneOf(USER));
        }

        @Test
        void aClientErrorIsUnavailableAndIsNotRetried() {
            answer(401, "");

            assertUnavailable(() -> registries(2, 20).phoneOf(USER));

            assertThat(calls).hasValue(1);
        }

        @Test
        void aRegistryThatDoesNotListenIsUnavailable() {
            var registries = registries(1, 20);
            server.stop(0);

            assertUnavailable(() -> registries.find(USER));
        }
    }

    @Nested
    class TheCircuitBreaker {

        @Test
        void opensAfterRepeatedFailuresAndThenStopsCallingTheRegistry() {
            answer(500, "");
            var registries = registries(0, 4);
            for (int i = 0; i < 4; i++) {
                assertUnavailable(() -> registries.find(USER));
            }
            assertThat(calls).hasValue(4);
            answers.clear();
            answer(200, PERSON);

            assertThatThrownBy(() -> registries.find(USER))
                    .isInstanceOf(RegistryUnavailableException.class)
                    .hasCauseInstanceOf(CallNotPermittedException.class);

            assertThat(calls).hasValue(4);
        }

        @Test
        void keepsEachRegistrySeparate() {
            answer(500, "");
            var registries = registries(0, 2);
            assertUnavailable(() -> registries.find(USER));
            assertUnavailable(() -> registries.find(USER));
            answers.clear();
            answer(200, "{\"iin\": \"850715300003\", \"registered\": true}");

            assertThat(registries.isRegistered(USER)).isTrue();
        }

        @Test
        void countsANotFoundAsASuccess() {
            answer(404, "");
            var registries = registries(0, 2);

            for (int i = 0; i < 5; i++) {
                assertThat(registries.phoneOf(USER)).isEmpty();
            }

            assertThat(calls).hasValue(5);
        }
    }

    @Nested
    class TheHealth {

        @Test
        void isUnknownUntilARegistryHasBeenCalled() {
            var registries = registries(0, 4);

            var health = registries.health();

            assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
            assertThat(health.getDetails()).containsEntry("mode", "http").containsKeys("population", "real-estate",
                    "portal", "mobile-citizens");
        }

        @Test
        void isUpAfterCallsThatWereAnswered() {
            answer(404, "");
            var registries = registries(0, 4);

            registries.phoneOf(USER);

            var health = registries.health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(detail(health, "mobile-citizens")).containsEntry("breaker", "CLOSED")
                    .containsEntry("state", "answering").containsKey("lastAnswer");
        }

        @Test
        void isDownWhenTheLastCallFailedAfterItsRetriesAndUpOnceARegistryAnswersAgain() {
            answer(500, "");
            var registries = registries(0, 4);
            assertUnavailable(() -> registries.find(USER));

            var failing = registries.health();
            answers.clear();
            answer(200, PERSON);
            registries.find(USER);
            var recovered = registries.health();

            assertThat(failing.getStatus()).isEqualTo(Status.DOWN);
            assertThat(detail(failing, "population")).containsEntry("reason", "HTTP 500").containsKey("lastFailure");
            assertThat(failing.toString()).doesNotContain(USER.value());
            assertThat(recovered.getStatus()).isEqualTo(Status.UP);
        }

        @Test
        void isDownWhileABreakerIsOpen() {
            answer(500, "");
            var registries = registries(0, 2);
            assertUnavailable(() -> registries.isRegistered(USER));
            assertUnavailable(() -> registries.isRegistered(USER));

            var health = registries.health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(detail(health, "portal")).containsEntry("breaker", "OPEN");
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> detail(Health health, String registry) {
            return (Map<String, Object>) health.getDetails().get(registry);
        }
    }

    private static void assertUnavailable(Runnable call) {
        assertThatThrownBy(call::run)
                .isInstanceOf(RegistryUnavailableException.class)
                .satisfies(e -> {
                    assertThat(((DomainException) e).code()).isEqualTo("registry_unavailable");
                    assertThat(((DomainException) e).kind()).isEqualTo(DomainException.Kind.UNAVAILABLE);
                    assertThat(e.getMessage()).doesNotContain(USER.value());
                });
    }
}
