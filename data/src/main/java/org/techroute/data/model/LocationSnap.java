package org.techroute.data.model;

import java.math.BigDecimal;

/**
 * How far a location was moved to reach the road network ({@code road} travel mode).
 *
 * @param path     where the location is in the problem, e.g. {@code $.visits[3].location}
 * @param entityId the technician, shift or visit it belongs to
 * @param meters   the distance from the given point to the road point used
 */
public record LocationSnap(String path, String entityId, BigDecimal meters) {
}
