package org.wardwatch.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.wardwatch.core.config.ConfigException;

class RegistryReaderTest {

    static final String YAML = """
            organisations:
              - name: Northfield Mental Health NHS Foundation Trust
                ods: rxn
                kind: nhs_trust
                commsEmail: comms@northfield.example.nhs.uk
                accounts:
                  - name: Willow Ward
                    kind: ward
                    serviceType: PICU
                    platform: mastodon
                    handle: "@willowward"
                    baseUrl: https://social.example.nhs.uk/
                  - name: Trust news
                    kind: trust
                    platform: rss
                    handle: https://northfield.example.nhs.uk/feed
            """;

    @Test
    void readsOrganisationsAndAccounts() throws Exception {
        RegistryFile file = RegistryReader.parseYaml(YAML, "accounts.yaml");
        assertThat(file.organisations()).singleElement().satisfies(o -> {
            assertThat(o.odsCode()).isEqualTo("RXN");
            assertThat(o.commsEmail()).isEqualTo("comms@northfield.example.nhs.uk");
        });
        assertThat(file.accounts()).hasSize(2);
        Account ward = file.accounts().get(0);
        assertThat(ward.kind()).isEqualTo(AccountKind.WARD);
        assertThat(ward.platform()).isEqualTo(Platform.MASTODON);
        assertThat(ward.baseUrl()).isEqualTo("https://social.example.nhs.uk");
        assertThat(ward.serviceType()).isEqualTo("PICU");
        assertThat(ward.active()).isTrue();
        assertThat(ward.organisationOds()).isEqualTo("RXN");
    }

    @Test
    void unknownPlatformIsReportedWithFileAndLine() {
        String yaml = YAML.replace("platform: rss", "platform: tiktok");
        assertThatThrownBy(() -> RegistryReader.parseYaml(yaml, "accounts.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "accounts.yaml:15: unknown platform 'tiktok' (expected rss, atom, mastodon, bluesky, wordpress, html, x)"));
    }

    @Test
    void everyProblemIsReportedOnItsOwnLine() {
        String yaml = YAML.replace("kind: ward", "kind: patient").replace("@willowward", "willow ward!")
                .replace("commsEmail: comms@northfield.example.nhs.uk", "commsEmail: nobody")
                .replace("    platform: rss", "    platform: rss\n        colour: blue");
        assertThatThrownBy(() -> RegistryReader.parseYaml(yaml, "accounts.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "accounts.yaml:5: commsEmail 'nobody' is not an email address",
                        "accounts.yaml:8: unknown account kind 'patient' (expected trust, ward, service, staff)",
                        "accounts.yaml:11: mastodon handle must look like @user or @user@instance, not 'willow ward!'",
                        "accounts.yaml:16: unknown key 'colour' (expected one of active, baseUrl, handle, kind, "
                                + "monitoringBasis, name, platform, serviceType)"));
    }

    @Test
    void duplicateAccountIsAnError() {
        String yaml = YAML + """
                      - kind: trust
                        platform: rss
                        handle: https://northfield.example.nhs.uk/feed
                """;
        assertThatThrownBy(() -> RegistryReader.parseYaml(yaml, "accounts.yaml"))
                .hasMessageContaining("is listed twice");
    }

    @Test
    void readsCsvWithColumnsInAnyOrderAndExtraColumnsIgnored() throws Exception {
        String csv = """
                platform,handle,organisation,ods_code,comms_email,account,kind,service_type,base_url,active,notes
                bluesky,willow.bsky.social,Northfield,RXN,comms@n.example.nhs.uk,Willow Ward,ward,PICU,,true,x
                wordpress,https://blog.example.org,Northfield,RXN,,Blog,trust,,,false,
                """;
        RegistryFile file = RegistryReader.parseCsv(csv, "accounts.csv");
        assertThat(file.organisations()).singleElement().satisfies(o -> assertThat(o.commsEmail()).isEqualTo("comms@n.example.nhs.uk"));
        assertThat(file.accounts()).extracting(Account::platform).containsExactly(Platform.BLUESKY, Platform.WORDPRESS);
        assertThat(file.accounts().get(1).active()).isFalse();
        assertThat(file.accounts().get(0).baseUrl()).isNull();
    }

    @Test
    void csvErrorsNameTheirRow() {
        String csv = """
                organisation,ods_code,account,kind,platform,handle,active
                Northfield,RXN,Willow,ward,mastodon,@willow,true
                Northfield,RXN,Oak,ward,tiktok,@oak,true
                Northfield,RXN,Elm,ward,mastodon,@elm,perhaps
                """;
        assertThatThrownBy(() -> RegistryReader.parseCsv(csv, "a.csv"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "a.csv:3: unknown platform 'tiktok' (expected rss, atom, mastodon, bluesky, wordpress, html, x)",
                        "a.csv:4: active must be true or false, not 'perhaps'"));
    }

    @Test
    void csvWithoutRequiredColumnsSaysWhichAreMissing() {
        assertThatThrownBy(() -> RegistryReader.parseCsv("organisation,handle\nA,b\n", "a.csv"))
                .hasMessageStartingWith("a.csv:1: missing columns ods_code, account, kind, platform");
    }

    @Test
    void sampleRegistryShippedWithTheProjectIsValid() throws Exception {
        RegistryFile file = RegistryReader.read(Path.of("..", "config", "accounts.yaml"));
        assertThat(file.organisations()).isNotEmpty();
        assertThat(file.accounts()).extracting(Account::kind).contains(AccountKind.WARD, AccountKind.STAFF);
    }

    @Test
    void aTabInARegistryIndentationNamesItsLine() {
        String yaml = "organisations:\n  - name: Northfield\n    ods: RXN\n    accounts:\n\t  - name: Willow\n";
        assertThatThrownBy(() -> RegistryReader.parseYaml(yaml, "accounts.yaml"))
                .isInstanceOfSatisfying(org.wardwatch.core.config.ConfigException.class, e -> assertThat(e.problems())
                        .containsExactly("accounts.yaml:5: a tab in the indentation (YAML indents with spaces only)"));
    }
}
