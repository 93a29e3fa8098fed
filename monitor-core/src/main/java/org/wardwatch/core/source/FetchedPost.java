package org.wardwatch.core.source;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One public post as a source read it.
 *
 * @param externalId      the platform's id for the post, unique within the account's feed or timeline
 * @param visibility      the platform's visibility where it has one (Mastodon public/unlisted), else null
 * @param editedAt        when the platform says it was last edited, if it says
 * @param media           its images, and those of a quoted post or link card, with their alt texts
 * @param contentWarnings the platform's own warnings on the post, in words ("sensitive media",
 *                        "content warning: …", a Bluesky label such as "graphic-media"): a warning on a
 *                        ward photo is itself a signal
 * @param attached        a quoted post's text and a link card's text, analysed as part of the post
 */
public record FetchedPost(String externalId, String permalink, Instant publishedAt, Instant editedAt,
                          String text, List<FetchedMedia> media, String visibility,
                          List<String> contentWarnings, List<AttachedText> attached) {
    public FetchedPost {
        Objects.requireNonNull(externalId, "externalId");
        text = text == null ? "" : text;
        media = media == null ? List.of() : List.copyOf(media);
        contentWarnings = contentWarnings == null ? List.of() : List.copyOf(contentWarnings);
        attached = attached == null ? List.of() : List.copyOf(attached);
    }

    public FetchedPost(String externalId, String permalink, Instant publishedAt, Instant editedAt,
                       String text, List<FetchedMedia> media, String visibility) {
        this(externalId, permalink, publishedAt, editedAt, text, media, visibility, List.of(), List.of());
    }

    public FetchedPost(String externalId, String permalink, Instant publishedAt, String text, List<FetchedMedia> media) {
        this(externalId, permalink, publishedAt, null, text, media, null);
    }
}
