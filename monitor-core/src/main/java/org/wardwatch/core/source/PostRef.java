package org.wardwatch.core.source;

/** A stored post a source is asked to re-check. */
public record PostRef(long id, String externalId, String permalink) {
}
