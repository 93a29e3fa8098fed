package org.wardwatch.core.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Text read from a platform, made fit to store. Control characters have no place in a caption: a NUL
 * breaks tools that read the database or an export, and the others (C0 but tab, newline and
 * carriage return; DEL; C1) only hide or garble what follows, so they are removed. Bidirectional
 * controls (U+202E RIGHT-TO-LEFT OVERRIDE and its kin) are kept, because they are part of what the
 * poster wrote and removing one changes how the rest reads, but they are counted, so a reviewer
 * can be told that the text may not read the way it displays.
 */
public final class CrawledText {
    private CrawledText() {
    }

    /** A post with its control characters removed, and what was found. */
    public record CleanPost(FetchedPost post, int controlsRemoved, int bidiControls) {
    }

    /** A string with its control characters removed, and what was found. */
    public record Clean(String text, int controlsRemoved, int bidiControls) {
    }

    public static CleanPost clean(FetchedPost post) {
        Counter c = new Counter();
        List<FetchedMedia> media = new ArrayList<>();
        for (FetchedMedia m : post.media()) {
            media.add(new FetchedMedia(m.url(), c.add(m.altText()), m.mimeHint(), m.width(), m.height()));
        }
        List<String> warnings = post.contentWarnings().stream().map(c::add).toList();
        List<AttachedText> attached = post.attached().stream()
                .map(a -> new AttachedText(a.kind(), c.add(a.text()), a.url())).toList();
        FetchedPost cleaned = new FetchedPost(post.externalId(), post.permalink(), post.publishedAt(), post.editedAt(),
                c.add(post.text()), media, post.visibility(), warnings, attached);
        return new CleanPost(cleaned, c.removed, c.bidi);
    }

    public static Clean clean(String text) {
        if (text == null) return new Clean(null, 0, 0);
        StringBuilder out = null;
        int removed = 0;
        int bidi = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (isRemoved(ch)) {
                if (out == null) out = new StringBuilder(text.length()).append(text, 0, i);
                removed++;
                continue;
            }
            if (isBidiControl(ch)) bidi++;
            if (out != null) out.append(ch);
        }
        return new Clean(out == null ? text : out.toString(), removed, bidi);
    }

    /** C0 controls except tab, newline and carriage return; DEL; C1 controls. */
    static boolean isRemoved(char ch) {
        return (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || (ch >= 0x7F && ch <= 0x9F);
    }

    /** Marks, embeddings, overrides and isolates that change the direction text is displayed in. */
    static boolean isBidiControl(char ch) {
        return ch == '\u061C' || ch == '\u200E' || ch == '\u200F' || (ch >= '\u202A' && ch <= '\u202E')
                || (ch >= '\u2066' && ch <= '\u2069');
    }

    private static final class Counter {
        int removed;
        int bidi;

        String add(String text) {
            Clean c = clean(text);
            removed += c.controlsRemoved();
            bidi += c.bidiControls();
            return c.text();
        }
    }
}
