package org.wardwatch.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads {@code wardwatch.yaml}. Unknown keys, values of the wrong type and out-of-range values are
 * each reported as {@code file:line: problem}, all of them in one run and in file order; nothing
 * starts on a broken file.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    public static WardWatchConfig load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(file + ": unreadable: " + e.getMessage());
        }
        return parse(text, file.getFileName().toString());
    }

    public static WardWatchConfig parse(String text, String fileName) throws ConfigException {
        YamlLines yaml = YamlLines.parse(text, fileName);
        List<Problem> problems = new ArrayList<>();
        WardWatchConfig config;
        if (yaml.root().isNull()) {
            config = WardWatchConfig.defaults();
        } else if (!(yaml.root() instanceof ObjectNode root)) {
            throw new ConfigException(fileName + ":1: expected sections of keys such as 'database:' and 'http:'");
        } else {
            ObjectNode tree = root.deepCopy();
            for (ConfigShape.Problem p : ConfigShape.check(tree, WardWatchConfig.class)) {
                problems.add(new Problem(yaml.line(p.path()), fileName + ":" + yaml.line(p.path()) + ": " + p.message()));
            }
            try {
                config = new ObjectMapper().treeToValue(tree, WardWatchConfig.class);
            } catch (IOException | IllegalArgumentException e) {
                // the shape check took out what does not fit, so this is a value the records refuse
                String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
                problems.add(new Problem(0, fileName + ": " + String.valueOf(why).lines().findFirst().orElse("")));
                throw failure(problems);
            }
        }
        validate(config, yaml, fileName, problems);
        if (!problems.isEmpty()) throw failure(problems);
        return config;
    }

    /** One problem and its line, so that problems found by different checks are reported in file order. */
    private record Problem(int line, String text) {
    }

    private static ConfigException failure(List<Problem> problems) {
        return new ConfigException(problems.stream().sorted(java.util.Comparator.comparingInt(Problem::line))
                .map(Problem::text).toList());
    }

    private static void validate(WardWatchConfig c, YamlLines yaml, String file, List<Problem> problems) {
        Check check = (ok, path, message) -> {
            if (!ok) problems.add(new Problem(yaml.line(path), file + ":" + yaml.line(path) + ": " + path + ": " + message));
        };
        check.that(c.database().url() == null || c.database().url().startsWith("jdbc:h2:")
                || c.database().url().startsWith("jdbc:postgresql:"), "database.url", "must be a jdbc:h2: or jdbc:postgresql: URL");
        check.that(c.database().poolSize() >= 1, "database.poolSize", "must be at least 1");
        check.that(c.media().maxBytes() > 0, "media.maxBytes", "must be positive");
        check.that(c.http().userAgent().contains("@") || c.http().userAgent().contains("http"), "http.userAgent",
                "must carry a contact address (an email or URL) so site owners can reach you");
        check.that(c.http().timeoutSeconds() > 0, "http.timeoutSeconds", "must be positive");
        check.that(c.http().requestsPerSecondPerHost() > 0, "http.requestsPerSecondPerHost", "must be positive");
        check.that(c.http().maxRedirects() >= 0, "http.maxRedirects", "must not be negative");
        check.that(c.http().retries() >= 0, "http.retries", "must not be negative");
        check.that(c.http().callTimeoutSeconds() > 0, "http.callTimeoutSeconds", "must be positive");
        check.that(c.crawl().intervalMinutes() >= 1, "crawl.intervalMinutes", "must be at least 1");
        check.that(c.crawl().jitterMinutes() >= 0, "crawl.jitterMinutes", "must not be negative");
        check.that(c.crawl().parallel() >= 1, "crawl.parallel", "must be at least 1");
        check.that(c.crawl().firstCrawlDays() >= 1, "crawl.firstCrawlDays", "must be at least 1");
        check.that(c.crawl().firstCrawlMaxPosts() >= 1, "crawl.firstCrawlMaxPosts", "must be at least 1");
        check.that(c.crawl().accountTimeoutSeconds() >= 1, "crawl.accountTimeoutSeconds", "must be at least 1");
        check.that(c.recheck().intervalMinutes() >= 1, "recheck.intervalMinutes", "must be at least 1");
        check.that(validZone(c.digest().zone()), "digest.zone", "unknown time zone '" + c.digest().zone() + "'");
        check.that(org.quartz.CronExpression.isValidExpression(c.digest().cron()), "digest.cron",
                "not a Quartz cron expression: '" + c.digest().cron() + "'");
        check.that(List.of("none", "starttls", "tls").contains(c.smtp().security()), "smtp.security",
                "must be none, starttls or tls");
        check.that(c.smtp().port() > 0 && c.smtp().port() < 65536, "smtp.port", "must be a port number");
        check.that(c.smtp().from().contains("@"), "smtp.from", "must be an email address");
        check.that(c.retention().resolvedMediaDays() >= 0, "retention.resolvedMediaDays", "must not be negative");
        check.that(c.removal().dueDays() >= 1, "removal.dueDays", "must be at least 1");
        check.that(c.classifier().flagThreshold() >= 0 && c.classifier().flagThreshold() <= 1,
                "classifier.flagThreshold", "must be between 0 and 1");
        check.that(c.dashboard().port() > 0 && c.dashboard().port() < 65536, "dashboard.port", "must be a port number");
    }

    private static boolean validZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @FunctionalInterface
    private interface Check {
        void that(boolean ok, String path, String message);
    }
}
