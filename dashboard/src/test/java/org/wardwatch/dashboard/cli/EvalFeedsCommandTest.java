package org.wardwatch.dashboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalFeedsCommandTest {
    @TempDir
    Path dir;

    @Test
    void aFolderOfFeedsIsMeasuredWithEveryItemAccountedFor() throws Exception {
        Files.writeString(dir.resolve("whole.rss"), """
                <rss version="2.0"><channel><title>w</title>
                <item><title>One</title><link>https://example.org/1</link></item>
                <item><title>Two</title><link>https://example.org/2</link></item>
                </channel></rss>""");
        Files.writeString(dir.resolve("cut.rss"), """
                <rss version="2.0"><channel><title>c</title>
                <item><title>Three</title><link>https://example.org/3</link></item>
                <item><title>Fo""");
        Files.writeString(dir.resolve("page.html"), "<!DOCTYPE html><html><body><item>not a feed</item></body></html>");

        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = WardWatch.execute(new PrintWriter(out, true), new PrintWriter(err, true), "eval-feeds", dir.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("feeds 3, read 2, not read 1 (holding 1 items)")
                .contains("items found 5: posts 4, repeats of a post 0, skipped 0, unaccounted for 0")
                .contains("stored 80.0% of items found")
                .contains("feeds read leniently: 1")
                .contains("page.html: not read (1 items): ").contains("is an HTML page with no RSS or Atom feed link");
    }
}
