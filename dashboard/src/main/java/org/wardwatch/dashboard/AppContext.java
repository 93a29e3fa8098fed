package org.wardwatch.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.wardwatch.core.config.ConfigException;
import org.wardwatch.core.config.ConfigLoader;
import org.wardwatch.core.config.Secrets;
import org.wardwatch.core.config.WardWatchConfig;
import org.wardwatch.core.crypto.ContentCipher;
import org.wardwatch.core.crypto.KeyCheck;
import org.wardwatch.core.crypto.KeyRecord;
import org.wardwatch.core.crypto.KeyRotation;
import org.wardwatch.core.crypto.MasterKey;
import org.wardwatch.core.crypto.PlaintextUpgrade;
import org.wardwatch.core.files.ExposedFiles;
import org.wardwatch.core.files.OwnerOnly;
import org.wardwatch.classifier.image.ImageAnalyzers;
import org.wardwatch.classifier.image.ImageDecoder;
import org.wardwatch.classifier.image.Redactor;
import org.wardwatch.classifier.text.CaptionAnalyzer;
import org.wardwatch.core.media.MediaVault;
import org.wardwatch.core.pipeline.Analyzers;
import org.wardwatch.core.pipeline.IngestPipeline;
import org.wardwatch.core.digest.DigestBuilder;
import org.wardwatch.core.recheck.RemovalRecheck;
import org.wardwatch.core.schedule.ScheduleSettings;
import org.wardwatch.core.schedule.WardWatchScheduler;
import org.wardwatch.core.digest.DigestLedger;
import org.wardwatch.core.digest.DigestRenderer;
import org.wardwatch.core.digest.DigestSender;
import org.wardwatch.core.digest.RetryPolicy;
import org.wardwatch.core.mail.SmtpMailer;
import org.wardwatch.core.mail.Mailer;
import org.wardwatch.core.registry.RegistryReader;
import org.wardwatch.core.registry.RegistryStore;
import org.wardwatch.core.risk.RiskPolicy;
import org.wardwatch.core.store.CaseStore;
import org.wardwatch.core.store.CrawlRunStore;
import org.wardwatch.core.store.PostStore;
import org.wardwatch.crawler.Crawlers;
import org.wardwatch.core.store.Database;
import org.wardwatch.dashboard.accounts.AccountRoutes;
import org.wardwatch.dashboard.accounts.AccountStore;
import org.wardwatch.dashboard.api.ApiRoutes;
import org.wardwatch.dashboard.audit.AuditLog;
import org.wardwatch.dashboard.audit.AuditRoutes;
import org.wardwatch.dashboard.digest.DigestRoutes;
import org.wardwatch.dashboard.audit.ProviderAudit;
import org.wardwatch.dashboard.auth.ApiTokens;
import org.wardwatch.dashboard.auth.AuthRoutes;
import org.wardwatch.dashboard.auth.LoginThrottle;
import org.wardwatch.dashboard.auth.PasswordChecks;
import org.wardwatch.dashboard.auth.Sessions;
import org.wardwatch.dashboard.auth.SignInTokens;
import org.wardwatch.dashboard.auth.UserRoutes;
import org.wardwatch.dashboard.auth.UserStore;
import org.wardwatch.dashboard.requests.RemovalRequests;
import org.wardwatch.dashboard.requests.RequestRoutes;
import org.wardwatch.dashboard.requests.RequestStore;
import org.wardwatch.dashboard.review.Decisions;
import org.wardwatch.dashboard.review.Images;
import org.wardwatch.dashboard.review.MediaRoutes;
import org.wardwatch.dashboard.review.Misfires;
import org.wardwatch.dashboard.review.Reencoder;
import org.wardwatch.dashboard.review.QueueStore;
import org.wardwatch.dashboard.review.ReviewRoutes;
import org.wardwatch.dashboard.web.Guard;
import org.wardwatch.dashboard.web.Routes;
import org.wardwatch.dashboard.web.Views;
import org.wardwatch.dashboard.web.WebApp;

/**
 * The one place where WardWatch's object graph is built by hand, for the command line and the web
 * app alike. Parts are built on first use, so a quick command (accounts list) never loads the
 * image models, and closed in reverse order.
 */
public final class AppContext implements AutoCloseable {
    private final WardWatchConfig config;
    private final Path dataDir;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final Clock clock;
    private Database database;
    private Crawlers crawlers;
    private WardWatchScheduler scheduler;
    private MediaVault vault;
    private MasterKey masterKey;
    private ContentCipher cipher;
    private Analyzers analyzers;
    private Mailer mailer;
    private UserStore users;
    private ApiTokens apiTokens;
    private AuditLog auditLog;
    private RequestStore requestStore;
    private org.wardwatch.dashboard.review.CaseStore caseStore;
    private RemovalRequests removalRequests;
    private Images images;
    private Sessions sessions;
    private PasswordChecks passwordChecks;

    public AppContext(WardWatchConfig config, Path dataDir) {
        this(config, dataDir, Clock.systemUTC());
    }

    /** With another clock: tests move time on to see a sign-in lockout or a token expire. */
    public AppContext(WardWatchConfig config, Path dataDir, Clock clock) {
        this.config = config;
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.clock = clock;
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
        return clock;
    }

    public RegistryStore registry() {
        return new RegistryStore(database().jdbi(), clock());
    }

    public PostStore posts() {
        return new PostStore(database().jdbi(), clock(), cipher());
    }

    public CaseStore cases() {
        return new CaseStore(database().jdbi(), clock());
    }

    /** The HTTP stack and one source per platform, shared so per-host limits hold across all crawls. */
    public synchronized Crawlers crawlers() {
        if (crawlers == null) {
            crawlers = Crawlers.create(config, database());
            closeables.add(crawlers);
        }
        return crawlers;
    }

    /** The media key file: {@code media.keyFile}, else {@code <data>/media.key}. */
    public Path keyFile() {
        return config.media().keyFile() == null ? dataDir.resolve("media.key") : Path.of(config.media().keyFile()).toAbsolutePath();
    }

    /**
     * The installation's key, checked against the database before anything is read or written with
     * it (a missing or different key stops here with one line), and made only for a database with
     * nothing encrypted yet. The first time, whatever an older version stored in the clear is
     * encrypted, and the embedded database file rewritten so no copy of it remains.
     */
    public synchronized MasterKey masterKey() {
        if (masterKey == null) {
            Database db = database();
            KeyRecord record = new KeyRecord(db.jdbi(), clock);
            MasterKey key = new KeyCheck(db.jdbi(), record, keyFile(), dataDir, System.getenv()).resolve();
            var log = org.slf4j.LoggerFactory.getLogger(AppContext.class);
            if (!MasterKey.fromEnvironment(System.getenv()) && ExposedFiles.open(keyFile())) {
                log.warn("media key {} can be read by other accounts on this machine; fix with: chmod 600 {}", keyFile(), keyFile());
            }
            ContentCipher c = new ContentCipher(key);
            long encrypted = new PlaintextUpgrade(db.jdbi(), c, record).run();
            if (encrypted > 0) {
                boolean compacted = db.compact();
                log.warn("encrypted {} stored texts an older version kept in the clear{}", encrypted, compacted ? ""
                        : "; other processes were connected, so the database file still holds old copies until it is "
                        + "compacted: stop every WardWatch process and start one again");
            }
            masterKey = key;
            cipher = c;
        }
        return masterKey;
    }

    /** Encrypts patient content for the database and decrypts it where it is shown or analysed. */
    public synchronized ContentCipher cipher() {
        masterKey();
        return cipher;
    }

    /** Moves images and content to a new key ({@code keys rotate}). */
    public KeyRotation keyRotation() {
        Database db = database();
        return new KeyRotation(db, new KeyRecord(db.jdbi(), clock), keyFile(), dataDir, System.getenv(), clock);
    }

    /** Encrypted images under the data directory, under the checked key. */
    public synchronized MediaVault vault() {
        if (vault == null) vault = new MediaVault(dataDir, masterKey().bytes());
        return vault;
    }

    /** The classifiers, loaded on first use. */
    public synchronized Analyzers analyzers() {
        if (analyzers == null) {
            String faceModel = config.classifier().faces().model();
            var log = org.slf4j.LoggerFactory.getLogger(AppContext.class);
            try {
                // a fetched face model lands here; made now so it is owner-only like the rest of the data
                OwnerOnly.directories(dataDir.resolve("models"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + dataDir.resolve("models") + ": " + e.getMessage(), e);
            }
            analyzers = new Analyzers(memoize(CaptionAnalyzer::standard), memoize(() -> ImageAnalyzers.standard(
                    faceModel == null ? null : Path.of(faceModel), dataDir, log::warn)));
        }
        return analyzers;
    }

    public IngestPipeline pipeline() {
        Crawlers c = crawlers();
        return IngestPipeline.over(database().jdbi(), clock(), registry(), vault(), cipher(), p -> c.sources().get(p), c.mediaFetcher(),
                analyzers(), new RiskPolicy(config.classifier().flagThreshold()), config.media().maxBytes(),
                Duration.ofSeconds(config.crawl().accountTimeoutSeconds()));
    }

    /** Removal requests and digests go out through the configured SMTP server. */
    public synchronized Mailer mailer() {
        if (mailer == null) mailer = new SmtpMailer(config.smtp(), Secrets.smtpPassword(config));
        return mailer;
    }

    public synchronized UserStore users() {
        if (users == null) users = new UserStore(database().jdbi(), clock);
        return users;
    }

    public synchronized ApiTokens apiTokens() {
        if (apiTokens == null) apiTokens = new ApiTokens(database().jdbi(), users(), clock);
        return apiTokens;
    }

    public synchronized AuditLog auditLog() {
        if (auditLog == null) auditLog = new AuditLog(database().jdbi(), clock);
        return auditLog;
    }

    public synchronized RequestStore requestStore() {
        if (requestStore == null) requestStore = new RequestStore(database().jdbi(), clock);
        return requestStore;
    }

    /** Cases as the dashboard reads them (with post, media, findings and history). */
    public synchronized org.wardwatch.dashboard.review.CaseStore reviewCases() {
        if (caseStore == null) {
            caseStore = new org.wardwatch.dashboard.review.CaseStore(database().jdbi(), requestStore(), auditLog(), cipher());
        }
        return caseStore;
    }

    public synchronized RemovalRequests removalRequests() {
        if (removalRequests == null) {
            removalRequests = new RemovalRequests(requestStore(), reviewCases(), mailer(), auditLog(), clock,
                    config.removal().dueDays());
        }
        return removalRequests;
    }

    /** What the dashboard may show of stored images: blurred renditions, and originals on an audited reveal. */
    public synchronized Images images() {
        if (images == null) {
            ImageDecoder decoder = new ImageDecoder();
            Redactor redactor = new Redactor(decoder);
            images = new Images(path -> vault().read(path), (original, maxWidth) -> {
                try {
                    return redactor.blurredJpeg(original, maxWidth);
                } catch (IllegalArgumentException e) {
                    throw new IOException(e.getMessage());
                }
            }, new Reencoder(decoder));
        }
        return images;
    }

    /** The dashboard's page groups; a new area of the web app adds its routes here. */
    public List<Routes> webRoutes(Guard guard, Views views) {
        var jdbi = database().jdbi();
        return List.of(
                new AuthRoutes(users(), new LoginThrottle(5, Duration.ofMinutes(15), clock), passwordChecks(), auditLog(), guard, views),
                new UserRoutes(users(), apiTokens(), sessions(), auditLog(), views, clock),
                new ReviewRoutes(new QueueStore(jdbi), reviewCases(), new Decisions(jdbi, auditLog(), clock),
                        new Misfires(jdbi), removalRequests(), views),
                new MediaRoutes(reviewCases(), images(), auditLog(), views),
                new RequestRoutes(removalRequests(), views),
                new AuditRoutes(new ProviderAudit(jdbi), auditLog(), views),
                new AccountRoutes(new AccountStore(jdbi, clock),
                        (text, name) -> registry().importFile(RegistryReader.parseCsv(text, name)).toString(),
                        this::registryChanged, auditLog(), views),
                new ApiRoutes(new QueueStore(jdbi), reviewCases(), requestStore(), new ProviderAudit(jdbi), auditLog()),
                new DigestRoutes(digestSender(), config.digest(), views, clock));
    }

    /** After the accounts page changed the registry: a running schedule picks the change up at once. */
    private void registryChanged() {
        WardWatchScheduler running;
        synchronized (this) {
            running = scheduler;
        }
        if (running == null) return;
        try {
            running.syncAccounts();
        } catch (org.quartz.SchedulerException e) {
            throw new IllegalStateException("schedule not updated: " + e.getMessage(), e);
        }
    }

    /** Signed-in users' sessions, in memory: they live as long as this process. */
    public synchronized Sessions sessions() {
        if (sessions == null) sessions = new Sessions(Duration.ofMinutes(60), Duration.ofHours(12), clock);
        return sessions;
    }

    /** Sign-in password checks: two at a time, eight waiting, the rest turned away (Argon2id is costly). */
    public synchronized PasswordChecks passwordChecks() {
        if (passwordChecks == null) {
            passwordChecks = new PasswordChecks(2, 8, Duration.ofSeconds(30));
            closeables.add(passwordChecks);
        }
        return passwordChecks;
    }

    /** The dashboard, not yet started. */
    public synchronized WebApp webApp() {
        Views views = new Views();
        Guard guard = new Guard(sessions(), users(), apiTokens(), new SignInTokens(Duration.ofHours(2), clock),
                config.dashboard().baseUrl().startsWith("https:"));
        WebApp web = new WebApp(guard, views, webRoutes(guard, views));
        closeables.add(web);
        return web;
    }

    /** The weekly digest: content from the database, mail through the configured SMTP server. */
    public DigestSender digestSender() {
        var digest = config.digest();
        ZoneId zone;
        try {
            zone = ZoneId.of(digest.zone());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("digest.zone '" + digest.zone() + "' is not a time zone such as Europe/London");
        }
        var jdbi = database().jdbi();
        return new DigestSender(new DigestBuilder(jdbi, clock(), zone, config.dashboard().baseUrl()),
                new DigestRenderer(), new DigestLedger(jdbi, clock()),
                new SmtpMailer(config.smtp(), Secrets.smtpPassword(config)), RetryPolicy.DEFAULT,
                digest.sendEmpty(), digest.extraRecipients());
    }

    /** Re-checks posts with an open case or removal request against their platforms. */
    public RemovalRecheck recheck() {
        Crawlers c = crawlers();
        return new RemovalRecheck(database().jdbi(), registry(), p -> c.sources().get(p), clock());
    }

    /**
     * The Quartz schedule in the WardWatch database: a crawl job per active account and the removal
     * re-check. Built, not started: {@code serve} calls {@code start()}; other parts add their jobs
     * through {@code quartz()} first. Closing the context stops it, letting running crawls finish.
     */
    public synchronized WardWatchScheduler scheduler() {
        if (scheduler == null) {
            IngestPipeline pipeline = pipeline();
            RemovalRecheck recheck = recheck();
            scheduler = new WardWatchScheduler(database(), registry(), ScheduleSettings.from(config),
                    pipeline::crawlAccount, recheck::runOnce, clock());
            closeables.add(scheduler);
        }
        return scheduler;
    }

    /** Builds the value on the first call and keeps it, so quick commands never load a model. */
    static <T> Supplier<T> memoize(Supplier<T> make) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) value = make.get();
                return value;
            }
        };
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
