package org.wardwatch.crawler.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wardwatch.crawler.CrawlerTesting.NOW;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wardwatch.core.source.MediaFetcher;
import org.wardwatch.core.source.SourceException;
import org.wardwatch.crawler.CrawlerTesting;
import org.wardwatch.crawler.Crawlers;

import com.github.tomakehurst.wiremock.WireMockServer;

class MediaFetcherTest {
    static WireMockServer wm = new WireMockServer(options().dynamicPort());
    Crawlers crawlers;
    MediaFetcher media;

    @BeforeAll
    static void start() {
        wm.start();
        CrawlerTesting.warmUp(wm);
    }

    @AfterAll
    static void stop() {
        wm.stop();
    }

    @BeforeEach
    void setUp() {
        wm.resetAll();
        crawlers = CrawlerTesting.crawlers(new FakeClock(NOW));
        media = crawlers.mediaFetcher();
    }

    /** An image linked by a post of an account registered on the test server, whose host it trusts. */
    byte[] fetch(String url, long max) throws SourceException {
        return media.fetch(CrawlerTesting.account(org.wardwatch.core.registry.Platform.RSS, wm.baseUrl() + "/feed", null),
                url, max, org.wardwatch.core.source.Deadline.NONE);
    }

    @AfterEach
    void tearDown() {
        crawlers.close();
    }

    @Test
    void anImageIsReturnedByteForByte() throws Exception {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3};
        wm.stubFor(get("/img.jpg").willReturn(aResponse().withHeader("Content-Type", "image/jpeg").withBody(jpeg)));
        assertThat(fetch(wm.baseUrl() + "/img.jpg", 1000)).containsExactly(jpeg);
    }

    @Test
    void anImageOverItsOwnCapIsRefusedThoughThePageCapIsLarger() {
        wm.stubFor(get("/huge.jpg").willReturn(aResponse().withHeader("Content-Type", "image/jpeg").withBody(new byte[5000])));
        assertThatThrownBy(() -> fetch(wm.baseUrl() + "/huge.jpg", 4096)).isInstanceOf(SourceException.class)
                .hasMessage(wm.baseUrl() + "/huge.jpg is larger than 4096 bytes");
    }

    @Test
    void anImageOverTheCapIsRefusedEvenWhenItsLengthIsNotDeclared() {
        wm.stubFor(get("/stream.jpg").willReturn(aResponse().withHeader("Content-Type", "image/jpeg")
                .withHeader("Transfer-Encoding", "chunked").withBody(new byte[50_000])));
        assertThatThrownBy(() -> fetch(wm.baseUrl() + "/stream.jpg", 10_000)).hasMessageContaining("larger than 10000 bytes");
    }

    @Test
    void aMissingImageIsAnErrorNamingIt() {
        assertThatThrownBy(() -> fetch(wm.baseUrl() + "/nope.jpg", 1000)).isInstanceOf(SourceException.class)
                .hasMessage("image " + wm.baseUrl() + "/nope.jpg: HTTP 404");
    }

    @Test
    void anHtmlPageInPlaceOfAnImageIsRefused() {
        wm.stubFor(get("/login.jpg").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<html>")));
        assertThatThrownBy(() -> fetch(wm.baseUrl() + "/login.jpg", 1000)).hasMessageContaining("not an image (text/html)");
    }
}
