package org.wardwatch.dashboard.web;

import org.wardwatch.dashboard.auth.User;

/**
 * What the layout needs on every page: the title, who is signed in (null on the sign-in page), the
 * form token, which navigation entry is current, and a one-time message.
 */
public record Page(String title, User user, String csrf, String nav, String flash, String error) {
    public Page withError(String message) {
        return new Page(title, user, csrf, nav, flash, message);
    }

    public boolean signedIn() {
        return user != null;
    }

    public boolean is(String key) {
        return key.equals(nav);
    }
}
