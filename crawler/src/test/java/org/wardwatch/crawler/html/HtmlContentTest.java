package org.wardwatch.crawler.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;
import org.wardwatch.core.source.FetchedMedia;

class HtmlContentTest {
    static final String BASE = "https://trust.example.nhs.uk/news/";

    @Test
    void aLazyImageIsItsRealPictureNotThePlaceholder() {
        String html = """
                <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="a.jpg" alt="A">
                <img src="/plugins/lazy/1x1.gif" data-lazy-src="/media/b.jpg" alt="B">
                <img src="spacer.gif" data-original="c.jpg">""";
        assertThat(HtmlContent.images(html, BASE)).extracting(FetchedMedia::url, FetchedMedia::altText).containsExactly(
                tuple(BASE + "a.jpg", "A"), tuple("https://trust.example.nhs.uk/media/b.jpg", "B"), tuple(BASE + "c.jpg", null));
    }

    @Test
    void aSrcsetGivesItsLargestCandidateWithItsWidthAndNoGuessedHeight() {
        String html = "<img src=\"small.jpg\" width=\"300\" height=\"200\" "
                + "srcset=\"small.jpg 300w, https://cdn.example.org/w_1200,h_800/big.jpg 1200w, mid.jpg 768w\">"
                + "<img data-srcset=\"x1.png, x3.png 3x, x2.png 2x\">";
        assertThat(HtmlContent.images(html, BASE)).extracting(FetchedMedia::url, FetchedMedia::width, FetchedMedia::height)
                .containsExactly(tuple("https://cdn.example.org/w_1200,h_800/big.jpg", 1200, null), tuple(BASE + "x3.png", null, null));
    }

    @Test
    void aPictureWithoutAUsableImgGivesItsLargestSourceAndNoscriptGivesTheFallback() {
        String html = """
                <picture><source type="image/webp" data-srcset="p.webp 1x, p@2x.webp 2x"><img src="data:," alt="P"></picture>
                <picture><source srcset="only.jpg 640w"></picture>
                <img class="lazy" src="data:," alt="N"><noscript><img src="n.jpg" alt="N"></noscript>""";
        assertThat(HtmlContent.images(html, BASE)).extracting(FetchedMedia::url, FetchedMedia::altText).containsExactly(
                tuple(BASE + "p@2x.webp", "P"), tuple(BASE + "n.jpg", "N"), tuple(BASE + "only.jpg", null));
    }

    @Test
    void onlyHttpImagesCountAndEachOnce() {
        String html = "<img src=\"data:image/png;base64,AAAA\"><img src=\"ftp://x/y.jpg\"><img src=\"a.jpg\"><img src=\"a.jpg\" alt=\"later alt\">";
        assertThat(HtmlContent.images(html, BASE)).extracting(FetchedMedia::url, FetchedMedia::altText)
                .containsExactly(tuple(BASE + "a.jpg", "later alt"));
    }
}
