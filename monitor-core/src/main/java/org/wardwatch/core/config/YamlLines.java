package org.wardwatch.core.config;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A YAML document read as a tree, remembering the line of every key and list item, so that a
 * validation error can say {@code accounts.yaml:14: unknown platform 'tiktok'}.
 * Paths look like {@code crawl.parallel} or {@code organisations[0].accounts[2].platform}.
 */
public final class YamlLines {
    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlLines(JsonNode root, Map<String, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    /** @throws ConfigException with the file and line of a syntax error, or of every tab in the indentation */
    public static YamlLines parse(String text, String fileName) throws ConfigException {
        List<String> tabs = tabsInIndentation(text, fileName);
        if (!tabs.isEmpty()) throw new ConfigException(tabs);
        try {
            JsonNode root = MAPPER.readTree(text);
            return new YamlLines(root == null || root.isMissingNode() ? MAPPER.createObjectNode() : root, index(text));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() != null ? e.getLocation().getLineNr() : 0;
            String why = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("unreadable");
            throw new ConfigException(fileName + ":" + line + ": not valid YAML: " + why);
        } catch (IOException e) {
            throw new ConfigException(fileName + ": unreadable: " + e.getMessage());
        }
    }

    /**
     * YAML forbids tabs in indentation, and the parser reports one where its scanner gave up, often the
     * line before; each such line is named here instead, all of them at once.
     */
    private static List<String> tabsInIndentation(String text, String fileName) {
        List<String> problems = new ArrayList<>();
        int n = 0;
        for (String line : text.split("\r?\n|\r", -1)) {
            n++;
            int i = 0;
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) i++;
            if (i < line.length() && line.substring(0, i).indexOf('\t') >= 0) {
                problems.add(fileName + ":" + n + ": a tab in the indentation (YAML indents with spaces only)");
            }
        }
        return problems;
    }

    public JsonNode root() {
        return root;
    }

    /** The line of a path, or of its nearest parent that has one; 0 when unknown. */
    public int line(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Integer l = lines.get(p);
            if (l != null) return l;
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) break;
            p = p.substring(0, cut);
        }
        return lines.getOrDefault(p, 0);
    }

    private static Map<String, Integer> index(String text) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        Deque<Frame> stack = new ArrayDeque<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            String pendingName = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                int line = p.currentTokenLocation().getLineNr();
                switch (t) {
                    case FIELD_NAME -> {
                        pendingName = p.currentName();
                        lines.putIfAbsent(join(stack, pendingName), line);
                    }
                    case START_OBJECT, START_ARRAY -> {
                        String path = stack.isEmpty() ? "" : childPath(stack, pendingName);
                        if (!path.isEmpty()) lines.putIfAbsent(path, line);
                        stack.push(new Frame(path, t == JsonToken.START_ARRAY));
                        pendingName = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        stack.pop();
                        if (!stack.isEmpty() && stack.peek().array) stack.peek().index++;
                    }
                    default -> {
                        if (!stack.isEmpty() && stack.peek().array) {
                            lines.putIfAbsent(stack.peek().path + "[" + stack.peek().index + "]", line);
                            stack.peek().index++;
                        }
                    }
                }
            }
        }
        return lines;
    }

    private static String childPath(Deque<Frame> stack, String name) {
        Frame top = stack.peek();
        if (top.array) return top.path + "[" + top.index + "]";
        return join(stack, name);
    }

    private static String join(Deque<Frame> stack, String name) {
        String parent = stack.isEmpty() ? "" : stack.peek().path;
        return parent.isEmpty() ? name : parent + "." + name;
    }

    private static final class Frame {
        final String path;
        final boolean array;
        int index;

        Frame(String path, boolean array) {
            this.path = path;
            this.array = array;
        }
    }
}
