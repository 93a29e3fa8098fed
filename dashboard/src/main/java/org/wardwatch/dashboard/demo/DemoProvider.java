package org.wardwatch.dashboard.demo;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.wardwatch.core.registry.Account;
import org.wardwatch.core.registry.AccountKind;
import org.wardwatch.core.registry.Organisation;
import org.wardwatch.core.registry.OrganisationKind;
import org.wardwatch.core.registry.Platform;
import org.wardwatch.core.registry.RegistryFile;
import org.wardwatch.dashboard.demo.DemoPlatform.Image;
import org.wardwatch.dashboard.demo.DemoPlatform.Post;

/**
 * The demo's fictional providers: Fernhill Mental Health NHS Foundation Trust with its trust, ward,
 * service and staff accounts on four platforms, and a small independent hospital, with posts of
 * every kind a reviewer meets: patients named in captions, a whiteboard with names and beds, a
 * geotagged ward photo, marks on skin, mothers and babies, and the staff news that must not be
 * flagged. Every name and place is invented.
 */
public final class DemoProvider {
    public static final String FERNHILL = "RZF";
    public static final String ASHDOWN = "NZA01";

    private DemoProvider() {
    }

    /** The posts, by a short name tests use to find one again. */
    public static Map<String, Post> publish(DemoPlatform p, Instant now, Path ownImages) throws IOException {
        Map<String, Post> named = new LinkedHashMap<>();
        Instant d = now.minus(Duration.ofDays(1));
        named.put("birthday", p.publish("mastodon", "willowward", null,
                "Happy 60th birthday Doreen! The whole of Willow Ward celebrated with cake in the garden today. "
                        + "Our patients made the decorations themselves.",
                d.minus(Duration.ofHours(3)), img("cake-doreen", DemoImages.birthdayCake("Doreen"), "A birthday cake with candles", 1000, 750),
                img("garden-group", DemoImages.gardenGroup(5), "Patients and staff in the ward garden", 1200, 800)));
        named.put("whiteboard", p.publish("mastodon", "willowward", null,
                "Board round done and the team is ready for the weekend! #TeamWillow",
                d.minus(Duration.ofDays(2)), img("whiteboard", DemoImages.whiteboard("Bed 4: Doreen Mills", "Bed 6: Kyle Ashby  s.3",
                        "NHS 943 476 5919", "Leave: Sat 2pm-6pm"), "The ward whiteboard", 1024, 768)));
        named.put("dayroom", p.publish("mastodon", "willowward", null,
                "Our refurbished day room is finally finished, thanks to the League of Friends.",
                d.minus(Duration.ofDays(3)), img("dayroom", DemoImages.geotaggedDayRoom(51.4545, -2.5879), "The new day room", 1200, 800)));
        named.put("discharge", p.publish("mastodon", "fernhillnhs", null,
                "So proud of Jordan, 17, who was discharged from Oak House today after five months with us. "
                        + "Good luck at college, Jordan!", d.minus(Duration.ofDays(4))));
        named.put("sensory", p.publish("mastodon", "fernhillnhs", null,
                "Our new sensory room at Fernhill opens to service users on Monday.",
                d.minus(Duration.ofDays(5)), img("sensory", DemoImages.sensoryRoom(), "A sensory room with coloured lights", 1000, 700)));
        named.put("staffaward", p.publish("mastodon", "samokafor", null,
                "Honoured to be named Nurse of the Year at the Fernhill staff awards. Thank you to the best team!",
                d.minus(Duration.ofDays(6)), img("award", DemoImages.staffAward("Sam Okafor"), "A certificate", 1000, 700)));
        named.put("mumbaby", p.publish("bluesky", "birchmbu.fernhill.example", null,
                "Lovely to see mum Aisha and baby Noor doing so well before they go home next week. "
                        + "Our mums and babies make Birch so special.",
                d.minus(Duration.ofDays(2)), img("garden-mbu", DemoImages.gardenGroup(2), "A mother holding her baby", 1200, 800)));
        named.put("mbufundraiser", p.publish("bluesky", "birchmbu.fernhill.example", null,
                "Staff from Birch ran 10k for the unit's garden fund. Thank you to everyone who sponsored us!",
                d.minus(Duration.ofDays(8))));
        named.put("skin", p.publish("wordpress", "oakhouse", "Art therapy week",
                "This week our young people explored art therapy. One shared how her arm has healed since admission "
                        + "in March and let us photograph it for our blog.",
                d.minus(Duration.ofDays(3)), img("arm", DemoImages.skinWithMarks(), "A young person's forearm", 900, 600)));
        named.put("oakstaff", p.publish("wordpress", "oakhouse", "Welcome to our new consultant",
                "We are delighted to welcome Dr Priya Nair as consultant psychiatrist at Oak House.",
                d.minus(Duration.ofDays(9))));
        named.put("sectioned", p.publish("rss", "fernhill-news", "A day on the PICU",
                "A day on Willow Ward PICU: we meet Kyle, 34, who was sectioned in January and is now preparing for leave.",
                d.minus(Duration.ofDays(5)), img("picu-group", DemoImages.gardenGroup(3), "Kyle with two nurses", 1200, 800)));
        named.put("boardnews", p.publish("rss", "fernhill-news", "Board meeting papers",
                "Papers for the public board meeting on 4 December are now available.", d.minus(Duration.ofDays(7))));
        named.put("ashdownparty", p.publish("rss", "ashdown-lodge", "Summer party",
                "Residents of Ashdown Lodge enjoyed the summer party; Margaret (82) won the raffle!",
                d.minus(Duration.ofDays(10)), img("ashdown-party", DemoImages.gardenGroup(4), "Residents at the party", 1200, 800)));
        named.put("ashdownnews", p.publish("rss", "ashdown-lodge", "New garden",
                "The new sensory garden at Ashdown Lodge is open.", d.minus(Duration.ofDays(12)),
                img("ashdown-garden", DemoImages.sensoryRoom(), "Garden lights", 1000, 700)));
        if (ownImages != null) {
            int i = 0;
            for (Path f : imageFiles(ownImages)) {
                BufferedImage bi = ImageIO.read(f.toFile());
                if (bi == null) continue;
                byte[] bytes = Files.readAllBytes(f);
                String mime = f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png") ? "image/png" : "image/jpeg";
                named.put("own-" + i, p.publish("mastodon", "fernhillgallery", null,
                        "A lovely afternoon on the ward with our patients!", d.minus(Duration.ofHours(i + 1)),
                        new Image("own-" + i + extension(mime), bytes, mime, null, bi.getWidth(), bi.getHeight())));
                i++;
            }
        }
        return named;
    }

    /** The registry for the demo platform at {@code base}. */
    public static RegistryFile registry(String base, boolean withGallery) {
        List<Organisation> orgs = List.of(
                new Organisation(null, "Fernhill Mental Health NHS Foundation Trust", FERNHILL, OrganisationKind.NHS_TRUST,
                        "comms@fernhill.nhs.example", "ig@fernhill.nhs.example", List.of()),
                new Organisation(null, "Ashdown Lodge Independent Hospital", ASHDOWN, OrganisationKind.INDEPENDENT,
                        "communications@ashdownlodge.example", null, List.of()));
        List<Account> accounts = new ArrayList<>(List.of(
                new Account(null, FERNHILL, "Fernhill NHS", AccountKind.TRUST, null, Platform.MASTODON, "@fernhillnhs",
                        base + "/mastodon", true, null),
                new Account(null, FERNHILL, "Willow Ward", AccountKind.WARD, "PICU", Platform.MASTODON, "@willowward",
                        base + "/mastodon", true, null),
                new Account(null, FERNHILL, "Sam Okafor (nurse)", AccountKind.STAFF, "PICU", Platform.MASTODON, "@samokafor",
                        base + "/mastodon", true, "consent to monitoring recorded 2026-03-02"),
                new Account(null, FERNHILL, "Birch Mother and Baby Unit", AccountKind.WARD, "perinatal", Platform.BLUESKY,
                        "birchmbu.fernhill.example", base + "/bsky", true, null),
                new Account(null, FERNHILL, "Oak House CAMHS", AccountKind.SERVICE, "CAMHS", Platform.WORDPRESS,
                        base + "/wp/oakhouse", null, true, null),
                new Account(null, FERNHILL, "Fernhill News", AccountKind.TRUST, null, Platform.RSS,
                        base + "/news/fernhill-news.xml", null, true, null),
                new Account(null, ASHDOWN, "Ashdown Lodge", AccountKind.SERVICE, "older adults", Platform.RSS,
                        base + "/news/ashdown-lodge.xml", null, true, null)));
        if (withGallery) {
            accounts.add(new Account(null, FERNHILL, "Fernhill Gallery", AccountKind.WARD, "acute", Platform.MASTODON,
                    "@fernhillgallery", base + "/mastodon", true, null));
        }
        return new RegistryFile(orgs, accounts);
    }

    private static Image img(String name, byte[] jpeg, String alt, int w, int h) {
        return new Image(name + ".jpg", jpeg, "image/jpeg", alt, w, h);
    }

    private static String extension(String mime) {
        return mime.equals("image/png") ? ".png" : ".jpg";
    }

    static List<Path> imageFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException(dir + ": not a folder");
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT)
                    .matches(".*\\.(jpe?g|png)$")).sorted().limit(50).toList();
        }
    }
}
