package org.wardwatch.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Clock;
import java.util.List;

import org.wardwatch.core.config.ConfigException;
import org.wardwatch.core.config.ConfigLoader;
import org.wardwatch.core.config.Secrets;
import org.wardwatch.core.config.WardWatchConfig;
import org.wardwatch.core.registry.RegistryStore;
import org.wardwatch.core.store.Database;

/**
 * The one place where WardWatch's object graph is built by hand, for the command line and the web
 * app alike. Parts are built on first use, so a quick command (accounts list) never loads the
 * image models, and closed in reverse order.
 */
public final class AppContext implements AutoCloseable {
    private final WardWatchConfig config;
    private final Path dataDir;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private Database database;

    public AppContext(WardWatchConfig config, Path dataDir) {
        this.config = config;
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** Reads the configuration; a missing default file means the built-in defaults. */
    public static AppContext load(Path configFile, Path dataDir) throws ConfigException {
        WardWatchConfig config;
        if (Files.exists(configFile)) config = ConfigLoader.load(configFile);
        else if (configFile.equals(Path.of("config", "wardwatch.yaml"))) config = WardWatchConfig.defaults();
        else throw new ConfigException(configFile + ": no such file");
        return new AppContext(config, dataDir);
    }

    public WardWatchConfig config() {
        return config;
    }

    public Path dataDir() {
        return dataDir;
    }

    public synchronized Database database() {
        if (database == null) {
            var db = config.database();
            database = db.embedded()
                    ? Database.open(Database.h2Url(dataDir), "sa", "", null, db.poolSize())
                    : Database.open(db.url(), db.user(), Secrets.dbPassword(config), null, db.poolSize());
            closeables.add(database);
        }
        return database;
    }

    public Clock clock() {
        return Clock.systemUTC();
    }

    public RegistryStore registry() {
        return new RegistryStore(database().jdbi(), clock());
    }

    @Override
    public synchronized void close() {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception ignored) {
                // closing on the way out: nothing useful to do with a failure here
            }
        }
        closeables.clear();
    }
}
