package org.wardwatch.classifier.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.wardwatch.core.analysis.TextFinding;

/**
 * The Presidio shape: named patterns with base scores, context words that raise a score when they are
 * near the span, and a validation step that may reject or rescore a match. A pattern may mark the
 * reported span with a group named {@code v}; otherwise the whole match is reported.
 */
public abstract class PatternRecognizer implements Recognizer {
    /**
     * A pattern and the score a match starts with. Case-insensitive patterns are written in lower case
     * and run on the caption's lower-case copy (same offsets), which is several times faster than
     * Java's case-insensitive matching.
     */
    protected record NamedPattern(String name, Pattern pattern, double score, boolean onLower, boolean hasSpanGroup) {
        private static final Pattern ESCAPES = Pattern.compile("\\\\[pP]\\{\\w+}|\\\\.|\\(\\?-i:");

        /** Case-insensitive: the regex must be lower case (escapes aside). */
        static NamedPattern of(String name, String regex, double score) {
            String literal = ESCAPES.matcher(regex).replaceAll("");
            for (int i = 0; i < literal.length(); i++) {
                if (Character.isUpperCase(literal.charAt(i))) {
                    throw new IllegalArgumentException("pattern " + name + " runs on lower-case text but has upper case: " + regex);
                }
            }
            return new NamedPattern(name, Pattern.compile(regex), score, true, regex.contains("(?<v>"));
        }

        /** Case-insensitive on the original text, for patterns that also test capitals with {@code (?-i:...)}. */
        static NamedPattern mixedCase(String name, String regex, double score) {
            return new NamedPattern(name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), score, false, regex.contains("(?<v>"));
        }

        static NamedPattern caseSensitive(String name, String regex, double score) {
            return new NamedPattern(name, Pattern.compile(regex), score, false, regex.contains("(?<v>"));
        }
    }

    private final String type;
    private final List<NamedPattern> patterns;
    private final Pattern context;
    private final int contextWindow;
    private final double contextBoost;

    protected PatternRecognizer(String type, List<NamedPattern> patterns, List<String> contextWords,
                                int contextWindow, double contextBoost) {
        this.type = type;
        this.patterns = List.copyOf(patterns);
        this.context = contextWords.isEmpty() ? null
                : Pattern.compile("\\b(?:" + String.join("|", contextWords) + ")\\b");
        this.contextWindow = contextWindow;
        this.contextBoost = contextBoost;
    }

    public String type() {
        return type;
    }

    @Override
    public List<TextFinding> recognize(Caption caption) {
        if (!mayMatch(caption)) return List.of();
        List<TextFinding> out = new ArrayList<>(2);
        for (NamedPattern p : patterns) {
            Matcher m = p.pattern().matcher(p.onLower() ? caption.lower() : caption.text());
            while (m.find()) {
                boolean group = p.hasSpanGroup() && m.start("v") >= 0;
                int start = group ? m.start("v") : m.start();
                int end = group ? m.end("v") : m.end();
                if (end <= start) continue;
                double score = validate(caption, m, p, start, end);
                if (score <= 0) continue;
                if (context != null && hasContext(caption, start, end)) score += contextBoost;
                out.add(new TextFinding(type, caption.text().substring(start, end), start, end, Math.min(score, 0.99)));
            }
        }
        return out;
    }

    /** Whether a context word occurs within the window around the span (the span itself excluded). */
    protected boolean hasContext(Caption caption, int start, int end) {
        String lower = caption.lower();
        Matcher before = context.matcher(lower).region(Math.max(0, start - contextWindow), start);
        if (before.find()) return true;
        Matcher after = context.matcher(lower).region(end, Math.min(lower.length(), end + contextWindow));
        return after.find();
    }

    /** A cheap test that lets a recognizer skip its patterns on captions that cannot match (most captions). */
    protected boolean mayMatch(Caption caption) {
        return true;
    }

    /**
     * The score of a match before context, or 0 to reject it. The default keeps the pattern's base
     * score; subclasses check digits, ranges and what stands around the match.
     */
    protected double validate(Caption caption, Matcher m, NamedPattern pattern, int start, int end) {
        return pattern.score();
    }
}
