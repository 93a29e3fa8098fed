package org.wardwatch.core.source;

import java.util.List;

/**
 * What the platform says about the account itself: the opt-out flags a person can set
 * (Mastodon indexable/noindex/discoverable, Bluesky's !no-unauthenticated label).
 *
 * @param optOuts the opt-out signals present, in the platform's words; empty when none
 */
public record AccountSignals(List<String> optOuts) {
    public static final AccountSignals NONE = new AccountSignals(List.of());

    public AccountSignals {
        optOuts = optOuts == null ? List.of() : List.copyOf(optOuts);
    }

    public boolean optedOut() {
        return !optOuts.isEmpty();
    }
}
