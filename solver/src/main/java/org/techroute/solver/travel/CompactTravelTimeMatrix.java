package org.techroute.solver.travel;

import java.util.Objects;

/**
 * A road travel matrix in half the memory of {@link DenseTravelTimeMatrix}: whole seconds as {@code int}
 * and meters as {@code float}, row-major ({@code from * size + to}). 8 bytes per pair, so a 5,000 x 5,000
 * matrix takes 200 MB.
 * <p>
 * An unreachable pair holds {@link #UNREACHABLE_SECONDS}; it reads as {@link #UNREACHABLE_MILLIS} and
 * {@link Double#POSITIVE_INFINITY} meters. {@code UNREACHABLE_MILLIS} is large (about 68 years) but far from
 * {@link Long#MAX_VALUE}, so sums over a route cannot overflow.
 */
public final class CompactTravelTimeMatrix implements TravelTimeMatrix {

    /** Stored travel time of a pair with no road path. */
    public static final int UNREACHABLE_SECONDS = Integer.MAX_VALUE;
    /** {@link #travelMillis} of a pair with no road path. */
    public static final long UNREACHABLE_MILLIS = UNREACHABLE_SECONDS * 1000L;

    private final int size;
    private final int[] seconds;
    private final float[] meters;

    /**
     * @param size    number of locations
     * @param seconds travel time in whole seconds, length {@code size * size}, row-major
     * @param meters  travel distance in meters, length {@code size * size}, row-major
     */
    public CompactTravelTimeMatrix(int size, int[] seconds, float[] meters) {
        Objects.requireNonNull(seconds, "seconds");
        Objects.requireNonNull(meters, "meters");
        if (size < 0 || seconds.length != (long) size * size || meters.length != (long) size * size) {
            throw new IllegalArgumentException("matrix arrays must have size*size = " + ((long) size * size)
                    + " entries, got " + seconds.length + " and " + meters.length);
        }
        this.size = size;
        this.seconds = seconds;
        this.meters = meters;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public long travelMillis(int from, int to) {
        return seconds[from * size + to] * 1000L;
    }

    /** Travel time in whole seconds, {@link #UNREACHABLE_SECONDS} when there is no road path. */
    public int travelSeconds(int from, int to) {
        return seconds[from * size + to];
    }

    @Override
    public double distanceMeters(int from, int to) {
        float m = meters[from * size + to];
        return m;
    }

    /** True when the road graph has a path from {@code from} to {@code to}. */
    public boolean isReachable(int from, int to) {
        return seconds[from * size + to] != UNREACHABLE_SECONDS;
    }
}
