package org.techroute.solver.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techroute.solver.TestData.at;
import static org.techroute.solver.TestData.shift;
import static org.techroute.solver.TestData.technician;
import static org.techroute.solver.TestData.visit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.techroute.solver.TestData;
import org.techroute.solver.domain.Certification;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Technician;
import org.techroute.solver.domain.Visit;

class ServiceabilityCheckTest {

    static final Technician ANNA = technician("anna", Map.of("hvac", 2),
            new Certification("f-gas", null, LocalDate.of(2025, 12, 31)));
    static final Technician BEN = technician("ben", Map.of("electrical", 1));
    static final Technician CARL = technician("carl", Map.of("electrical", 1));

    static List<Shift> day() {
        return List.of(shift("anna-mon", ANNA).build(), shift("ben-mon", BEN).build(),
                shift("carl-mon", CARL).build());
    }

    @Test
    void theRightTechnicianWithoutTheCertificationIsACertificationProblem() {
        Visit visit = visit("v", 1).requiredTechnicians("anna").certifications("f-gas").build();
        Blocker blocker = ServiceabilityCheck.blocker(visit, day()).orElseThrow();
        assertThat(blocker.code()).isEqualTo("CERTIFICATION");
        // every shift is listed under its reason, the deepest first
        assertThat(blocker.detail()).startsWith("no shift can serve it: CERTIFICATION on shift anna-mon")
                .contains("TECHNICIAN on shifts ben-mon, carl-mon");
    }

    @Test
    void theOnlyQualifiedTechnicianOffThatDayIsAnHoursProblem() {
        // anna (hvac) works only the day before; the others lack the skill
        List<Shift> shifts = List.of(
                shift("anna-sun", ANNA).date(TestData.DATE.minusDays(1))
                        .hours(at(8, 0) - TestData.minutes(24 * 60), at(16, 0) - TestData.minutes(24 * 60)).build(),
                shift("ben-mon", BEN).build(), shift("carl-mon", CARL).build());
        Visit visit = visit("v", 1).skills(Map.of("hvac", 1)).window(at(9, 0), at(12, 0)).build();
        Blocker blocker = ServiceabilityCheck.blocker(visit, shifts).orElseThrow();
        assertThat(blocker.code()).isEqualTo("TIME_WINDOW");
        assertThat(blocker.detail()).contains("anna-sun").contains("SKILL on shift ben-mon")
                .contains("SKILL on shift carl-mon");
    }

    @Test
    void aWindowThatClosedBeforeNowIsATimeWindowProblem() {
        List<Shift> shifts = day();
        shifts.forEach(s -> s.setNotBeforeMillis(at(13, 0)));
        Visit visit = visit("v", 1).window(at(9, 0), at(12, 0)).build();
        Blocker blocker = ServiceabilityCheck.blocker(visit, shifts).orElseThrow();
        assertThat(blocker.code()).isEqualTo("TIME_WINDOW");
        assertThat(blocker.detail()).contains("closed before now").contains("anna-mon, ben-mon, carl-mon");
        Visit later = visit("w", 1).window(at(9, 0), at(14, 0)).build();
        assertThat(ServiceabilityCheck.blocker(later, shifts)).isEmpty();
    }

    @Test
    void aStartedVisitIsNeverUnserviceable() {
        Visit visit = visit("v", 1).requiredTechnicians("anna").certifications("f-gas").build();
        visit.setStarted(at(9, 0), null);
        assertThat(ServiceabilityCheck.blocker(visit, day())).isEmpty();
    }
}
