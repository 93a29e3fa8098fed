package org.wardwatch.core.mail;

/** Sends email. Throws {@link MailException} with a one-line reason when the server refuses. */
public interface Mailer {
    void send(MailMessage message) throws MailException;
}
