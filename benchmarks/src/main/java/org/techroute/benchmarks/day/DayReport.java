package org.techroute.benchmarks.day;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.techroute.data.model.Priority;

/** The figures of a batch of simulated days, as markdown. */
public final class DayReport {

    /** Examples printed per invariant. */
    static final int EXAMPLES = 3;

    private final List<DaySimulator.DayResult> days = new ArrayList<>();

    public void add(DaySimulator.DayResult day) {
        days.add(day);
    }

    public List<Finding> findings() {
        return days.stream().flatMap(d -> d.findings().stream()).toList();
    }

    public Map<Invariant, List<Finding>> findingsByInvariant() {
        Map<Invariant, List<Finding>> byInvariant = new EnumMap<>(Invariant.class);
        for (Invariant invariant : Invariant.values()) {
            byInvariant.put(invariant, new ArrayList<>());
        }
        findings().forEach(f -> byInvariant.get(f.invariant()).add(f));
        return byInvariant;
    }

    public String markdown(String title) {
        StringBuilder out = new StringBuilder();
        int applied = 0;
        int refused = 0;
        Map<String, int[]> byType = new TreeMap<>(); // type -> {applied, refused, moved total}
        for (DaySimulator.DayResult day : days) {
            for (DaySimulator.ChangeOutcome change : day.changes()) {
                int[] counts = byType.computeIfAbsent(change.type(), k -> new int[3]);
                if (change.applied()) {
                    applied++;
                    counts[0]++;
                    counts[2] += change.visitsMoved();
                } else {
                    refused++;
                    counts[1]++;
                }
            }
        }
        int plans = days.stream().mapToInt(DaySimulator.DayResult::plans).sum();
        out.append("### ").append(title).append("\n\n");
        long stalled = days.stream().mapToLong(DaySimulator.DayResult::stalledSolves).sum();
        out.append("| days | plans checked | changes applied | changes refused or failed | stalled solves | violations"
                + " |\n");
        out.append("|---:|---:|---:|---:|---:|---:|\n");
        out.append("| ").append(days.size()).append(" | ").append(plans).append(" | ").append(applied).append(" | ")
                .append(refused).append(" | ").append(stalled).append(" | ").append(findings().size()).append(" |\n\n");

        out.append("| invariant | rule | violations | days with one |\n|---|---|---:|---:|\n");
        Map<Invariant, List<Finding>> byInvariant = findingsByInvariant();
        for (Map.Entry<Invariant, List<Finding>> entry : byInvariant.entrySet()) {
            long daysWith = entry.getValue().stream().map(Finding::daySeed).distinct().count();
            out.append("| `").append(entry.getKey().id()).append("` | ").append(entry.getKey().rule()).append(" | ")
                    .append(entry.getValue().size()).append(" | ").append(daysWith).append(" |\n");
        }
        out.append("\n| change | applied | refused or failed | visits moved per change (mean) |\n"
                + "|---|---:|---:|---:|\n");
        byType.forEach((type, counts) -> out.append("| ").append(type).append(" | ").append(counts[0]).append(" | ")
                .append(counts[1]).append(" | ").append(counts[0] == 0 ? "-" : String.format(Locale.ROOT, "%.1f",
                        counts[2] / (double) counts[0])).append(" |\n"));

        out.append("\n| emergencies | added | served | unassigned | delay call→start median / p90 / max (min) |\n"
                + "|---|---:|---:|---:|---|\n");
        for (Priority priority : List.of(Priority.CRITICAL, Priority.HIGH, Priority.NORMAL)) {
            List<DaySimulator.Emergency> emergencies = days.stream().flatMap(d -> d.emergencies().stream())
                    .filter(e -> e.priority() == priority).toList();
            List<Long> delays = emergencies.stream().map(DaySimulator.Emergency::delayMinutes)
                    .filter(d -> d != null).sorted().toList();
            out.append("| ").append(priority).append(" | ").append(emergencies.size()).append(" | ")
                    .append(delays.size()).append(" | ").append(emergencies.size() - delays.size()).append(" | ")
                    .append(delays.isEmpty() ? "-" : percentile(delays, 50) + " / " + percentile(delays, 90) + " / "
                            + delays.get(delays.size() - 1))
                    .append(" |\n");
        }
        boolean any = false;
        for (Map.Entry<Invariant, List<Finding>> entry : byInvariant.entrySet()) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            if (!any) {
                out.append("\nExamples (at most ").append(EXAMPLES).append(" per invariant):\n\n");
                any = true;
            }
            entry.getValue().stream().limit(EXAMPLES).forEach(f -> out.append("- ").append(f).append('\n'));
        }
        return out.toString();
    }

    private static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
