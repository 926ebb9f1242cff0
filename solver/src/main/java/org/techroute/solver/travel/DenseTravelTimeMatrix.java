package org.techroute.solver.travel;

import java.util.Objects;

/**
 * A travel matrix held in two flat primitive arrays, row-major ({@code from * size + to}).
 * Built once, before solving, by whoever computed the values (road graph, straight line).
 */
public final class DenseTravelTimeMatrix implements TravelTimeMatrix {

    private final int size;
    private final long[] millis;
    private final double[] meters;

    /**
     * @param size   number of locations
     * @param millis travel time in milliseconds, length {@code size * size}, row-major
     * @param meters travel distance in meters, length {@code size * size}, row-major
     */
    public DenseTravelTimeMatrix(int size, long[] millis, double[] meters) {
        Objects.requireNonNull(millis, "millis");
        Objects.requireNonNull(meters, "meters");
        if (size < 0 || millis.length != (long) size * size || meters.length != (long) size * size) {
            throw new IllegalArgumentException("matrix arrays must have size*size = " + ((long) size * size)
                    + " entries, got " + millis.length + " and " + meters.length);
        }
        this.size = size;
        this.millis = millis;
        this.meters = meters;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public long travelMillis(int from, int to) {
        return millis[from * size + to];
    }

    @Override
    public double distanceMeters(int from, int to) {
        return meters[from * size + to];
    }
}
