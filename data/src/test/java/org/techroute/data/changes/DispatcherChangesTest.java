package org.techroute.data.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import org.techroute.data.json.ProblemJson;
import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.model.Location;
import org.techroute.data.model.Options;
import org.techroute.data.model.Pin;
import org.techroute.data.model.Priority;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;
import org.techroute.data.model.Shift;
import org.techroute.data.model.ShiftBreak;
import org.techroute.data.model.Solution;
import org.techroute.data.model.Step;
import org.techroute.data.model.Technician;
import org.techroute.data.model.TimeWindow;
import org.techroute.data.model.TravelMode;
import org.techroute.data.model.UnassignedVisit;
import org.techroute.data.model.Violation;
import org.techroute.data.model.Visit;
import org.techroute.data.solve.Planner;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.InvalidProblemException;
import org.techroute.data.validation.ProblemValidator;

/**
 * Live changes as a dispatcher means them, on a hand-made plan whose times are written out (no solving
 * needed to know where everybody is): tom's route is a 09:00-10:00, b 10:30-11:30, c 13:00-14:00 (lunch
 * 12:00-12:30 in between); una's is e 09:00-10:00.
 */
class DispatcherChangesTest {

    static final Location DEPOT = Location.ofLatLon(47.140, 9.520);
    static final Location TOM_HOME = Location.ofLatLon(47.165, 9.510);
    static final Location A = Location.ofLatLon(47.141, 9.522);
    static final Location B = Location.ofLatLon(47.150, 9.515);
    static final Location C = Location.ofLatLon(47.155, 9.507);
    static final Location E = Location.ofLatLon(47.145, 9.530);

    static OffsetDateTime at(String time) {
        return OffsetDateTime.parse("2026-11-23T" + time + ":00+01:00");
    }

    static Visit visit(String id, Location location, long seconds, Pin pin) {
        return new Visit(id, null, location, seconds, List.of(new TimeWindow(at("08:00"), at("16:00"))),
                null, null, Priority.NORMAL, null, null, null, null, pin);
    }

    static Step service(String visitId, String start, String end) {
        return new Step(Step.StepType.SERVICE, visitId, at(start), at(end), null, at(start), null, null);
    }

    static Route route(String shiftId, String technicianId, List<String> ids, Step... steps) {
        return new Route(shiftId, technicianId, ids, null, null, null, null, null, null, null, null, List.of(steps));
    }

    /** The plan; {@code edit} may change the visits (e.g. pins) before the plan is made. */
    static Problem plan(Function<List<Visit>, List<Visit>> edit) {
        List<Technician> technicians = List.of(
                new Technician("tom", null, null, null, TOM_HOME, null),
                new Technician("una", null, null, null, DEPOT, null));
        List<Shift> shifts = List.of(
                new Shift("tom-mon", "tom", at("08:00"), at("16:00"), DEPOT, null, 3600L,
                        List.of(new ShiftBreak(at("12:00"), at("13:00"), 1800L)), null),
                new Shift("una-mon", "una", at("08:00"), at("16:00"), null, null, 0L, null, null));
        List<Visit> visits = new ArrayList<>(List.of(
                visit("a", A, 3600, null), visit("b", B, 3600, null), visit("c", C, 3600, null),
                visit("e", E, 3600, null), visit("x", E, 600, null)));
        visits = edit.apply(visits);
        Solution solution = new Solution("0hard/0medium/0soft", true, null, List.of(
                route("tom-mon", "tom", List.of("a", "b", "c"), service("a", "09:00", "10:00"),
                        service("b", "10:30", "11:30"), service("c", "13:00", "14:00")),
                route("una-mon", "una", List.of("e"), service("e", "09:00", "10:00"))),
                List.of(new UnassignedVisit("x", Priority.NORMAL, "NO_ROOM", "no room")), null, null, null);
        return new Problem("a day", null, new Options(java.time.Duration.ofSeconds(5), TravelMode.HAVERSINE, 35.0, 1L, 50L, null),
                technicians, shifts, visits, solution);
    }

    static Problem plan() {
        return plan(visits -> visits);
    }

    static Visit visitOf(Problem problem, String id) {
        return problem.visits().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    }

    static Shift shiftOf(Problem problem, String id) {
        return problem.shifts().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    static List<Violation> violations(Problem plan, PlanChangeRequest request) {
        try {
            ChangeApplier.apply(plan, request);
        } catch (InvalidProblemException e) {
            return e.violations();
        }
        throw new AssertionError("the changes were applied");
    }

    static PlanChangeRequest request(OffsetDateTime now, PlanChange... changes) {
        return new PlanChangeRequest(now, List.of(changes));
    }

    // --- TECHNICIAN_UNAVAILABLE ---

    @Test
    void anAbsentTechniciansPinWithoutStartIsReleasedForAColleague() {
        Problem plan = plan(visits -> {
            visits.set(0, visits.get(0).withPin(new Pin("tom-mon", 0)));
            return visits;
        });
        Problem changed = ChangeApplier.apply(plan, request(at("08:05"),
                new PlanChange.TechnicianUnavailable("tom", at("08:30"))));
        assertThat(visitOf(changed, "a").pin()).isNull();
        assertThat(changed.solution().routes()).filteredOn(r -> r.shiftId().equals("tom-mon"))
                .allSatisfy(r -> assertThat(r.visitIds()).isEmpty());
        // and the re-plan is feasible: una takes the morning visit
        Planner planner = new Planner(new ProblemMapper(new ProblemValidator(), TravelMatrices.withoutRoads()));
        Problem replanned = planner.solve(changed, progress -> {
        });
        assertThat(replanned.solution().feasible()).as(replanned.solution().score()).isTrue();
        assertThat(replanned.solution().routes()).filteredOn(r -> r.shiftId().equals("una-mon"))
                .allSatisfy(r -> assertThat(r.visitIds()).contains("a"));
    }

    @Test
    void visitsHeNeverDidAreNotPinnedAsDoneWhenFromIsBeforeNow() {
        // he went home at 10:00, the dispatcher hears of it at 11:00: b (planned 10:30) never happened
        Problem changed = ChangeApplier.apply(plan(), request(at("11:00"),
                new PlanChange.TechnicianUnavailable("tom", at("10:00"))));
        assertThat(visitOf(changed, "a").pin()).isEqualTo(new Pin("tom-mon", 0, at("09:00"), null));
        assertThat(visitOf(changed, "b").pin()).isNull();
        Shift tom = shiftOf(changed, "tom-mon");
        assertThat(tom.end()).isEqualTo(at("10:00"));
        assertThat(tom.endLocation()).as("he was at a when he stopped").isEqualTo(A);
        assertThat(changed.solution().routes()).filteredOn(r -> r.shiftId().equals("tom-mon"))
                .singleElement().satisfies(r -> assertThat(r.visitIds()).containsExactly("a"));
        // una's visit that started before now is pinned as usual
        assertThat(visitOf(changed, "e").pin()).isEqualTo(new Pin("una-mon", 0, at("09:00"), null));
    }

    @Test
    void withoutNowTheVisitHeIsOnAtFromIsInProgressAndKept() {
        Problem changed = ChangeApplier.apply(plan(), request(null,
                new PlanChange.TechnicianUnavailable("tom", at("09:30"))));
        assertThat(visitOf(changed, "a").pin()).isEqualTo(new Pin("tom-mon", 0, at("09:00"), null));
        assertThat(visitOf(changed, "b").pin()).isNull();
        Shift tom = shiftOf(changed, "tom-mon");
        assertThat(tom.end()).as("he finishes a").isEqualTo(at("10:00"));
        assertThat(tom.endLocation()).isEqualTo(A);
        assertThat(tom.maxOvertimeSeconds()).isZero();
    }

    @Test
    void beforeHisFirstVisitHeEndsWhereHeStarted() {
        Problem changed = ChangeApplier.apply(plan(), request(at("08:45"),
                new PlanChange.TechnicianUnavailable("tom", at("08:30"))));
        Shift tom = shiftOf(changed, "tom-mon");
        assertThat(tom.end()).isEqualTo(at("08:30"));
        assertThat(tom.endLocation()).as("his start location, not his home").isEqualTo(DEPOT);
    }

    @Test
    void travellingBetweenVisitsHeEndsAtTheLastVisitHeFinished() {
        Problem changed = ChangeApplier.apply(plan(), request(at("10:15"),
                new PlanChange.TechnicianUnavailable("tom", at("10:15"))));
        Shift tom = shiftOf(changed, "tom-mon");
        assertThat(tom.end()).isEqualTo(at("10:15"));
        assertThat(tom.endLocation()).isEqualTo(A);
    }

    @Test
    void breaksAfterTheNewEndAreDropped() {
        Problem changed = ChangeApplier.apply(plan(), request(at("11:00"),
                new PlanChange.TechnicianUnavailable("tom", at("11:00"))));
        Shift tom = shiftOf(changed, "tom-mon");
        assertThat(tom.end()).as("b is in progress").isEqualTo(at("11:30"));
        assertThat(tom.breaksOrEmpty()).as("lunch from 12:00 is not needed any more").isEmpty();
        // re-planned: feasible, and tom takes no lunch after going home
        Planner planner = new Planner(new ProblemMapper(new ProblemValidator(), TravelMatrices.withoutRoads()));
        Problem replanned = planner.solve(changed, progress -> {
        });
        assertThat(replanned.solution().feasible()).as(replanned.solution().score()).isTrue();
        Route tomsDay = replanned.solution().routes().stream().filter(r -> r.shiftId().equals("tom-mon"))
                .findFirst().orElseThrow();
        assertThat(tomsDay.steps()).noneMatch(step -> step.type() == Step.StepType.BREAK);
        assertThat(tomsDay.end()).isBeforeOrEqualTo(at("11:30"));
        Problem shortened = ChangeApplier.apply(plan(), request(null,
                new PlanChange.ShortenShift("tom-mon", at("12:00"))));
        assertThat(shiftOf(shortened, "tom-mon").breaksOrEmpty()).isEmpty();
    }

    @Test
    void aStartedVisitGetsNoWarningThatNobodyCanServeIt() {
        Problem plan = plan(visits -> {
            visits.set(0, new Visit("a", null, A, 3600L, List.of(new TimeWindow(at("08:00"), at("09:30"))),
                    java.util.Map.of("welding", 3), null, Priority.NORMAL, null, null, null, null,
                    new Pin("tom-mon", 0, at("09:00"), null)));
            visits.set(1, new Visit("b", null, B, 3600L, List.of(new TimeWindow(at("08:00"), at("09:30"))),
                    java.util.Map.of("welding", 3), null, Priority.NORMAL, null, null, null, null, null));
            return visits;
        }).withNow(at("10:00"));
        var mapped = new ProblemMapper(new ProblemValidator(), TravelMatrices.withoutRoads()).map(plan);
        assertThat(mapped.warnings()).extracting(Violation::entityId).contains("b").doesNotContain("a");
        assertThat(mapped.warnings()).filteredOn(w -> "b".equals(w.entityId())).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("(SKILL)"));
    }

    // --- UNPIN, VISIT_DONE, CANCEL_VISIT ---

    @Test
    void unpinReleasesAPinWithoutStartAndTheLaterPinsMoveUp() {
        Problem plan = plan(visits -> {
            visits.set(0, visits.get(0).withPin(new Pin("tom-mon", 0)));
            visits.set(1, visits.get(1).withPin(new Pin("tom-mon", 1)));
            return visits;
        });
        Problem changed = ChangeApplier.apply(plan, request(null, new PlanChange.Unpin("a")));
        assertThat(visitOf(changed, "a").pin()).isNull();
        assertThat(visitOf(changed, "b").pin()).isEqualTo(new Pin("tom-mon", 0));
        assertThat(changed.solution().routes().get(0).visitIds()).contains("a");
    }

    @Test
    void aStartedVisitCannotBeUnpinnedAndMissingIdsAreNamed() {
        assertThat(violations(plan(), request(at("09:30"), new PlanChange.Unpin("a"), new PlanChange.Unpin("c"),
                new PlanChange.Unpin(null), new PlanChange.CancelVisit(null))))
                .extracting(Violation::path, Violation::entityId)
                .containsExactly(tuple("$.changes[0].visitId", "a"), tuple("$.changes[1].visitId", "c"),
                        tuple("$.changes[2].visitId", null), tuple("$.changes[3].visitId", null));
        List<Violation> violations = violations(plan(), request(at("09:30"), new PlanChange.Unpin("a"),
                new PlanChange.CancelVisit(null)));
        assertThat(violations.get(0).message()).contains("started").contains("cannot be unpinned");
        assertThat(violations.get(1).message()).contains("missing").doesNotContain("null");
    }

    @Test
    void cancellingAPinnedVisitUnpinsIt() {
        Problem plan = plan(visits -> {
            visits.set(0, visits.get(0).withPin(new Pin("tom-mon", 0)));
            visits.set(1, visits.get(1).withPin(new Pin("tom-mon", 1)));
            return visits;
        });
        Problem changed = ChangeApplier.apply(plan, request(null, new PlanChange.CancelVisit("a")));
        assertThat(changed.visits()).extracting(Visit::id).doesNotContain("a");
        assertThat(visitOf(changed, "b").pin()).isEqualTo(new Pin("tom-mon", 0));
        assertThat(new ProblemValidator().validate(changed).errors()).isEmpty();
    }

    @Test
    void aDoneVisitKeepsItsActualStartAndEnd() {
        // at 11:40 b is taken as started at 10:30 (the plan); it was done at 11:20
        Problem changed = ChangeApplier.apply(plan(), request(at("11:40"),
                new PlanChange.VisitDone("b", at("11:20"))));
        assertThat(visitOf(changed, "b").pin()).isEqualTo(new Pin("tom-mon", 1, at("10:30"), at("11:20")));
        // without now and without a recorded start: the planned start, or the one given
        Problem planned = ChangeApplier.apply(plan(), request(null, new PlanChange.VisitDone("b", at("11:20"))));
        assertThat(visitOf(planned, "b").pin()).isEqualTo(new Pin("tom-mon", 0, at("10:30"), at("11:20")));
        Problem given = ChangeApplier.apply(plan(), request(at("09:30"),
                new PlanChange.VisitDone("c", at("08:10"), at("08:50"), null)));
        assertThat(visitOf(given, "c").pin()).as("before a, which started at 09:00")
                .isEqualTo(new Pin("tom-mon", 0, at("08:10"), at("08:50")));
        assertThat(visitOf(given, "a").pin()).isEqualTo(new Pin("tom-mon", 1, at("09:00"), null));
        assertThat(new ProblemValidator().validate(given).errors()).isEmpty();
    }

    @Test
    void aDoneVisitThatWasNotPlannedNeedsItsShiftAndStart() {
        assertThat(violations(plan(), request(null, new PlanChange.VisitDone("x", at("09:00"), at("09:10"), null),
                new PlanChange.VisitDone("x", null, at("09:10"), "una-mon"),
                new PlanChange.VisitDone("a", at("09:00"), at("08:00"), null),
                new PlanChange.VisitDone("a", null, null, null))))
                .extracting(Violation::path, Violation::entityId)
                .containsExactly(tuple("$.changes[0].shiftId", "x"), tuple("$.changes[1].start", "x"),
                        tuple("$.changes[2].end", "a"), tuple("$.changes[3].end", "a"));
        Problem changed = ChangeApplier.apply(plan(), request(at("09:30"),
                new PlanChange.VisitDone("x", at("08:30"), at("08:40"), "una-mon")));
        assertThat(visitOf(changed, "x").pin()).isEqualTo(new Pin("una-mon", 0, at("08:30"), at("08:40")));
        assertThat(visitOf(changed, "e").pin()).isEqualTo(new Pin("una-mon", 1, at("09:00"), null));
        assertThat(changed.solution().routes().get(1).visitIds()).containsExactly("x", "e");
    }

    @Test
    void aVisitDoneOnAnotherShiftCannotGoIntoTheRunningSolver() {
        assertThat(LiveProblemChange.canApplyLive(request(null, new PlanChange.VisitDone("b", at("11:20"))),
                plan())).isTrue();
        assertThat(LiveProblemChange.canApplyLive(request(null, new PlanChange.Unpin("b")), plan())).isTrue();
        assertThat(LiveProblemChange.canApplyLive(request(null,
                new PlanChange.VisitDone("b", at("10:30"), at("11:20"), "una-mon")), plan())).isFalse();
        assertThat(LiveProblemChange.canApplyLive(request(null,
                new PlanChange.VisitDone("x", at("10:30"), at("11:20"), "una-mon")), plan())).isFalse();
    }

    @Test
    void aVisitJoiningACrewOfThePlanCannotGoIntoTheRunningSolver() {
        // the running solution's crew mates would not know their new member: the run restarts from the changed plan
        Problem crewed = plan(visits -> visits.stream().map(v -> v.id().equals("c") || v.id().equals("e")
                ? v.withCrewId("k1") : v).toList());
        assertThat(LiveProblemChange.canApplyLive(request(null,
                new PlanChange.AddVisit(visit("n", E, 600, null).withCrewId("k1"))), crewed)).isFalse();
        // a new crew of new visits, and a new visit after a planned one, go live
        assertThat(LiveProblemChange.canApplyLive(request(null,
                new PlanChange.AddVisit(visit("n", E, 600, null).withCrewId("k2")),
                new PlanChange.AddVisit(visit("m", E, 600, null).withCrewId("k2")),
                new PlanChange.AddVisit(visit("o", E, 600, null).withAfter(List.of(
                        new org.techroute.data.model.VisitAfter("c", null, null, null))))), crewed)).isTrue();
    }

    @Test
    void aNewVisitCannotJoinACrewThatHasStarted() {
        // a (tom) and e (una) are a crew, both served from 09:00; at 09:30 they have started
        Problem crewed = plan(visits -> visits.stream().map(v -> v.id().equals("a") || v.id().equals("e")
                ? v.withCrewId("k1") : v).toList());
        assertThat(violations(crewed, request(at("09:30"), new PlanChange.AddVisit(visit("n", E, 600, null)
                .withCrewId("k1"))))).containsExactly(new Violation("$.changes[0].visit.crewId", "n",
                        "crew 'k1' has started (visit a); a new visit cannot join it"));
        // before it starts, it can
        Problem changed = ChangeApplier.apply(crewed, request(at("08:30"), new PlanChange.AddVisit(
                visit("n", E, 600, null).withCrewId("k1"))));
        assertThat(visitOf(changed, "n").crewId()).isEqualTo("k1");
    }

    @Test
    void aVisitCannotRunLongPastTheStartOfTheNextVisitItsTechnicianStarted() {
        // at 11:00 tom has started a (09:00) and b (10:30)
        assertThat(violations(plan(), request(at("11:00"), new PlanChange.VisitRunsLong("a", at("11:00")))))
                .extracting(Violation::path, Violation::entityId).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("$.changes[0].expectedEnd", "a"));
        Problem changed = ChangeApplier.apply(plan(), request(at("11:00"), new PlanChange.VisitRunsLong("a",
                at("10:15"))));
        assertThat(visitOf(changed, "a").pin().end()).isEqualTo(at("10:15"));
    }

    // --- freeze ---

    @Test
    void visitsWithinTheFreezeKeepTheirTechnicianOrderAndTime() {
        Problem changed = ChangeApplier.apply(plan(), new PlanChangeRequest(at("10:00"), List.of(), 45));
        assertThat(visitOf(changed, "a").pin()).isEqualTo(new Pin("tom-mon", 0, at("09:00"), null));
        assertThat(visitOf(changed, "b").pin()).as("tom is driving to b").isEqualTo(
                new Pin("tom-mon", 1, at("10:30"), null));
        assertThat(visitOf(changed, "c").pin()).isNull();
        // a frozen visit has not started: it can still be cancelled or unpinned
        Problem cancelled = ChangeApplier.apply(changed, request(at("10:05"), new PlanChange.CancelVisit("b")));
        assertThat(cancelled.visits()).extracting(Visit::id).doesNotContain("b");
        Problem unpinned = ChangeApplier.apply(changed, request(at("10:05"), new PlanChange.Unpin("b")));
        assertThat(visitOf(unpinned, "b").pin()).isNull();
    }

    @Test
    void aFrozenVisitIsReleasedWhenTheVisitBeforeItRunsPastItsStart() {
        Problem changed = ChangeApplier.apply(plan(), new PlanChangeRequest(at("10:00"), List.of(
                new PlanChange.VisitRunsLong("a", at("10:50"))), 45));
        assertThat(visitOf(changed, "a").pin()).isEqualTo(new Pin("tom-mon", 0, at("09:00"), at("10:50")));
        assertThat(visitOf(changed, "b").pin()).as("b cannot start at 10:30 any more").isNull();
        Problem inTime = ChangeApplier.apply(plan(), new PlanChangeRequest(at("10:00"), List.of(
                new PlanChange.VisitRunsLong("a", at("10:20"))), 45));
        assertThat(visitOf(inTime, "b").pin()).isEqualTo(new Pin("tom-mon", 1, at("10:30"), null));
    }

    @Test
    void aFreezeMustNotBeNegativeAndNeedsNow() {
        assertThat(violations(plan(), new PlanChangeRequest(at("10:00"), List.of(), -5)))
                .extracting(Violation::path).containsExactly("$.freezeMinutes");
        assertThat(violations(plan(), new PlanChangeRequest(null, List.of(new PlanChange.Unpin("x")), 30)))
                .extracting(Violation::path).contains("$.freezeMinutes");
    }

    // --- ADD_SHIFT ---

    @Test
    void aShiftThatOverlapsAnotherOfTheSameTechnicianIsRefused() {
        Shift evening = new Shift("tom-eve", "tom", at("15:00"), at("20:00"), null, null, null, null, null);
        List<Violation> violations = violations(plan(), request(null, new PlanChange.AddShift(evening)));
        assertThat(violations).extracting(Violation::path, Violation::entityId)
                .containsExactly(tuple("$.changes[0].shift.start", "tom-eve"));
        assertThat(violations.get(0).message()).contains("tom-eve").contains("tom-mon");
        Shift late = new Shift("tom-late", "tom", at("16:00"), at("20:00"), null, null, null, null, null);
        assertThat(shiftOf(ChangeApplier.apply(plan(), request(null, new PlanChange.AddShift(late))),
                "tom-late")).isEqualTo(late);
    }

    // --- JSON ---

    @Test
    void theNewChangeTypesAndTheFreezeReadFromJson() throws Exception {
        PlanChangeRequest request = ProblemJson.read(new ByteArrayInputStream(("""
                {"now": "2026-11-23T10:30:00+01:00", "freezeMinutes": 20, "changes": [
                  {"type": "UNPIN", "visitId": "v4"},
                  {"type": "VISIT_DONE", "visitId": "v2", "end": "2026-11-23T10:10:00+01:00"}]}
                """).getBytes(StandardCharsets.UTF_8)), PlanChangeRequest.class, "a change request");
        assertThat(request.freezeMinutes()).isEqualTo(20);
        assertThat(request.changes()).containsExactly(new PlanChange.Unpin("v4"),
                new PlanChange.VisitDone("v2", at("10:10")));
    }

    // --- the diff ---

    @Test
    void theDiffNamesANewVisitLeftUnassignedAndCountsTheVisitsMoved() {
        Solution before = plan().solution();
        Solution after = new Solution("0hard/-1medium/0soft", true, null, List.of(
                route("tom-mon", "tom", List.of("a", "c"), service("a", "09:00", "10:00"),
                        service("c", "13:30", "14:30")),
                route("una-mon", "una", List.of("e", "b"), service("e", "09:00", "10:00"),
                        service("b", "10:30", "11:30"))),
                List.of(new UnassignedVisit("x", Priority.NORMAL, "NO_ROOM", "no room"),
                        new UnassignedVisit("emergency", Priority.CRITICAL, "SKILL", "nobody has the skill")),
                null, null, null);
        PlanDiff diff = PlanDiff.between(before, after);
        assertThat(diff.unassigned()).extracting(UnassignedVisit::visitId, UnassignedVisit::reason)
                .containsExactly(tuple("emergency", "SKILL"));
        assertThat(diff.reassigned()).extracting(PlanDiff.Reassigned::visitId).containsExactly("b");
        assertThat(diff.timesShifted()).extracting(PlanDiff.Shifted::visitId).containsExactly("c");
        assertThat(diff.visitsMoved()).isEqualTo(2);
        assertThat(ProblemJson.mapper().valueToTree(diff).has("visitsMoved")).isTrue();
    }
}
