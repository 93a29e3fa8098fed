package org.wardwatch.core.digest;

import java.util.List;

import org.wardwatch.core.mail.MailMessage;

/** A digest ready to send: the headline subject and both parts. */
public record RenderedDigest(String subject, String text, String html) {
    public MailMessage to(String recipient) {
        return new MailMessage(List.of(recipient), subject, text, html);
    }
}
