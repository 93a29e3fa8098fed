package org.wardwatch.core.analysis;

public record GeoPoint(double lat, double lon) {
}
