package org.wardwatch.classifier.text;

import java.util.List;
import java.util.regex.Matcher;

/**
 * Mothers and babies in care: "mum and baby", the mother and baby unit (MBU), a named baby or mum
 * ("baby Freddie", "mum Jess"), "our mums", new arrivals. The perinatal team or service on its own is
 * staff news, not a perinatal cue.
 */
public final class PerinatalRecognizer extends PatternRecognizer {
    /** Stems of the words the patterns need; a caption with none of them is skipped unscanned. */
    private static final List<String> STEMS = List.of("mum", "mam", "mother", "mom", "bab", "newborn", "little", "arriv",
            "born", "mbu", "parent", "famil", "postnatal", "post-natal", "postpartum", "antenatal", "perinatal");

    public PerinatalRecognizer() {
        super(FindingTypes.PERINATAL,
                List.of(NamedPattern.caseSensitive("named-baby", "\\b(?:[Bb]aby|[Mm]um|[Mm]ummy|[Mm]other|[Nn]ewborn|[Ll]ittle)\\s+\\p{Lu}\\p{Ll}+", 0.8),
                        NamedPattern.of("mum-and-baby", "\\bmother\\s+and\\s+baby\\s+unit\\b|\\b(?:mums?|mothers?|mummy|mam)\\s+(?:and|&|\\+)\\s+(?:babies|baby|bump|little\\s+ones?)\\b|\\bmbu\\b", 0.7),
                        NamedPattern.of("our-mums", "\\b(?:our|the|new)\\s+(?:mums|mothers|mums-to-be|new\\s+mums|parents|families|babies)\\b(?=\\s+(?:on|at|in|from|who|have|had|enjoyed|made|took|joined|were|are|loved))", 0.6),
                        NamedPattern.of("arrival", "\\b(?:newest|new|little)\\s+arrivals?\\b|\\bborn\\s+(?:on|at)\\s+(?:the|our)\\s+(?:unit|ward)\\b|\\bnewborns?\\b", 0.6),
                        NamedPattern.of("postnatal", "\\b(?:postnatal|post-natal|postpartum|antenatal|perinatal)\\s+(?:depression|psychosis|anxiety|illness|mums?|mothers?|women|unit|ward)\\b", 0.5)),
                List.of("unit", "mbu", "perinatal", "mum", "baby", "today"), 40, 0.05);
    }

    @Override
    protected boolean mayMatch(Caption caption) {
        return caption.anyWordStartsWith(STEMS);
    }

    @Override
    protected double validate(Caption caption, Matcher m, NamedPattern pattern, int start, int end) {
        if (pattern.name().equals("named-baby")) {
            String word = caption.text().substring(caption.text().lastIndexOf(' ', end - 1) + 1, end);
            // "Baby Week", "Mum Guide": capitalised common words after baby/mum are not names.
            if (NameLexicon.shared().isCommonCapitalisedWord(word.toLowerCase(java.util.Locale.ROOT))) return 0;
        }
        return pattern.score();
    }
}
