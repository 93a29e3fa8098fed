package org.wardwatch.core.source;

import java.util.Objects;

/** An image a post links to, as the platform describes it, before it is downloaded. */
public record FetchedMedia(String url, String altText, String mimeHint, Integer width, Integer height) {
    public FetchedMedia {
        Objects.requireNonNull(url, "url");
        altText = altText == null || altText.isBlank() ? null : altText.strip();
    }

    public static FetchedMedia of(String url, String altText) {
        return new FetchedMedia(url, altText, null, null, null);
    }
}
