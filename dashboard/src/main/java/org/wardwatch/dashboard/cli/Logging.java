package org.wardwatch.dashboard.cli;

import java.nio.file.Path;

/**
 * Tells Logback (config/logback.xml) where the data directory is before any logger exists, so the
 * rolling log file lands in the data directory the command was given.
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
        if (System.getProperty("wardwatch.data") == null) {
            System.setProperty("wardwatch.data", Path.of(data).toAbsolutePath().normalize().toString());
        }
    }
}
