package org.wardwatch.core.crypto;

/**
 * The database columns that hold patient content: what a post says (caption, alt texts, quoted posts
 * and link cards, content warnings) and what was found in it (quoted spans, text read from images).
 * Each is stored encrypted by {@link ContentCipher}; the column's name is bound to its ciphertext, so
 * a value moved into another column does not decrypt.
 */
public enum ContentColumn {
    POST_TEXT("posts", "text"),
    POST_ALT_TEXTS("posts", "alt_texts"),
    POST_ATTACHED_TEXTS("posts", "attached_texts"),
    POST_CONTENT_WARNINGS("posts", "content_warnings"),
    MEDIA_ALT_TEXT("media", "alt_text"),
    FINDING_TEXT("findings", "text");

    private final String table;
    private final String column;

    ContentColumn(String table, String column) {
        this.table = table;
        this.column = column;
    }

    public String table() {
        return table;
    }

    public String column() {
        return column;
    }

    /** {@code posts.text}: names the column in messages and binds its values to it. */
    public String field() {
        return table + "." + column;
    }
}
