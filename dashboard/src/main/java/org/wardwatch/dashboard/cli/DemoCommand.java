package org.wardwatch.dashboard.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.wardwatch.core.config.WardWatchConfig;
import org.wardwatch.dashboard.demo.Demo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code wardwatch demo}: a self-contained demonstration with no network and no setup. */
@Command(name = "demo", description = {
        "Starts a local demo platform with a fictional provider's accounts and posts, crawls and classifies them,",
        "and serves the dashboard with demo logins printed here. Needs no network. Demo data goes to <data>/demo",
        "(or to --data when given), which is emptied on every start."})
public final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    WardWatch root;
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "P", description = "Dashboard port (default: ${DEFAULT-VALUE}).")
    int port = 7070;

    @Option(names = "--images", paramLabel = "DIR", description = "Also post your own JPEG or PNG photos from DIR on a demo ward account.")
    Path images;

    @Override
    public Integer call() throws Exception {
        // demo data never mixes with a real installation's: by default it lives in its own folder
        boolean dataGiven = !root.data.normalize().equals(Path.of("data"));
        Path dir = dataGiven ? root.data : root.data.resolve("demo");
        WardWatchConfig config = root.context().config();
        long start = System.nanoTime();
        Demo demo = Demo.start(config, dir, "127.0.0.1", port, images, System.out);
        long cases = demo.context.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM cases")
                .mapTo(Long.class).one());
        System.out.println();
        System.out.printf("WardWatch demo ready in %.1f s: %d flagged posts in the queue.%n", (System.nanoTime() - start) / 1e9, cases);
        System.out.println("  Dashboard: http://localhost:" + demo.web.port());
        System.out.println("  Sign in as: reviewer / " + demo.password + "   (IG reviewer at Fernhill)");
        System.out.println("         or: admin / " + demo.password + ",  auditor / " + demo.password
                + ",  reviewer-ashdown / " + demo.password);
        System.out.println("  Data: " + dir.toAbsolutePath().normalize() + "   Ctrl+C stops the demo.");
        System.out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demo.close();
            stop.countDown();
        }, "wardwatch-demo-shutdown"));
        stop.await();
        return 0;
    }

}
