package org.kelisim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kelisim.request.MovableClock;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/**
 * The whole story in a real browser, in each language: the third party signs in through the embedded NCALayer,
 * checks an IIN, signs a request; the user answers on the demo phone or in the cabinet; the third party refreshes the
 * status and downloads the PDF; the verifier uploads it. Then refusal, expiry, an unregistered IIN, and attempts to
 * see another party's data. Screenshots of the main pages go to docs/screenshots/.
 */
@WebIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebJourneyIT {

    private static final String USER = "850715300003";
    private static final String USER_PORTAL = "900101400404";
    private static final String USER_MOBILE = "780923300019";
    private static final String UNREGISTERED = "010505500010";
    private static final Pattern CODE = Pattern.compile("Код запроса (\\d{4,6})");

    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    MessageSource messages;

    @Autowired
    MovableClock clock;

    @BeforeAll
    static void noBrowserYet() {
        browser = null;
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private Browser browser() {
        if (browser == null) {
            browser = new Browser(port);
        }
        return browser;
    }

    @Order(1)
    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"ru", "kk", "en"})
    void aCertificateIsRequestedAllowedDownloadedAndVerified(String language) throws Exception {
        Browser b = browser();
        b.open("/?lang=" + language);
        b.screenshot(language + "-home");
        b.open("/demo");
        b.screenshot(language + "-demo");
        b.open("/signin");
        b.screenshot(language + "-signin");

        String requester = "en".equals(language) ? "third-party" : "first-head";
        String subject = "kk".equals(language) ? USER_PORTAL : USER;
        signIn(requester, language);
        String requestPath = request(subject, "ADDRESS", language, true);

        if ("ru".equals(language)) {
            answerOnDemoPhone("user", "1", language);
            signOut();
            signIn("user", language);
            b.open("/cabinet");
            b.screenshot(language + "-cabinet");
            b.phoneScreenshot(language + "-cabinet-phone");
            b.open("/cabinet/access-log");
            b.screenshot(language + "-access-log");
            signOut();
            signIn(requester, language);
        } else {
            signOut();
            signIn("kk".equals(language) ? "user-portal" : "user", language);
            allowInCabinet(requestPath, language);
            signOut();
            signIn(requester, language);
        }

        b.open(requestPath);
        b.click("#refresh");
        b.awaitText("#status", text("web.status.ISSUED", language));
        assertThat(b.find("#download").isDisplayed()).isTrue();
        b.screenshot(language + "-step3-issued");
        byte[] pdf = download(b.find("#download").getDomAttribute("href"));
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        b.open("/history");
        assertThat(b.find("#history").getText()).contains(text("web.status.ISSUED", language));
        b.screenshot(language + "-history");
        signOut();

        Path file = Files.createTempFile("kelisim-certificate", ".pdf");
        Files.write(file, pdf);
        b.open("/verify");
        b.find("#pdf").sendKeys(file.toAbsolutePath().toString());
        b.click("#verify-file-button");
        b.awaitText("#verdict-text", text("web.verify.authentic", language));
        b.screenshot(language + "-verify-authentic");
        Files.delete(file);
        if ("ru".equals(language)) {
            verifyByTheQrLink(b.find("#verdict dd").getText().split(" ")[0], subject, language);
        }
    }

    /** The QR code's address fills in the number; the reader adds the IIN, which travels in a POST body. */
    private void verifyByTheQrLink(String number, String subject, String language) {
        Browser b = browser();
        b.open("/verify/" + number);
        assertThat(b.find("#number").getDomProperty("value")).isEqualTo(number);

        b.type("#identifier", UNREGISTERED);
        b.click("#verify-number-button");
        b.awaitText("#number-error", text("error.document_not_found", language));
        b.type("#identifier", subject);
        b.click("#verify-number-button");

        b.awaitText("#verdict-text", text("web.verify.authentic", language));
        assertThat(b.find("#verdict").getText()).contains(number, subject.substring(0, 6) + "******")
                .doesNotContain(subject);
    }

    @Test
    @Order(2)
    void aRefusalByDemoPhoneReachesTheStatusAndTheInbox() throws Exception {
        Browser b = browser();
        b.open("/?lang=ru");
        signIn("first-head", "ru");
        String requestPath = request(USER_MOBILE, "REAL_ESTATE_PRESENCE", "ru", false);

        answerOnDemoPhone("user-mobile", "0", "ru");

        b.open(requestPath);
        b.click("#refresh");
        b.awaitText("#status", text("web.status.DENIED", "ru"));
        b.open("/inbox");
        b.await(d -> d.findElements(By.cssSelector("#inbox li")).isEmpty() ? null : true);
        b.screenshot("ru-inbox");
        signOut();
    }

    @Test
    @Order(3)
    void anUnregisteredPersonCannotBeAskedAndABadIinIsExplainedNextToTheField() {
        Browser b = browser();
        b.open("/?lang=en");
        signIn("first-head", "en");
        b.open("/requests");

        b.type("#iin", UNREGISTERED);
        b.clickAndLoad("#check");
        assertThat(b.find("#registration-answer").getText()).isEqualTo(text("web.step1.neither", "en"));
        assertThat(b.exists("#sign-and-request")).isFalse();
        b.screenshot("en-step1-unregistered");

        b.type("#iin", "123456789012");
        b.clickAndLoad("#check");
        assertThat(b.find("#iin-error").getText()).isEqualTo(text("error.invalid_iin", "en"));
        assertThat(b.find("#iin").getDomAttribute("aria-invalid")).isEqualTo("true");
        signOut();
    }

    @Test
    @Order(4)
    void noPageShowsAnotherPartysData() throws Exception {
        Browser b = browser();
        b.open("/?lang=ru");
        signIn("first-head", "ru");
        String requestPath = request(USER, "REAL_ESTATE_RIGHTS", "ru", false);
        signOut();

        signIn("third-party", "ru");
        b.open(requestPath);
        assertThat(b.find("#refusal").getText()).isEqualTo(text("error.request_not_found", "ru"));
        assertThat(b.driver().getPageSource()).doesNotContain(USER);
        b.open(requestPath + "/status");
        assertThat(b.find("#refusal").getDomAttribute("data-code")).isEqualTo("request_not_found");
        b.open("/history");
        assertThat(b.driver().getPageSource()).doesNotContain(text("web.certificate.REAL_ESTATE_RIGHTS", "ru"));
        assertThat(status(requestPath.replace("/requests/", "/api/v1/requests/") + "/document")).isEqualTo(404);
        signOut();

        signIn("user-portal", "ru");
        b.open("/cabinet");
        assertThat(b.driver().getPageSource()).doesNotContain(text("web.certificate.REAL_ESTATE_RIGHTS", "ru"));
        String id = requestPath.substring("/requests/".length());
        b.driver().executeScript("var f = document.createElement('form'); f.method = 'post';"
                + "f.action = '/cabinet/' + arguments[0] + '/decision';"
                + "[['allow', 'true'], ['_csrf', document.querySelector('meta[name=_csrf]').content]].forEach("
                + "function (p) { var i = document.createElement('input'); i.type = 'hidden'; i.name = p[0];"
                + "i.value = p[1]; f.appendChild(i); });"
                + "document.body.appendChild(f); f.submit();", id);
        b.awaitText("#failure", text("error.request_not_found", "ru"));
        signOut();

        signIn("first-head", "ru");
        b.open(requestPath);
        assertThat(b.find("#status").getText()).isEqualTo(text("web.status.AWAITING_CONSENT", "ru"));
        signOut();

        b.open("/cabinet");
        assertThat(b.path()).startsWith("/signin");
    }

    @Test
    @Order(5)
    void anAnswerAfterTwoHoursIsNotCountedAndTheRequestExpires() throws Exception {
        Browser b = browser();
        b.open("/?lang=kk");
        signIn("first-head", "kk");
        String requestPath = request(USER, "REAL_ESTATE_PRESENCE", "kk", false);
        signOut();

        clock.advance(Duration.ofHours(2).plusMinutes(1));
        try {
            signIn("user", "kk");
            b.open("/cabinet");
            String article = "#request-" + requestPath.substring("/requests/".length());
            // The expiry sweep may have run already; if not, the late answer itself finds the deadline passed.
            if (b.exists(article + " .allow")) {
                b.awaitText(article + " .countdown", text("web.cabinet.over", "kk"));
                b.clickAndLoad(article + " .allow");
                assertThat(b.find("#failure").getText()).isIn(text("error.deadline_passed", "kk"),
                        text("error.already_decided", "kk"));
            }
            assertThat(b.find(article + " .status").getText()).isEqualTo(text("web.status.EXPIRED", "kk"));
            signOut();

            signIn("first-head", "kk");
            b.open(requestPath);
            b.awaitText("#status", text("web.status.EXPIRED", "kk"));
            signOut();
        } finally {
            clock.reset();
        }
    }

    @Test
    @Order(6)
    void signingFailuresAreExplainedInTheReadersLanguage() {
        Browser b = browser();
        b.open("/signin?person=revoked-key&lang=en");
        b.click("#signin-button");
        b.awaitText("#signin-error", text("error.certificate_revoked", "en"));
        assertThat(b.path()).startsWith("/signin");

        b.driver().executeScript("document.getElementById('signin-form').dataset.ncalayer = 'ws://127.0.0.1:9';");
        b.click("#signin-button");
        b.awaitText("#signin-error", text("web.ncalayer.notRunning", "en"));
        assertThat(b.find("#signin-error a").getDomAttribute("href")).isEqualTo("https://ncl.pki.gov.kz/");
        b.screenshot("en-signin-ncalayer-not-running");

        b.open("/signin?lang=en");
        b.driver().executeScript("var s = document.getElementById('demo-person');"
                + "s.options[0].value = 'nobody'; s.selectedIndex = 0;");
        b.click("#signin-button");
        b.awaitText("#signin-error", text("web.ncalayer.failed", "en"));
    }

    @Order(7)
    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"ru", "kk", "en"})
    void theOperatorSeesTheHealthOfEveryPartTheServiceLeansOn(String language) {
        Browser b = browser();
        signIn("first-head", language);

        b.open("/operator?lang=" + language);

        assertThat(partStatus("db")).isEqualTo("UP");
        assertThat(partStatus("registries")).isEqualTo("UP");
        assertThat(b.find("#part-registries").getText()).contains(text("web.operator.value.embedded", language));
        assertThat(partStatus("ocsp")).as("the demo CA's responder answered the sign-ins").isEqualTo("UP");
        assertThat(b.find("#part-ocsp").getText()).contains("/demo/ca/ocsp",
                text("web.operator.value.answering", language));
        assertThat(partStatus("crl")).isIn("UP", "UNKNOWN");
        assertThat(partStatus("smsCentre")).isEqualTo("UP");
        assertThat(b.find("#part-ocsp td").getText()).isEqualTo(text("web.operator.part.ocsp", language) + " ocsp");
        b.driver().executeScript("document.getElementById('count-ISSUED').textContent = '-1';"
                + "document.querySelector('#part-db [data-status]').dataset.status = 'DOWN';");
        b.await(d -> partStatus("db").equals("UP") && !b.find("#count-ISSUED").getText().equals("-1") ? true : null);
        assertThat(b.find("#operator-updated").getText()).startsWith(text("web.operator.updated", language));
        b.screenshot(language + "-operator");
        signOut();
    }

    @Test
    @Order(8)
    void everyPageMeetsWcagLevelAaAsAxeChecksIt() {
        Browser b = browser();
        Map<String, List<String>> violations = new LinkedHashMap<>();
        for (String language : new String[] {"kk", "ru", "en"}) {
            for (String page : new String[] {"/", "/signin", "/verify", "/demo"}) {
                b.open(page + "?lang=" + language);
                violations.put(language + " " + page, b.accessibilityViolations());
            }
        }
        signIn("first-head", "ru");
        for (String page : new String[] {"/requests", "/history", "/inbox", "/operator"}) {
            b.open(page);
            violations.put(page, b.accessibilityViolations());
        }
        b.open("/requests");
        b.type("#iin", USER);
        b.clickAndLoad("#check");
        violations.put("/requests, step 1 answered", b.accessibilityViolations());
        signOut();
        signIn("user", "ru");
        for (String page : new String[] {"/cabinet", "/cabinet/access-log"}) {
            b.open(page);
            violations.put(page, b.accessibilityViolations());
        }
        signOut();

        assertThat(violations).allSatisfy((page, found) -> assertThat(found).as(page).isEmpty());
    }

    private String partStatus(String part) {
        return browser().find("#part-" + part + " [data-status]").getDomAttribute("data-status");
    }

    private void signIn(String person, String language) {
        Browser b = browser();
        b.open("/signin?person=" + person);
        b.click("#signin-button");
        b.await(d -> d.getCurrentUrl().contains("/signin") ? null : true);
        assertThat(b.exists("#signed-in-as")).isTrue();
    }

    private void signOut() {
        browser().clickAndLoad("#signout");
        browser().await(d -> d.getCurrentUrl().endsWith("/") ? true : null);
    }

    /** Steps 1 and 2; returns the path of the status page (step 3). */
    private String request(String iin, String certificate, String language, boolean screenshots) {
        Browser b = browser();
        b.open("/requests");
        b.type("#iin", iin);
        b.clickAndLoad("#check");
        assertThat(b.find("#registration-answer").getAttribute("class")).contains("ok");
        b.click("#certificate-" + certificate);
        if (screenshots) {
            b.screenshot(language + "-step1");
        }
        b.clickAndLoad("#sign-and-request");
        assertThat(b.find("main").getText()).contains(text("web.step2.warning", language));
        if (screenshots) {
            b.screenshot(language + "-step2");
        }
        b.click("#sign-button");
        b.await(d -> d.getCurrentUrl().matches(".*/requests/[0-9a-f-]{36}$") ? true : null);
        assertThat(b.find("#status").getText()).isEqualTo(text("web.status.AWAITING_CONSENT", language));
        if (screenshots) {
            b.screenshot(language + "-step3");
        }
        return b.path();
    }

    private void answerOnDemoPhone(String role, String answer, String language) {
        Browser b = browser();
        b.open("/demo");
        String phone = "#person-" + role + " .phone";
        String sms = b.await(d -> {
            var found = d.findElements(By.cssSelector(phone + " .sms li"));
            return found.stream().map(item -> item.getText()).filter(text -> CODE.matcher(text).find())
                    .reduce((first, last) -> last).orElse(null);
        });
        var code = CODE.matcher(sms);
        assertThat(code.find()).isTrue();
        b.screenshot(language + "-demo-phone");
        b.type(phone + " input", answer + " " + code.group(1));
        b.click(phone + " button");
        b.await(d -> d.findElements(By.cssSelector(phone + " .sms li")).stream()
                .anyMatch(item -> item.getText().contains("Запрос " + code.group(1))) ? true : null);
    }

    private void allowInCabinet(String requestPath, String language) {
        Browser b = browser();
        b.open("/cabinet");
        b.screenshot(language + "-cabinet");
        b.clickAndLoad("#request-" + requestPath.substring("/requests/".length()) + " .allow");
        b.awaitText("#notice", text("web.cabinet.decided.APPROVED", language));
        b.open("/cabinet/access-log");
        assertThat(b.find("#access-log").getText()).contains(text("audit.action.request.created", language));
        b.screenshot(language + "-access-log");
    }

    private byte[] download(String path) throws IOException, InterruptedException {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(browser().base() + path))
                .header("Cookie", "KELISIM_SESSION=" + browser().cookie("KELISIM_SESSION")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private int status(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(browser().base() + path))
                .header("Cookie", "KELISIM_SESSION=" + browser().cookie("KELISIM_SESSION")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String text(String key, String language) {
        return messages.getMessage(key, null, Locale.forLanguageTag(language));
    }
}
