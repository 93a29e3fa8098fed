package org.wardwatch.core.source;

import java.util.Objects;

/**
 * Text that is part of what a reader sees in a post without being its caption: a quoted post's
 * text, or a link card's title and description. Analysed like the caption, reported with its kind.
 *
 * @param kind {@link #QUOTE} or {@link #CARD}
 * @param url  the quoted post's or the linked page's address, when known
 */
public record AttachedText(String kind, String text, String url) {
    public static final String QUOTE = "quote";
    public static final String CARD = "card";

    public AttachedText {
        Objects.requireNonNull(kind, "kind");
        text = text == null ? "" : text.strip();
    }
}
