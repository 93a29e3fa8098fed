package org.wardwatch.crawler.mastodon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.wardwatch.core.registry.Account;
import org.wardwatch.core.registry.Platform;
import org.wardwatch.core.source.AccountSignals;
import org.wardwatch.core.source.CrawlBatch;
import org.wardwatch.core.source.CrawlState;
import org.wardwatch.core.source.Deadline;
import org.wardwatch.core.source.FetchedMedia;
import org.wardwatch.core.source.FetchedPost;
import org.wardwatch.core.source.PostRef;
import org.wardwatch.core.source.PostStatus;
import org.wardwatch.core.source.SourceException;
import org.wardwatch.crawler.BaseSource;
import org.wardwatch.crawler.CrawlLimits;
import org.wardwatch.crawler.Cursor;
import org.wardwatch.crawler.Ids;
import org.wardwatch.crawler.LinkHeader;
import org.wardwatch.crawler.Page;
import org.wardwatch.crawler.Walk;
import org.wardwatch.crawler.Walk.Step;
import org.wardwatch.crawler.html.HtmlContent;
import org.wardwatch.crawler.http.HttpClock;
import org.wardwatch.crawler.http.HttpStack;
import org.wardwatch.crawler.http.Reply;

import com.fasterxml.jackson.databind.JsonNode;

import okhttp3.HttpUrl;

/**
 * A Mastodon account, read anonymously on its home instance: the account is looked up once (its id
 * is local to the instance), then its statuses are read newest first, following the {@code Link}
 * header's {@code next} until the newest status seen last time. Boosts are someone else's post and
 * are skipped. A post's id here is {@code instance/statusId}, because status ids are only unique
 * on their instance.
 */
public final class MastodonSource extends BaseSource {
    private static final int PAGE_MAX = 40;
    private static final int RECHECK_BATCH = 20;

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
    public CrawlBatch fetch(Account account, CrawlState state, Deadline deadline) throws SourceException {
        Home home = home(account);
        HttpUrl baseUrl = url(home.base()).build();
        String instance = baseUrl.host() + (baseUrl.port() == HttpUrl.defaultPort(baseUrl.scheme()) ? "" : ":" + baseUrl.port());
        Cursor cursor = Cursor.parse(state.cursor());
        boolean first = state.firstCrawl() || state.externalAccountId() == null;
        String id = state.externalAccountId();
        AccountSignals signals = null;
        // a person who opted out last time is asked again before anything of theirs is read
        boolean recheckOptOut = personWithoutBasis(account) && !cursor.list("optOuts").isEmpty();
        if (id == null || recheckOptOut) {
            String lookup = url(home.base() + "/api/v1/accounts/lookup").addQueryParameter("acct", home.username())
                    .build().toString();
            JsonNode acct = json(account, send(HttpStack.request(lookup).build()), "account lookup");
            id = text(acct, "id");
            if (id == null) throw new SourceException(label(account) + ": account lookup on " + home.base() + " gave no id");
            signals = signals(acct);
            if (personWithoutBasis(account) && signals.optedOut()) {
                // nothing is read; the pipeline records the account as skipped with these signals
                return new CrawlBatch(List.of(), new CrawlState(state.cursor(), id), signals, List.of());
            }
        }
        String newest = first ? null : cursor.get("newest");
        Instant cutoff = first ? limits.firstCrawlCutoff(clock.now()) : null;
        String firstUrl = home.base() + "/api/v1/accounts/" + id + "/statuses?limit=" + limits.pageSize(PAGE_MAX)
                + (newest == null ? "" : "&since_id=" + newest);
        String[] newestSeen = {newest};
        AccountSignals[] fromStatuses = {null};
        String accountId = id;
        List<JsonNode> statuses = Walk.pages(firstUrl, url -> page(account, url), s -> {
            String sid = text(s, "id");
            if (sid == null) return Step.SKIP;
            if (newest != null && Ids.compare(sid, newest) <= 0) return Step.STOP;
            Instant created = instant(text(s, "created_at"));
            if (cutoff != null && created != null && created.isBefore(cutoff)) return Step.STOP;
            newestSeen[0] = Ids.max(newestSeen[0], sid);
            JsonNode owner = s.get("account");
            if (fromStatuses[0] == null && owner != null && accountId.equals(text(owner, "id"))) {
                fromStatuses[0] = signals(owner);
            }
            // a boost is another account's post; its author is watched (or not) in their own right
            return s.hasNonNull("reblog") ? Step.SKIP : Step.TAKE;
        }, limits.maxPosts(first));

        List<FetchedPost> posts = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (JsonNode s : statuses) {
            try {
                posts.add(toPost(s, instance, errors));
            } catch (RuntimeException e) {
                errors.add("status " + text(s, "id") + ": " + e.getMessage());
            }
        }
        if (signals == null) signals = fromStatuses[0];
        // with nothing new the instance said nothing about the account: keep what it said last time
        if (signals == null) signals = new AccountSignals(cursor.list("optOuts"));
        Cursor next = cursor.with("newest", newestSeen[0]).withList("optOuts", signals.optOuts())
                .with("checked", clock.now().toString());
        return new CrawlBatch(posts, new CrawlState(next.toString(), id), signals, errors);
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

    private Page<JsonNode> page(Account account, String url) throws SourceException {
        Reply r = send(HttpStack.request(url).build());
        JsonNode body = json(account, r, "statuses");
        if (!body.isArray()) throw new SourceException(label(account) + ": malformed JSON from " + url + ": not a list of statuses");
        List<JsonNode> items = new ArrayList<>();
        body.forEach(items::add);
        return new Page<>(items, LinkHeader.find(r.header("Link"), "next"));
    }

    static FetchedPost toPost(JsonNode s, String instance, List<String> errors) {
        String id = text(s, "id");
        String spoiler = text(s, "spoiler_text");
        String content = HtmlContent.text(text(s, "content"));
        String text = spoiler == null || spoiler.isBlank() ? content : spoiler + "\n\n" + content;
        List<FetchedMedia> media = new ArrayList<>();
        JsonNode attachments = s.path("media_attachments");
        for (JsonNode m : attachments) {
            String type = text(m, "type");
            String url = "image".equals(type) ? firstNonNull(text(m, "url"), text(m, "remote_url")) : text(m, "preview_url");
            if ("audio".equals(type) || "unknown".equals(type)) url = text(m, "preview_url");
            if (url == null) {
                errors.add("status " + id + ": attachment " + text(m, "id") + " has no URL yet (still processing)");
                continue;
            }
            JsonNode original = m.path("meta").path("original");
            media.add(new FetchedMedia(url, text(m, "description"), null,
                    original.hasNonNull("width") ? original.get("width").asInt() : null,
                    original.hasNonNull("height") ? original.get("height").asInt() : null));
        }
        return new FetchedPost(instance + "/" + id, text(s, "url"), instant(text(s, "created_at")),
                instant(text(s, "edited_at")), text, media, text(s, "visibility"));
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
            out.putAll(recheckBatch(home, batch));
        }
        return out;
    }

    private Map<Long, PostStatus> recheckBatch(Home home, List<PostRef> batch) {
        Map<Long, PostStatus> out = new LinkedHashMap<>();
        try {
            HttpUrl.Builder url = url(home.base() + "/api/v1/statuses");
            batch.forEach(p -> url.addQueryParameter("id[]", statusId(p)));
            Reply r = send(HttpStack.request(url.build().toString()).build());
            if (r.ok()) {
                JsonNode body = JSON.readTree(r.body());
                Set<String> present = new java.util.HashSet<>();
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
        for (PostRef p : batch) out.put(p.id(), one(home, p));
        return out;
    }

    private PostStatus one(Home home, PostRef p) {
        try {
            Reply r = send(HttpStack.request(home.base() + "/api/v1/statuses/" + statusId(p)).build());
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

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    private static String hostOf(String url) {
        HttpUrl u = HttpUrl.parse(url);
        return u == null ? url : u.host() + portSuffix(url);
    }

    private static String portSuffix(String url) {
        HttpUrl u = HttpUrl.parse(url);
        return u == null || u.port() == HttpUrl.defaultPort(u.scheme()) ? "" : ":" + u.port();
    }

    static String joined(List<String> l) {
        return l.stream().collect(Collectors.joining(","));
    }
}
