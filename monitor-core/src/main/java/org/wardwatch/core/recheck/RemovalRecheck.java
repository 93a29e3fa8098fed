package org.wardwatch.core.recheck;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.core.registry.Account;
import org.wardwatch.core.registry.Platform;
import org.wardwatch.core.registry.RegistryStore;
import org.wardwatch.core.source.CrawlState;
import org.wardwatch.core.source.PostRef;
import org.wardwatch.core.source.PostSource;
import org.wardwatch.core.source.PostStatus;

/**
 * Checks that flagged posts come down and stay down. Every post with an open or confirmed case, or
 * with a removal request that was not refused (removed ones included, so a post that comes back is
 * noticed), is asked of its platform, account by account, in the platform's batch form.
 *
 * <p>Gone: the post is marked deleted with the time it was first seen gone; its removal requests
 * become removed (with a request event by {@code recheck}) and its case resolved. Back again: the
 * post is live, the request goes back to sent and the case to confirmed. Unreachable proves nothing:
 * it is recorded as a post event and nothing else changes.
 */
public final class RemovalRecheck {
    public static final String ACTOR = "recheck";
    private static final Logger log = LoggerFactory.getLogger(RemovalRecheck.class);

    private final Jdbi jdbi;
    private final RegistryStore registry;
    private final Function<Platform, PostSource> sources;
    private final Clock clock;

    public RemovalRecheck(Jdbi jdbi, RegistryStore registry, Function<Platform, PostSource> sources, Clock clock) {
        this.jdbi = jdbi;
        this.registry = registry;
        this.sources = sources;
        this.clock = clock;
    }

    private record Watched(long postId, long accountId, String externalId, String permalink) {
    }

    /** The posts the re-check watches, grouped by account. */
    private Map<Long, List<Watched>> watched() {
        List<Watched> rows = jdbi.withHandle(h -> h.createQuery("SELECT p.id, p.account_id, p.external_id, p.permalink FROM posts p "
                        + "WHERE EXISTS (SELECT 1 FROM cases c WHERE c.post_id = p.id AND c.status IN ('open', 'confirmed')) "
                        + "OR EXISTS (SELECT 1 FROM cases c JOIN removal_requests r ON r.case_id = c.id "
                        + "WHERE c.post_id = p.id AND r.status <> 'refused') ORDER BY p.account_id, p.id")
                .map((rs, ctx) -> new Watched(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))).list());
        Map<Long, List<Watched>> byAccount = new LinkedHashMap<>();
        for (Watched w : rows) byAccount.computeIfAbsent(w.accountId(), k -> new ArrayList<>()).add(w);
        return byAccount;
    }

    /** Re-checks every watched post once and records what was found. */
    public List<RecheckOutcome> runOnce() {
        List<RecheckOutcome> out = new ArrayList<>();
        for (var entry : watched().entrySet()) {
            List<Watched> posts = entry.getValue();
            Map<Long, PostStatus> found = ask(entry.getKey(), posts);
            for (Watched w : posts) {
                PostStatus s = found.getOrDefault(w.postId(), PostStatus.UNREACHABLE);
                try {
                    record(w, s);
                } catch (RuntimeException e) {
                    log.error("re-check of post {} could not be recorded", w.postId(), org.wardwatch.core.store.Redacted.of(e));
                }
                out.add(new RecheckOutcome(w.postId(), w.accountId(), w.permalink(), s));
            }
        }
        return out;
    }

    private Map<Long, PostStatus> ask(long accountId, List<Watched> posts) {
        Optional<Account> account = registry.account(accountId);
        PostSource source = account.map(a -> sources.apply(a.platform())).orElse(null);
        if (source == null) return Map.of();
        try {
            CrawlState state = registry.crawlState(accountId);
            List<PostRef> refs = posts.stream().map(w -> new PostRef(w.postId(), w.externalId(), w.permalink())).toList();
            return source.recheck(account.get(), state, refs);
        } catch (RuntimeException e) {
            log.warn("re-check of account {} failed: {}", accountId, e.toString());
            return Map.of();
        }
    }

    private void record(Watched w, PostStatus s) {
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            String status = h.createQuery("SELECT status FROM posts WHERE id = :id").bind("id", w.postId()).mapTo(String.class).one();
            switch (s) {
                case DELETED -> {
                    if (!"deleted".equals(status)) {
                        h.createUpdate("UPDATE posts SET status = 'deleted', deleted_at = :now, last_checked_at = :now WHERE id = :id")
                                .bind("now", now).bind("id", w.postId()).execute();
                        event(h, w.postId(), now, "deleted", "no longer on the platform");
                    } else {
                        checked(h, w.postId(), now);
                    }
                    Instant goneSince = h.createQuery("SELECT deleted_at FROM posts WHERE id = :id").bind("id", w.postId())
                            .mapTo(Instant.class).one();
                    removed(h, w.postId(), goneSince, now);
                }
                case LIVE -> {
                    checked(h, w.postId(), now);
                    if ("deleted".equals(status)) {
                        h.createUpdate("UPDATE posts SET status = 'live', deleted_at = NULL WHERE id = :id").bind("id", w.postId()).execute();
                        event(h, w.postId(), now, "reappeared", "online again after it was seen gone");
                        reappeared(h, w.postId(), now);
                    }
                }
                case UNREACHABLE -> event(h, w.postId(), now, "unreachable", "platform could not be asked; not a deletion");
            }
        });
    }

    /** Requests of a gone post are done; its case is resolved. */
    private static void removed(Handle h, long postId, Instant goneSince, Instant now) {
        List<Long> requests = h.createQuery("SELECT r.id FROM removal_requests r JOIN cases c ON c.id = r.case_id "
                        + "WHERE c.post_id = :p AND r.status NOT IN ('removed', 'refused')")
                .bind("p", postId).mapTo(Long.class).list();
        for (long r : requests) {
            h.createUpdate("UPDATE removal_requests SET status = 'removed', removed_at = :gone, updated_at = :now WHERE id = :id")
                    .bind("gone", goneSince).bind("now", now).bind("id", r).execute();
            requestEvent(h, r, now, "removed", "post no longer online (first seen gone " + goneSince + ")");
        }
        boolean hasRequest = h.createQuery("SELECT COUNT(*) FROM removal_requests r JOIN cases c ON c.id = r.case_id "
                + "WHERE c.post_id = :p").bind("p", postId).mapTo(Long.class).one() > 0;
        if (hasRequest) {
            h.createUpdate("UPDATE cases SET status = 'resolved', updated_at = :now WHERE post_id = :p AND status IN ('open', 'confirmed')")
                    .bind("now", now).bind("p", postId).execute();
        }
    }

    /** A post that was taken down is back: its request is open again and its case confirmed. */
    private static void reappeared(Handle h, long postId, Instant now) {
        List<Long> requests = h.createQuery("SELECT r.id FROM removal_requests r JOIN cases c ON c.id = r.case_id "
                + "WHERE c.post_id = :p AND r.status = 'removed'").bind("p", postId).mapTo(Long.class).list();
        for (long r : requests) {
            h.createUpdate("UPDATE removal_requests SET status = 'sent', removed_at = NULL, updated_at = :now WHERE id = :id")
                    .bind("now", now).bind("id", r).execute();
            requestEvent(h, r, now, "sent", "post is online again after it was removed");
        }
        if (!requests.isEmpty()) {
            h.createUpdate("UPDATE cases SET status = 'confirmed', updated_at = :now WHERE post_id = :p AND status = 'resolved'")
                    .bind("now", now).bind("p", postId).execute();
        }
    }

    private static void checked(Handle h, long postId, Instant now) {
        h.createUpdate("UPDATE posts SET last_checked_at = :now WHERE id = :id").bind("now", now).bind("id", postId).execute();
    }

    private static void event(Handle h, long postId, Instant at, String event, String detail) {
        h.createUpdate("INSERT INTO post_events (post_id, at, event, detail) VALUES (:p, :at, :e, :d)")
                .bind("p", postId).bind("at", at).bind("e", event).bind("d", detail).execute();
    }

    private static void requestEvent(Handle h, long requestId, Instant at, String status, String note) {
        h.createUpdate("INSERT INTO request_events (request_id, at, status, actor, note) VALUES (:r, :at, :s, :a, :n)")
                .bind("r", requestId).bind("at", at).bind("s", status).bind("a", ACTOR).bind("n", note).execute();
    }
}
