package org.wardwatch.core.store;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The WardWatch database: a pooled connection to H2 (embedded, the default) or PostgreSQL, migrated
 * by Flyway on open. Migrations live in {@code db/migration/common} (portable SQL) and
 * {@code db/migration/{h2,postgresql}} (the few statements that differ, such as Quartz's tables).
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean postgres;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.postgres = dataSource.getJdbcUrl().startsWith("jdbc:postgresql:");
    }

    /**
     * The embedded database under the data directory. AUTO_SERVER lets a second WardWatch process
     * (an operator's command while {@code serve} runs) share the file safely.
     */
    public static String h2Url(Path dataDir) {
        // WRITE_DELAY=0: a commit reaches the file before it returns, so a process killed with
        // kill -9 never loses what it committed (H2 otherwise writes up to half a second later)
        return "jdbc:h2:file:" + dataDir.resolve("db").resolve("wardwatch").toAbsolutePath()
                + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    public static Database open(String url, String user, String password) {
        return open(url, user, password, null, 8);
    }

    /** @param schema a PostgreSQL schema to use instead of the default (tests use one per test) */
    public static Database open(String url, String user, String password, String schema, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) config.setUsername(user);
        if (password != null) config.setPassword(password);
        if (schema != null) config.setSchema(schema);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        config.setPoolName("wardwatch");
        config.setConnectionTimeout(15_000);
        config.setInitializationFailTimeout(15_000);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open database " + redact(url) + ": " + rootMessage(e), e);
        }
        try {
            migrate(ds, schema, url.startsWith("jdbc:postgresql:") ? "postgresql" : "h2");
        } catch (RuntimeException e) {
            ds.close();
            throw new StoreException("cannot migrate database " + redact(url) + ": " + rootMessage(e), e);
        }
        return new Database(ds);
    }

    /** @param vendor the folder of vendor-specific migrations ({vendor} is Spring's placeholder, not Flyway's) */
    private static void migrate(DataSource ds, String schema, String vendor) {
        var flyway = Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .failOnMissingLocations(false);
        if (schema != null) flyway.schemas(schema).defaultSchema(schema);
        flyway.load().migrate();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public boolean isPostgres() {
        return postgres;
    }

    public String url() {
        return redact(dataSource.getJdbcUrl());
    }

    @Override
    public void close() {
        dataSource.close();
    }

    static String redact(String url) {
        return url == null ? "" : url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
