package org.techroute.api.plans;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.techroute.api.config.TechrouteProperties;
import org.techroute.api.errors.ApiException;
import org.techroute.api.errors.ApiExceptionHandler;
import org.techroute.api.errors.ErrorTypes;
import org.techroute.data.changes.PlanChangeRequest;
import org.techroute.data.json.ProblemJson;

/**
 * Requests that only the instance running a plan can carry out (a live change, a stop), sent through whichever
 * instance a client reached (cluster mode on PostgreSQL). The receiving instance writes a {@code plan_command} row
 * for the instance that holds the plan's claim and wakes it ({@link ClusterBus}); that instance takes the row, carries
 * the request out exactly as if it had come to it, and writes its answer (status and body, error documents
 * included), which the receiving instance returns unchanged. A request the holder does not take within
 * {@code techroute.cluster.forward-wait} is withdrawn and answered 503 (nothing changed); a request taken is
 * carried out once.
 */
@Component
public class PlanCommands {

    private static final Logger LOG = LoggerFactory.getLogger(PlanCommands.class);

    /** What a request asks of the instance running the plan. */
    enum Kind {
        CHANGE, STOP, CHANGE_VIEW
    }

    /** An answer as the running instance gave it. */
    public record Answer(int status, String contentType, String body) {
        public ResponseEntity<Object> response() {
            return ResponseEntity.status(status).contentType(MediaType.parseMediaType(contentType)).body(body);
        }
    }

    private final JdbcClient jdbc;
    private final ClusterBus bus;
    private final PlanRuns runs;
    private final PlanService plans;
    private final PlanChanges changes;
    private final ObjectMapper mapper;
    private final ApiExceptionHandler errors;
    private final Duration forwardWait;
    private final Duration changeWait;
    private final Map<String, CompletableFuture<Void>> awaited = new ConcurrentHashMap<>();
    /** Requests of one plan are carried out in order: one thread per stripe of plans. */
    private final ExecutorService[] workers = new ExecutorService[4];

    public PlanCommands(JdbcClient jdbc, ClusterBus bus, PlanRuns runs, PlanService plans, PlanChanges changes,
            ObjectMapper mapper, ApiExceptionHandler errors, TechrouteProperties properties) {
        this.jdbc = jdbc;
        this.bus = bus;
        this.runs = runs;
        this.plans = plans;
        this.changes = changes;
        this.mapper = mapper;
        this.errors = errors;
        this.forwardWait = properties.cluster().forwardWait();
        this.changeWait = properties.changes().responseWait();
        for (int i = 0; i < workers.length; i++) {
            int stripe = i;
            workers[i] = Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "techroute-commands-" + stripe);
                thread.setDaemon(true);
                return thread;
            });
        }
        bus.onCommand(this::takeWaiting);
        bus.onAnswer(id -> Optional.ofNullable(awaited.get(id)).ifPresent(f -> f.complete(null)));
    }

    /** A live change sent on to the instance running the plan; empty when it is for this instance to carry out. */
    public Optional<Answer> change(String planId, PlanChangeRequest request) {
        // the running instance may stop its run and wait up to 30 s for it before it starts the changed one
        return forward(planId, Kind.CHANGE, ProblemJson.write(request), changeWait.plusSeconds(35));
    }

    /** A stop sent on to the instance running the plan; empty when it is for this instance to carry out. */
    public Optional<Answer> stop(String planId) {
        return forward(planId, Kind.STOP, null, Duration.ofSeconds(10));
    }

    /**
     * A change as it stands, read at the instance running the plan (which carried it out and keeps its track); empty
     * when it is for this instance to answer.
     */
    public Optional<Answer> changeView(String planId, String changeId) {
        return forward(planId, Kind.CHANGE_VIEW, changeId, Duration.ofSeconds(10));
    }

    private Optional<Answer> forward(String planId, Kind kind, String body, Duration answerWait) {
        if (!bus.enabled() || runs.has(planId)) {
            return Optional.empty();
        }
        OffsetDateTime now = now();
        Optional<String> holder = jdbc.sql("SELECT claimed_by FROM plan WHERE id = :id AND status IN (:underWay)"
                + " AND claimed_by IS NOT NULL AND claimed_by <> :me AND claimed_until > :now")
                .param("id", planId).param("underWay", PlanRepository.names(PlanRepository.UNDER_WAY))
                .param("me", bus.instanceId()).param("now", now).query(String.class).optional();
        if (holder.isEmpty()) {
            return Optional.empty();
        }
        String id = UUID.randomUUID().toString();
        CompletableFuture<Void> answered = new CompletableFuture<>();
        awaited.put(id, answered);
        try {
            jdbc.sql("INSERT INTO plan_command (id, plan_id, target, kind, body, state, created_at)"
                    + " VALUES (:id, :plan, :target, :kind, :body, 'WAITING', :now)").param("id", id)
                    .param("plan", planId).param("target", holder.get()).param("kind", kind.name())
                    .param("body", body).param("now", now).update();
            bus.commandWaiting(holder.get());
            Optional<Answer> answer = awaitAnswer(id, answered, forwardWait);
            if (answer.isEmpty()) {
                if (jdbc.sql("UPDATE plan_command SET state = 'CANCELLED' WHERE id = :id AND state = 'WAITING'")
                        .param("id", id).update() == 1) {
                    throw unavailable("the instance solving plan '" + planId + "' did not take the request in"
                            + " time; nothing was changed: try again");
                }
                answer = awaitAnswer(id, answered, answerWait);
            }
            return Optional.of(answer.orElseThrow(() -> unavailable("the instance solving plan '" + planId
                    + "' took the request but did not answer in time; GET /api/plans/" + planId
                    + "/status shows where the plan is")));
        } finally {
            awaited.remove(id);
            jdbc.sql("DELETE FROM plan_command WHERE id = :id AND state IN ('ANSWERED', 'CANCELLED')")
                    .param("id", id).update();
        }
    }

    /** Waits (bounded) for the answer: woken by the notification, or finding it on a poll every 200 ms. */
    private Optional<Answer> awaitAnswer(String id, CompletableFuture<Void> answered, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<Answer> answer = jdbc.sql("SELECT answer_status, answer_type, answer FROM plan_command"
                    + " WHERE id = :id AND state = 'ANSWERED'").param("id", id)
                    .query((rs, n) -> new Answer(rs.getInt(1), rs.getString(2), rs.getString(3))).optional();
            long left = deadline - System.nanoTime();
            if (answer.isPresent() || left <= 0) {
                return answer;
            }
            try {
                answered.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // poll again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (java.util.concurrent.ExecutionException e) {
                return Optional.empty();
            }
        }
    }

    /** Takes the requests waiting for this instance and carries them out (on the listener thread: quick). */
    void takeWaiting() {
        for (Waiting waiting : jdbc.sql("SELECT id, plan_id, kind, body FROM plan_command WHERE target = :me"
                + " AND state = 'WAITING' ORDER BY created_at").param("me", bus.instanceId())
                .query((rs, n) -> new Waiting(rs.getString(1), rs.getString(2), Kind.valueOf(rs.getString(3)),
                        rs.getString(4))).list()) {
            if (jdbc.sql("UPDATE plan_command SET state = 'TAKEN' WHERE id = :id AND state = 'WAITING'")
                    .param("id", waiting.id()).update() == 1) {
                workers[Math.floorMod(waiting.planId().hashCode(), workers.length)].execute(() -> carryOut(waiting));
            }
        }
    }

    private record Waiting(String id, String planId, Kind kind, String body) {
    }

    private void carryOut(Waiting waiting) {
        Answer answer;
        String path = "/api/plans/" + waiting.planId() + switch (waiting.kind()) {
            case CHANGE -> "/changes";
            case STOP -> "/solving";
            case CHANGE_VIEW -> "/changes/" + waiting.body();
        };
        try {
            answer = switch (waiting.kind()) {
                case CHANGE -> {
                    PlanChangeRequest request = ProblemJson.mapper().readValue(waiting.body(),
                            PlanChangeRequest.class);
                    PlanChanges.ChangeResult result = changes.change(waiting.planId(), request);
                    yield json(result.pending() ? 202 : 200, result);
                }
                case STOP -> json(202, plans.stop(waiting.planId()));
                case CHANGE_VIEW -> json(200, changes.view(waiting.planId(), waiting.body()));
            };
        } catch (Exception e) {
            ResponseEntity<Object> error = errors.answer(e, path);
            if (error.getBody() instanceof org.springframework.http.ProblemDetail problem
                    && problem.getInstance() == null) {
                problem.setInstance(java.net.URI.create(path));
            }
            answer = json(error.getStatusCode().value(), error.getBody(), MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
        try {
            jdbc.sql("UPDATE plan_command SET state = 'ANSWERED', answer_status = :status, answer_type = :type,"
                    + " answer = :answer, answered_at = :now WHERE id = :id").param("status", answer.status())
                    .param("type", answer.contentType()).param("answer", answer.body()).param("now", now())
                    .param("id", waiting.id()).update();
            bus.answered(waiting.id());
        } catch (RuntimeException e) {
            LOG.warn("cannot answer request {} for plan {}", waiting.id(), waiting.planId(), e);
        }
    }

    private Answer json(int status, Object body) {
        return json(status, body, MediaType.APPLICATION_JSON_VALUE);
    }

    private Answer json(int status, Object body, String type) {
        try {
            return new Answer(status, type, mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiException unavailable(String detail) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorTypes.UNAVAILABLE, "Not answered", detail)
                .header("Retry-After", "5");
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    @PreDestroy
    void close() {
        for (ExecutorService worker : workers) {
            worker.shutdown();
        }
    }
}
