package org.wardwatch.classifier.text;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import org.wardwatch.core.analysis.TextAnalyzer;

/**
 * The {@code wardwatch bench-text} logic: caption analysis throughput on one thread after warm-up. Runs
 * the captions round-robin for the warm-up time (JIT compilation, class loading), then counts how
 * many it analyses in the measured time, in several rounds, and prints captions per second.
 */
public final class BenchText {
    /**
     * Captions per second of each measured round, by the wall clock and by the thread's own CPU time
     * (what one core gives when the thread has it to itself, which a shared machine cannot promise).
     */
    public record Result(double[] perSecond, double[] perCpuSecond) {
        public double medianCpu() {
            double[] s = perCpuSecond.clone();
            java.util.Arrays.sort(s);
            return s[s.length / 2];
        }

        public double median() {
            double[] s = perSecond.clone();
            java.util.Arrays.sort(s);
            return s[s.length / 2];
        }
    }

    private final TextAnalyzer analyzer;

    public BenchText(TextAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    public Result run(List<String> captions, double warmupSeconds, double roundSeconds, int rounds, PrintWriter out) {
        if (captions.isEmpty()) throw new IllegalArgumentException("no captions to benchmark");
        long sink = 0;
        int i = 0;
        long end = System.nanoTime() + (long) (warmupSeconds * 1e9);
        while (System.nanoTime() < end) sink += analyzer.analyze(captions.get(i++ % captions.size())).findings().size();
        double[] rates = new double[rounds];
        double[] cpuRates = new double[rounds];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long stop = start + (long) (roundSeconds * 1e9);
            long n = 0;
            long now;
            do {
                for (int k = 0; k < 64; k++) sink += analyzer.analyze(captions.get(i++ % captions.size())).findings().size();
                n += 64;
                now = System.nanoTime();
            } while (now < stop);
            rates[r] = n / ((now - start) / 1e9);
            cpuRates[r] = n / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
            out.printf(Locale.ROOT, "round %d: %.0f captions/s wall clock, %.0f captions per CPU second%n", r + 1, rates[r], cpuRates[r]);
            out.flush();
        }
        Result result = new Result(rates, cpuRates);
        out.printf(Locale.ROOT, "caption analysis, 1 thread, %d distinct captions, after %.0f s warm-up: median %.0f captions/s wall clock,"
                        + " %.0f captions per CPU second (%.1f µs of CPU each)%s%n",
                captions.size(), warmupSeconds, result.median(), result.medianCpu(), 1e6 / result.medianCpu(), sink == 42 ? " " : "");
        out.flush();
        return result;
    }
}
