package org.techroute.solver.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techroute.solver.TestData.at;
import static org.techroute.solver.TestData.minutes;
import static org.techroute.solver.TestData.shift;
import static org.techroute.solver.TestData.technician;
import static org.techroute.solver.TestData.visit;
import static org.techroute.solver.TestData.wire;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The timing rules of {@link Schedule}. Matrix: depot 0, 0-1 10 min, 1-2 15 min, 0-2 20 min; shifts start at
 * 08:00 at the depot.
 */
class ScheduleTest {

    private static final Technician ALICE = technician("alice");

    /** Records the breaks a replay places: {index, start, end}. */
    private static final class Breaks implements Schedule.BreakListener {
        final List<long[]> taken = new ArrayList<>();

        @Override
        public void breakTaken(int breakIndex, long startMillis, long endMillis) {
            taken.add(new long[] { breakIndex, startMillis, endMillis });
        }
    }

    private static Shift plainShift() {
        return shift("s1", ALICE).build();
    }

    private static Shift shiftWithBreak(long earliest, long latest, long duration) {
        return shift("s1", ALICE).addBreak(earliest, latest, duration).build();
    }

    @Test
    void arrivalInsideTheWindowStartsServiceOnArrival() {
        Visit v = visit("v1", 1).window(at(8, 0), at(9, 0)).build();
        VisitTiming timing = Schedule.visit(plainShift(), 0, at(8, 0), 0, v);
        assertThat(timing).isEqualTo(new VisitTiming(at(8, 10), at(8, 10), at(8, 40), 0, 0));
    }

    @Test
    void earlyArrivalWaitsForTheWindow() {
        Visit v = visit("v1", 1).window(at(9, 0), at(10, 0)).build();
        VisitTiming timing = Schedule.visit(plainShift(), 0, at(8, 0), 0, v);
        assertThat(timing).isEqualTo(new VisitTiming(at(8, 10), at(9, 0), at(9, 30), 0, 0));
    }

    @Test
    void arrivalBetweenWindowsWaitsForTheNextWindow() {
        Visit v = visit("v1", 1).window(at(7, 0), at(8, 5)).window(at(9, 0), at(10, 0)).build();
        VisitTiming timing = Schedule.visit(plainShift(), 0, at(8, 0), 0, v);
        assertThat(timing.serviceStartMillis()).isEqualTo(at(9, 0));
        assertThat(v.serviceStartFor(at(7, 30))).as("inside the first window").isEqualTo(at(7, 30));
        assertThat(v.serviceStartFor(at(6, 0))).as("before the first window").isEqualTo(at(7, 0));
    }

    @Test
    void arrivalAfterEveryWindowStartsLateOnArrival() {
        Visit v = visit("v1", 1).window(at(7, 0), at(7, 30)).window(at(7, 45), at(8, 5)).build();
        wire(plainShift(), v);
        assertThat(v.getTiming().serviceStartMillis()).isEqualTo(at(8, 10));
        assertThat(v.lateMillis()).isEqualTo(minutes(5));
    }

    @Test
    void visitWithoutWindowsIsNeverLate() {
        Visit v = visit("v1", 1).build();
        wire(shift("s1", ALICE).hours(at(23, 0), at(23, 59)).build(), v);
        assertThat(v.getTiming().serviceStartMillis()).isEqualTo(at(23, 10));
        assertThat(v.lateMillis()).isZero();
    }

    @Test
    void breakIsTakenDuringWaitingTime() {
        // arrival 08:10, window opens 09:00; break [08:00, 10:00] 30 min fits in the wait: 08:10-08:40
        Shift s = shiftWithBreak(at(8, 0), at(10, 0), minutes(30));
        Visit v = visit("v1", 1).window(at(9, 0), at(10, 0)).build();
        Breaks breaks = new Breaks();
        VisitTiming timing = Schedule.visit(s, 0, at(8, 0), 0, v, breaks);
        assertThat(timing).isEqualTo(new VisitTiming(at(8, 10), at(9, 0), at(9, 30), 1, 0));
        assertThat(breaks.taken).containsExactly(new long[] { 0, at(8, 10), at(8, 40) });
    }

    @Test
    void breakWaitsForItsEarliestStartInsideTheWaitingTime() {
        // arrival 08:10, window opens 09:30; break earliest 08:45 -> 08:45-09:15, service 09:30
        Shift s = shiftWithBreak(at(8, 45), at(10, 0), minutes(30));
        Visit v = visit("v1", 1).window(at(9, 30), at(10, 0)).build();
        Breaks breaks = new Breaks();
        VisitTiming timing = Schedule.visit(s, 0, at(8, 0), 0, v, breaks);
        assertThat(timing.serviceStartMillis()).isEqualTo(at(9, 30));
        assertThat(timing.breaksDone()).isEqualTo(1);
        assertThat(breaks.taken).containsExactly(new long[] { 0, at(8, 45), at(9, 15) });
    }

    @Test
    void breakIsPostponedAfterTheVisitWhenItStillFits() {
        // arrival 08:10, no window; break [08:00, 10:00]: serving first ends 08:40, back at the depot 08:50
        // <= 10:00, so service goes first and the break stays pending
        Shift s = shiftWithBreak(at(8, 0), at(10, 0), minutes(30));
        Visit v = visit("v1", 1).build();
        Breaks breaks = new Breaks();
        VisitTiming timing = Schedule.visit(s, 0, at(8, 0), 0, v, breaks);
        assertThat(timing).isEqualTo(new VisitTiming(at(8, 10), at(8, 10), at(8, 40), 0, 0));
        assertThat(breaks.taken).isEmpty();
        // ... and is then taken on arrival at the end location
        RouteEnd end = Schedule.end(s, 1, timing.departureMillis(), timing.breaksDone(), breaks);
        assertThat(end).isEqualTo(new RouteEnd(at(8, 50), at(9, 20), 1, 0));
        assertThat(breaks.taken).containsExactly(new long[] { 0, at(8, 50), at(9, 20) });
    }

    @Test
    void breakIsForcedBeforeTheVisitWhenServingFirstWouldMakeItLate() {
        // arrival 08:10; break [08:00, 08:30]: serving first would reach the next stop at 08:50 > 08:30, so the
        // break is taken on arrival 08:10-08:40 and service starts 08:40
        Shift s = shiftWithBreak(at(8, 0), at(8, 30), minutes(30));
        Visit v = visit("v1", 1).build();
        Breaks breaks = new Breaks();
        VisitTiming timing = Schedule.visit(s, 0, at(8, 0), 0, v, breaks);
        assertThat(timing).isEqualTo(new VisitTiming(at(8, 10), at(8, 40), at(9, 10), 1, 0));
        assertThat(breaks.taken).containsExactly(new long[] { 0, at(8, 10), at(8, 40) });
    }

    @Test
    void serviceGoesFirstWhenTheBreakStillStartsInTimeAfterItBeforeTheTripOn() {
        // shift 11:40 at the depot, lunch [12:00, 12:30] 30 min; A at 1 (10 min from the depot), B at 3 (25 min
        // from A, window 13:00-14:00). Arrival at A 11:50: A 11:50-12:20 ends before the lunch's latest start, so
        // A is served first (the customer does not wait for a lunch); reaching B at 12:45 would start lunch late, so
        // lunch is taken at A before leaving, 12:20-12:50, and B starts on arrival at 13:15. Nothing is late, and
        // the day is the same length as with lunch first (issue 12: the decision once looked at the trip home and
        // missed that B fits at all).
        Shift s = shift("s1", ALICE).hours(at(11, 40), at(16, 0)).addBreak(at(12, 0), at(12, 30), minutes(30))
                .build();
        Visit a = visit("A", 1).build();
        Visit b = visit("B", 3).window(at(13, 0), at(14, 0)).build();
        wire(s, a, b);
        assertThat(a.getTiming()).isEqualTo(new VisitTiming(at(11, 50), at(11, 50), at(12, 20), 0, 0));
        assertThat(b.getTiming()).isEqualTo(new VisitTiming(at(13, 15), at(13, 15), at(13, 45), 1, 0));
        assertThat(s.routeEnd().breakLatenessMillis()).isZero();
        // the shadow variable supplier agrees, with the next visit known
        assertThat(a.timingSupplier()).isEqualTo(a.getTiming());
        assertThat(b.timingSupplier()).isEqualTo(b.getTiming());
        // A alone (next stop the depot): serving first still leaves room for lunch on the way back
        wire(s, a);
        assertThat(a.getTiming()).isEqualTo(new VisitTiming(at(11, 50), at(11, 50), at(12, 20), 0, 0));
        assertThat(s.routeEnd()).isEqualTo(new RouteEnd(at(12, 30), at(13, 0), 1, 0));
    }

    @Test
    void aBreakThatWouldBeLateOnArrivalIsTakenBeforeLeaving() {
        // break [08:00, 08:05] 30 min; the first visit is 10 min away: on arrival (08:10) the break would be late,
        // so it is taken at the depot 08:00-08:30, arrival 08:40
        Shift s = shiftWithBreak(at(8, 0), at(8, 5), minutes(30));
        Visit v = visit("v1", 1).build();
        Breaks breaks = new Breaks();
        VisitTiming timing = Schedule.visit(s, 0, at(8, 0), 0, v, breaks);
        assertThat(timing).isEqualTo(new VisitTiming(at(8, 40), at(8, 40), at(9, 10), 1, 0));
        assertThat(breaks.taken).containsExactly(new long[] { 0, at(8, 0), at(8, 30) });
        // also before the way home when the last visit is a started one
        Shift home = shiftWithBreak(at(9, 0), at(9, 5), minutes(30));
        Breaks atEnd = new Breaks();
        RouteEnd end = Schedule.end(home, 1, at(9, 0), 0, atEnd);
        assertThat(end).isEqualTo(new RouteEnd(at(9, 40), at(9, 40), 1, 0));
        assertThat(atEnd.taken).containsExactly(new long[] { 0, at(9, 0), at(9, 30) });
    }

    @Test
    void technicianWaitsForABreakNotYetOpenWhenServingFirstWouldMakeItLate() {
        // arrival 08:10, break [08:30, 09:00]; serving the 2 h visit first would start the break after 10:10,
        // so the technician waits until 08:30, takes the break 08:30-09:00 and serves 09:00-11:00
        Shift s = shiftWithBreak(at(8, 30), at(9, 0), minutes(30));
        Visit v1 = visit("v1", 1).service(minutes(120)).build();
        Visit v2 = visit("v2", 2).build();
        Breaks breaks = new Breaks();
        VisitTiming timing = Schedule.visit(s, 0, at(8, 0), 0, v1, breaks);
        assertThat(timing).isEqualTo(new VisitTiming(at(8, 10), at(9, 0), at(11, 0), 1, 0));
        assertThat(breaks.taken).containsExactly(new long[] { 0, at(8, 30), at(9, 0) });
        wire(s, v1, v2);
        assertThat(v2.getTiming().breakLatenessMillis()).isZero();
    }

    @Test
    void breakAtTheEndLocationIsLateWhenTheRouteReturnsAfterItsLatestStart() {
        Shift s = shiftWithBreak(at(8, 30), at(9, 0), minutes(30));
        Breaks breaks = new Breaks();
        RouteEnd end = Schedule.end(s, 1, at(10, 10), 0, breaks);
        // back 10:20, break 10:20-10:50, 80 min after its latest start
        assertThat(end).isEqualTo(new RouteEnd(at(10, 20), at(10, 50), 1, minutes(80)));
        assertThat(breaks.taken).containsExactly(new long[] { 0, at(10, 20), at(10, 50) });
    }

    @Test
    void breakIsNotNeededWhenTheRouteEndsBeforeItsEarliestStart() {
        Shift s = shiftWithBreak(at(12, 0), at(13, 0), minutes(30));
        Visit v = visit("v1", 1).build();
        wire(s, v);
        RouteEnd end = s.routeEnd();
        assertThat(end).isEqualTo(new RouteEnd(at(8, 50), at(8, 50), 0, 0));
        assertThat(s.overtimeMillis()).isZero();
    }

    @Test
    void twoBreaksAreTakenInOrder() {
        // breaks [08:00, 08:30] 15 min and [08:00, 12:00] 10 min; window opens 10:00, arrival 08:10:
        // both fit in the wait: 08:10-08:25 and 08:25-08:35
        Shift s = shift("s1", ALICE).addBreak(at(8, 0), at(8, 30), minutes(15))
                .addBreak(at(8, 0), at(12, 0), minutes(10)).build();
        Visit v = visit("v1", 1).window(at(10, 0), at(11, 0)).build();
        Breaks breaks = new Breaks();
        VisitTiming timing = Schedule.visit(s, 0, at(8, 0), 0, v, breaks);
        assertThat(timing.breaksDone()).isEqualTo(2);
        assertThat(timing.serviceStartMillis()).isEqualTo(at(10, 0));
        assertThat(breaks.taken).containsExactly(new long[] { 0, at(8, 10), at(8, 25) },
                new long[] { 1, at(8, 25), at(8, 35) });
    }

    @Test
    void timingSupplierFollowsSchedule() {
        // the shadow variable supplier and the test helper that mirrors it agree along a route with a break
        Shift s = shiftWithBreak(at(8, 30), at(9, 0), minutes(30));
        Visit v1 = visit("v1", 1).build();
        Visit v2 = visit("v2", 2).window(at(9, 30), at(11, 0)).build();
        Visit v3 = visit("v3", 3).build();
        wire(s, v1, v2, v3);
        for (Visit v : List.of(v1, v2, v3)) {
            assertThat(v.timingSupplier()).as(v.getId()).isEqualTo(v.getTiming());
        }
        // v1 08:10-08:40; v2 arrives 08:55, serving first (09:30-10:00 +20 back) is too late for 09:00 -> break
        // 08:55-09:25, service 09:30-10:00; v3 10:12-10:42
        assertThat(v2.getTiming()).isEqualTo(new VisitTiming(at(8, 55), at(9, 30), at(10, 0), 1, 0));
        assertThat(v3.getTiming()).isEqualTo(new VisitTiming(at(10, 12), at(10, 12), at(10, 42), 1, 0));
    }

    @Test
    void unassignedVisitHasNoTiming() {
        assertThat(visit("v1", 1).build().timingSupplier()).isNull();
    }

    @Test
    void aStartedVisitKeepsItsActualTimesAndTheRestFollowIt() {
        // v1 started at 08:30 and is expected to run until 10:00; v2 (15 min away) follows: arrival 10:15
        Shift s = shiftWithBreak(at(12, 0), at(13, 0), minutes(30));
        Visit v1 = visit("v1", 1).build();
        v1.setStarted(at(8, 30), at(10, 0));
        Visit v2 = visit("v2", 2).build();
        wire(s, v1, v2);
        assertThat(v1.getTiming()).isEqualTo(new VisitTiming(at(8, 30), at(8, 30), at(10, 0), 0, 0));
        assertThat(v2.getTiming().arrivalMillis()).isEqualTo(at(10, 15));
        assertThat(v1.lateMillis()).isZero();
    }

    @Test
    void visitsNotStartedCannotStartBeforeNow() {
        // re-planned at 11:00: the technician leaves for v1 no earlier than 11:00, arriving 11:10
        Shift s = shiftWithBreak(at(15, 0), at(16, 0), minutes(30));
        s.setNotBeforeMillis(at(11, 0));
        Visit v1 = visit("v1", 1).build();
        wire(s, v1);
        assertThat(v1.getTiming().arrivalMillis()).isEqualTo(at(11, 10));
    }
}
