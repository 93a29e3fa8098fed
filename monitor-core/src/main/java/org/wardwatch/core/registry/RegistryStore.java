package org.wardwatch.core.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.wardwatch.core.source.AccountSignals;
import org.wardwatch.core.source.CrawlState;

/**
 * Organisations and accounts in the database, with each account's crawl state and health.
 * Imports upsert by natural key (ODS code; platform, base URL and handle), so importing the same
 * file twice changes nothing.
 */
public final class RegistryStore {
    private static final String ACCOUNT_COLUMNS = "a.id, o.ods_code, a.name, a.kind, a.service_type, a.platform, "
            + "a.handle, a.base_url, a.active, a.monitoring_basis";

    private final Jdbi jdbi;
    private final Clock clock;

    public RegistryStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public ImportResult importFile(RegistryFile file) {
        return jdbi.inTransaction(h -> {
            Instant now = clock.instant();
            int orgAdded = 0, orgUpdated = 0, accAdded = 0, accUpdated = 0, accSame = 0;
            for (Organisation o : file.organisations()) {
                Optional<Organisation> existing = organisation(h, o.odsCode());
                if (existing.isEmpty()) {
                    h.createUpdate("INSERT INTO organisations (name, ods_code, kind, comms_email, ig_email, created_at, updated_at) "
                                    + "VALUES (:name, :ods, :kind, :comms, :ig, :now, :now)")
                            .bind("name", o.name()).bind("ods", o.odsCode()).bind("kind", o.kind().id())
                            .bind("comms", o.commsEmail()).bind("ig", o.igEmail()).bind("now", now).execute();
                    orgAdded++;
                } else if (!sameOrganisation(existing.get(), o)) {
                    h.createUpdate("UPDATE organisations SET name = :name, kind = :kind, comms_email = COALESCE(:comms, comms_email), "
                                    + "ig_email = COALESCE(:ig, ig_email), updated_at = :now WHERE ods_code = :ods")
                            .bind("name", o.name()).bind("ods", o.odsCode()).bind("kind", o.kind().id())
                            .bind("comms", o.commsEmail()).bind("ig", o.igEmail()).bind("now", now).execute();
                    orgUpdated++;
                }
            }
            for (Account a : file.accounts()) {
                Long orgId = h.createQuery("SELECT id FROM organisations WHERE ods_code = :ods")
                        .bind("ods", a.organisationOds()).mapTo(Long.class).findOne()
                        .orElseThrow(() -> new IllegalArgumentException("account " + a.handle()
                                + " belongs to unknown organisation " + a.organisationOds()));
                Optional<Account> existing = h.createQuery("SELECT " + ACCOUNT_COLUMNS
                                + " FROM accounts a JOIN organisations o ON o.id = a.organisation_id WHERE a.account_key = :key")
                        .bind("key", a.key()).map((rs, ctx) -> account(rs)).findOne();
                if (existing.isEmpty()) {
                    h.createUpdate("INSERT INTO accounts (organisation_id, account_key, name, kind, service_type, platform, "
                                    + "handle, base_url, active, monitoring_basis, created_at, updated_at) VALUES (:org, :key, "
                                    + ":name, :kind, :service, :platform, :handle, :base, :active, :basis, :now, :now)")
                            .bind("org", orgId).bind("key", a.key()).bind("name", a.name()).bind("kind", a.kind().id())
                            .bind("service", a.serviceType()).bind("platform", a.platform().id()).bind("handle", a.handle())
                            .bind("base", a.baseUrl()).bind("active", a.active()).bind("basis", a.monitoringBasis())
                            .bind("now", now).execute();
                    accAdded++;
                } else if (!a.withId(existing.get().id()).equals(existing.get())) {
                    h.createUpdate("UPDATE accounts SET organisation_id = :org, name = :name, kind = :kind, service_type = :service, "
                                    + "active = :active, monitoring_basis = :basis, updated_at = :now WHERE account_key = :key")
                            .bind("org", orgId).bind("key", a.key()).bind("name", a.name()).bind("kind", a.kind().id())
                            .bind("service", a.serviceType()).bind("active", a.active()).bind("basis", a.monitoringBasis())
                            .bind("now", now).execute();
                    accUpdated++;
                } else {
                    accSame++;
                }
            }
            return new ImportResult(orgAdded, orgUpdated, accAdded, accUpdated, accSame);
        });
    }

    private static boolean sameOrganisation(Organisation stored, Organisation incoming) {
        return stored.name().equals(incoming.name()) && stored.kind() == incoming.kind()
                && (incoming.commsEmail() == null || incoming.commsEmail().equals(stored.commsEmail()))
                && (incoming.igEmail() == null || incoming.igEmail().equals(stored.igEmail()));
    }

    public Optional<Organisation> organisation(String ods) {
        return jdbi.withHandle(h -> organisation(h, ods));
    }

    public List<Organisation> organisations() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM organisations ORDER BY name")
                .map((rs, ctx) -> organisation(rs)).list());
    }

    private static Optional<Organisation> organisation(Handle h, String ods) {
        return h.createQuery("SELECT * FROM organisations WHERE ods_code = :ods").bind("ods", ods)
                .map((rs, ctx) -> organisation(rs)).findOne();
    }

    private static Organisation organisation(ResultSet rs) throws SQLException {
        String extra = rs.getString("extra_recipients");
        return new Organisation(rs.getLong("id"), rs.getString("name"), rs.getString("ods_code"),
                OrganisationKind.parse(rs.getString("kind")).orElse(OrganisationKind.NHS_TRUST),
                rs.getString("comms_email"), rs.getString("ig_email"),
                extra == null || extra.isBlank() ? List.of() : Arrays.stream(extra.split(",")).map(String::strip).toList());
    }

    public Optional<Account> account(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + ACCOUNT_COLUMNS
                        + " FROM accounts a JOIN organisations o ON o.id = a.organisation_id WHERE a.id = :id")
                .bind("id", id).map((rs, ctx) -> account(rs)).findOne());
    }

    public List<Account> activeAccounts() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + ACCOUNT_COLUMNS
                        + " FROM accounts a JOIN organisations o ON o.id = a.organisation_id WHERE a.active ORDER BY a.id")
                .map((rs, ctx) -> account(rs)).list());
    }

    /** Active accounts among the given natural keys (the accounts of one registry file). */
    public List<Account> activeAccounts(List<Account> declared) {
        List<String> keys = declared.stream().map(Account::key).toList();
        return activeAccounts().stream().filter(a -> keys.contains(a.key())).toList();
    }

    public List<AccountStatus> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + ACCOUNT_COLUMNS + ", o.name AS org_name, a.last_crawl_at, "
                        + "a.last_success_at, a.last_error, a.last_error_at, a.posts_seen, a.next_run_at, a.opt_outs, a.last_skipped "
                        + "FROM accounts a JOIN organisations o ON o.id = a.organisation_id ORDER BY o.name, a.name, a.id")
                .map((rs, ctx) -> new AccountStatus(account(rs), rs.getString("org_name"), new AccountHealth(
                        instant(rs, "last_crawl_at"), instant(rs, "last_success_at"), rs.getString("last_error"),
                        instant(rs, "last_error_at"), rs.getLong("posts_seen"), instant(rs, "next_run_at"),
                        rs.getString("opt_outs"), rs.getInt("last_skipped"))))
                .list());
    }

    public CrawlState crawlState(long accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT crawl_cursor, external_account_id FROM accounts WHERE id = :id")
                .bind("id", accountId).map((rs, ctx) -> new CrawlState(rs.getString(1), rs.getString(2))).one());
    }

    /** Records a successful crawl: the new state, the opt-out signals seen, and the posts counted. */
    public void recordSuccess(long accountId, CrawlState next, AccountSignals signals, int newPosts, int skipped) {
        Instant now = clock.instant();
        jdbi.useHandle(h -> h.createUpdate("UPDATE accounts SET crawl_cursor = :cursor, "
                        + "external_account_id = COALESCE(:ext, external_account_id), opt_outs = :optOuts, "
                        + "last_crawl_at = :now, last_success_at = :now, last_error = NULL, posts_seen = posts_seen + :n, "
                        + "last_skipped = :skipped, updated_at = :now WHERE id = :id")
                .bind("cursor", next.cursor()).bind("ext", next.externalAccountId())
                .bind("optOuts", signals.optOuts().isEmpty() ? null : String.join(",", signals.optOuts()))
                .bind("now", now).bind("n", newPosts).bind("skipped", skipped).bind("id", accountId).execute());
    }

    public void recordFailure(long accountId, String error, int skipped) {
        Instant now = clock.instant();
        jdbi.useHandle(h -> h.createUpdate("UPDATE accounts SET last_crawl_at = :now, last_error = :error, "
                        + "last_error_at = :now, last_skipped = :skipped, updated_at = :now WHERE id = :id")
                .bind("now", now).bind("error", truncate(error, 2000)).bind("skipped", skipped).bind("id", accountId).execute());
    }

    /** Records opt-out signals without advancing the crawl (a skipped staff account). */
    public void recordSkipped(long accountId, AccountSignals signals, String why) {
        Instant now = clock.instant();
        jdbi.useHandle(h -> h.createUpdate("UPDATE accounts SET last_crawl_at = :now, opt_outs = :optOuts, "
                        + "last_error = :why, last_error_at = :now, updated_at = :now WHERE id = :id")
                .bind("now", now).bind("optOuts", String.join(",", signals.optOuts())).bind("why", why)
                .bind("id", accountId).execute());
    }

    public void setNextRun(long accountId, Instant next) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE accounts SET next_run_at = :next WHERE id = :id")
                .bind("next", next).bind("id", accountId).execute());
    }

    static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("ods_code"), rs.getString("name"),
                AccountKind.parse(rs.getString("kind")).orElseThrow(), rs.getString("service_type"),
                Platform.parse(rs.getString("platform")).orElseThrow(), rs.getString("handle"),
                rs.getString("base_url"), rs.getBoolean("active"), rs.getString("monitoring_basis"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static String truncate(String s, int max) {
        Objects.requireNonNull(s);
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
