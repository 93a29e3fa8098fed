package org.wardwatch.crawler.http;

/** A request tag: fetch only if the host's robots.txt allows WardWatch to read this URL. */
public final class RobotsTxt {
    public static final RobotsTxt CHECK = new RobotsTxt();

    private RobotsTxt() {
    }
}
