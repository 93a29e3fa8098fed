package org.wardwatch.core.recheck;

import org.wardwatch.core.source.PostStatus;

/** What one re-check found for one post: the line {@code recheck --once} prints. */
public record RecheckOutcome(long postId, long accountId, String permalink, PostStatus status) {
}
