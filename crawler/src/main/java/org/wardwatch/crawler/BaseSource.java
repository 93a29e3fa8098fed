package org.wardwatch.crawler;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.wardwatch.core.registry.Account;
import org.wardwatch.core.source.Deadline;
import org.wardwatch.core.source.PostSource;
import org.wardwatch.core.source.SourceException;
import org.wardwatch.crawler.http.HttpClock;
import org.wardwatch.crawler.http.HttpStack;
import org.wardwatch.crawler.http.Reply;
import org.wardwatch.crawler.http.TrustedHosts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import okhttp3.Request;

/**
 * What every platform source shares: the HTTP stack, the crawl limits, the clock, and turning a
 * platform's answer into JSON or a one-line error that names the account and the URL.
 */
public abstract class BaseSource implements PostSource {
    protected static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

    protected final HttpStack http;
    protected final CrawlLimits limits;
    protected final HttpClock clock;

    protected BaseSource(HttpStack http, CrawlLimits limits, HttpClock clock) {
        this.http = http;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * A GET for one of the account's requests. It carries the hosts the account's own URLs name (only
     * they may be private addresses) and the crawl's deadline: the HTTP stack honours both.
     */
    protected static Request.Builder request(Account account, Deadline deadline, String url) throws SourceException {
        return HttpStack.request(url).tag(TrustedHosts.class, TrustedHosts.of(account)).tag(Deadline.class, deadline);
    }

    protected Reply send(Request request) throws SourceException {
        return http.send(request);
    }

    /** The JSON body of a successful answer; any other answer is an error naming status and body. */
    protected JsonNode json(Account account, Reply r) throws SourceException {
        if (!r.ok()) throw new SourceException(label(account) + ": HTTP " + r.code() + " from " + r.url() + errorText(r));
        return parse(account, r);
    }

    protected JsonNode parse(Account account, Reply r) throws SourceException {
        try {
            JsonNode n = JSON.readTree(r.body());
            if (n == null || n.isMissingNode()) throw new IOException("empty body");
            return n;
        } catch (IOException e) {
            String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new SourceException(label(account) + ": malformed JSON from " + r.url() + ": " + m);
        }
    }

    /** The platform's own error words, when its body is JSON with an {@code error} or {@code message}. */
    protected static String errorText(Reply r) {
        try {
            JsonNode n = JSON.readTree(r.body());
            if (n != null) {
                String m = text(n, "message");
                if (m == null) m = text(n, "error");
                if (m == null) m = text(n, "detail");
                if (m != null) return ": " + m;
            }
        } catch (IOException | RuntimeException ignored) {
            // not JSON: the status alone says it
        }
        return "";
    }

    protected String label(Account account) {
        return platform().id() + " " + account.handle();
    }

    public static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    /** A whole number field (a width, a height), or null. */
    public static Integer integer(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asInt();
    }

    public static Instant instant(String iso) {
        if (iso == null || iso.isBlank()) return null;
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(iso);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /**
     * Whether the account is a person's (staff) with no recorded basis for monitoring it, so that its
     * owner's opt-out must be honoured: such an account's posts are not read at all.
     */
    protected static boolean personWithoutBasis(Account account) {
        return !account.kind().organisational() && account.monitoringBasis() == null;
    }

    /** A URL builder for an endpoint; a base that is not an http(s) URL is a {@link SourceException}. */
    protected static okhttp3.HttpUrl.Builder url(String endpoint) throws SourceException {
        okhttp3.HttpUrl u = okhttp3.HttpUrl.parse(endpoint);
        if (u == null) throw new SourceException("not a valid http(s) URL: " + endpoint);
        return u.newBuilder();
    }

    /** The platform base to use: the account's own, or the platform's public default. */
    protected static String base(Account account, String platformDefault) {
        String b = account.baseUrl() == null ? platformDefault : account.baseUrl();
        return b.replaceAll("/+$", "");
    }
}
