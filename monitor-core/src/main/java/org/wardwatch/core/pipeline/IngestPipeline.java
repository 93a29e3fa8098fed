package org.wardwatch.core.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.core.analysis.Box;
import org.wardwatch.core.analysis.ImageAnalysis;
import org.wardwatch.core.analysis.ImageAnalyzer;
import org.wardwatch.core.analysis.TextAnalysis;
import org.wardwatch.core.analysis.TextAnalyzer;
import org.wardwatch.core.analysis.TextFinding;
import org.wardwatch.core.media.ImageSniffer;
import org.wardwatch.core.media.MediaVault;
import org.wardwatch.core.registry.Account;
import org.wardwatch.core.registry.Platform;
import org.wardwatch.core.registry.RegistryStore;
import org.wardwatch.core.risk.PostEvidence;
import org.wardwatch.core.risk.RiskDecision;
import org.wardwatch.core.risk.RiskPolicy;
import org.wardwatch.core.source.CrawlBatch;
import org.wardwatch.core.source.CrawlState;
import org.wardwatch.core.source.FetchedMedia;
import org.wardwatch.core.source.FetchedPost;
import org.wardwatch.core.source.MediaFetcher;
import org.wardwatch.core.source.PostSource;
import org.wardwatch.core.source.SourceException;
import org.wardwatch.core.store.CaseStore;
import org.wardwatch.core.store.CrawlRunStore;
import org.wardwatch.core.store.PostStore;
import org.wardwatch.core.store.PostStore.Change;
import org.wardwatch.core.store.PostStore.FindingRow;
import org.wardwatch.core.store.PostStore.MediaRow;

/**
 * Reads an account through its platform's source and stores what is new: posts upserted by
 * (platform, external id), each image fetched once, size-capped, sniffed, hashed and encrypted,
 * then caption and image analysis, then the risk policy, which opens a case with its reasons.
 * Running it again on the same input adds nothing and loses nothing. One bad post or image is
 * reported and the rest go on; a failing account is reported and the caller goes on to the next.
 */
public final class IngestPipeline {
    private static final Logger log = LoggerFactory.getLogger(IngestPipeline.class);

    private final RegistryStore registry;
    private final PostStore posts;
    private final CaseStore cases;
    private final CrawlRunStore runs;
    private final MediaVault vault;
    private final Function<Platform, PostSource> sources;
    private final MediaFetcher fetcher;
    private final Analyzers analyzers;
    private final RiskPolicy policy;
    private final long maxMediaBytes;

    public IngestPipeline(RegistryStore registry, PostStore posts, CaseStore cases, CrawlRunStore runs, MediaVault vault,
                          Function<Platform, PostSource> sources, MediaFetcher fetcher, Analyzers analyzers,
                          RiskPolicy policy, long maxMediaBytes) {
        this.registry = registry;
        this.posts = posts;
        this.cases = cases;
        this.runs = runs;
        this.vault = vault;
        this.sources = sources;
        this.fetcher = fetcher;
        this.analyzers = analyzers;
        this.policy = policy;
        this.maxMediaBytes = maxMediaBytes;
    }

    public CrawlReport crawlAccount(long accountId) {
        Account account = registry.account(accountId)
                .orElseThrow(() -> new IllegalArgumentException("no account with id " + accountId));
        return crawl(account);
    }

    public CrawlReport crawl(Account account) {
        long run = runs.start(account.id());
        Counts counts = new Counts();
        String error = null;
        try {
            PostSource source = sources.apply(account.platform());
            if (source == null) throw new SourceException("no source for platform " + account.platform().id());
            CrawlState state = registry.crawlState(account.id());
            CrawlBatch batch = source.fetch(account, state);
            counts.itemErrors.addAll(batch.itemErrors());
            if (!account.kind().organisational() && batch.signals().optedOut() && account.monitoringBasis() == null) {
                error = "skipped: staff account has opted out (" + String.join(", ", batch.signals().optOuts())
                        + ") and no monitoring basis is recorded";
                registry.recordSkipped(account.id(), batch.signals(), error);
            } else {
                for (FetchedPost post : batch.posts()) ingest(account, post, counts);
                registry.recordSuccess(account.id(), batch.nextState(), batch.signals(), counts.newPosts);
            }
        } catch (SourceException e) {
            error = e.getMessage();
            registry.recordFailure(account.id(), error);
        } catch (RuntimeException e) {
            error = "internal error: " + e;
            log.error("crawl of account {} failed", account.id(), e);
            registry.recordFailure(account.id(), error);
        }
        // callers report these to people (the crawl command, the dashboard); the log keeps a record
        for (String itemError : counts.itemErrors) log.info("{}: {}", account.label(), itemError);
        if (error != null) log.info("{}: {}", account.label(), error);
        runs.finish(run, counts.newPosts, counts.media, counts.flagged, counts.itemErrors.size() + (error == null ? 0 : 1), error);
        return new CrawlReport(account.id(), account.label(), account.platform().id(), counts.newPosts, counts.media,
                counts.flagged, error, counts.itemErrors);
    }

    private void ingest(Account account, FetchedPost post, Counts counts) {
        try {
            PostStore.Upserted stored = posts.upsert(account, post);
            if (stored.change() == Change.NEW) counts.newPosts++;
            boolean fetchedNew = false;
            for (int i = 0; i < post.media().size(); i++) {
                FetchedMedia media = post.media().get(i);
                MediaRow row = posts.ensureMedia(stored.postId(), i, media);
                if (row.done()) continue;
                fetchedNew |= fetch(row, counts);
            }
            if (stored.change() != Change.UNCHANGED || fetchedNew) {
                if (analyse(account, stored.postId(), post, counts)) counts.flagged++;
            }
        } catch (RuntimeException e) {
            counts.itemErrors.add("post " + post.externalId() + ": " + oneLine(e));
            log.debug("post {} failed", post.externalId(), e);
        }
    }

    /** @return whether the image is now stored */
    private boolean fetch(MediaRow row, Counts counts) {
        try {
            byte[] bytes = fetcher.fetch(null, row.url(), maxMediaBytes, org.wardwatch.core.source.Deadline.NONE);
            ImageSniffer.Sniffed sniffed = ImageSniffer.sniff(bytes);
            if (sniffed == null) throw new SourceException("not an image (" + bytes.length + " bytes of unknown type)");
            String sha = MediaVault.sha256(bytes);
            String path = vault.store(bytes, sha);
            posts.mediaStored(row.id(), sha, bytes.length, sniffed.mime(), sniffed.width(), sniffed.height(), path);
            counts.media++;
            return true;
        } catch (SourceException | IOException e) {
            String why = "image " + row.url() + ": " + oneLine(e);
            posts.mediaFailed(row.id(), why);
            counts.itemErrors.add(why);
            return false;
        }
    }

    /** Runs every analyzer on the post as stored now; returns whether it was flagged. */
    private boolean analyse(Account account, long postId, FetchedPost post, Counts counts) {
        TextAnalyzer text = analyzers.text().get();
        ImageAnalyzer image = analyzers.image() == null ? null : analyzers.image().get();
        List<FindingRow> findings = new ArrayList<>();
        TextAnalysis caption = text.analyze(post.text());
        spans(caption, "caption", null, findings);
        List<TextAnalysis> alts = new ArrayList<>();
        List<ImageAnalysis> images = new ArrayList<>();
        List<TextAnalysis> imageTexts = new ArrayList<>();
        for (MediaRow m : posts.media(postId)) {
            if (m.altText() != null) {
                TextAnalysis alt = text.analyze(m.altText());
                alts.add(alt);
                spans(alt, "alt_text", m.id(), findings);
            }
            if (image == null || !m.stored()) continue;
            try {
                ImageAnalysis a = image.analyze(vault.read(m.filePath()), m.url());
                images.add(a);
                boxes(a, m.id(), findings);
                if (a.text() != null && !a.text().isBlank()) {
                    TextAnalysis inImage = text.analyze(a.text());
                    imageTexts.add(inImage);
                    spans(inImage, "image_text", m.id(), findings);
                }
            } catch (IOException | RuntimeException e) {
                counts.itemErrors.add("image " + m.url() + ": " + oneLine(e));
            }
        }
        posts.replaceFindings(postId, findings);
        RiskDecision decision = policy.decide(new PostEvidence(account, caption, alts, images, imageTexts));
        if (!decision.flagged()) return false;
        cases.open(postId, account.id(), decision);
        return true;
    }

    private static void spans(TextAnalysis analysis, String source, Long mediaId, List<FindingRow> out) {
        for (TextFinding f : analysis.findings()) {
            out.add(new FindingRow(mediaId, source, f.type(), f.text(), f.start(), f.end(), null, null, null, null, f.score()));
        }
    }

    private static void boxes(ImageAnalysis a, long mediaId, List<FindingRow> out) {
        for (Box b : a.faces()) out.add(box(mediaId, "FACE", b));
        for (Box b : a.people()) out.add(box(mediaId, "PERSON", b));
        for (Box b : a.woundRegions()) out.add(box(mediaId, "WOUND_LIKE", b));
        if (a.gps() != null) {
            out.add(new FindingRow(mediaId, "image", "GEOTAGGED", a.gps().lat() + "," + a.gps().lon(), null, null,
                    null, null, null, null, 1.0));
        }
    }

    private static FindingRow box(long mediaId, String type, Box b) {
        return new FindingRow(mediaId, "image", type, null, null, null, b.x(), b.y(), b.w(), b.h(),
                Math.max(0, Math.min(1, b.score())));
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) m = e.getClass().getSimpleName();
        return m.lines().findFirst().orElse(m);
    }

    private static final class Counts {
        int newPosts;
        int media;
        int flagged;
        final List<String> itemErrors = new ArrayList<>();
    }
}
