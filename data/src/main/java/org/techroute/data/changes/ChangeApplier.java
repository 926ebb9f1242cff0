package org.techroute.data.changes;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.techroute.data.model.Location;
import org.techroute.data.model.Pin;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;
import org.techroute.data.model.Shift;
import org.techroute.data.model.ShiftBreak;
import org.techroute.data.model.Solution;
import org.techroute.data.model.Step;
import org.techroute.data.model.TakenBreak;
import org.techroute.data.model.Technician;
import org.techroute.data.model.Violation;
import org.techroute.data.model.Visit;
import org.techroute.data.validation.InvalidProblemException;
import org.techroute.data.validation.ProblemLimits;
import org.techroute.data.validation.ProblemValidator;

/**
 * Applies a batch of live changes to a plan document. The result is a plan whose problem says what is now
 * true (new or cancelled visits, shorter shifts, started visits pinned with their actual times) and whose
 * solution routes are the starting point for re-planning. Anything that cannot be applied is reported with
 * the path of the change ({@code $.changes[2].visitId}) and nothing is applied.
 * <p>
 * A visit pinned with a {@code start} counts as started when that start lies before "now" (the request's, else
 * the plan's; without either, always). A pin with a start at or after "now" is a frozen visit (see
 * {@code freezeMinutes}): it keeps its time, but it can still be cancelled or unpinned.
 */
public final class ChangeApplier {

    private ChangeApplier() {
    }

    /** @throws InvalidProblemException naming every change that cannot be applied */
    public static Problem apply(Problem plan, PlanChangeRequest request) {
        Run run = new Run(plan, request.now());
        if (request.freezeMinutes() != null) {
            if (request.freezeMinutes() < 0) {
                run.error("$.freezeMinutes", null, "the freeze must not be negative, got " + request.freezeMinutes());
            } else if (request.now() == null) {
                run.error("$.freezeMinutes", null, "a freeze needs \"now\": it counts from now");
            }
        }
        if (request.now() != null) {
            long freeze = request.freezeMinutes() == null ? 0 : Math.max(0, request.freezeMinutes());
            run.pinPlannedBefore(request.now().plusMinutes(freeze), null);
            run.recordBreaksStartedBefore(request.now());
        }
        List<PlanChange> changes = request.changes() == null ? List.of() : request.changes();
        if (changes.isEmpty() && request.now() == null) {
            run.error("$.changes", null, "no changes given");
        }
        for (int i = 0; i < changes.size(); i++) {
            run.apply("$.changes[" + i + "]", changes.get(i));
        }
        if (!run.errors.isEmpty()) {
            throw new InvalidProblemException(run.errors);
        }
        run.releaseOverrunFrozen();
        Problem result = run.result(request.now());
        run.checkAdded(result);
        return result;
    }

    /** A visit's service as the plan before the change has it. */
    private record Planned(String shiftId, OffsetDateTime start, OffsetDateTime end) {
    }

    private static final class Run {
        private final Problem plan;
        /** The request's "now", else the plan's; null when neither says what time it is. */
        private final OffsetDateTime now;
        private final boolean requestHasNow;
        private final List<Violation> errors = new ArrayList<>();
        private final List<Technician> technicians;
        private final List<Shift> shifts;
        private final List<Visit> visits;
        /** Route visit ids by shift id, from the plan's solution (the starting point of re-planning). */
        private final Map<String, List<String>> routes = new LinkedHashMap<>();
        private final Map<String, Planned> planned = new HashMap<>();
        /** BREAK steps of the plan before the change, by shift id, in time order. */
        private final Map<String, List<Step>> plannedBreaks = new HashMap<>();
        /** Visits this request pinned from the plan's times (not from anything recorded before). */
        private final Set<String> inferred = new HashSet<>();
        /** The request path of each added visit and shift, by id ({@code $.changes[0].visit}). */
        private final Map<String, String> addedVisits = new HashMap<>();
        private final Map<String, String> addedShifts = new HashMap<>();

        Run(Problem plan, OffsetDateTime requestNow) {
            this.plan = plan;
            this.now = requestNow != null ? requestNow : plan.now();
            this.requestHasNow = requestNow != null;
            this.technicians = new ArrayList<>(plan.techniciansOrEmpty());
            this.shifts = new ArrayList<>(plan.shiftsOrEmpty());
            this.visits = new ArrayList<>(plan.visitsOrEmpty());
            Solution solution = plan.solution();
            if (solution != null && solution.routes() != null) {
                for (Route route : solution.routes()) {
                    routes.put(route.shiftId(), new ArrayList<>(route.visitIds() == null ? List.of()
                            : route.visitIds()));
                    if (route.steps() != null) {
                        for (Step step : route.steps()) {
                            if (step.type() == Step.StepType.SERVICE) {
                                planned.put(step.visitId(), new Planned(route.shiftId(), step.start(), step.end()));
                            } else if (step.type() == Step.StepType.BREAK && step.start() != null) {
                                plannedBreaks.computeIfAbsent(route.shiftId(), k -> new ArrayList<>()).add(step);
                            }
                        }
                    }
                }
            }
        }

        void error(String path, String entityId, String message) {
            errors.add(new Violation(path, entityId, message));
        }

        /**
         * Visits whose planned service starts before {@code limit} are pinned where they are, with that start
         * (visits that started before "now", and frozen visits up to the end of the freeze). Only the route of
         * {@code onlyShiftId} when it is not null.
         */
        void pinPlannedBefore(OffsetDateTime limit, String onlyShiftId) {
            for (Map.Entry<String, List<String>> route : routes.entrySet()) {
                if (onlyShiftId != null && !onlyShiftId.equals(route.getKey())) {
                    continue;
                }
                List<String> ids = route.getValue();
                for (int position = 0; position < ids.size(); position++) {
                    Planned service = planned.get(ids.get(position));
                    int index = visitIndex(ids.get(position));
                    if (service == null || service.start() == null || !service.start().isBefore(limit)
                            || index < 0) {
                        break; // routes run in time order: the rest starts later
                    }
                    Visit visit = visits.get(index);
                    if (visit.pin() == null || visit.pin().start() == null) {
                        visits.set(index, visit.withPin(new Pin(route.getKey(), position, service.start(), null)));
                        inferred.add(visit.id());
                    }
                }
            }
        }

        /**
         * Breaks that the plan had start before {@code now} are recorded as taken, with the plan's times: a lunch
         * under way, or over, is a fact of the day and is never planned again. Each BREAK step goes to the first
         * break of its shift, in the shift's order, that is not taken yet and may start by then.
         */
        void recordBreaksStartedBefore(OffsetDateTime now) {
            for (int i = 0; i < shifts.size(); i++) {
                Shift shift = shifts.get(i);
                List<Step> steps = plannedBreaks.getOrDefault(shift.id(), List.of());
                if (steps.isEmpty() || shift.breaks() == null) {
                    continue;
                }
                List<ShiftBreak> breaks = new ArrayList<>(shift.breaks());
                boolean changed = false;
                for (Step step : steps) {
                    if (!step.start().isBefore(now)) {
                        break;
                    }
                    for (int b = 0; b < breaks.size(); b++) {
                        ShiftBreak pending = breaks.get(b);
                        if (pending.taken() == null && pending.earliestStart() != null
                                && !pending.earliestStart().isAfter(step.start())) {
                            breaks.set(b, new ShiftBreak(pending.earliestStart(), pending.latestStart(),
                                    pending.durationSeconds(), new TakenBreak(step.start(), step.end())));
                            changed = true;
                            break;
                        }
                        if (pending.taken() != null && pending.taken().start() != null
                                && pending.taken().start().equals(step.start())) {
                            break; // recorded already
                        }
                    }
                }
                if (changed) {
                    shifts.set(i, shift.withBreaks(breaks));
                }
            }
        }

        /**
         * A frozen visit keeps its planned start only while the visit before it ends in time: when a visit runs
         * long (or was done late) past it, the frozen visits after it on that shift are released to be timed
         * again.
         */
        void releaseOverrunFrozen() {
            if (now == null) {
                return;
            }
            Map<String, List<Integer>> pinsByShift = new HashMap<>();
            for (int i = 0; i < visits.size(); i++) {
                Pin pin = visits.get(i).pin();
                if (pin != null && pin.position() != null) {
                    pinsByShift.computeIfAbsent(pin.shiftId(), k -> new ArrayList<>()).add(i);
                }
            }
            for (List<Integer> pinned : pinsByShift.values()) {
                pinned.sort(Comparator.comparing(i -> visits.get(i).pin().position()));
                OffsetDateTime previousEnd = null;
                for (int k = 0; k < pinned.size(); k++) {
                    Visit visit = visits.get(pinned.get(k));
                    Pin pin = visit.pin();
                    boolean frozen = pin.start() != null && pin.end() == null && !pin.start().isBefore(now);
                    if (frozen && previousEnd != null && pin.start().isBefore(previousEnd)) {
                        for (int later = pinned.size() - 1; later >= k; later--) {
                            Pin laterPin = visits.get(pinned.get(later)).pin();
                            if (laterPin.start() != null && laterPin.end() == null && !laterPin.start().isBefore(
                                    now)) {
                                removePin(pinned.get(later));
                            }
                        }
                        break;
                    }
                    previousEnd = pin.start() == null ? null : finish(visit);
                }
            }
        }

        /** Started: pinned with a start before "now" (or with a start at all when the time is unknown). */
        private boolean started(Visit visit) {
            Pin pin = visit.pin();
            return pin != null && pin.start() != null && (now == null || pin.start().isBefore(now));
        }

        void apply(String path, PlanChange change) {
            if (change == null) {
                error(path, null, "a change must be an object with a type");
                return;
            }
            if (change instanceof PlanChange.AddVisit add) {
                addVisit(path, add);
            } else if (change instanceof PlanChange.CancelVisit cancel) {
                cancelVisit(path, cancel);
            } else if (change instanceof PlanChange.VisitRunsLong late) {
                runsLong(path, late);
            } else if (change instanceof PlanChange.TechnicianUnavailable absent) {
                unavailable(path, absent);
            } else if (change instanceof PlanChange.AddShift add) {
                addShift(path, add);
            } else if (change instanceof PlanChange.ShortenShift shorten) {
                shorten(path, shorten);
            } else if (change instanceof PlanChange.Unpin unpin) {
                unpin(path, unpin);
            } else if (change instanceof PlanChange.VisitDone done) {
                done(path, done);
            } else if (change instanceof PlanChange.MoveVisit move) {
                move(path, move);
            } else if (change instanceof PlanChange.LockVisit lock) {
                lockVisit(path, lock);
            } else if (change instanceof PlanChange.LockRoute lock) {
                lockRoute(path, lock);
            } else if (change instanceof PlanChange.UnlockRoute unlock) {
                unlockRoute(path, unlock);
            }
        }

        private void addVisit(String path, PlanChange.AddVisit add) {
            if (add.visit() == null || add.visit().id() == null || add.visit().id().isBlank()) {
                error(path + ".visit.id", null, "the new visit needs an id");
            } else if (visitIndex(add.visit().id()) >= 0) {
                error(path + ".visit.id", add.visit().id(), "visit '" + add.visit().id() + "' already exists");
            } else if (add.visit().crewId() != null && visits.stream().anyMatch(v -> add.visit().crewId().equals(
                    v.crewId()) && started(v))) {
                // a crew starts together: one that has started cannot take a member who was not there
                error(path + ".visit.crewId", add.visit().id(), "crew '" + add.visit().crewId() + "' has started"
                        + " (visit " + visits.stream().filter(v -> add.visit().crewId().equals(v.crewId())
                                && started(v)).map(Visit::id).findFirst().orElseThrow()
                        + "); a new visit cannot join it");
            } else {
                visits.add(add.visit());
                addedVisits.put(add.visit().id(), path + ".visit");
            }
        }

        /** The index of the visit the change names, or -1 after reporting a missing or unknown id. */
        private int knownVisit(String path, String visitId) {
            if (visitId == null || visitId.isBlank()) {
                error(path + ".visitId", null, "the visit id (visitId) is missing");
                return -1;
            }
            int index = visitIndex(visitId);
            if (index < 0) {
                error(path + ".visitId", visitId, "unknown visit '" + visitId + "'");
            }
            return index;
        }

        private void cancelVisit(String path, PlanChange.CancelVisit cancel) {
            int index = knownVisit(path, cancel.visitId());
            if (index < 0) {
                return;
            }
            Visit visit = visits.get(index);
            if (started(visit)) {
                error(path + ".visitId", visit.id(), "visit '" + visit.id() + "' has started; it cannot be"
                        + " cancelled");
                return;
            }
            // a pin without start (or a frozen visit) goes with the visit: cancelling unpins it
            removePin(index);
            visits.remove(index);
            routes.values().forEach(ids -> ids.remove(visit.id()));
            unlink(visit);
        }

        /**
         * What a cancelled visit leaves behind in the links of others: the visits that followed it no longer do, and a
         * crew left with one visit is no crew (that visit is served alone).
         */
        private void unlink(Visit cancelled) {
            long crewLeft = cancelled.crewId() == null ? 0
                    : visits.stream().filter(v -> cancelled.crewId().equals(v.crewId())).count();
            for (int i = 0; i < visits.size(); i++) {
                Visit other = visits.get(i);
                if (other.afterOrEmpty().stream().anyMatch(a -> cancelled.id().equals(a.visitId()))) {
                    List<org.techroute.data.model.VisitAfter> kept = other.afterOrEmpty().stream()
                            .filter(a -> !cancelled.id().equals(a.visitId())).toList();
                    other = other.withAfter(kept.isEmpty() ? null : kept);
                }
                if (crewLeft == 1 && cancelled.crewId().equals(other.crewId())) {
                    other = other.withCrewId(null);
                }
                visits.set(i, other);
            }
        }

        private void unpin(String path, PlanChange.Unpin unpin) {
            int index = knownVisit(path, unpin.visitId());
            if (index < 0) {
                return;
            }
            Visit visit = visits.get(index);
            if (visit.pin() == null) {
                error(path + ".visitId", visit.id(), "visit '" + visit.id() + "' is not pinned");
            } else if (started(visit)) {
                error(path + ".visitId", visit.id(), "visit '" + visit.id() + "' started at " + visit.pin().start()
                        + "; a started visit cannot be unpinned (VISIT_RUNS_LONG or VISIT_DONE change its times)");
            } else {
                removePin(index);
            }
        }

        /** The shift the change names, or null after reporting a missing or unknown id. */
        private Shift knownShift(String path, String shiftId, String entityId) {
            if (shiftId == null || shiftId.isBlank()) {
                error(path + ".shiftId", entityId, "the shift id (shiftId) is missing");
                return null;
            }
            Shift shift = shifts.stream().filter(s -> s.id().equals(shiftId)).findFirst().orElse(null);
            if (shift == null) {
                error(path + ".shiftId", shiftId, "unknown shift '" + shiftId + "'");
            }
            return shift;
        }

        /** The route of a shift as the change sees it: the plan's route, else its pinned visits in order. */
        private List<String> routeOf(String shiftId) {
            return routes.computeIfAbsent(shiftId, id -> {
                List<Visit> pinned = new ArrayList<>(visits.stream().filter(v -> v.pin() != null && id.equals(v
                        .pin().shiftId())).toList());
                pinned.sort(Comparator.comparing(v -> v.pin().position(), Comparator.nullsLast(Comparator
                        .naturalOrder())));
                return new ArrayList<>(pinned.stream().map(Visit::id).toList());
            });
        }

        /** Whether the visit is pinned with a start on that shift: started, or frozen (it keeps its time). */
        private boolean timed(String visitId, String shiftId) {
            int index = visitIndex(visitId);
            Pin pin = index < 0 ? null : visits.get(index).pin();
            return pin != null && pin.start() != null && shiftId.equals(pin.shiftId());
        }

        private boolean pinnedOn(String visitId, String shiftId) {
            int index = visitIndex(visitId);
            Pin pin = index < 0 ? null : visits.get(index).pin();
            return pin != null && shiftId.equals(pin.shiftId());
        }

        /**
         * Locks the first {@code count} visits of a shift's route at their positions (keeping the start and end of
         * pins that have them), and renumbers the locks after them: a lock is always a route's first visits.
         */
        private void lockPrefix(String shiftId, int count) {
            List<String> route = routeOf(shiftId);
            int last = count - 1;
            for (int i = 0; i < route.size(); i++) {
                if (pinnedOn(route.get(i), shiftId)) {
                    last = Math.max(last, i);
                }
            }
            for (int i = 0; i <= last && i < route.size(); i++) {
                int index = visitIndex(route.get(i));
                if (index < 0) {
                    continue;
                }
                Visit visit = visits.get(index);
                Pin pin = visit.pin();
                visits.set(index, visit.withPin(pin != null && shiftId.equals(pin.shiftId()) ? pin.withPosition(i)
                        : new Pin(shiftId, i)));
            }
        }

        private void move(String path, PlanChange.MoveVisit move) {
            int index = knownVisit(path, move.visitId());
            if (index < 0) {
                return;
            }
            Visit visit = visits.get(index);
            Shift shift = knownShift(path, move.shiftId(), visit.id());
            if (shift == null) {
                return;
            }
            if (started(visit)) {
                error(path + ".visitId", visit.id(), "visit '" + visit.id() + "' started at " + visit.pin().start()
                        + " on shift '" + visit.pin().shiftId() + "'; a started visit cannot be moved");
                return;
            }
            if (move.position() != null && move.afterVisitId() != null) {
                error(path + ".afterVisitId", visit.id(), "give position or afterVisitId, not both");
                return;
            }
            List<String> target = new ArrayList<>(routeOf(shift.id()));
            target.remove(visit.id());
            int position;
            if (move.afterVisitId() != null) {
                int after = target.indexOf(move.afterVisitId());
                if (after < 0) {
                    error(path + ".afterVisitId", move.afterVisitId(), "visit '" + move.afterVisitId()
                            + "' is not on the route of shift '" + shift.id() + "'");
                    return;
                }
                position = after + 1;
            } else if (move.position() != null) {
                position = move.position();
                if (position < 0 || position > target.size()) {
                    error(path + ".position", visit.id(), "position must be between 0 and " + target.size()
                            + " (the route of shift '" + shift.id() + "' without the visit has " + target.size()
                            + " visits), got " + position);
                    return;
                }
            } else {
                position = target.size();
            }
            int timed = 0;
            while (timed < target.size() && timed(target.get(timed), shift.id())) {
                timed++;
            }
            if (position < timed) {
                error(path + ".position", visit.id(), "visit '" + target.get(timed - 1) + "' of shift '" + shift.id()
                        + "' has started or is frozen at position " + (timed - 1) + "; visit '" + visit.id()
                        + "' can go at position " + timed + " or later");
                return;
            }
            int locked = 0;
            for (int i = 0; i < target.size(); i++) {
                if (pinnedOn(target.get(i), shift.id())) {
                    locked = i + 1;
                }
            }
            if (!move.pinned() && position < locked) {
                error(path + ".pin", visit.id(), "position " + position + " lies among the locked visits of shift '"
                        + shift.id() + "' (positions 0.." + (locked - 1) + "): lock the visit there (pin: true) or"
                        + " choose a position from " + locked);
                return;
            }
            removePin(index);
            routes.values().forEach(ids -> ids.remove(visit.id()));
            List<String> route = routeOf(shift.id());
            route.add(position, visit.id());
            lockPrefix(shift.id(), move.pinned() ? position + 1 : 0);
        }

        private void lockVisit(String path, PlanChange.LockVisit lock) {
            int index = knownVisit(path, lock.visitId());
            if (index < 0) {
                return;
            }
            Visit visit = visits.get(index);
            for (Map.Entry<String, List<String>> route : routes.entrySet()) {
                int position = route.getValue().indexOf(visit.id());
                if (position >= 0) {
                    if (visit.pin() != null && !visit.pin().shiftId().equals(route.getKey())) {
                        error(path + ".visitId", visit.id(), "visit '" + visit.id() + "' is pinned to shift '"
                                + visit.pin().shiftId() + "' but planned on '" + route.getKey() + "'");
                        return;
                    }
                    lockPrefix(route.getKey(), position + 1);
                    return;
                }
            }
            if (visit.pin() == null) {
                error(path + ".visitId", visit.id(), "visit '" + visit.id() + "' is not on any route; put it on one"
                        + " with MOVE_VISIT (pin: true)");
            }
        }

        private void lockRoute(String path, PlanChange.LockRoute lock) {
            Shift shift = knownShift(path, lock.shiftId(), null);
            if (shift != null) {
                lockPrefix(shift.id(), routeOf(shift.id()).size());
            }
        }

        private void unlockRoute(String path, PlanChange.UnlockRoute unlock) {
            Shift shift = knownShift(path, unlock.shiftId(), null);
            if (shift == null) {
                return;
            }
            for (int i = 0; i < visits.size(); i++) {
                Visit visit = visits.get(i);
                if (visit.pin() != null && shift.id().equals(visit.pin().shiftId()) && !started(visit)) {
                    visits.set(i, visit.withPin(null));
                    inferred.remove(visit.id());
                }
            }
            orderPins(shift.id());
        }

        /**
         * Removes the pin of the visit at {@code index}; the later pins of its shift move up one position. The
         * visit stays in its route, for the solver to keep or move.
         */
        private void removePin(int index) {
            Pin pin = visits.get(index).pin();
            if (pin == null) {
                return;
            }
            visits.set(index, visits.get(index).withPin(null));
            inferred.remove(visits.get(index).id());
            for (int i = 0; i < visits.size(); i++) {
                Pin other = visits.get(i).pin();
                if (other != null && pin.shiftId().equals(other.shiftId()) && other.position() != null
                        && pin.position() != null && other.position() > pin.position()) {
                    visits.set(i, visits.get(i).withPin(other.withPosition(other.position() - 1)));
                }
            }
        }

        private void runsLong(String path, PlanChange.VisitRunsLong late) {
            int index = knownVisit(path, late.visitId());
            if (index < 0) {
                return;
            }
            Visit visit = visits.get(index);
            if (visit.pin() == null || visit.pin().start() == null) {
                error(path + ".visitId", visit.id(), "visit '" + visit.id() + "' has not started (give \"now\""
                        + " after its start, or pin it with its actual start)");
                return;
            }
            if (late.expectedEnd() == null || late.expectedEnd().isBefore(visit.pin().start())) {
                error(path + ".expectedEnd", visit.id(), "the expected end must be given and not before the"
                        + " visit started (" + visit.pin().start() + ")");
                return;
            }
            Pin pin = visit.pin();
            // one visit at a time: a visit the technician started after this one began cannot be before its end
            Visit next = visits.stream().filter(v -> v != visit && started(v) && v.pin().shiftId().equals(
                    pin.shiftId()) && v.pin().start().isAfter(pin.start()) && v.pin().start().isBefore(
                            late.expectedEnd())).findFirst().orElse(null);
            if (next != null) {
                error(path + ".expectedEnd", visit.id(), "visit '" + next.id() + "' on shift '" + pin.shiftId()
                        + "' started at " + next.pin().start() + ", after this visit began and before its expected"
                        + " end " + late.expectedEnd() + "; a technician serves one visit at a time");
                return;
            }
            visits.set(index, visit.withPin(new Pin(pin.shiftId(), pin.position(), pin.start(),
                    late.expectedEnd())));
        }

        /**
         * The visit is done: pinned with its actual start and end, on the shift that did it, after the other
         * visits of that shift that started before it.
         */
        private void done(String path, PlanChange.VisitDone done) {
            int index = knownVisit(path, done.visitId());
            if (index < 0) {
                return;
            }
            Visit visit = visits.get(index);
            Pin pin = visit.pin();
            OffsetDateTime start = done.start() != null ? done.start()
                    : pin != null && pin.start() != null ? pin.start()
                            : planned.containsKey(visit.id()) ? planned.get(visit.id()).start() : null;
            if (start == null) {
                error(path + ".start", visit.id(), "visit '" + visit.id() + "' was not recorded as started and"
                        + " is not planned; give its actual start");
                return;
            }
            if (done.end() == null) {
                error(path + ".end", visit.id(), "the actual end (end) is missing");
                return;
            }
            if (done.end().isBefore(start)) {
                error(path + ".end", visit.id(), "the visit ends (" + done.end() + ") before it started (" + start
                        + ")");
                return;
            }
            String shiftId;
            if (done.shiftId() != null) {
                if (shifts.stream().noneMatch(s -> s.id().equals(done.shiftId()))) {
                    error(path + ".shiftId", done.shiftId(), "unknown shift '" + done.shiftId() + "'");
                    return;
                }
                if (started(visit) && !pin.shiftId().equals(done.shiftId())) {
                    error(path + ".shiftId", visit.id(), "visit '" + visit.id() + "' started on shift '"
                            + pin.shiftId() + "', not on '" + done.shiftId() + "'");
                    return;
                }
                shiftId = done.shiftId();
            } else if (pin != null) {
                shiftId = pin.shiftId();
            } else if (planned.containsKey(visit.id())) {
                shiftId = planned.get(visit.id()).shiftId();
            } else {
                error(path + ".shiftId", visit.id(), "visit '" + visit.id() + "' is not planned on any shift;"
                        + " give the shift (shiftId) that did it");
                return;
            }
            if (pin != null && pin.shiftId().equals(shiftId)) {
                visits.set(index, visit.withPin(new Pin(shiftId, pin.position(), start, done.end())));
            } else {
                removePin(index);
                int position = (int) visits.stream().filter(v -> v.pin() != null && shiftId.equals(v.pin()
                        .shiftId())).count();
                visits.set(index, visits.get(index).withPin(new Pin(shiftId, position, start, done.end())));
            }
            inferred.remove(visit.id());
            orderPins(shiftId);
            for (Map.Entry<String, List<String>> route : routes.entrySet()) {
                if (!route.getKey().equals(shiftId)) {
                    route.getValue().remove(visit.id());
                }
            }
            List<String> route = routes.computeIfAbsent(shiftId, k -> new ArrayList<>());
            if (!route.contains(visit.id())) {
                route.add(0, visit.id());
            }
        }

        /** Renumbers the pins of a shift: pins with a start by start, then pins without, in their order. */
        private void orderPins(String shiftId) {
            List<Integer> pinned = new ArrayList<>();
            for (int i = 0; i < visits.size(); i++) {
                if (visits.get(i).pin() != null && shiftId.equals(visits.get(i).pin().shiftId())) {
                    pinned.add(i);
                }
            }
            pinned.sort(Comparator.<Integer, Boolean>comparing(i -> visits.get(i).pin().start() == null)
                    .thenComparing(i -> visits.get(i).pin().start(), Comparator.nullsLast(Comparator
                            .naturalOrder()))
                    .thenComparing(i -> visits.get(i).pin().position(), Comparator.nullsLast(Comparator
                            .naturalOrder())));
            for (int position = 0; position < pinned.size(); position++) {
                int i = pinned.get(position);
                visits.set(i, visits.get(i).withPin(visits.get(i).pin().withPosition(position)));
            }
        }

        private void unavailable(String path, PlanChange.TechnicianUnavailable absent) {
            if (absent.technicianId() == null || absent.technicianId().isBlank()) {
                error(path + ".technicianId", null, "the technician id (technicianId) is missing");
                return;
            }
            if (technicians.stream().noneMatch(t -> t.id().equals(absent.technicianId()))) {
                error(path + ".technicianId", absent.technicianId(), "unknown technician '"
                        + absent.technicianId() + "'");
                return;
            }
            OffsetDateTime from = absent.from();
            if (from == null) {
                error(path + ".from", absent.technicianId(), "the time the technician is unavailable from is"
                        + " missing");
                return;
            }
            Set<String> removed = new HashSet<>();
            for (int i = 0; i < shifts.size(); i++) {
                Shift shift = shifts.get(i);
                if (!absent.technicianId().equals(shift.technicianId()) || shift.start() == null
                        || shift.end() == null || !shift.end().isAfter(from)) {
                    continue;
                }
                if (!shift.start().isBefore(from)) {
                    removed.add(shift.id());
                } else {
                    shifts.set(i, cut(shift, from));
                }
            }
            shifts.removeIf(shift -> removed.contains(shift.id()));
            for (String shiftId : removed) {
                routes.remove(shiftId);
                for (int i = 0; i < visits.size(); i++) {
                    Visit visit = visits.get(i);
                    if (visit.pin() != null && visit.pin().shiftId().equals(shiftId)) {
                        visits.set(i, visit.withPin(null));
                    }
                }
            }
        }

        /**
         * The shift under way of a technician unavailable from {@code from}: it keeps the visits he started
         * before {@code from} and ends at {@code from}, or when the visit in progress then ends, where he is at
         * {@code from}. Without "now", the plan says what he did before {@code from}.
         */
        private Shift cut(Shift shift, OffsetDateTime from) {
            if (!requestHasNow) {
                pinPlannedBefore(from, shift.id());
            }
            List<Visit> kept = new ArrayList<>();
            for (int i = 0; i < visits.size(); i++) {
                Visit visit = visits.get(i);
                Pin pin = visit.pin();
                if (pin == null || !shift.id().equals(pin.shiftId())) {
                    continue;
                }
                boolean didIt = pin.start() != null && (pin.start().isBefore(from)
                        || !inferred.contains(visit.id()) && started(visit));
                if (didIt) {
                    kept.add(visit);
                } else {
                    // never started by him: a pin without start, a visit he would have started after "from"
                    visits.set(i, visit.withPin(null));
                    inferred.remove(visit.id());
                }
            }
            kept.sort(Comparator.comparing((Visit v) -> v.pin().start()).thenComparing(v -> v.pin().position()));
            OffsetDateTime end = from;
            OffsetDateTime busyUntil = now != null && now.isAfter(shift.start()) ? now : shift.start();
            Visit last = null;
            for (int position = 0; position < kept.size(); position++) {
                Visit visit = kept.get(position);
                int index = visitIndex(visit.id());
                visits.set(index, visit.withPin(visit.pin().withPosition(position)));
                OffsetDateTime finish = finish(visit);
                if (finish.isAfter(end)) {
                    end = finish;
                }
                if (finish.isAfter(busyUntil)) {
                    busyUntil = finish;
                }
                last = visit;
            }
            // a break he is on at "from" (taken: a fact) ends before he can go
            for (ShiftBreak pause : shift.breaks() == null ? List.<ShiftBreak>of() : shift.breaks()) {
                if (pause != null && pause.taken() != null && pause.taken().start() != null
                        && pause.taken().start().isBefore(from)) {
                    OffsetDateTime pauseEnd = pause.taken().end() != null ? pause.taken().end()
                            : pause.taken().start().plusSeconds(pause.durationSeconds() == null ? 0
                                    : pause.durationSeconds());
                    if (pauseEnd.isAfter(end)) {
                        end = pauseEnd;
                    }
                }
            }
            // where he is at "from": at the visit in progress, or at the last visit he finished, or at the start
            Location endLocation = last == null ? shift.startLocation() : last.location();
            OffsetDateTime newEnd = end;
            List<String> keptIds = kept.stream().map(Visit::id).toList();
            List<String> route = routes.get(shift.id());
            if (route != null) {
                List<String> trimmed = new ArrayList<>(keptIds);
                for (String id : route) {
                    Planned service = planned.get(id);
                    if (!keptIds.contains(id) && service != null && service.end() != null
                            && !service.end().isAfter(newEnd) && visitIndex(id) >= 0
                            && visits.get(visitIndex(id)).pin() == null && !service.start().isBefore(
                                    now == null ? from : now)) {
                        trimmed.add(id);
                    }
                }
                routes.put(shift.id(), trimmed);
            }
            return shift.withEnd(newEnd).withEndLocation(endLocation).withMaxOvertimeSeconds(0L)
                    .withBreaks(breaksThatFit(breaksBefore(shift, newEnd), busyUntil, newEnd));
        }

        /**
         * Of a cut shift's breaks, those still to come (latest start not before {@code busyUntil}, when the work he
         * keeps ends) only if they fit before the new end: a technician who goes home does not take a lunch he has
         * no time left for. Taken breaks and breaks whose window has passed stay (facts, or judged by the timing
         * rules).
         */
        private static List<ShiftBreak> breaksThatFit(List<ShiftBreak> breaks, OffsetDateTime busyUntil,
                OffsetDateTime newEnd) {
            if (breaks == null) {
                return null;
            }
            return breaks.stream().filter(b -> b == null || b.taken() != null || b.latestStart() == null
                    || b.earliestStart() == null || b.durationSeconds() == null
                    || b.latestStart().isBefore(busyUntil)
                    || !(b.earliestStart().isAfter(busyUntil) ? b.earliestStart() : busyUntil)
                            .plusSeconds(b.durationSeconds()).isAfter(newEnd)).toList();
        }

        /** The visit's actual or expected end, or start plus service duration. */
        private static OffsetDateTime finish(Visit visit) {
            Pin pin = visit.pin();
            return pin.end() != null ? pin.end() : pin.start().plusSeconds(visit.serviceDurationSeconds() == null
                    ? 0 : visit.serviceDurationSeconds());
        }

        /** The shift's breaks that can start before {@code end}; later ones are not needed any more. */
        private static List<ShiftBreak> breaksBefore(Shift shift, OffsetDateTime end) {
            if (shift.breaks() == null) {
                return null;
            }
            return shift.breaks().stream().filter(b -> b == null || b.earliestStart() == null
                    || b.earliestStart().isBefore(end)).toList();
        }

        /**
         * Validates the changed problem as the planner will, so that errors in an added visit or shift name
         * where it is in the request ({@code $.changes[0].visit.location.lat}), not where it would be in the
         * problem ({@code $.visits[10]...}).
         */
        void checkAdded(Problem result) {
            if (addedVisits.isEmpty() && addedShifts.isEmpty()) {
                return;
            }
            List<Violation> found = new ProblemValidator(ProblemLimits.UNLIMITED).validate(result).errors();
            List<Violation> rebased = new ArrayList<>();
            for (Violation v : found) {
                String path = rebase(v.path(), "$.visits[", result.visitsOrEmpty(), Visit::id, addedVisits);
                path = path != null ? path : rebase(v.path(), "$.shifts[", result.shiftsOrEmpty(), Shift::id,
                        addedShifts);
                if (path != null) {
                    rebased.add(new Violation(path, v.entityId(), v.message()));
                }
            }
            if (!rebased.isEmpty()) {
                throw new InvalidProblemException(rebased);
            }
        }

        private static <T> String rebase(String path, String prefix, List<T> list,
                java.util.function.Function<T, String> id, Map<String, String> added) {
            if (path == null || !path.startsWith(prefix)) {
                return null;
            }
            int close = path.indexOf(']', prefix.length());
            int index;
            try {
                index = Integer.parseInt(path.substring(prefix.length(), close));
            } catch (RuntimeException e) {
                return null;
            }
            String requestPath = index < list.size() ? added.get(id.apply(list.get(index))) : null;
            return requestPath == null ? null : requestPath + path.substring(close + 1);
        }

        private void addShift(String path, PlanChange.AddShift add) {
            Shift shift = add.shift();
            if (shift == null || shift.id() == null || shift.id().isBlank()) {
                error(path + ".shift.id", null, "the new shift needs an id");
                return;
            }
            if (shifts.stream().anyMatch(s -> s.id().equals(shift.id()))) {
                error(path + ".shift.id", shift.id(), "shift '" + shift.id() + "' already exists");
                return;
            }
            for (Shift other : shifts) {
                if (other.technicianId() != null && other.technicianId().equals(shift.technicianId())
                        && other.overlaps(shift)) {
                    error(path + ".shift.start", shift.id(), "shift '" + shift.id() + "' (" + shift.start() + " to "
                            + shift.end() + ") overlaps shift '" + other.id() + "' (" + other.start() + " to "
                            + other.end() + ") of the same technician '" + shift.technicianId() + "'");
                    return;
                }
            }
            shifts.add(shift);
            addedShifts.put(shift.id(), path + ".shift");
        }

        private void shorten(String path, PlanChange.ShortenShift shorten) {
            if (shorten.shiftId() == null || shorten.shiftId().isBlank()) {
                error(path + ".shiftId", null, "the shift id (shiftId) is missing");
                return;
            }
            for (int i = 0; i < shifts.size(); i++) {
                Shift shift = shifts.get(i);
                if (shift.id().equals(shorten.shiftId())) {
                    if (shorten.end() == null || shift.start() == null || shift.end() == null
                            || !shorten.end().isBefore(shift.end()) || !shorten.end().isAfter(shift.start())) {
                        error(path + ".end", shift.id(), "the new end must lie between the shift's start ("
                                + shift.start() + ") and its current end (" + shift.end() + ")");
                        return;
                    }
                    shifts.set(i, shift.withEnd(shorten.end()).withBreaks(breaksBefore(shift, shorten.end())));
                    return;
                }
            }
            error(path + ".shiftId", shorten.shiftId(), "unknown shift '" + shorten.shiftId() + "'");
        }

        private int visitIndex(String id) {
            for (int i = 0; i < visits.size(); i++) {
                if (visits.get(i).id() != null && visits.get(i).id().equals(id)) {
                    return i;
                }
            }
            return -1;
        }

        Problem result(OffsetDateTime requestNow) {
            Problem updated = plan.withResources(technicians, shifts, visits);
            if (requestNow != null) {
                updated = updated.withNow(requestNow);
            }
            Solution solution = plan.solution();
            if (solution == null) {
                return updated;
            }
            List<Route> startRoutes = new ArrayList<>();
            for (Shift shift : shifts) {
                List<String> ids = routes.getOrDefault(shift.id(), List.of());
                startRoutes.add(Route.ofVisits(shift.id(), shift.technicianId(), ids));
            }
            return updated.withSolution(solution.withRoutes(startRoutes));
        }
    }
}
