package org.wardwatch.classifier.image.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.wardwatch.core.analysis.ImageAnalyzer;

/**
 * {@code wardwatch bench-images FOLDER}: images per second through the analyzer on a folder of photos,
 * with as many threads as cores, after a warm-up pass; and peak memory, both the Java heap and the
 * whole process (OpenCV and ND4J allocate outside the heap, so the resident peak is the honest one).
 */
public final class ImageBenchmark {
    /** {@code cpuMillisPerImage}: the whole process's CPU time over the timed pass, a photo; -1 where the JVM cannot tell. */
    public record Result(int images, double seconds, double imagesPerSecond, long peakHeapBytes, long peakResidentBytes,
                         double cpuMillisPerImage) {
    }

    private final ImageAnalyzer analyzer;
    private final PrintStream out;

    public ImageBenchmark(ImageAnalyzer analyzer, PrintStream out) {
        this.analyzer = analyzer;
        this.out = out;
    }

    public Result run(Path folder, int threads, int limit) throws IOException, InterruptedException {
        List<byte[]> photos = new ArrayList<>();
        try (var s = Files.walk(folder)) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> p.toString().matches("(?i).*\\.(jpe?g|png|webp)$")).sorted().limit(limit).toList()) {
                photos.add(Files.readAllBytes(p));
            }
        }
        if (photos.isEmpty()) throw new IOException(folder + ": no photos");
        // warm-up: load the networks in every worker thread, let the JIT settle
        pass(photos.subList(0, Math.min(photos.size(), threads * 2)), threads);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        int failures = pass(photos, threads);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long cpu1 = processCpuNanos();
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) heap += pool.getPeakUsage().getUsed();
        }
        double cpuMillis = cpu0 < 0 || cpu1 < 0 ? -1 : (cpu1 - cpu0) / 1e6 / photos.size();
        Result r = new Result(photos.size(), seconds, photos.size() / seconds, heap, peakResident(), cpuMillis);
        out.printf(Locale.ROOT, "%d photos from %s, %d threads: %.1f s, %.2f images/s; peak heap %d MB, peak resident %d MB%s%n",
                r.images(), folder, threads, r.seconds(), r.imagesPerSecond(), r.peakHeapBytes() >> 20, r.peakResidentBytes() >> 20,
                failures > 0 ? " (" + failures + " unreadable)" : "");
        // on a host shared with other jobs the wall clock says as much about them as about us; the CPU
        // time the process spent a photo does not, and bounds what the same cores would do if ours alone
        if (cpuMillis > 0) {
            out.printf(Locale.ROOT, "  CPU %.0f ms a photo: on %d cores of our own, at most %.1f images/s%n",
                    cpuMillis, threads, threads * 1000 / cpuMillis);
        }
        return r;
    }

    private int pass(List<byte[]> photos, int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger failures = new AtomicInteger();
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < photos.size(); i++) {
                byte[] p = photos.get(i);
                int index = i;
                fs.add(pool.submit(() -> {
                    try {
                        analyzer.analyze(p, "photo " + index);
                    } catch (IllegalArgumentException e) {
                        failures.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : fs) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.incrementAndGet();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return failures.get();
    }

    /** The whole process's CPU time (every thread, native ones included), or -1 where the JVM cannot tell. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** VmHWM from /proc: the process's peak resident set, or -1 where there is no /proc. */
    static long peakResident() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
