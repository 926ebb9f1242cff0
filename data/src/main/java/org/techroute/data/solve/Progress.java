package org.techroute.data.solve;

import java.time.Duration;

/** A new best score found while solving. */
public record Progress(String score, boolean feasible, Duration elapsed) {
}
