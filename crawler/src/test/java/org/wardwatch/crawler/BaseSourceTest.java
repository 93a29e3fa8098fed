package org.wardwatch.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.wardwatch.core.registry.Account;
import org.wardwatch.core.registry.Platform;
import org.wardwatch.core.source.Deadline;
import org.wardwatch.crawler.http.TrustedHosts;

import okhttp3.Request;

class BaseSourceTest {
    @Test
    void everyRequestCarriesTheAccountsTrustedHostsAndTheCrawlDeadline() throws Exception {
        Account feed = CrawlerTesting.account(Platform.MASTODON, "@ward7@intranet.northgate.nhs.uk", "http://10.1.2.3:8080");
        Deadline deadline = Deadline.in(Duration.ofSeconds(300));

        Request r = BaseSource.request(feed, deadline, "http://10.1.2.3:8080/api/v1/accounts/lookup").build();

        assertThat(r.tag(Deadline.class)).isSameAs(deadline);
        assertThat(r.tag(TrustedHosts.class).hosts()).containsExactlyInAnyOrder("10.1.2.3", "intranet.northgate.nhs.uk");
    }
}
