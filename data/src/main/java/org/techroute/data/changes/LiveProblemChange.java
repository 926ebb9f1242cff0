package org.techroute.data.changes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import ai.timefold.solver.core.api.solver.change.ProblemChange;
import ai.timefold.solver.core.api.solver.change.ProblemChangeDirector;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.techroute.data.mapping.MappedProblem;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Technician;
import org.techroute.solver.domain.Visit;

/**
 * Puts a changed plan into a running solver, without restarting it, through Timefold's problem change API:
 * every shift and visit of the solver's working solution takes over the facts of its counterpart in the
 * changed plan's model (new matrix, times, started visits' actual times, "now"), new shifts and visits are
 * added (new visits unassigned, for the solver to place), and the visits that have started are pinned at the
 * head of their routes.
 * <p>
 * Timefold 1.32 cannot change a list variable from a problem change, so changes that must take a visit out of
 * a route (a cancelled visit, a removed shift) are not for this class: see {@link #canApplyLive}; the caller
 * stops the solver and solves the changed plan again instead.
 */
public final class LiveProblemChange implements ProblemChange<RoutePlan> {

    private static final Logger LOG = LoggerFactory.getLogger(LiveProblemChange.class);

    private final MappedProblem target;

    /** @param target the changed plan's model; its new shifts and visits become working objects */
    public LiveProblemChange(MappedProblem target) {
        this.target = target;
    }

    /**
     * Whether a batch can go into a running solver: it must not remove a visit or a shift that the running
     * solution may hold in a route, nor add a visit to a crew the running solution already has.
     */
    public static boolean canApplyLive(PlanChangeRequest request, org.techroute.data.model.Problem before) {
        if (request.changes() == null) {
            return true;
        }
        for (PlanChange change : request.changes()) {
            if (change instanceof PlanChange.CancelVisit || change instanceof PlanChange.MoveVisit) {
                return false; // the running routes would have to give up a visit
            }
            if (change instanceof PlanChange.AddVisit add && add.visit() != null && add.visit().crewId() != null
                    && before.visitsOrEmpty().stream().anyMatch(v -> add.visit().crewId().equals(v.crewId()))) {
                return false; // the running crew mates would not know their new member
            }
            if (change instanceof PlanChange.VisitDone done && !onItsRoute(done, before)) {
                return false; // the done visit must go into another route
            }
            if (change instanceof PlanChange.TechnicianUnavailable absent && absent.from() != null
                    && before.shiftsOrEmpty().stream().anyMatch(s -> s.technicianId().equals(absent.technicianId())
                            && !s.start().isBefore(absent.from()))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the plan's route of the shift that did the visit holds it already. */
    private static boolean onItsRoute(PlanChange.VisitDone done, org.techroute.data.model.Problem before) {
        if (before.solution() == null || before.solution().routes() == null) {
            return false;
        }
        String shiftId = done.shiftId();
        if (shiftId == null) {
            shiftId = before.visitsOrEmpty().stream().filter(v -> v.id() != null && v.id().equals(done.visitId())
                    && v.pin() != null).map(v -> v.pin().shiftId()).findFirst().orElse(null);
        }
        for (org.techroute.data.model.Route route : before.solution().routes()) {
            if (route.visitIds() != null && route.visitIds().contains(done.visitId())) {
                return shiftId == null || shiftId.equals(route.shiftId());
            }
        }
        return false;
    }

    @Override
    public void doChange(RoutePlan working, ProblemChangeDirector director) {
        RoutePlan plan = target.plan();
        Map<String, Technician> technicians = new HashMap<>();
        working.getTechnicians().forEach(t -> technicians.put(t.getId(), t));
        for (Technician technician : plan.getTechnicians()) {
            if (!technicians.containsKey(technician.getId())) {
                director.addProblemFact(technician, working.getTechnicians()::add);
            }
        }
        Map<String, Visit> visits = new HashMap<>();
        working.getVisits().forEach(v -> visits.put(v.getId(), v));
        for (Visit visit : plan.getVisits()) {
            Visit existing = visits.get(visit.getId());
            if (existing != null) {
                director.changeProblemProperty(existing, (Consumer<Visit>) v -> v.updateFacts(visit));
            }
        }
        Map<String, Shift> shifts = new HashMap<>();
        working.getShifts().forEach(s -> shifts.put(s.getId(), s));
        for (Shift shift : plan.getShifts()) {
            Shift existing = shifts.get(shift.getId());
            if (existing == null) {
                shift.getVisits().clear();
                shift.setPinnedVisitCount(0);
                director.addEntity(shift, working.getShifts()::add);
                continue;
            }
            director.changeProblemProperty(existing, (Consumer<Shift>) s -> s.updateFacts(shift));
            int pinned = matchingPrefix(existing.getVisits(), shift.getVisits(), shift.getPinnedVisitCount());
            if (pinned < shift.getPinnedVisitCount()) {
                LOG.warn("Shift {}: the running route no longer starts with the {} visits that started; {} pinned",
                        shift.getId(), shift.getPinnedVisitCount(), pinned);
            }
            if (pinned != existing.getPinnedVisitCount()) {
                director.changeProblemProperty(existing, (Consumer<Shift>) s -> s.setPinnedVisitCount(pinned));
            }
        }
        Map<String, Visit> all = new HashMap<>(visits);
        for (Visit visit : plan.getVisits()) {
            all.putIfAbsent(visit.getId(), visit);
        }
        for (Visit visit : plan.getVisits()) {
            if (!visits.containsKey(visit.getId())) {
                relink(visit, all);
                visit.setShift(null);
                visit.setPreviousVisit(null);
                visit.setNextVisit(null);
                visit.setTiming(null);
                director.addEntity(visit, working.getVisits()::add);
            }
        }
        director.updateShadowVariables();
    }

    /**
     * Points a new visit's crew mates and the visits it follows at the working solution's visits of the same ids.
     * (The links of visits already in the running solution stay as they are.)
     */
    private static void relink(Visit visit, Map<String, Visit> byId) {
        if (visit.isCrewVisit()) {
            visit.setCrew(visit.getCrewId(), visit.getCrewMates().stream().map(m -> byId.get(m.getId())).toList());
        }
        if (visit.hasDependencies()) {
            visit.setDependencies(visit.getDependencies().stream().map(d -> new org.techroute.solver.domain
                    .VisitDependency(byId.get(d.before().getId()), d.minDelayMillis(), d.maxDelayMillis(),
                            d.sameTechnician())).toList());
        }
    }

    /** How many of the first {@code wanted} visits of the target route head the running route too. */
    private static int matchingPrefix(List<Visit> running, List<Visit> target, int wanted) {
        int count = 0;
        while (count < wanted && count < running.size() && count < target.size()
                && running.get(count).getId().equals(target.get(count).getId())) {
            count++;
        }
        return count;
    }
}
