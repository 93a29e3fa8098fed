package org.wardwatch.core.risk;

import java.util.List;
import java.util.Set;

/**
 * The risk policy's verdict on a post.
 *
 * @param risk    0..1
 * @param why     the reasons, each in words with the spans it quotes kept apart
 * @param signals the signals that contributed (FACE, PERSON_NAME, GEOTAGGED...), for counting misfires
 * @param flagged whether the post becomes a case
 */
public record RiskDecision(double risk, List<Reason> why, Set<String> signals, boolean flagged) {
    public RiskDecision {
        why = List.copyOf(why);
        signals = Set.copyOf(signals);
    }

    /** As a reviewer reads them: "2 faces", "caption names a patient: 'Doreen'", "ward account". */
    public List<String> reasons() {
        return why.stream().map(Reason::shown).toList();
    }

    /** As the database keeps them: in words, each quote replaced by where to find it again. */
    public List<String> storedReasons() {
        return Reason.stored(why);
    }
}
