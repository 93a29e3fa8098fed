package org.wardwatch.core.config;

import java.util.List;
import java.util.Map;

/**
 * Everything {@code config/wardwatch.yaml} can say. Every key is optional: a missing key takes the
 * default written here, which is also what the shipped file shows. Secrets can come from the
 * environment instead of the file (see {@link Secrets}).
 */
public record WardWatchConfig(Database database, Media media, Http http, Crawl crawl, Recheck recheck,
                              Digest digest, Smtp smtp, Retention retention, Removal removal,
                              Classifier classifier, Dashboard dashboard) {

    public WardWatchConfig {
        database = database == null ? new Database(null, null, null, null) : database;
        media = media == null ? new Media(null, null) : media;
        http = http == null ? new Http(null, null, null, null, null, null, null, null) : http;
        crawl = crawl == null ? new Crawl(null, null, null, null, null, null, null) : crawl;
        recheck = recheck == null ? new Recheck(null) : recheck;
        digest = digest == null ? new Digest(null, null, null, null) : digest;
        smtp = smtp == null ? new Smtp(null, null, null, null, null, null) : smtp;
        retention = retention == null ? new Retention(null) : retention;
        removal = removal == null ? new Removal(null) : removal;
        classifier = classifier == null ? new Classifier(null, null) : classifier;
        dashboard = dashboard == null ? new Dashboard(null, null) : dashboard;
    }

    public static WardWatchConfig defaults() {
        return new WardWatchConfig(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** @param url empty means the embedded H2 database under the data directory */
    public record Database(String url, String user, String password, Integer poolSize) {
        public Database {
            url = blankToNull(url);
            user = blankToNull(user);
            password = blankToNull(password);
            poolSize = poolSize == null ? 8 : poolSize;
        }

        public boolean embedded() {
            return url == null;
        }
    }

    /** @param keyFile empty means {@code <data>/media.key}, created on first use */
    public record Media(String keyFile, Long maxBytes) {
        public Media {
            keyFile = blankToNull(keyFile);
            maxBytes = maxBytes == null ? 20_000_000L : maxBytes;
        }
    }

    /**
     * @param timeoutSeconds        the longest wait for a connection or for the next bytes of an answer
     * @param callTimeoutSeconds    the longest one request may take in all, however its bytes trickle
     * @param allowPrivateAddresses false: loopback, private, link-local and unique-local addresses are
     *                              refused, except the host of an account's own registered URL
     */
    public record Http(String userAgent, Integer timeoutSeconds, Double requestsPerSecondPerHost,
                       Long maxResponseBytes, Integer maxRedirects, Integer retries, Integer callTimeoutSeconds,
                       Boolean allowPrivateAddresses) {
        public Http {
            userAgent = userAgent == null || userAgent.isBlank()
                    ? "WardWatch/0.1 (patient-privacy monitor; +mailto:ig-team@example.nhs.uk)" : userAgent;
            timeoutSeconds = timeoutSeconds == null ? 20 : timeoutSeconds;
            requestsPerSecondPerHost = requestsPerSecondPerHost == null ? 1.0 : requestsPerSecondPerHost;
            maxResponseBytes = maxResponseBytes == null ? 10_000_000L : maxResponseBytes;
            maxRedirects = maxRedirects == null ? 5 : maxRedirects;
            retries = retries == null ? 3 : retries;
            callTimeoutSeconds = callTimeoutSeconds == null ? 120 : callTimeoutSeconds;
            allowPrivateAddresses = allowPrivateAddresses != null && allowPrivateAddresses;
        }
    }

    /**
     * @param xBearerToken          the X API v2 app token; without one, X accounts are reported as not crawlable
     * @param accountTimeoutSeconds the longest the network part of one account's crawl may take; past it
     *                              the account fails with a clear error and the run goes on
     */
    public record Crawl(Integer intervalMinutes, Integer jitterMinutes, Integer parallel, Integer firstCrawlDays,
                        Integer firstCrawlMaxPosts, String xBearerToken, Integer accountTimeoutSeconds) {
        public Crawl {
            intervalMinutes = intervalMinutes == null ? 360 : intervalMinutes;
            jitterMinutes = jitterMinutes == null ? 30 : jitterMinutes;
            parallel = parallel == null ? 4 : parallel;
            firstCrawlDays = firstCrawlDays == null ? 30 : firstCrawlDays;
            firstCrawlMaxPosts = firstCrawlMaxPosts == null ? 200 : firstCrawlMaxPosts;
            xBearerToken = blankToNull(xBearerToken);
            accountTimeoutSeconds = accountTimeoutSeconds == null ? 300 : accountTimeoutSeconds;
        }
    }

    public record Recheck(Integer intervalMinutes) {
        public Recheck {
            intervalMinutes = intervalMinutes == null ? 720 : intervalMinutes;
        }
    }

    /** @param extraRecipients ODS code to addresses that get the digest besides the comms lead */
    public record Digest(String cron, String zone, Boolean sendEmpty, Map<String, List<String>> extraRecipients) {
        public Digest {
            cron = cron == null || cron.isBlank() ? "0 0 8 ? * MON" : cron;
            zone = zone == null || zone.isBlank() ? "Europe/London" : zone;
            sendEmpty = sendEmpty == null || sendEmpty;
            extraRecipients = extraRecipients == null ? Map.of() : Map.copyOf(extraRecipients);
        }
    }

    /** @param security none, starttls or tls */
    public record Smtp(String host, Integer port, String security, String username, String password, String from) {
        public Smtp {
            host = host == null || host.isBlank() ? "localhost" : host;
            port = port == null ? 25 : port;
            security = security == null || security.isBlank() ? "starttls" : security.toLowerCase(java.util.Locale.ROOT);
            username = blankToNull(username);
            password = blankToNull(password);
            from = from == null || from.isBlank() ? "wardwatch@example.nhs.uk" : from;
        }
    }

    /** @param resolvedMediaDays days after a case is resolved before its media and caption are purged */
    public record Retention(Integer resolvedMediaDays) {
        public Retention {
            resolvedMediaDays = resolvedMediaDays == null ? 30 : resolvedMediaDays;
        }
    }

    /** @param dueDays days the owner has to remove a post after a request is sent */
    public record Removal(Integer dueDays) {
        public Removal {
            dueDays = dueDays == null ? 7 : dueDays;
        }
    }

    /** @param flagThreshold the risk (0..1) from which a post becomes a case */
    public record Classifier(Faces faces, Double flagThreshold) {
        public Classifier {
            faces = faces == null ? new Faces(null) : faces;
            flagThreshold = flagThreshold == null ? 0.5 : flagThreshold;
        }
    }

    /** @param model a YuNet ONNX file; empty means the downloaded copy in the data directory, else the cascades */
    public record Faces(String model) {
        public Faces {
            model = blankToNull(model);
        }
    }

    public record Dashboard(Integer port, String baseUrl) {
        public Dashboard {
            port = port == null ? 7070 : port;
            baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:" + port : baseUrl.replaceAll("/+$", "");
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
