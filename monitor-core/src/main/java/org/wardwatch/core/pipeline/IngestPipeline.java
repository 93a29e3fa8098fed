package org.wardwatch.core.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.core.registry.Account;
import org.wardwatch.core.registry.Platform;
import org.wardwatch.core.registry.RegistryStore;
import org.wardwatch.core.source.CrawlBatch;
import org.wardwatch.core.source.CrawlState;
import org.wardwatch.core.source.Deadline;
import org.wardwatch.core.source.FetchedPost;
import org.wardwatch.core.source.PostSource;
import org.wardwatch.core.source.SkippedItem;
import org.wardwatch.core.source.SourceException;
import org.wardwatch.core.store.AnalysisQueue;
import org.wardwatch.core.store.AnalysisQueue.Pending;
import org.wardwatch.core.store.CrawlRunStore;
import org.wardwatch.core.store.PostStore;
import org.wardwatch.core.store.PostStore.Change;
import org.wardwatch.core.store.Redacted;

/**
 * Reads an account through its platform's source and keeps what is new, in two durable steps.
 * Storing: every post read is stored (per account, by external id) as pending analysis, or counted
 * as skipped with its reason; then the account's cursor moves on. Analysing: every pending post of
 * the account, including any a killed run left, has its images fetched and is analysed, and its
 * findings, case and "analysed" mark commit together ({@link PostAnalysis}). Running it again on the
 * same input adds nothing and loses nothing. One bad post or image is reported and the rest go on; a
 * failing account is reported and the caller goes on to the next. The network part of an account's
 * crawl ends at its deadline.
 */
public final class IngestPipeline {
    private static final Logger log = LoggerFactory.getLogger(IngestPipeline.class);

    private final RegistryStore registry;
    private final PostStore posts;
    private final CrawlRunStore runs;
    private final AnalysisQueue queue;
    private final Function<Platform, PostSource> sources;
    private final PostAnalysis analysis;
    private final Duration accountTimeout;
    private final String me = Runner.current().id();
    private final java.util.concurrent.atomic.AtomicLong workers = new java.util.concurrent.atomic.AtomicLong();

    public IngestPipeline(RegistryStore registry, PostStore posts, CrawlRunStore runs, AnalysisQueue queue,
                          Function<Platform, PostSource> sources, PostAnalysis analysis, Duration accountTimeout) {
        this.registry = registry;
        this.posts = posts;
        this.runs = runs;
        this.queue = queue;
        this.sources = sources;
        this.analysis = analysis;
        this.accountTimeout = accountTimeout;
    }

    /**
     * The pipeline over one database with its usual parts: posts, cases, crawl runs and the analysis
     * queue (claims held for half an hour by a process on another host).
     */
    public static IngestPipeline over(org.jdbi.v3.core.Jdbi jdbi, java.time.Clock clock, RegistryStore registry,
                                      org.wardwatch.core.media.MediaVault vault, org.wardwatch.core.crypto.ContentCipher cipher,
                                      Function<Platform, PostSource> sources, org.wardwatch.core.source.MediaFetcher fetcher,
                                      Analyzers analyzers, org.wardwatch.core.risk.RiskPolicy policy, long maxMediaBytes,
                                      Duration accountTimeout) {
        PostStore posts = new PostStore(jdbi, clock, cipher);
        AnalysisQueue queue = new AnalysisQueue(jdbi, clock, Duration.ofMinutes(30));
        PostAnalysis analysis = new PostAnalysis(posts, new org.wardwatch.core.store.CaseStore(jdbi, clock), queue, vault,
                fetcher, analyzers, policy, maxMediaBytes);
        return new IngestPipeline(registry, posts, new CrawlRunStore(jdbi, clock), queue, sources, analysis, accountTimeout);
    }

    public CrawlReport crawlAccount(long accountId) {
        Account account = registry.account(accountId)
                .orElseThrow(() -> new IllegalArgumentException("no account with id " + accountId));
        return crawl(account);
    }

    public CrawlReport crawl(Account account) {
        for (var u : runs.markInterrupted(account.id(), Runner::isGone, staleAfter())) {
            log.info("{}: crawl run {} started {} was interrupted", account.label(), u.id(), u.startedAt());
        }
        long run = runs.start(account.id(), me);
        Deadline deadline = Deadline.in(accountTimeout);
        Counts counts = new Counts();
        String error = null;
        try {
            error = fetchAndStore(account, deadline, counts);
        } catch (RuntimeException e) {
            error = "internal error: " + oneLine(e);
            log.error("crawl of account {} failed", account.id(), Redacted.of(e));
            registry.recordFailure(account.id(), error, counts.skipped.size());
        }
        try {
            // whether or not the platform answered, finish what is stored: this run's posts and any a
            // killed run left pending
            analysePending(account, deadline, counts);
        } catch (RuntimeException e) {
            String why = "internal error while analysing: " + oneLine(e);
            log.error("analysis for account {} failed", account.id(), Redacted.of(e));
            error = error == null ? why : error;
        }
        // callers report these to people (the crawl command, the dashboard); the log keeps a record
        for (SkippedItem s : counts.skipped) log.info("{}: skipped {}: {}", account.label(), s.item(), s.reason());
        for (String problem : counts.problems) log.info("{}: {}", account.label(), problem);
        if (error != null) log.info("{}: {}", account.label(), error);
        runs.finish(run, new CrawlRunStore.Outcome(counts.newPosts, counts.media, counts.flagged, counts.skipped.size(),
                counts.problems.size() + (error == null ? 0 : 1), error));
        return new CrawlReport(account.id(), account.label(), account.platform().id(), counts.newPosts, counts.media,
                counts.flagged, counts.skipped, error, counts.problems);
    }

    /** @return the account-level error, or null */
    private String fetchAndStore(Account account, Deadline deadline, Counts counts) {
        try {
            PostSource source = sources.apply(account.platform());
            if (source == null) throw new SourceException("no source for platform " + account.platform().id());
            CrawlState state = registry.crawlState(account.id());
            CrawlBatch batch = source.fetch(account, state, deadline);
            counts.problems.addAll(batch.itemErrors());
            counts.skipped.addAll(batch.skipped());
            if (!account.kind().organisational() && batch.signals().optedOut() && account.monitoringBasis() == null) {
                String why = "skipped: staff account has opted out (" + String.join(", ", batch.signals().optOuts())
                        + ") and no monitoring basis is recorded";
                registry.recordSkipped(account.id(), batch.signals(), why);
                return why;
            }
            for (FetchedPost post : batch.posts()) store(account, post, counts);
            registry.recordSuccess(account.id(), batch.nextState(), batch.signals(), counts.newPosts, counts.skipped.size());
            return null;
        } catch (SourceException e) {
            registry.recordFailure(account.id(), e.getMessage(), counts.skipped.size());
            return e.getMessage();
        }
    }

    private void store(Account account, FetchedPost post, Counts counts) {
        try {
            PostStore.Upserted stored = posts.upsert(account, post);
            if (stored.change() == Change.NEW) counts.newPosts++;
            for (String note : stored.notes()) counts.problems.add("post " + shortId(post) + ": " + note);
            for (String note : posts.ensureMedia(stored.postId(), post.media())) counts.problems.add("post " + shortId(post) + ": " + note);
            // the platform offers the post again: an image that failed before gets another try
            if (stored.change() == Change.UNCHANGED && posts.media(stored.postId()).stream().anyMatch(PostStore.MediaRow::outstanding)) {
                posts.markPending(stored.postId());
            }
        } catch (RuntimeException e) {
            counts.skipped.add(new SkippedItem("post " + shortId(post), "could not be stored: " + oneLine(e)));
            log.debug("post {} failed", post.externalId(), Redacted.of(e));
        }
    }

    private void analysePending(Account account, Deadline deadline, Counts counts) {
        String worker = Runner.current().worker(workers.incrementAndGet());
        for (Pending p : queue.pending(account.id())) {
            if (!queue.claim(p, worker, Runner::isGone)) continue; // another live worker is analysing it
            try {
                PostAnalysis.Result r = analysis.run(account, p.postId(), deadline);
                counts.media += r.mediaStored();
                counts.problems.addAll(r.problems());
                if (r.flagged()) counts.flagged++;
            } catch (RuntimeException e) {
                queue.release(p.postId(), worker);
                counts.problems.add("post " + p.postId() + " left for the next crawl: " + oneLine(e));
                log.warn("analysis of post {} failed", p.postId(), Redacted.of(e));
            }
        }
    }

    /** What {@link #recover()} found and finished. */
    public record Recovery(int interruptedRuns, int postsAnalysed, int flagged, List<String> problems) {
    }

    /**
     * Marks the crawl runs of processes that died as interrupted and analyses every post left
     * pending, whichever account it belongs to. {@code serve} runs it on start and {@code crawl
     * --once} before crawling, so nothing a killed process stored stays unanalysed.
     */
    public Recovery recover() {
        int interrupted = runs.markInterrupted(null, Runner::isGone, staleAfter()).size();
        Map<Long, List<Pending>> byAccount = new TreeMap<>();
        for (Pending p : queue.pending(null)) byAccount.computeIfAbsent(p.accountId(), k -> new java.util.ArrayList<>()).add(p);
        Counts counts = new Counts();
        String worker = Runner.current().worker(workers.incrementAndGet());
        int analysed = 0;
        for (var e : byAccount.entrySet()) {
            Account account = registry.account(e.getKey()).orElse(null);
            if (account == null) continue;
            Deadline deadline = Deadline.in(accountTimeout);
            for (Pending p : e.getValue()) {
                if (!queue.claim(p, worker, Runner::isGone)) continue;
                try {
                    PostAnalysis.Result r = analysis.run(account, p.postId(), deadline);
                    analysed++;
                    counts.problems.addAll(r.problems());
                    if (r.flagged()) counts.flagged++;
                } catch (RuntimeException ex) {
                    queue.release(p.postId(), worker);
                    counts.problems.add(account.label() + ": post " + p.postId() + ": " + oneLine(ex));
                }
            }
        }
        return new Recovery(interrupted, analysed, counts.flagged, counts.problems);
    }

    /** No run lives this long: its network part ends at the deadline and analysis is bounded by the post cap. */
    private Duration staleAfter() {
        Duration fourDeadlines = accountTimeout.multipliedBy(4);
        return fourDeadlines.compareTo(Duration.ofHours(1)) > 0 ? fourDeadlines : Duration.ofHours(1);
    }

    private static String shortId(FetchedPost post) {
        String id = post.externalId();
        return id.length() <= 120 ? id : id.substring(0, 117) + "…";
    }

    /** An error in one line for reports, logs and the crawl record: without the values a database or parser quotes. */
    static String oneLine(Throwable e) {
        return Redacted.oneLine(e);
    }

    private static final class Counts {
        int newPosts;
        int media;
        int flagged;
        final List<SkippedItem> skipped = new java.util.ArrayList<>();
        final List<String> problems = new java.util.ArrayList<>();
    }
}
