package org.wardwatch.crawler.feed.eval;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.wardwatch.core.registry.Account;
import org.wardwatch.core.registry.AccountKind;
import org.wardwatch.core.registry.Platform;
import org.wardwatch.core.source.CrawlState;
import org.wardwatch.core.source.Deadline;
import org.wardwatch.core.source.SkippedItem;
import org.wardwatch.core.source.SourceException;
import org.wardwatch.crawler.CrawlLimits;
import org.wardwatch.crawler.feed.FeedRead;
import org.wardwatch.crawler.feed.FeedSource;
import org.wardwatch.crawler.http.HttpClock;
import org.wardwatch.crawler.http.HttpSettings;
import org.wardwatch.crawler.http.HttpStack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Measures how much of a folder of feed files the crawler keeps: each file is served over a loopback
 * HTTP server to the real {@link FeedSource} (first crawl, through the whole HTTP stack), and its items
 * are counted independently ({@link ItemCensus}). Every item found must be a post, a repeat of one or
 * a skip with its reason; what is none of these is unaccounted for, which must never happen.
 */
public final class FeedCorpusEvaluation implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, Served> served = new ConcurrentHashMap<>();
    private final AtomicInteger files = new AtomicInteger();
    private final HttpStack http;
    private final FeedSource source;

    private record Served(byte[] body, String contentType) {
    }

    /**
     * @param limits how far back the crawl reads: a corpus of old feeds needs a window of decades,
     *               or its items count as skipped for their age
     */
    public FeedCorpusEvaluation(HttpSettings settings, CrawlLimits limits) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback port to serve the feeds", e);
        }
        server.createContext("/", this::serve);
        server.start();
        http = new HttpStack(settings, HttpClock.system());
        source = new FeedSource(Platform.RSS, http, limits, HttpClock.system());
    }

    /** What happened to one feed file. */
    public record FeedResult(Path file, int found, int itemsRead, int posts, int repeats, List<SkippedItem> skipped,
                             List<String> notes, String error) {
        public boolean read() {
            return error == null;
        }

        public int stored() {
            return posts + repeats;
        }

        /** Items found that the crawl neither stored nor skipped with a reason (must be 0). */
        public int unaccounted() {
            return read() ? Math.max(0, found - stored() - skipped.size()) : 0;
        }

        double storedShare() {
            return found == 0 ? 1.0 : read() ? (double) stored() / found : 0.0;
        }
    }

    /** The feeds of one folder. */
    public record FolderResult(Path folder, List<FeedResult> feeds) {
        public int read() {
            return (int) feeds.stream().filter(FeedResult::read).count();
        }

        public int found() {
            return feeds.stream().mapToInt(FeedResult::found).sum();
        }

        public int stored() {
            return feeds.stream().mapToInt(FeedResult::stored).sum();
        }

        public int posts() {
            return feeds.stream().mapToInt(FeedResult::posts).sum();
        }

        public int repeats() {
            return feeds.stream().mapToInt(FeedResult::repeats).sum();
        }

        public int skipped() {
            return feeds.stream().mapToInt(f -> f.skipped().size()).sum();
        }

        public int unaccounted() {
            return feeds.stream().mapToInt(FeedResult::unaccounted).sum();
        }

        public int inFeedsNotRead() {
            return feeds.stream().filter(f -> !f.read()).mapToInt(FeedResult::found).sum();
        }

        public double storedPercent() {
            return found() == 0 ? 100.0 : 100.0 * stored() / found();
        }
    }

    /** Every file under the folders (but manifests, notes and hidden files), grouped by the folder holding it. */
    public List<FolderResult> evaluate(List<Path> folders) throws IOException {
        Map<Path, List<Path>> byFolder = new TreeMap<>();
        for (Path root : folders) {
            if (!Files.isDirectory(root)) throw new IOException("not a folder: " + root);
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile).filter(FeedCorpusEvaluation::isFeedFile).sorted()
                        .forEach(f -> byFolder.computeIfAbsent(f.getParent(), k -> new ArrayList<>()).add(f));
            }
        }
        List<FolderResult> out = new ArrayList<>();
        for (Map.Entry<Path, List<Path>> e : byFolder.entrySet()) {
            Map<String, String> types = ContentTypes.of(e.getKey());
            List<FeedResult> feeds = new ArrayList<>();
            for (Path f : e.getValue()) feeds.add(evaluate(f, types.get(f.getFileName().toString())));
            out.add(new FolderResult(e.getKey(), feeds));
        }
        return out;
    }

    /** Serves one file (with the given content type, else one for its extension) and crawls it. */
    public FeedResult evaluate(Path file, String contentType) throws IOException {
        byte[] body = Files.readAllBytes(file);
        int found = ItemCensus.count(body);
        String path = "/" + files.incrementAndGet() + "/" + file.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        served.put(path, new Served(body, contentType != null ? contentType : ContentTypes.forName(file)));
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + path;
        Account account = new Account(1L, "EVAL", file.getFileName().toString(), AccountKind.TRUST, null, Platform.RSS,
                url, null, true, null);
        try {
            FeedRead r = source.read(account, CrawlState.FIRST, Deadline.in(Duration.ofMinutes(2)));
            return new FeedResult(file, found, r.items(), r.batch().posts().size(), r.repeats(), r.batch().skipped(),
                    r.batch().itemErrors(), null);
        } catch (SourceException e) {
            return new FeedResult(file, found, 0, 0, 0, List.of(), List.of(), e.getMessage());
        } catch (RuntimeException e) {
            // a fault in the crawler is a finding of the measure, not the end of it
            return new FeedResult(file, found, 0, 0, 0, List.of(), List.of(), "internal error: " + e);
        } finally {
            served.remove(path);
        }
    }

    /** The per-folder figures, the skip reasons and the worst feeds. */
    public static void print(List<FolderResult> folders, int worst, PrintWriter out) {
        for (FolderResult f : folders) {
            out.printf(Locale.ROOT, "%s%n", f.folder());
            out.printf(Locale.ROOT, "  feeds %d, read %d, not read %d (holding %d items)%n",
                    f.feeds().size(), f.read(), f.feeds().size() - f.read(), f.inFeedsNotRead());
            out.printf(Locale.ROOT, "  items found %d: posts %d, repeats of a post %d, skipped %d, unaccounted for %d%n",
                    f.found(), f.posts(), f.repeats(), f.skipped(), f.unaccounted());
            out.printf(Locale.ROOT, "  stored %.1f%% of items found (posts and repeats)%n", f.storedPercent());
            long lenient = f.feeds().stream().filter(r -> r.notes().stream().anyMatch(n -> n.contains("read leniently"))).count();
            if (lenient > 0) out.printf(Locale.ROOT, "  feeds read leniently: %d%n", lenient);
            Map<String, Integer> reasons = new TreeMap<>();
            for (FeedResult r : f.feeds()) {
                for (SkippedItem s : r.skipped()) reasons.merge(s.reason(), 1, Integer::sum);
            }
            reasons.forEach((reason, n) -> out.printf(Locale.ROOT, "  skipped %d: %s%n", n, reason));
            List<FeedResult> bad = f.feeds().stream()
                    .filter(r -> !r.read() || r.stored() < r.found() || r.unaccounted() > 0 || r.itemsRead() != r.found())
                    .sorted(Comparator.comparingDouble(FeedResult::storedShare).thenComparing(r -> -r.found()))
                    .limit(worst).toList();
            if (!bad.isEmpty()) out.printf(Locale.ROOT, "  worst feeds:%n");
            for (FeedResult r : bad) out.printf(Locale.ROOT, "    %s%n", describe(r));
        }
        if (folders.size() > 1) {
            FolderResult all = new FolderResult(Path.of("all folders"),
                    folders.stream().flatMap(f -> f.feeds().stream()).toList());
            out.printf(Locale.ROOT, "all: feeds %d, read %d; items found %d, stored %d (%.1f%%), skipped %d, unaccounted for %d%n",
                    all.feeds().size(), all.read(), all.found(), all.stored(), all.storedPercent(), all.skipped(), all.unaccounted());
        }
        out.flush();
    }

    private static String describe(FeedResult r) {
        String name = r.file().getFileName().toString();
        if (!r.read()) return name + ": not read (" + r.found() + " items): " + r.error();
        StringBuilder sb = new StringBuilder(name).append(": ").append(r.stored()).append(" of ").append(r.found()).append(" stored");
        if (!r.skipped().isEmpty()) {
            Map<String, Integer> reasons = new LinkedHashMap<>();
            for (SkippedItem s : r.skipped()) reasons.merge(s.reason(), 1, Integer::sum);
            reasons.forEach((reason, n) -> sb.append(", ").append(n).append(" skipped (").append(reason).append(')'));
        }
        if (r.unaccounted() > 0) sb.append(", ").append(r.unaccounted()).append(" UNACCOUNTED FOR");
        if (r.itemsRead() != r.found()) sb.append("; the crawler saw ").append(r.itemsRead()).append(" items");
        return sb.toString();
    }

    private static boolean isFeedFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && !n.endsWith(".tsv") && !n.endsWith(".md");
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            Served s = served.get(exchange.getRequestURI().getPath());
            if (s == null) {
                // robots.txt and anything else: not here, which the crawler takes as allowed
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", s.contentType());
            exchange.sendResponseHeaders(200, s.body().length == 0 ? -1 : s.body().length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(s.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        http.close();
    }

    /** The content type each file is served with. */
    static final class ContentTypes {
        private ContentTypes() {
        }

        /**
         * Those a folder's {@code manifest.tsv} gives (file, then content type, tab-separated), so the
         * measure serves each file as its test does; empty without one.
         */
        static Map<String, String> of(Path folder) throws IOException {
            Map<String, String> m = new LinkedHashMap<>();
            Path manifest = folder.resolve("manifest.tsv");
            if (!Files.isRegularFile(manifest)) return m;
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] cols = line.split("\t");
                if (cols.length >= 2 && !cols[0].equals("file")) m.put(cols[0], cols[1]);
            }
            return m;
        }

        /** What a server would likely send for the file's extension; no charset, so the file decides. */
        static String forName(Path file) {
            String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".atom")) return "application/atom+xml";
            if (n.endsWith(".rdf")) return "application/rdf+xml";
            if (n.endsWith(".cdf")) return "application/x-cdf";
            if (n.endsWith(".rss")) return "application/rss+xml";
            return "application/xml";
        }
    }
}
