package org.wardwatch.dashboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.core.files.ExposedFiles;
import org.wardwatch.core.testing.ListeningSockets;

/**
 * A running {@code wardwatch serve}, as the kernel sees it: nothing but its dashboard listens beyond
 * loopback, and nothing under its data directory can be opened by another account, though this test
 * runs it without the launcher's umask. Commands beside it still work, through the loopback
 * auto-server.
 */
class ClosedDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void serveListensOnLoopbackOnlyBesideItsDashboardAndKeepsItsFilesToItsOwner() throws Exception {
        Path data = dir.resolve("data");
        Path output = dir.resolve("serve.out");
        Process serve = DataAtRestTest.wardwatch(output, "--data", data.toString(), "serve", "--port", "0");
        try {
            int port = dashboardPort(serve, output);
            // the auto-server starts with the database; give the process a moment to settle its sockets
            List<ListeningSockets.Listener> listeners = List.of();
            for (int i = 0; i < 50 && listeners.size() < 2; i++) {
                Thread.sleep(100);
                listeners = ListeningSockets.of(serve.pid());
            }
            assertThat(listeners).as("the dashboard and the database's auto-server").hasSizeGreaterThanOrEqualTo(2);
            assertThat(listeners.stream().filter(l -> l.port() != port).toList())
                    .as("everything but the dashboard on loopback: %s", listeners).isNotEmpty()
                    .allMatch(ListeningSockets.Listener::loopback);
            int autoServer = Integer.parseInt(Files.readString(data.resolve("db").resolve("wardwatch.lock.db"))
                    .replaceAll("(?s).*server=[^\\n]*:(\\d+).*", "$1"));
            assertThat(listeners).anySatisfy(l -> assertThat(l.port()).isEqualTo(autoServer));

            List<String> open = new ArrayList<>();
            try (var files = Files.walk(data)) {
                for (Path p : files.toList()) {
                    String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                    if (!mode.equals(Files.isDirectory(p) ? "rwx------" : "rw-------")) open.add(data.relativize(p) + " " + mode);
                }
            }
            assertThat(open).as("files and folders open to others").isEmpty();
            assertThat(Files.exists(data.resolve("logs").resolve("wardwatch.log"))).isTrue();
            assertThat(Files.exists(data.resolve("media.key"))).isTrue();

            // an operator's command beside serve goes through the loopback auto-server
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            assertThat(WardWatch.execute(new PrintWriter(out, true), new PrintWriter(err, true), "--data", data.toString(),
                    "accounts", "list")).as(err.toString()).isZero();
            // but a rotation is refused while serve could write under the old key
            err = new StringWriter();
            assertThat(WardWatch.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                    "--data", data.toString(), "keys", "rotate")).isEqualTo(1);
            assertThat(err.toString().strip()).isEqualTo("wardwatch: keys rotate: another WardWatch process is using the database "
                    + "(serve, or a command beside it); stop it first, so that nothing is written under the old key meanwhile");
        } finally {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
            serve.destroyForcibly();
        }
    }

    @Test
    void aStartWarnsOnceAboutADataDirectoryOthersCanOpen() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path copied = Files.writeString(data.resolve("restored-from-backup.txt"), "x");
        Files.setPosixFilePermissions(copied, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        Path output = dir.resolve("list.out");
        assertThat(DataAtRestTest.run(output, "--data", data.toString(), "accounts", "list")).isZero();
        String expected = ExposedFiles.warning(data).orElseThrow();
        assertThat(expected).contains("restored-from-backup.txt").contains("chmod -R go-rwx " + data.toAbsolutePath());
        List<String> warnings = Files.readAllLines(output).stream().filter(l -> l.contains("can be opened by other accounts")).toList();
        assertThat(warnings).hasSize(1).allSatisfy(l -> assertThat(l).endsWith(expected));
        assertThat(Files.readString(data.resolve("logs").resolve("wardwatch.log"))).contains(expected);
    }

    /** Waits for serve's start line and returns its dashboard port. */
    static int dashboardPort(Process serve, Path output) throws Exception {
        Pattern started = Pattern.compile("WardWatch dashboard on http://[^:]+:(\\d+)");
        for (int i = 0; i < 1200; i++) {
            if (Files.exists(output)) {
                Matcher m = started.matcher(Files.readString(output));
                if (m.find()) return Integer.parseInt(m.group(1));
            }
            if (!serve.isAlive()) break;
            Thread.sleep(100);
        }
        throw new AssertionError("serve did not start: " + (Files.exists(output) ? Files.readString(output) : ""));
    }
}
