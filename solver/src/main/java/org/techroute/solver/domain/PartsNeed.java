package org.techroute.solver.domain;

import java.util.Arrays;
import java.util.List;

/**
 * The parts a sequence of visits needs, per part index: what a van must carry for a route. Sparse (only the parts
 * needed), since a problem may know many parts and a route needs a few.
 */
public final class PartsNeed {

    private static final PartsNeed NONE = new PartsNeed(new int[0], new long[0]);

    /** Part indexes, ascending. */
    private final int[] parts;
    private final long[] quantities;

    private PartsNeed(int[] parts, long[] quantities) {
        this.parts = parts;
        this.quantities = quantities;
    }

    /** What {@code route} with {@code extra} inserted at {@code position} (none if negative) needs. */
    public static PartsNeed of(List<Visit> route, int position, Visit extra) {
        int entries = 0;
        for (Visit visit : route) {
            entries += visit.getPartIds().length;
        }
        if (position >= 0) {
            entries += extra.getPartIds().length;
        }
        if (entries == 0) {
            return NONE;
        }
        long[] packed = new long[entries]; // part index in the high bits, quantity in the low bits
        int at = 0;
        for (Visit visit : route) {
            at = pack(visit, packed, at);
        }
        if (position >= 0) {
            pack(extra, packed, at);
        }
        Arrays.sort(packed);
        int[] parts = new int[entries];
        long[] quantities = new long[entries];
        int size = -1;
        for (long entry : packed) {
            int part = (int) (entry >>> 32);
            long quantity = entry & 0xFFFF_FFFFL;
            if (size >= 0 && parts[size] == part) {
                quantities[size] += quantity;
            } else {
                size++;
                parts[size] = part;
                quantities[size] = quantity;
            }
        }
        return new PartsNeed(Arrays.copyOf(parts, size + 1), Arrays.copyOf(quantities, size + 1));
    }

    private static int pack(Visit visit, long[] packed, int at) {
        int[] ids = visit.getPartIds();
        int[] quantities = visit.getPartQuantities();
        for (int i = 0; i < ids.length; i++) {
            packed[at++] = ((long) ids[i] << 32) | (quantities[i] & 0xFFFF_FFFFL);
        }
        return at;
    }

    /** Units needed beyond the van's stock of {@code shift}, summed over parts. */
    public long shortfall(Shift shift) {
        long shortfall = 0;
        for (int i = 0; i < parts.length; i++) {
            shortfall += Math.max(0, quantities[i] - shift.stockOf(parts[i]));
        }
        return shortfall;
    }

    /** How many of part {@code part} are needed. */
    public long quantityOf(int part) {
        int at = Arrays.binarySearch(parts, part);
        return at < 0 ? 0 : quantities[at];
    }

    /** Whether the van of {@code shift} can also carry what {@code visit} needs, on top of this. */
    public boolean fits(Shift shift, Visit visit) {
        int[] ids = visit.getPartIds();
        int[] wanted = visit.getPartQuantities();
        for (int i = 0; i < ids.length; i++) {
            if (wanted[i] > 0 && quantityOf(ids[i]) + wanted[i] > shift.stockOf(ids[i])) {
                return false;
            }
        }
        return true;
    }
}
