package org.techroute.data.model;

import java.util.List;

/**
 * One constraint's share of the score, with what it penalizes.
 *
 * @param constraint the constraint id (as used in {@code options.constraintWeights})
 * @param level      {@code hard}, {@code medium} or {@code soft}
 * @param weight     the weight in force
 * @param unit       what one unit of penalty is
 * @param score      the constraint's total, e.g. {@code 0hard/0medium/-3600000soft}
 * @param matchCount how many penalties it made
 * @param matches    each penalty, largest first
 */
public record ConstraintScore(String constraint, String level, long weight, String unit, String score,
        int matchCount, List<ConstraintMatch> matches) {
}
