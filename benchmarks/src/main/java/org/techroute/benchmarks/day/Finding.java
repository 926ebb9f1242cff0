package org.techroute.benchmarks.day;

/**
 * One violation of an invariant: which day, when, after which change, which entity, and a sentence that says
 * what is wrong with the times and ids needed to find it again.
 */
public record Finding(long daySeed, String time, String change, Invariant invariant, String entityId,
        String message) {

    /** The whole sentence, e.g. {@code day 7, 10:42 after ADD_VISIT E01 (CRITICAL): [breaks] T02-...: ...}. */
    @Override
    public String toString() {
        return "day " + daySeed + ", " + time + " after " + change + ": [" + invariant.id() + "] "
                + (entityId == null ? "" : entityId + ": ") + message;
    }
}
