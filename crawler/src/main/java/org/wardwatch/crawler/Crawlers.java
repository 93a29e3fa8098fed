package org.wardwatch.crawler;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.wardwatch.core.config.Secrets;
import org.wardwatch.core.config.WardWatchConfig;
import org.wardwatch.core.registry.Platform;
import org.wardwatch.core.source.MediaFetcher;
import org.wardwatch.core.source.PostSource;
import org.wardwatch.core.store.Database;
import org.wardwatch.crawler.bluesky.BlueskySource;
import org.wardwatch.crawler.feed.FeedSource;
import org.wardwatch.crawler.html.HtmlPageSource;
import org.wardwatch.crawler.http.HttpClock;
import org.wardwatch.crawler.http.HttpSettings;
import org.wardwatch.crawler.http.HttpStack;
import org.wardwatch.crawler.http.OkHttpMediaFetcher;
import org.wardwatch.crawler.mastodon.MastodonSource;
import org.wardwatch.crawler.wordpress.WordPressSource;
import org.wardwatch.crawler.x.XSource;

/**
 * The crawler's wiring: one HTTP stack shared by every source (so the per-host limits hold across
 * platforms and threads), one {@link PostSource} per platform, and the media fetcher.
 */
public final class Crawlers implements AutoCloseable {
    private final HttpStack http;
    private final Map<Platform, PostSource> sources;
    private final MediaFetcher media;

    public Crawlers(HttpSettings settings, CrawlLimits limits, String xBearerToken, HttpClock clock) {
        this.http = new HttpStack(settings, clock);
        Map<Platform, PostSource> m = new EnumMap<>(Platform.class);
        m.put(Platform.RSS, new FeedSource(Platform.RSS, http, limits, clock));
        m.put(Platform.ATOM, new FeedSource(Platform.ATOM, http, limits, clock));
        m.put(Platform.MASTODON, new MastodonSource(http, limits, clock));
        m.put(Platform.BLUESKY, new BlueskySource(http, limits, clock));
        m.put(Platform.WORDPRESS, new WordPressSource(http, limits, clock));
        m.put(Platform.HTML, new HtmlPageSource(http, limits, clock));
        m.put(Platform.X, new XSource(http, limits, clock, xBearerToken));
        this.sources = Collections.unmodifiableMap(m);
        this.media = new OkHttpMediaFetcher(http);
    }

    /**
     * @param db the WardWatch database; sources keep their state in the account's cursor, so it is
     *           not needed today, but the seam is kept for state that outgrows a cursor
     */
    public static Crawlers create(WardWatchConfig config, Database db) {
        return new Crawlers(HttpSettings.from(config.http()), CrawlLimits.from(config.crawl()),
                Secrets.xBearerToken(config), HttpClock.system());
    }

    public PostSource source(Platform platform) {
        PostSource s = sources.get(platform);
        if (s == null) throw new IllegalArgumentException("no crawler for platform " + platform.id());
        return s;
    }

    public Map<Platform, PostSource> sources() {
        return sources;
    }

    public MediaFetcher mediaFetcher() {
        return media;
    }

    public HttpStack http() {
        return http;
    }

    @Override
    public void close() {
        http.close();
    }
}
