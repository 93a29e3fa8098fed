package org.wardwatch.core.config;

/**
 * Secrets may sit in the environment instead of the file, so that wardwatch.yaml can be shared:
 * WARDWATCH_DB_PASSWORD, WARDWATCH_SMTP_PASSWORD, WARDWATCH_X_BEARER_TOKEN, WARDWATCH_MEDIA_KEY.
 * The environment wins over the file.
 */
public final class Secrets {
    private Secrets() {
    }

    public static String dbPassword(WardWatchConfig c) {
        return env("WARDWATCH_DB_PASSWORD", c.database().password());
    }

    public static String smtpPassword(WardWatchConfig c) {
        return env("WARDWATCH_SMTP_PASSWORD", c.smtp().password());
    }

    public static String xBearerToken(WardWatchConfig c) {
        return env("WARDWATCH_X_BEARER_TOKEN", c.crawl().xBearerToken());
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
