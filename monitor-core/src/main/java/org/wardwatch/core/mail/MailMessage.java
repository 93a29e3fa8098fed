package org.wardwatch.core.mail;

import java.util.List;
import java.util.Objects;

/** An email with a plain-text part and, optionally, an HTML part. */
public record MailMessage(List<String> to, String subject, String text, String html) {
    public MailMessage {
        to = List.copyOf(to);
        if (to.isEmpty()) throw new IllegalArgumentException("no recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }
}
