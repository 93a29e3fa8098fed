package org.wardwatch.core.store;

/** The database could not do what was asked; the message names the database and the cause in one line. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
