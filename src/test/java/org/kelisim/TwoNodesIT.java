package org.kelisim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kelisim.signature.CmsSigning;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two nodes of the service on one PostgreSQL, as behind a load balancer: node A starts the embedded database, node B
 * is pointed at it as at an external one. Everything a node could keep to itself lives in the database, so a token
 * or a page session from one node serves on the other, and work queued by either (notification, issuance, expiry)
 * is done once, whichever node picks it up.
 */
class TwoNodesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String USER = "850715300003";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startTwoNodes() {
        nodeA = node(Map.of("kelisim.db.embedded-directory", ""));
        String url = ((HikariDataSource) nodeA.getBean(DataSource.class)).getJdbcUrl();
        nodeB = node(Map.of("kelisim.db.url", url, "kelisim.db.user", "postgres", "kelisim.db.password", ""));
        jdbc = JdbcClient.create(nodeA.getBean(DataSource.class));
    }

    @AfterAll
    static void stopBoth() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    /** Arguments, not default properties: those would lose to application.yml. */
    private static ConfigurableApplicationContext node(Map<String, String> database) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--kelisim.request.sweep-interval=PT1S"));
        database.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(KelisimApplication.class, ShiftedClock.Configuration.class)
                .profiles("test")
                .run(arguments.toArray(String[]::new));
    }

    @Test
    void aTokenAndAPageSessionFromOneNodeServeOnTheOther() throws Exception {
        String token = signIn(nodeA, "third-party-auth");
        String csrf = csrf(nodeA);
        String sessionToken = signIn(nodeA, "user-auth");
        String form = "accessToken=" + sessionToken + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        var signedIn = send(nodeA, HttpRequest.newBuilder()
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), "/signin");

        var me = send(nodeB, HttpRequest.newBuilder().header("Authorization", "Bearer " + token).GET(),
                "/api/v1/auth/me");
        var cabinet = send(nodeB, HttpRequest.newBuilder().GET(), "/cabinet");

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).path("iin").asString()).isEqualTo("680214300013");
        assertThat(cabinet.statusCode()).isEqualTo(200);
        assertThat(cabinet.body()).contains("id=\"signed-in-as\"");
    }

    @Test
    void requestsSentToEitherNodeAreNotifiedAndIssuedExactlyOnce() throws Exception {
        String bank = signIn(nodeA, "third-party-auth");
        String user = signIn(nodeB, "user-auth");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(submit(i % 2 == 0 ? nodeA : nodeB, bank));
        }

        for (int i = 0; i < ids.size(); i++) {
            var decided = call(i % 2 == 0 ? nodeB : nodeA, "POST", "/api/v1/me/requests/" + ids.get(i) + "/decision",
                    user, Map.of("allow", true));
            assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        }

        await().atMost(90, TimeUnit.SECONDS).until(() -> ids.stream().allMatch(id -> "ISSUED".equals(status(id))));
        for (String id : ids) {
            assertThat(audited(id, "request.issued")).as("issued once").isEqualTo(1);
            assertThat(audited(id, "certificate.issued")).as("rendered and sealed once").isEqualTo(1);
        }
        await().atMost(60, TimeUnit.SECONDS).until(() -> ids.stream().allMatch(id -> smsSent(id) == 2));
        for (String id : ids) {
            assertThat(jdbc.sql("SELECT count(*) FROM notification_outbox WHERE request_id = ? AND channel = 'SMS'")
                    .param(id(id)).query(Long.class).single()).as("one SMS in kk and one in ru").isEqualTo(2);
        }
    }

    @Test
    void overdueRequestsExpireOnceWhileBothNodesSweep() throws Exception {
        String bank = signIn(nodeB, "third-party-auth");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(submit(i % 2 == 0 ? nodeA : nodeB, bank));
        }

        nodeA.getBean(ShiftedClock.class).add(Duration.ofHours(2).plusMinutes(1));
        nodeB.getBean(ShiftedClock.class).add(Duration.ofHours(2).plusMinutes(1));
        try {
            await().atMost(60, TimeUnit.SECONDS)
                    .until(() -> ids.stream().allMatch(id -> "EXPIRED".equals(status(id))));
        } finally {
            nodeA.getBean(ShiftedClock.class).reset();
            nodeB.getBean(ShiftedClock.class).reset();
        }

        for (String id : ids) {
            assertThat(audited(id, "request.expired")).as("expired once").isEqualTo(1);
        }
    }

    // ---- the service's own records

    private static String status(String id) {
        return jdbc.sql("SELECT status FROM certificate_requests WHERE id = ?").param(id(id)).query(String.class)
                .single();
    }

    private static long audited(String id, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_entries WHERE request_id = ? AND action = ?")
                .param(id(id)).param(action).query(Long.class).single();
    }

    private static long smsSent(String id) {
        return jdbc.sql("SELECT count(*) FROM notification_outbox WHERE request_id = ? AND channel = 'SMS' "
                + "AND state = 'SENT'").param(id(id)).query(Long.class).single();
    }

    private static UUID id(String id) {
        return UUID.fromString(id);
    }

    // ---- an integrator's calls

    private String submit(ConfigurableApplicationContext node, String token) throws Exception {
        var draft = call(node, "POST", "/api/v1/requests/drafts", token, Map.of("iin", USER, "certificate",
                "ADDRESS"));
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        JsonNode drafted = JSON.readTree(draft.body());
        String cms = sign(node, "third-party-sign", Base64.getDecoder().decode(drafted.path("dataToSign")
                .asString()));
        var submitted = call(node, "POST", "/api/v1/requests", token, Map.of("draftId",
                drafted.path("draftId").asString(), "cms", cms));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        return JSON.readTree(submitted.body()).path("id").asString();
    }

    private String signIn(ConfigurableApplicationContext node, String alias) throws Exception {
        var challenge = call(node, "POST", "/api/v1/auth/challenge", null, null);
        byte[] nonce = Base64.getDecoder().decode(JSON.readTree(challenge.body()).path("nonce").asString());
        var token = call(node, "POST", "/api/v1/auth/token", null, Map.of("cms", sign(node, alias, nonce)));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return JSON.readTree(token.body()).path("accessToken").asString();
    }

    private String csrf(ConfigurableApplicationContext node) throws Exception {
        var matcher = CSRF.matcher(send(node, HttpRequest.newBuilder().GET(), "/signin").body());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private String sign(ConfigurableApplicationContext node, String alias, byte[] content) throws Exception {
        byte[] pkcs12 = http.send(HttpRequest.newBuilder(uri(node, "/demo/keys/" + alias + ".p12")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        var key = CmsSigning.readPkcs12(pkcs12, "kelisim-demo".toCharArray());
        return Base64.getEncoder().encodeToString(CmsSigning.sign(key, content, false));
    }

    private HttpResponse<String> call(ConfigurableApplicationContext node, String method, String path,
            String token, Object body) throws Exception {
        // Without cookies: an API client, which needs no CSRF token.
        var request = HttpRequest.newBuilder(uri(node, path)).timeout(Duration.ofSeconds(60)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(ConfigurableApplicationContext node, HttpRequest.Builder request, String path)
            throws Exception {
        return http.send(request.uri(uri(node, path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(ConfigurableApplicationContext node, String path) {
        int port = ((WebServerApplicationContext) node).getWebServer().getPort();
        return URI.create("http://localhost:" + port + path);
    }
}
