package org.wardwatch.core.crypto;

import java.util.List;

import org.jdbi.v3.core.Jdbi;
import org.wardwatch.core.risk.Reason;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Once per database, at the first start of a version that encrypts content: everything an older
 * version stored in the clear is encrypted under the current key ({@link ContentSweep}), the spans
 * older case reasons quoted are taken out of them (the case page rebuilds them from the encrypted
 * findings), and the database records that it is done, so later starts do not scan the tables
 * again. Interrupted, it is simply run again by the next start: each step skips what it has done.
 */
public final class PlaintextUpgrade {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final ContentCipher cipher;
    private final KeyRecord record;

    public PlaintextUpgrade(Jdbi jdbi, ContentCipher cipher, KeyRecord record) {
        this.jdbi = jdbi;
        this.cipher = cipher;
        this.record = record;
    }

    /** @return the values encrypted or unquoted now; 0 when the database was swept before */
    public long run() {
        KeyRecord.State state = record.read().orElseThrow(() -> new IllegalStateException("no key recorded yet"));
        if (state.plaintextSweptAt() != null) return 0;
        long n = new ContentSweep(jdbi, cipher, null).run((column, values) -> { });
        n += unquoteReasons();
        record.markPlaintextSwept();
        return n;
    }

    private record Case(long id, String reasons) {
    }

    /** Case reasons as older versions stored them ("caption names a patient: 'Doreen'"), without the quote. */
    private long unquoteReasons() {
        long changed = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            long from = after;
            List<Case> batch = jdbi.withHandle(h -> h.createQuery("SELECT id, reasons FROM cases WHERE id > :after "
                            + "ORDER BY id FETCH FIRST 500 ROWS ONLY").bind("after", from)
                    .map((rs, ctx) -> new Case(rs.getLong(1), rs.getString(2))).list());
            if (batch.isEmpty()) return changed;
            for (Case c : batch) {
                after = c.id();
                String updated = unquoted(c.reasons());
                if (updated.equals(c.reasons())) continue;
                changed += jdbi.withHandle(h -> h.createUpdate("UPDATE cases SET reasons = :r WHERE id = :id AND reasons = :old")
                        .bind("r", updated).bind("id", c.id()).bind("old", c.reasons()).execute());
            }
        }
    }

    private static String unquoted(String json) {
        try {
            List<String> reasons = JSON.readValue(json, new TypeReference<List<String>>() { });
            return JSON.writeValueAsString(reasons.stream().map(Reason::fromLegacy).toList());
        } catch (JsonProcessingException notAList) {
            // a hand-written reason: keep its words up to the first quote
            int quote = json.indexOf('\'');
            return quote < 0 ? json : JSON.valueToTree(List.of(json.substring(0, quote).replaceAll("[:\\s]+$", ""))).toString();
        }
    }
}
