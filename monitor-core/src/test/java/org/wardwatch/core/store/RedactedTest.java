package org.wardwatch.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wardwatch.core.testing.TestDatabases;
import org.wardwatch.core.testing.TestDatabases.Kind;

/** A failed statement's values never reach an exception message, a stack trace or a one-line report. */
class RedactedTest {
    static final String SECRET = "Zebrafinch Quillon of Willow Ward";

    @TempDir
    Path dir;

    static String printed(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aValueTooLongForItsColumnIsNotQuoted(Kind kind) {
        try (Database db = TestDatabases.open(kind, dir)) {
            Throwable e = catchThrowable(() -> db.jdbi().useHandle(h -> h.createUpdate(
                            "INSERT INTO organisations (name, ods_code, kind, created_at, updated_at) VALUES (:n, :ods, 'nhs_trust', :t, :t)")
                    .bind("n", SECRET).bind("ods", SECRET + " ".repeat(30)).bind("t", Instant.now()).execute()));
            assertThat(e).isNotNull();
            // JDBI's own message no longer lists the bound values
            assertThat(e.getMessage()).doesNotContain("Zebrafinch").doesNotContain("arguments");
            Throwable safe = Redacted.of(e);
            assertThat(printed(safe)).doesNotContain("Zebrafinch").contains("RedactedTest");
            assertThat(Redacted.oneLine(e)).doesNotContain("Zebrafinch").isNotBlank();
            // H2's original quotes the value: that is why only the redacted copy is logged
            if (kind == Kind.H2) assertThat(printed(e)).contains("Zebrafinch");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDuplicateKeyDoesNotShowTheKey(Kind kind) {
        try (Database db = TestDatabases.open(kind, dir)) {
            String insert = "INSERT INTO organisations (name, ods_code, kind, created_at, updated_at) VALUES ('n', :ods, 'nhs_trust', :t, :t)";
            db.jdbi().useHandle(h -> h.createUpdate(insert).bind("ods", "ZEBRA1").bind("t", Instant.now()).execute());
            Throwable e = catchThrowable(() -> db.jdbi().useHandle(h -> h.createUpdate(insert).bind("ods", "ZEBRA1")
                    .bind("t", Instant.now()).execute()));
            assertThat(printed(Redacted.of(e))).doesNotContain("ZEBRA1");
            assertThat(Redacted.oneLine(e)).doesNotContain("ZEBRA1");
        }
    }

    @Test
    void ourOwnMessagesAreLeftAlone() {
        IllegalStateException mine = new IllegalStateException("no source for platform 'tiktok'");
        assertThat(Redacted.oneLine(mine)).isEqualTo("no source for platform 'tiktok'");
        assertThat(Redacted.redact("Value too long for column \"TEXT CHARACTER VARYING(10)\": \"'Zebrafinch Quillon' (18)\"; SQL statement:"))
                .isEqualTo("Value too long for column \"TEXT CHARACTER VARYING(10)\": \"'…'\"; SQL statement:");
        assertThat(Redacted.redact("Key (ods_code)=(ZEBRA1) already exists. [statement:\"INSERT\", arguments:{x}]"))
                .isEqualTo("Key (ods_code)=(…) already exists.");
    }
}
