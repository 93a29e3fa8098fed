package org.wardwatch.dashboard.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.dashboard.testing.Browserless;
import org.wardwatch.dashboard.testing.TestDashboard;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.MimeMessage;

/** A reviewer confirms a case, raises a removal request from the template, and WardWatch emails it. */
class RemovalRequestFlowTest {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    TestDashboard d;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        d = new TestDashboard(dir, ServerSetupTest.SMTP.getPort());
    }

    @AfterEach
    void stop() {
        d.close();
    }

    @Test
    void confirmedCaseGetsARequestThatIsEmailedWithoutThePatientsDetails() throws Exception {
        Browserless reviewer = d.signedIn("reviewer");
        assertThat(reviewer.get("/cases/" + d.caseA + "/requests/new").body()).contains("Confirm the case before raising");
        reviewer.get("/cases/" + d.caseA);
        assertThat(reviewer.post("/cases/" + d.caseA + "/decision", Map.of("action", "confirm")).statusCode()).isEqualTo(302);
        assertThat(d.caseStatus(d.caseA)).isEqualTo("confirmed");

        String form = reviewer.get("/cases/" + d.caseA + "/requests/new").body();
        String body = field(form, "<textarea id=\"body\" name=\"body\" rows=\"24\" required>(.*?)</textarea>");
        String subject = field(form, "id=\"subject\" name=\"subject\" required maxlength=\"500\" value=\"([^\"]*)\"");
        String due = field(form, "id=\"due\" name=\"due\" type=\"date\" required value=\"([^\"]*)\"");
        assertThat(form).contains("value=\"comms@northmoor.nhs.uk\"");
        assertThat(body).contains("Caldicott").contains("consent").contains("https://social.example/@willowward/1001")
                .doesNotContain("Doreen").doesNotContain("birthday");

        var raised = reviewer.post("/cases/" + d.caseA + "/requests", Map.of("recipient", "comms@northmoor.nhs.uk",
                "subject", unescape(subject), "body", unescape(body), "due", due));
        assertThat(raised.statusCode()).isEqualTo(302);
        String location = raised.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/requests/\\d+");
        long id = Long.parseLong(location.substring("/requests/".length()));
        assertThat(d.app.requestStore().byId(id).orElseThrow().status()).isEqualTo(RequestStatus.RAISED);

        reviewer.get(location);
        assertThat(reviewer.post(location + "/send", Map.of()).statusCode()).isEqualTo(302);
        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage sent = mail.getReceivedMessages()[0];
        assertThat(sent.getAllRecipients()[0].toString()).isEqualTo("comms@northmoor.nhs.uk");
        assertThat(sent.getSubject()).contains("Willow Ward");
        assertThat(GreenMailUtil.getBody(sent)).contains("Caldicott").doesNotContain("Doreen");

        RemovalRequest r = d.app.requestStore().byId(id).orElseThrow();
        assertThat(r.status()).isEqualTo(RequestStatus.SENT);
        assertThat(r.sentAt()).isNotNull();
        assertThat(r.events()).extracting(e -> e.status()).containsExactly(RequestStatus.RAISED, RequestStatus.SENT);
        assertThat(reviewer.get("/cases/" + d.caseA).body()).contains("Request #" + id + " sent");
        assertThat(d.auditCount("request_sent")).isEqualTo(1);
    }

    @Test
    void anOpenCaseCannotGetARequest() {
        Browserless reviewer = d.signedIn("reviewer");
        reviewer.get("/cases/" + d.caseA + "/requests/new");
        var r = reviewer.post("/cases/" + d.caseA + "/requests", Map.of("recipient", "comms@northmoor.nhs.uk",
                "subject", "s", "body", "b", "due", "2099-01-01"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(d.app.requestStore().forCase(d.caseA)).isEmpty();
    }

    @Test
    void requestsPastTheirDueDateBecomeOverdue() {
        d.app.database().jdbi().useHandle(h -> h.execute("UPDATE cases SET status = 'confirmed' WHERE id = " + d.caseA));
        long id = d.app.requestStore().create(d.caseA, "comms@northmoor.nhs.uk", "s", "b",
                java.time.Instant.now().minusSeconds(3600), "reviewer");
        d.app.requestStore().transition(id, java.util.List.of(RequestStatus.RAISED), RequestStatus.SENT, "reviewer", null);
        assertThat(d.app.requestStore().markOverdue()).isEqualTo(1);
        assertThat(d.app.requestStore().byId(id).orElseThrow().status()).isEqualTo(RequestStatus.OVERDUE);
        assertThat(d.app.requestStore().markOverdue()).isZero();
    }

    private static String field(String html, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }

    private static String unescape(String s) {
        return s.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
