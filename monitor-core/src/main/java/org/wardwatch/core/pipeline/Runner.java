package org.wardwatch.core.pipeline;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;

/**
 * Which process is doing a piece of work ({@code host/pid/start}), written beside a crawl run or an
 * analysis claim. A process on this host that no longer exists, or whose pid now belongs to a
 * process started at another time, is gone for certain, so what it left unfinished can be taken
 * over at once; work of a process on another host is taken over only once its lease has run out.
 */
public record Runner(String host, long pid, long startMillis) {
    private static final Runner CURRENT = of(ProcessHandle.current());

    public static Runner current() {
        return CURRENT;
    }

    public String id() {
        return host + "/" + pid + "/" + startMillis;
    }

    /**
     * One worker of this process: a crawl or a recovery. Claims are per worker, so two crawls in one
     * process (the schedule's threads) never both hold a post.
     */
    public String worker(long n) {
        return id() + "#" + n;
    }

    /** Parses an id written by {@link #id()} or {@link #worker}; empty for anything else (a row from before runners). */
    public static Optional<Runner> parse(String id) {
        if (id == null) return Optional.empty();
        int hash = id.indexOf('#');
        if (hash >= 0) id = id.substring(0, hash);
        int b = id.lastIndexOf('/');
        int a = b <= 0 ? -1 : id.lastIndexOf('/', b - 1);
        if (a <= 0) return Optional.empty();
        try {
            return Optional.of(new Runner(id.substring(0, a), Long.parseLong(id.substring(a + 1, b)),
                    Long.parseLong(id.substring(b + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the process that wrote this id is known to be gone (only answerable on its own host). */
    public static boolean isGone(String id) {
        Optional<Runner> r = parse(id);
        if (r.isEmpty() || !r.get().host.equals(CURRENT.host)) return false;
        if (r.get().equals(CURRENT)) return false;
        Optional<ProcessHandle> p = ProcessHandle.of(r.get().pid);
        return p.isEmpty() || !p.get().isAlive() || startOf(p.get()) != r.get().startMillis;
    }

    private static Runner of(ProcessHandle p) {
        return new Runner(hostName(), p.pid(), startOf(p));
    }

    private static long startOf(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "localhost" : env;
        }
    }
}
