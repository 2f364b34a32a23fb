package org.kelisim.web;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's, through its own chromedriver: Selenium Manager cannot download here) for a whole
 * test class, with the few moves the browser tests make.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("docs", "screenshots");

    private static String axeSource;

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;

    Browser(int port) {
        try {
            profile = Files.createTempDirectory("kelisim-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,1000");
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        base = "http://localhost:" + port;
    }

    ChromeDriver driver() {
        return driver;
    }

    /**
     * What Deque's axe-core finds wrong with the page open now, against WCAG 2.1 levels A and AA (labels, names,
     * contrast, landmarks, language, ...), one line per rule broken: the rule, its impact and where.
     */
    @SuppressWarnings("unchecked")
    List<String> accessibilityViolations() {
        driver.executeScript(axe());
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return (List<String>) driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                  .then(function (result) {
                    done(result.violations.map(function (v) {
                      return v.id + ' (' + v.impact + '): ' + v.nodes.map(function (n) {
                        return n.target.join(' ');
                      }).join(', ');
                    }));
                  })
                  .catch(function (e) { done(['axe did not run: ' + e]); });
                """);
    }

    private static String axe() {
        if (axeSource == null) {
            try (InputStream in = Browser.class.getResourceAsStream("/axe.min.js")) {
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }

    String base() {
        return base;
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    boolean exists(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    void click(String css) {
        find(css).click();
    }

    /** Clicks what submits a form or follows a link, and waits until the next page replaced this one. */
    void clickAndLoad(String css) {
        WebElement element = find(css);
        element.click();
        await(d -> {
            try {
                element.isEnabled();
                return null;
            } catch (WebDriverException gone) {
                // stale, or its node already left the document while the next page loads
                return true;
            }
        });
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    <T> T await(Function<WebDriver, T> condition) {
        // Scripts re-render lists while the test reads them: a stale element means "look again".
        return new WebDriverWait(driver, Duration.ofSeconds(60))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    String awaitText(String css, String expected) {
        return await(d -> {
            var found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && found.get(0).getText().contains(expected) ? found.get(0).getText() : null;
        });
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    String cookie(String name) {
        var cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    /** A screenshot for the documentation, written to docs/screenshots/. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), capture());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A screenshot is documentation, not a check: on a machine loaded enough that the renderer misses Chromium's
     * screenshot deadline, it is tried again once before the test gives up.
     */
    private byte[] capture() {
        try {
            return driver.getScreenshotAs(OutputType.BYTES);
        } catch (WebDriverException missedTheDeadline) {
            return driver.getScreenshotAs(OutputType.BYTES);
        }
    }

    /** The same page at a phone's width. */
    void phoneScreenshot(String name) {
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            screenshot(name);
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a temporary directory left behind harms nothing
        }
    }
}
