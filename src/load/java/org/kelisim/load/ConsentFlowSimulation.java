package org.kelisim.load;

import static io.gatling.javaapi.core.CoreDsl.ByteArrayBody;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyBytes;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service under load, driven over HTTP exactly as an integrator and a citizen drive it (API.md).
 *
 * <p>{@code -Dload.scenario=flow} (the default): each virtual user is one whole request: sign in by a signed
 * challenge, check the person's registration, create a draft, sign {@code dataToSign}, submit; read the request code
 * from the person's phone at the embedded SMS centre and answer {@code 1 <code>} by SMS; poll the status until
 * ISSUED; download the PDF and verify it. New flows start at {@code -Dload.rate} per second for
 * {@code -Dload.duration} seconds (an open model: arrivals do not wait for the service).
 *
 * <p>{@code -Dload.scenario=read}: each virtual user signs in, submits one request (left awaiting consent), reads the
 * first page of its history, then makes {@code -Dload.reads} pairs of a registration check and a poll of that
 * request's status, back to back: a third party waiting for an answer.
 *
 * <p>The service must run with the demo enabled and a registration-check limit above the run's rate
 * ({@code bench/load.sh} starts one so).
 */
public class ConsentFlowSimulation extends Simulation {

    private static final String BASE_URL = System.getProperty("load.baseUrl", "http://localhost:8080");
    private static final double RATE = Double.parseDouble(System.getProperty("load.rate", "1"));
    private static final Duration DURATION = Duration.ofSeconds(Long.parseLong(
            System.getProperty("load.duration", "60")));
    private static final String SCENARIO = System.getProperty("load.scenario", "flow");
    private static final int READS = Integer.parseInt(System.getProperty("load.reads", "10"));
    /** The password of every demo key (also in {@code /demo/persons}). */
    private static final char[] DEMO_PASSWORD = "kelisim-demo".toCharArray();

    private static final List<String> CERTIFICATES = List.of("ADDRESS", "REAL_ESTATE_PRESENCE", "REAL_ESTATE_RIGHTS");
    private static final Set<String> DECIDED = Set.of("ISSUED", "DENIED", "EXPIRED", "WITHDRAWN", "FAILED");
    private static final Pattern REQUEST_CODE = Pattern.compile("Код запроса (\\d{4,6})");
    private static final Duration POLL = Duration.ofMillis(250);
    private static final int MOST_POLLS = 480;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DemoService demo = new DemoService(BASE_URL);
    private final DemoService.SigningKey authentication = demo.key("third-party-auth", DEMO_PASSWORD);
    private final DemoService.SigningKey signing = demo.key("third-party-sign", DEMO_PASSWORD);
    private final Subjects subjects = new Subjects(demo.subjects(), Duration.ofMinutes(5));

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .acceptHeader("application/json")
            .acceptLanguageHeader("ru")
            // An integrator's gateway keeps its connections open; a new TCP connection per flow would measure the
            // loopback's handshakes rather than the service.
            .shareConnections();

    private final ChainBuilder signIn = exec(
            http("sign-in: challenge").post("/api/v1/auth/challenge")
                    .check(status().is(200), jsonPath("$.nonce").saveAs("nonce")))
            .exec(session -> session.set("loginCms", authentication.signBase64(session.getString("nonce"))))
            .exec(http("sign-in: token").post("/api/v1/auth/token")
                    .body(StringBody("{\"cms\":\"#{loginCms}\"}")).asJson()
                    .check(status().is(200), jsonPath("$.accessToken").saveAs("token")));

    private final ChainBuilder registrationCheck = exec(
            http("registration check").get("/api/v1/registration/#{iin}")
                    .header("Authorization", "Bearer #{token}")
                    .check(status().is(200), jsonPath("$.canBeAsked").ofBoolean().is(true)));

    private final ChainBuilder statusPoll = exec(
            http("status").get("/api/v1/requests/#{id}")
                    .header("Authorization", "Bearer #{token}")
                    .check(status().is(200), jsonPath("$.status").saveAs("status")));

    private final ChainBuilder submitRequest = exec(session -> session.set("certificate",
                    CERTIFICATES.get(ThreadLocalRandom.current().nextInt(CERTIFICATES.size()))))
            .exec(http("draft").post("/api/v1/requests/drafts")
                    .header("Authorization", "Bearer #{token}")
                    .body(StringBody("{\"iin\":\"#{iin}\",\"certificate\":\"#{certificate}\"}")).asJson()
                    .check(status().is(201), jsonPath("$.draftId").saveAs("draftId"),
                            jsonPath("$.dataToSign").saveAs("dataToSign")))
            .exec(session -> session.set("requestCms", signing.signBase64(session.getString("dataToSign"))))
            .exec(http("submit").post("/api/v1/requests")
                    .header("Authorization", "Bearer #{token}")
                    .body(StringBody("{\"draftId\":\"#{draftId}\",\"cms\":\"#{requestCms}\"}")).asJson()
                    .check(status().is(201), jsonPath("$.id").saveAs("id"),
                            jsonPath("$.status").is("AWAITING_CONSENT").saveAs("status")));

    private final ChainBuilder ask = exec(
            http("demo: SMS before").get("/demo/sms").queryParam("phone", "#{phone}")
                    .check(status().is(200), bodyString().transform(ConsentFlowSimulation::smsCount)
                            .saveAs("smsBefore")))
            .exec(submitRequest);

    /** The SMS reaches the phone through the outbox and SMPP; the code is in the Russian one. */
    private final ChainBuilder readTheCode = group("submit to SMS").on(
            exec(session -> session.remove("code"))
                    .asLongAs(session -> !session.contains("code") && session.getInt("smsPolls") < MOST_POLLS,
                            "smsPolls")
                    .on(pause(POLL).exec(http("demo: SMS inbox").get("/demo/sms").queryParam("phone", "#{phone}")
                            .check(status().is(200), bodyString().saveAs("sms")))
                            .exec(ConsentFlowSimulation::takeTheCode)));

    private final ChainBuilder answerAndAwaitIssue = group("answer to issued").on(
            exec(http("demo: SMS reply").post("/demo/sms/reply")
                    .body(StringBody("{\"from\":\"#{phone}\",\"text\":\"1 #{code}\"}")).asJson()
                    .check(status().is(202)))
                    .asLongAs(session -> !DECIDED.contains(session.getString("status"))
                            && session.getInt("statusPolls") < MOST_POLLS, "statusPolls")
                    .on(pause(POLL).exec(statusPoll)));

    private final ChainBuilder downloadAndVerify = exec(
            http("document").get("/api/v1/requests/#{id}/document")
                    .header("Authorization", "Bearer #{token}").header("Accept", "application/pdf")
                    .check(status().is(200), header("Content-Type").is("application/pdf"), bodyBytes().saveAs("pdf")))
            .exec(http("verification").post("/api/v1/verification")
                    .header("Content-Type", "application/pdf").body(ByteArrayBody("#{pdf}"))
                    .check(status().is(200), jsonPath("$.authentic").ofBoolean().is(true)));

    private final ScenarioBuilder flow = scenario("consent flow")
            .feed(subjects)
            .group("flow").on(
                    exec(signIn).exitHereIfFailed()
                            .exec(registrationCheck).exitHereIfFailed()
                            .exec(ask).exitHereIfFailed()
                            .exec(readTheCode).exitHereIfFailed()
                            .exec(answerAndAwaitIssue).exitHereIfFailed()
                            .exec(downloadAndVerify))
            .exec(session -> {
                subjects.release(session.getString("iin"));
                return session;
            });

    /** No SMS is read here, so people may be asked by several virtual users at once. */
    private final ScenarioBuilder reads = scenario("reads")
            .feed(listFeeder(subjects.all()).circular())
            .exec(signIn).exitHereIfFailed()
            .exec(submitRequest).exitHereIfFailed()
            .exec(http("history").get("/api/v1/requests?page=0")
                    .header("Authorization", "Bearer #{token}")
                    .check(status().is(200), jsonPath("$.items[0].id").exists()))
            .repeat(READS).on(feed(listFeeder(subjects.all()).random()).exec(registrationCheck).exec(statusPoll));

    {
        PopulationBuilder population = ("read".equals(SCENARIO) ? reads : flow)
                .injectOpen(constantUsersPerSec(RATE).during(DURATION));
        setUp(population).protocols(protocol);
    }

    private static Integer smsCount(String body) {
        return JSON.readTree(body).get("messages").size();
    }

    /** The code of the first request SMS that arrived after the flow looked; nothing while none has. */
    private static Session takeTheCode(Session session) {
        JsonNode messages = JSON.readTree(session.getString("sms")).get("messages");
        for (int i = session.getInt("smsBefore"); i < messages.size(); i++) {
            Matcher code = REQUEST_CODE.matcher(messages.get(i).get("text").asString());
            if (code.find()) {
                return session.set("code", code.group(1));
            }
        }
        return session;
    }
}
