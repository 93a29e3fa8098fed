package org.wardwatch.core.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks a YAML tree against the shape of the configuration records before it is mapped. Jackson
 * stops at the first value it cannot convert, so this walk finds every unknown key and every value
 * of the wrong type first, each with its full path, and takes the offending entries out of the tree:
 * the rest still maps (those keys keep their defaults) and its values are still checked.
 */
final class ConfigShape {
    /** A problem at a key path such as {@code crawl.parallel}. */
    record Problem(String path, String message) {
    }

    private final List<Problem> problems = new ArrayList<>();

    private ConfigShape() {
    }

    /** @return the problems found; {@code root} is left holding only what maps cleanly */
    static List<Problem> check(ObjectNode root, Class<? extends Record> type) {
        ConfigShape shape = new ConfigShape();
        shape.section(root, type, "");
        return shape.problems;
    }

    private void section(ObjectNode node, Class<?> type, String path) {
        Map<String, RecordComponent> keys = new LinkedHashMap<>();
        for (RecordComponent c : type.getRecordComponents()) keys.put(c.getName(), c);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            RecordComponent key = keys.get(field.getKey());
            if (key == null) {
                problems.add(new Problem(at, "unknown key '" + at + "'"));
                it.remove();
            } else if (!value(field.getValue(), key.getType(), key.getGenericType(), at)) {
                it.remove();
            }
        }
    }

    /** @return whether the value may stay in the tree */
    private boolean value(JsonNode v, Class<?> type, Type generic, String at) {
        if (v == null || v.isNull()) return true;
        if (type.isRecord()) {
            if (!(v instanceof ObjectNode o)) return wrong(at, "a section of keys", v);
            section(o, type, at);
            return true;
        }
        if (type == Integer.class || type == Long.class) {
            boolean whole = v.isIntegralNumber() || (v.isTextual() && v.asText().strip().matches("[-+]?\\d{1,18}"));
            if (whole && type == Integer.class && !fitsInt(v)) return wrong(at, "a whole number up to 2147483647", v);
            return whole || wrong(at, "a whole number", v);
        }
        if (type == Double.class) {
            return v.isNumber() || (v.isTextual() && isNumber(v.asText())) || wrong(at, "a number", v);
        }
        if (type == Boolean.class) {
            return v.isBoolean() || (v.isTextual() && List.of("true", "false").contains(v.asText().strip().toLowerCase(Locale.ROOT)))
                    || wrong(at, "true or false", v);
        }
        if (type == String.class) {
            return v.isValueNode() || wrong(at, "text", v);
        }
        if (type == List.class) {
            if (!v.isArray()) return wrong(at, "a list", v);
            for (int i = 0; i < v.size(); i++) {
                if (!v.get(i).isValueNode()) return wrong(at + "[" + i + "]", "text", v.get(i));
            }
            return true;
        }
        if (type == Map.class) {
            if (!(v instanceof ObjectNode o)) return wrong(at, "a section of keys", v);
            Type valueType = generic instanceof ParameterizedType p ? p.getActualTypeArguments()[1] : Object.class;
            Class<?> raw = valueType instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) valueType;
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!value(e.getValue(), raw, valueType, at + "." + e.getKey())) it.remove();
            }
            return true;
        }
        return true;
    }

    private boolean wrong(String at, String expected, JsonNode got) {
        problems.add(new Problem(at, at + ": wrong type of value (" + expected + " expected, got " + describe(got) + ")"));
        return false;
    }

    private static String describe(JsonNode v) {
        if (v.isArray()) return "a list";
        if (v.isObject()) return "a section of keys";
        if (v.isTextual()) {
            String t = v.asText();
            return "'" + (t.length() > 60 ? t.substring(0, 57) + "..." : t) + "'";
        }
        return v.asText();
    }

    private static boolean fitsInt(JsonNode v) {
        if (!v.isTextual()) return v.canConvertToInt();
        try {
            Integer.parseInt(v.asText().strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
