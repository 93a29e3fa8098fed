package org.wardwatch.crawler;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.wardwatch.core.source.SourceException;

/**
 * Follows a platform's pages from the first until the platform says there are no more, an item
 * says to stop (already seen, older than the first-crawl window) or enough items are taken. Short
 * and empty pages are followed like any other: only the absence of a next page ends the listing.
 */
public final class Walk {
    private Walk() {
    }

    /** What to do with one listed item. */
    public enum Step { TAKE, SKIP, STOP }

    @FunctionalInterface
    public interface PageReader<T> {
        Page<T> read(String next) throws SourceException;
    }

    /** @param first what to ask for the first page (null when the reader knows) */
    public static <T> List<T> pages(String first, PageReader<T> reader, Function<T, Step> judge, int max)
            throws SourceException {
        List<T> taken = new ArrayList<>();
        Set<String> asked = new HashSet<>();
        String next = first;
        int pages = 0;
        while (true) {
            Page<T> page = reader.read(next);
            pages++;
            for (T item : page.items()) {
                Step step = judge.apply(item);
                if (step == Step.STOP) return taken;
                if (step == Step.TAKE) {
                    taken.add(item);
                    if (taken.size() >= max) return taken;
                }
            }
            next = page.next();
            // a platform that hands back a cursor it gave before would page forever
            if (next == null || !asked.add(next) || pages >= 10_000) return taken;
        }
    }
}
