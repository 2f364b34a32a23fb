package org.kelisim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kelisim.signature.CmsSigning;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sessions, CSRF, the Content-Security-Policy, who may open which page, and the embedded NCALayer signer. */
@WebIntegrationTest
class PageSecurityIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    /** A browser-like client: keeps its cookies, follows no redirects. */
    final class Visitor {

        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,*/*;q=0.8").build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String contentType, String body, String csrf)
                throws IOException, InterruptedException {
            var request = HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (csrf != null) {
                request.header("X-CSRF-TOKEN", csrf);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        String csrf() throws IOException, InterruptedException {
            var matcher = CSRF.matcher(get("/signin").body());
            assertThat(matcher.find()).isTrue();
            return matcher.group(1);
        }

        /** Signs in as the demo person, as the sign-in page's script does, and says where the page sent it. */
        String signIn(String person) throws Exception {
            String csrf = csrf();
            String nonce = JSON.readTree(post("/api/v1/auth/challenge", "application/json", "", csrf).body())
                    .path("nonce").asString();
            byte[] pkcs12 = http.send(HttpRequest.newBuilder(uri("/demo/keys/" + person + "-auth.p12")).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            var key = CmsSigning.readPkcs12(pkcs12, "kelisim-demo".toCharArray());
            String cms = Base64.getEncoder().encodeToString(CmsSigning.sign(key, Base64.getDecoder().decode(nonce),
                    false));
            String token = JSON.readTree(post("/api/v1/auth/token", "application/json",
                    "{\"cms\":\"" + cms + "\"}", csrf).body()).path("accessToken").asString();
            var signedIn = post("/signin", "application/x-www-form-urlencoded",
                    "accessToken=" + token + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8), null);
            assertThat(signedIn.statusCode()).isEqualTo(302);
            return signedIn.headers().firstValue("Location").orElseThrow();
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @Nested
    class EveryPage {

        @Test
        void allowsScriptsAndStylesFromTheApplicationsOwnFilesOnly() throws Exception {
            var page = new Visitor().get("/");

            String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(policy).contains("script-src 'self';", "style-src 'self';", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(page.body()).doesNotContain("<script>", "style=\"", "onclick=");
        }

        @Test
        void keepsItsSessionInAnHttpOnlySameSiteCookie() throws Exception {
            var page = new Visitor().get("/signin");

            assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                    .startsWith("KELISIM_SESSION=").contains("HttpOnly", "SameSite=Lax"));
        }
    }

    @Nested
    class SigningIn {

        @Test
        void keepsTheSignedInPartyInANewSession() throws Exception {
            var visitor = new Visitor();
            visitor.csrf();
            String before = visitor.http.cookieHandler().orElseThrow().get(uri("/"), java.util.Map.of())
                    .get("Cookie").toString();

            assertThat(visitor.signIn("first-head")).endsWith("/requests");

            assertThat(visitor.get("/requests").statusCode()).isEqualTo(200);
            String after = visitor.http.cookieHandler().orElseThrow().get(uri("/"), java.util.Map.of())
                    .get("Cookie").toString();
            assertThat(after).isNotEqualTo(before);
        }

        @Test
        void recordsTheTokensSignInAndTheSessionsOpeningInTheAuditTrail() throws Exception {
            long before = jdbc.sql("SELECT coalesce(max(sequence), 0) FROM audit_entries").query(Long.class).single();

            new Visitor().signIn("first-head");

            assertThat(jdbc.sql("""
                    SELECT action FROM audit_entries WHERE sequence > ? AND actor_id = ? AND subject_iin IS NULL
                    ORDER BY sequence""")
                    .params(before, WebIntegrationTest.OPERATOR).query(String.class).list())
                    .containsExactly("signin.token", "signin.session");
        }

        @Test
        void knowsNoPasswordsNorAnyUserToCheckThemAgainst() throws Exception {
            var withPassword = new Visitor().http.send(HttpRequest.newBuilder(uri("/api/v1/auth/me"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "user:password".getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
            assertThat(withPassword.statusCode()).isEqualTo(401);
        }

        @Test
        void replacesTheCsrfTokenSeenBeforeSigningIn() throws Exception {
            var visitor = new Visitor();
            String before = visitor.csrf();
            visitor.signIn("user");

            var withOldToken = visitor.post("/signout", "application/x-www-form-urlencoded",
                    "_csrf=" + URLEncoder.encode(before, StandardCharsets.UTF_8), null);

            assertThat(withOldToken.statusCode()).isEqualTo(403);
            assertThat(visitor.get("/cabinet").statusCode()).isEqualTo(200);
        }

        @Test
        void refusesAFormWithoutTheCsrfToken() throws Exception {
            var visitor = new Visitor();
            visitor.csrf();

            var answer = visitor.post("/signin", "application/x-www-form-urlencoded", "accessToken=x", null);

            assertThat(answer.statusCode()).isEqualTo(403);
        }

        @Test
        void refusesATokenItDidNotIssueAndOpensNoSession() throws Exception {
            var visitor = new Visitor();
            String csrf = visitor.csrf();

            var answer = visitor.post("/signin", "application/x-www-form-urlencoded",
                    "accessToken=forged&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8), null);

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("id=\"signin-error\"").doesNotContain("id=\"signed-in-as\"");
            assertThat(visitor.get("/requests").statusCode()).isEqualTo(302);
        }

        @Test
        void endsTheSessionOnSignOut() throws Exception {
            var visitor = new Visitor();
            visitor.signIn("user");
            var cabinet = visitor.get("/cabinet");
            var csrf = CSRF.matcher(cabinet.body());
            assertThat(csrf.find()).isTrue();

            visitor.post("/signout", "application/x-www-form-urlencoded",
                    "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8), null);

            assertThat(visitor.get("/cabinet").headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/signin"));
        }
    }

    @Nested
    class TheApiWithASessionCookie {

        @Test
        void wantsTheCsrfTokenForAChange() throws Exception {
            var visitor = new Visitor();
            visitor.csrf();

            assertThat(visitor.post("/api/v1/auth/challenge", "application/json", "", null).statusCode())
                    .isEqualTo(403);
        }

        @Test
        void needsNoCsrfTokenWithoutCookies() throws Exception {
            var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/v1/auth/challenge"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(200);
        }

        @Test
        void actsForTheSignedInParty() throws Exception {
            var visitor = new Visitor();
            visitor.signIn("user");

            var me = JSON.readTree(visitor.get("/api/v1/auth/me").body());

            assertThat(me.path("iin").asString()).isEqualTo("850715300003");
        }
    }

    @Nested
    class TheApiWithABearerToken {

        @Test
        void opensNoSessionForAnIntegrator() throws Exception {
            var integrator = new Visitor();
            String token = bearerToken(integrator, "third-party");

            var me = integrator.http.send(HttpRequest.newBuilder(uri("/api/v1/auth/me"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.headers().allValues("Set-Cookie")).isEmpty();
        }

        @Test
        void leavesACookieKeepingClientFreeToVerifyWithoutAToken() throws Exception {
            var integrator = new Visitor();
            String token = bearerToken(integrator, "third-party");
            integrator.http.send(HttpRequest.newBuilder(uri("/api/v1/registration/850715300003"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());

            var verdict = integrator.post("/api/v1/verification", "application/pdf", "%PDF-1.7", null);

            assertThat(verdict.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(verdict.body()).path("authentic").asBoolean()).isFalse();
        }

        /** Signs in as an integrator does: a challenge signed with the demo key, no page, no CSRF token. */
        private String bearerToken(Visitor integrator, String person) throws Exception {
            String nonce = JSON.readTree(integrator.post("/api/v1/auth/challenge", "application/json", "", null)
                    .body()).path("nonce").asString();
            byte[] pkcs12 = integrator.http.send(HttpRequest.newBuilder(uri("/demo/keys/" + person + "-auth.p12"))
                    .build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            var key = CmsSigning.readPkcs12(pkcs12, "kelisim-demo".toCharArray());
            String cms = Base64.getEncoder().encodeToString(CmsSigning.sign(key, Base64.getDecoder().decode(nonce),
                    false));
            var answer = integrator.post("/api/v1/auth/token", "application/json", "{\"cms\":\"" + cms + "\"}",
                    null);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return JSON.readTree(answer.body()).path("accessToken").asString();
        }
    }

    @Nested
    class WhoMayOpenWhat {

        @Test
        void sendsAnonymousVisitorsOfPrivatePagesToSignIn() throws Exception {
            var visitor = new Visitor();

            for (String page : new String[] {"/requests", "/history", "/inbox", "/cabinet", "/operator"}) {
                assertThat(visitor.get(page).headers().firstValue("Location")).hasValueSatisfying(
                        location -> assertThat(location).endsWith("/signin"));
            }
        }

        @Test
        void keepsTheCabinetForIndividuals() throws Exception {
            var visitor = new Visitor();
            visitor.signIn("first-head");

            var cabinet = visitor.get("/cabinet");

            assertThat(cabinet.statusCode()).isEqualTo(403);
            assertThat(cabinet.body()).contains("id=\"error-text\"");
        }

        @Test
        void opensTheOperatorPageToConfiguredOperatorsOnly() throws Exception {
            var operator = new Visitor();
            operator.signIn("first-head");
            var other = new Visitor();
            other.signIn("third-party");

            assertThat(operator.get("/operator").statusCode()).isEqualTo(200);
            assertThat(operator.get("/operator").body()).contains("id=\"health\"", "id=\"part-db\"",
                    "id=\"part-registries\"", "id=\"part-ocsp\"", "id=\"part-crl\"", "id=\"part-smsCentre\"",
                    "id=\"requests-by-status\"", "id=\"sms-queue\"");
            assertThat(other.get("/operator").statusCode()).isEqualTo(403);
        }

        @Test
        void givesTheOperatorsSummaryToOperatorsOnly() throws Exception {
            var operator = new Visitor();
            operator.signIn("first-head");
            var other = new Visitor();
            other.signIn("third-party");

            var summary = JSON.readTree(operator.get("/api/v1/operator/summary").body());

            assertThat(summary.path("requests").has("AWAITING_CONSENT")).isTrue();
            assertThat(summary.path("sms").path("bound").asBoolean()).isTrue();
            assertThat(summary.path("parts").path("db").asString()).isEqualTo("UP");
            assertThat(summary.path("parts").path("registries").asString()).isEqualTo("UP");
            assertThat(summary.path("parts").has("ocsp")).isTrue();
            assertThat(other.get("/api/v1/operator/summary").statusCode()).isEqualTo(403);
            assertThat(new Visitor().get("/api/v1/operator/summary").statusCode()).isEqualTo(401);
        }

        @Test
        void letsAnyoneVerify() throws Exception {
            assertThat(new Visitor().get("/verify").statusCode()).isEqualTo(200);
            assertThat(new Visitor().get("/verify/KLS-0000-0000").body()).contains("value=\"KLS-0000-0000\"");
        }
    }

    @Nested
    class TheEmbeddedNcaLayer {

        @Test
        void signsWithTheChosenPersonsKeyInNcaLayersProtocol() throws Exception {
            String data = Base64.getEncoder().encodeToString("kelisim".getBytes(StandardCharsets.US_ASCII));

            JsonNode answer = ask("first-head", "{\"module\":\"kz.gov.pki.knca.basics\",\"method\":\"sign\","
                    + "\"args\":{\"allowedStorages\":[\"PKCS12\"],\"format\":\"cms\",\"data\":\"" + data + "\","
                    + "\"signingParams\":{\"decode\":true,\"encapsulate\":true,\"digested\":false},"
                    + "\"signerParams\":{\"extKeyUsageOids\":[\"1.3.6.1.5.5.7.3.4\"],\"chain\":[]},"
                    + "\"locale\":\"ru\"}}");

            assertThat(answer.path("status").asBoolean()).isTrue();
            byte[] cms = Base64.getDecoder().decode(answer.path("body").path("result").get(0).asString());
            assertThat(new String(cms, StandardCharsets.ISO_8859_1)).contains("kelisim");
        }

        @Test
        void signsXmlThatTheSignInAccepts() throws Exception {
            var visitor = new Visitor();
            String csrf = visitor.csrf();
            String nonce = JSON.readTree(visitor.post("/api/v1/auth/challenge", "application/json", "", csrf)
                    .body()).path("nonce").asString();
            String login = "<login><nonce>" + nonce + "</nonce></login>";

            JsonNode answer = ask("user", "{\"module\":\"kz.gov.pki.knca.basics\",\"method\":\"sign\","
                    + "\"args\":{\"allowedStorages\":[\"PKCS12\"],\"format\":\"xml\",\"data\":\"" + login
                    + "\",\"signingParams\":{\"decode\":false,\"encapsulate\":true,\"digested\":false},"
                    + "\"signerParams\":{\"extKeyUsageOids\":[\"1.3.6.1.5.5.7.3.2\"],\"chain\":[]}}}");
            String xml = answer.path("body").path("result").get(0).asString();
            var token = visitor.post("/api/v1/auth/token", "application/json",
                    JSON.writeValueAsString(java.util.Map.of("xml", xml)), csrf);

            assertThat(token.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(token.body()).path("subject").path("iin").asString()).isEqualTo("850715300003");
        }

        @Test
        void answersAnUnknownMethodWithAFailure() throws Exception {
            JsonNode answer = ask("first-head", "{\"module\":\"kz.gov.pki.knca.commonUtils\",\"method\":\"x\"}");

            assertThat(answer.path("status").asBoolean()).isFalse();
            assertThat(answer.path("code").asString()).isEqualTo("UNKNOWN_METHOD");
        }

        @Test
        void refusesAPageOfAnotherOrigin() {
            var connecting = HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", "https://evil.example")
                    .buildAsync(URI.create("ws://localhost:" + port + "/demo/ncalayer?person=user"),
                            new WebSocket.Listener() { });

            assertThat(connecting).failsWithin(10, TimeUnit.SECONDS);
        }

        private JsonNode ask(String person, String request) throws Exception {
            var messages = new LinkedBlockingQueue<String>();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://localhost:" + port + "/demo/ncalayer?person=" + person),
                            new WebSocket.Listener() {
                                private final StringBuilder text = new StringBuilder();

                                @Override
                                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data,
                                        boolean last) {
                                    text.append(data);
                                    if (last) {
                                        messages.add(text.toString());
                                        text.setLength(0);
                                    }
                                    webSocket.request(1);
                                    return CompletableFuture.completedFuture(null);
                                }
                            })
                    .get(10, TimeUnit.SECONDS);
            try {
                assertThat(JSON.readTree(messages.poll(10, TimeUnit.SECONDS)).path("result").path("version")
                        .isMissingNode()).isFalse();
                socket.sendText(request, true);
                return JSON.readTree(messages.poll(30, TimeUnit.SECONDS));
            } finally {
                socket.abort();
            }
        }
    }
}
