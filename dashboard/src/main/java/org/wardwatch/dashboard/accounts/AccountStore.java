package org.wardwatch.dashboard.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.wardwatch.core.registry.Account;
import org.wardwatch.dashboard.store.Rows;

/** The registry as the accounts page sees it: list with crawl health, add, edit, deactivate. */
public final class AccountStore {
    private static final String SELECT = """
            SELECT a.*, o.name AS org_name, o.ods_code FROM accounts a JOIN organisations o ON o.id = a.organisation_id
            """;

    private final Jdbi jdbi;
    private final Clock clock;

    public AccountStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** @param health ok, failing, never or inactive; null for every account */
    public List<AccountRow> list(Long organisationId, String health) {
        List<AccountRow> all = jdbi.withHandle(h -> h.createQuery(SELECT
                        + (organisationId == null ? "" : " WHERE a.organisation_id = :org") + " ORDER BY o.name, a.name, a.platform")
                .configure(SqlStatements.class, c -> c.setUnusedBindingAllowed(true))
                .bind("org", organisationId).map((rs, ctx) -> row(rs)).list());
        return health == null || health.isBlank() ? all : all.stream().filter(a -> a.health().equals(health)).toList();
    }

    public Optional<AccountRow> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE a.id = :id").bind("id", id).map((rs, ctx) -> row(rs)).findOne());
    }

    public record Organisation(long id, String name, String odsCode) {
    }

    public List<Organisation> organisations() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name, ods_code FROM organisations ORDER BY name")
                .map((rs, ctx) -> new Organisation(rs.getLong("id"), rs.getString("name"), rs.getString("ods_code"))).list());
    }

    /** Adds an account; throws IllegalArgumentException when its platform, handle and base URL are already registered. */
    public long add(Account a, String contactEmail) {
        long orgId = organisationId(a.organisationOds());
        return jdbi.inTransaction(h -> {
            boolean exists = h.createQuery("SELECT COUNT(*) FROM accounts WHERE account_key = :k").bind("k", a.key())
                    .mapTo(Integer.class).one() > 0;
            if (exists) throw new IllegalArgumentException("that account is already registered (" + a.platform().id() + " " + a.handle() + ")");
            return h.createUpdate("""
                            INSERT INTO accounts (organisation_id, account_key, name, kind, service_type, platform, handle,
                                                  base_url, active, monitoring_basis, contact_email, created_at, updated_at)
                            VALUES (:org, :key, :name, :kind, :service, :platform, :handle, :base, :active, :basis,
                                    :contact, :now, :now)""")
                    .bind("org", orgId).bind("key", a.key()).bind("name", a.name()).bind("kind", a.kind().id())
                    .bind("service", a.serviceType()).bind("platform", a.platform().id()).bind("handle", a.handle())
                    .bind("base", a.baseUrl()).bind("active", a.active()).bind("basis", a.monitoringBasis())
                    .bind("contact", contactEmail).bind("now", Rows.ts(clock.instant()))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        });
    }

    /** Edits an account in place; its posts and crawl state stay with it. */
    public void update(long id, Account a, String contactEmail) {
        long orgId = organisationId(a.organisationOds());
        jdbi.useTransaction(h -> {
            boolean clash = h.createQuery("SELECT COUNT(*) FROM accounts WHERE account_key = :k AND id <> :id")
                    .bind("k", a.key()).bind("id", id).mapTo(Integer.class).one() > 0;
            if (clash) throw new IllegalArgumentException("another account already has " + a.platform().id() + " " + a.handle());
            h.createUpdate("""
                            UPDATE accounts SET organisation_id = :org, account_key = :key, name = :name, kind = :kind,
                                   service_type = :service, platform = :platform, handle = :handle, base_url = :base,
                                   active = :active, monitoring_basis = :basis, contact_email = :contact, updated_at = :now
                            WHERE id = :id""")
                    .bind("org", orgId).bind("key", a.key()).bind("name", a.name()).bind("kind", a.kind().id())
                    .bind("service", a.serviceType()).bind("platform", a.platform().id()).bind("handle", a.handle())
                    .bind("base", a.baseUrl()).bind("active", a.active()).bind("basis", a.monitoringBasis())
                    .bind("contact", contactEmail).bind("now", Rows.ts(clock.instant())).bind("id", id).execute();
        });
    }

    public boolean setActive(long id, boolean active) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE accounts SET active = :a, updated_at = :now WHERE id = :id")
                .bind("a", active).bind("now", Rows.ts(clock.instant())).bind("id", id).execute()) > 0;
    }

    private long organisationId(String ods) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM organisations WHERE ods_code = :ods").bind("ods", ods)
                .mapTo(Long.class).findOne()
                .orElseThrow(() -> new IllegalArgumentException("no organisation with ODS code " + ods)));
    }

    private static AccountRow row(ResultSet rs) throws SQLException {
        return new AccountRow(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("org_name"),
                rs.getString("ods_code"), rs.getString("name"), rs.getString("kind"), rs.getString("service_type"),
                rs.getString("platform"), rs.getString("handle"), rs.getString("base_url"),
                rs.getString("contact_email"), rs.getBoolean("active"), Rows.instant(rs, "last_crawl_at"),
                Rows.instant(rs, "last_success_at"), rs.getString("last_error"), Rows.instant(rs, "last_error_at"),
                rs.getLong("posts_seen"), Rows.instant(rs, "next_run_at"), rs.getInt("last_skipped"));
    }
}
