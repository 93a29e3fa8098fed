package org.wardwatch.dashboard.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.wardwatch.core.recheck.RecheckOutcome;
import org.wardwatch.core.source.PostStatus;
import org.wardwatch.dashboard.AppContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "recheck", description = {
        "Re-check every post with an open case or removal request: is it still online?",
        "Prints one JSON line per post on standard output: post, status (live, deleted, unreachable), permalink.",
        "A post gone from its platform is marked deleted, its removal request removed and its case resolved;",
        "an unreachable platform is never taken as a deletion. A summary goes to standard error.",
        "Scheduled re-checks are part of 'wardwatch serve'."})
final class RecheckCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    WardWatch root;
    @Spec
    CommandSpec spec;

    @Option(names = "--once", required = true, description = "Re-check now, once, and exit.")
    boolean once;

    @Override
    public Integer call() throws Exception {
        AppContext context = root.context();
        List<RecheckOutcome> outcomes = context.recheck().runOnce();
        PrintWriter out = spec.commandLine().getOut();
        int[] counts = new int[PostStatus.values().length];
        for (RecheckOutcome o : outcomes) {
            out.println(json(o));
            counts[o.status().ordinal()]++;
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.printf("re-checked %d posts: %d live, %d deleted, %d unreachable%n", outcomes.size(),
                counts[PostStatus.LIVE.ordinal()], counts[PostStatus.DELETED.ordinal()], counts[PostStatus.UNREACHABLE.ordinal()]);
        err.flush();
        return 0;
    }

    static String json(RecheckOutcome o) throws Exception {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("post", o.postId());
        line.put("status", o.status().id());
        line.put("permalink", o.permalink());
        return JSON.writeValueAsString(line);
    }
}
