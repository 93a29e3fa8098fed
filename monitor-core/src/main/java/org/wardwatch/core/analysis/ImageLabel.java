package org.wardwatch.core.analysis;

public enum ImageLabel {
    FACE, PERSON, WOUND_LIKE, GEOTAGGED, TEXT
}
