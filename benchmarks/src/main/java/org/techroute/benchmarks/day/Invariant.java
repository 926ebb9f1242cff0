package org.techroute.benchmarks.day;

/**
 * What the day checker holds every plan of a simulated day to. Each finding names one of these; the report
 * counts them (the target is 0 for each).
 */
public enum Invariant {

    /** Each break of a used shift taken exactly once, inside its window, and a break taken stays taken. */
    BREAKS("breaks", "each break taken exactly once and inside its window, unless the day made it impossible"),
    /** What happened before {@code now} (started and done visits, breaks taken) stays as it was. */
    PAST_FIXED("pastFixed", "started and done visits and taken breaks never move or change time; nothing new"
            + " starts before now"),
    /** A technician is in one place at a time: steps of a route do not overlap, nor do the routes of his shifts. */
    ONE_PLACE("onePlace", "no technician in two places at once (also across overlapping shifts)"),
    /** The steps of a route add up: contiguous, durations equal to end minus start, travel as long as the trip. */
    TIMELINE("timeline", "the steps of each route are contiguous and add up"),
    /** Every visit is done, planned or unassigned with a true reason; cancelled visits are gone. */
    NOTHING_LOST("nothingLost", "every visit is done, planned or unassigned with a true reason; cancelled ones"
            + " gone"),
    /** A CRITICAL emergency starts at the earliest time a technician could start it, or the checker sees why not. */
    EMERGENCY_EARLIEST("emergencyEarliest", "a CRITICAL emergency is served at its earliest feasible time or"
            + " explained"),
    /** No hard rule is broken unless a fact of the day (a started visit, a taken break) forced it. */
    FEASIBLE("feasible", "the plan is feasible whenever a feasible plan exists"),
    /** A technician unavailable from a time gets no work that starts after it on the shifts he had then. */
    ABSENT_UNUSED("absentUnused", "a technician unavailable from a time gets no visit that starts after it"),
    /** A valid change is accepted and re-planned; an invalid one (overlapping ADD_SHIFT) is refused. */
    CHANGE_HANDLED("changeHandled", "valid changes are accepted and re-planned, invalid ones refused");

    private final String id;
    private final String rule;

    Invariant(String id, String rule) {
        this.id = id;
        this.rule = rule;
    }

    public String id() {
        return id;
    }

    /** The rule, as a sentence fragment for the report. */
    public String rule() {
        return rule;
    }
}
