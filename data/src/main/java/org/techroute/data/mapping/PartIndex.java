package org.techroute.data.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.techroute.data.model.Shift;
import org.techroute.data.model.Visit;

/**
 * The part names of a problem (from the vans' stock and the visits' needs), sorted, each with an index: the planning
 * model counts parts by index.
 */
final class PartIndex {

    private final Map<String, Integer> indexes = new TreeMap<>();

    private PartIndex() {
    }

    static PartIndex of(List<Shift> shifts, List<Visit> visits) {
        TreeSet<String> names = new TreeSet<>();
        shifts.forEach(shift -> names.addAll(shift.vanStockOrEmpty().keySet()));
        visits.forEach(visit -> names.addAll(visit.partsOrEmpty().keySet()));
        PartIndex index = new PartIndex();
        for (String name : names) {
            index.indexes.put(name, index.indexes.size());
        }
        return index;
    }

    /** The van's stock per part index; parts not on the van are 0. */
    int[] stock(Map<String, Integer> vanStock) {
        if (vanStock.isEmpty()) {
            return new int[0];
        }
        int[] stock = new int[indexes.size()];
        vanStock.forEach((name, quantity) -> stock[indexes.get(name)] = quantity);
        return stock;
    }

    /** Gives the planning visit the parts its input needs (parts of quantity 0 are left out). */
    void setNeeds(org.techroute.solver.domain.Visit visit, Map<String, Integer> parts) {
        if (parts.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>(new TreeMap<>(parts).keySet());
        names.removeIf(name -> parts.get(name) == 0);
        int[] ids = new int[names.size()];
        int[] quantities = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            ids[i] = indexes.get(names.get(i));
            quantities[i] = parts.get(names.get(i));
        }
        visit.setParts(ids, quantities, names.toArray(String[]::new));
    }
}
