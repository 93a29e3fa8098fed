package org.wardwatch.core.source;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One public post as a source read it.
 *
 * @param externalId the platform's id for the post, unique per platform (a feed item's guid or link)
 * @param visibility the platform's visibility where it has one (Mastodon public/unlisted), else null
 * @param editedAt   when the platform says it was last edited, if it says
 */
public record FetchedPost(String externalId, String permalink, Instant publishedAt, Instant editedAt,
                          String text, List<FetchedMedia> media, String visibility) {
    public FetchedPost {
        Objects.requireNonNull(externalId, "externalId");
        text = text == null ? "" : text;
        media = media == null ? List.of() : List.copyOf(media);
    }

    public FetchedPost(String externalId, String permalink, Instant publishedAt, String text, List<FetchedMedia> media) {
        this(externalId, permalink, publishedAt, null, text, media, null);
    }
}
