package org.wardwatch.core.recheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wardwatch.core.registry.Account;
import org.wardwatch.core.registry.Platform;
import org.wardwatch.core.registry.RegistryReader;
import org.wardwatch.core.registry.RegistryStore;
import org.wardwatch.core.source.CrawlBatch;
import org.wardwatch.core.source.CrawlState;
import org.wardwatch.core.source.FetchedPost;
import org.wardwatch.core.source.PostRef;
import org.wardwatch.core.source.PostSource;
import org.wardwatch.core.source.PostStatus;
import org.wardwatch.core.store.Database;
import org.wardwatch.core.store.PostStore;
import org.wardwatch.core.testing.TestDatabases;
import org.wardwatch.core.testing.TestDatabases.Kind;

/**
 * The re-check against a real database. The platform is a small fake here; the crawler module's
 * re-check test drives the real sources against stubbed platforms.
 */
class RemovalRecheckTest {
    static final String REGISTRY = """
            organisations:
              - name: Northfield
                ods: RXN
                accounts:
                  - {name: Willow Ward, kind: ward, platform: rss, handle: "https://willow.example/feed"}
            """;
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @TempDir
    Path dir;
    Database db;
    RegistryStore registry;
    final Map<String, PostStatus> platform = new HashMap<>();
    final PostSource source = new PostSource() {
        @Override
        public Platform platform() {
            return Platform.RSS;
        }

        @Override
        public CrawlBatch fetch(Account account, CrawlState state, org.wardwatch.core.source.Deadline deadline) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<Long, PostStatus> recheck(Account account, CrawlState state, List<PostRef> posts) {
            Map<Long, PostStatus> out = new HashMap<>();
            for (PostRef p : posts) if (platform.containsKey(p.externalId())) out.put(p.id(), platform.get(p.externalId()));
            return out;
        }
    };

    @AfterEach
    void close() {
        if (db != null) db.close();
    }

    long ward;

    void open(Kind kind) throws Exception {
        db = TestDatabases.open(kind, dir);
        registry = new RegistryStore(db.jdbi(), Clock.systemUTC());
        registry.importFile(RegistryReader.parseYaml(REGISTRY, "accounts.yaml"));
        ward = registry.activeAccounts().get(0).id();
    }

    long post(String id) {
        Account a = registry.account(ward).orElseThrow();
        return new PostStore(db.jdbi(), Clock.fixed(T0, ZoneOffset.UTC), org.wardwatch.core.testing.TestKeys.cipher())
                .upsert(a, new FetchedPost(id, "https://willow.example/" + id, T0, "caption " + id, List.of())).postId();
    }

    long openCase(long post, String status) {
        long org = registry.organisation("RXN").orElseThrow().id();
        return db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO cases (post_id, organisation_id, account_id, risk, reasons, "
                        + "signals, status, created_at, updated_at) VALUES (:p, :o, :a, 0.9, '[]', 'FACE', :s, :t, :t)")
                .bind("p", post).bind("o", org).bind("a", ward).bind("s", status).bind("t", T0)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    long request(long caseId, String status) {
        return db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO removal_requests (case_id, recipient, subject, body, status, "
                        + "due_at, raised_by, raised_at, updated_at) VALUES (:c, 'comms@example.nhs.uk', 's', 'b', :s, :t, 'ig', :t, :t)")
                .bind("c", caseId).bind("s", status).bind("t", T0).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    String one(String sql, long id) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).bind("id", id).mapTo(String.class).one());
    }

    Instant deletedAt(long post) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT deleted_at FROM posts WHERE id = :id").bind("id", post)
                .mapTo(Instant.class).one());
    }

    RemovalRecheck recheck(Instant at) {
        return new RemovalRecheck(db.jdbi(), registry, p -> source, Clock.fixed(at, ZoneOffset.UTC));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aGonePostIsMarkedDeletedItsRequestRemovedAndItsCaseResolved(Kind kind) throws Exception {
        open(kind);
        long post = post("a");
        long req = request(openCase(post, "confirmed"), "sent");
        platform.put("a", PostStatus.DELETED);
        Instant t1 = T0.plusSeconds(3600);

        assertThat(recheck(t1).runOnce()).containsExactly(new RecheckOutcome(post, ward, "https://willow.example/a", PostStatus.DELETED));

        assertThat(one("SELECT status FROM posts WHERE id = :id", post)).isEqualTo("deleted");
        assertThat(one("SELECT status FROM removal_requests WHERE id = :id", req)).isEqualTo("removed");
        assertThat(one("SELECT status FROM cases WHERE post_id = :id", post)).isEqualTo("resolved");
        assertThat(one("SELECT actor FROM request_events WHERE request_id = :id", req)).isEqualTo("recheck");
        assertThat(deletedAt(post)).isEqualTo(t1);

        // a second run keeps the time it was first seen gone, and adds no second request event
        recheck(t1.plusSeconds(3600)).runOnce();
        assertThat(deletedAt(post)).isEqualTo(t1);
        assertThat(one("SELECT COUNT(*) FROM request_events WHERE request_id = :id", req)).isEqualTo("1");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anUnreachablePlatformIsNeverADeletion(Kind kind) throws Exception {
        open(kind);
        long post = post("b");
        long req = request(openCase(post, "confirmed"), "sent");
        platform.put("b", PostStatus.UNREACHABLE);

        assertThat(recheck(T0).runOnce()).extracting(RecheckOutcome::status).containsExactly(PostStatus.UNREACHABLE);

        assertThat(one("SELECT status FROM posts WHERE id = :id", post)).isEqualTo("live");
        assertThat(one("SELECT status FROM removal_requests WHERE id = :id", req)).isEqualTo("sent");
        assertThat(one("SELECT event FROM post_events WHERE post_id = :id AND event <> 'first_seen'", post)).isEqualTo("unreachable");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aPostThatComesBackReopensItsRequest(Kind kind) throws Exception {
        open(kind);
        long post = post("c");
        long req = request(openCase(post, "confirmed"), "sent");
        platform.put("c", PostStatus.DELETED);
        recheck(T0.plusSeconds(60)).runOnce();
        platform.put("c", PostStatus.LIVE);

        recheck(T0.plusSeconds(120)).runOnce();

        assertThat(one("SELECT status FROM posts WHERE id = :id", post)).isEqualTo("live");
        assertThat(one("SELECT status FROM removal_requests WHERE id = :id", req)).isEqualTo("sent");
        assertThat(one("SELECT status FROM cases WHERE post_id = :id", post)).isEqualTo("confirmed");
        assertThat(one("SELECT COUNT(*) FROM post_events WHERE post_id = :id AND event = 'reappeared'", post)).isEqualTo("1");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void onlyPostsWithAnOpenCaseOrARequestAreChecked(Kind kind) throws Exception {
        open(kind);
        long open = post("open");
        openCase(open, "open");
        long dismissed = post("dismissed");
        openCase(dismissed, "dismissed");
        post("plain");
        long live = post("live");
        openCase(live, "open");
        platform.put("open", PostStatus.LIVE);
        platform.put("live", PostStatus.LIVE);

        assertThat(recheck(T0).runOnce()).extracting(RecheckOutcome::postId).containsExactly(open, live);
        // an open case without a request stays for the reviewer even when checked
        assertThat(one("SELECT status FROM cases WHERE post_id = :id", open)).isEqualTo("open");
    }
}
