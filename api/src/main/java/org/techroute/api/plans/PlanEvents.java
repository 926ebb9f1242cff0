package org.techroute.api.plans;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
    /** The live state of runs at other instances, from their relayed events (cluster mode). */
    private final Map<String, PlanRuns.Live> remoteLive = new ConcurrentHashMap<>();
    private volatile Relay relay;

    /** Where the events of runs solved here go besides this instance's streams (the other instances). */
    interface Relay {
        void publish(String planId, String name, Object data, PlanRuns.Live live);
    }

    private final ObjectMapper mapper;

    public PlanEvents(TechrouteProperties properties, ObjectMapper mapper) {
        this.settings = properties.api();
        this.mapper = mapper;
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

    /** A new best score of a run solved here, with what the run knows now. */
    public void bestScore(String planId, SolverEvents.BestScore event, PlanRuns.Live live) {
        broadcast(planId, "best-score", event);
        relay(planId, "best-score", event, live);
    }

    /** A status change of a run solved here, with what the run knows now. */
    public void status(String planId, SolverEvents.Status event, PlanRuns.Live live) {
        broadcast(planId, "status", event);
        relay(planId, "status", event, live);
    }

    /** Completes every stream of a plan (its run ended, or it was deleted), here and at the other instances. */
    public void complete(String planId) {
        completeHere(planId);
        relay(planId, "complete", null, null);
    }

    void relayTo(Relay relay) {
        this.relay = relay;
    }

    private void relay(String planId, String name, Object data, PlanRuns.Live live) {
        Relay target = relay;
        if (target != null) {
            target.publish(planId, name, data, live);
        }
    }

    /** An event of a run at another instance: to the streams here, and its live state kept for status reads. */
    void relayed(String planId, String name, JsonNode data, PlanRuns.Live live) throws JsonProcessingException {
        if (live != null) {
            remoteLive.put(planId, live);
        }
        switch (name) {
            case "best-score" -> broadcast(planId, name, mapper.treeToValue(data, SolverEvents.BestScore.class));
            case "status" -> broadcast(planId, name, mapper.treeToValue(data, SolverEvents.Status.class));
            case "complete" -> {
                remoteLive.remove(planId);
                completeHere(planId);
            }
            default -> {
            }
        }
    }

    /** What a run at another instance knows, from its last relayed event (cluster mode); empty if none. */
    Optional<PlanRuns.Live> remoteLive(String planId) {
        return Optional.ofNullable(remoteLive.get(planId));
    }

    private void completeHere(String planId) {
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
        emitters.keySet().forEach(this::completeHere);
        dispatcher.shutdown();
        dispatcher.awaitTermination(2, TimeUnit.SECONDS);
    }
}
