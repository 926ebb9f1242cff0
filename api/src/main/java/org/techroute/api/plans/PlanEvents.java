package org.techroute.api.plans;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.techroute.api.config.TechrouteProperties;
import org.techroute.api.errors.ApiException;
import org.techroute.api.errors.ErrorTypes;

/**
 * Server-sent event streams of plans: {@code best-score} on each new best score, {@code status} on each status
 * change, completed when a run ends. Bounded per plan and in total; every stream has a timeout. Events are sent
 * from one dispatcher thread (in order, and never from a solver thread).
 */
@Component
public class PlanEvents {

    private final Map<String, List<SseEmitter>> emitters = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "techroute-events");
        thread.setDaemon(true);
        return thread;
    });
    private final TechrouteProperties.Api settings;

    public PlanEvents(TechrouteProperties properties) {
        this.settings = properties.api();
    }

    /** Opens a stream for a plan; 429 when too many are open. */
    public SseEmitter subscribe(String planId) {
        if (open.incrementAndGet() > settings.maxEmitters()) {
            open.decrementAndGet();
            throw tooMany("too many event streams are open; try again later");
        }
        List<SseEmitter> list = emitters.computeIfAbsent(planId, id -> new CopyOnWriteArrayList<>());
        if (list.size() >= settings.maxEmittersPerPlan()) {
            open.decrementAndGet();
            throw tooMany("too many event streams are open for this plan");
        }
        SseEmitter emitter = new SseEmitter(settings.sseTimeout().toMillis());
        list.add(emitter);
        emitter.onCompletion(() -> remove(planId, emitter));
        emitter.onTimeout(() -> {
            remove(planId, emitter);
            emitter.complete();
        });
        emitter.onError(error -> remove(planId, emitter));
        return emitter;
    }

    /** Sends the current status to a new stream, completing it when the plan is not being solved. */
    public void welcome(String planId, SseEmitter emitter, SolverEvents.Status status) {
        dispatcher.execute(() -> {
            send(planId, emitter, "status", status);
            if (!status.status().isActive()) {
                remove(planId, emitter);
                emitter.complete();
            }
        });
    }

    public void bestScore(String planId, SolverEvents.BestScore event) {
        broadcast(planId, "best-score", event);
    }

    public void status(String planId, SolverEvents.Status event) {
        broadcast(planId, "status", event);
    }

    /** Completes every stream of a plan (its run ended, or it was deleted). */
    public void complete(String planId) {
        dispatcher.execute(() -> {
            List<SseEmitter> list = emitters.remove(planId);
            if (list != null) {
                for (SseEmitter emitter : list) {
                    if (list.remove(emitter)) {
                        open.decrementAndGet();
                    }
                    emitter.complete();
                }
            }
        });
    }

    public int openStreams() {
        return open.get();
    }

    private void broadcast(String planId, String name, Object data) {
        dispatcher.execute(() -> {
            List<SseEmitter> list = emitters.get(planId);
            if (list != null) {
                list.forEach(emitter -> send(planId, emitter, name, data));
            }
        });
    }

    private void send(String planId, SseEmitter emitter, String name, Object data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            remove(planId, emitter);
        }
    }

    private void remove(String planId, SseEmitter emitter) {
        List<SseEmitter> list = emitters.get(planId);
        if (list != null && list.remove(emitter)) {
            open.decrementAndGet();
            emitters.computeIfPresent(planId, (id, l) -> l.isEmpty() ? null : l);
        }
    }

    private static ApiException tooMany(String detail) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, ErrorTypes.TOO_MANY_REQUESTS,
                "Too many event streams", detail).header("Retry-After", "30");
    }

    @PreDestroy
    void close() throws InterruptedException {
        emitters.keySet().forEach(this::complete);
        dispatcher.shutdown();
        dispatcher.awaitTermination(2, TimeUnit.SECONDS);
    }
}
