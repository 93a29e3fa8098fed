package org.wardwatch.dashboard.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where sign-in passwords are checked: a few threads and a short queue. An Argon2id check takes 19 MiB
 * and tens of milliseconds; run on the web server's own threads, a hundred sign-ins at once took
 * gigabytes. Here at most {@code threads} run at a time and {@code queue} wait; anything more is
 * turned away at once, and the sign-in page answers 429.
 */
public final class PasswordChecks implements AutoCloseable {
    private final ThreadPoolExecutor pool;
    private final Duration timeout;

    public PasswordChecks(int threads, int queue, Duration timeout) {
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "password-check-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        this.timeout = timeout;
    }

    /** The check's answer, or empty when it could not run now (too many waiting, or it took too long). */
    public <T> Optional<T> run(Callable<T> check) {
        Future<T> f;
        try {
            f = pool.submit(check);
        } catch (RejectedExecutionException busy) {
            return Optional.empty();
        }
        try {
            return Optional.of(f.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            f.cancel(true);
            return Optional.empty();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
