package org.wardwatch.dashboard.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.dashboard.testing.Browserless;
import org.wardwatch.dashboard.testing.TestDashboard;

/** The admin's users page: the list, disabling and enabling a user, revoking their tokens. */
class UserAdminTest {
    TestDashboard d;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        d = new TestDashboard(dir, 1);
    }

    @AfterEach
    void stop() {
        d.close();
    }

    @Test
    void listsUsersWithTheirTokens() {
        d.app.apiTokens().issue("reviewer");
        Browserless admin = d.signedIn("admin");
        String page = admin.get("/admin/users").body();
        assertThat(page).contains("<tr data-user=\"reviewer\">").contains("<tr data-user=\"auditor\">")
                .contains("Northmoor Mental Health NHS Foundation Trust").contains("working").contains("last used never");
        assertThat(page).doesNotContain("ww_").doesNotContain("$argon2");
    }

    @Test
    void disablingAUserSignsThemOutAndStopsTheirTokenUntilEnabledAgain() {
        String token = d.app.apiTokens().issue("reviewer");
        Browserless reviewer = d.signedIn("reviewer");
        Browserless admin = d.signedIn("admin");
        long id = d.app.users().byName("reviewer").orElseThrow().id();
        admin.get("/admin/users");
        var r = admin.post("/admin/users/" + id + "/enabled", Map.of("enabled", "false"));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/users").body()).contains("reviewer disabled").contains("disabled");
        assertThat(reviewer.get("/queue").statusCode()).isEqualTo(302);
        assertThat(new Browserless(d.base()).api("/api/cases", token).statusCode()).isEqualTo(401);
        assertThat(new Browserless(d.base()).signIn("reviewer", TestDashboard.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(d.auditCount("user_disabled")).isEqualTo(1);

        admin.post("/admin/users/" + id + "/enabled", Map.of("enabled", "true"));
        assertThat(new Browserless(d.base()).signIn("reviewer", TestDashboard.PASSWORD).statusCode()).isEqualTo(302);
        assertThat(new Browserless(d.base()).api("/api/cases", token).statusCode()).as("the token was not revoked").isEqualTo(200);
        assertThat(d.auditCount("user_enabled")).isEqualTo(1);
    }

    @Test
    void revokingEndsEveryTokenOfTheUser() {
        String token = d.app.apiTokens().issue("auditor");
        Browserless admin = d.signedIn("admin");
        long id = d.app.users().byName("auditor").orElseThrow().id();
        admin.get("/admin/users");
        admin.post("/admin/users/" + id + "/tokens/revoke", Map.of());
        assertThat(new Browserless(d.base()).api("/api/audit", token).statusCode()).isEqualTo(401);
        assertThat(admin.get("/admin/users").body()).contains("Revoked 1 API token of auditor").contains("revoked");
        assertThat(d.auditCount("tokens_revoked")).isEqualTo(1);
    }

    @Test
    void anAdminCannotDisableThemselves() {
        Browserless admin = d.signedIn("admin");
        long id = d.app.users().byName("admin").orElseThrow().id();
        admin.get("/admin/users");
        admin.post("/admin/users/" + id + "/enabled", Map.of("enabled", "false"));
        assertThat(d.app.users().byName("admin").orElseThrow().active()).isTrue();
        assertThat(admin.get("/admin/users").body()).contains("You cannot disable yourself");
    }
}
