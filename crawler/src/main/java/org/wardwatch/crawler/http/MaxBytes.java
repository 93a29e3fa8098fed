package org.wardwatch.crawler.http;

/** A request tag that sets a size cap other than the client's default (images have their own). */
public record MaxBytes(long value) {
}
