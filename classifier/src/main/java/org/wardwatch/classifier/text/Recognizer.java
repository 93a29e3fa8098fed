package org.wardwatch.classifier.text;

import java.util.List;

import org.wardwatch.core.analysis.TextFinding;

/** One kind of signal in a caption: finds its spans and scores them. Stateless, so thread-safe. */
public interface Recognizer {
    List<TextFinding> recognize(Caption caption);
}
