package org.wardwatch.dashboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class HelpTest {
    @Test
    void everyCommandAnswersHelpWithItsUsageAndTouchesNothing() {
        List<List<String>> paths = new ArrayList<>();
        collect(new CommandLine(new WardWatch()), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(15);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            StringWriter out = new StringWriter(), err = new StringWriter();
            int code = WardWatch.execute(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
            assertThat(code).as(String.join(" ", args)).isZero();
            assertThat(out.toString()).as(String.join(" ", args)).contains("Usage: wardwatch " + String.join(" ", path));
            assertThat(err.toString()).as(String.join(" ", args)).isEmpty();
        }
    }

    private static void collect(CommandLine cmd, List<String> prefix, List<List<String>> out) {
        cmd.getSubcommands().forEach((name, sub) -> {
            if (!name.equals(sub.getCommandName())) return; // an alias
            List<String> path = new ArrayList<>(prefix);
            path.add(name);
            out.add(path);
            collect(sub, path, out);
        });
    }
}
