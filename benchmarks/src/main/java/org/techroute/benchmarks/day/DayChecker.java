package org.techroute.benchmarks.day;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.techroute.data.changes.PlanChange;
import org.techroute.data.model.Certification;
import org.techroute.data.model.Location;
import org.techroute.data.model.Priority;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;
import org.techroute.data.model.Shift;
import org.techroute.data.model.ShiftBreak;
import org.techroute.data.model.Step;
import org.techroute.data.model.Technician;
import org.techroute.data.model.TimeWindow;
import org.techroute.data.model.UnassignedVisit;
import org.techroute.data.model.Visit;
import org.techroute.data.model.VisitAfter;

/**
 * Checks every plan of one simulated day against the {@link Invariant}s, from the plan documents alone (routes,
 * steps, unassigned visits, the problem's facts) and the changes applied, never from the solver's score. One
 * checker per day: it remembers what the day has said so far (visits added and cancelled, technicians gone).
 * <p>
 * The simulated world follows the latest plan exactly between changes, so what a plan shows before the next
 * change's {@code now} has happened: a service step that started before it is a started (or done) visit, a
 * break step that started before it is a break taken. Approximations, documented where they are made:
 * <ul>
 * <li>A break is <em>required</em> when the route reaches its end location after the break's latest start and
 * the technician was not made unavailable before it; otherwise it is optional (at most once, inside its
 * window). A break outside its window is forced by the day when a started visit spans its latest start, or when
 * {@code now} is past its latest start and it was not taken.</li>
 * <li>A hard rule broken by a started visit (late, or running past the shift's end) is forced by the day; any
 * other hard violation is not, since every visit not started could be left unassigned.</li>
 * <li>The earliest feasible start of a CRITICAL emergency is the earliest start over the technicians qualified
 * for it (skills, certifications, required / excluded technicians) who are free: at {@code now}, after the end
 * of their last started or pinned visit, from its place (else from the shift's start location), within a time
 * window, before the shift's end plus overtime (with the trip home), with van room and the parts it needs left
 * on the van, within the shift's driving limit (the driving through the visits that stay, then there and home),
 * and after a pending break whose latest start would pass during the service. It ignores other visits not
 * started (they could move). A
 * plan may start the emergency up to {@link #EMERGENCY_SLACK} later (the solver weighs a minute of CRITICAL
 * lateness like a minute of travel), or later when every technician who could start it earlier serves another
 * CRITICAL visit at that time.</li>
 * <li>A technician travelling at {@code now} is taken to be at the place of his last started visit.</li>
 * </ul>
 * A violation that stays in later plans of the day with the same sentence (a wrong step of the past, say) is
 * reported once, for the first plan that shows it.
 */
public final class DayChecker {

    /** How much later than the earliest feasible start a CRITICAL emergency may start. */
    public static final Duration EMERGENCY_SLACK = Duration.ofMinutes(10);
    /** How long a CRITICAL visit may wait after its first window opens before its wait weighs at medium level. */
    static final Duration CRITICAL_GRACE = Duration.ofHours(1);
    /** Rounding of times in the plan and of the checker's own travel times. */
    private static final long TOLERANCE_SECONDS = 2;

    private final long daySeed;
    private final Travel.Source travelSource;
    private final Set<String> known = new LinkedHashSet<>();
    private final Set<String> cancelled = new HashSet<>();
    private final Map<String, OffsetDateTime> unavailableFrom = new HashMap<>();
    /** Emergencies: visit id to when the change arrived. */
    private final Map<String, OffsetDateTime> emergencyArrivals = new HashMap<>();
    private final Set<String> reported = new HashSet<>();
    /** The shifts an unavailable technician had when he became unavailable (a shift added later brings him back). */
    private final Set<String> shiftsWhenAbsent = new HashSet<>();

    private List<Finding> findings;
    private String time;
    private String changeText;
    private Travel travel;
    private String solverScore;

    public DayChecker(long daySeed, Travel.Source travelSource) {
        this.daySeed = daySeed;
        this.travelSource = travelSource;
    }

    /**
     * Checks a plan.
     *
     * @param now      when the day was re-planned (null for the morning plan)
     * @param change   the change applied (null for the morning plan)
     * @param previous the plan before the change (null for the morning plan)
     * @param plan     the re-planned day
     */
    public List<Finding> check(OffsetDateTime now, PlanChange change, Problem previous, Problem plan) {
        findings = new ArrayList<>();
        time = now == null ? "morning" : Changes.clock(now);
        changeText = Changes.describe(change);
        remember(now, change, plan);
        travel = travelSource.forPlan(plan);
        solverScore = plan.solution() == null ? null : plan.solution().score();
        PlanView view = new PlanView(plan);
        PlanView before = previous == null ? null : new PlanView(previous);
        checkTimeline(view);
        checkOnePlace(view);
        if (before != null && now != null) {
            checkPast(before, view, now, change);
        }
        checkBreaks(before, view, now);
        checkNothingLost(view, now);
        checkFeasible(view, now);
        checkLinks(view);
        checkAbsent(view);
        if (change instanceof PlanChange.AddVisit add && add.visit().priorityOrDefault() == Priority.CRITICAL
                && now != null) {
            checkEmergency(view, add.visit().id(), now);
        }
        return findings;
    }

    /** A finding about the change itself (refused although valid, accepted although invalid, failed re-plan). */
    public Finding changeFinding(OffsetDateTime now, PlanChange change, String entityId, String message) {
        return new Finding(daySeed, Changes.clock(now), Changes.describe(change), Invariant.CHANGE_HANDLED, entityId,
                message);
    }

    /** When each emergency (a visit added during the day) arrived. */
    public Map<String, OffsetDateTime> emergencyArrivals() {
        return Map.copyOf(emergencyArrivals);
    }

    private void remember(OffsetDateTime now, PlanChange change, Problem plan) {
        if (change == null) {
            plan.visitsOrEmpty().forEach(v -> known.add(v.id()));
        } else if (change instanceof PlanChange.AddVisit add) {
            known.add(add.visit().id());
            emergencyArrivals.put(add.visit().id(), now);
        } else if (change instanceof PlanChange.CancelVisit cancel) {
            cancelled.add(cancel.visitId());
        } else if (change instanceof PlanChange.TechnicianUnavailable absent) {
            unavailableFrom.merge(absent.technicianId(), absent.from(), (a, b) -> a.isBefore(b) ? a : b);
            plan.shiftsOrEmpty().stream().filter(s -> s.technicianId().equals(absent.technicianId()))
                    .forEach(s -> shiftsWhenAbsent.add(s.id()));
        }
    }

    /**
     * A violation still there in a later plan of the day (same entity, same sentence) is reported once. Findings
     * about hard rules name the solver's score after the sentence, to help debugging; it is never used to judge.
     */
    private void add(Invariant invariant, String entityId, String message) {
        if (reported.add(invariant + "|" + entityId + "|" + message)) {
            String score = (invariant == Invariant.FEASIBLE || invariant == Invariant.BREAKS) && solverScore != null
                    ? " [solver's score " + solverScore + "]" : "";
            findings.add(new Finding(daySeed, time, changeText, invariant, entityId, message + score));
        }
    }

    // ---- timeline: steps add up -------------------------------------------------------------------------------

    private void checkTimeline(PlanView view) {
        for (Route route : view.routes.values()) {
            Shift shift = view.shifts.get(route.shiftId());
            if (shift == null) {
                add(Invariant.TIMELINE, route.shiftId(), "the plan has a route for shift " + route.shiftId()
                        + ", which is not in the problem");
                continue;
            }
            List<Step> steps = route.steps() == null ? List.of() : route.steps();
            if (steps.isEmpty()) {
                if (route.visitIds() != null && !route.visitIds().isEmpty()) {
                    add(Invariant.TIMELINE, shift.id(), "visits " + route.visitIds() + " without steps");
                }
                continue;
            }
            Location at = view.startLocation(shift);
            OffsetDateTime cursor = steps.get(0).start();
            OffsetDateTime arrival = null;
            List<String> served = new ArrayList<>();
            for (Step step : steps) {
                String what = step.type() + (step.visitId() == null ? "" : " " + step.visitId()) + " "
                        + Changes.clock(step.start()) + "–" + Changes.clock(step.end());
                if (!step.start().isEqual(cursor)) {
                    add(Invariant.TIMELINE, shift.id(), "step " + what + " does not start when the previous step"
                            + " ends (" + Changes.clock(cursor) + ")");
                }
                long span = Duration.between(step.start(), step.end()).toSeconds();
                if (span < 0) {
                    add(Invariant.TIMELINE, shift.id(), "step " + what + " ends before it starts");
                }
                boolean durationWrong = step.durationSeconds() != null
                        && Math.abs(step.durationSeconds().longValue() - span) > TOLERANCE_SECONDS;
                if (durationWrong && step.type() != Step.StepType.TRAVEL) {
                    add(Invariant.TIMELINE, shift.id(), "step " + what + " lasts " + span + " s but says"
                            + " durationSeconds " + step.durationSeconds());
                }
                cursor = step.end();
                switch (step.type()) {
                    case TRAVEL -> {
                        Location to;
                        if (step.visitId() == null) {
                            to = view.endLocation(shift);
                        } else if (view.visits.containsKey(step.visitId())) {
                            to = view.visits.get(step.visitId()).location();
                        } else {
                            add(Invariant.TIMELINE, shift.id(), "step " + what + " goes to an unknown visit");
                            continue;
                        }
                        long trip = travel.seconds(at, to);
                        if (Math.abs(trip - span) > Math.max(TOLERANCE_SECONDS, trip / 200) || durationWrong) {
                            add(Invariant.TIMELINE, shift.id(), "step " + what + " lasts " + span + " s, says"
                                    + " durationSeconds " + step.durationSeconds() + ", and the trip takes " + trip
                                    + " s");
                        }
                        at = to;
                        arrival = step.end();
                    }
                    case SERVICE -> {
                        served.add(step.visitId());
                        Visit visit = view.visits.get(step.visitId());
                        if (visit != null && !visit.location().equals(at)) {
                            add(Invariant.ONE_PLACE, shift.id(), "serves " + step.visitId() + " at "
                                    + Changes.clock(step.start()) + " without travelling there");
                        }
                        if (arrival != null && step.start().isBefore(arrival)) {
                            add(Invariant.ONE_PLACE, shift.id(), "serves " + step.visitId() + " from "
                                    + Changes.clock(step.start()) + ", before arriving at " + Changes.clock(arrival));
                        }
                    }
                    default -> {
                    }
                }
            }
            if (route.end() != null && !route.end().isEqual(cursor)) {
                add(Invariant.TIMELINE, shift.id(), "the route ends at " + Changes.clock(route.end())
                        + " but its last step ends at " + Changes.clock(cursor));
            }
            List<String> listed = route.visitIds() == null ? List.of() : route.visitIds();
            if (!listed.equals(served)) {
                add(Invariant.TIMELINE, shift.id(), "visitIds " + listed + " differ from the services in the steps "
                        + served);
            }
        }
    }

    // ---- one place at a time -----------------------------------------------------------------------------------

    private void checkOnePlace(PlanView view) {
        Map<String, List<Shift>> byTechnician = new HashMap<>();
        for (Shift shift : view.shifts.values()) {
            if (view.routeStart(shift.id()) != null) {
                byTechnician.computeIfAbsent(shift.technicianId(), k -> new ArrayList<>()).add(shift);
            }
        }
        for (List<Shift> shifts : byTechnician.values()) {
            for (int i = 0; i < shifts.size(); i++) {
                for (int j = i + 1; j < shifts.size(); j++) {
                    Shift a = shifts.get(i);
                    Shift b = shifts.get(j);
                    OffsetDateTime aStart = view.routeStart(a.id());
                    OffsetDateTime aEnd = view.routeEnd(a.id());
                    OffsetDateTime bStart = view.routeStart(b.id());
                    OffsetDateTime bEnd = view.routeEnd(b.id());
                    if (aStart.isBefore(bEnd) && bStart.isBefore(aEnd)) {
                        add(Invariant.ONE_PLACE, a.technicianId(), "works shift " + a.id() + " ("
                                + Changes.clock(aStart) + "–" + Changes.clock(aEnd) + ", visits "
                                + view.routes.get(a.id()).visitIds() + ") and shift " + b.id() + " ("
                                + Changes.clock(bStart) + "–" + Changes.clock(bEnd) + ", visits "
                                + view.routes.get(b.id()).visitIds() + ") at the same time");
                    }
                }
            }
        }
    }

    // ---- the past stays -----------------------------------------------------------------------------------------

    private void checkPast(PlanView before, PlanView view, OffsetDateTime now, PlanChange change) {
        Set<String> history = new HashSet<>();
        for (PlanView.Service was : before.services.values()) {
            if (!was.start().isBefore(now)) {
                continue;
            }
            history.add(was.visitId());
            PlanView.Service is = view.services.get(was.visitId());
            String state = was.end().isAfter(now) ? "started" : "done";
            String fact = state + " visit " + was.visitId() + " (" + was.shiftId() + " " + Changes.clock(was.start())
                    + "–" + Changes.clock(was.end()) + ")";
            if (is == null) {
                UnassignedVisit unassigned = view.unassigned.get(was.visitId());
                add(Invariant.PAST_FIXED, was.visitId(), fact + " is no longer in any route"
                        + (unassigned == null ? "" : "; it is unassigned (" + unassigned.reason() + ")"));
                continue;
            }
            OffsetDateTime expectedEnd = was.end();
            if (change instanceof PlanChange.VisitRunsLong late && late.visitId().equals(was.visitId())) {
                expectedEnd = late.expectedEnd();
            }
            if (!is.shiftId().equals(was.shiftId()) || !is.start().isEqual(was.start())
                    || !is.end().isEqual(expectedEnd)) {
                add(Invariant.PAST_FIXED, was.visitId(), fact + " is now " + is.shiftId() + " "
                        + Changes.clock(is.start()) + "–" + Changes.clock(is.end()) + " (expected " + was.shiftId() + " "
                        + Changes.clock(was.start()) + "–" + Changes.clock(expectedEnd) + ")");
            }
        }
        for (Map.Entry<String, List<PlanView.Service>> entry : before.servicesByShift.entrySet()) {
            List<String> wasOrder = entry.getValue().stream().map(PlanView.Service::visitId)
                    .filter(history::contains).toList();
            List<String> isOrder = view.services(entry.getKey()).stream().map(PlanView.Service::visitId).toList();
            if (!wasOrder.isEmpty() && view.shifts.containsKey(entry.getKey())
                    && (isOrder.size() < wasOrder.size() || !isOrder.subList(0, wasOrder.size()).equals(wasOrder))) {
                add(Invariant.PAST_FIXED, entry.getKey(), "the visits started before now " + wasOrder
                        + " no longer head the route " + isOrder);
            }
        }
        for (PlanView.Service is : view.services.values()) {
            if (!history.contains(is.visitId()) && is.start().isBefore(now)) {
                add(Invariant.PAST_FIXED, is.visitId(), "not started before now, but planned on " + is.shiftId()
                        + " from " + Changes.clock(is.start()) + ", before now");
            }
        }
    }

    // ---- breaks -------------------------------------------------------------------------------------------------

    private void checkBreaks(PlanView before, PlanView view, OffsetDateTime now) {
        for (Shift shift : view.shifts.values()) {
            List<PlanView.Break> breaks = view.breaks(shift.id());
            List<ShiftBreak> rules = PlanView.breakRules(shift);
            Set<Integer> historical = new HashSet<>();
            if (before != null && now != null) {
                for (PlanView.Break taken : before.breaks(shift.id())) {
                    if (!taken.start().isBefore(now)) {
                        continue;
                    }
                    PlanView.Break kept = breaks.stream().filter(b -> b.start().isEqual(taken.start())).findFirst()
                            .orElse(null);
                    if (kept == null) {
                        add(Invariant.BREAKS, shift.id(), "the break taken " + Changes.clock(taken.start()) + "–"
                                + Changes.clock(taken.end()) + " (before now) is gone; the plan has breaks "
                                + describe(breaks) + " instead");
                    } else {
                        historical.add(kept.index());
                        if (kept.end().isAfter(taken.end())) {
                            add(Invariant.BREAKS, shift.id(), "the break taken " + Changes.clock(taken.start()) + "–"
                                    + Changes.clock(taken.end()) + " now ends at " + Changes.clock(kept.end()));
                        }
                    }
                }
            }
            if (breaks.size() > rules.size()) {
                add(Invariant.BREAKS, shift.id(), "takes " + breaks.size() + " breaks " + describe(breaks)
                        + " but the shift has " + rules.size());
            }
            for (int i = 0; i < rules.size(); i++) {
                ShiftBreak rule = rules.get(i);
                String window = "break " + (i + 1) + " (start " + Changes.clock(rule.earliestStart()) + "–"
                        + Changes.clock(rule.latestStart()) + ", " + rule.durationSeconds() / 60 + " min)";
                if (i < breaks.size()) {
                    PlanView.Break taken = breaks.get(i);
                    if (historical.contains(taken.index())) {
                        continue; // judged when it was planned
                    }
                    if (taken.start().isBefore(rule.earliestStart())) {
                        add(Invariant.BREAKS, shift.id(), window + " starts at " + Changes.clock(taken.start())
                                + ", before its window");
                    } else if (taken.start().isAfter(rule.latestStart())) {
                        String forced = breakForcedLate(view, shift, rule, now);
                        if (forced == null) {
                            add(Invariant.BREAKS, shift.id(), window + " starts at " + Changes.clock(taken.start())
                                    + ", after its window, and nothing that has happened forced that"
                                    + onSiteNote(view, shift, rule, taken));
                        }
                    }
                    if (taken.end() != null && Duration.between(taken.start(), taken.end()).toSeconds()
                            < rule.durationSeconds() - TOLERANCE_SECONDS && !cutShort(shift, taken)) {
                        add(Invariant.BREAKS, shift.id(), window + " taken " + Changes.clock(taken.start()) + "–"
                                + Changes.clock(taken.end()) + " is too short");
                    }
                } else if (breakRequired(view, shift, rule)) {
                    add(Invariant.BREAKS, shift.id(), window + " is not taken, although the technician works until "
                            + Changes.clock(view.arrivalAtEnd(shift.id())) + " (route " + view.routes.get(shift.id())
                                    .visitIds() + ")");
                }
            }
        }
    }

    /** When the technician was free inside the break's window before the late break: a note saying so. */
    private static String onSiteNote(PlanView view, Shift shift, ShiftBreak rule, PlanView.Break taken) {
        OffsetDateTime freeAt = null;
        String after = null;
        for (PlanView.Service service : view.services(shift.id())) {
            if (!service.end().isAfter(rule.latestStart()) && service.end().isBefore(taken.start())) {
                freeAt = service.end();
                after = service.visitId();
            }
        }
        if (freeAt == null) {
            return "";
        }
        OffsetDateTime could = freeAt.isAfter(rule.earliestStart()) ? freeAt : rule.earliestStart();
        return " (the technician finishes " + after + " at " + Changes.clock(freeAt) + " and could take it there at "
                + Changes.clock(could) + "; the plan takes breaks only on arrival at the next stop)";
    }

    private boolean cutShort(Shift shift, PlanView.Break taken) {
        OffsetDateTime from = unavailableFrom.get(shift.technicianId());
        return from != null && !taken.end().isAfter(shift.end());
    }

    /** Whether the day runs clearly through the break's window and nobody sent the technician home before it. */
    private boolean breakRequired(PlanView view, Shift shift, ShiftBreak rule) {
        OffsetDateTime arrival = view.arrivalAtEnd(shift.id());
        if (arrival == null || !arrival.isAfter(rule.latestStart()) || !shift.end().isAfter(rule.latestStart())) {
            return false;
        }
        OffsetDateTime from = unavailableFrom.get(shift.technicianId());
        return (from == null || from.isAfter(rule.latestStart())) && startedVisitsLeaveRoom(view, shift, rule);
    }

    /**
     * Whether the started (or done) visits of the shift leave a free stretch of the break's duration that starts
     * inside its window: when they do not (a visit running through the whole window), the day made the break
     * impossible, and not taking it is right.
     */
    private boolean startedVisitsLeaveRoom(PlanView view, Shift shift, ShiftBreak rule) {
        List<PlanView.Service> busy = view.services(shift.id()).stream()
                .filter(service -> view.isStarted(service.visitId()))
                .sorted((a, b) -> a.start().compareTo(b.start())).toList();
        long duration = rule.durationSeconds() == null ? 0 : rule.durationSeconds();
        // free stretches: before the first started visit (less the trip to it), between two of them (less the trip
        // from one to the other), and after the last one
        OffsetDateTime freeFrom = rule.earliestStart();
        Location at = view.startLocation(shift);
        for (int i = 0; i <= busy.size(); i++) {
            PlanView.Service next = i < busy.size() ? busy.get(i) : null;
            OffsetDateTime start = freeFrom.isAfter(rule.earliestStart()) ? freeFrom : rule.earliestStart();
            if (next == null) {
                return !start.isAfter(rule.latestStart());
            }
            Location nextAt = view.visits.get(next.visitId()).location();
            OffsetDateTime freeUntil = next.start().minusSeconds(travel.seconds(at, nextAt));
            if (!start.isAfter(rule.latestStart()) && !start.plusSeconds(duration).isAfter(freeUntil)) {
                return true;
            }
            if (next.end().isAfter(freeFrom)) {
                freeFrom = next.end();
            }
            at = nextAt;
        }
        return false;
    }

    /** What made a break start after its latest start, or null if nothing did. */
    private String breakForcedLate(PlanView view, Shift shift, ShiftBreak rule, OffsetDateTime now) {
        for (PlanView.Service service : view.services(shift.id())) {
            if (view.isStarted(service.visitId()) && !service.start().isAfter(rule.latestStart())
                    && service.end().isAfter(rule.latestStart())) {
                return "started visit " + service.visitId() + " spans the latest start";
            }
        }
        if (now != null && now.isAfter(rule.latestStart())) {
            return "re-planned after the latest start";
        }
        return null;
    }

    private static String describe(List<PlanView.Break> breaks) {
        return breaks.stream().map(b -> Changes.clock(b.start()) + "–" + Changes.clock(b.end()))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    // ---- nothing lost -------------------------------------------------------------------------------------------

    private void checkNothingLost(PlanView view, OffsetDateTime now) {
        for (String id : known) {
            if (!cancelled.contains(id) && !view.visits.containsKey(id)) {
                add(Invariant.NOTHING_LOST, id, "visit " + id + " has disappeared from the problem");
            }
        }
        for (String id : cancelled) {
            if (view.visits.containsKey(id) || view.services.containsKey(id) || view.unassigned.containsKey(id)) {
                add(Invariant.NOTHING_LOST, id, "cancelled visit " + id + " is still in the plan");
            }
        }
        for (String id : view.servedTwice) {
            add(Invariant.NOTHING_LOST, id, "visit " + id + " is served twice");
        }
        for (String id : view.unassignedTwice) {
            add(Invariant.NOTHING_LOST, id, "visit " + id + " is listed twice as unassigned");
        }
        for (PlanView.Service service : view.services.values()) {
            if (!view.visits.containsKey(service.visitId()) && !cancelled.contains(service.visitId())) {
                add(Invariant.NOTHING_LOST, service.visitId(), "shift " + service.shiftId() + " serves visit "
                        + service.visitId() + ", which is not in the problem");
            }
        }
        for (Visit visit : view.visits.values()) {
            boolean served = view.services.containsKey(visit.id());
            UnassignedVisit unassigned = view.unassigned.get(visit.id());
            if (served && unassigned != null) {
                add(Invariant.NOTHING_LOST, visit.id(), "visit " + visit.id() + " is both served and unassigned");
            } else if (!served && unassigned == null) {
                add(Invariant.NOTHING_LOST, visit.id(), "visit " + visit.id() + " is neither served nor unassigned");
            } else if (unassigned != null) {
                checkReason(view, visit, unassigned, now);
            }
        }
    }

    /**
     * A coarse test of an unassigned visit's reason: a reason that says no technician qualifies (SKILL,
     * CERTIFICATION, TECHNICIAN) is false when a technician with a shift qualifies; PARTS when the van of such a
     * shift carries the visit's parts; TRAVEL_LIMIT when such a shift also drives from its start there and on to
     * its end within its driving limit. A qualified shift passes all three; NO_ROOM is false when no qualified
     * shift is still open during one of the visit's windows; TIME_WINDOW and SHIFT_HOURS are false when a qualified
     * shift has an hour of a window left after {@code now} with room for the service before its end.
     */
    private void checkReason(PlanView view, Visit visit, UnassignedVisit unassigned, OffsetDateTime now) {
        String reason = unassigned.reason();
        if (reason == null || reason.isBlank()) {
            add(Invariant.NOTHING_LOST, visit.id(), "unassigned visit " + visit.id() + " has no reason");
            return;
        }
        // the technician may serve it; and his van carries its parts; and the trip there and home is within the
        // shift's driving limit: the order in which the plan's reasons are given (docs/model.md)
        List<Shift> technicianQualified = view.shifts.values().stream()
                .filter(s -> qualification(view, visit, s, s.start().toLocalDate()) == null).toList();
        List<Shift> stocked = technicianQualified.stream().filter(s -> missingParts(visit, s) == null).toList();
        List<Shift> qualified = stocked.stream().filter(s -> roundTripOverLimit(view, visit, s) == null).toList();
        Shift open = qualified.stream().filter(s -> windowLeft(view, visit, s, now, Duration.ZERO)).findFirst()
                .orElse(null);
        Shift roomy = qualified.stream().filter(s -> windowLeft(view, visit, s, now, Duration.ofHours(1)))
                .findFirst().orElse(null);
        String problem = null;
        switch (reason) {
            case "SKILL", "CERTIFICATION", "TECHNICIAN" -> {
                if (!technicianQualified.isEmpty()) {
                    problem = "shift " + technicianQualified.get(0).id() + " of a qualified technician exists";
                }
            }
            case "PARTS" -> {
                if (!stocked.isEmpty()) {
                    problem = "shift " + stocked.get(0).id() + " of a qualified technician carries the parts "
                            + visit.partsOrEmpty();
                }
            }
            case "TRAVEL_LIMIT" -> {
                if (!qualified.isEmpty()) {
                    problem = "shift " + qualified.get(0).id() + " of a qualified technician carries its parts and"
                            + " drives there and to its end location within its limit";
                }
            }
            case "NO_ROOM" -> {
                if (open == null) {
                    problem = qualified.isEmpty() ? "no technician with a shift qualifies (technician rules, parts"
                            + " on the van, driving limit for the trip there and home): "
                            + qualificationSummary(view, visit)
                            : "no qualified shift is open during a window of the visit after now ("
                                    + (now == null ? "morning" : Changes.clock(now)) + ")";
                }
            }
            case "DEPENDENCY" -> {
                if (visit.afterOrEmpty().stream().allMatch(a -> view.services.containsKey(a.visitId()))) {
                    problem = "every visit it follows is served";
                }
            }
            case "TIME_WINDOW", "SHIFT_HOURS" -> {
                if (roomy != null) {
                    problem = "qualified shift " + roomy.id() + " (technician rules, parts on its van, driving limit"
                            + " for the trip there and home) has more than an hour of a window left after now";
                }
            }
            default -> {
            }
        }
        if (problem != null) {
            add(Invariant.NOTHING_LOST, visit.id(), "unassigned visit " + visit.id() + " (" + visit.priorityOrDefault()
                    + ", windows " + windows(visit) + ") says " + reason + " (\"" + unassigned.detail()
                    + "\"), but " + problem);
        }
    }

    private String qualificationSummary(PlanView view, Visit visit) {
        return view.shifts.values().stream().map(s -> {
            String why = qualification(view, visit, s, s.start().toLocalDate());
            if (why == null) {
                why = missingParts(visit, s);
            }
            if (why == null) {
                why = roundTripOverLimit(view, visit, s);
            }
            return s.id() + ": " + why;
        }).collect(Collectors.joining("; "));
    }

    /** Which part the shift's van does not carry enough of for the visit alone, or null when it carries them all. */
    private static String missingParts(Visit visit, Shift shift) {
        for (Map.Entry<String, Integer> part : new java.util.TreeMap<>(visit.partsOrEmpty()).entrySet()) {
            int carried = shift.vanStockOrEmpty().getOrDefault(part.getKey(), 0);
            if (part.getValue() > carried) {
                return "its van carries " + carried + " of part '" + part.getKey() + "', the visit needs "
                        + part.getValue();
            }
        }
        return null;
    }

    /**
     * Why the trip from the shift's start location to the visit and on to its end location alone drives more than
     * the shift's {@code maxTravelSeconds}, or null when it does not (or the shift has no limit).
     */
    private String roundTripOverLimit(PlanView view, Visit visit, Shift shift) {
        if (shift.maxTravelSeconds() == null) {
            return null;
        }
        long trip = travel.seconds(view.startLocation(shift), visit.location())
                + travel.seconds(visit.location(), view.endLocation(shift));
        return trip > shift.maxTravelSeconds() ? "the trip there and home drives " + trip + " s, over its limit of "
                + shift.maxTravelSeconds() + " s" : null;
    }

    /**
     * Whether the shift is open, with {@code slack} to spare, during one of the visit's windows after now, counting
     * the drive from the shift's start location and back to its end location (on road days in the mountains an
     * hour's drive is possible: day 19 of the road series, a technician called in at 14:58 from a home an hour
     * from a visit whose window closes at 16:00).
     */
    private boolean windowLeft(PlanView view, Visit visit, Shift shift, OffsetDateTime now, Duration slack) {
        OffsetDateTime from = now != null && now.isAfter(shift.start()) ? now : shift.start();
        for (PlanView.Service service : view.services(shift.id())) {
            if (view.isStarted(service.visitId()) && service.end().isAfter(from)) {
                from = service.end(); // nothing new starts while a visit is under way
            }
        }
        // the technician cannot be there before the drive from where his shift starts, nor stay past the drive home
        OffsetDateTime reach = shift.start().plusSeconds(travel.seconds(view.startLocation(shift), visit.location()));
        if (reach.isAfter(from)) {
            from = reach;
        }
        OffsetDateTime until = shift.end().plusSeconds(shift.maxOvertimeSeconds() == null ? 0
                : shift.maxOvertimeSeconds()).minusSeconds(travel.seconds(visit.location(), view.endLocation(shift)));
        OffsetDateTime absent = unavailableFrom.get(shift.technicianId());
        if (absent != null && absent.isBefore(until)) {
            until = absent; // he takes no new work after that, even while he finishes the visit in progress
        }
        // the service itself must fit before the day's end too, with the slack left for getting there and home
        long service = visit.serviceDurationSeconds() == null ? 0 : visit.serviceDurationSeconds();
        if (!from.plus(slack).plusSeconds(service).isBefore(until)) {
            return false;
        }
        if (visit.timeWindowsOrEmpty().isEmpty()) {
            return true;
        }
        for (TimeWindow window : visit.timeWindowsOrEmpty()) {
            OffsetDateTime start = window.start().isAfter(from) ? window.start() : from;
            if (!start.plus(slack).isAfter(window.end()) && start.plus(slack).plusSeconds(service).isBefore(until)) {
                return true;
            }
        }
        return false;
    }

    /** Why the shift's technician may not serve the visit on that date, or null when he may. */
    private static String qualification(PlanView view, Visit visit, Shift shift, LocalDate date) {
        Technician technician = view.technicians.get(shift.technicianId());
        if (technician == null) {
            return "unknown technician";
        }
        for (Map.Entry<String, Integer> skill : visit.requiredSkillsOrEmpty().entrySet()) {
            int level = technician.skillsOrEmpty().getOrDefault(skill.getKey(), 0);
            if (level < skill.getValue()) {
                return technician.id() + " has " + skill.getKey() + " " + level + " < " + skill.getValue();
            }
        }
        for (String name : visit.requiredCertificationsOrEmpty()) {
            boolean valid = false;
            for (Certification held : technician.certificationsOrEmpty()) {
                if (held.name().equals(name) && (held.validFrom() == null || !date.isBefore(held.validFrom()))
                        && (held.validUntil() == null || !date.isAfter(held.validUntil()))) {
                    valid = true;
                }
            }
            if (!valid) {
                return technician.id() + " has no " + name + " valid on " + date;
            }
        }
        if (!visit.requiredTechnicianIdsOrEmpty().isEmpty()
                && !visit.requiredTechnicianIdsOrEmpty().contains(technician.id())) {
            return technician.id() + " is not a required technician";
        }
        if (visit.excludedTechnicianIdsOrEmpty().contains(technician.id())) {
            return technician.id() + " is excluded";
        }
        return null;
    }

    private static String windows(Visit visit) {
        return visit.timeWindowsOrEmpty().isEmpty() ? "none" : visit.timeWindowsOrEmpty().stream()
                .map(w -> Changes.clock(w.start()) + "–" + Changes.clock(w.end())).collect(Collectors.joining(", "));
    }

    // ---- feasibility --------------------------------------------------------------------------------------------

    private void checkFeasible(PlanView view, OffsetDateTime now) {
        for (Shift shift : view.shifts.values()) {
            List<PlanView.Service> services = view.services(shift.id());
            if (services.isEmpty()) {
                continue;
            }
            int[] load = new int[shift.capacityOrEmpty().size()];
            int[] startedLoad = new int[load.length];
            for (PlanView.Service service : services) {
                Visit visit = view.visits.get(service.visitId());
                if (visit == null) {
                    continue;
                }
                boolean started = view.isStarted(visit.id());
                String why = qualification(view, visit, shift, service.start()
                        .atZoneSameInstant(shift.start().getOffset()).toLocalDate());
                if (why != null && !started) {
                    add(Invariant.FEASIBLE, visit.id(), "served by shift " + shift.id() + " although " + why);
                }
                String window = windowBreach(visit, service.start());
                if (window != null && !started) {
                    add(Invariant.FEASIBLE, visit.id(), "served on " + shift.id() + " at " + Changes.clock(service
                            .start()) + ", " + window + " (windows " + windows(visit) + "); it has not started,"
                            + " so it could have been left unassigned");
                }
                for (int d = 0; d < load.length; d++) {
                    int demand = d < visit.demandOrEmpty().size() ? visit.demandOrEmpty().get(d) : 0;
                    load[d] += demand;
                    if (started) {
                        startedLoad[d] += demand;
                    }
                }
            }
            for (int d = 0; d < load.length; d++) {
                if (load[d] > shift.capacityOrEmpty().get(d) && startedLoad[d] <= shift.capacityOrEmpty().get(d)) {
                    add(Invariant.FEASIBLE, shift.id(), "load " + load[d] + " exceeds the van's capacity "
                            + shift.capacityOrEmpty().get(d) + " in dimension " + d);
                }
            }
            checkTravelLimit(view, shift, services);
            checkParts(view, shift, services);
            OffsetDateTime end = view.routeEnd(shift.id());
            OffsetDateTime limit = shift.end().plusSeconds(shift.maxOvertimeSeconds() == null ? 0
                    : shift.maxOvertimeSeconds());
            if (end != null && end.isAfter(limit.plusSeconds(TOLERANCE_SECONDS))) {
                OffsetDateTime minimal = minimalEnd(view, shift);
                if (minimal == null || !minimal.isAfter(limit.plusSeconds(TOLERANCE_SECONDS))) {
                    add(Invariant.FEASIBLE, shift.id(), "the day ends at " + Changes.clock(end) + ", after shift end"
                            + " plus overtime " + Changes.clock(limit) + (minimal == null ? "" : "; the started"
                                    + " visits alone would have it home by " + Changes.clock(minimal))
                            + " (steps: " + stepSummary(view.routes.get(shift.id())) + ")");
                }
            }
        }
    }

    /**
     * Crews and dependencies (issue 16): a crew is served whole or not at all, by different technicians, all starting
     * at one time; a visit that follows another starts no earlier than its end plus the minimum delay, no later than
     * its end plus the maximum, on its technician if asked, and is unassigned when it is. Visits that have started
     * are facts and are not judged.
     */
    private void checkLinks(PlanView view) {
        Map<String, List<String>> crews = new java.util.TreeMap<>();
        for (Visit visit : view.visits.values()) {
            if (visit.crewId() != null) {
                crews.computeIfAbsent(visit.crewId(), k -> new ArrayList<>()).add(visit.id());
            }
        }
        crews.forEach((crewId, members) -> {
            List<PlanView.Service> served = members.stream().map(view.services::get).filter(Objects::nonNull)
                    .toList();
            if (served.isEmpty() || members.stream().allMatch(view::isStarted)) {
                return;
            }
            if (served.size() != members.size()) {
                add(Invariant.FEASIBLE, crewId, "crew " + crewId + ": " + served.size() + " of its " + members.size()
                        + " visits are served");
            }
            if (served.stream().map(s -> view.shifts.get(s.shiftId()).technicianId()).distinct().count()
                    != served.size()) {
                add(Invariant.FEASIBLE, crewId, "crew " + crewId + ": one technician serves two of its visits");
            }
            if (served.stream().map(s -> s.start().toInstant()).distinct().count() != 1) {
                add(Invariant.FEASIBLE, crewId, "crew " + crewId + ": its visits start at different times "
                        + served.stream().map(s -> s.visitId() + " " + Changes.clock(s.start())).toList());
            }
        });
        for (Visit visit : view.visits.values()) {
            PlanView.Service second = view.services.get(visit.id());
            if (second == null || view.isStarted(visit.id())) {
                continue;
            }
            for (var after : visit.afterOrEmpty()) {
                PlanView.Service first = view.services.get(after.visitId());
                if (first == null) {
                    add(Invariant.FEASIBLE, visit.id(), "served although visit " + after.visitId()
                            + ", which it follows, is not");
                    continue;
                }
                OffsetDateTime earliest = first.end().plusSeconds(after.minDelaySecondsOrZero());
                if (second.start().isBefore(earliest)) {
                    add(Invariant.FEASIBLE, visit.id(), "starts " + Changes.clock(second.start()) + ", before "
                            + Changes.clock(earliest) + " (the end of " + after.visitId() + " plus its delay)");
                }
                if (after.maxDelaySeconds() != null
                        && second.start().isAfter(first.end().plusSeconds(after.maxDelaySeconds()))) {
                    add(Invariant.FEASIBLE, visit.id(), "starts " + Changes.clock(second.start()) + ", more than "
                            + after.maxDelaySeconds() + " s after " + after.visitId() + " ends");
                }
                if (after.sameTechnicianOrFalse() && !view.shifts.get(first.shiftId()).technicianId()
                        .equals(view.shifts.get(second.shiftId()).technicianId())) {
                    add(Invariant.FEASIBLE, visit.id(), "served on " + second.shiftId() + ", not by the technician"
                            + " of " + after.visitId() + " (" + first.shiftId() + ")");
                }
            }
        }
    }

    /** A route's visits need no more of a part than the van carries (started visits' parts count too). */
    private void checkParts(PlanView view, Shift shift, List<PlanView.Service> services) {
        Map<String, Integer> needed = new java.util.TreeMap<>();
        for (PlanView.Service service : services) {
            view.visits.get(service.visitId()).partsOrEmpty().forEach((part, quantity) -> needed.merge(part,
                    quantity, Integer::sum));
        }
        needed.forEach((part, quantity) -> {
            int carried = shift.vanStockOrEmpty().getOrDefault(part, 0);
            if (quantity > carried) {
                add(Invariant.FEASIBLE, shift.id(), "the visits need " + quantity + " of part '" + part
                        + "', the van carries " + carried);
            }
        });
    }

    /**
     * A route drives no more than its shift's {@code maxTravelSeconds}: the checker's own travel from the start location
     * through the served visits and back to the end location (a second per leg of rounding allowed).
     */
    private void checkTravelLimit(PlanView view, Shift shift, List<PlanView.Service> services) {
        if (shift.maxTravelSeconds() == null) {
            return;
        }
        long driven = 0;
        Location at = view.startLocation(shift);
        for (PlanView.Service service : services) {
            Location to = view.visits.get(service.visitId()).location();
            driven += travel.seconds(at, to);
            at = to;
        }
        driven += travel.seconds(at, view.endLocation(shift));
        if (driven > shift.maxTravelSeconds() + services.size() + 1) {
            add(Invariant.FEASIBLE, shift.id(), "the route drives " + driven + " s, more than the shift's limit of "
                    + shift.maxTravelSeconds() + " s");
        }
    }

    /** Why the service start is outside the visit's windows, or null when inside one. */
    private static String windowBreach(Visit visit, OffsetDateTime start) {
        List<TimeWindow> windows = visit.timeWindowsOrEmpty();
        if (windows.isEmpty()) {
            return null;
        }
        OffsetDateTime lastEnd = null;
        for (TimeWindow window : windows) {
            if (!start.isBefore(window.start()) && !start.isAfter(window.end())) {
                return null;
            }
            lastEnd = lastEnd == null || window.end().isAfter(lastEnd) ? window.end() : lastEnd;
        }
        return start.isAfter(lastEnd) ? Duration.between(lastEnd, start).toMinutes() + " min after its last window"
                : "outside its windows";
    }

    /** When the technician would be home with only the started visits (null when none has started). */
    private OffsetDateTime minimalEnd(PlanView view, Shift shift) {
        PlanView.Service last = null;
        for (PlanView.Service service : view.services(shift.id())) {
            if (view.isStarted(service.visitId())) {
                last = service;
            }
        }
        if (last == null) {
            return null;
        }
        OffsetDateTime end = last.end().plusSeconds(travel.seconds(view.visits.get(last.visitId()).location(),
                view.endLocation(shift)));
        // the breaks taken before the last started visit ends are done; the others the model requires as soon as
        // the day reaches their earliest start (docs/model.md), so the started visits make them unavoidable too
        OffsetDateTime lastStart = last.start();
        long taken = view.breaks(shift.id()).stream().filter(b -> !b.end().isAfter(lastStart)).count();
        List<ShiftBreak> rules = PlanView.breakRules(shift);
        for (int i = (int) Math.min(taken, rules.size()); i < rules.size(); i++) {
            ShiftBreak rule = rules.get(i);
            if (rule.earliestStart().isAfter(end)) {
                break;
            }
            end = end.plusSeconds(rule.durationSeconds() == null ? 0 : rule.durationSeconds());
        }
        return end;
    }

    private static String stepSummary(Route route) {
        return route.steps().stream().map(s -> s.type().name().charAt(0) + (s.visitId() == null ? "" : " "
                + s.visitId()) + " " + Changes.clock(s.start()) + "–" + Changes.clock(s.end()))
                .collect(Collectors.joining(", "));
    }

    // ---- unavailable technicians --------------------------------------------------------------------------------

    private void checkAbsent(PlanView view) {
        for (Map.Entry<String, OffsetDateTime> absent : unavailableFrom.entrySet()) {
            for (Shift shift : view.shifts.values()) {
                if (!shift.technicianId().equals(absent.getKey()) || !shiftsWhenAbsent.contains(shift.id())) {
                    continue;
                }
                for (PlanView.Service service : view.services(shift.id())) {
                    if (!view.isStarted(service.visitId()) && !service.start().isBefore(absent.getValue())) {
                        add(Invariant.ABSENT_UNUSED, service.visitId(), absent.getKey() + " is unavailable from "
                                + Changes.clock(absent.getValue()) + " but is planned to serve " + service.visitId()
                                + " on " + shift.id() + " at " + Changes.clock(service.start()));
                    }
                }
            }
        }
    }

    // ---- emergencies --------------------------------------------------------------------------------------------

    /** The earliest start of an emergency on one shift, with what was assumed. */
    record EarliestStart(String shiftId, OffsetDateTime start, String assumption) {
    }

    private void checkEmergency(PlanView view, String visitId, OffsetDateTime now) {
        Visit visit = view.visits.get(visitId);
        if (visit == null) {
            return; // reported as lost
        }
        List<EarliestStart> candidates = new ArrayList<>();
        for (Shift shift : view.shifts.values()) {
            EarliestStart earliest = earliestStart(view, visit, shift, now);
            if (earliest != null) {
                candidates.add(earliest);
            }
        }
        EarliestStart best = candidates.stream().min((a, b) -> a.start().compareTo(b.start())).orElse(null);
        PlanView.Service served = view.services.get(visitId);
        if (served == null) {
            // explained when serving it on each shift that could would push out work that weighs as much (another
            // CRITICAL visit, say)
            best = candidates.stream().filter(c -> !earlierCostsMore(view, visit, c, null))
                    .min((a, b) -> a.start().compareTo(b.start())).orElse(null);
            if (best != null) {
                UnassignedVisit unassigned = view.unassigned.get(visitId);
                add(Invariant.EMERGENCY_EARLIEST, visitId, "CRITICAL emergency " + visitId + " is unassigned ("
                        + (unassigned == null ? "no reason" : unassigned.reason()) + ") although shift "
                        + best.shiftId() + " could start it at " + Changes.clock(best.start()) + " ("
                        + best.assumption() + ")");
            }
            return;
        }
        if (best == null || !served.start().isAfter(best.start().plus(EMERGENCY_SLACK))) {
            return;
        }
        List<String> unexplained = new ArrayList<>();
        for (EarliestStart candidate : candidates) {
            if (!served.start().isAfter(candidate.start().plus(EMERGENCY_SLACK))) {
                continue;
            }
            OffsetDateTime from = candidate.start();
            OffsetDateTime until = from.plusSeconds(visit.serviceDurationSeconds());
            boolean busyWithCritical = view.services(candidate.shiftId()).stream()
                    .filter(s -> !s.visitId().equals(visitId))
                    .filter(s -> view.visits.containsKey(s.visitId())
                            && view.visits.get(s.visitId()).priorityOrDefault() == Priority.CRITICAL)
                    .anyMatch(s -> s.start().isBefore(until) && s.end().isAfter(from));
            if (!busyWithCritical && !earlierCostsMore(view, visit, candidate, served)) {
                unexplained.add(candidate.shiftId() + " at " + Changes.clock(candidate.start()) + " ("
                        + candidate.assumption() + ")");
            }
        }
        if (!unexplained.isEmpty()) {
            add(Invariant.EMERGENCY_EARLIEST, visitId, "CRITICAL emergency " + visitId + " starts at "
                    + Changes.clock(served.start()) + " on " + served.shiftId() + ", "
                    + Duration.between(best.start(), served.start()).toMinutes() + " min after the earliest feasible"
                    + " start; could start earlier on " + String.join("; ", unexplained));
        }
    }

    /**
     * Whether serving the emergency at the candidate's earliest start costs more than it gains, by the rules the
     * plan is made with (docs/model.md), computed here from the plan document and straight travel only. First at
     * medium level: the minutes of CRITICAL wait beyond the first hour it saves (`criticalDelay`) against the
     * visits it would push out of the day (past their last window, or the day past shift end plus overtime: the
     * lowest-priority visit after it would go) weighed as `unassignedVisit` weighs them, plus the wait beyond the
     * hour it adds to the shift's other CRITICAL visits. On a tie, at soft level: the extra driving (the detour on
     * the candidate's shift less the one saved on the serving shift), the delay it causes to the shift's other
     * CRITICAL (HIGH: a quarter) visits, the overtime it adds and the over-qualification it adds (a minute per skill
     * level) against the wait it saves; workload balance is left out (a second of travel per minute). The breaks
     * the plan has later on that shift are counted at once after the emergency (where they would push the most:
     * lenient towards the plan). The visits after it keep their order; one that follows another (dependencies)
     * starts no earlier than that one's end there (or in the plan) plus the minimum delay; with a driving limit, the
     * visits the route could no longer drive to are left out, the cheapest first.
     */
    private boolean earlierCostsMore(PlanView view, Visit emergency, EarliestStart candidate,
            PlanView.Service served) {
        Shift shift = view.shifts.get(candidate.shiftId());
        long pushedUrgentSeconds = 0;
        long mediumCost = 0;
        long cheapestAfter = Long.MAX_VALUE;
        Location departure = view.startLocation(shift);
        Location firstNext = null;
        OffsetDateTime time = candidate.start().plusSeconds(emergency.serviceDurationSeconds());
        // the breaks the plan has after that still have to be taken somewhere: counted right after the emergency
        for (PlanView.Break pause : view.breaks(shift.id())) {
            if (!pause.start().isBefore(candidate.start()) && pause.end() != null) {
                time = time.plus(Duration.between(pause.start(), pause.end()));
            }
        }
        Location at = emergency.location();
        long drivenBefore = 0; // from the start location through the visits that stay
        List<Visit> kept = new ArrayList<>(); // the visits that would follow the emergency, in their order
        Map<String, OffsetDateTime> newEnds = new HashMap<>(); // their ends then
        for (PlanView.Service service : view.services(shift.id())) {
            Visit other = view.visits.get(service.visitId());
            if (other != null && other.pin() != null && !other.id().equals(emergency.id())) {
                drivenBefore += travel.seconds(departure, other.location());
                departure = other.location(); // the emergency would come after the visits that stay
            }
            if (other == null || other.id().equals(emergency.id()) || other.pin() != null) {
                continue; // started and pinned visits stay where they are; the rest would follow the emergency
            }
            long weight = unassignedWeight(other.priorityOrDefault());
            cheapestAfter = Math.min(cheapestAfter, weight);
            OffsetDateTime arrival = time.plusSeconds(travel.seconds(at, other.location()));
            // a visit that follows others waits for their (new) end plus the minimum delay
            for (VisitAfter after : other.afterOrEmpty()) {
                OffsetDateTime before = newEnds.containsKey(after.visitId()) ? newEnds.get(after.visitId())
                        : view.services.containsKey(after.visitId()) ? view.services.get(after.visitId()).end()
                                : null;
                if (before != null && before.plusSeconds(after.minDelaySecondsOrZero()).isAfter(arrival)) {
                    arrival = before.plusSeconds(after.minDelaySecondsOrZero());
                }
            }
            OffsetDateTime start = null;
            for (TimeWindow window : other.timeWindowsOrEmpty()) {
                if (!arrival.isAfter(window.end())) {
                    start = arrival.isAfter(window.start()) ? arrival : window.start();
                    break;
                }
            }
            if (start == null && !other.timeWindowsOrEmpty().isEmpty()) {
                mediumCost += weight; // would miss its windows: left out, the route goes on without it
                continue;
            }
            if (firstNext == null) {
                firstNext = other.location();
            }
            OffsetDateTime begins = start == null ? arrival : start;
            Priority priority = other.priorityOrDefault();
            if ((priority == Priority.CRITICAL || priority == Priority.HIGH) && begins.isAfter(service.start())) {
                long pushed = Duration.between(service.start(), begins).toSeconds();
                pushedUrgentSeconds += priority == Priority.CRITICAL ? pushed : pushed / 4;
                if (priority == Priority.CRITICAL) {
                    mediumCost += criticalDelayMinutes(view, other, shift, begins)
                            - criticalDelayMinutes(view, other, shift, service.start());
                }
            }
            time = begins.plusSeconds(other.serviceDurationSeconds());
            newEnds.put(other.id(), time);
            at = other.location();
            kept.add(other);
        }
        OffsetDateTime home = time.plusSeconds(travel.seconds(at, view.endLocation(shift)));
        long overtime = shift.maxOvertimeSeconds() == null ? 0 : shift.maxOvertimeSeconds();
        if (home.isAfter(shift.end().plusSeconds(overtime))) {
            if (cheapestAfter == Long.MAX_VALUE) {
                return true; // nothing to leave out: the emergency itself does not fit
            }
            mediumCost += cheapestAfter;
        }
        if (shift.maxTravelSeconds() != null) {
            // the driving limit: the visits after the emergency that the route cannot drive to any more are left out,
            // the cheapest first (of equal weight, the one whose leaving out saves the most driving)
            mediumCost += leftOutForDrivingLimit(view, shift, drivenBefore, departure, emergency, kept);
        }
        if (served == null) {
            // left out: serving it there saves its weight left out, less its wait beyond the hour there
            long mediumSaved = unassignedWeight(emergency.priorityOrDefault())
                    - criticalDelayMinutes(view, emergency, shift, candidate.start());
            return mediumCost >= mediumSaved;
        }
        long mediumSaved = criticalDelayMinutes(view, emergency, view.shifts.get(served.shiftId()), served.start())
                - criticalDelayMinutes(view, emergency, shift, candidate.start());
        if (mediumSaved != mediumCost) {
            return mediumCost > mediumSaved;
        }
        Location next = firstNext != null ? firstNext : view.endLocation(shift);
        long detour = travel.seconds(departure, emergency.location()) + travel.seconds(emergency.location(), next)
                - travel.seconds(departure, next);
        long saved = shift.id().equals(served.shiftId()) ? 0 : detourSaved(view, emergency, served);
        long gain = Duration.between(candidate.start(), served.start()).toSeconds();
        // the overtime it adds on the candidate's shift (soft: a millisecond of overtime weighs one of travel)
        OffsetDateTime oldEnd = view.routeEnd(shift.id());
        long addedOvertime = Math.max(0, Duration.between(shift.end(), home).toSeconds())
                - (oldEnd == null ? 0 : Math.max(0, Duration.between(shift.end(), oldEnd).toSeconds()));
        // over-qualification (a minute of travel per skill level above what the visit needs): a specialist kept
        // for the work only he can do
        long overQualified = 60 * (excessSkillLevels(view, emergency, shift)
                - excessSkillLevels(view, emergency, view.shifts.get(served.shiftId())));
        return detour - saved + pushedUrgentSeconds + Math.max(0, addedOvertime) + overQualified >= gain;
    }

    /**
     * The {@code unassignedVisit} weight of the visits to leave out of {@code following} so that the route (the
     * driving before {@code departure}, then the emergency, the visits left, and home) keeps to the shift's
     * {@code maxTravelSeconds}: the cheapest first, of equal weight the one that saves the most driving.
     */
    private long leftOutForDrivingLimit(PlanView view, Shift shift, long drivenBefore, Location departure,
            Visit emergency, List<Visit> following) {
        List<Visit> left = new ArrayList<>(following);
        long weight = 0;
        while (drivenBefore + driving(view, shift, departure, emergency, left) > shift.maxTravelSeconds()
                && !left.isEmpty()) {
            Visit drop = null;
            long dropSaves = -1;
            long total = driving(view, shift, departure, emergency, left);
            for (Visit candidate : left) {
                List<Visit> without = new ArrayList<>(left);
                without.remove(candidate);
                long saves = total - driving(view, shift, departure, emergency, without);
                if (drop == null || unassignedWeight(candidate.priorityOrDefault())
                        < unassignedWeight(drop.priorityOrDefault())
                        || unassignedWeight(candidate.priorityOrDefault()) == unassignedWeight(drop
                                .priorityOrDefault()) && saves > dropSaves) {
                    drop = candidate;
                    dropSaves = saves;
                }
            }
            left.remove(drop);
            weight += unassignedWeight(drop.priorityOrDefault());
        }
        return weight;
    }

    /** Driving from {@code departure} to the emergency, through the visits in order, and home. */
    private long driving(PlanView view, Shift shift, Location departure, Visit emergency, List<Visit> visits) {
        long driven = travel.seconds(departure, emergency.location());
        Location at = emergency.location();
        for (Visit visit : visits) {
            driven += travel.seconds(at, visit.location());
            at = visit.location();
        }
        return driven + travel.seconds(at, view.endLocation(shift));
    }

    /** Skill levels the shift's technician has above what the visit needs (docs/model.md, `overQualified`). */
    private static int excessSkillLevels(PlanView view, Visit visit, Shift shift) {
        Technician technician = view.technicians.get(shift.technicianId());
        int excess = 0;
        for (Map.Entry<String, Integer> skill : visit.requiredSkillsOrEmpty().entrySet()) {
            excess += Math.max(0, technician.skillsOrEmpty().getOrDefault(skill.getKey(), 0) - skill.getValue());
        }
        return excess;
    }

    /** The medium-level weight of leaving out a visit of this priority (docs/model.md, `unassignedVisit`). */
    static long unassignedWeight(Priority priority) {
        return switch (priority) {
            case CRITICAL -> 1_000_000_000L;
            case HIGH -> 1_000L;
            case NORMAL -> 10L;
            case LOW -> 1L;
        };
    }

    /**
     * The minutes a CRITICAL visit starting at {@code start} waits beyond the first hour after its first window opens
     * (without windows, the first shift start of the plan), started minutes counted (docs/model.md, `criticalDelay`).
     */
    static long criticalDelayMinutes(PlanView view, Visit visit, Shift shift, OffsetDateTime start) {
        if (visit.priorityOrDefault() != Priority.CRITICAL || view.isStarted(visit.id())) {
            return 0;
        }
        List<TimeWindow> windows = visit.timeWindowsOrEmpty();
        OffsetDateTime opening = windows.stream().map(TimeWindow::start).min(OffsetDateTime::compareTo)
                .orElseGet(() -> view.shifts.values().stream().map(Shift::start).min(OffsetDateTime::compareTo)
                        .orElse(shift.start()));
        long beyond = Duration.between(opening, start).toMillis() - CRITICAL_GRACE.toMillis();
        return beyond <= 0 ? 0 : (beyond + 59_999) / 60_000;
    }

    /** The driving the serving shift would save without the emergency: its detour through the visit. */
    private long detourSaved(PlanView view, Visit emergency, PlanView.Service served) {
        Shift shift = view.shifts.get(served.shiftId());
        Location previous = view.startLocation(shift);
        Location next = view.endLocation(shift);
        boolean after = false;
        for (PlanView.Service service : view.services(shift.id())) {
            Visit other = view.visits.get(service.visitId());
            if (other == null) {
                continue;
            }
            if (other.id().equals(emergency.id())) {
                after = true;
            } else if (!after) {
                previous = other.location();
            } else {
                next = other.location();
                break;
            }
        }
        return travel.seconds(previous, emergency.location()) + travel.seconds(emergency.location(), next)
                - travel.seconds(previous, next);
    }

    /** The earliest start of the visit on the shift given what has happened, or null if the shift cannot serve it. */
    private EarliestStart earliestStart(PlanView view, Visit visit, Shift shift, OffsetDateTime now) {
        if (qualification(view, visit, shift, now.atZoneSameInstant(shift.start().getOffset()).toLocalDate())
                != null) {
            return null;
        }
        OffsetDateTime absentFrom = unavailableFrom.get(shift.technicianId());
        OffsetDateTime free = now.isAfter(shift.start()) ? now : shift.start();
        Location at = view.startLocation(shift);
        String assumption = "free at " + Changes.clock(free) + " at the shift's start location";
        int[] load = new int[shift.capacityOrEmpty().size()];
        Map<String, Integer> partsLeft = new HashMap<>(shift.vanStockOrEmpty());
        long driven = 0; // from the start location through the visits that stay, in their order
        Location drivenTo = view.startLocation(shift);
        for (PlanView.Service service : view.services(shift.id())) {
            Visit other = view.visits.get(service.visitId());
            if (other == null || other.pin() == null || other.id().equals(visit.id())) {
                continue;
            }
            for (int d = 0; d < load.length; d++) {
                load[d] += d < other.demandOrEmpty().size() ? other.demandOrEmpty().get(d) : 0;
            }
            other.partsOrEmpty().forEach((part, quantity) -> partsLeft.merge(part, -quantity, Integer::sum));
            driven += travel.seconds(drivenTo, other.location());
            drivenTo = other.location();
            if (service.end().isAfter(free) || other.pin().start() != null) {
                if (service.end().isAfter(free)) {
                    free = service.end();
                }
                at = other.location();
                assumption = "free at " + Changes.clock(free) + " after " + (other.pin().start() != null ? "started"
                        : "pinned") + " visit " + other.id();
            }
        }
        for (PlanView.Break taken : view.breaks(shift.id())) {
            if (taken.start().isBefore(now) && taken.end().isAfter(free)) {
                free = taken.end();
                assumption = "free at " + Changes.clock(free) + " after the break in progress";
            }
        }
        for (int d = 0; d < load.length; d++) {
            int demand = d < visit.demandOrEmpty().size() ? visit.demandOrEmpty().get(d) : 0;
            if (load[d] + demand > shift.capacityOrEmpty().get(d)) {
                return null;
            }
        }
        // the van must still carry its parts after the visits that stay, and the route must stay within its driving
        // limit: the visits that stay, the trip on to the emergency and home at least
        for (Map.Entry<String, Integer> part : visit.partsOrEmpty().entrySet()) {
            if (partsLeft.getOrDefault(part.getKey(), 0) < part.getValue()) {
                return null;
            }
        }
        if (shift.maxTravelSeconds() != null) {
            long least = driven + travel.seconds(drivenTo, visit.location())
                    + travel.seconds(visit.location(), view.endLocation(shift));
            if (least > shift.maxTravelSeconds()) {
                return null;
            }
            assumption += ", drives at least " + least + " of its " + shift.maxTravelSeconds() + " s";
        }
        OffsetDateTime arrival = free.plusSeconds(travel.seconds(at, visit.location()));
        OffsetDateTime start = serviceStart(visit, arrival);
        if (start == null) {
            return null;
        }
        long taken = view.breaks(shift.id()).stream().filter(b -> b.start().isBefore(now)).count();
        List<ShiftBreak> rules = PlanView.breakRules(shift);
        if (taken < rules.size()) {
            ShiftBreak pending = rules.get((int) taken);
            if (pending.latestStart().isBefore(start.plusSeconds(visit.serviceDurationSeconds()))
                    && shift.end().isAfter(pending.latestStart())) {
                OffsetDateTime afterBreak = (arrival.isAfter(pending.earliestStart()) ? arrival
                        : pending.earliestStart()).plusSeconds(pending.durationSeconds());
                OffsetDateTime delayed = serviceStart(visit, afterBreak);
                if (delayed == null) {
                    return null;
                }
                if (delayed.isAfter(start)) {
                    start = delayed;
                    assumption += ", lunch first";
                }
            }
        }
        OffsetDateTime home = start.plusSeconds(visit.serviceDurationSeconds())
                .plusSeconds(travel.seconds(visit.location(), view.endLocation(shift)));
        if (home.isAfter(shift.end().plusSeconds(shift.maxOvertimeSeconds() == null ? 0
                : shift.maxOvertimeSeconds()))) {
            return null;
        }
        if (absentFrom != null && start.plusSeconds(visit.serviceDurationSeconds()).isAfter(absentFrom)) {
            return null;
        }
        return new EarliestStart(shift.id(), start, assumption + ", arrives " + Changes.clock(arrival));
    }

    /** The earliest start inside a window for a technician ready at {@code ready}, or null when all have closed. */
    private static OffsetDateTime serviceStart(Visit visit, OffsetDateTime ready) {
        if (visit.timeWindowsOrEmpty().isEmpty()) {
            return ready;
        }
        OffsetDateTime best = null;
        for (TimeWindow window : visit.timeWindowsOrEmpty()) {
            if (!ready.isAfter(window.end())) {
                OffsetDateTime start = ready.isAfter(window.start()) ? ready : window.start();
                if (best == null || start.isBefore(best)) {
                    best = start;
                }
            }
        }
        return best;
    }
}
