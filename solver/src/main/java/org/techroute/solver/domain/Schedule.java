package org.techroute.solver.domain;

import java.util.List;

/**
 * The timing rules of a technician's day, in one place: used by the shadow variables while solving and by
 * whoever replays a route to print it, so the two can never disagree.
 * <p>
 * Rules: the technician leaves the start location at the shift start. A visit that has started keeps its
 * actual start and (expected) end. When a day is re-planned while under way, the technician leaves for a visit
 * not yet started no earlier than "now" (the shift's not-before time). At each visit, service starts at the
 * earliest moment inside a time window, and no earlier than its links allow: the service end plus minimum delay of
 * every visit it follows and, for a crew visit, the moment the last member of its crew could start (waiting if
 * early; if every window has closed, service starts on arrival and is late). A pending break is taken on arrival at a visit, before the service, when it fits into
 * the waiting time for the visit's window, or when serving first would end the service after its latest start —
 * waiting for the break's earliest start if need be; otherwise service goes first (the customer is not kept waiting
 * for a lunch that can still be taken after the service). A pending
 * break that would start after its latest start on arrival at the next stop (visit or end location), but can still
 * start in time where the technician is, is taken there before leaving (e.g. at home when the shift starts, or
 * after a started visit when a day is re-planned). Breaks still pending when the technician reaches the end
 * location are taken there if their earliest start has passed; later ones are not needed. Breaks already taken ({@link Shift#getTakenBreaks()}) are facts: they are not among
 * the shift's pending breaks, and the technician leaves for anything planned (a visit or the end location) no
 * earlier than the end of the last of them.
 */
public final class Schedule {

    /** Receives the break placements while a route is replayed. */
    public interface BreakListener {
        void breakTaken(int breakIndex, long startMillis, long endMillis);
    }

    /** A listener that ignores the break placements. */
    public static final BreakListener IGNORE = (index, start, end) -> {
    };

    private Schedule() {
    }

    /**
     * Timing of {@code visit} when the technician leaves {@code fromLocation} at {@code departureMillis}, as the last
     * visit of the route (the next stop is the shift's end location).
     */
    public static VisitTiming visit(Shift shift, int fromLocation, long departureMillis, int breaksDone, Visit visit) {
        return visit(shift, fromLocation, departureMillis, breaksDone, visit, shift.getEndLocation(), IGNORE);
    }

    public static VisitTiming visit(Shift shift, int fromLocation, long departureMillis, int breaksDone, Visit visit,
            BreakListener listener) {
        return visit(shift, fromLocation, departureMillis, breaksDone, visit, shift.getEndLocation(), listener);
    }

    /**
     * Timing of {@code visit} when the technician leaves {@code fromLocation} at {@code departureMillis} and goes on
     * to {@code nextLocation} after it (the next visit's location, or the shift's end location). The rules no longer
     * look at {@code nextLocation} (a break is taken before the trip on, where that trip would make it late), so a
     * visit's timing does not depend on the visit after it; the parameter stays for the callers that pass it.
     */
    public static VisitTiming visit(Shift shift, int fromLocation, long departureMillis, int breaksDone, Visit visit,
            int nextLocation, BreakListener listener) {
        return visit(shift, fromLocation, departureMillis, breaksDone, visit, nextLocation, listener, true);
    }

    /**
     * {@link #visit(Shift, int, long, int, Visit, int, BreakListener)}; service starts no earlier than the visit's
     * links allow as they are planned now ({@link Visit#linkedNotBeforeMillis}: the visits it follows and, with
     * {@code withCrew}, its crew). The technician waits for them as for a time window.
     */
    public static VisitTiming visit(Shift shift, int fromLocation, long departureMillis, int breaksDone, Visit visit,
            int nextLocation, BreakListener listener, boolean withCrew) {
        if (visit.isStarted()) {
            // Started or done: its times are facts, not plans.
            long start = visit.getActualStartMillis();
            long end = visit.getExpectedEndMillis() != null ? visit.getExpectedEndMillis()
                    : start + visit.getServiceDurationMillis();
            return new VisitTiming(start, start, Math.max(start, end), breaksDone, 0);
        }
        long travel = shift.getMatrix().travelMillis(fromLocation, visit.getLocation());
        List<ShiftBreak> breaks = shift.getBreaks();
        long leave = Math.max(departureMillis, shift.leaveNotBeforeMillis());
        int done = breaksDone;
        while (done < breaks.size() && breakFirst(breaks.get(done), leave, travel)) {
            ShiftBreak pending = breaks.get(done);
            long breakStart = Math.max(leave, pending.earliestStartMillis());
            listener.breakTaken(done, breakStart, breakStart + pending.durationMillis());
            leave = breakStart + pending.durationMillis();
            done++;
        }
        long arrival = leave + travel;
        long linked = visit.isCrewVisit() || visit.hasDependencies() ? visit.linkedNotBeforeMillis(withCrew)
                : Long.MIN_VALUE;
        long ready = arrival;
        long breakLateness = 0;
        while (done < breaks.size()) {
            ShiftBreak pending = breaks.get(done);
            long wouldStart = visit.serviceStartFor(Math.max(ready, linked));
            long breakStart = Math.max(ready, pending.earliestStartMillis());
            boolean fitsInWait = breakStart + pending.durationMillis() <= wouldStart;
            if (!fitsInWait && wouldStart + visit.getServiceDurationMillis() <= pending.latestStartMillis()) {
                // serve first: the break still starts in time after the service, here before leaving if the trip on
                // would pass its latest start (see breakFirst), so the customer is not kept waiting for a lunch
                break;
            }
            breakLateness += Math.max(0, breakStart - pending.latestStartMillis());
            listener.breakTaken(done, breakStart, breakStart + pending.durationMillis());
            ready = breakStart + pending.durationMillis();
            done++;
        }
        long serviceStart = visit.serviceStartFor(Math.max(ready, linked));
        return new VisitTiming(arrival, serviceStart, serviceStart + visit.getServiceDurationMillis(), done,
                breakLateness);
    }

    /**
     * Whether a pending break is taken before leaving for the next stop: when on arrival it would start after its
     * latest start, but it can still start in time where the technician is.
     */
    private static boolean breakFirst(ShiftBreak pending, long leave, long travel) {
        return Math.max(leave + travel, pending.earliestStartMillis()) > pending.latestStartMillis()
                && Math.max(leave, pending.earliestStartMillis()) <= pending.latestStartMillis();
    }

    /**
     * Whether every taken break that ends after {@code departureMillis} began only once the technician, leaving then,
     * was back at the end location: it was taken there, after the day's travel (false when there is none).
     */
    private static boolean takenOnlyAfterArrival(Shift shift, long departureMillis, long travel) {
        boolean any = false;
        for (TakenBreak taken : shift.getTakenBreaks()) {
            if (taken.endMillis() > departureMillis) {
                if (taken.startMillis() < departureMillis + travel) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** How the route ends when the technician leaves {@code fromLocation} at {@code departureMillis}. */
    public static RouteEnd end(Shift shift, int fromLocation, long departureMillis, int breaksDone) {
        return end(shift, fromLocation, departureMillis, breaksDone, IGNORE);
    }

    public static RouteEnd end(Shift shift, int fromLocation, long departureMillis, int breaksDone,
            BreakListener listener) {
        long travel = shift.getMatrix().travelMillis(fromLocation, shift.getEndLocation());
        List<ShiftBreak> breaks = shift.getBreaks();
        // a taken break after the last visit was taken before leaving, unless it began only once he was back
        long leave = takenOnlyAfterArrival(shift, departureMillis, travel) ? departureMillis
                : Math.max(departureMillis, shift.getBusyUntilMillis());
        int done = breaksDone;
        while (done < breaks.size() && breakFirst(breaks.get(done), leave, travel)) {
            ShiftBreak pending = breaks.get(done);
            long breakStart = Math.max(leave, pending.earliestStartMillis());
            listener.breakTaken(done, breakStart, breakStart + pending.durationMillis());
            leave = breakStart + pending.durationMillis();
            done++;
        }
        long arrival = leave + travel;
        long end = Math.max(arrival, shift.getBusyUntilMillis());
        long breakLateness = 0;
        while (done < breaks.size() && breaks.get(done).earliestStartMillis() <= end) {
            ShiftBreak pending = breaks.get(done);
            breakLateness += Math.max(0, end - pending.latestStartMillis());
            listener.breakTaken(done, end, end + pending.durationMillis());
            end += pending.durationMillis();
            done++;
        }
        return new RouteEnd(arrival, end, done, breakLateness);
    }
}
