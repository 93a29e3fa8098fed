package org.wardwatch.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wardwatch.core.testing.TestDatabases;
import org.wardwatch.core.testing.TestDatabases.Kind;

class MigrationTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void migrationsCreateTheWholeDomain(Kind kind) {
        try (Database db = TestDatabases.open(kind, dir)) {
            List<String> tables = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT LOWER(table_name) FROM information_schema.tables WHERE LOWER(table_schema) = LOWER(CURRENT_SCHEMA)")
                    .mapTo(String.class).list());
            assertThat(tables).contains("organisations", "accounts", "posts", "post_events", "media", "findings",
                    "cases", "removal_requests", "request_events", "users", "api_tokens", "audit_events",
                    "crawl_runs", "digests_sent");
            assertThat(db.isPostgres()).isEqualTo(kind == Kind.POSTGRES);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void reopeningDoesNotMigrateTwice(Kind kind) {
        if (kind == Kind.POSTGRES) return; // a fresh schema per open; H2's file shows it
        try (Database db = TestDatabases.h2(dir)) {
            db.jdbi().useHandle(h -> h.execute("INSERT INTO organisations (name, ods_code, kind, created_at, updated_at) "
                    + "VALUES ('A', 'RX1', 'nhs_trust', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"));
        }
        try (Database db = TestDatabases.h2(dir)) {
            int n = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM organisations").mapTo(Integer.class).one());
            assertThat(n).isEqualTo(1);
        }
    }
}
