package org.wardwatch.core.risk;

import java.util.List;

import org.wardwatch.core.analysis.ImageAnalysis;
import org.wardwatch.core.analysis.TextAnalysis;
import org.wardwatch.core.registry.Account;

/**
 * Everything known about one post when the risk policy weighs it.
 *
 * @param altTexts        analyses of each image's alt text
 * @param images          analyses of each stored image
 * @param imageTexts      analyses of the text recognised inside each image
 * @param attached        analyses of a quoted post's or link card's text, with where it was found
 * @param contentWarnings the platform's own warnings on the post ("sensitive media", a label)
 */
public record PostEvidence(Account account, TextAnalysis caption, List<TextAnalysis> altTexts,
                           List<ImageAnalysis> images, List<TextAnalysis> imageTexts,
                           List<Attached> attached, List<String> contentWarnings) {
    public PostEvidence {
        altTexts = List.copyOf(altTexts);
        images = List.copyOf(images);
        imageTexts = List.copyOf(imageTexts);
        attached = attached == null ? List.of() : List.copyOf(attached);
        contentWarnings = contentWarnings == null ? List.of() : List.copyOf(contentWarnings);
    }

    public PostEvidence(Account account, TextAnalysis caption, List<TextAnalysis> altTexts,
                        List<ImageAnalysis> images, List<TextAnalysis> imageTexts) {
        this(account, caption, altTexts, images, imageTexts, List.of(), List.of());
    }

    /** @param kind {@code quote} or {@code card} (AttachedText's kinds, the findings' source) */
    public record Attached(String kind, TextAnalysis analysis) {
        /** How a reviewer names it: "quoted post", "link card". */
        public String where() {
            return org.wardwatch.core.source.AttachedText.QUOTE.equals(kind) ? "quoted post" : "link card";
        }
    }
}
