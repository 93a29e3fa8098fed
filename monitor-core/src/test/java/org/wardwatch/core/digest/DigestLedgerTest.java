package org.wardwatch.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wardwatch.core.store.Database;
import org.wardwatch.core.testing.TestDatabases;
import org.wardwatch.core.testing.TestDatabases.Kind;

class DigestLedgerTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDigestIsClaimedOnceAndOnlyAFailedOneCanBeClaimedAgain(Kind kind) {
        try (Database db = TestDatabases.open(kind, dir)) {
            long org = new DigestFixture(db.jdbi(), DigestScenario.NOW).organisation("Willow Trust", "RX4", "comms@willow.nhs.uk", null);
            DigestLedger node1 = new DigestLedger(db.jdbi(), DigestScenario.CLOCK);
            DigestLedger node2 = new DigestLedger(db.jdbi(), DigestScenario.CLOCK);
            IsoWeek week = IsoWeek.parse("2026-W47");

            long id = node1.claim(org, "Comms@Willow.nhs.uk", week).orElseThrow();
            assertThat(node2.claim(org, "comms@willow.nhs.uk ", week)).as("claimed, being sent").isEmpty();
            assertThat(node1.claim(org, "comms@willow.nhs.uk", week.next())).as("another week is another digest").isPresent();

            node1.attempted(id);
            node1.failed(id, "421 try again later");
            assertThat(node1.find(org, "comms@willow.nhs.uk", week).orElseThrow())
                    .satisfies(r -> {
                        assertThat(r.status()).isEqualTo("failed");
                        assertThat(r.attempts()).isEqualTo(1);
                        assertThat(r.lastError()).isEqualTo("421 try again later");
                    });
            assertThat(node1.failed()).extracting(DigestLedger.DigestRecord::week).containsExactly(week);

            assertThat(node2.claim(org, "comms@willow.nhs.uk", week)).as("a failed digest is taken over").contains(id);
            assertThat(node1.claim(org, "comms@willow.nhs.uk", week)).as("by one node only").isEmpty();
            node2.attempted(id);
            node2.sent(id);
            assertThat(node1.claim(org, "comms@willow.nhs.uk", week)).as("sent is final").isEmpty();
            DigestLedger.DigestRecord sent = node1.find(org, "comms@willow.nhs.uk", week).orElseThrow();
            assertThat(sent.status()).isEqualTo("sent");
            assertThat(sent.attempts()).isEqualTo(2);
            assertThat(sent.lastError()).isNull();
            assertThat(sent.sentAt()).isEqualTo(DigestScenario.NOW);
            assertThat(node1.history(org, 10)).hasSize(2);
            assertThat(node1.history(null, 1)).hasSize(1);
        }
    }
}
