package org.wardwatch.core.risk;

import java.util.List;

import org.wardwatch.core.analysis.ImageAnalysis;
import org.wardwatch.core.analysis.TextAnalysis;
import org.wardwatch.core.registry.Account;

/**
 * Everything known about one post when the risk policy weighs it.
 *
 * @param altTexts    analyses of each image's alt text
 * @param images      analyses of each stored image
 * @param imageTexts  analyses of the text recognised inside each image
 */
public record PostEvidence(Account account, TextAnalysis caption, List<TextAnalysis> altTexts,
                           List<ImageAnalysis> images, List<TextAnalysis> imageTexts) {
    public PostEvidence {
        altTexts = List.copyOf(altTexts);
        images = List.copyOf(images);
        imageTexts = List.copyOf(imageTexts);
    }
}
