package org.wardwatch.core.mail;

import java.util.Properties;

import org.wardwatch.core.config.WardWatchConfig;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** Jakarta Mail (Angus) over SMTP, with STARTTLS or TLS and authentication as configured. */
public final class SmtpMailer implements Mailer {
    private final Session session;
    private final String from;

    public SmtpMailer(WardWatchConfig.Smtp smtp, String password) {
        Properties p = new Properties();
        p.put("mail.smtp.host", smtp.host());
        p.put("mail.smtp.port", String.valueOf(smtp.port()));
        p.put("mail.smtp.connectiontimeout", "15000");
        p.put("mail.smtp.timeout", "30000");
        p.put("mail.smtp.writetimeout", "30000");
        switch (smtp.security()) {
            case "tls" -> p.put("mail.smtp.ssl.enable", "true");
            case "starttls" -> p.put("mail.smtp.starttls.enable", "true");
            default -> { }
        }
        Authenticator auth = null;
        if (smtp.username() != null) {
            p.put("mail.smtp.auth", "true");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(smtp.username(), password == null ? "" : password);
                }
            };
        }
        this.session = Session.getInstance(p, auth);
        this.from = smtp.from();
    }

    @Override
    public void send(MailMessage message) throws MailException {
        try {
            MimeMessage mime = new MimeMessage(session);
            mime.setFrom(new InternetAddress(from));
            for (String to : message.to()) mime.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
            mime.setSubject(message.subject(), "UTF-8");
            if (message.html() == null) {
                mime.setText(message.text(), "UTF-8");
            } else {
                MimeMultipart alternative = new MimeMultipart("alternative");
                MimeBodyPart text = new MimeBodyPart();
                text.setText(message.text(), "UTF-8");
                MimeBodyPart html = new MimeBodyPart();
                html.setContent(message.html(), "text/html; charset=UTF-8");
                alternative.addBodyPart(text);
                alternative.addBodyPart(html);
                mime.setContent(alternative);
            }
            Transport.send(mime);
        } catch (MessagingException e) {
            Throwable root = e;
            while (root.getCause() != null) root = root.getCause();
            throw new MailException("SMTP send to " + message.to() + " failed: "
                    + String.valueOf(root.getMessage()).lines().findFirst().orElse(""), e);
        }
    }
}
