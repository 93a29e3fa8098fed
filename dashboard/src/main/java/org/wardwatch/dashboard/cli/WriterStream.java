package org.wardwatch.dashboard.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** A PrintStream over picocli's writer, for the classifier's plain-Java commands, which print to streams. */
final class WriterStream extends ByteArrayOutputStream {
    private final PrintWriter writer;

    private WriterStream(PrintWriter writer) {
        this.writer = writer;
    }

    static PrintStream of(PrintWriter writer) {
        return new PrintStream(new WriterStream(writer), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void flush() {
        // a multi-byte character is never split: PrintStream flushes whole strings
        writer.write(toString(StandardCharsets.UTF_8));
        writer.flush();
        reset();
    }
}
