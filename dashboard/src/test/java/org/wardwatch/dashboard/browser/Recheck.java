package org.wardwatch.dashboard.browser;

import org.wardwatch.dashboard.AppContext;

/** Runs WardWatch's removal re-check once, as the schedule (or {@code wardwatch recheck --once}) would. */
final class Recheck {
    private Recheck() {
    }

    static void run(AppContext context) {
        context.recheck().runOnce();
    }
}
