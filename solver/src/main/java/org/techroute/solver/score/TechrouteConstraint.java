package org.techroute.solver.score;

import java.util.Arrays;
import java.util.Optional;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * Every constraint of techroute: its stable id (used in score analyses and in a problem's weight overrides),
 * its score level and its default weight. The {@link TechrouteConstraintProvider} builds each constraint
 * from this table, so the table is the single source of truth.
 */
public enum TechrouteConstraint {

    // Hard: a plan that breaks one of these cannot be dispatched.
    REQUIRED_SKILL("requiredSkill", Level.HARD, 1, "per missing skill level"),
    CERTIFICATION("certification", Level.HARD, 1, "per required certification not valid on the shift's date"),
    TIME_WINDOW("timeWindow", Level.HARD, 1, "per second the service starts after its last time window"),
    SHIFT_END("shiftEnd", Level.HARD, 1, "per second the day ends after shift end plus maximum overtime"),
    REQUIRED_TECHNICIAN("requiredTechnician", Level.HARD, 1, "per visit served by a technician not required"),
    EXCLUDED_TECHNICIAN("excludedTechnician", Level.HARD, 1, "per visit served by an excluded technician"),
    VAN_CAPACITY("vanCapacity", Level.HARD, 1, "per unit of demand above the van's capacity"),
    BREAK_WINDOW("breakWindow", Level.HARD, 1, "per second a break starts after its latest start"),
    VAN_STOCK("vanStock", Level.HARD, 1, "per part unit a route's visits need beyond the van's stock"),
    TRAVEL_LIMIT("travelLimit", Level.HARD, 1, "per second a route drives beyond its shift's maxTravelSeconds"),
    DEPENDENCY("dependency", Level.HARD, 1, "per second a visit starts before the end of a visit it follows plus"
            + " minDelaySeconds, or after that end plus maxDelaySeconds"),
    DEPENDENCY_ASSIGNMENT("dependencyAssignment", Level.HARD, 1, "per visit served while a visit it follows is"
            + " unassigned, or by another technician than that visit when sameTechnician"),
    CREW_START("crewStart", Level.HARD, 1, "per second between the service starts of two visits of one crew"),
    CREW_ASSIGNMENT("crewAssignment", Level.HARD, 1,
            "per crew visit left unassigned while another visit of its crew is served"),
    CREW_TECHNICIANS("crewTechnicians", Level.HARD, 1, "per two visits of one crew served by the same technician"),
    LINK_LOOP("linkLoop", Level.HARD, 86_400, "per visit whose start waits on itself through crews and dependencies"
            + " (routes that wait for each other in a circle)"),
    // Medium: serve as much as possible, most urgent first.
    UNASSIGNED_VISIT("unassignedVisit", Level.MEDIUM, 1,
            "per unassigned visit, times its priority (CRITICAL 1e9, HIGH 1000, NORMAL 10, LOW 1)"),
    CRITICAL_DELAY("criticalDelay", Level.MEDIUM, 1,
            "per minute a CRITICAL visit starts more than an hour after its first window opens"),
    // Soft: the cost of the plan.
    TRAVEL_TIME("travelTime", Level.SOFT, 1, "per millisecond of travel"),
    OVERTIME("overtime", Level.SOFT, 1, "per millisecond worked after the shift end"),
    PREFERRED_TECHNICIAN("preferredTechnician", Level.SOFT, 600_000,
            "per visit not served by one of its preferred technicians"),
    HIGH_PRIORITY_LATENESS("highPriorityLateness", Level.SOFT, 1,
            "per millisecond a CRITICAL visit starts after its first window opens (a quarter of that for HIGH)"),
    WORKLOAD_BALANCE("workloadBalance", Level.SOFT, 1_000,
            "per minute of unfairness of technicians' work time (travel plus service)"),
    OVER_QUALIFIED("overQualified", Level.SOFT, 60_000, "per skill level above what a visit requires"),
    SHIFT_FIXED_COST("shiftFixedCost", Level.SOFT, 0, "per shift that has at least one visit"),
    PLAN_STABILITY("planStability", Level.SOFT, 1,
            "per visit planned on another shift than in the plan it is re-planned from");

    /** The score level a constraint penalizes. */
    public enum Level {
        HARD, MEDIUM, SOFT
    }

    private final String id;
    private final Level level;
    private final long defaultWeight;
    private final String unit;

    TechrouteConstraint(String id, Level level, long defaultWeight, String unit) {
        this.id = id;
        this.level = level;
        this.defaultWeight = defaultWeight;
        this.unit = unit;
    }

    public String id() {
        return id;
    }

    public Level level() {
        return level;
    }

    public long defaultWeight() {
        return defaultWeight;
    }

    /** What one unit of penalty means, for documentation and score explanations. */
    public String unit() {
        return unit;
    }

    public HardMediumSoftLongScore defaultScore() {
        return score(defaultWeight);
    }

    /** A weight on this constraint's level. */
    public HardMediumSoftLongScore score(long weight) {
        return switch (level) {
            case HARD -> HardMediumSoftLongScore.ofHard(weight);
            case MEDIUM -> HardMediumSoftLongScore.ofMedium(weight);
            case SOFT -> HardMediumSoftLongScore.ofSoft(weight);
        };
    }

    public static Optional<TechrouteConstraint> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
