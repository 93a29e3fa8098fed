package org.wardwatch.dashboard.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.core.registry.AccountKind;
import org.wardwatch.core.registry.Platform;
import org.wardwatch.dashboard.testing.TestDashboard;

/** The queue's filters pick exactly the cases they name, and the counts follow the filter. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueueFilterTest {
    TestDashboard d;
    QueueStore queue;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        d = new TestDashboard(dir, 1);
        queue = new QueueStore(d.app.database().jdbi());
    }

    @AfterAll
    void stop() {
        d.close();
    }

    private List<Long> ids(QueueFilter f, Long scope) {
        return queue.page(f, scope).rows().stream().map(QueueRow::caseId).toList();
    }

    private static QueueFilter signal(String s) {
        return new QueueFilter(null, null, null, null, s, null, null, null, 0, List.of());
    }

    @Test
    void signalFilterMatchesWholeSignalsOnly() {
        assertThat(ids(signal("FACE"), null)).containsExactlyInAnyOrder(d.caseA, d.caseB);
        assertThat(ids(signal("PERSON_NAME"), null)).containsExactly(d.caseA);
        assertThat(ids(signal("PERSON"), null)).isEmpty();
        assertThat(ids(signal("PATIENT_CONTEXT"), null)).containsExactly(d.caseA, d.caseA2);
        assertThat(queue.page(signal("FACE"), null).total()).isEqualTo(2);
    }

    @Test
    void queueIsSortedByRiskAndScopedToTheReviewersOrganisation() {
        assertThat(ids(QueueFilter.open(), null)).containsExactly(d.caseA, d.caseB, d.caseA2);
        assertThat(ids(QueueFilter.open(), d.orgA)).containsExactly(d.caseA, d.caseA2);
        assertThat(queue.page(QueueFilter.open(), d.orgA).count(CaseStatus.OPEN)).isEqualTo(2);
    }

    @Test
    void kindAndPlatformFiltersFollowTheAccount() {
        var wardMastodon = new QueueFilter(null, null, AccountKind.WARD, Platform.MASTODON, null, null, null, null, 0, List.of());
        assertThat(ids(wardMastodon, null)).containsExactly(d.caseA, d.caseA2);
        var rss = new QueueFilter(null, null, null, Platform.RSS, null, null, null, null, 0, List.of());
        assertThat(ids(rss, null)).containsExactly(d.caseB);
    }

    @Test
    void badParametersAreIgnoredAndNamed() {
        QueueFilter f = QueueFilter.parse(name -> switch (name) {
            case "platform" -> "myspace";
            case "from" -> "yesterday";
            case "signal" -> "FACE'; DROP TABLE cases; --";
            default -> null;
        });
        assertThat(f.platform()).isNull();
        assertThat(f.from()).isNull();
        assertThat(f.signal()).isNull();
        assertThat(f.ignored()).containsExactlyInAnyOrder("platform", "from", "signal");
    }
}
