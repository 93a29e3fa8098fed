package org.wardwatch.dashboard.cli;

import java.util.concurrent.Callable;

import org.wardwatch.core.retention.RetentionPurge;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "purge", description = {
        "Delete the images and captions of posts past the retention period (retention.resolvedMediaDays):",
        "resolved or dismissed cases and posts never flagged. Hashes, reasons and timestamps are kept as evidence."})
final class PurgeCommand implements Callable<Integer> {
    @ParentCommand
    WardWatch root;
    @Spec
    CommandSpec spec;

    @Option(names = "--dry-run", description = "Only count what would be purged.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        var context = root.context();
        int days = context.config().retention().resolvedMediaDays();
        RetentionPurge purge = new RetentionPurge(context.database().jdbi(), context.vault(), context.clock());
        if (dryRun) {
            spec.commandLine().getOut().println(purge.due(days).size() + " posts are past the " + days + "-day retention period");
        } else {
            RetentionPurge.Result r = purge.purge(days);
            spec.commandLine().getOut().println("purged " + r.posts() + " posts (" + r.files() + " image files) older than "
                    + days + " days");
        }
        return 0;
    }
}
