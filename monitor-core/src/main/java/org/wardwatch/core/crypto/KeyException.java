package org.wardwatch.core.crypto;

/** The key is missing, wrong or unusable; the message is one line naming the key and what to do. */
public class KeyException extends RuntimeException {
    public KeyException(String message) {
        super(message);
    }
}
