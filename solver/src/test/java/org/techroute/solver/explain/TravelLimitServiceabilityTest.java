package org.techroute.solver.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techroute.solver.TestData.minutes;
import static org.techroute.solver.TestData.shift;
import static org.techroute.solver.TestData.technician;
import static org.techroute.solver.TestData.visit;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Visit;

/** A visit whose round trip alone drives more than a shift's limit cannot be served by that shift. */
class TravelLimitServiceabilityTest {

    @Test
    void aRoundTripLongerThanTheLimitIsATravelLimitProblem() {
        Shift shortTrips = shift("anna-mon", technician("anna")).build();
        shortTrips.setMaxTravelMillis(minutes(50)); // depot - 3 - depot is 60 minutes
        Visit far = visit("far", 3).build();
        Blocker blocker = ServiceabilityCheck.blocker(far, List.of(shortTrips)).orElseThrow();
        assertThat(blocker.code()).isEqualTo("TRAVEL_LIMIT");
        assertThat(blocker.detail()).isEqualTo("no shift can serve it: TRAVEL_LIMIT on shift anna-mon: the trip"
                + " there and on to the end location alone drives 3600 s, more than the shift's limit of 3000 s");
        assertThat(ServiceabilityCheck.blocker(visit("near", 1).build(), List.of(shortTrips))).isEmpty();
    }

    @Test
    void theTravelLimitComesAfterTheSkillInTheOrderOfChecks() {
        Shift skilled = shift("anna-mon", technician("anna", Map.of("hvac", 1))).build();
        skilled.setMaxTravelMillis(minutes(50));
        Shift unskilled = shift("ben-mon", technician("ben")).build();
        Visit far = visit("far", 3).skills(Map.of("hvac", 1)).build();
        Blocker blocker = ServiceabilityCheck.blocker(far, List.of(unskilled, skilled)).orElseThrow();
        assertThat(blocker.code()).isEqualTo("TRAVEL_LIMIT");
        assertThat(blocker.detail()).contains("SKILL on shift ben-mon");
    }
}
