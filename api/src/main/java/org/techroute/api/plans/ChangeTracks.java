package org.techroute.api.plans;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The last {@value #PER_PLAN} change requests of the {@value #PLANS} most recently changed plans, in memory, for
 * {@code GET /api/plans/{id}/changes/{changeId}}. Thread-safe.
 */
final class ChangeTracks {

    static final int PLANS = 500;
    static final int PER_PLAN = 20;

    private final Map<String, Deque<ChangeTrack>> tracks = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<ChangeTrack>> eldest) {
            return size() > PLANS;
        }
    };

    /** A new change track of a plan's run, kept for {@link #find}. */
    synchronized ChangeTrack add(String planId, String mode, int run) {
        ChangeTrack track = new ChangeTrack(UUID.randomUUID().toString(), planId, mode, run);
        Deque<ChangeTrack> list = tracks.computeIfAbsent(planId, k -> new ArrayDeque<>());
        list.addLast(track);
        while (list.size() > PER_PLAN) {
            list.removeFirst();
        }
        return track;
    }

    synchronized Optional<ChangeTrack> find(String planId, String changeId) {
        Deque<ChangeTrack> list = tracks.get(planId);
        return list == null ? Optional.empty() : list.stream().filter(t -> t.id().equals(changeId)).findFirst();
    }

    /** Forgets a plan's changes (the plan was deleted). */
    synchronized void forget(String planId) {
        tracks.remove(planId);
    }
}
