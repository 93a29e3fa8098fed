package org.wardwatch.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.wardwatch.core.config.WardWatchConfig;
import org.wardwatch.dashboard.demo.Demo;
import org.wardwatch.dashboard.demo.DemoPlatform;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The reviewer's whole day in a real browser, on the demo: sign in, filter the queue, open a case,
 * reveal an image behind its warning (and find that in the audit log), confirm, raise and email a
 * removal request, watch it turn to removed when the post is taken down and re-checked. An auditor
 * sees the provider figures and is refused every case. Each page is saved as a screenshot under
 * target/screenshots for a person to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    static final Path SHOTS = Path.of("target", "screenshots");

    Demo demo;
    ChromeDriver browser;
    String base;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        browser = Chromium.start(dir.resolve("profile"), 1366, 1000);
        WardWatchConfig c = WardWatchConfig.defaults();
        WardWatchConfig config = new WardWatchConfig(c.database(), c.media(), c.http(), c.crawl(), c.recheck(), c.digest(),
                new WardWatchConfig.Smtp("127.0.0.1", ServerSetupTest.SMTP.getPort(), "none", null, null, "wardwatch@fernhill.nhs.example"),
                c.retention(), c.removal(), c.classifier(), c.dashboard());
        demo = Demo.start(config, dir.resolve("data"), "127.0.0.1", 0, null, new PrintStream(new ByteArrayOutputStream()));
        base = "http://127.0.0.1:" + demo.web.port();
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.quit();
        if (demo != null) demo.close();
    }

    @Test
    void reviewerWorksACaseFromQueueToRemoval() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        signOut();
        browser.get(base + "/");
        shot("01-sign-in");
        signIn("reviewer");
        assertThat(browser.getCurrentUrl()).endsWith("/queue");
        List<WebElement> rows = browser.findElements(By.cssSelector("#queue-table tbody tr"));
        assertThat(rows).isNotEmpty();
        shot("02-queue");

        // the case to work: the riskiest open case with an image, on the platform we filter by
        long caseId = demo.context.database().jdbi().withHandle(h -> h.createQuery("""
                        SELECT c.id FROM cases c JOIN organisations o ON o.id = c.organisation_id
                        WHERE c.status = 'open' AND o.ods_code = 'RZF'
                          AND EXISTS (SELECT 1 FROM media m WHERE m.post_id = c.post_id AND m.file_path IS NOT NULL)
                        ORDER BY c.risk DESC, c.id DESC LIMIT 1""").mapTo(Long.class).one());
        String platform = demo.context.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT a.platform FROM cases c JOIN accounts a ON a.id = c.account_id WHERE c.id = :id")
                .bind("id", caseId).mapTo(String.class).one());

        new Select(browser.findElement(By.name("platform"))).selectByValue(platform);
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().contains("platform=" + platform));
        List<WebElement> filtered = browser.findElements(By.cssSelector("#queue-table tbody tr"));
        assertThat(filtered).isNotEmpty().allSatisfy(r -> assertThat(r.getText()).contains(platform));
        shot("03-queue-filtered");

        browser.findElement(By.cssSelector("tr[data-case='" + caseId + "'] a.case-link")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/cases/" + caseId));
        assertThat(browser.findElement(By.id("why-h")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector(".reasons-list li"))).isNotEmpty();
        shot("04-case");

        // reveal: a warning first, then the original, and an audit entry
        browser.findElement(By.cssSelector("a[id^=reveal-]")).click();
        wait.until(d -> d.findElements(By.id("reveal-confirm")).size() == 1);
        assertThat(browser.getPageSource()).contains("Content warning").doesNotContain("data:image");
        shot("05-reveal-warning");
        browser.findElement(By.id("reveal-confirm")).click();
        WebElement original = wait.until(d -> d.findElement(By.id("original")));
        assertThat(original.getAttribute("src")).startsWith("data:image/");
        Number width = (Number) browser.executeScript("return arguments[0].naturalWidth", original);
        assertThat(width.intValue()).isGreaterThan(100);
        shot("06-reveal-original");

        // confirm
        browser.get(base + "/cases/" + caseId);
        browser.findElement(By.id("confirm")).click();
        wait.until(d -> d.getPageSource().contains("Case " + caseId + " confirmed"));
        assertThat(browser.findElement(By.cssSelector("h1 .status")).getText()).isEqualTo("Confirmed");

        // raise a removal request from the template and send it
        browser.findElement(By.id("raise-request")).click();
        wait.until(d -> d.findElements(By.id("body")).size() == 1);
        String draft = browser.findElement(By.id("body")).getAttribute("value");
        assertThat(draft).contains("Caldicott");
        shot("07-request-form");
        browser.findElement(By.id("raise")).click();
        wait.until(d -> d.findElements(By.id("send-email")).size() == 1);
        shot("08-request-raised");
        browser.findElement(By.id("send-email")).click();
        wait.until(d -> d.findElement(By.id("request-status")).getText().equals("Sent"));
        assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
        var sent = mail.getReceivedMessages()[0];
        assertThat(sent.getAllRecipients()[0].toString()).isEqualTo("comms@fernhill.nhs.example");
        assertThat(GreenMailUtil.getBody(sent)).contains("Caldicott");
        shot("09-request-sent");

        // the owner takes the post down; the re-check finds it gone and the request flips to removed
        String permalink = demo.context.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT p.permalink FROM cases c JOIN posts p ON p.id = c.post_id WHERE c.id = :id")
                .bind("id", caseId).mapTo(String.class).one());
        // by the post's id, the permalink's last segment: a Bluesky post's permalink is on bsky.app, not the demo's AppView
        DemoPlatform.Post post = demo.platform.posts().stream()
                .filter(p -> lastSegment(permalink).equals(lastSegment(demo.platform.permalink(p))))
                .findFirst().orElseThrow(() -> new AssertionError(permalink + " is no demo post"));
        demo.platform.delete(post);
        Recheck.run(demo.context);
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("request-status")).getText()).isEqualTo("Removed");
        shot("10-request-removed");
        browser.get(base + "/cases/" + caseId);
        assertThat(browser.findElement(By.id("post-status")).getText()).startsWith("deleted");
        shot("11-case-resolved");
        browser.get(base + "/requests");
        shot("12-requests");
        browser.get(base + "/signals");
        shot("13-signals");

        // the audit log shows the reveal, with who
        signOut();
        signIn("admin");
        browser.get(base + "/admin/audit?action=reveal");
        String log = browser.findElement(By.id("audit-table")).getText();
        assertThat(log).contains("reviewer").contains("reveal").contains("case " + caseId);
        shot("14-audit-log");
        browser.get(base + "/accounts");
        assertThat(browser.findElements(By.cssSelector("#accounts-table tbody tr"))).hasSizeGreaterThanOrEqualTo(7);
        shot("15-accounts");
        browser.get(base + "/accounts/new");
        shot("16-account-form");
        browser.get(base + "/queue?status=all");
        shot("17-queue-admin-all");

        // the auditor: figures, never a case
        signOut();
        signIn("auditor");
        assertThat(browser.getCurrentUrl()).endsWith("/providers");
        assertThat(browser.findElement(By.id("providers-table")).getText()).contains("Fernhill");
        assertThat(browser.findElements(By.cssSelector("svg.chart"))).hasSize(1);
        assertThat(browser.getPageSource()).doesNotContain("/media/");
        shot("18-provider-audit");
        browser.get(base + "/cases/" + caseId);
        assertThat(browser.getPageSource()).contains("Not allowed");
        shot("19-auditor-refused");
    }

    @Test
    void pagesFitATabletScreen() throws Exception {
        WebDriver.Window window = browser.manage().window();
        window.setSize(new org.openqa.selenium.Dimension(834, 1112));
        try {
            signOut();
            signIn("reviewer");
            browser.get(base + "/queue?status=all");
            Number overflow = (Number) browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            shot("20-tablet-queue");
            long anyCase = demo.context.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT MIN(c.id) FROM cases c JOIN organisations o ON o.id = c.organisation_id WHERE o.ods_code = 'RZF'")
                    .mapTo(Long.class).one());
            browser.get(base + "/cases/" + anyCase);
            Number caseOverflow = (Number) browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            shot("21-tablet-case");
            assertThat(caseOverflow.intValue()).isLessThanOrEqualTo(0);
            assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
        } finally {
            window.setSize(new org.openqa.selenium.Dimension(1366, 1000));
        }
    }

    private void signIn(String user) {
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(demo.password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void signOut() {
        browser.get(base + "/");
        List<WebElement> out = browser.findElements(By.cssSelector(".who form button"));
        if (!out.isEmpty()) out.get(0).click();
        browser.manage().deleteAllCookies();
    }

    private void shot(String name) throws Exception {
        // full page: grow the window to the document's height for the picture
        Number h = (Number) browser.executeScript("return Math.max(document.body.scrollHeight, 600)");
        var size = browser.manage().window().getSize();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(size.width, Math.min(4000, h.intValue() + 140)));
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        browser.manage().window().setSize(size);
        Files.write(SHOTS.resolve(name + ".png"), png);
    }

    static String lastSegment(String url) {
        String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return u.substring(u.lastIndexOf('/') + 1);
    }
}
