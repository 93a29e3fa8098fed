package org.wardwatch.dashboard.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.wardwatch.core.files.OwnerOnly;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;

/**
 * The rolling log file, created owner-only (config/logback.xml names this class). Logback otherwise
 * creates the folder and each day's file with the process's umask, and a log names accounts, posts
 * and errors that belong with the rest of the data directory. Rolled files are renamed, not copied
 * or compressed, so they keep the owner-only mode of the file they were.
 */
public final class OwnerOnlyLogFile extends RollingFileAppender<ILoggingEvent> {
    @Override
    public void openFile(String fileName) throws IOException {
        Path file = Path.of(fileName).toAbsolutePath();
        OwnerOnly.directories(file.getParent());
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, OwnerOnly.fileAttributes(file.getParent()));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another WardWatch process logging to the same file made it first
            }
        }
        OwnerOnly.restrict(file);
        super.openFile(fileName);
    }
}
