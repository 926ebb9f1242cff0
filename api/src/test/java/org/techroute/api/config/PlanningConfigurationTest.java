package org.techroute.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.techroute.api.support.Problems;
import org.techroute.data.solve.Planner;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.InvalidProblemException;

class PlanningConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TechrouteProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, PlanningConfiguration.class);

    @Test
    void problemSizeLimitsComeFromProperties() {
        context.withPropertyValues("techroute.limits.max-visits=3").run(beans -> {
            Planner planner = beans.getBean(Planner.class);
            assertThatThrownBy(() -> planner.prepare(Problems.demo(2, 4)))
                    .isInstanceOfSatisfying(InvalidProblemException.class, e -> assertThat(e.violations())
                            .anySatisfy(v -> {
                                assertThat(v.path()).isEqualTo("$.visits");
                                assertThat(v.message()).contains("too many visits");
                            }));
        });
    }

    @Test
    void straightLinesOnlyUntilARoadGraphIsConfigured() {
        context.run(beans -> assertThat(beans.getBean(TravelMatrices.class)
                .supports(org.techroute.data.model.TravelMode.ROAD)).isFalse());
        TravelMatrices withRoads = TravelMatrices.withRoads((locations, options) -> {
            throw new UnsupportedOperationException("not called");
        });
        context.withBean(TravelMatrices.class, () -> withRoads).run(beans -> assertThat(beans.getBean(
                TravelMatrices.class).supports(org.techroute.data.model.TravelMode.ROAD)).isTrue());
    }
}
