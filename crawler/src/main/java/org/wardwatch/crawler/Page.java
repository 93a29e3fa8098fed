package org.wardwatch.crawler;

import java.util.List;

/**
 * One page of a platform's listing.
 *
 * @param next what to ask for the next page (a URL, cursor or token), null at the end
 */
public record Page<T>(List<T> items, String next) {
    public Page {
        items = List.copyOf(items);
    }
}
