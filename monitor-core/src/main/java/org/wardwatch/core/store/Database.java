package org.wardwatch.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.wardwatch.core.files.OwnerOnly;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The WardWatch database: a pooled connection to H2 (embedded, the default) or PostgreSQL, migrated
 * by Flyway on open. Migrations live in {@code db/migration/common} (portable SQL) and
 * {@code db/migration/{h2,postgresql}} (the few statements that differ, such as Quartz's tables).
 */
public final class Database implements AutoCloseable {
    /** Where H2's auto-server listens: this machine only. */
    static final String LOOPBACK = "127.0.0.1";

    static {
        // AUTO_SERVER makes the first process that opens the file listen for the others, on every
        // interface unless told otherwise; H2 reads this property once, when its first class loads,
        // which is after this class is (every WardWatch connection goes through it)
        if (System.getProperty("h2.bindAddress") == null) System.setProperty("h2.bindAddress", LOOPBACK);
    }

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean postgres;
    private final Path h2Folder;

    private Database(HikariDataSource dataSource, Path h2Folder) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        // a failed statement's exception names the database's complaint, never the values bound to it
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(Redacted::statement);
        this.postgres = dataSource.getJdbcUrl().startsWith("jdbc:postgresql:");
        this.h2Folder = h2Folder;
    }

    /**
     * The embedded database under the data directory. AUTO_SERVER lets a second WardWatch process
     * (an operator's command while {@code serve} runs) share the file safely; its server listens on
     * loopback only (see the static block) and its key sits in a lock file only the owner can read.
     */
    public static String h2Url(Path dataDir) {
        // WRITE_DELAY=0: a commit reaches the file before it returns, so a process killed with
        // kill -9 never loses what it committed (H2 otherwise writes up to half a second later).
        // That write happens on the committing thread, and an interrupt (a pool or the scheduler
        // shutting down) closes a plain FileChannel under it and with it the whole database; the
        // async: file system writes through an AsynchronousFileChannel, which interrupts leave open.
        return "jdbc:h2:async:" + dataDir.resolve("db").resolve("wardwatch").toAbsolutePath()
                + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;TRACE_LEVEL_FILE=0";
    }

    /**
     * An H2 URL with its trace file off: at its default level H2 writes every failed statement there
     * with the values it was given, and those are patient content.
     */
    static String withoutTrace(String url) {
        if (!url.startsWith("jdbc:h2:") || url.toUpperCase(java.util.Locale.ROOT).contains("TRACE_LEVEL_FILE=")) return url;
        return url + ";TRACE_LEVEL_FILE=0";
    }

    /** The folder of an embedded H2 file database, or null for PostgreSQL, in-memory and remote H2. */
    static Path h2Folder(String url) {
        if (!url.startsWith("jdbc:h2:")) return null;
        String rest = url.substring("jdbc:h2:".length());
        int semicolon = rest.indexOf(';');
        String name = semicolon < 0 ? rest : rest.substring(0, semicolon);
        if (name.startsWith("file:")) name = name.substring("file:".length());
        else if (name.startsWith("async:")) name = name.substring("async:".length());
        else if (name.startsWith("mem:") || name.startsWith("tcp:") || name.startsWith("ssl:") || name.contains(":mem:")) return null;
        Path file = Path.of(name.startsWith("~") ? System.getProperty("user.home") + name.substring(1) : name);
        return file.toAbsolutePath().normalize().getParent();
    }

    public static Database open(String url, String user, String password) {
        return open(url, user, password, null, 8);
    }

    /** @param schema a PostgreSQL schema to use instead of the default (tests use one per test) */
    public static Database open(String jdbcUrl, String user, String password, String schema, int poolSize) {
        String url = withoutTrace(jdbcUrl);
        Path folder = h2Folder(url);
        if (folder != null) prepareFolder(folder, url);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) config.setUsername(user);
        if (password != null) config.setPassword(password);
        if (schema != null) config.setSchema(schema);
        // PostgreSQL otherwise appends the server's detail to messages, such as the values of a duplicate key
        if (url.startsWith("jdbc:postgresql:")) config.addDataSourceProperty("logServerErrorDetail", "false");
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
        if (folder != null) restrictFolder(folder);
        return new Database(ds, folder);
    }

    /**
     * Makes the folder of an embedded database owner-only before H2 writes into it, removes a trace
     * file an older version left (it quotes failed statements' values), and refuses to start an
     * auto-server that would listen beyond this machine.
     */
    private static void prepareFolder(Path folder, String url) {
        String bind = org.h2.engine.SysProperties.BIND_ADDRESS;
        if (url.toUpperCase(java.util.Locale.ROOT).contains("AUTO_SERVER=TRUE") && !isLoopback(bind)) {
            throw new StoreException("cannot open database " + redact(url) + ": its auto-server would listen on "
                    + (bind == null ? "every interface" : bind) + "; WardWatch keeps it on loopback (h2.bindAddress="
                    + LOOPBACK + ", set before H2 is first used)", null);
        }
        try {
            OwnerOnly.directories(folder);
            try (var files = Files.list(folder)) {
                for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".trace.db")).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot prepare database folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** H2 creates its files with the process's umask; they hold patient data, so they become owner-only. */
    private static void restrictFolder(Path folder) {
        try (var files = Files.list(folder)) {
            OwnerOnly.restrict(folder);
            for (Path f : files.toList()) OwnerOnly.restrict(f);
        } catch (IOException e) {
            throw new StoreException("cannot make database files owner-only in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static boolean isLoopback(String address) {
        if (address == null) return false;
        try {
            return java.net.InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
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

    /**
     * Rewrites an embedded database file so that it holds only what is live now. H2 appends changes
     * and reuses old space only over time, so a value overwritten (a caption that was stored in the
     * clear, say) can linger in the file's free space; compacting leaves only the current data. Done
     * only when no other process is connected, since it closes the database under every connection.
     *
     * @return whether the file was compacted (false for PostgreSQL, or when others are connected)
     */
    public boolean compact() {
        if (postgres || usedByOtherProcesses()) return false;
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("SHUTDOWN COMPACT");
        } catch (java.sql.SQLException e) {
            // H2 closes the connection that asked as part of the shutdown; only a failure before that counts
            if (e.getErrorCode() != org.h2.api.ErrorCode.DATABASE_IS_CLOSED
                    && e.getErrorCode() != org.h2.api.ErrorCode.DATABASE_CALLED_AT_SHUTDOWN) {
                throw new StoreException("cannot compact the database: " + rootMessage(e), e);
            }
        }
        // every pooled connection died with the shutdown: the pool replaces them, reopening the file
        dataSource.getHikariPoolMXBean().softEvictConnections();
        jdbi.useHandle(h -> h.execute("SELECT 1"));
        if (h2Folder != null) restrictFolder(h2Folder);
        return true;
    }

    /**
     * Whether another process works on this database now. On H2, a connection through the
     * auto-server is another process's (or ours, when another process serves the file). On
     * PostgreSQL, a {@code serve} node that checked in to the shared schedule in the last minute.
     */
    public boolean usedByOtherProcesses() {
        if (!postgres) {
            return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE CLIENT_ADDR IS NOT NULL")
                    .mapTo(Integer.class).one()) > 0;
        }
        long since = System.currentTimeMillis() - 60_000;
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM qrtz_scheduler_state WHERE last_checkin_time > :since")
                .bind("since", since).mapTo(Integer.class).one()) > 0;
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
