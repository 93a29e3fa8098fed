package org.wardwatch.dashboard.cli;

import java.nio.file.Path;
import java.util.Optional;

import org.slf4j.LoggerFactory;
import org.wardwatch.core.files.ExposedFiles;

/**
 * Tells Logback (config/logback.xml) where the data directory is before any logger exists, so the
 * rolling log file lands in the data directory the command was given. Before that, it looks at the
 * data directory as it was left: anything in it other accounts could open is reported once, on
 * standard error and in the log, with the command that closes it.
 */
final class Logging {
    private Logging() {
    }

    static void prepare(String[] args) {
        String data = "data";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data") && i + 1 < args.length) data = args[i + 1];
            else if (args[i].startsWith("--data=")) data = args[i].substring("--data=".length());
        }
        Path dir = Path.of(data).toAbsolutePath().normalize();
        // looked at before anything is created in it, so the warning is about what was there
        Optional<String> exposed = ExposedFiles.warning(dir);
        if (System.getProperty("wardwatch.data") == null) {
            System.setProperty("wardwatch.data", dir.toString());
        }
        exposed.ifPresent(w -> LoggerFactory.getLogger(WardWatch.class).warn(w));
    }
}
