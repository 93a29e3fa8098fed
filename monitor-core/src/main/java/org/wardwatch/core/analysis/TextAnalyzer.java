package org.wardwatch.core.analysis;

/** Caption analysis: implemented by the classifier module. Must be safe to call from several threads. */
public interface TextAnalyzer {
    TextAnalysis analyze(String text);

    /** Used where no classifier is wired (tests of the pipeline alone). */
    TextAnalyzer NONE = text -> TextAnalysis.EMPTY;
}
