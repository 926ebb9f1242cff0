package org.techroute.data.changes;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.techroute.data.model.Pin;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;
import org.techroute.data.model.Shift;
import org.techroute.data.model.Solution;
import org.techroute.data.model.Step;
import org.techroute.data.model.Technician;
import org.techroute.data.model.Violation;
import org.techroute.data.model.Visit;
import org.techroute.data.validation.InvalidProblemException;

/**
 * Applies a batch of live changes to a plan document. The result is a plan whose problem says what is now
 * true (new or cancelled visits, shorter shifts, started visits pinned with their actual times) and whose
 * solution routes are the starting point for re-planning. Anything that cannot be applied is reported with
 * the path of the change ({@code $.changes[2].visitId}) and nothing is applied.
 */
public final class ChangeApplier {

    private ChangeApplier() {
    }

    /** @throws InvalidProblemException naming every change that cannot be applied */
    public static Problem apply(Problem plan, PlanChangeRequest request) {
        Run run = new Run(plan);
        if (request.now() != null) {
            run.pinStartedBefore(request.now());
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
        return run.result(request.now());
    }

    private static final class Run {
        private final Problem plan;
        private final List<Violation> errors = new ArrayList<>();
        private final List<Technician> technicians;
        private final List<Shift> shifts;
        private final List<Visit> visits;
        /** Route visit ids by shift id, from the plan's solution (the starting point of re-planning). */
        private final Map<String, List<String>> routes = new HashMap<>();
        private final Map<String, Map<String, OffsetDateTime>> startsByShift = new HashMap<>();

        Run(Problem plan) {
            this.plan = plan;
            this.technicians = new ArrayList<>(plan.techniciansOrEmpty());
            this.shifts = new ArrayList<>(plan.shiftsOrEmpty());
            this.visits = new ArrayList<>(plan.visitsOrEmpty());
            Solution solution = plan.solution();
            if (solution != null && solution.routes() != null) {
                for (Route route : solution.routes()) {
                    routes.put(route.shiftId(), new ArrayList<>(route.visitIds() == null ? List.of()
                            : route.visitIds()));
                    Map<String, OffsetDateTime> starts = new HashMap<>();
                    if (route.steps() != null) {
                        for (Step step : route.steps()) {
                            if (step.type() == Step.StepType.SERVICE) {
                                starts.put(step.visitId(), step.start());
                            }
                        }
                    }
                    startsByShift.put(route.shiftId(), starts);
                }
            }
        }

        void error(String path, String entityId, String message) {
            errors.add(new Violation(path, entityId, message));
        }

        /** Visits whose planned service started before {@code now} are pinned with that start. */
        void pinStartedBefore(OffsetDateTime now) {
            for (Map.Entry<String, List<String>> route : routes.entrySet()) {
                Map<String, OffsetDateTime> starts = startsByShift.getOrDefault(route.getKey(), Map.of());
                List<String> ids = route.getValue();
                for (int position = 0; position < ids.size(); position++) {
                    OffsetDateTime start = starts.get(ids.get(position));
                    int index = visitIndex(ids.get(position));
                    if (start == null || !start.isBefore(now) || index < 0) {
                        break; // routes run in time order: the rest has not started
                    }
                    Visit visit = visits.get(index);
                    if (visit.pin() == null || visit.pin().start() == null) {
                        visits.set(index, withPin(visit, new Pin(route.getKey(), position, start, null)));
                    }
                }
            }
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
            }
        }

        private void addVisit(String path, PlanChange.AddVisit add) {
            if (add.visit() == null || add.visit().id() == null || add.visit().id().isBlank()) {
                error(path + ".visit.id", null, "the new visit needs an id");
            } else if (visitIndex(add.visit().id()) >= 0) {
                error(path + ".visit.id", add.visit().id(), "visit '" + add.visit().id() + "' already exists");
            } else {
                visits.add(add.visit());
            }
        }

        private void cancelVisit(String path, PlanChange.CancelVisit cancel) {
            int index = visitIndex(cancel.visitId());
            if (index < 0) {
                error(path + ".visitId", cancel.visitId(), "unknown visit '" + cancel.visitId() + "'");
                return;
            }
            Visit visit = visits.get(index);
            if (visit.pin() != null && visit.pin().start() != null) {
                error(path + ".visitId", visit.id(), "visit '" + visit.id() + "' has started; it cannot be"
                        + " cancelled");
                return;
            }
            if (visit.pin() != null) {
                error(path + ".visitId", visit.id(), "visit '" + visit.id() + "' is pinned to shift '"
                        + visit.pin().shiftId() + "'; unpin it before cancelling");
                return;
            }
            visits.remove(index);
            routes.values().forEach(ids -> ids.remove(visit.id()));
        }

        private void runsLong(String path, PlanChange.VisitRunsLong late) {
            int index = visitIndex(late.visitId());
            if (index < 0) {
                error(path + ".visitId", late.visitId(), "unknown visit '" + late.visitId() + "'");
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
            visits.set(index, withPin(visit, new Pin(pin.shiftId(), pin.position(), pin.start(),
                    late.expectedEnd())));
        }

        private void unavailable(String path, PlanChange.TechnicianUnavailable absent) {
            if (technicians.stream().noneMatch(t -> t.id().equals(absent.technicianId()))) {
                error(path + ".technicianId", absent.technicianId(), "unknown technician '"
                        + absent.technicianId() + "'");
                return;
            }
            if (absent.from() == null) {
                error(path + ".from", absent.technicianId(), "the time the technician is unavailable from is"
                        + " missing");
                return;
            }
            Set<String> removed = new HashSet<>();
            for (int i = 0; i < shifts.size(); i++) {
                Shift shift = shifts.get(i);
                if (!shift.technicianId().equals(absent.technicianId()) || !shift.end().isAfter(absent.from())) {
                    continue;
                }
                if (!shift.start().isBefore(absent.from())) {
                    removed.add(shift.id());
                } else {
                    OffsetDateTime end = finishOfStartedVisits(shift.id(), absent.from());
                    Visit last = lastStartedVisit(shift.id());
                    shifts.set(i, new Shift(shift.id(), shift.technicianId(), shift.start(), end,
                            shift.startLocation(), last == null ? shift.endLocation() : last.location(), 0L,
                            shift.breaks(), shift.capacity()));
                }
            }
            shifts.removeIf(shift -> removed.contains(shift.id()));
            for (String shiftId : removed) {
                routes.remove(shiftId);
                for (int i = 0; i < visits.size(); i++) {
                    Visit visit = visits.get(i);
                    if (visit.pin() != null && visit.pin().shiftId().equals(shiftId)) {
                        visits.set(i, withPin(visit, null));
                    }
                }
            }
        }

        /** The started visit of this shift with the highest position, or null. */
        private Visit lastStartedVisit(String shiftId) {
            Visit last = null;
            for (Visit visit : visits) {
                Pin pin = visit.pin();
                if (pin != null && shiftId.equals(pin.shiftId()) && pin.start() != null
                        && (last == null || pin.position() > last.pin().position())) {
                    last = visit;
                }
            }
            return last;
        }

        /** The later of {@code from} and the end of the visits of this shift that have started. */
        private OffsetDateTime finishOfStartedVisits(String shiftId, OffsetDateTime from) {
            OffsetDateTime end = from;
            for (Visit visit : visits) {
                Pin pin = visit.pin();
                if (pin != null && shiftId.equals(pin.shiftId()) && pin.start() != null) {
                    OffsetDateTime finish = pin.end() != null ? pin.end()
                            : pin.start().plusSeconds(visit.serviceDurationSeconds() == null ? 0
                                    : visit.serviceDurationSeconds());
                    if (finish.isAfter(end)) {
                        end = finish;
                    }
                }
            }
            return end;
        }

        private void addShift(String path, PlanChange.AddShift add) {
            if (add.shift() == null || add.shift().id() == null || add.shift().id().isBlank()) {
                error(path + ".shift.id", null, "the new shift needs an id");
            } else if (shifts.stream().anyMatch(s -> s.id().equals(add.shift().id()))) {
                error(path + ".shift.id", add.shift().id(), "shift '" + add.shift().id() + "' already exists");
            } else {
                shifts.add(add.shift());
            }
        }

        private void shorten(String path, PlanChange.ShortenShift shorten) {
            for (int i = 0; i < shifts.size(); i++) {
                Shift shift = shifts.get(i);
                if (shift.id().equals(shorten.shiftId())) {
                    if (shorten.end() == null || !shorten.end().isBefore(shift.end())
                            || !shorten.end().isAfter(shift.start())) {
                        error(path + ".end", shift.id(), "the new end must lie between the shift's start ("
                                + shift.start() + ") and its current end (" + shift.end() + ")");
                        return;
                    }
                    shifts.set(i, new Shift(shift.id(), shift.technicianId(), shift.start(), shorten.end(),
                            shift.startLocation(), shift.endLocation(), shift.maxOvertimeSeconds(), shift.breaks(),
                            shift.capacity()));
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

        private static Visit withPin(Visit v, Pin pin) {
            return new Visit(v.id(), v.customerName(), v.location(), v.serviceDurationSeconds(), v.timeWindows(),
                    v.requiredSkills(), v.requiredCertifications(), v.priority(), v.requiredTechnicianIds(),
                    v.preferredTechnicianIds(), v.excludedTechnicianIds(), v.demand(), pin);
        }

        Problem result(OffsetDateTime now) {
            Problem updated = plan.withResources(technicians, shifts, visits);
            if (now != null) {
                updated = updated.withNow(now);
            }
            Solution solution = plan.solution();
            if (solution == null) {
                return updated;
            }
            List<Route> startRoutes = new ArrayList<>();
            for (Shift shift : shifts) {
                List<String> ids = routes.getOrDefault(shift.id(), List.of());
                startRoutes.add(new Route(shift.id(), shift.technicianId(), ids, null, null, null, null, null,
                        null, null, null, List.of()));
            }
            return updated.withSolution(new Solution(solution.score(), solution.feasible(), solution.kpis(),
                    startRoutes, solution.unassignedVisits(), solution.constraints(), solution.warnings()));
        }
    }
}
