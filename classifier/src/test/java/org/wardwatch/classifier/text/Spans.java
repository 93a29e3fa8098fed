package org.wardwatch.classifier.text;

import java.util.List;

import org.wardwatch.core.analysis.TextFinding;

/** Test helper: what one recognizer finds in a text. */
final class Spans {
    private Spans() {
    }

    static List<TextFinding> of(Recognizer r, String text) {
        List<TextFinding> found = r.recognize(new Caption(text));
        for (TextFinding f : found) {
            if (!text.substring(f.start(), f.end()).equals(f.text())) throw new AssertionError("span offsets do not match text: " + f);
        }
        return found;
    }

    static List<String> texts(Recognizer r, String text) {
        return of(r, text).stream().map(TextFinding::text).toList();
    }
}
