package org.techroute.solver.domain;

/**
 * When a technician arrives at a visit, starts and finishes the service, in epoch milliseconds.
 *
 * @param arrivalMillis       arrival at the visit's location
 * @param serviceStartMillis  start of service (after any waiting for the time window and any break)
 * @param departureMillis     end of service, when the technician leaves
 * @param breaksDone          number of the shift's breaks taken up to this visit (breaks are taken in order)
 * @param breakLatenessMillis how late, summed, the breaks taken just before this visit started
 */
public record VisitTiming(long arrivalMillis, long serviceStartMillis, long departureMillis, int breaksDone,
        long breakLatenessMillis) {
}
