package org.techroute.api.health;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** The {@code roadGraph} health contributor, part of the readiness group (see application.properties). */
@Component("roadGraph")
class RoadGraphHealthIndicator implements HealthIndicator {

    private final ObjectProvider<RoadGraphReadiness> readiness;

    RoadGraphHealthIndicator(ObjectProvider<RoadGraphReadiness> readiness) {
        this.readiness = readiness;
    }

    @Override
    public Health health() {
        RoadGraphReadiness graph = readiness.getIfAvailable();
        if (graph == null) {
            return Health.up().withDetail("roadGraph", "none configured: straight-line travel modes only").build();
        }
        return (graph.isReady() ? Health.up() : Health.outOfService()).withDetail("roadGraph", graph.describe())
                .build();
    }
}
