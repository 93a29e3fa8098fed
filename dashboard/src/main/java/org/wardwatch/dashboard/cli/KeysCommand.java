package org.wardwatch.dashboard.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.wardwatch.core.crypto.ContentColumn;
import org.wardwatch.core.crypto.KeyRecord;
import org.wardwatch.core.crypto.KeyRotation;
import org.wardwatch.dashboard.AppContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code wardwatch keys rotate}: the media key, which encrypts stored images and patient content. */
@Command(name = "keys", description = "Manages the media key that encrypts stored images and patient content.",
        subcommands = {KeysCommand.Rotate.class})
public final class KeysCommand implements Callable<Integer> {
    @ParentCommand
    WardWatch root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "rotate", description = {
            "Re-encrypts every stored image and every stored text under a new key, then makes it the key file.",
            "Stop serve and every other WardWatch process on this data first. Progress goes to standard error,",
            "a summary line to standard output. Interrupted, it is finished by running it again; until then",
            "other commands refuse to start. The old key stays beside the key file as a dated .bak until the",
            "rotation completes. Back up the new key file afterwards."})
    static final class Rotate implements Callable<Integer> {
        @ParentCommand
        KeysCommand keys;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            AppContext ctx = keys.root.context();
            PrintWriter err = spec.commandLine().getErr();
            boolean resuming = new KeyRecord(ctx.database().jdbi(), ctx.clock()).read().map(KeyRecord.State::rotating).orElse(false);
            // a fresh rotation starts from a checked key, with anything an older version left in the clear encrypted
            if (!resuming) ctx.masterKey();
            KeyRotation.Summary s = ctx.keyRotation().run(new KeyRotation.Progress() {
                int lastPercent = -1;

                @Override
                public void images(int done, int total) {
                    int percent = done * 100 / total;
                    if (percent / 10 != lastPercent / 10 || done == total) {
                        err.printf("keys rotate: images %d/%d%n", done, total);
                        err.flush();
                        lastPercent = percent;
                    }
                }

                @Override
                public void texts(ContentColumn column, long done) {
                    err.printf("keys rotate: %s: %d re-encrypted%n", column.field(), done);
                    err.flush();
                }
            });
            spec.commandLine().getOut().printf("rotated from key %s to key %s%s: %d images and %d stored texts re-encrypted; "
                            + "%s now holds the new key: back it up%s%n", s.from(), s.to(), s.resumed() ? " (finishing an interrupted rotation)" : "",
                    s.images(), s.texts(), ctx.keyFile(),
                    s.backup() == null ? "" : "; the old key's backup " + s.backup().getFileName() + " was removed");
            return 0;
        }
    }
}
