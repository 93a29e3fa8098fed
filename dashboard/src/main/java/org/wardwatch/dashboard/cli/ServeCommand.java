package org.wardwatch.dashboard.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.wardwatch.core.digest.DigestSchedule;
import org.wardwatch.core.retention.PurgeJob;
import org.wardwatch.core.retention.RetentionPurge;
import org.wardwatch.core.schedule.WardWatchScheduler;
import org.wardwatch.dashboard.AppContext;
import org.wardwatch.dashboard.web.WebApp;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code wardwatch serve}: the dashboard and the schedule, until stopped. */
@Command(name = "serve", description = "Runs the dashboard and the crawl, re-check and digest schedule.")
public final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    WardWatch root;

    @Option(names = "--port", paramLabel = "P", description = "Port (default: dashboard.port of the configuration, 7070).")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host = "0.0.0.0";

    @Override
    public Integer call() throws Exception {
        AppContext ctx = root.context();
        int p = port != null ? port : ctx.config().dashboard().port();
        ctx.database();
        // the key is checked (and old plaintext encrypted) before anything starts: a wrong key stops here
        ctx.masterKey();
        WardWatchScheduler scheduler = ctx.scheduler();
        DigestSchedule.install(scheduler.quartz(), ctx.digestSender(), ctx.config().digest());
        PurgeJob.install(scheduler, new RetentionPurge(ctx.database().jdbi(), ctx.vault(), ctx.clock()),
                ctx.config().retention().resolvedMediaDays());
        scheduler.start();
        recoverInBackground(ctx);
        WebApp web = ctx.webApp().start(host, p);
        System.out.println("WardWatch dashboard on http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + web.port()
                + " (data in " + ctx.dataDir() + "); crawling " + ctx.registry().activeAccounts().size()
                + " active accounts on schedule; Ctrl+C stops it");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ctx.close();
            stop.countDown();
        }, "wardwatch-shutdown"));
        stop.await();
        return 0;
    }

    /**
     * Finishes what a killed process left (crawl runs marked interrupted, stored posts analysed)
     * while the dashboard comes up, so a restart is quick and nothing stays unanalysed.
     */
    static void recoverInBackground(AppContext ctx) {
        Thread t = new Thread(() -> {
            try {
                var r = ctx.pipeline().recover();
                if (r.interruptedRuns() > 0 || r.postsAnalysed() > 0) {
                    org.slf4j.LoggerFactory.getLogger(ServeCommand.class).warn(
                            "finished what an interrupted run left: {} run(s) marked interrupted, {} post(s) analysed, {} flagged",
                            r.interruptedRuns(), r.postsAnalysed(), r.flagged());
                }
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(ServeCommand.class).error("recovery of interrupted work failed",
                        org.wardwatch.core.store.Redacted.of(e));
            }
        }, "wardwatch-recovery");
        t.setDaemon(true);
        t.start();
    }
}
