package org.wardwatch.core.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class IsoWeekTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void parsesAndPrintsTheIsoForm() {
        IsoWeek w = IsoWeek.parse("2026-W47");
        assertThat(w).isEqualTo(new IsoWeek(2026, 47));
        assertThat(w.toString()).isEqualTo("2026-W47");
        assertThat(IsoWeek.parse("2027-W1").toString()).isEqualTo("2027-W01");
    }

    @Test
    void runsMondayToSunday() {
        IsoWeek w = IsoWeek.parse("2026-W47");
        assertThat(w.monday()).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(w.sunday()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(w.next()).isEqualTo(IsoWeek.parse("2026-W48"));
        assertThat(IsoWeek.parse("2027-W01").previous()).isEqualTo(IsoWeek.parse("2026-W53"));
    }

    @Test
    void startsAtLocalMidnightInSummerAndWinter() {
        assertThat(IsoWeek.parse("2026-W27").start(LONDON)).isEqualTo(Instant.parse("2026-06-28T23:00:00Z"));
        assertThat(IsoWeek.parse("2026-W47").start(LONDON)).isEqualTo(Instant.parse("2026-11-16T00:00:00Z"));
        assertThat(IsoWeek.parse("2026-W47").end(LONDON)).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
    }

    @Test
    void mondayMorningReportsTheWeekJustEnded() {
        assertThat(IsoWeek.lastCompleteBefore(Instant.parse("2026-11-23T08:00:00Z"), LONDON))
                .isEqualTo(IsoWeek.parse("2026-W47"));
        // 00:30 on Monday in London is still Sunday in UTC during BST: the zone decides
        assertThat(IsoWeek.containing(Instant.parse("2026-06-28T23:30:00Z"), LONDON)).isEqualTo(IsoWeek.parse("2026-W27"));
    }

    @Test
    void badWeeksSayWhatIsWrong() {
        assertThatThrownBy(() -> IsoWeek.parse("2026-47")).hasMessage("week '2026-47' is not an ISO week like 2026-W47");
        assertThatThrownBy(() -> IsoWeek.parse("2025-W53")).hasMessageContaining("2025 has no ISO week 53");
        assertThatThrownBy(() -> IsoWeek.parse("2026-W00")).hasMessageContaining("no ISO week 0");
    }
}
