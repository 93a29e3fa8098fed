package org.wardwatch.dashboard.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.wardwatch.core.pipeline.CrawlReport;
import org.wardwatch.core.pipeline.IngestPipeline;
import org.wardwatch.core.registry.Account;
import org.wardwatch.core.registry.RegistryFile;
import org.wardwatch.core.registry.RegistryReader;
import org.wardwatch.core.registry.RegistryStore;
import org.wardwatch.dashboard.AppContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "crawl", description = {
        "Crawl every active account once: store new posts and images, classify them, open cases.",
        "Prints one JSON line per account on standard output: account, platform, newPosts, media, flagged,",
        "skipped (items seen and not stored; each reason on standard error and in the log), error.",
        "First finishes what an interrupted run left: posts stored but not yet analysed.",
        "Progress and per-item problems go to standard error. Exit code 3 when any account failed.",
        "Scheduled crawling is part of 'wardwatch serve'."})
final class CrawlCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    WardWatch root;
    @Spec
    CommandSpec spec;

    @Option(names = "--once", required = true, description = "Crawl now, once, and exit.")
    boolean once;

    @Option(names = "--accounts", paramLabel = "FILE",
            description = "Import this registry file (YAML or CSV) first and crawl only its accounts.")
    Path accountsFile;

    @Override
    public Integer call() throws Exception {
        // read the registry file before touching the database: a broken file starts nothing
        RegistryFile file = accountsFile == null ? null : RegistryReader.read(accountsFile);
        AppContext context = root.context();
        RegistryStore registry = context.registry();
        List<Account> accounts;
        if (file != null) {
            registry.importFile(file);
            accounts = registry.activeAccounts(file.accounts());
        } else {
            accounts = registry.activeAccounts();
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (accounts.isEmpty()) {
            err.println("wardwatch: no active accounts to crawl; add some with: wardwatch accounts import config/accounts.yaml");
            return 0;
        }
        IngestPipeline pipeline = context.pipeline();
        IngestPipeline.Recovery recovered = pipeline.recover();
        if (recovered.interruptedRuns() > 0 || recovered.postsAnalysed() > 0) {
            err.printf("finished what an interrupted run left: %d run(s) marked interrupted, %d post(s) analysed, %d flagged%n",
                    recovered.interruptedRuns(), recovered.postsAnalysed(), recovered.flagged());
            for (String problem : recovered.problems()) err.println("  " + problem);
        }
        int threads = Math.max(1, Math.min(context.config().crawl().parallel(), accounts.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        int failed = 0;
        try {
            var done = new ExecutorCompletionService<CrawlReport>(pool);
            for (Account a : accounts) done.submit(() -> pipeline.crawl(a));
            for (int i = 1; i <= accounts.size(); i++) {
                CrawlReport r = done.take().get();
                if (r.error() != null) failed++;
                out.println(json(r));
                out.flush();
                for (String problem : r.itemErrors()) err.println("  " + r.account() + ": " + problem);
                if (!r.skipped().isEmpty()) err.println("  " + r.account() + ": " + skippedLine(r));
                err.printf("[%d/%d] %s (%s): %s%n", i, accounts.size(), r.account(), r.platform(),
                        r.error() == null ? r.newPosts() + " new posts, " + r.media() + " images, " + r.flagged() + " flagged"
                                + (r.skipped().isEmpty() ? "" : ", " + r.skipped().size() + " skipped")
                                : r.error());
                err.flush();
            }
        } finally {
            pool.shutdownNow();
        }
        return failed == 0 ? 0 : 3;
    }

    /** "skipped 12 items: 10 older than the first-crawl window (30 days), 2 boost of another account's post" */
    static String skippedLine(CrawlReport r) {
        StringBuilder sb = new StringBuilder("skipped " + r.skipped().size() + (r.skipped().size() == 1 ? " item: " : " items: "));
        String sep = "";
        for (var e : r.skippedByReason().entrySet()) {
            sb.append(sep).append(e.getValue()).append(' ').append(e.getKey());
            sep = "; ";
        }
        return sb.toString();
    }

    static String json(CrawlReport r) throws Exception {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("account", r.account());
        line.put("platform", r.platform());
        line.put("newPosts", r.newPosts());
        line.put("media", r.media());
        line.put("flagged", r.flagged());
        line.put("skipped", r.skipped().size());
        line.put("error", r.error());
        return JSON.writeValueAsString(line);
    }
}
