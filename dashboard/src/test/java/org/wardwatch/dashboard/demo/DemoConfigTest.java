package org.wardwatch.dashboard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wardwatch.core.config.WardWatchConfig;

class DemoConfigTest {
    @Test
    void digestLinksPointAtTheDemosOwnPort() {
        WardWatchConfig demo = Demo.demoConfig(WardWatchConfig.defaults(), 7171);
        assertThat(demo.dashboard().baseUrl()).isEqualTo("http://localhost:7171");
        assertThat(demo.dashboard().port()).isEqualTo(7171);
    }

    @Test
    void theLoopbackDemoPlatformIsCrawledWithoutTheRealHostsPoliteness() {
        WardWatchConfig defaults = WardWatchConfig.defaults();
        WardWatchConfig demo = Demo.demoConfig(defaults, 7070);
        assertThat(demo.http().requestsPerSecondPerHost()).isGreaterThan(defaults.http().requestsPerSecondPerHost());
        assertThat(demo.database()).isEqualTo(defaults.database());
    }
}
