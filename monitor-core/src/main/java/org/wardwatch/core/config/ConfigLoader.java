package org.wardwatch.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;

/**
 * Reads {@code wardwatch.yaml}. Unknown keys, values of the wrong type and out-of-range values are
 * each reported as {@code file:line: problem}; nothing starts on a broken file.
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
        List<String> problems = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addHandler(new DeserializationProblemHandler() {
                    @Override
                    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                                                         JsonDeserializer<?> deserializer, Object bean, String name)
                            throws IOException {
                        String path = path(p.getParsingContext(), name);
                        problems.add(fileName + ":" + yaml.line(path) + ": unknown key '" + path + "'");
                        p.skipChildren();
                        return true;
                    }
                });
        WardWatchConfig config;
        try {
            config = yaml.root().isNull() ? WardWatchConfig.defaults() : mapper.treeToValue(yaml.root(), WardWatchConfig.class);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String why = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
            if (why.startsWith("Cannot deserialize value of type")) why = "wrong type of value (" + why.replaceAll(".*type `([^`]*)`.*", "$1").replaceAll(".*\\.", "") + " expected)";
            problems.add(fileName + ":" + yaml.line(path) + ": " + path + ": " + why);
            throw new ConfigException(problems);
        } catch (IOException | IllegalArgumentException e) {
            problems.add(fileName + ": " + e.getMessage());
            throw new ConfigException(problems);
        }
        validate(config, yaml, fileName, problems);
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return config;
    }

    private static void validate(WardWatchConfig c, YamlLines yaml, String file, List<String> problems) {
        Check check = (ok, path, message) -> {
            if (!ok) problems.add(file + ":" + yaml.line(path) + ": " + path + ": " + message);
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

    private static String path(JsonStreamContext ctx, String name) {
        List<String> parts = new ArrayList<>();
        parts.add(name);
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null && c != ctx) parts.add(0, c.getCurrentName());
            else if (c.inArray()) parts.set(0, "[" + c.getCurrentIndex() + "]" + (parts.get(0).startsWith("[") ? "" : ".") + parts.get(0));
        }
        return String.join(".", parts).replace(".[", "[");
    }

    @FunctionalInterface
    private interface Check {
        void that(boolean ok, String path, String message);
    }
}
