package org.wardwatch.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The labelled data in {@code ../shared/data}, which is never committed. Tests that need it call
 * {@link #require(String)}, which skips them with a clear message on a user's clone that has none.
 */
public final class SharedData {
    private SharedData() {
    }

    public static Path root() {
        String configured = System.getProperty("wardwatch.sharedData");
        if (configured == null) configured = System.getenv("WARDWATCH_SHARED_DATA");
        return Path.of(configured != null ? configured : "../shared/data").toAbsolutePath().normalize();
    }

    /** The given folder or file under the shared data, or the test is skipped saying what is missing. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        Assumptions.assumeTrue(Files.exists(p),
                "skipped: " + p + " is absent (the labelled data lives in ../shared/data and is never committed)");
        return p;
    }
}
