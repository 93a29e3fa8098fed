package org.wardwatch.core.mail;

public class MailException extends Exception {
    public MailException(String message, Throwable cause) {
        super(message, cause);
    }
}
