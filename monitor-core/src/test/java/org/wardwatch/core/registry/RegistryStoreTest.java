package org.wardwatch.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wardwatch.core.source.AccountSignals;
import org.wardwatch.core.source.CrawlState;
import org.wardwatch.core.store.Database;
import org.wardwatch.core.testing.TestDatabases;
import org.wardwatch.core.testing.TestDatabases.Kind;

class RegistryStoreTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void importingTwiceDuplicatesNothing(Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind, dir)) {
            RegistryStore store = new RegistryStore(db.jdbi(), Clock.systemUTC());
            RegistryFile file = RegistryReader.parseYaml(RegistryReaderTest.YAML, "accounts.yaml");
            assertThat(store.importFile(file)).isEqualTo(new ImportResult(1, 0, 2, 0, 0));
            assertThat(store.importFile(file)).isEqualTo(new ImportResult(0, 0, 0, 0, 2));
            assertThat(store.list()).hasSize(2);
            assertThat(store.organisations()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void reimportUpdatesChangedAccountsInPlace(Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind, dir)) {
            RegistryStore store = new RegistryStore(db.jdbi(), Clock.systemUTC());
            store.importFile(RegistryReader.parseYaml(RegistryReaderTest.YAML, "accounts.yaml"));
            long id = store.list().stream().filter(s -> s.account().name().equals("Willow Ward")).findFirst().orElseThrow().account().id();
            store.recordSuccess(id, new CrawlState("cursor-1", "109"), AccountSignals.NONE, 3, 0);

            String changed = RegistryReaderTest.YAML.replace("serviceType: PICU", "serviceType: acute")
                    + "        active: false\n";
            assertThat(store.importFile(RegistryReader.parseYaml(changed, "accounts.yaml")).accountsUpdated()).isEqualTo(2);

            AccountStatus ward = store.list().stream().filter(s -> s.account().id() == id).findFirst().orElseThrow();
            assertThat(ward.account().serviceType()).isEqualTo("acute");
            assertThat(ward.health().postsSeen()).isEqualTo(3);
            assertThat(store.crawlState(id)).isEqualTo(new CrawlState("cursor-1", "109"));
            assertThat(store.activeAccounts()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void crawlHealthIsKept(Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind, dir)) {
            RegistryStore store = new RegistryStore(db.jdbi(), Clock.systemUTC());
            store.importFile(RegistryReader.parseYaml(RegistryReaderTest.YAML, "accounts.yaml"));
            long id = store.activeAccounts().get(0).id();
            store.recordFailure(id, "HTTP 404 from https://social.example.nhs.uk/api/v1/accounts/lookup", 0);
            AccountHealth h = store.list().stream().filter(s -> s.account().id() == id).findFirst().orElseThrow().health();
            assertThat(h.lastError()).startsWith("HTTP 404");
            assertThat(h.lastErrorAt()).isNotNull();
            assertThat(h.lastSuccessAt()).isNull();
            store.recordSuccess(id, new CrawlState("c", null), new AccountSignals(java.util.List.of("noindex")), 0, 0);
            h = store.list().stream().filter(s -> s.account().id() == id).findFirst().orElseThrow().health();
            assertThat(h.lastError()).isNull();
            assertThat(h.lastSuccessAt()).isNotNull();
            assertThat(h.optOuts()).isEqualTo("noindex");
        }
    }
}
