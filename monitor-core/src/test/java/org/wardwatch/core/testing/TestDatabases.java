package org.wardwatch.core.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.wardwatch.core.store.Database;

/**
 * Fresh databases for tests: an H2 file database in a temporary folder, or a fresh schema on the
 * PostgreSQL server that {@code .ci/run} starts. Where PostgreSQL is missing the test is skipped
 * with a message, except under CI ({@code CI=true}), where that is a failure.
 *
 * <p>PostgreSQL is found at {@code WARDWATCH_TEST_PG_URL} (default
 * {@code jdbc:postgresql://localhost:5432/wardwatch_test}) as {@code WARDWATCH_TEST_PG_USER} /
 * {@code WARDWATCH_TEST_PG_PASSWORD} (default wardwatch / wardwatch).
 */
public final class TestDatabases {
    private TestDatabases() {
    }

    public enum Kind { H2, POSTGRES }

    public static Database h2(Path dir) {
        return Database.open(Database.h2Url(dir), "sa", "", null, 4);
    }

    public static Database open(Kind kind, Path dir) {
        return kind == Kind.H2 ? h2(dir) : postgres();
    }

    /** A fresh, uniquely named schema on the test server, so concurrent runs never meet. */
    public static Database postgres() {
        String url = env("WARDWATCH_TEST_PG_URL", "jdbc:postgresql://localhost:5432/wardwatch_test");
        String user = env("WARDWATCH_TEST_PG_USER", "wardwatch");
        String password = env("WARDWATCH_TEST_PG_PASSWORD", "wardwatch");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            String why = "PostgreSQL not reachable at " + url + " as " + user + " (" + e.getMessage().lines().findFirst().orElse("") + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(why + "; .ci/run must start it", e);
            }
            Assumptions.abort(why + "; start it with .ci/postgres, or run under CI=true to make this a failure");
        }
        return Database.open(url, user, password, schema, 4);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
