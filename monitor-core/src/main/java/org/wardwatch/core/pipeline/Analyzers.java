package org.wardwatch.core.pipeline;

import java.util.function.Supplier;

import org.wardwatch.core.analysis.ImageAnalyzer;
import org.wardwatch.core.analysis.TextAnalyzer;

/**
 * The classifiers the pipeline runs. Suppliers, so the models load on the first post that needs
 * them and not when a crawl finds nothing new. The image analyzer may be absent (null).
 */
public record Analyzers(Supplier<TextAnalyzer> text, Supplier<ImageAnalyzer> image) {
}
