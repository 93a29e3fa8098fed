package org.wardwatch.crawler.mastodon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.wardwatch.core.registry.Account;
import org.wardwatch.core.registry.Platform;
import org.wardwatch.core.source.AccountSignals;
import org.wardwatch.core.source.CrawlState;
import org.wardwatch.core.source.Deadline;
import org.wardwatch.core.source.FetchedPost;
import org.wardwatch.core.source.PostRef;
import org.wardwatch.core.source.PostStatus;
import org.wardwatch.core.source.SourceException;
import org.wardwatch.crawler.Crawl;
import org.wardwatch.crawler.CrawlLimits;
import org.wardwatch.crawler.LinkHeader;
import org.wardwatch.crawler.Page;
import org.wardwatch.crawler.PagedSource;
import org.wardwatch.crawler.Watermark;
import org.wardwatch.crawler.http.HttpClock;
import org.wardwatch.crawler.http.HttpStack;
import org.wardwatch.crawler.http.Reply;

import com.fasterxml.jackson.databind.JsonNode;

import okhttp3.HttpUrl;

/**
 * A Mastodon account, read anonymously on its home instance: the account is looked up once (its id
 * is local to the instance), then its statuses are read newest first, following the {@code Link}
 * header's {@code next} until the newest status seen last time. Boosts are someone else's post, and
 * private and direct statuses are not published: both are skipped. A post's id here is
 * {@code instance/statusId}, because status ids are only unique on their instance.
 */
public final class MastodonSource extends PagedSource<JsonNode> {
    private static final int PAGE_MAX = 40;
    private static final int RECHECK_BATCH = 20;
    private static final Set<String> PUBLISHED = Set.of("public", "unlisted");

    public MastodonSource(HttpStack http, CrawlLimits limits, HttpClock clock) {
        super(http, limits, clock);
    }

    @Override
    public Platform platform() {
        return Platform.MASTODON;
    }

    /** The instance base URL and the account's name on it. */
    record Home(String base, String username) {
    }

    static Home home(Account account) throws SourceException {
        String h = account.handle().replaceFirst("^@", "");
        String user = h;
        String instance = null;
        int at = h.indexOf('@');
        if (at >= 0) {
            user = h.substring(0, at);
            instance = h.substring(at + 1);
        }
        String base;
        if (account.baseUrl() != null) base = account.baseUrl().replaceAll("/+$", "");
        else if (instance != null) base = "https://" + instance;
        else throw new SourceException("mastodon " + account.handle() + ": no instance: give base_url or @user@instance");
        return new Home(base, user);
    }

    @Override
    protected Lookup lookup(Crawl crawl) throws SourceException {
        Account account = crawl.account();
        Home home = home(account);
        String lookup = url(home.base() + "/api/v1/accounts/lookup").addQueryParameter("acct", home.username())
                .build().toString();
        JsonNode acct = json(account, send(crawl.request(lookup).build()), "account lookup");
        String id = text(acct, "id");
        if (id == null) throw new SourceException(label(account) + ": account lookup on " + home.base() + " gave no id");
        return new Lookup(id, signals(acct));
    }

    @Override
    protected Watermark watermark() {
        return Watermark.byId();
    }

    @Override
    protected Page<JsonNode> page(Crawl crawl, String next) throws SourceException {
        String url = next;
        if (url == null) {
            // the Link header's next page keeps since_id: the instance stops at what we saw last time
            url = home(crawl.account()).base() + "/api/v1/accounts/" + crawl.accountId() + "/statuses?limit="
                    + limits.pageSize(PAGE_MAX) + (crawl.lastId() == null ? "" : "&since_id=" + crawl.lastId());
        }
        Reply r = send(crawl.request(url).build());
        JsonNode body = json(crawl.account(), r, "statuses");
        if (!body.isArray()) {
            throw new SourceException(label(crawl.account()) + ": malformed JSON from " + url + ": not a list of statuses");
        }
        List<JsonNode> items = new ArrayList<>();
        body.forEach(items::add);
        return new Page<>(items, LinkHeader.find(r.header("Link"), "next"));
    }

    @Override
    protected String id(JsonNode status) {
        return text(status, "id");
    }

    @Override
    protected Instant time(JsonNode status) {
        return instant(text(status, "created_at"));
    }

    @Override
    protected String skip(Crawl crawl, JsonNode status) {
        JsonNode reblog = status.get("reblog");
        if (reblog != null && !reblog.isNull()) {
            // a boost is another account's post; its author is watched (or not) in their own right
            return crawl.accountId().equals(text(reblog.path("account"), "id")) ? OWN_BOOST : BOOST;
        }
        String visibility = text(status, "visibility");
        // a followers-only or direct status is not published, whoever could read it
        if (visibility != null && !PUBLISHED.contains(visibility)) return notPublic(visibility);
        return null;
    }

    @Override
    protected AccountSignals signals(Crawl crawl, JsonNode status) {
        JsonNode owner = status.get("account");
        return owner != null && crawl.accountId().equals(text(owner, "id")) ? signals(owner) : null;
    }

    @Override
    protected FetchedPost toPost(Crawl crawl, JsonNode status) {
        return Statuses.toPost(status, instance(crawl.account()), crawl::itemError);
    }

    @Override
    protected String noun() {
        return "status";
    }

    /** The instance's host, and its port when not the scheme's own. */
    static String instance(Account account) {
        try {
            return hostOf(url(home(account).base()).build());
        } catch (SourceException e) {
            // unreachable: the look-up and the first page were asked of this same instance URL
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private JsonNode json(Account account, Reply r, String what) throws SourceException {
        if (r.code() == 404 && what.equals("account lookup")) {
            throw new SourceException(label(account) + ": no such account on " + hostOf(r.url()) + " (HTTP 404" + errorText(r) + ")");
        }
        if (r.code() == 401 || r.code() == 403) {
            throw new SourceException(label(account) + ": " + hostOf(r.url()) + " refuses anonymous access (HTTP "
                    + r.code() + errorText(r) + ")");
        }
        return json(account, r);
    }

    /** The account's opt-outs, in Mastodon's own words. */
    static AccountSignals signals(JsonNode acct) {
        List<String> out = new ArrayList<>();
        if (acct.path("noindex").asBoolean(false)) out.add("noindex");
        if (acct.hasNonNull("indexable") && !acct.get("indexable").asBoolean()) out.add("indexable=false");
        if (acct.hasNonNull("discoverable") && !acct.get("discoverable").asBoolean()) out.add("discoverable=false");
        return new AccountSignals(out);
    }

    @Override
    public Map<Long, PostStatus> recheck(Account account, CrawlState state, List<PostRef> posts) {
        Map<Long, PostStatus> out = new LinkedHashMap<>();
        Home home;
        try {
            home = home(account);
        } catch (SourceException e) {
            posts.forEach(p -> out.put(p.id(), PostStatus.UNREACHABLE));
            return out;
        }
        for (int i = 0; i < posts.size(); i += RECHECK_BATCH) {
            List<PostRef> batch = posts.subList(i, Math.min(posts.size(), i + RECHECK_BATCH));
            out.putAll(recheckBatch(account, home, batch));
        }
        return out;
    }

    private Map<Long, PostStatus> recheckBatch(Account account, Home home, List<PostRef> batch) {
        Map<Long, PostStatus> out = new LinkedHashMap<>();
        try {
            HttpUrl.Builder url = url(home.base() + "/api/v1/statuses");
            batch.forEach(p -> url.addQueryParameter("id[]", statusId(p)));
            Reply r = send(request(account, Deadline.NONE, url.build().toString()).build());
            if (r.ok()) {
                JsonNode body = JSON.readTree(r.body());
                Set<String> present = new HashSet<>();
                body.forEach(s -> present.add(text(s, "id")));
                // a deleted or no-longer-public status is silently left out of the batch answer
                batch.forEach(p -> out.put(p.id(), present.contains(statusId(p)) ? PostStatus.LIVE : PostStatus.DELETED));
                return out;
            }
            if (r.code() != 404) {
                batch.forEach(p -> out.put(p.id(), PostStatus.UNREACHABLE));
                return out;
            }
        } catch (SourceException | java.io.IOException | RuntimeException e) {
            batch.forEach(p -> out.put(p.id(), PostStatus.UNREACHABLE));
            return out;
        }
        // instances before 4.3 have no batch lookup: ask status by status
        for (PostRef p : batch) out.put(p.id(), one(account, home, p));
        return out;
    }

    private PostStatus one(Account account, Home home, PostRef p) {
        try {
            Reply r = send(request(account, Deadline.NONE, home.base() + "/api/v1/statuses/" + statusId(p)).build());
            if (r.ok()) return PostStatus.LIVE;
            return r.code() == 404 ? PostStatus.DELETED : PostStatus.UNREACHABLE;
        } catch (SourceException e) {
            return PostStatus.UNREACHABLE;
        }
    }

    static String statusId(PostRef p) {
        String e = p.externalId();
        return e.substring(e.lastIndexOf('/') + 1);
    }

    private static String hostOf(String url) {
        HttpUrl u = HttpUrl.parse(url);
        return u == null ? url : hostOf(u);
    }

    private static String hostOf(HttpUrl u) {
        return u.host() + (u.port() == HttpUrl.defaultPort(u.scheme()) ? "" : ":" + u.port());
    }
}
