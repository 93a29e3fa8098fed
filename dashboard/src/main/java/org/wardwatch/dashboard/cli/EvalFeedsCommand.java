package org.wardwatch.dashboard.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.wardwatch.core.config.WardWatchConfig;
import org.wardwatch.crawler.CrawlLimits;
import org.wardwatch.crawler.feed.eval.FeedCorpusEvaluation;
import org.wardwatch.crawler.http.HttpSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "eval-feeds", description = {
        "Measure the feed crawler on folders of RSS, Atom and other feed files: each file is served over a",
        "loopback HTTP server to the real feed source, its items counted independently, and per folder the",
        "feeds read, items found, stored, skipped and unaccounted for are printed with the worst feeds.",
        "Exit code 1 when an item is unaccounted for."})
final class EvalFeedsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Folders of feed files (searched recursively).")
    List<Path> folders;

    @Option(names = "--days", defaultValue = "36500",
            description = "The first crawl's window in days (default: ${DEFAULT-VALUE}, so old test feeds count whole).")
    int days;

    @Option(names = "--max-posts", defaultValue = "100000", description = "The first crawl's limit (default: ${DEFAULT-VALUE}).")
    int maxPosts;

    @Option(names = "--worst", defaultValue = "10", description = "Worst feeds listed per folder (default: ${DEFAULT-VALUE}).")
    int worst;

    @Override
    public Integer call() throws IOException {
        // the configured stack's defaults, without the politeness limit: every request goes to our own loopback server
        HttpSettings settings = HttpSettings.from(WardWatchConfig.defaults().http()).withRate(10_000);
        try (FeedCorpusEvaluation eval = new FeedCorpusEvaluation(settings, new CrawlLimits(days, maxPosts, maxPosts, 40))) {
            List<FeedCorpusEvaluation.FolderResult> results = eval.evaluate(folders);
            FeedCorpusEvaluation.print(results, worst, spec.commandLine().getOut());
            return results.stream().anyMatch(r -> r.unaccounted() > 0) ? 1 : 0;
        }
    }
}
