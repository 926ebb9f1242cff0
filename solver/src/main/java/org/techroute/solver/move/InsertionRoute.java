package org.techroute.solver.move;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.techroute.solver.domain.Priority;
import org.techroute.solver.domain.RouteEnd;
import org.techroute.solver.domain.Schedule;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Visit;
import org.techroute.solver.domain.VisitTiming;
import org.techroute.solver.travel.TravelTimeMatrix;

/**
 * A working copy of one shift's route with what a cheap insertion test needs: the planned times of every visit
 * (replayed with {@link Schedule}, breaks included) and, backwards, the latest service start of every visit that
 * keeps the later visits inside their windows and the day inside shift end plus maximum overtime. With those, the
 * test of an insertion is O(1) instead of a replay of the route's tail.
 * <p>
 * The latest starts ignore breaks and take the last time window of a visit as its deadline, so the O(1) test is an
 * approximation for routes with breaks or several windows; {@link #keepsFeasibility} replays the route to confirm a
 * chosen insertion. Moves are still judged by the real score.
 */
final class InsertionRoute {

    private static final long NONE = Long.MAX_VALUE;
    /** What {@link #insertionCost} returns for an insertion that breaks a window, the shift end or the capacity. */
    static final long INFEASIBLE = Long.MAX_VALUE;

    final Shift shift;
    final List<Visit> visits;
    private final TravelTimeMatrix matrix;
    private long[] departure = new long[0];
    private long[] serviceStart = new long[0];
    private long[] latestStart = new long[0];
    /** How many CRITICAL or HIGH visits not started are at this index of the route or after it. */
    private int[] urgentFrom = new int[1];
    /** The indexes of those visits, in route order. */
    private int[] urgentAt = new int[0];
    /**
     * The waits before the visits up to each index, summed (waitBefore[i] = waits of visits 0..i-1): for a window, a
     * break taken while waiting, a crew mate, or a visit it follows; each absorbs a push from an insertion before it
     * ({@link #pushedUrgency}).
     */
    private long[] waitBefore = new long[1];
    private final long[] load;
    /** How far the route as it stands breaks windows, breaks and the shift end, summed (see {@link #violation}). */
    private long violation;
    /** The route's limits besides time (driving, parts), as it stands. */
    private RouteLimits.Excess limits;
    boolean changed;

    InsertionRoute(Shift shift) {
        this.shift = shift;
        this.visits = new ArrayList<>(shift.getVisits());
        this.matrix = shift.getMatrix();
        this.load = new long[shift.getCapacity().length];
        refresh();
    }

    int size() {
        return visits.size();
    }

    int pinnedCount() {
        return Math.min(shift.getPinnedVisitCount(), visits.size());
    }

    /** Recomputes times, latest starts and load after the visit list changed. */
    void refresh() {
        int n = visits.size();
        if (departure.length < n) {
            int capacity = Math.max(n, departure.length * 2);
            departure = new long[capacity];
            serviceStart = new long[capacity];
            latestStart = new long[capacity];
        }
        if (urgentFrom.length < n + 1) {
            int capacity = Math.max(n + 1, urgentFrom.length * 2);
            urgentFrom = new int[capacity];
            urgentAt = new int[capacity];
            waitBefore = new long[capacity];
        }
        urgentFrom[n] = 0;
        for (int i = n - 1; i >= 0; i--) {
            Visit visit = visits.get(i);
            urgentFrom[i] = urgentFrom[i + 1] + (visit.getPriority().isHigh() && !visit.isStarted() ? 1 : 0);
        }
        for (int i = 0, u = 0; i < n; i++) {
            if (urgentFrom[i] > urgentFrom[i + 1]) {
                urgentAt[u++] = i;
            }
        }
        Arrays.fill(load, 0);
        int from = shift.getStartLocation();
        long leave = shift.getStartMillis();
        int breaksDone = 0;
        for (int i = 0; i < n; i++) {
            Visit visit = visits.get(i);
            int next = i == n - 1 ? shift.getEndLocation() : visits.get(i + 1).getLocation();
            VisitTiming timing = Schedule.visit(shift, from, leave, breaksDone, visit, next, Schedule.IGNORE);
            departure[i] = timing.departureMillis();
            serviceStart[i] = timing.serviceStartMillis();
            waitBefore[i + 1] = waitBefore[i] + Math.max(0, timing.serviceStartMillis() - timing.arrivalMillis());
            breaksDone = timing.breaksDone();
            from = visit.getLocation();
            leave = timing.departureMillis();
            int[] demand = visit.getDemand();
            for (int d = 0; d < Math.min(demand.length, load.length); d++) {
                load[d] += demand[d];
            }
        }
        violation = violation(visits, -1, null);
        limits = RouteLimits.excess(shift, visits, -1, null);
        long latestDeparture = endLimit() - (n == 0 ? 0
                : matrix.travelMillis(visits.get(n - 1).getLocation(), shift.getEndLocation()));
        for (int i = n - 1; i >= 0; i--) {
            Visit visit = visits.get(i);
            if (visit.isStarted()) {
                latestStart[i] = NONE;
                latestDeparture = NONE;
                continue;
            }
            long latest = latestDeparture == NONE ? NONE : latestDeparture - visit.getServiceDurationMillis();
            if (!visit.getTimeWindows().isEmpty()) {
                latest = Math.min(latest, lastWindowEnd(visit));
            }
            latest = Math.min(latest, linkedLatestStart(visit));
            latestStart[i] = latest;
            if (i > 0) {
                latestDeparture = latest == NONE ? NONE
                        : latest - matrix.travelMillis(visits.get(i - 1).getLocation(), visit.getLocation());
            }
        }
    }

    /**
     * Whether inserting the visit at {@code position} keeps the route as feasible as it is: a replay of the whole
     * route with {@link Schedule}, breaks and every time window included, where {@link #insertionCost} only
     * estimates. O(route length).
     */
    boolean keepsFeasibility(Visit visit, int position) {
        return violation(visits, position, visit) <= violation
                && RouteLimits.excess(shift, visits, position, visit).noWorseThan(limits);
    }

    /**
     * The cost of the visit itself at {@code position} (detour plus, for an urgent visit, its wait, as in
     * {@link #insertionCost(Visit, int, long)}), or {@link #INFEASIBLE} when it would start after its last window;
     * what it does to the visits after it is not judged here (see {@link #ejectionFor}).
     */
    long ownCost(Visit visit, int position, long urgencyWeight) {
        int fromLocation = position == 0 ? shift.getStartLocation() : visits.get(position - 1).getLocation();
        long leave = Math.max(position == 0 ? shift.getStartMillis() : departure[position - 1],
                shift.leaveNotBeforeMillis());
        int location = visit.getLocation();
        long start = visit.serviceStartFor(leave + matrix.travelMillis(fromLocation, location));
        if (!visit.getTimeWindows().isEmpty() && start > lastWindowEnd(visit)) {
            return INFEASIBLE;
        }
        int toLocation = position == visits.size() ? shift.getEndLocation() : visits.get(position).getLocation();
        long detour = matrix.travelMillis(fromLocation, location) + matrix.travelMillis(location, toLocation)
                - matrix.travelMillis(fromLocation, toLocation);
        long opening = visit.urgencyOpeningMillis(shift);
        long delay = Math.max(0, start - opening);
        return detour + urgencyWeight * (visit.getPriority() == Priority.CRITICAL ? delay : delay / 4);
    }

    /**
     * The service start the visit would have alone at {@code position} (travel from the stop before, its windows, the
     * visits it follows as they are planned; not breaks, not its crew): an estimate to line up the members of a
     * crew.
     */
    long startAt(Visit visit, int position) {
        int fromLocation = position == 0 ? shift.getStartLocation() : visits.get(position - 1).getLocation();
        long leave = Math.max(position == 0 ? shift.getStartMillis() : departure[position - 1],
                shift.leaveNotBeforeMillis());
        long arrival = leave + matrix.travelMillis(fromLocation, visit.getLocation());
        return visit.serviceStartFor(Math.max(arrival, visit.linkedNotBeforeMillis(false)));
    }

    /**
     * The visits to take out so that inserting {@code visit} at {@code position} keeps the route as feasible as it
     * is: none if it already does, else at most {@code max} not started, not CRITICAL visits after the position,
     * lowest priority first and, within a priority, the latest first; null when that is not enough.
     */
    List<Visit> ejectionFor(Visit visit, int position, int max) {
        List<Visit> trial = new ArrayList<>(visits);
        List<Visit> out = new ArrayList<>();
        while (true) {
            if (violation(trial, position, visit) <= violation
                    && RouteLimits.excess(shift, trial, position, visit).noWorseThan(limits)) {
                return out;
            }
            if (out.size() == max) {
                return null;
            }
            Visit worst = null;
            for (int i = trial.size() - 1; i >= Math.max(position, pinnedCount()); i--) {
                Visit candidate = trial.get(i);
                if (candidate.isStarted() || candidate.getPriority() == Priority.CRITICAL) {
                    continue;
                }
                if (worst == null || candidate.getPriority().unassignedWeight() < worst.getPriority()
                        .unassignedWeight()) {
                    worst = candidate;
                }
            }
            if (worst == null) {
                return null;
            }
            trial.remove(worst);
            out.add(worst);
        }
    }

    /**
     * The latest start a linked visit may have without changing other routes: a crew visit or a visit that others
     * follow keeps its planned start (its crew and the visits after it would wait longer), and a visit that follows
     * others with a maximum delay starts within it. {@link #NONE} for other visits, and for a visit not planned on
     * this shift in the working solution.
     */
    private long linkedLatestStart(Visit visit) {
        long latest = NONE;
        if (visit.hasDependencies()) {
            long notAfter = visit.linkedNotAfterMillis();
            latest = notAfter == Long.MAX_VALUE ? NONE : notAfter;
        }
        if (visit.holdsOthers() && visit.getShift() == shift && visit.getTiming() != null) {
            latest = Math.min(latest, visit.getTiming().serviceStartMillis());
        }
        return latest;
    }

    /**
     * The service start {@code visit} would have at {@code position}, the route before it replayed with the day's
     * timing rules (breaks included; the visits after it do not change it).
     */
    long replayedStart(Visit visit, int position) {
        int from = shift.getStartLocation();
        long leave = shift.getStartMillis();
        int breaksDone = 0;
        for (int i = 0; i < position; i++) {
            Visit before = visits.get(i);
            VisitTiming timing = Schedule.visit(shift, from, leave, breaksDone, before, visit.getLocation(),
                    Schedule.IGNORE);
            breaksDone = timing.breaksDone();
            from = before.getLocation();
            leave = timing.departureMillis();
        }
        int next = position < visits.size() ? visits.get(position).getLocation() : shift.getEndLocation();
        return Schedule.visit(shift, from, leave, breaksDone, visit, next, Schedule.IGNORE).serviceStartMillis();
    }

    /** What {@link #violation} is for the route as it stands. */
    long violationMillis() {
        return violation;
    }

    /**
     * How far the route breaks the hard rules an insertion test checks, as {time, driving, parts, load}: the
     * milliseconds of {@link #violation}, driving beyond the shift's limit, part units beyond the van's stock and
     * demand beyond the van's capacity; with {@code without} not negative, for the route without the visit at that
     * index. O(route length).
     */
    long[] breach(int without) {
        List<Visit> route = visits;
        if (without >= 0) {
            route = new ArrayList<>(visits);
            route.remove(without);
        }
        RouteLimits.Excess excess = without < 0 ? limits : RouteLimits.excess(shift, route, -1, null);
        long overload = 0;
        int[] capacity = shift.getCapacity();
        for (int d = 0; d < load.length; d++) {
            long used = load[d];
            if (without >= 0) {
                int[] demand = visits.get(without).getDemand();
                used -= d < demand.length ? demand[d] : 0;
            }
            overload += Math.max(0, used - capacity[d]);
        }
        return new long[] { without < 0 ? violation : violation(route, -1, null), excess.travelExcessMillis(),
                excess.partsShortfall(), overload };
    }

    /**
     * Milliseconds of lateness after the last window, of breaks after their latest start, and of the day after
     * shift end plus maximum overtime, summed over the route ({@code extra} inserted at {@code position} unless
     * {@code position} is negative): what the hard constraints on time penalise. Started visits count nothing.
     */
    private long violation(List<Visit> route, int position, Visit extra) {
        int n = route.size() + (position < 0 ? 0 : 1);
        int from = shift.getStartLocation();
        long leave = shift.getStartMillis();
        int breaksDone = 0;
        long total = 0;
        for (int i = 0; i < n; i++) {
            Visit visit = at(route, position, extra, i);
            int next = i == n - 1 ? shift.getEndLocation() : at(route, position, extra, i + 1).getLocation();
            VisitTiming timing = Schedule.visit(shift, from, leave, breaksDone, visit, next, Schedule.IGNORE);
            total += timing.breakLatenessMillis();
            if (!visit.isStarted() && !visit.getTimeWindows().isEmpty()) {
                total += Math.max(0, timing.serviceStartMillis() - lastWindowEnd(visit));
            }
            if (!visit.isStarted() && (visit.hasDependencies() || visit.holdsOthers())) {
                long latest = linkedLatestStart(visit);
                if (latest != NONE) {
                    total += Math.max(0, timing.serviceStartMillis() - latest);
                }
            }
            breaksDone = timing.breaksDone();
            from = visit.getLocation();
            leave = timing.departureMillis();
        }
        if (n == 0) {
            return 0;
        }
        RouteEnd end = Schedule.end(shift, from, leave, breaksDone);
        return total + end.breakLatenessMillis() + Math.max(0, end.endMillis() - endLimit());
    }

    /** The visit at {@code i} of {@code route} with {@code extra} inserted at {@code position} (none if negative). */
    private static Visit at(List<Visit> route, int position, Visit extra, int i) {
        if (position < 0 || i < position) {
            return route.get(i);
        }
        return i == position ? extra : route.get(i - 1);
    }

    private long endLimit() {
        return shift.getEndMillis() + shift.getMaxOvertimeMillis();
    }

    private static long lastWindowEnd(Visit visit) {
        return visit.getTimeWindows().get(visit.getTimeWindows().size() - 1).endMillis();
    }

    /** Whether the van can take the visit's demand and the parts it needs on top of the route's. */
    boolean fitsCapacity(Visit visit) {
        if (visit.needsParts() && !limits.parts().fits(shift, visit)) {
            return false;
        }
        int[] demand = visit.getDemand();
        int[] capacity = shift.getCapacity();
        for (int d = 0; d < Math.min(demand.length, capacity.length); d++) {
            if (demand[d] > 0 && load[d] + demand[d] > capacity[d]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Extra travel of inserting the visit at {@code position} (before the visit now there), or {@link #INFEASIBLE} when the insertion
     * would start the visit after its last window, push a later visit past its latest start (unless that visit was
     * already late and is not delayed), or end the day after shift end plus maximum overtime.
     */
    long insertionCost(Visit visit, int position) {
        return insertionCost(visit, position, 0);
    }

    /**
     * {@link #insertionCost(Visit, int)} plus, for a CRITICAL (HIGH) visit, {@code urgencyWeight} (a quarter of it)
     * per millisecond its service starts after its first window opens (the shift start without windows), as the
     * {@code highPriorityLateness} constraint counts it: an emergency goes where it is served soonest unless the
     * detour costs more than the wait. For any visit, the same weight of the wait it adds to the urgent visits after
     * it ({@link #pushedUrgency}).
     */
    long insertionCost(Visit visit, int position, long urgencyWeight) {
        int n = visits.size();
        int fromLocation = position == 0 ? shift.getStartLocation() : visits.get(position - 1).getLocation();
        long leave = Math.max(position == 0 ? shift.getStartMillis() : departure[position - 1],
                shift.leaveNotBeforeMillis());
        int location = visit.getLocation();
        long arrival = leave + matrix.travelMillis(fromLocation, location);
        long start = visit.serviceStartFor(arrival);
        if (!visit.getTimeWindows().isEmpty() && start > lastWindowEnd(visit)) {
            return INFEASIBLE;
        }
        long end = start + visit.getServiceDurationMillis();
        int toLocation;
        if (position == n) {
            toLocation = shift.getEndLocation();
            long arrivalAtEnd = end + matrix.travelMillis(location, toLocation);
            long oldArrivalAtEnd = n == 0 ? Long.MIN_VALUE
                    : departure[n - 1] + matrix.travelMillis(fromLocation, toLocation);
            if (arrivalAtEnd > Math.max(endLimit(), oldArrivalAtEnd)) {
                return INFEASIBLE;
            }
        } else {
            Visit next = visits.get(position);
            toLocation = next.getLocation();
            long nextStart = next.serviceStartFor(end + matrix.travelMillis(location, toLocation));
            if (nextStart > Math.max(latestStart[position], serviceStart[position])) {
                return INFEASIBLE;
            }
        }
        long detour = matrix.travelMillis(fromLocation, location) + matrix.travelMillis(location, toLocation)
                - matrix.travelMillis(fromLocation, toLocation);
        if (!limits.travelAllows(shift, n == 0 ? detour + matrix.travelMillis(fromLocation, toLocation) : detour)) {
            return INFEASIBLE;
        }
        if (urgencyWeight == 0) {
            return detour;
        }
        long pushed = position < n && urgentFrom[position] > 0 ? pushedUrgency(position, location, end) : 0;
        if (!visit.getPriority().isHigh()) {
            return detour + urgencyWeight * pushed;
        }
        long opening = visit.urgencyOpeningMillis(shift);
        long delay = Math.max(0, start - opening);
        return detour + urgencyWeight * ((visit.getPriority() == Priority.CRITICAL ? delay : delay / 4) + pushed);
    }

    /**
     * The wait an insertion adds to the urgent visits after it, weighed as {@code highPriorityLateness} weighs it
     * (a CRITICAL visit's full, a HIGH visit's a quarter). The insertion, ending at {@code end} at {@code location},
     * pushes the visit now at {@code position}; each later visit's wait (for a window, a crew mate, a visit it
     * follows, a break taken while waiting) absorbs as much of the push: push(k+1) = max(0, push(k) − wait(k+1)),
     * from the summed waits, over the urgent visits only: O(urgent visits after the position). Linked visits need
     * nothing more: a push that would move a crew visit or a visit others follow past its planned start is rejected
     * by the latest starts before this is asked, and the visits a follow-up waits for are either in other routes or
     * before the position, so its wait is real slack. Breaks that a push would move are not replayed.
     * <p>
     * Without it, a routine visit goes in front of an emergency whenever its detour is small, and the first plan of a
     * large day keeps its emergencies waiting.
     */
    private long pushedUrgency(int position, int location, long end) {
        Visit next = visits.get(position);
        long push = next.serviceStartFor(end + matrix.travelMillis(location, next.getLocation()))
                - serviceStart[position];
        if (push <= 0) {
            return 0;
        }
        long added = 0;
        int count = urgentFrom[position];
        int total = urgentFrom[0];
        for (int u = total - count; u < total; u++) {
            int i = urgentAt[u];
            long reaching = i == position ? push : push - (waitBefore[i + 1] - waitBefore[position + 1]);
            if (reaching <= 0) {
                break;
            }
            Visit later = visits.get(i);
            long opening = later.urgencyOpeningMillis(shift);
            long more = Math.max(0, serviceStart[i] + reaching - opening) - Math.max(0, serviceStart[i] - opening);
            added += later.getPriority() == Priority.CRITICAL ? more : more / 4;
        }
        return added;
    }
}
