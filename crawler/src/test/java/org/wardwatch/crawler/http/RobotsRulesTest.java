package org.wardwatch.crawler.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RobotsRulesTest {
    @Test
    void ourOwnGroupWinsOverTheStarGroup() {
        RobotsRules r = RobotsRules.parse("""
                User-agent: *
                Disallow: /

                User-agent: WardWatch
                Disallow: /private
                """, "WardWatch");
        assertThat(r.allows("/news")).isTrue();
        assertThat(r.allows("/private/x")).isFalse();
    }

    @Test
    void theLongestMatchWinsAndAllowWinsATie() {
        RobotsRules r = RobotsRules.parse("""
                User-agent: *
                Disallow: /wp-admin/
                Allow: /wp-admin/admin-ajax.php
                Disallow: /*.pdf$
                """, "wardwatch");
        assertThat(r.allows("/wp-admin/admin-ajax.php")).isTrue();
        assertThat(r.allows("/wp-admin/options.php")).isFalse();
        assertThat(r.allows("/papers/board.pdf")).isFalse();
        assertThat(r.allows("/papers/board.pdf?x=1")).isTrue();
    }

    @Test
    void aGroupForAnotherAgentDoesNotBindUs() {
        RobotsRules r = RobotsRules.parse("User-agent: GPTBot\nUser-agent: CCBot\nDisallow: /\n", "WardWatch");
        assertThat(r.allows("/anything")).isTrue();
    }

    @Test
    void anEmptyDisallowAllowsEverything() {
        assertThat(RobotsRules.parse("User-agent: *\nDisallow:\n", "WardWatch").allows("/x")).isTrue();
    }
}
