package org.techroute.data.model;

import java.time.OffsetDateTime;

/** An interval in which service may start, both ends inclusive. */
public record TimeWindow(OffsetDateTime start, OffsetDateTime end) {
}
