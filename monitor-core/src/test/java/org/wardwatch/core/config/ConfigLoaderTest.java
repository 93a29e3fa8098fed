package org.wardwatch.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    @Test
    void shippedConfigurationLoadsWithItsDefaults() throws Exception {
        Path shipped = Path.of("..", "config", "wardwatch.yaml");
        WardWatchConfig c = ConfigLoader.load(shipped);
        assertThat(c).isEqualTo(WardWatchConfig.defaults());
        assertThat(c.database().embedded()).isTrue();
        assertThat(c.http().userAgent()).contains("mailto:");
        assertThat(c.digest().cron()).isEqualTo("0 0 8 ? * MON");
        assertThat(c.dashboard().port()).isEqualTo(7070);
    }

    @Test
    void emptyFileMeansDefaults() throws Exception {
        assertThat(ConfigLoader.parse("", "w.yaml")).isEqualTo(WardWatchConfig.defaults());
    }

    @Test
    void unknownKeyIsReportedWithItsLine() {
        String yaml = "http:\n  timeoutSeconds: 5\n  speed: 9\ncrawl:\n  paralel: 2\n";
        assertThatThrownBy(() -> ConfigLoader.parse(yaml, "w.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .containsExactly("w.yaml:3: unknown key 'http.speed'", "w.yaml:5: unknown key 'crawl.paralel'"));
    }

    @Test
    void wrongTypeNamesKeyAndLine() {
        String yaml = "# comment\ndashboard:\n  port: seventy\n";
        assertThatThrownBy(() -> ConfigLoader.parse(yaml, "w.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().get(0)).startsWith("w.yaml:3: dashboard.port:");
                });
    }

    @Test
    void everyBadValueIsReportedAtOnce() {
        String yaml = "smtp:\n  security: ssl3\n  port: 0\ndigest:\n  zone: Mars/Olympus\nhttp:\n  userAgent: curl\n";
        assertThatThrownBy(() -> ConfigLoader.parse(yaml, "w.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "w.yaml:2: smtp.security: must be none, starttls or tls",
                        "w.yaml:3: smtp.port: must be a port number",
                        "w.yaml:5: digest.zone: unknown time zone 'Mars/Olympus'",
                        "w.yaml:7: http.userAgent: must carry a contact address (an email or URL) so site owners can reach you"));
    }

    @Test
    void brokenYamlSaysWhere() {
        assertThatThrownBy(() -> ConfigLoader.parse("http:\n  timeoutSeconds: [1,\n", "w.yaml"))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.problems().get(0)).matches("w\\.yaml:\\d+: not valid YAML: .+"));
    }

    @Test
    void missingFileIsOneLine() {
        assertThatThrownBy(() -> ConfigLoader.load(Path.of("no/such.yaml")))
                .hasMessage("no/such.yaml: no such file");
    }

    @Test
    void everyTypeErrorIsReportedNotOnlyTheFirst() {
        String yaml = "dashboard:\n  port: seventy\ncrawl:\n  parallel: many\n  firstCrawlDays: [1, 2]\nhttp:\n  allowPrivateAddresses: perhaps\n";
        assertThatThrownBy(() -> ConfigLoader.parse(yaml, "w.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "w.yaml:2: dashboard.port: wrong type of value (a whole number expected, got 'seventy')",
                        "w.yaml:4: crawl.parallel: wrong type of value (a whole number expected, got 'many')",
                        "w.yaml:5: crawl.firstCrawlDays: wrong type of value (a whole number expected, got a list)",
                        "w.yaml:7: http.allowPrivateAddresses: wrong type of value (true or false expected, got 'perhaps')"));
    }

    @Test
    void typeErrorsUnknownKeysAndBadValuesAreReportedTogetherInFileOrder() {
        String yaml = "databse:\n  url: jdbc:h2:mem:x\ndashboard:\n  port: seventy\nsmtp:\n  security: ssl3\n";
        assertThatThrownBy(() -> ConfigLoader.parse(yaml, "w.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "w.yaml:1: unknown key 'databse'",
                        "w.yaml:4: dashboard.port: wrong type of value (a whole number expected, got 'seventy')",
                        "w.yaml:6: smtp.security: must be none, starttls or tls"));
    }

    @Test
    void unknownKeyIsNamedByItsPathOnce() {
        String yaml = "database:\n  url: \"\"\n  databse:\n    url: x\nhttp:\n  http: 1\n";
        assertThatThrownBy(() -> ConfigLoader.parse(yaml, "w.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "w.yaml:3: unknown key 'database.databse'", "w.yaml:6: unknown key 'http.http'"));
    }

    @Test
    void aTabInTheIndentationIsReportedOnItsOwnLine() {
        String yaml = "# settings\ndashboard:\n  port: 7070\ncrawl:\n\tparallel: 2\n  firstCrawlDays: 3\nhttp:\n \tretries: 1\n";
        assertThatThrownBy(() -> ConfigLoader.parse(yaml, "w.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "w.yaml:5: a tab in the indentation (YAML indents with spaces only)",
                        "w.yaml:8: a tab in the indentation (YAML indents with spaces only)"));
    }

    @Test
    void aTabInsideAValueIsNoIndentationError() throws Exception {
        WardWatchConfig c = ConfigLoader.parse("smtp:\n  from: \"a\tb@example.org\"\n", "w.yaml");
        assertThat(c.smtp().from()).isEqualTo("a\tb@example.org");
    }

    @Test
    void aListExpectedInsideAMapIsNamedByItsFullPath() {
        String yaml = "digest:\n  extraRecipients:\n    RXN: ig@example.org\n    RX4: [a@example.org]\n";
        assertThatThrownBy(() -> ConfigLoader.parse(yaml, "w.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "w.yaml:3: digest.extraRecipients.RXN: wrong type of value (a list expected, got 'ig@example.org')"));
    }
}
