package org.wardwatch.core.registry;

/** What a handle must look like on each platform, so a typo is caught at import, not at 3 a.m. */
final class HandleRules {
    private HandleRules() {
    }

    /** @return null when fine, else a one-line reason */
    static String check(Platform platform, String handle) {
        return switch (platform) {
            case RSS, ATOM, HTML, WORDPRESS -> handle.matches("(?i)https?://\\S+") ? null
                    : platform.id() + " handle must be an http(s) URL, not '" + handle + "'";
            case MASTODON -> handle.matches("@?[A-Za-z0-9_]+(@[A-Za-z0-9.-]+)?") ? null
                    : "mastodon handle must look like @user or @user@instance, not '" + handle + "'";
            case BLUESKY -> handle.matches("(did:[a-z]+:[A-Za-z0-9._:-]+|@?[A-Za-z0-9.-]+\\.[A-Za-z]{2,})") ? null
                    : "bluesky handle must be a domain handle (name.bsky.social) or a DID, not '" + handle + "'";
            case X -> handle.matches("@?[A-Za-z0-9_]{1,15}") ? null
                    : "x handle must be a username of up to 15 letters, digits or _, not '" + handle + "'";
        };
    }
}
