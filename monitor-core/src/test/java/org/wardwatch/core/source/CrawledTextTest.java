package org.wardwatch.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CrawledTextTest {

    @Test
    void nulAndOtherC0AndC1ControlsAreRemoved() {
        CrawledText.Clean c = CrawledText.clean("Doreen\u0000 on\u0007 Willow\u001B[31m Ward\u0085\u009B\u007F today");
        assertThat(c.text()).isEqualTo("Doreen on Willow[31m Ward today");
        assertThat(c.controlsRemoved()).isEqualTo(6);
        assertThat(c.bidiControls()).isZero();
    }

    @Test
    void tabNewlineAndCarriageReturnStay() {
        CrawledText.Clean c = CrawledText.clean("line one\r\n\tline two\n");
        assertThat(c.text()).isEqualTo("line one\r\n\tline two\n");
        assertThat(c.controlsRemoved()).isZero();
    }

    @Test
    void bidiOverridesAreKeptButCounted() {
        String text = "Happy birthday \u202Eneerod\u202C and \u2066Ali\u2069 \u200F";
        CrawledText.Clean c = CrawledText.clean(text);
        assertThat(c.text()).isEqualTo(text);
        assertThat(c.bidiControls()).isEqualTo(5);
        assertThat(c.controlsRemoved()).isZero();
    }

    @Test
    void lettersOfEveryScriptAndEmojiAreUntouched() {
        String text = "Jó napot, Zoë — مرحبا 你好 🎂 e\u0301";
        assertThat(CrawledText.clean(text).text()).isSameAs(text);
    }

    @Test
    void aWholePostIsCleanedInEveryTextAReaderSees() {
        FetchedPost post = new FetchedPost("1", "https://x/1", null, null, "cap\u0000tion \u202E",
                List.of(FetchedMedia.of("https://x/a.jpg", "alt\u0001 text")), "public",
                List.of("warn\u0002ing"), List.of(new AttachedText(AttachedText.QUOTE, "quo\u0003ted \u202E", "https://x/q")));
        CrawledText.CleanPost c = CrawledText.clean(post);
        assertThat(c.post().text()).isEqualTo("caption \u202E");
        assertThat(c.post().media().get(0).altText()).isEqualTo("alt text");
        assertThat(c.post().media().get(0).url()).isEqualTo("https://x/a.jpg");
        assertThat(c.post().contentWarnings()).containsExactly("warning");
        assertThat(c.post().attached().get(0).text()).isEqualTo("quoted \u202E");
        assertThat(c.post().externalId()).isEqualTo("1");
        assertThat(c.controlsRemoved()).isEqualTo(4);
        assertThat(c.bidiControls()).isEqualTo(2);
    }

    @Test
    void nothingToCleanIsNothing() {
        assertThat(CrawledText.clean((String) null).text()).isNull();
        assertThat(CrawledText.clean("").text()).isEmpty();
    }
}
