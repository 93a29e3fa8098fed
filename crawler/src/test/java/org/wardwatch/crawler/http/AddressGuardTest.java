package org.wardwatch.crawler.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wardwatch.crawler.CrawlerTesting.NOW;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wardwatch.core.registry.Account;
import org.wardwatch.core.registry.Platform;
import org.wardwatch.core.source.Deadline;
import org.wardwatch.core.source.SourceException;
import org.wardwatch.crawler.CrawlerTesting;

import com.github.tomakehurst.wiremock.WireMockServer;

import okhttp3.Request;

class AddressGuardTest {
    static final String WHY = " (private addresses are not fetched; http.allowPrivateAddresses)";

    // ---- which addresses are private

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "127.0.0.1, LOOPBACK", "127.255.255.254, LOOPBACK", "0.0.0.0, ANY_LOCAL", "0.1.2.3, ANY_LOCAL",
            "10.0.0.1, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.255, PRIVATE", "192.168.1.1, PRIVATE",
            "169.254.169.254, LINK_LOCAL", "100.64.0.1, CARRIER_GRADE_NAT", "100.127.255.255, CARRIER_GRADE_NAT",
            "224.0.0.1, MULTICAST", "239.255.255.250, MULTICAST", "255.255.255.255, BROADCAST",
            "::, ANY_LOCAL", "::1, LOOPBACK", "fe80::1, LINK_LOCAL", "febf::1, LINK_LOCAL", "fec0::1, PRIVATE",
            "fc00::1, UNIQUE_LOCAL", "fd12:3456::1, UNIQUE_LOCAL", "ff02::1, MULTICAST",
            "::ffff:127.0.0.1, LOOPBACK", "::ffff:169.254.169.254, LINK_LOCAL", "::ffff:10.1.2.3, PRIVATE",
            "::127.0.0.1, LOOPBACK", "::192.168.0.1, PRIVATE", "64:ff9b::a9fe:a9fe, LINK_LOCAL",
    })
    void nonPublicAddressesAreNamedByKind(String address, AddressGuard.Kind kind) throws Exception {
        assertThat(AddressGuard.kind(InetAddress.getByName(address))).isEqualTo(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "11.0.0.1", "172.15.255.255", "172.32.0.1", "192.169.0.1", "169.253.1.1",
            "100.63.255.255", "100.128.0.1", "223.255.255.255", "2a00:1450:4009:81f::200e", "fbff::1", "fe7f::1",
            "::ffff:8.8.8.8", "64:ff9b::808:808"})
    void publicAddressesAreAllowed(String address) throws Exception {
        assertThat(AddressGuard.kind(InetAddress.getByName(address))).isNull();
    }

    @Test
    void anIpv4MappedAddressKeptInIpv6FormIsStillLoopback() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        // InetAddress.getByName turns the mapped form into IPv4; an Inet6Address built directly does not
        InetAddress a = Inet6Address.getByAddress(null, mapped, -1);
        assertThat(a).isInstanceOf(Inet6Address.class);
        assertThat(AddressGuard.kind(a)).isEqualTo(AddressGuard.Kind.LOOPBACK);
    }

    // ---- the rule: trust by registered host name, never by address

    private static Request hop(String url, String... trusted) {
        return new Request.Builder().url(url).tag(TrustedHosts.class, new TrustedHosts(Set.of(trusted))).build();
    }

    @Test
    void theAccountsRegisteredHostMayBePrivate() throws Exception {
        AddressGuard.check(hop("http://localhost:8080/feed", "localhost"), InetAddress.getByName("127.0.0.1"));
    }

    @Test
    void trustIsByHostNameSoTheSameMachineByAddressIsRefused() {
        assertThatThrownBy(() -> AddressGuard.check(hop("http://127.0.0.1:9999/", "localhost"),
                InetAddress.getByName("127.0.0.1")))
                .isInstanceOf(HttpProblem.class)
                .hasMessage("GET http://127.0.0.1:9999/: refused: 127.0.0.1 is a loopback address" + WHY);
    }

    @Test
    void aPublicAddressNeedsNoTrust() throws Exception {
        AddressGuard.check(new Request.Builder().url("http://example.org/").build(), InetAddress.getByName("93.184.215.14"));
    }

    @Test
    void aRefusedRedirectHopNamesWhereItCameFrom() {
        Request hop = new Request.Builder().url("http://169.254.169.254/latest/meta-data/")
                .tag(RedirectedFrom.class, new RedirectedFrom(okhttp3.HttpUrl.get("https://trust.example/feed"))).build();
        assertThatThrownBy(() -> AddressGuard.check(hop, InetAddress.getByName("169.254.169.254")))
                .hasMessage("GET http://169.254.169.254/latest/meta-data/ (redirected from https://trust.example/feed): "
                        + "refused: 169.254.169.254 is a link-local address" + WHY);
    }

    @Test
    void ipv6AddressesAreWrittenCompressedWithoutScope() throws Exception {
        assertThat(AddressGuard.display(InetAddress.getByName("0:0:0:0:0:0:0:1"))).isEqualTo("::1");
        assertThat(AddressGuard.display(InetAddress.getByName("fe80:0:0:0:0:0:0:1%1"))).isEqualTo("fe80::1");
    }

    // ---- the guard in the real stack

    static WireMockServer wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true));
    FakeClock clock;
    HttpStack http;
    RawServer intranet;

    @BeforeAll
    static void start() {
        wm.start();
        CrawlerTesting.warmUp(wm);
    }

    @AfterAll
    static void stop() {
        wm.stop();
    }

    @BeforeEach
    void setUp() throws Exception {
        wm.resetAll();
        clock = new FakeClock(NOW);
        http = new HttpStack(CrawlerTesting.guarded(), clock);
        intranet = new RawServer(RawServer.stallBodyThenAnswer(0));
    }

    @AfterEach
    void tearDown() throws Exception {
        http.close();
        intranet.close();
    }

    /** An account registered at this machine's WireMock by the name {@code localhost}. */
    private static Account account() {
        return CrawlerTesting.account(Platform.RSS, wm.baseUrl() + "/feed", null);
    }

    private static Request.Builder trusted(String url) throws SourceException {
        return HttpStack.request(url).tag(TrustedHosts.class, TrustedHosts.of(account()));
    }

    @Test
    void aRedirectToTheCloudMetadataServiceIsRefused() {
        wm.stubFor(get("/go").willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://169.254.169.254/latest/meta-data/")));
        assertThatThrownBy(() -> http.send(trusted(wm.baseUrl() + "/go").build()))
                .isInstanceOf(SourceException.class)
                .hasMessage("GET http://169.254.169.254/latest/meta-data/ (redirected from " + wm.baseUrl() + "/go): "
                        + "refused: 169.254.169.254 is a link-local address" + WHY);
        assertThat(clock.sleeps()).as("a refusal is not retried").isEmpty();
    }

    @Test
    void aRedirectToTheIntranetByAddressIsRefusedThoughTheAccountsHostIsTheSameMachine() {
        wm.stubFor(get("/go").willReturn(aResponse().withStatus(302).withHeader("Location", intranet.url("/admin/users"))));
        assertThatThrownBy(() -> http.send(trusted(wm.baseUrl() + "/go").build()))
                .hasMessage("GET " + intranet.url("/admin/users") + " (redirected from " + wm.baseUrl() + "/go): "
                        + "refused: 127.0.0.1 is a loopback address" + WHY);
        assertThat(intranet.accepted()).isZero();
    }

    @Test
    void anImageLinkIntoTheIntranetIsRefused() {
        OkHttpMediaFetcher media = new OkHttpMediaFetcher(http);
        assertThatThrownBy(() -> media.fetch(account(), intranet.url("/admin/photo.jpg"), 10_000, Deadline.NONE))
                .isInstanceOf(SourceException.class)
                .hasMessage("GET " + intranet.url("/admin/photo.jpg") + ": refused: 127.0.0.1 is a loopback address" + WHY);
        assertThat(intranet.accepted()).isZero();
    }

    @Test
    void localhostIsRefusedUnlessItIsTheAccountsRegisteredHost() throws Exception {
        wm.stubFor(get("/feed").willReturn(aResponse().withBody("ok")));
        assertThatThrownBy(() -> http.get(wm.baseUrl() + "/feed"))
                .hasMessageMatching("GET " + java.util.regex.Pattern.quote(wm.baseUrl() + "/feed")
                        + ": refused: (127\\.0\\.0\\.1|::1) is a loopback address .*");
        wm.verify(0, getRequestedFor(urlEqualTo("/feed")));

        assertThat(http.send(trusted(wm.baseUrl() + "/feed").build()).text()).isEqualTo("ok");
        wm.verify(1, getRequestedFor(urlEqualTo("/feed")));
    }

    @Test
    void aConnectionPooledForTheAccountIsNotLentToAnUntrustedRequest() throws Exception {
        wm.stubFor(get("/a").willReturn(aResponse().withBody("a")));
        wm.stubFor(get("/b").willReturn(aResponse().withBody("b")));
        http.send(trusted(wm.baseUrl() + "/a").build());
        assertThat(http.client().connectionPool().idleConnectionCount()).as("the trusted connection is pooled").isEqualTo(1);

        assertThatThrownBy(() -> http.get(wm.baseUrl() + "/b")).hasMessageContaining("refused: ");
        wm.verify(0, getRequestedFor(urlEqualTo("/b")));
    }

    @Test
    void anIpv6LoopbackLiteralIsRefusedBeforeConnecting() {
        assertThatThrownBy(() -> http.get("http://[::1]:9/x"))
                .hasMessage("GET http://[::1]:9/x: refused: ::1 is a loopback address" + WHY);
    }

    @Test
    void withTheGuardOffPrivateAddressesAreFetched() throws Exception {
        try (HttpStack open = new HttpStack(CrawlerTesting.guarded().withAllowPrivateAddresses(true), clock)) {
            assertThat(open.get(intranet.url("/admin/users")).text()).isEqualTo("whole");
        }
        assertThat(intranet.accepted()).isEqualTo(1);
    }
}
