package org.wardwatch.dashboard.cli;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jdbi.v3.core.Jdbi;
import org.wardwatch.core.config.WardWatchConfig;
import org.wardwatch.dashboard.AppContext;
import org.wardwatch.dashboard.auth.Role;
import org.wardwatch.dashboard.store.Rows;
import org.wardwatch.dashboard.web.WebApp;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wardwatch bench-queue}: fills a throw-away H2 database with many cases and measures how
 * fast the review queue page answers over HTTP, signed in, as a reviewer and an admin would use it.
 */
@Command(name = "bench-queue", description = {
        "Benchmark: fills a temporary H2 database with --cases cases and prints p50/p95/max of the queue",
        "page's response time over HTTP for common filters. Touches no existing data."})
public final class BenchQueueCommand implements Callable<Integer> {
    private static final String PASSWORD = "tugboat marmalade quarry 42";

    @Option(names = "--cases", description = "Cases to create (default: ${DEFAULT-VALUE}).")
    int cases = 100_000;

    @Option(names = "--requests", description = "Timed requests per scenario (default: ${DEFAULT-VALUE}).")
    int requests = 200;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("wardwatch-bench");
        try (AppContext ctx = new AppContext(WardWatchConfig.defaults(), dir)) {
            long t0 = System.nanoTime();
            long[] orgs = fill(ctx.database().jdbi(), cases);
            System.out.printf("filled %,d cases (%d organisations) in %.1f s%n", cases, orgs.length, (System.nanoTime() - t0) / 1e9);
            ctx.users().add("admin", PASSWORD, Role.ADMIN, null);
            ctx.users().add("reviewer", PASSWORD, Role.REVIEWER, "B01");
            WebApp web = ctx.webApp().start("127.0.0.1", 0);
            String base = "http://127.0.0.1:" + web.port();
            HttpClient admin = signIn(base, "admin");
            HttpClient reviewer = signIn(base, "reviewer");
            String[][] scenarios = {
                    {"admin", "/queue"},
                    {"reviewer", "/queue"},
                    {"admin", "/queue?signal=FACE"},
                    {"admin", "/queue?platform=mastodon&kind=ward"},
                    {"admin", "/queue?status=all"},
                    {"admin", "/queue?from=2026-01-01&to=2026-06-30"},
                    {"admin", "/queue?page=40"},
            };
            List<Double> all = new ArrayList<>();
            System.out.printf("%-10s %-40s %8s %8s %8s%n", "user", "page", "p50 ms", "p95 ms", "max ms");
            for (String[] s : scenarios) {
                HttpClient client = s[0].equals("admin") ? admin : reviewer;
                for (int i = 0; i < 20; i++) get(client, base + s[1]);
                double[] ms = new double[requests];
                for (int i = 0; i < requests; i++) {
                    long start = System.nanoTime();
                    HttpResponse<String> r = get(client, base + s[1]);
                    ms[i] = (System.nanoTime() - start) / 1e6;
                    if (r.statusCode() != 200 || !r.body().contains("queue-table")) {
                        throw new IllegalStateException(s[1] + " answered " + r.statusCode() + " without a queue");
                    }
                }
                Arrays.sort(ms);
                for (double m : ms) all.add(m);
                System.out.printf("%-10s %-40s %8.1f %8.1f %8.1f%n", s[0], s[1], pct(ms, 50), pct(ms, 95), ms[ms.length - 1]);
            }
            double[] every = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("all %d requests over %,d cases: p50 %.1f ms, p95 %.1f ms%n", every.length, cases,
                    pct(every, 50), pct(every, 95));
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    static double pct(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** Twenty organisations, ten accounts each on mixed platforms, and the posts, media and cases. */
    static long[] fill(Jdbi jdbi, int n) {
        Instant now = Instant.now();
        String[] platforms = {"mastodon", "bluesky", "rss", "wordpress", "html", "x"};
        String[] kinds = {"trust", "ward", "service", "staff"};
        String[] signals = {"FACE", "FACE,PERSON_NAME", "PERSON,GEOTAGGED", "PERSON_NAME,AGE,CARE_EVENT", "WOUND_LIKE",
                "TEXT,PERSON_NAME,WARD_OR_BED", "PERINATAL,FACE", "PATIENT_CONTEXT,PERSON"};
        String[] statuses = {"open", "open", "open", "confirmed", "dismissed", "resolved"};
        long[] orgs = new long[20];
        List<long[]> accounts = new ArrayList<>();
        jdbi.useTransaction(h -> {
            for (int o = 0; o < orgs.length; o++) {
                orgs[o] = h.createUpdate("INSERT INTO organisations (name, ods_code, kind, created_at, updated_at) "
                                + "VALUES (:n, :ods, 'nhs_trust', :now, :now)")
                        .bind("n", "Bench Trust " + o).bind("ods", String.format("B%02d", o)).bind("now", Rows.ts(now))
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                for (int a = 0; a < 10; a++) {
                    String p = platforms[(o + a) % platforms.length];
                    long id = h.createUpdate("INSERT INTO accounts (organisation_id, account_key, name, kind, platform, handle, "
                                    + "active, created_at, updated_at) VALUES (:o, :k, :n, :kind, :p, :h, TRUE, :now, :now)")
                            .bind("o", orgs[o]).bind("k", p + "|" + o + "|" + a).bind("n", "Account " + o + "-" + a)
                            .bind("kind", kinds[a % kinds.length]).bind("p", p).bind("h", "@a" + o + "_" + a)
                            .bind("now", Rows.ts(now)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                    accounts.add(new long[] {orgs[o], id});
                }
            }
        });
        // the bench's own H2 database: fill it in bulk with H2's SYSTEM_RANGE rather than row by row; the
        // queue never shows a caption, so none is stored (content is only ever stored encrypted)
        String signalList = "ARRAY[" + String.join(", ", Arrays.stream(signals).map(x -> "'" + x + "'").toList()) + "]";
        String statusList = "ARRAY[" + String.join(", ", Arrays.stream(statuses).map(x -> "'" + x + "'").toList()) + "]";
        long firstAccount = accounts.get(0)[1];
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO posts (account_id, platform, external_id, permalink, published_at, fetched_at, text, "
                    + "content_hash, status, first_seen_at, last_seen_at) "
                    + "SELECT a.id, a.platform, 'bench-' || r.X, 'https://example.org/p/' || r.X, "
                    + "DATEADD(SECOND, -MOD(r.X * 104729, 31536000), CURRENT_TIMESTAMP), CURRENT_TIMESTAMP, NULL, "
                    + "RAWTOHEX(HASH('SHA-256', 'bench-' || r.X)), 'live', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP "
                    + "FROM SYSTEM_RANGE(1, " + n + ") r JOIN accounts a ON a.id = " + firstAccount + " + MOD(r.X * 7919, "
                    + accounts.size() + ")");
            h.execute("INSERT INTO media (post_id, position, url, file_path) "
                    + "SELECT id, 0, 'https://example.org/m/' || id, 'media/x' || id FROM posts WHERE MOD(id, 2) = 0");
            h.execute("INSERT INTO cases (post_id, organisation_id, account_id, risk, reasons, signals, status, created_at, updated_at) "
                    + "SELECT p.id, a.organisation_id, p.account_id, 0.5 + RAND() / 2, "
                    + "'[\"2 faces\",\"caption names a patient\",\"ward account\"]', "
                    + signalList + "[MOD(p.id * 31, " + signals.length + ") + 1], "
                    + statusList + "[MOD(p.id * 17, " + statuses.length + ") + 1], p.published_at, p.published_at "
                    + "FROM posts p JOIN accounts a ON a.id = p.account_id");
        });
        return orgs;
    }

    private static HttpClient signIn(String base, String user) throws Exception {
        HttpClient c = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String page = get(c, base + "/login").body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!m.find()) throw new IllegalStateException("no form token on the sign-in page");
        String form = "_csrf=" + m.group(1) + "&username=" + user + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        var r = c.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302) throw new IllegalStateException("sign-in failed: " + r.statusCode());
        return c;
    }

    private static HttpResponse<String> get(HttpClient c, String url) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
