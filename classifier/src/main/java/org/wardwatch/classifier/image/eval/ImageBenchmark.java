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
    public record Result(int images, double seconds, double imagesPerSecond, long peakHeapBytes, long peakResidentBytes) {
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
        long t0 = System.nanoTime();
        int failures = pass(photos, threads);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) heap += pool.getPeakUsage().getUsed();
        }
        Result r = new Result(photos.size(), seconds, photos.size() / seconds, heap, peakResident());
        out.printf(Locale.ROOT, "%d photos from %s, %d threads: %.1f s, %.2f images/s; peak heap %d MB, peak resident %d MB%s%n",
                r.images(), folder, threads, r.seconds(), r.imagesPerSecond(), r.peakHeapBytes() >> 20, r.peakResidentBytes() >> 20,
                failures > 0 ? " (" + failures + " unreadable)" : "");
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
