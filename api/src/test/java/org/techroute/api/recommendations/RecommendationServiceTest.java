package org.techroute.api.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.techroute.api.support.Problems;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Visit;

class RecommendationServiceTest {

    @Test
    void anAppendedVisitKeepsTheDayUnderWay() {
        Problem day = Problems.demo(2, 5).withNow(OffsetDateTime.parse("2026-11-23T13:00:00+01:00"));
        Visit extra = day.visits().get(0);
        Problem withVisit = RecommendationService.appendVisit(day, extra, null);
        assertThat(withVisit.now()).isEqualTo(day.now());
        assertThat(withVisit.visits()).hasSize(day.visits().size() + 1);
        assertThat(withVisit.options()).isEqualTo(day.options());
    }
}
