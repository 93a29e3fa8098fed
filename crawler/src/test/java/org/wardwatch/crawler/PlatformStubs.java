package org.wardwatch.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * One account on each of the six platforms, stubbed on one WireMock server from the fixtures that
 * the source tests use, with every link and image pointing back at the server (nothing leaves the
 * machine). Feeds and pages answer 304 to their ETag; the APIs answer their cursor requests.
 */
public final class PlatformStubs {
    public static final String MASTODON_ID = "109348234567890123";
    public static final String BLUESKY_DID = "did:plc:hfgp6pj3akhqxntgqwramlbg";

    private final WireMockServer wm;

    public PlatformStubs(WireMockServer wm) {
        this.wm = wm;
    }

    /** Fixture text with every example host replaced by the stub server. */
    public String body(String fixture) {
        return CrawlerTesting.fixture(fixture).replace("{{base}}", wm.baseUrl())
                .replaceAll("https://(files\\.nhs\\.social|nhs\\.social|perinatal\\.example\\.org|northgate\\.example\\.nhs\\.uk|camhs\\.example\\.org)",
                        wm.baseUrl());
    }

    private ResponseDefinitionBuilder json(String fixture) {
        return aResponse().withHeader("Content-Type", "application/json; charset=utf-8").withBody(body(fixture));
    }

    /** The registry YAML for the six accounts, under one organisation. */
    public String registryYaml() {
        String b = wm.baseUrl();
        return """
                organisations:
                  - name: Northgate NHS Foundation Trust
                    ods: RXG
                    commsEmail: comms@northgate.example.nhs.uk
                    accounts:
                      - {name: Oakfield Ward feed, kind: ward, platform: rss, handle: "%1$s/@oakfieldward.rss"}
                      - {name: Trust news, kind: trust, platform: atom, handle: "%1$s/news.atom"}
                      - {name: Oakfield Ward, kind: ward, platform: mastodon, handle: "@oakfieldward", baseUrl: "%1$s"}
                      - {name: Trust on Bluesky, kind: trust, platform: bluesky, handle: "blowdart.me", baseUrl: "%1$s"}
                      - {name: Perinatal unit, kind: service, platform: wordpress, handle: "%1$s"}
                      - {name: Ward 7 page, kind: ward, platform: html, handle: "%1$s/news/ward-7-garden"}
                      - {name: Trust on X, kind: trust, platform: x, handle: "@Twitter", baseUrl: "%1$s"}
                """.formatted(b);
    }

    public void stubAll() {
        conditional("/@oakfieldward.rss", "application/rss+xml", body("feed/mastodon-account.rss"), "\"rss-1\"");
        conditional("/news.atom", "application/atom+xml", body("feed/trust-news.atom"), "\"atom-1\"");
        conditional("/news/ward-7-garden", "text/html; charset=utf-8", body("html/ward-news.html"), "\"html-1\"");

        String statuses = "/api/v1/accounts/" + MASTODON_ID + "/statuses";
        wm.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup")).willReturn(json("mastodon/lookup.json")));
        wm.stubFor(get(urlPathEqualTo(statuses)).withQueryParam("max_id", absent()).withQueryParam("since_id", absent())
                .willReturn(json("mastodon/statuses-page1.json").withHeader("Link",
                        "<" + wm.baseUrl() + statuses + "?limit=40&max_id=113498765432109876>; rel=\"next\"")));
        wm.stubFor(get(urlPathEqualTo(statuses)).withQueryParam("max_id", equalTo("113498765432109876"))
                .willReturn(json("mastodon/statuses-page2.json")));
        wm.stubFor(get(urlPathEqualTo(statuses)).withQueryParam("since_id", equalTo("113512345678901234"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("[]")));

        String feed = "/xrpc/app.bsky.feed.getAuthorFeed";
        wm.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.actor.getProfile")).willReturn(json("bluesky/profile.json")));
        wm.stubFor(get(urlPathEqualTo(feed)).withQueryParam("cursor", absent()).willReturn(json("bluesky/feed-page1.json")));
        wm.stubFor(get(urlPathEqualTo(feed)).withQueryParam("cursor", equalTo("2026-11-20T03:25:44.578Z"))
                .willReturn(json("bluesky/feed-page2-empty.json")));
        wm.stubFor(get(urlPathEqualTo(feed)).withQueryParam("cursor", equalTo("2026-11-18T00:00:00.000Z"))
                .willReturn(json("bluesky/feed-page3-last.json")));

        wm.stubFor(get(urlPathEqualTo("/wp-json/wp/v2/posts")).withQueryParam("page", equalTo("1"))
                .willReturn(json("wordpress/posts-page1.json").withHeader("X-WP-Total", "3").withHeader("X-WP-TotalPages", "2")));
        wm.stubFor(get(urlPathEqualTo("/wp-json/wp/v2/posts")).withQueryParam("page", equalTo("2"))
                .willReturn(json("wordpress/posts-page2.json").withHeader("X-WP-Total", "3").withHeader("X-WP-TotalPages", "2")));

        wm.stubFor(get("/2/users/by/username/Twitter").willReturn(json("x/user.json")));
        wm.stubFor(get(urlPathEqualTo("/2/users/783214/tweets")).withQueryParam("pagination_token", absent())
                .withQueryParam("since_id", absent()).willReturn(json("x/tweets-page1.json")));
        wm.stubFor(get(urlPathEqualTo("/2/users/783214/tweets")).withQueryParam("pagination_token", equalTo("7140dibdnow9c7btw4232poeq0wapgnwgwqwvuwn3peex"))
                .willReturn(json("x/tweets-page2.json")));
        wm.stubFor(get(urlPathEqualTo("/2/users/783214/tweets")).withQueryParam("since_id", equalTo("1860000000000000002"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"meta\":{\"result_count\":0}}")));

        wm.stubFor(get(urlPathMatching("/(img|system|wp-content|media|media_attachments|watch|ext_tw_video_thumb)/.*"))
                .willReturn(aResponse().withHeader("Content-Type", "image/jpeg").withBody(JPEG)));
    }

    private void conditional(String path, String type, String body, String etag) {
        wm.stubFor(get(path).willReturn(aResponse().withHeader("Content-Type", type).withHeader("ETag", etag).withBody(body)));
        wm.stubFor(get(path).withHeader("If-None-Match", equalTo(etag)).atPriority(1).willReturn(aResponse().withStatus(304)));
    }

    public static final byte[] JPEG = jpeg();

    private static byte[] jpeg() {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new Color(120, 160, 90));
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
