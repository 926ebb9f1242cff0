package org.techroute.solver.domain;

/**
 * A break of a shift that is a fact, not a plan: taken at a recorded time, or inferred as taken in a gap of the
 * day that is over. It is never planned again; the technician is busy during it.
 *
 * @param inferred true when the problem did not record it but the started visits left no doubt
 */
public record TakenBreak(long startMillis, long endMillis, boolean inferred) {
}
