package org.wardwatch.core.risk;

import java.util.List;
import java.util.Set;

/**
 * The risk policy's verdict on a post.
 *
 * @param risk    0..1
 * @param reasons in words, for a reviewer: "2 faces", "caption names a patient: 'Doreen'", "ward account"
 * @param signals the signals that contributed (FACE, PERSON_NAME, GEOTAGGED...), for counting misfires
 * @param flagged whether the post becomes a case
 */
public record RiskDecision(double risk, List<String> reasons, Set<String> signals, boolean flagged) {
    public RiskDecision {
        reasons = List.copyOf(reasons);
        signals = Set.copyOf(signals);
    }
}
