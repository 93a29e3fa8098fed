package org.wardwatch.dashboard.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.wardwatch.dashboard.store.Rows;

/** Dashboard users in the {@code users} table. */
public final class UserStore {
    private static final String SELECT = """
            SELECT u.id, u.username, u.role, u.organisation_id, u.active, u.password_hash, o.name AS org_name
            FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id
            """;

    private final Jdbi jdbi;
    private final Clock clock;

    public UserStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Adds a user. Reviewers must belong to an organisation (by ODS code); admins and auditors
     * must not, since their view is not limited to one.
     *
     * @throws IllegalArgumentException with a one-line reason for bad input
     */
    public User add(String username, CharSequence password, Role role, String organisationOds) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{2,100}")) {
            throw new IllegalArgumentException("user name must be 2 to 100 letters, digits or . _ @ -");
        }
        if (role == Role.REVIEWER && (organisationOds == null || organisationOds.isBlank())) {
            throw new IllegalArgumentException("a reviewer needs --org ODS (the organisation whose cases they review)");
        }
        if (role != Role.REVIEWER && organisationOds != null && !organisationOds.isBlank()) {
            throw new IllegalArgumentException("only reviewers belong to one organisation; drop --org for " + role.id());
        }
        PasswordPolicy.refusal(username, password).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        String hash = Passwords.hash(password);
        return jdbi.inTransaction(h -> {
            Long orgId = null;
            if (organisationOds != null && !organisationOds.isBlank()) {
                orgId = h.createQuery("SELECT id FROM organisations WHERE ods_code = :ods")
                        .bind("ods", organisationOds.strip()).mapTo(Long.class).findOne()
                        .orElseThrow(() -> new IllegalArgumentException("no organisation with ODS code "
                                + organisationOds.strip() + " (import the registry first: wardwatch accounts import FILE)"));
            }
            boolean exists = h.createQuery("SELECT COUNT(*) FROM users WHERE LOWER(username) = LOWER(:u)")
                    .bind("u", username).mapTo(Integer.class).one() > 0;
            if (exists) throw new IllegalArgumentException("user " + username + " already exists");
            long id = h.createUpdate("""
                            INSERT INTO users (username, password_hash, role, organisation_id, active, created_at)
                            VALUES (:u, :hash, :role, :org, TRUE, :now)""")
                    .bind("u", username).bind("hash", hash).bind("role", role.id()).bind("org", orgId)
                    .bind("now", Rows.ts(clock.instant()))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return h.createQuery(SELECT + " WHERE u.id = :id").bind("id", id).map(UserStore::user).one();
        });
    }

    /** The enabled user with that name and password, if they match (the password is checked either way, so timing tells nothing). */
    public Optional<User> authenticate(String username, CharSequence password) {
        Optional<StoredUser> stored = jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE LOWER(u.username) = LOWER(:u)")
                .bind("u", username == null ? "" : username.strip())
                .map((rs, ctx) -> new StoredUser(user(rs, ctx), rs.getString("password_hash"))).findOne());
        boolean ok = Passwords.verify(password, stored.map(StoredUser::hash).orElse(null));
        if (!ok || stored.isEmpty() || !stored.get().user().active()) return Optional.empty();
        User user = stored.get().user();
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET last_login_at = :now WHERE id = :id")
                .bind("now", Rows.ts(clock.instant())).bind("id", user.id()).execute());
        return Optional.of(user);
    }

    public Optional<User> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE u.id = :id").bind("id", id).map(UserStore::user).findOne());
    }

    public Optional<User> byName(String username) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE LOWER(u.username) = LOWER(:u)")
                .bind("u", username).map(UserStore::user).findOne());
    }

    public List<User> all() {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " ORDER BY u.username").map(UserStore::user).list());
    }

    /**
     * Enables or disables a user. A disabled user cannot sign in, their sessions end on their next
     * request, and their API tokens stop working.
     *
     * @return whether anything changed
     */
    public boolean setActive(long id, boolean active) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE users SET active = :a WHERE id = :id AND active <> :a")
                .bind("a", active).bind("id", id).execute()) > 0;
    }

    /** A user as the admin page lists them. */
    public record Listed(User user, Instant createdAt, Instant lastLoginAt) {
    }

    public List<Listed> listed() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT u.id, u.username, u.role, u.organisation_id, u.active, o.name AS org_name,
                               u.created_at, u.last_login_at
                        FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id ORDER BY u.username""")
                .map((rs, ctx) -> new Listed(user(rs, ctx), Rows.instant(rs, "created_at"), Rows.instant(rs, "last_login_at")))
                .list());
    }

    static User user(ResultSet rs, StatementContext ctx) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("username"),
                Role.parse(rs.getString("role")).orElse(Role.AUDITOR),
                Rows.longOrNull(rs, "organisation_id"), rs.getString("org_name"), rs.getBoolean("active"));
    }

    private record StoredUser(User user, String hash) {
    }
}
