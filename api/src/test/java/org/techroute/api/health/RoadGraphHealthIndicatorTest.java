package org.techroute.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.actuate.health.Status;

class RoadGraphHealthIndicatorTest {

    private static RoadGraphHealthIndicator indicator(RoadGraphReadiness readiness) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        if (readiness != null) {
            beans.registerSingleton("roadGraphReadiness", readiness);
        }
        return new RoadGraphHealthIndicator(beans.getBeanProvider(RoadGraphReadiness.class));
    }

    @Test
    void readyWithoutARoadGraph() {
        assertThat(indicator(null).health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void notReadyWhileTheGraphLoads() {
        RoadGraphReadiness loading = new RoadGraphReadiness() {
            @Override
            public boolean isReady() {
                return false;
            }

            @Override
            public String describe() {
                return "loading";
            }
        };
        assertThat(indicator(loading).health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }
}
