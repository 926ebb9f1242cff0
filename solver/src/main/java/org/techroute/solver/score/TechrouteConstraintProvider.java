package org.techroute.solver.score;

import static org.techroute.solver.score.TechrouteConstraint.BREAK_WINDOW;
import static org.techroute.solver.score.TechrouteConstraint.CERTIFICATION;
import static org.techroute.solver.score.TechrouteConstraint.CRITICAL_DELAY;
import static org.techroute.solver.score.TechrouteConstraint.CREW_ASSIGNMENT;
import static org.techroute.solver.score.TechrouteConstraint.CREW_START;
import static org.techroute.solver.score.TechrouteConstraint.CREW_TECHNICIANS;
import static org.techroute.solver.score.TechrouteConstraint.DEPENDENCY;
import static org.techroute.solver.score.TechrouteConstraint.DEPENDENCY_ASSIGNMENT;
import static org.techroute.solver.score.TechrouteConstraint.LINK_LOOP;
import static org.techroute.solver.score.TechrouteConstraint.EXCLUDED_TECHNICIAN;
import static org.techroute.solver.score.TechrouteConstraint.HIGH_PRIORITY_LATENESS;
import static org.techroute.solver.score.TechrouteConstraint.OVERTIME;
import static org.techroute.solver.score.TechrouteConstraint.OVER_QUALIFIED;
import static org.techroute.solver.score.TechrouteConstraint.PLAN_STABILITY;
import static org.techroute.solver.score.TechrouteConstraint.PREFERRED_TECHNICIAN;
import static org.techroute.solver.score.TechrouteConstraint.REQUIRED_SKILL;
import static org.techroute.solver.score.TechrouteConstraint.REQUIRED_TECHNICIAN;
import static org.techroute.solver.score.TechrouteConstraint.SHIFT_END;
import static org.techroute.solver.score.TechrouteConstraint.SHIFT_FIXED_COST;
import static org.techroute.solver.score.TechrouteConstraint.TIME_WINDOW;
import static org.techroute.solver.score.TechrouteConstraint.TRAVEL_LIMIT;
import static org.techroute.solver.score.TechrouteConstraint.TRAVEL_TIME;
import static org.techroute.solver.score.TechrouteConstraint.UNASSIGNED_VISIT;
import static org.techroute.solver.score.TechrouteConstraint.VAN_CAPACITY;
import static org.techroute.solver.score.TechrouteConstraint.VAN_STOCK;
import static org.techroute.solver.score.TechrouteConstraint.WORKLOAD_BALANCE;

import java.math.BigDecimal;
import java.math.RoundingMode;

import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;

import org.techroute.solver.domain.DependencyEdge;
import org.techroute.solver.domain.Priority;
import org.techroute.solver.domain.RouteEnd;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Visit;
import org.techroute.solver.justification.ShiftJustification;
import org.techroute.solver.justification.VisitJustification;
import org.techroute.solver.justification.WorkloadJustification;

/**
 * All of techroute's constraints; ids, levels and default weights are in {@link TechrouteConstraint}.
 */
public class TechrouteConstraintProvider implements ConstraintProvider {

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                // Hard
                requiredSkill(factory),
                certification(factory),
                timeWindow(factory),
                shiftEnd(factory),
                requiredTechnician(factory),
                excludedTechnician(factory),
                vanCapacity(factory),
                breakWindow(factory),
                vanStock(factory),
                travelLimit(factory),
                dependency(factory),
                dependencyAssignment(factory),
                crewStart(factory),
                crewAssignment(factory),
                crewTechnicians(factory),
                linkLoop(factory),
                // Medium
                unassignedVisit(factory),
                criticalDelay(factory),
                // Soft
                travelTime(factory),
                overtime(factory),
                preferredTechnician(factory),
                highPriorityLateness(factory),
                workloadBalance(factory),
                overQualified(factory),
                shiftFixedCost(factory),
                planStability(factory)
        };
    }

    // ************************************************************************
    // Hard constraints
    // ************************************************************************

    Constraint requiredSkill(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.missingSkillLevels() > 0)
                .penalizeLong(REQUIRED_SKILL.defaultScore(), Visit::missingSkillLevels)
                .justifyWith((visit, score) -> justify(visit, "needs skills " + visit.getRequiredSkills()
                        + " but technician " + technicianId(visit) + " has "
                        + visit.getShift().getTechnician().getSkillLevels()))
                .asConstraint(REQUIRED_SKILL.id());
    }

    Constraint certification(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> !visit.missingCertifications().isEmpty())
                .penalizeLong(CERTIFICATION.defaultScore(), visit -> visit.missingCertifications().size())
                .justifyWith((visit, score) -> justify(visit, "technician " + technicianId(visit)
                        + " has no valid " + visit.missingCertifications() + " on " + visit.certificationDate()))
                .asConstraint(CERTIFICATION.id());
    }

    Constraint timeWindow(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.lateMillis() > 0)
                .penalizeLong(TIME_WINDOW.defaultScore(), visit -> ceilSeconds(visit.lateMillis()))
                .justifyWith((visit, score) -> justify(visit, "service starts " + minutes(visit.lateMillis())
                        + " after its last time window closes"))
                .asConstraint(TIME_WINDOW.id());
    }

    Constraint shiftEnd(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.isLastInRoute() && overtimeBeyondMaxMillis(visit) > 0)
                .penalizeLong(SHIFT_END.defaultScore(), visit -> ceilSeconds(overtimeBeyondMaxMillis(visit)))
                .justifyWith((visit, score) -> new ShiftJustification(visit.getShift().getId(),
                        "the day ends " + minutes(overtimeBeyondMaxMillis(visit))
                                + " after the shift end plus its maximum overtime"))
                .asConstraint(SHIFT_END.id());
    }

    Constraint requiredTechnician(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> !visit.getRequiredTechnicianIds().isEmpty()
                        && !visit.getRequiredTechnicianIds().contains(technicianId(visit)))
                .penalizeLong(REQUIRED_TECHNICIAN.defaultScore(), visit -> 1L)
                .justifyWith((visit, score) -> justify(visit, "requires one of " + visit.getRequiredTechnicianIds()
                        + " but is served by " + technicianId(visit)))
                .asConstraint(REQUIRED_TECHNICIAN.id());
    }

    Constraint excludedTechnician(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.getExcludedTechnicianIds().contains(technicianId(visit)))
                .penalizeLong(EXCLUDED_TECHNICIAN.defaultScore(), visit -> 1L)
                .justifyWith((visit, score) -> justify(visit, "technician " + technicianId(visit)
                        + " is excluded from this visit"))
                .asConstraint(EXCLUDED_TECHNICIAN.id());
    }

    Constraint vanCapacity(ConstraintFactory factory) {
        return factory.forEach(Shift.class)
                .filter(shift -> shift.capacityExcess() > 0)
                .penalizeLong(VAN_CAPACITY.defaultScore(), Shift::capacityExcess)
                .justifyWith((shift, score) -> new ShiftJustification(shift.getId(),
                        "the visits' demand exceeds the van's capacity by " + shift.capacityExcess() + " units"))
                .asConstraint(VAN_CAPACITY.id());
    }

    Constraint breakWindow(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> breakLatenessMillis(visit) > 0)
                .penalizeLong(BREAK_WINDOW.defaultScore(), visit -> ceilSeconds(breakLatenessMillis(visit)))
                .justifyWith((visit, score) -> new ShiftJustification(visit.getShift().getId(),
                        "a break around visit " + visit.getId() + " starts " + minutes(breakLatenessMillis(visit))
                                + " after its latest start"))
                .asConstraint(BREAK_WINDOW.id());
    }

    /** A route's visits never need more of a part than the van carries. */
    Constraint vanStock(ConstraintFactory factory) {
        return factory.forEach(Shift.class)
                .filter(shift -> shift.partsShortfall() > 0)
                .penalizeLong(VAN_STOCK.defaultScore(), Shift::partsShortfall)
                .justifyWith((shift, score) -> new ShiftJustification(shift.getId(), "the visits need "
                        + shift.partsShortfall() + " part unit(s) more than the van carries"))
                .asConstraint(VAN_STOCK.id());
    }

    /** A route drives no more than its shift's {@code maxTravelSeconds}, the return to the end location included. */
    Constraint travelLimit(ConstraintFactory factory) {
        return factory.forEach(Shift.class)
                .filter(shift -> shift.travelExcessMillis() > 0)
                .penalizeLong(TRAVEL_LIMIT.defaultScore(), shift -> ceilSeconds(shift.travelExcessMillis()))
                .justifyWith((shift, score) -> new ShiftJustification(shift.getId(), "the route drives "
                        + minutes(shift.travelMillis()) + ", " + minutes(shift.travelExcessMillis())
                        + " more than its limit of " + minutes(shift.getMaxTravelMillis())))
                .asConstraint(TRAVEL_LIMIT.id());
    }

    /**
     * A visit starts no earlier than the end of each visit it follows plus the minimum delay, and no later than that
     * end plus the maximum delay. The timing waits for the first ({@link org.techroute.solver.domain.Schedule}), so
     * this counts what waiting cannot mend: a maximum delay passed, or visits that have started.
     */
    Constraint dependency(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(Visit::hasDependencies)
                .flattenLast(Visit::dependencyEdges)
                .join(Visit.class, Joiners.equal(DependencyEdge::before, visit -> visit))
                .filter((edge, before) -> edge.violationMillis() > 0)
                .penalizeLong(DEPENDENCY.defaultScore(), (edge, before) -> ceilSeconds(edge.violationMillis()))
                .justifyWith((edge, before, score) -> justify(edge.after(), "starts " + minutes(edge
                        .violationMillis()) + (edge.after().getTiming().serviceStartMillis() < before.getTiming()
                                .departureMillis() + edge.minDelayMillis() ? " too early after " : " too late after ")
                        + "visit " + before.getId()))
                .asConstraint(DEPENDENCY.id());
    }

    /** A visit is served only if every visit it follows is, and by the same technician when that is asked. */
    Constraint dependencyAssignment(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(Visit::hasDependencies)
                .flattenLast(Visit::dependencyEdges)
                .join(factory.forEachIncludingUnassigned(Visit.class),
                        Joiners.equal(DependencyEdge::before, visit -> visit))
                .filter((edge, before) -> edge.brokenAssignment())
                .penalizeLong(DEPENDENCY_ASSIGNMENT.defaultScore(), (edge, before) -> 1L)
                .justifyWith((edge, before, score) -> justify(edge.after(), before.getShift() == null
                        ? "follows visit " + before.getId() + ", which is unassigned"
                        : "must be served by technician " + before.getShift().getTechnician().getId()
                                + ", who serves visit " + before.getId() + ", not by " + technicianId(edge.after())))
                .asConstraint(DEPENDENCY_ASSIGNMENT.id());
    }

    /** The visits of a crew start service at the same time (each pair counted once). */
    Constraint crewStart(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(Visit::isCrewVisit)
                .join(factory.forEach(Visit.class).filter(Visit::isCrewVisit),
                        Joiners.equal(Visit::getCrewId), Joiners.lessThan(Visit::getId))
                .filter((a, b) -> crewStartGapMillis(a, b) > 0)
                .penalizeLong(CREW_START.defaultScore(), (a, b) -> ceilSeconds(crewStartGapMillis(a, b)))
                .justifyWith((a, b, score) -> justify(a, "crew " + a.getCrewId() + ": starts "
                        + minutes(crewStartGapMillis(a, b)) + " apart from visit " + b.getId()))
                .asConstraint(CREW_START.id());
    }

    /** All of a crew or none: a member left out while another is served. */
    Constraint crewAssignment(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Visit.class)
                .filter(visit -> visit.isCrewVisit() && visit.getShift() == null)
                .ifExists(factory.forEach(Visit.class).filter(Visit::isCrewVisit), Joiners.equal(Visit::getCrewId))
                .penalizeLong(CREW_ASSIGNMENT.defaultScore(), visit -> 1L)
                .justifyWith((visit, score) -> new VisitJustification(visit.getId(), null, "crew "
                        + visit.getCrewId() + ": unassigned while other visits of its crew are served"))
                .asConstraint(CREW_ASSIGNMENT.id());
    }

    /** The visits of a crew are served by different technicians. */
    Constraint crewTechnicians(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(Visit::isCrewVisit)
                .join(factory.forEach(Visit.class).filter(Visit::isCrewVisit),
                        Joiners.equal(Visit::getCrewId), Joiners.lessThan(Visit::getId),
                        Joiners.equal(TechrouteConstraintProvider::technicianId))
                .penalizeLong(CREW_TECHNICIANS.defaultScore(), (a, b) -> 1L)
                .justifyWith((a, b, score) -> justify(a, "crew " + a.getCrewId() + ": technician "
                        + technicianId(a) + " also serves visit " + b.getId() + " of the crew"))
                .asConstraint(CREW_TECHNICIANS.id());
    }

    /**
     * Routes that wait for each other in a circle (a crew or a dependency whose waiting comes back to itself) have
     * no timing: Timefold marks such visits inconsistent and {@code forEach} skips them, so they are counted here,
     * heavily.
     */
    Constraint linkLoop(ConstraintFactory factory) {
        return factory.forEachUnfiltered(Visit.class)
                .filter(visit -> visit.getShift() != null && (visit.isInconsistent() || visit.getTiming() == null))
                .penalizeLong(LINK_LOOP.defaultScore(), visit -> 1L)
                .justifyWith((visit, score) -> justify(visit, "its start waits on itself through crews and"
                        + " dependencies across routes"))
                .asConstraint(LINK_LOOP.id());
    }

    // ************************************************************************
    // Medium constraints
    // ************************************************************************

    Constraint unassignedVisit(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Visit.class)
                .filter(visit -> visit.getShift() == null)
                .penalizeLong(UNASSIGNED_VISIT.defaultScore(), visit -> visit.getPriority().unassignedWeight())
                .justifyWith((visit, score) -> new VisitJustification(visit.getId(), null,
                        visit.getPriority() + " visit is not assigned to any shift"))
                .asConstraint(UNASSIGNED_VISIT.id());
    }

    /**
     * A CRITICAL visit waits at most an hour after its first window opens before each further minute weighs a tenth
     * of a NORMAL visit left out: an emergency is not kept waiting for hours to keep a routine visit in the day.
     */
    Constraint criticalDelay(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.criticalDelayMinutes() > 0)
                .penalizeLong(CRITICAL_DELAY.defaultScore(), Visit::criticalDelayMinutes)
                .justifyWith((visit, score) -> justify(visit, "CRITICAL visit starts " + minutes(
                        visit.delayInWindowMillis()) + " after its first window opens, "
                        + visit.criticalDelayMinutes() + " min more than the hour it may wait"))
                .asConstraint(CRITICAL_DELAY.id());
    }

    // ************************************************************************
    // Soft constraints
    // ************************************************************************

    Constraint travelTime(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .penalizeLong(TRAVEL_TIME.defaultScore(), TechrouteConstraintProvider::travelMillisAround)
                .justifyWith((visit, score) -> justify(visit, minutes(travelMillisAround(visit))
                        + " of travel to this visit" + (visit.isLastInRoute() ? " and back to the end location" : "")))
                .asConstraint(TRAVEL_TIME.id());
    }

    Constraint overtime(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.isLastInRoute() && overtimeMillis(visit) > 0)
                .penalizeLong(OVERTIME.defaultScore(), TechrouteConstraintProvider::overtimeMillis)
                .justifyWith((visit, score) -> new ShiftJustification(visit.getShift().getId(),
                        minutes(overtimeMillis(visit)) + " of overtime"))
                .asConstraint(OVERTIME.id());
    }

    Constraint preferredTechnician(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> !visit.getPreferredTechnicianIds().isEmpty()
                        && !visit.getPreferredTechnicianIds().contains(technicianId(visit)))
                .penalizeLong(PREFERRED_TECHNICIAN.defaultScore(), visit -> 1L)
                .justifyWith((visit, score) -> justify(visit, "prefers " + visit.getPreferredTechnicianIds()
                        + " but is served by " + technicianId(visit)))
                .asConstraint(PREFERRED_TECHNICIAN.id());
    }

    Constraint highPriorityLateness(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.getPriority().isHigh() && visit.delayInWindowMillis() > 0)
                .penalizeLong(HIGH_PRIORITY_LATENESS.defaultScore(),
                        visit -> visit.getPriority() == Priority.CRITICAL ? visit.delayInWindowMillis()
                                : visit.delayInWindowMillis() / 4)
                .justifyWith((visit, score) -> justify(visit, visit.getPriority() + " visit starts "
                        + minutes(visit.delayInWindowMillis()) + " after its first window opens"))
                .asConstraint(HIGH_PRIORITY_LATENESS.id());
    }

    Constraint workloadBalance(ConstraintFactory factory) {
        return factory.forEach(Shift.class)
                .groupBy(WorkloadBalance.ofShifts())
                .filter(balance -> balance.roundedMinutes() > 0)
                .penalizeLong(WORKLOAD_BALANCE.defaultScore(), WorkloadBalance.Unfairness::roundedMinutes)
                .justifyWith((balance, score) -> {
                    BigDecimal minutes = BigDecimal.valueOf(balance.minutes()).setScale(1, RoundingMode.HALF_UP);
                    return new WorkloadJustification(minutes,
                            "technicians' work time differs; unfairness " + minutes
                                    + " minutes (work per 8 hours of shift)");
                })
                .asConstraint(WORKLOAD_BALANCE.id());
    }

    Constraint overQualified(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.excessSkillLevels() > 0)
                .penalizeLong(OVER_QUALIFIED.defaultScore(), Visit::excessSkillLevels)
                .justifyWith((visit, score) -> justify(visit, "technician " + technicianId(visit) + " is "
                        + visit.excessSkillLevels() + " skill level(s) above what the visit needs"))
                .asConstraint(OVER_QUALIFIED.id());
    }

    Constraint shiftFixedCost(ConstraintFactory factory) {
        return factory.forEach(Shift.class)
                .filter(Shift::isUsed)
                .penalizeLong(SHIFT_FIXED_COST.defaultScore(), shift -> 1L)
                .justifyWith((shift, score) -> new ShiftJustification(shift.getId(), "shift is used"))
                .asConstraint(SHIFT_FIXED_COST.id());
    }

    /**
     * A re-plan keeps visits on their shifts when nothing is gained by moving them. At its default weight (one
     * millisecond of travel per visit) this only breaks ties; a larger weight trades travel for stability.
     */
    Constraint planStability(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(Visit::isMovedFromPreviousShift)
                .penalizeLong(PLAN_STABILITY.defaultScore(), visit -> 1L)
                .justifyWith((visit, score) -> justify(visit, "moved from shift " + visit.getPreviousShiftId()))
                .asConstraint(PLAN_STABILITY.id());
    }

    // ************************************************************************
    // Helpers
    // ************************************************************************

    private static VisitJustification justify(Visit visit, String description) {
        return new VisitJustification(visit.getId(), visit.getShift() == null ? null : visit.getShift().getId(),
                description);
    }

    private static String technicianId(Visit visit) {
        return visit.getShift().getTechnician().getId();
    }

    private static long travelMillisAround(Visit visit) {
        long travel = visit.travelMillisFromPrevious();
        if (visit.isLastInRoute()) {
            travel += visit.getShift().getMatrix().travelMillis(visit.getLocation(),
                    visit.getShift().getEndLocation());
        }
        return travel;
    }

    private static RouteEnd routeEnd(Visit last) {
        return org.techroute.solver.domain.Schedule.end(last.getShift(), last.getLocation(),
                last.getTiming().departureMillis(), last.getTiming().breaksDone());
    }

    private static long overtimeMillis(Visit last) {
        if (!last.isLastInRoute() || last.getTiming() == null) {
            return 0;
        }
        return Math.max(0, routeEnd(last).endMillis() - last.getShift().getEndMillis());
    }

    private static long overtimeBeyondMaxMillis(Visit last) {
        return Math.max(0, overtimeMillis(last) - last.getShift().getMaxOvertimeMillis());
    }

    private static long breakLatenessMillis(Visit visit) {
        if (visit.getTiming() == null) {
            return 0;
        }
        long lateness = visit.getTiming().breakLatenessMillis();
        if (visit.isLastInRoute()) {
            lateness += routeEnd(visit).breakLatenessMillis();
        }
        return lateness;
    }

    private static long crewStartGapMillis(Visit a, Visit b) {
        if (a.getTiming() == null || b.getTiming() == null || (a.isStarted() && b.isStarted())) {
            return 0;
        }
        return Math.abs(a.getTiming().serviceStartMillis() - b.getTiming().serviceStartMillis());
    }

    static long ceilSeconds(long millis) {
        return (millis + 999) / 1000;
    }

    private static String minutes(long millis) {
        return BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(60_000), 1, RoundingMode.HALF_UP) + " min";
    }
}
