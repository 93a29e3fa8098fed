package org.wardwatch.core.digest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.jdbi.v3.core.Jdbi;

/**
 * One realistic week for the digest tests: Willow Trust (RX4) in ISO week 2026-W47, seen from
 * Monday 23 November 2026 08:00 London. Its captions and reasons name a patient, which no digest may
 * repeat.
 */
public final class DigestScenario {
    public static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    public static final IsoWeek WEEK = IsoWeek.parse("2026-W47");
    public static final String BASE_URL = "https://wardwatch.example.nhs.uk";

    /** Words that appear in captions, alt texts, media URLs and reasons, and must never reach an email. */
    public static final String[] SECRETS = {"Doreen", "birthday cake", "80th", "garden-party", "Mrs Okafor", "twins",
        "discharged today", "nhs.social/@ward"};
    public static final String CAPTION_1 = "Doreen enjoying her 80th birthday cake at the Willow Ward garden party";
    public static final String REASONS_1 = "[\"caption names a patient: 'Doreen'\", \"caption gives an age: '80th'\", \"face in image\"]";
    public static final String CAPTION_2 = "Mrs Okafor and her twins discharged today from our mother and baby unit";
    public static final String REASONS_2 = "[\"caption names a patient: 'Mrs Okafor'\", \"care event: 'discharged today'\"]";

    public final long willow;
    public final long ash;
    public long willowWard;
    public long motherAndBaby;
    public long birchWard;
    public long rowanWard;
    public long newWillow1;
    public long newWillow2;
    public long newMotherAndBaby;
    public long dismissed;
    public long overdue;
    public long dueLater;
    public long notRequested;
    public long removed;

    public DigestScenario(Jdbi jdbi) {
        DigestFixture f = new DigestFixture(jdbi, Instant.parse("2026-10-01T09:00:00Z"));
        willow = f.organisation("Willow Trust", "RX4", "comms@willow.nhs.uk", "ig@willow.nhs.uk");
        ash = f.organisation("Ash Trust", "RA2", "comms@ash.nhs.uk", null);
        willowWard = f.account(willow, "Willow Ward");
        motherAndBaby = f.account(willow, "Mother & Baby Unit");
        birchWard = f.account(willow, "Birch Ward");
        rowanWard = f.account(willow, "Rowan Ward");
        f.account(ash, "Ash Ward");

        Instant tuesday = Instant.parse("2026-11-17T10:00:00Z");
        newWillow1 = f.flaggedPost(willow, willowWard, CAPTION_1, "FACE,PERSON_NAME,AGE", REASONS_1, "open", tuesday);
        newWillow2 = f.flaggedPost(willow, willowWard, "Sunny day in the garden", "FACE", "[\"face in image\"]",
                "confirmed", Instant.parse("2026-11-22T23:30:00Z")); // Sunday 23:30 GMT: still W47
        newMotherAndBaby = f.flaggedPost(willow, motherAndBaby, CAPTION_2, "PERSON_NAME,PERINATAL,CARE_EVENT", REASONS_2,
                "open", Instant.parse("2026-11-16T00:00:00Z")); // the first instant of W47
        dismissed = f.flaggedPost(willow, willowWard, "Team photo", "PERSON", "[\"people\"]", "dismissed", tuesday);
        f.flaggedPost(willow, willowWard, "Next week", "FACE", "[\"face\"]", "open",
                Instant.parse("2026-11-23T00:00:00Z")); // W48: not this digest's

        Instant earlier = Instant.parse("2026-11-05T10:00:00Z");
        overdue = f.flaggedPost(willow, birchWard, CAPTION_1, "FACE", REASONS_1, "confirmed", earlier);
        f.removalRequest(overdue, "sent", Instant.parse("2026-11-20T17:00:00Z"), null);
        dueLater = f.flaggedPost(willow, motherAndBaby, CAPTION_2, "PERINATAL", REASONS_2, "confirmed", earlier);
        f.removalRequest(dueLater, "acknowledged", Instant.parse("2026-11-27T17:00:00Z"), null);
        notRequested = f.flaggedPost(willow, willowWard, CAPTION_1, "FACE", REASONS_1, "confirmed", earlier);
        removed = f.flaggedPost(willow, rowanWard, CAPTION_1, "FACE", REASONS_1, "resolved", earlier);
        f.removalRequest(removed, "removed", Instant.parse("2026-11-19T17:00:00Z"), Instant.parse("2026-11-18T15:00:00Z"));
        f.postDeleted(removed, Instant.parse("2026-11-18T14:00:00Z"));

        f.crawlError(rowanWard, "HTTP 503 from https://nhs.social/api/v1/accounts", Instant.parse("2026-11-22T06:00:00Z"),
                Instant.parse("2026-11-19T06:00:00Z"));
    }

    public static DigestBuilder builder(Jdbi jdbi) {
        return new DigestBuilder(jdbi, CLOCK, LONDON, BASE_URL);
    }
}
