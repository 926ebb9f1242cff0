package org.techroute.api.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.solve.Planner;
import org.techroute.api.road.RoadGraphHolder;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.ProblemLimits;
import org.techroute.data.validation.ProblemValidator;

/**
 * The planner the service solves with. Travel matrices are straight-line only until a road graph is
 * configured: a {@link TravelMatrices} bean made with {@code TravelMatrices.withRoads(source)} replaces this one.
 */
@Configuration(proxyBeanMethods = false)
public class PlanningConfiguration {

    /** Road travel when the service has a road graph (see {@code RoadGraphHolder}), straight lines always. */
    @Bean
    @ConditionalOnMissingBean
    TravelMatrices travelMatrices(ObjectProvider<RoadGraphHolder> roads) {
        RoadGraphHolder holder = roads.getIfAvailable();
        if (holder != null && holder.source() != null) {
            return TravelMatrices.withRoads(holder.source());
        }
        return TravelMatrices.withoutRoads(holder == null ? null : holder.reason());
    }

    @Bean
    ProblemValidator problemValidator(TechrouteProperties properties) {
        TechrouteProperties.Limits limits = properties.limits();
        // a run of N search threads takes N solver slots: more than the slots could never run (422)
        return new ProblemValidator(new ProblemLimits(limits.maxVisits(), limits.maxTechnicians(),
                limits.maxShifts(), limits.maxTimeLimit(), properties.solver().slots()));
    }

    @Bean
    Planner planner(ProblemValidator validator, TravelMatrices matrices) {
        return new Planner(new ProblemMapper(validator, matrices));
    }
}
