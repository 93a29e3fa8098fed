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
    /** A pattern and the score a match starts with. */
    protected record NamedPattern(String name, Pattern pattern, double score) {
        boolean hasSpanGroup() {
            return pattern.pattern().contains("(?<v>");
        }

        static NamedPattern of(String name, String regex, double score) {
            return new NamedPattern(name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), score);
        }

        static NamedPattern caseSensitive(String name, String regex, double score) {
            return new NamedPattern(name, Pattern.compile(regex), score);
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
        List<TextFinding> out = new ArrayList<>(2);
        for (NamedPattern p : patterns) {
            Matcher m = p.pattern().matcher(caption.text());
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

    /**
     * The score of a match before context, or 0 to reject it. The default keeps the pattern's base
     * score; subclasses check digits, ranges and what stands around the match.
     */
    protected double validate(Caption caption, Matcher m, NamedPattern pattern, int start, int end) {
        return pattern.score();
    }
}
