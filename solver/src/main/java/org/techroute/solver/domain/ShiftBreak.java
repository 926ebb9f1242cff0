package org.techroute.solver.domain;

/**
 * A break the technician must take during a shift: it starts no earlier than {@code earliestStartMillis}
 * and no later than {@code latestStartMillis}, and lasts {@code durationMillis}.
 * <p>
 * Breaks are taken between visits: on arrival at the first visit whose service would start at or after the
 * break's earliest start (using any waiting time first), or on arrival at the end location. A break whose
 * earliest start comes after the technician is back at the end location is not needed.
 */
public record ShiftBreak(long earliestStartMillis, long latestStartMillis, long durationMillis) {

    public ShiftBreak {
        if (latestStartMillis < earliestStartMillis) {
            throw new IllegalArgumentException("break latest start before earliest start");
        }
        if (durationMillis < 0) {
            throw new IllegalArgumentException("negative break duration");
        }
    }
}
