package org.wardwatch.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.core.testing.ListeningSockets;
import org.wardwatch.core.testing.TestDatabases;

/** The embedded H2 database is closed to other accounts and other machines. */
class EmbeddedDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void itsFolderAndFilesAreOwnerOnlyAndNoTraceFileIsKept() throws Exception {
        Path folder = dir.resolve("db");
        Files.createDirectories(folder);
        // a trace file an older version wrote: it quotes the values of failed statements
        Files.writeString(folder.resolve("wardwatch.trace.db"), "INSERT INTO posts ... 'Happy birthday Doreen'");
        try (Database db = TestDatabases.h2(dir)) {
            db.jdbi().useHandle(h -> h.execute("SELECT 1"));
            assertThat(Files.exists(folder.resolve("wardwatch.trace.db"))).isFalse();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
            try (var files = Files.list(folder)) {
                for (Path f : files.toList()) {
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString()).isEqualTo("rw-------");
                }
            }
        }
        assertThat(Files.exists(folder.resolve("wardwatch.mv.db"))).isTrue();
    }

    @Test
    void aThreadInterruptedWhileItCommitsLeavesTheDatabaseWorking() throws Exception {
        try (Database db = TestDatabases.h2(dir)) {
            // a pool or the scheduler shutting down interrupts its threads, maybe mid-commit: each commit
            // is written on the committing thread, and a plain file channel would close under it for good
            Thread t = new Thread(() -> {
                for (int i = 0; i < 20; i++) {
                    Thread.currentThread().interrupt();
                    try {
                        db.jdbi().useHandle(h -> h.execute("INSERT INTO organisations (name, ods_code, kind, created_at, "
                                + "updated_at) VALUES ('Trust', ?, 'nhs_trust', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", "R" + Math.random()));
                    } catch (RuntimeException ignored) {
                        // refusing the interrupted thread's statement is fine; breaking the database is not
                    }
                }
            });
            t.start();
            t.join(30_000);
            db.jdbi().useHandle(h -> h.execute("INSERT INTO organisations (name, ods_code, kind, created_at, updated_at) "
                    + "VALUES ('After', 'AFTER', 'nhs_trust', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"));
            assertThat((int) db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM organisations WHERE ods_code = 'AFTER'")
                    .mapTo(Integer.class).one())).isEqualTo(1);
        }
        try (Database again = TestDatabases.h2(dir)) {
            assertThat((int) again.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM organisations").mapTo(Integer.class).one()))
                    .isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void aFailedStatementLeavesNoTraceFile() throws Exception {
        try (Database db = TestDatabases.h2(dir)) {
            try {
                db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO organisations (name, ods_code, kind, created_at, updated_at) "
                        + "VALUES (:n, NULL, 'x', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)").bind("n", "Zebra Quokka Hospital").execute());
            } catch (RuntimeException expected) {
                // NULL into a NOT NULL column
            }
        }
        try (var files = Files.list(dir.resolve("db"))) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).noneMatch(n -> n.endsWith(".trace.db"));
        }
    }

    @Test
    void theAutoServerListensOnLoopbackOnly() throws Exception {
        try (Database db = TestDatabases.h2(dir)) {
            db.jdbi().useHandle(h -> h.execute("SELECT 1"));
            Properties lock = new Properties();
            try (var in = Files.newInputStream(dir.resolve("db").resolve("wardwatch.lock.db"))) {
                lock.load(in);
            }
            int port = Integer.parseInt(lock.getProperty("server").replaceAll(".*:", ""));
            var listeners = ListeningSockets.of(ProcessHandle.current().pid()).stream().filter(l -> l.port() == port).toList();
            assertThat(listeners).as("the auto-server's socket on port %d", port).isNotEmpty();
            assertThat(listeners).allMatch(ListeningSockets.Listener::loopback);
        }
    }
}
