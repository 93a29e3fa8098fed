package org.wardwatch.core.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.wardwatch.core.analysis.Box;
import org.wardwatch.core.analysis.ImageAnalysis;
import org.wardwatch.core.analysis.ImageAnalyzer;
import org.wardwatch.core.analysis.TextAnalysis;
import org.wardwatch.core.analysis.TextAnalyzer;
import org.wardwatch.core.analysis.TextFinding;
import org.wardwatch.core.media.ImageSniffer;
import org.wardwatch.core.media.MediaVault;
import org.wardwatch.core.registry.Account;
import org.wardwatch.core.risk.PostEvidence;
import org.wardwatch.core.risk.RiskDecision;
import org.wardwatch.core.risk.RiskPolicy;
import org.wardwatch.core.source.AttachedText;
import org.wardwatch.core.source.Deadline;
import org.wardwatch.core.source.MediaFetcher;
import org.wardwatch.core.source.SourceException;
import org.wardwatch.core.store.AnalysisQueue;
import org.wardwatch.core.store.CaseStore;
import org.wardwatch.core.store.PostStore;
import org.wardwatch.core.store.PostStore.FindingRow;
import org.wardwatch.core.store.PostStore.MediaRow;

/**
 * Analyses one stored post, reading everything from the database so that a post left pending by a
 * killed process is analysed exactly as a fresh one: its outstanding images are fetched (size-capped,
 * sniffed, hashed, encrypted once), then caption, alt texts, attached texts, images and the text in
 * them are analysed, the risk policy decides, and findings, case and "analysed" commit together.
 */
public final class PostAnalysis {
    private final PostStore posts;
    private final CaseStore cases;
    private final AnalysisQueue queue;
    private final MediaVault vault;
    private final MediaFetcher fetcher;
    private final Analyzers analyzers;
    private final RiskPolicy policy;
    private final long maxMediaBytes;

    public PostAnalysis(PostStore posts, CaseStore cases, AnalysisQueue queue, MediaVault vault, MediaFetcher fetcher,
                        Analyzers analyzers, RiskPolicy policy, long maxMediaBytes) {
        this.posts = posts;
        this.cases = cases;
        this.queue = queue;
        this.vault = vault;
        this.fetcher = fetcher;
        this.analyzers = analyzers;
        this.policy = policy;
        this.maxMediaBytes = maxMediaBytes;
    }

    /**
     * @param mediaStored images stored now
     * @param problems    one line per image that could not be fetched or analysed
     */
    public record Result(boolean flagged, int mediaStored, List<String> problems) {
    }

    /** Fetches the post's outstanding images within the deadline, analyses it and records the result. */
    public Result run(Account account, long postId, Deadline deadline) {
        List<String> problems = new ArrayList<>();
        int stored = 0;
        for (MediaRow row : posts.media(postId)) {
            if (!row.outstanding() || deadline.passed()) continue;
            if (fetch(account, row, deadline, problems)) stored++;
        }
        boolean complete = posts.media(postId).stream().noneMatch(MediaRow::outstanding);
        if (!complete && deadline.passed()) problems.add("post " + postId + ": images left for the next crawl (" + deadline + " passed)");
        RiskDecision decision = analyse(account, postId, problems);
        return new Result(decision.flagged(), stored, problems);
    }

    /** @return whether the image is now stored */
    private boolean fetch(Account account, MediaRow row, Deadline deadline, List<String> problems) {
        try {
            byte[] bytes = fetcher.fetch(account, row.url(), maxMediaBytes, deadline);
            ImageSniffer.Sniffed sniffed = ImageSniffer.sniff(bytes);
            if (sniffed == null) throw new SourceException("not an image (" + bytes.length + " bytes of unknown type)");
            String sha = MediaVault.sha256(bytes);
            String path = vault.store(bytes, sha);
            posts.mediaStored(row.id(), sha, bytes.length, sniffed.mime(), sniffed.width(), sniffed.height(), path);
            return true;
        } catch (SourceException | IOException e) {
            String m = IngestPipeline.oneLine(e);
            String why = m.startsWith("image ") ? m : "image " + row.url() + ": " + m;
            posts.mediaFailed(row.id(), why);
            problems.add(why);
            return false;
        }
    }

    private RiskDecision analyse(Account account, long postId, List<String> problems) {
        PostStore.StoredPost post = posts.stored(postId).orElseThrow(() -> new IllegalStateException("no post " + postId));
        TextAnalyzer text = analyzers.text().get();
        ImageAnalyzer image = analyzers.image() == null ? null : analyzers.image().get();
        List<FindingRow> findings = new ArrayList<>();
        TextAnalysis caption = text.analyze(post.text());
        spans(caption, "caption", null, findings);
        List<PostEvidence.Attached> attached = new ArrayList<>();
        for (AttachedText a : post.attached()) {
            TextAnalysis t = text.analyze(a.text());
            attached.add(new PostEvidence.Attached(a.kind(), t));
            spans(t, a.kind(), null, findings);
        }
        for (String w : post.contentWarnings()) {
            findings.add(new FindingRow(null, "platform", "CONTENT_WARNING", w, null, null, null, null, null, null, 1.0));
        }
        List<TextAnalysis> alts = new ArrayList<>();
        List<ImageAnalysis> images = new ArrayList<>();
        List<TextAnalysis> imageTexts = new ArrayList<>();
        List<MediaRow> media = posts.media(postId);
        for (MediaRow m : media) {
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
                problems.add("image " + m.url() + ": " + IngestPipeline.oneLine(e));
            }
        }
        RiskDecision decision = policy.decide(new PostEvidence(account, caption, alts, images, imageTexts, attached,
                post.contentWarnings()));
        boolean complete = media.stream().noneMatch(MediaRow::outstanding);
        queue.complete(postId, account.id(), findings, decision, complete, posts, cases);
        return decision;
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
}
