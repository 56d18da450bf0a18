package io.latchkey.democlient;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.latchkey.embedded.EmbeddedPostgresServer;
import io.latchkey.embedded.EmbeddedRedisServer;
import io.latchkey.testing.AppProcess;
import io.latchkey.testing.AuthServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium against the real servers: embedded PostgreSQL and Redis,
 * auth-server and resource-api as processes from their jars. Screenshots go to
 * target/screenshots, named after the test class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Keeps what each page's content security policy refused, for {@link #screenshot} to check. */
    private static final String RECORD_VIOLATIONS = "window.__violations = [];"
            + "document.addEventListener('securitypolicyviolation', e => window.__violations.push("
            + "e.effectiveDirective + ' refused ' + (e.blockedURI || 'inline') + ' on ' + e.documentURI));";

    EmbeddedPostgresServer postgres;
    EmbeddedRedisServer redis;
    AuthServerProcess authServer;
    AppProcess resourceApi;
    WebDriver browser;
    WebDriverWait wait;
    private int shot;

    /** Extra environment for auth-server (e.g. short-lived access tokens). */
    Map<String, String> authServerEnvironment() {
        return Map.of();
    }

    @BeforeAll
    void startServersAndBrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Skipped: no browser. Install Debian's chromium and chromium-driver (.ci/run does) to run the browser tests.");
        Path data = Files.createTempDirectory(Path.of("target"), "browser-");
        this.postgres = EmbeddedPostgresServer.start(data, 0);
        this.redis = EmbeddedRedisServer.start(data, 0);
        this.authServer = AuthServerProcess.start(this.postgres.getJdbcUrl(), this.redis.port(), null,
                authServerEnvironment());
        this.resourceApi = AppProcess.start("resource-api", Map.of(
                "SPRING_DATASOURCE_URL", this.postgres.getJdbcUrl(),
                "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATA_REDIS_HOST", "127.0.0.1",
                "SPRING_DATA_REDIS_PORT", Integer.toString(this.redis.port()),
                "LATCHKEY_RESOURCE_SERVER_ISSUER", this.authServer.baseUrl()));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-dev-shm-usage", "--no-first-run", "--window-size=1100,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        ChromeDriver chromium = new ChromeDriver(service, options);
        // NOTE: run by the browser before each document's own content, and never refused by its policy.
        chromium.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_VIOLATIONS));
        this.browser = chromium;
        this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
        this.wait.withMessage(this::whatThePageAndTheServersSaid);
        Files.createDirectories(Path.of("target", "screenshots"));
    }

    /** Runs after the subclass's own {@code @AfterAll}, so its app stops before the servers it uses. */
    @AfterAll
    void stopServersAndBrowser() throws Exception {
        if (this.browser != null) {
            this.browser.quit();
        }
        if (this.resourceApi != null) {
            this.resourceApi.close();
        }
        if (this.authServer != null) {
            this.authServer.close();
        }
        if (this.redis != null) {
            this.redis.close();
        }
        if (this.postgres != null) {
            this.postgres.close();
        }
    }

    void click(String id) {
        this.wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    void type(String id, String text) {
        WebElement field = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        field.clear();
        field.sendKeys(text);
    }

    String text(String id) {
        return this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
    }

    /** Added to a wait's timeout, so a failure on CI names its cause without the screenshots. */
    private String whatThePageAndTheServersSaid() {
        StringBuilder said = new StringBuilder("\nthe page says: ");
        try {
            said.append(this.browser.getTitle()).append(" | ");
            said.append("policy violations: ").append(policyViolations()).append(" | ");
            this.browser.findElements(By.cssSelector("h1, [role=alert]")).forEach(element -> said.append(element.getText()).append(" | "));
            saveScreenshot("timed-out");
        }
        catch (RuntimeException ex) {
            said.append("(unreadable: ").append(ex.getMessage()).append(')');
        }
        said.append("\nauth-server's last lines: ");
        try (var lines = Files.lines(this.authServer.log())) {
            List<String> all = lines.filter(line -> line.contains("latchkey.access") || line.contains(" WARN ") || line.contains("ERROR"))
                    .toList();
            all.subList(Math.max(0, all.size() - 6), all.size()).forEach(line -> said.append("\n  ").append(line));
        }
        catch (IOException ex) {
            said.append("(unreadable: ").append(ex.getMessage()).append(')');
        }
        return said.toString();
    }

    /** What the current page's content security policy refused: nothing, on every page of Latchkey and the demo. */
    Object policyViolations() {
        return ((ChromeDriver) this.browser).executeScript("return window.__violations || []");
    }

    /** Takes a screenshot of the page, which must have loaded with nothing refused by its policy. */
    void screenshot(String name) {
        Object refused = policyViolations();
        if (refused instanceof List<?> violations && !violations.isEmpty()) {
            throw new AssertionError("The page (" + name + ") broke its content security policy: " + violations);
        }
        saveScreenshot(name);
    }

    private void saveScreenshot(String name) {
        try {
            File file = ((ChromeDriver) this.browser).getScreenshotAs(OutputType.FILE);
            Files.copy(file.toPath(), Path.of("target", "screenshots",
                    String.format("%s-%02d-%s.png", getClass().getSimpleName(), ++this.shot, name)),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
