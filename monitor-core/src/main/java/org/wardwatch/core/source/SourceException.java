package org.wardwatch.core.source;

/** An account could not be read; the message is one line a person can act on. */
public class SourceException extends Exception {
    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
