package org.wardwatch.dashboard.requests;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.wardwatch.dashboard.review.CaseDetail;
import org.wardwatch.dashboard.review.Reasons;

/**
 * The first draft of a removal request. It says where the post is and what kind of identifying
 * content it carries, in general terms only: never the name, age, date or words that were found,
 * so forwarding the email does not spread the patient's details further. It cites the guidance the
 * owner is bound by.
 */
public final class RequestTemplate {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private RequestTemplate() {
    }

    public record Draft(String recipient, String subject, String body, LocalDate due) {
    }

    public static Draft draft(CaseDetail c, String reviewer, LocalDate due) {
        String recipient = c.ownerEmail() == null ? "" : c.ownerEmail();
        String platform = platformName(c.account().platform());
        String subject = "Please remove a post on " + c.account().name() + " (" + platform + "): patient confidentiality";
        Set<String> concerns = new LinkedHashSet<>();
        for (String s : c.signals()) concerns.add(Reasons.signalForOwner(s));
        StringBuilder concernText = new StringBuilder();
        for (String s : concerns) concernText.append("  - ").append(s).append('\n');
        String posted = c.post().publishedAt() == null ? "" : ", posted on "
                + DAY.format(c.post().publishedAt().atZone(ZoneOffset.UTC));
        String body = """
                Dear colleague,

                During routine monitoring of %1$s's public social media accounts, WardWatch found a post on the \
                %2$s %3$s account that we believe may allow a patient to be identified:

                  %4$s%5$s

                What it contains:
                %6$s
                We have deliberately not repeated any details of the person here.

                Please remove the post (delete it, not just hide or archive it) by %7$s and reply to this email \
                when it is gone. If the person shown gave explicit, informed consent for this use that is recorded \
                in their notes, please reply with where the consent is recorded instead, and we will close this \
                request.

                Why this matters:
                  - Caldicott principles 1 to 4 and 7: confidential information about patients is used only where \
                justified, only the minimum necessary, and on a need-to-know basis; a public post is none of these, \
                and the duty to protect confidentiality lasts beyond a patient's discharge.
                  - UK GDPR and the Data Protection Act 2018: an image or caption from which a patient of a mental \
                health service can be identified is special category (health) data, which needs explicit consent.
                  - NMC Code (section 5) and guidance on social media, HCPC guidance on social media, and GMC \
                confidentiality guidance: registrants must not share information or images that could identify \
                a patient without their consent, and blurring a face is not enough when the setting, clothes, \
                tattoos, scars or caption can still identify them.

                Thank you for acting on this quickly.

                %8$s
                Information governance, %1$s
                """.formatted(c.organisation().name(), c.account().name(), platform,
                c.post().permalink() == null ? "(link not available)" : c.post().permalink(), posted,
                concernText, DAY.format(due), reviewer);
        return new Draft(recipient, subject, body, due);
    }

    static String platformName(String platform) {
        if (platform == null) return "social media";
        return switch (platform.toLowerCase(Locale.ROOT)) {
            case "x" -> "X";
            case "rss", "atom" -> "website feed";
            case "html" -> "web page";
            case "wordpress" -> "WordPress";
            case "bluesky" -> "Bluesky";
            case "mastodon" -> "Mastodon";
            default -> platform;
        };
    }
}
