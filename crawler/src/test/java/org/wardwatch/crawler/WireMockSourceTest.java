package org.wardwatch.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.wardwatch.crawler.http.FakeClock;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** A platform test: one WireMock server for the class, a fresh clock and crawler stack per test. */
public abstract class WireMockSourceTest {
    protected static final WireMockServer wm = new WireMockServer(options().dynamicPort().gzipDisabled(true));
    protected FakeClock clock;
    protected Crawlers crawlers;

    @BeforeAll
    static void startServer() {
        if (!wm.isRunning()) wm.start();
        CrawlerTesting.warmUp(wm);
    }

    @AfterAll
    static void stopServer() {
        wm.stop();
    }

    @BeforeEach
    void freshStack() {
        wm.resetAll();
        clock = new FakeClock(CrawlerTesting.NOW);
        crawlers = CrawlerTesting.crawlers(clock);
    }

    @AfterEach
    void closeStack() {
        crawlers.close();
    }

    /** A fixture with {@code {{base}}} replaced by the stub server's URL. */
    protected static String body(String fixture) {
        return CrawlerTesting.fixture(fixture).replace("{{base}}", wm.baseUrl());
    }

    protected static ResponseDefinitionBuilder json(String fixture) {
        return aResponse().withHeader("Content-Type", "application/json; charset=utf-8").withBody(body(fixture));
    }

    protected static ResponseDefinitionBuilder jsonText(int status, String text) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8").withBody(text);
    }

    /** Answers the same request with each reply in turn, then keeps giving the last. */
    protected static void inTurn(java.util.function.Supplier<MappingBuilder> request, String name, ResponseDefinitionBuilder... replies) {
        String state = STARTED;
        for (int i = 0; i < replies.length; i++) {
            String next = i == replies.length - 1 ? state : name + (i + 1);
            wm.stubFor(request.get().inScenario(name).whenScenarioStateIs(state).willReturn(replies[i]).willSetStateTo(next));
            state = next;
        }
    }
}
