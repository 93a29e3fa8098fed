package org.wardwatch.dashboard.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.wardwatch.core.config.WardWatchConfig;
import org.wardwatch.core.files.OwnerOnly;
import org.wardwatch.core.pipeline.CrawlReport;
import org.wardwatch.core.pipeline.IngestPipeline;
import org.wardwatch.core.registry.Account;
import org.wardwatch.dashboard.AppContext;
import org.wardwatch.dashboard.auth.Role;
import org.wardwatch.dashboard.web.WebApp;

/**
 * The whole demo: the local platform with the fictional providers' posts, a fresh data directory,
 * the registry, one real crawl and classification through the ordinary pipeline, demo users, and
 * the dashboard. Nothing leaves the machine.
 */
public final class Demo implements AutoCloseable {
    public static final String MARKER = ".wardwatch-demo";

    public final DemoPlatform platform;
    public final AppContext context;
    public final WebApp web;
    public final String password;
    public final Map<String, DemoPlatform.Post> posts;
    public final List<CrawlReport> crawl;

    private Demo(DemoPlatform platform, AppContext context, WebApp web, String password,
                 Map<String, DemoPlatform.Post> posts, List<CrawlReport> crawl) {
        this.platform = platform;
        this.context = context;
        this.web = web;
        this.password = password;
        this.posts = posts;
        this.crawl = crawl;
    }

    /**
     * @param config   the configuration to start from (the demo raises the per-host request rate,
     *                 since every demo account lives on one local host)
     * @param dataDir  emptied first if it holds an earlier demo; refused if it holds anything else
     * @param port     dashboard port, 0 for any free one
     * @param ownImages a folder of the user's own photos to post on a demo ward account, or null
     */
    public static Demo start(WardWatchConfig config, Path dataDir, String host, int port, Path ownImages,
                             PrintStream out) throws IOException {
        prepare(dataDir);
        DemoPlatform platform = new DemoPlatform().start();
        AppContext ctx = null;
        try {
            Map<String, DemoPlatform.Post> posts = DemoProvider.publish(platform, Instant.now(), ownImages);
            ctx = new AppContext(demoConfig(config, port), dataDir);
            ctx.registry().importFile(DemoProvider.registry(platform.base(), ownImages != null));
            out.println("Demo platform (Mastodon, Bluesky, WordPress and RSS shapes) on " + platform.base());
            List<CrawlReport> reports = crawlAll(ctx, out);
            String password = password();
            ctx.users().add("admin", password, Role.ADMIN, null);
            ctx.users().add("reviewer", password, Role.REVIEWER, DemoProvider.FERNHILL);
            ctx.users().add("reviewer-ashdown", password, Role.REVIEWER, DemoProvider.ASHDOWN);
            ctx.users().add("auditor", password, Role.AUDITOR, null);
            WebApp web = ctx.webApp().start(host, port);
            return new Demo(platform, ctx, web, password, posts, reports);
        } catch (IOException | RuntimeException e) {
            if (ctx != null) ctx.close();
            platform.close();
            throw e;
        }
    }

    private static List<CrawlReport> crawlAll(AppContext ctx, PrintStream out) {
        IngestPipeline pipeline = ctx.pipeline();
        List<Account> accounts = ctx.registry().activeAccounts();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(4, accounts.size())));
        List<CrawlReport> reports = new ArrayList<>();
        try {
            List<Future<CrawlReport>> running = new ArrayList<>();
            for (Account a : accounts) running.add(pool.submit(() -> pipeline.crawl(a)));
            for (Future<CrawlReport> f : running) {
                CrawlReport r = f.get();
                reports.add(r);
                out.printf("  crawled %-28s %-9s %s%n", r.account(), r.platform(), r.error() == null
                        ? r.newPosts() + " posts, " + r.media() + " images, " + r.flagged() + " flagged" : "error: " + r.error());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("demo crawl failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return reports;
    }

    /**
     * Every demo account is on one loopback host: lift the politeness limit that protects real hosts.
     * Links in the demo's digests point at the demo's own dashboard, whatever port it was given.
     */
    static WardWatchConfig demoConfig(WardWatchConfig c, int port) {
        var h = c.http();
        var http = new WardWatchConfig.Http(h.userAgent(), 10, 200.0, h.maxResponseBytes(), h.maxRedirects(), 0,
                h.callTimeoutSeconds(), h.allowPrivateAddresses());
        var k = c.crawl();
        var crawl = new WardWatchConfig.Crawl(k.intervalMinutes(), k.jitterMinutes(), 4, 60, k.firstCrawlMaxPosts(), null,
                k.accountTimeoutSeconds());
        return new WardWatchConfig(c.database(), c.media(), http, crawl, c.recheck(), c.digest(), c.smtp(), c.retention(),
                c.removal(), c.classifier(), port > 0 ? new WardWatchConfig.Dashboard(port, "http://localhost:" + port) : c.dashboard());
    }

    private static void prepare(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var s = Files.list(dir)) {
                boolean empty = s.findAny().isEmpty();
                if (!empty && !Files.exists(dir.resolve(MARKER))) {
                    throw new IOException(dir + " holds data that is not an earlier demo; give the demo its own --data folder");
                }
            }
            deleteTree(dir);
        }
        OwnerOnly.directories(dir);
        OwnerOnly.write(dir.resolve(MARKER), "This folder holds WardWatch demo data; `wardwatch demo` empties it on start.\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private static String password() {
        String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        SecureRandom r = new SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            if (i > 0 && i % 5 == 4) b.append('-');
            else b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    @Override
    public void close() {
        context.close();
        platform.close();
    }
}
