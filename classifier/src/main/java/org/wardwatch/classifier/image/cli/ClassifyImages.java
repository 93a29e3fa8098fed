package org.wardwatch.classifier.image.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.wardwatch.core.analysis.Box;
import org.wardwatch.core.analysis.ImageAnalysis;
import org.wardwatch.core.analysis.ImageAnalyzer;
import org.wardwatch.core.analysis.ImageLabel;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code wardwatch classify-image PATH...}: files and folders (walked recursively, images only), one JSON
 * line per image on standard output in a stable order, a progress bar on standard error when a folder
 * is given, and a one-line error for each unreadable or corrupt file while the rest goes on.
 */
public final class ClassifyImages {
    static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "webp", "bmp", "gif", "tif", "tiff");

    private final ImageAnalyzer analyzer;
    private final PrintStream out;
    private final PrintStream err;
    private final int threads;
    private final ObjectMapper json = new ObjectMapper();

    public ClassifyImages(ImageAnalyzer analyzer, PrintStream out, PrintStream err, int threads) {
        this.analyzer = analyzer;
        this.out = out;
        this.err = err;
        this.threads = Math.max(1, threads);
    }

    /** @return the exit code: 0 when every image was classified, 1 when any input failed */
    public int run(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        boolean failed = false;
        boolean folder = false;
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                folder = true;
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(ClassifyImages::isImageName).sorted().forEach(files::add);
                } catch (IOException | RuntimeException e) {
                    err.println("classify-image: " + p + ": cannot list folder (" + e.getMessage() + ")");
                    failed = true;
                }
            } else if (Files.exists(p)) {
                files.add(p);
            } else {
                err.println("classify-image: " + p + ": no such file or folder");
                failed = true;
            }
        }
        Progress progress = folder ? new Progress(err, files.size()) : null;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "classify-image");
            t.setDaemon(true);
            return t;
        });
        try {
            // a small window of work in flight keeps both cores busy while printing in input order
            Deque<Map.Entry<Path, Future<Object>>> window = new ArrayDeque<>();
            int next = 0;
            while (next < files.size() || !window.isEmpty()) {
                while (next < files.size() && window.size() < threads * 2) {
                    Path f = files.get(next++);
                    window.add(Map.entry(f, pool.submit(() -> classify(f))));
                }
                Map.Entry<Path, Future<Object>> head = window.poll();
                Object result = head.getValue().get();
                if (progress != null) progress.clear();
                if (result instanceof String line) {
                    out.println(line);
                    out.flush();
                } else {
                    err.println("classify-image: " + head.getKey() + ": " + result);
                    failed = true;
                }
                if (progress != null) progress.advance();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed = true;
        } catch (ExecutionException e) {
            err.println("classify-image: " + e.getCause());
            failed = true;
        } finally {
            pool.shutdownNow();
            if (progress != null) progress.finish();
        }
        return failed ? 1 : 0;
    }

    /** The JSON line, or an error message (an Error object, so it cannot be mistaken for output). */
    private Object classify(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | OutOfMemoryError e) {
            return new Failure("cannot read file (" + e.getClass().getSimpleName() + ")");
        }
        try {
            ImageAnalysis a = analyzer.analyze(bytes, file.toString());
            return json.writeValueAsString(toJson(file, a));
        } catch (IllegalArgumentException e) {
            String m = e.getMessage() == null ? "not a usable image" : e.getMessage();
            // the analyzer names the input itself; keep only its reason
            String prefix = file + ": ";
            return new Failure(m.startsWith(prefix) ? m.substring(prefix.length()) : m);
        } catch (Exception e) {
            return new Failure("analysis failed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    private record Failure(String message) {
        @Override
        public String toString() {
            return message;
        }
    }

    static Map<String, Object> toJson(Path file, ImageAnalysis a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", file.toString());
        m.put("faces", boxes(a.faces()));
        m.put("people", boxes(a.people()));
        m.put("woundRegions", boxes(a.woundRegions()));
        m.put("skinFraction", round(a.skinFraction()));
        m.put("gps", a.gps() == null ? null : Map.of("lat", a.gps().lat(), "lon", a.gps().lon()));
        m.put("text", a.text());
        m.put("labels", Stream.of(ImageLabel.values()).filter(a.labels()::contains).map(Enum::name).toList());
        m.put("score", round(a.score()));
        m.put("millis", a.millis());
        return m;
    }

    private static List<Map<String, Object>> boxes(List<Box> boxes) {
        List<Map<String, Object>> r = new ArrayList<>();
        for (Box b : boxes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("x", b.x());
            m.put("y", b.y());
            m.put("w", b.w());
            m.put("h", b.h());
            m.put("score", round(b.score()));
            r.add(m);
        }
        return r;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static boolean isImageName(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 && !n.startsWith(".") && EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** A one-line bar redrawn in place on standard error. */
    static final class Progress {
        private final PrintStream err;
        private final int total;
        private int done;

        Progress(PrintStream err, int total) {
            this.err = err;
            this.total = total;
            draw();
        }

        void advance() {
            done++;
            draw();
        }

        void clear() {
            err.print("\r\033[K");
        }

        void finish() {
            err.println();
            err.flush();
        }

        private void draw() {
            int width = 30;
            int filled = total == 0 ? width : (int) ((long) done * width / total);
            err.print("\r[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + done + "/" + total + " images");
            err.flush();
        }
    }
}
