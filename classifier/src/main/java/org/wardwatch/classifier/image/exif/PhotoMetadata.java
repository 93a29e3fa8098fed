package org.wardwatch.classifier.image.exif;

import java.time.Instant;

import org.wardwatch.core.analysis.GeoPoint;

/**
 * What the file says about where, when and with what a photo was taken. A GPS position on a ward
 * account's photo can place a person on a named ward, so it is a finding on its own.
 *
 * @param gps      the EXIF GPS position, or null
 * @param takenAt  the capture time (EXIF DateTimeOriginal, read as UTC when no offset is recorded), or null
 * @param device   camera make and model, or null
 */
public record PhotoMetadata(GeoPoint gps, Instant takenAt, String device) {
    public static final PhotoMetadata NONE = new PhotoMetadata(null, null, null);
}
