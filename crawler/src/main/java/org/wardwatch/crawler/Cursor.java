package org.wardwatch.crawler;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A source's state for one account, kept in {@code accounts.crawl_cursor} as a small JSON object
 * ({@code {"newest":"…","etag":"…"}}). Unknown keys are kept; an unreadable cursor counts as none,
 * which makes the next crawl a first crawl rather than a failure.
 */
public final class Cursor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, String> values;

    private Cursor(Map<String, String> values) {
        this.values = values;
    }

    public static Cursor parse(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        if (text != null && !text.isBlank()) {
            try {
                JsonNode n = JSON.readTree(text);
                if (n instanceof ObjectNode o) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                        var e = it.next();
                        if (!e.getValue().isNull()) m.put(e.getKey(), e.getValue().asText());
                    }
                }
            } catch (JsonProcessingException ignored) {
                // a cursor from an older version or a hand edit: start again rather than fail
            }
        }
        return new Cursor(m);
    }

    public String get(String key) {
        return values.get(key);
    }

    public Cursor with(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(values);
        if (value == null) m.remove(key);
        else m.put(key, value);
        return new Cursor(m);
    }

    public List<String> list(String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? List.of() : List.of(v.split(","));
    }

    public Cursor withList(String key, List<String> items) {
        return with(key, items == null || items.isEmpty() ? null : String.join(",", items));
    }

    @Override
    public String toString() {
        ObjectNode o = JSON.createObjectNode();
        values.forEach(o::put);
        return o.toString();
    }
}
