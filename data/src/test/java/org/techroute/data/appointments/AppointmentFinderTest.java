package org.techroute.data.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.techroute.data.json.ProblemJson;
import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.model.Location;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;
import org.techroute.data.model.Solution;
import org.techroute.data.model.TimeWindow;
import org.techroute.data.model.Violation;
import org.techroute.data.model.Visit;
import org.techroute.data.solve.Planner;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.InvalidProblemException;
import org.techroute.data.validation.ProblemValidator;
import org.techroute.solver.domain.RoutePlan;

/**
 * Appointment slots on the documented example plan (docs/examples/small-plan.json: anna-mon v1, v6, v4; ben-mon v3,
 * v5, v2; 08:00-16:00+01:00 with lunch). Each feasible offer is checked independently: the visit is put where the
 * offer says, the plan is described again, and it must keep every hard rule with service starting in the slot at the
 * offered time.
 */
class AppointmentFinderTest {

    static final Path SMALL_PLAN = Path.of("../docs/examples/small-plan.json");
    static final Planner PLANNER = new Planner(new ProblemMapper(new ProblemValidator(),
            TravelMatrices.withoutRoads()));
    final AppointmentFinder finder = new AppointmentFinder(PLANNER);

    static Problem plan() throws Exception {
        return ProblemJson.read(SMALL_PLAN);
    }

    static Visit visit(String id, Map<String, Integer> skills) {
        return new Visit(id, "Customer on the phone", new Location(47.150, 9.515, null, null), 1800L, null, skills,
                null, null, null, null, null, null, null);
    }

    static TimeWindow slot(String from, String to) {
        return new TimeWindow(OffsetDateTime.parse("2026-11-23T" + from + ":00+01:00"),
                OffsetDateTime.parse("2026-11-23T" + to + ":00+01:00"));
    }

    @Test
    void judgesEverySlotBestFirstAndEachFeasibleOfferHoldsWhenBooked() throws Exception {
        Problem plan = plan();
        String before = ProblemJson.write(plan);
        Visit call = visit("CALL-1", Map.of("hvac", 1));
        List<TimeWindow> slots = List.of(slot("08:00", "10:00"), slot("10:00", "12:00"), slot("12:00", "14:00"),
                slot("14:00", "16:00"), slot("20:00", "21:00"));
        AppointmentOffers offers = finder.offers(plan, new AppointmentRequest(call, slots, null, null));

        assertThat(ProblemJson.write(plan)).as("the plan is not changed").isEqualTo(before);
        assertThat(offers.slots()).hasSize(5);
        assertThat(offers.feasibleSlots()).isEqualTo(4);
        assertThat(offers.planScore()).isEqualTo(plan.solution().score());
        SlotOffer night = offers.slots().get(4);
        assertThat(night.start()).isEqualTo(slot("20:00", "21:00").start());
        assertThat(night.feasible()).isFalse();
        assertThat(night.reason()).isEqualTo("TIME_WINDOW");
        for (int i = 0; i + 1 < 4; i++) {
            var a = ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore.parseScore(
                    offers.slots().get(i).scoreDiff());
            var b = ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore.parseScore(
                    offers.slots().get(i + 1).scoreDiff());
            assertThat(a).as("best first").isGreaterThanOrEqualTo(b);
        }
        for (SlotOffer offer : offers.slots().subList(0, 4)) {
            assertThat(offer.serviceStart()).as(offer.start().toString()).isBetween(offer.start(), offer.end());
            assertThat(offer.arrival()).isBeforeOrEqualTo(offer.serviceStart());
            checkBooked(plan, call, offer);
        }
    }

    /** Puts the visit where the offer says, with the slot as its window; the plan keeps every hard rule. */
    static void checkBooked(Problem plan, Visit call, SlotOffer offer) {
        Visit booked = new Visit(call.id(), call.customerName(), call.location(), call.serviceDurationSeconds(),
                List.of(new TimeWindow(offer.start(), offer.end())), call.requiredSkills(), null, null, null, null,
                null, null, null);
        List<Route> routes = new ArrayList<>();
        for (Route route : plan.solution().routes()) {
            List<String> ids = new ArrayList<>(route.visitIds());
            if (route.shiftId().equals(offer.shiftId())) {
                ids.add(offer.position(), call.id());
            }
            routes.add(new Route(route.shiftId(), null, ids, null, null, null, null, null, null, null, null, null));
        }
        List<Visit> visits = new ArrayList<>(plan.visitsOrEmpty());
        visits.add(booked);
        Problem withVisit = plan.withResources(plan.technicians(), plan.shifts(), visits).withSolution(
                Solution.ofRoutes(null, false, routes));
        var mapped = PLANNER.prepare(withVisit);
        RoutePlan routePlan = mapped.plan();
        Problem described = Planner.describe(mapped, routePlan, Planner.solverFactory(Planner.settings(withVisit
                .optionsOrDefaults())));
        assertThat(described.solution().feasible()).as("booked at " + offer.start() + ": "
                + described.solution().score()).isTrue();
        var step = described.solution().routes().stream().filter(r -> r.shiftId().equals(offer.shiftId()))
                .flatMap(r -> r.steps().stream()).filter(s -> call.id().equals(s.visitId())
                        && s.type() == org.techroute.data.model.Step.StepType.SERVICE).findFirst().orElseThrow();
        assertThat(step.start().toInstant()).isEqualTo(offer.serviceStart().toInstant());
    }

    @Test
    void aVisitNoTechnicianCanServeHasTheReasonInEverySlot() throws Exception {
        AppointmentOffers offers = finder.offers(plan(), new AppointmentRequest(visit("CALL-2", Map.of("plumbing",
                1)), List.of(slot("08:00", "10:00"), slot("10:00", "12:00")), null, null));
        assertThat(offers.feasibleSlots()).isZero();
        assertThat(offers.slots()).allMatch(o -> o.reason().equals("SKILL"));
    }

    @Test
    void slotsAreCutOverThePlansWorkingDays() throws Exception {
        List<TimeWindow> slots = AppointmentFinder.cutSlots(plan(), 1, 120);
        assertThat(slots).containsExactly(slot("08:00", "10:00"), slot("10:00", "12:00"), slot("12:00", "14:00"),
                slot("14:00", "16:00"));
        Problem underWay = plan().withNow(OffsetDateTime.parse("2026-11-23T11:00:00+01:00"));
        assertThat(AppointmentFinder.cutSlots(underWay, 1, 90)).first().isEqualTo(slot("11:00", "12:30"));
        AppointmentOffers offers = finder.offers(plan(), new AppointmentRequest(visit("CALL-3", Map.of()), null, 1,
                120));
        assertThat(offers.slots()).hasSize(4);
    }

    @Test
    void badRequestsNameTheFieldAndNothingIsJudged() throws Exception {
        Visit withWindows = new Visit("CALL-4", null, new Location(47.15, 9.515, null, null), 1800L,
                List.of(slot("08:00", "09:00")), null, null, null, null, null, null, null, null);
        assertThat(AppointmentFinder.check(new AppointmentRequest(withWindows, List.of(slot("08:00", "10:00"),
                slot("12:00", "11:00")), null, null))).extracting(Violation::path)
                .containsExactly("$.visit.timeWindows", "$.slots[1]");
        assertThat(AppointmentFinder.check(new AppointmentRequest(visit("x", null), null, 0, 5)))
                .extracting(Violation::path).containsExactly("$.days", "$.slotMinutes");
        assertThatThrownBy(() -> finder.offers(plan(), new AppointmentRequest(visit("v1", null), List.of(slot(
                "08:00", "10:00")), null, null))).isInstanceOfSatisfying(InvalidProblemException.class,
                        e -> assertThat(e.violations()).extracting(Violation::path).containsExactly("$.visit.id"));
    }

    @Test
    void aLinkedVisitIsRefusedNamingCrewIdAndAfter() {
        Visit linked = visit("CALL-5", Map.of()).withCrewId("c1").withAfter(List.of(
                new org.techroute.data.model.VisitAfter("v1", null, null, null)));
        List<Violation> errors = AppointmentFinder.check(new AppointmentRequest(linked, List.of(slot("08:00",
                "10:00")), null, null));
        assertThat(errors).extracting(Violation::path).containsExactly("$.visit.crewId", "$.visit.after");
        assertThat(errors).allSatisfy(e -> assertThat(e.message()).contains("not supported for linked visits"));
        assertThat(AppointmentFinder.check(new BookingRequest(linked, slot("08:00", "10:00"), null)))
                .extracting(Violation::path).containsExactly("$.visit.crewId", "$.visit.after");
    }
}
