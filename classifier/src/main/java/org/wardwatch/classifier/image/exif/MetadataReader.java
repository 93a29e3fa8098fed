package org.wardwatch.classifier.image.exif;

import java.io.ByteArrayInputStream;
import java.util.Date;
import java.util.TimeZone;

import org.wardwatch.core.analysis.GeoPoint;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;

/** Reads EXIF with metadata-extractor. Never fails: a photo with broken or no metadata simply has none. */
public final class MetadataReader {
    public PhotoMetadata read(byte[] image) {
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(image), image.length);
        } catch (Exception | StackOverflowError e) {
            return PhotoMetadata.NONE;
        }
        return new PhotoMetadata(gps(metadata), takenAt(metadata), device(metadata));
    }

    private static GeoPoint gps(Metadata metadata) {
        for (GpsDirectory gps : metadata.getDirectoriesOfType(GpsDirectory.class)) {
            GeoLocation loc = gps.getGeoLocation();
            // 0,0 is what some cameras write when they have no fix
            if (loc != null && !loc.isZero() && Math.abs(loc.getLatitude()) <= 90 && Math.abs(loc.getLongitude()) <= 180) {
                return new GeoPoint(loc.getLatitude(), loc.getLongitude());
            }
        }
        return null;
    }

    private static java.time.Instant takenAt(Metadata metadata) {
        ExifSubIFDDirectory sub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        if (sub == null) return null;
        Date d = sub.getDateOriginal(TimeZone.getTimeZone("UTC"));
        return d == null ? null : d.toInstant();
    }

    private static String device(Metadata metadata) {
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        if (ifd0 == null) return null;
        String make = ifd0.getString(ExifIFD0Directory.TAG_MAKE), model = ifd0.getString(ExifIFD0Directory.TAG_MODEL);
        if (make == null && model == null) return null;
        if (make == null) return model.trim();
        if (model == null || model.startsWith(make.trim())) return model == null ? make.trim() : model.trim();
        return (make.trim() + " " + model.trim()).trim();
    }
}
