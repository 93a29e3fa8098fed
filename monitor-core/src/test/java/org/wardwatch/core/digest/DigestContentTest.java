package org.wardwatch.core.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.core.digest.DigestScenario.BASE_URL;
import static org.wardwatch.core.digest.DigestScenario.WEEK;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.core.store.Database;
import org.wardwatch.core.testing.TestDatabases;

class DigestContentTest {
    @TempDir
    Path dir;
    Database db;
    DigestScenario s;
    DigestBuilder builder;

    @BeforeEach
    void setUp() {
        db = TestDatabases.h2(dir);
        s = new DigestScenario(db.jdbi());
        builder = DigestScenario.builder(db.jdbi());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Digest willow() {
        return builder.build(builder.organisation("RX4").orElseThrow(), WEEK);
    }

    @Test
    void newCasesAreCountedPerAccountAndSignalWithinTheWeekOnly() {
        Digest d = willow();
        assertThat(d.newCount()).isEqualTo(3);
        assertThat(d.newCases()).extracting(Digest.AccountCases::account)
                .containsExactly("Willow Ward", "Mother & Baby Unit");
        Digest.AccountCases willowWard = d.newCases().get(0);
        assertThat(willowWard.cases()).extracting(Digest.CaseLine::caseId).containsExactly(s.newWillow1, s.newWillow2);
        assertThat(willowWard.signals()).containsExactly(new Digest.SignalCount("faces", 2),
                new Digest.SignalCount("a person's name", 1), new Digest.SignalCount("age", 1));
        assertThat(willowWard.cases().get(0).link()).isEqualTo(BASE_URL + "/cases/" + s.newWillow1);
    }

    @Test
    void overdueRemovalsComeFirstThenByDueDate() {
        Digest d = willow();
        assertThat(d.awaitingRemoval()).extracting(Digest.Pending::caseId)
                .containsExactly(s.overdue, s.dueLater, s.newWillow2, s.notRequested);
        Digest.Pending first = d.awaitingRemoval().get(0);
        assertThat(first.overdue()).isTrue();
        assertThat(first.due()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(first.state()).isEqualTo("request sent");
        assertThat(d.awaitingRemoval().get(1).overdue()).isFalse();
        assertThat(d.awaitingRemoval().get(3).state()).isEqualTo("removal request not raised yet");
        assertThat(d.overdueCount()).isEqualTo(1);
    }

    @Test
    void removedPostsAndCrawlErrorsAreListed() {
        Digest d = willow();
        assertThat(d.removed()).containsExactly(new Digest.Removed(s.removed, "Rowan Ward", LocalDate.of(2026, 11, 18),
                BASE_URL + "/cases/" + s.removed));
        assertThat(d.crawlErrors()).containsExactly(new Digest.CrawlError("Rowan Ward", "mastodon",
                LocalDate.of(2026, 11, 22), LocalDate.of(2026, 11, 19)));
    }

    @Test
    void subjectCarriesTheHeadline() {
        assertThat(DigestSubject.of(willow())).isEqualTo("WardWatch: 3 new, 1 overdue – Willow Ward and 2 other accounts");
        assertThat(DigestSubject.of(builder.build(builder.organisation("RA2").orElseThrow(), WEEK)))
                .isEqualTo("WardWatch: nothing found in week 47 – Ash Trust");
    }

    @Test
    void bothPartsSayTheSameThingInTheirOwnFormat() {
        RenderedDigest r = new DigestRenderer().render(willow());
        assertThat(r.text()).contains("WardWatch weekly digest: Willow Trust (RX4)",
                "Week 2026-W47, Mon 16 Nov 2026 to Sun 22 Nov 2026",
                "NEW CASES THIS WEEK: 3",
                "  Willow Ward: 2 cases (faces 2, a person's name 1, age 1)",
                "    Case " + s.newWillow1 + ": faces, a person's name, age\n    " + BASE_URL + "/cases/" + s.newWillow1,
                "  Mother & Baby Unit: 1 case (a person's name 1, mother and baby 1, care event 1)",
                "WAITING FOR REMOVAL: 4, 1 overdue",
                "  OVERDUE Case " + s.overdue + ", Birch Ward: request sent, overdue, was due Fri 20 Nov 2026",
                "POSTS REMOVED THIS WEEK: 1",
                "  Case " + s.removed + ", Rowan Ward: removed Wed 18 Nov 2026",
                "ACCOUNTS WITH CRAWL ERRORS: 1",
                "  Rowan Ward (mastodon): failing since Sun 22 Nov 2026, last good crawl Thu 19 Nov 2026");
        assertThat(r.text()).doesNotContain("&amp;", "<");
        assertThat(r.html()).contains("Willow Trust (RX4)", "New cases this week: 3", "Mother &amp; Baby Unit",
                "<a href=\"" + BASE_URL + "/cases/" + s.overdue + "\"", "OVERDUE", "Waiting for removal: 4, 1 overdue");
        assertThat(r.html()).doesNotContain("Mother & Baby");
    }

    @Test
    void noPartCarriesCaptionsReasonsNamesOrImages() {
        RenderedDigest r = new DigestRenderer().render(willow());
        for (String part : new String[] {r.subject(), r.text(), r.html()}) {
            assertThat(part).doesNotContain(DigestScenario.SECRETS);
        }
        assertThat(r.html()).doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("<style").doesNotContainIgnoringCase("<link")
                .doesNotContain("src=", "url(").contains("style=\"");
    }

    @Test
    void aWeekWithNothingGetsTheShortNote() {
        Digest d = builder.build(builder.organisation("RA2").orElseThrow(), WEEK);
        assertThat(d.isEmpty()).isTrue();
        RenderedDigest r = new DigestRenderer().render(d);
        assertThat(r.text()).contains("Nothing found this week").doesNotContain("NEW CASES");
        assertThat(r.html()).contains("Nothing found this week").doesNotContain("New cases this week");
        assertThat(r.text().lines().count()).isLessThan(10);
    }

    @Test
    void unknownSignalCodesAreSpeltOutAndAnythingElseIsHidden() {
        assertThat(SignalWords.of("FACE")).isEqualTo("faces");
        assertThat(SignalWords.of("image:WOUND_LIKE")).isEqualTo("wound-like marks on skin");
        assertThat(SignalWords.of("TATTOO_VISIBLE")).isEqualTo("tattoo visible");
        assertThat(SignalWords.of("Doreen's birthday")).isEqualTo("other signal");
    }
}
