package org.wardwatch.dashboard.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.wardwatch.core.config.ConfigException;
import org.wardwatch.core.store.Redacted;
import org.wardwatch.dashboard.AppContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code wardwatch} command line. Every command takes --config and --data; each builds only the
 * parts it needs through one {@link AppContext}.
 */
// scope INHERIT: every subcommand answers --help and --version too
@Command(name = "wardwatch", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = WardWatch.Version.class,
        description = "Finds public posts by NHS trusts, wards and staff that show or identify patients.",
        subcommands = {
                AccountsCommand.class,
                CrawlCommand.class,
                RecheckCommand.class,
                PurgeCommand.class,
                DigestCommand.class,
                ClassifyTextCommand.class,
                TrainTextCommand.class,
                BenchTextCommand.class,
                ClassifyImageCommand.class,
                TrainWoundsCommand.class,
                EvalImagesCommand.class,
                EvalFeedsCommand.class,
                BenchImagesCommand.class,
                CommandLine.HelpCommand.class,
                ServeCommand.class,
                DemoCommand.class,
                BenchQueueCommand.class,
                UsersCommand.class,
                KeysCommand.class,
        })
public final class WardWatch implements Callable<Integer> {

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            defaultValue = "config/wardwatch.yaml", description = "Configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--data", scope = ScopeType.INHERIT, paramLabel = "DIR",
            defaultValue = "data", description = "Data directory: embedded database, encrypted media, logs (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean debug;

    private AppContext context;

    /** The application, wired on first use from --config and --data. */
    public AppContext context() throws ConfigException {
        if (context == null) context = AppContext.load(config, data);
        return context;
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line; returns the exit code. Errors are one line on standard error, no stack trace. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** As {@link #execute(String...)}, writing to the given streams (tests read them). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        Logging.prepare(args);
        WardWatch root = new WardWatch();
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter errors = cmd.getErr();
            if (e instanceof ConfigException ce) {
                ce.problems().forEach(errors::println);
                return 2;
            }
            if (root.debug) Redacted.of(e).printStackTrace(errors);
            else errors.println("wardwatch: " + oneLine(e));
            return 1;
        });
        try {
            return cli.execute(args);
        } finally {
            if (root.context != null) root.context.close();
        }
    }

    static String oneLine(Throwable e) {
        return Redacted.oneLine(e);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = WardWatch.class.getPackage().getImplementationVersion();
            return new String[] {"wardwatch " + (v == null ? "development build" : v)};
        }
    }
}
