package org.techroute.api.webhooks;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.techroute.api.config.TechrouteProperties;
import org.techroute.api.plans.PlanRecord;
import org.techroute.api.plans.PlanRepository;
import org.techroute.api.plans.PlanRuns;
import org.techroute.api.plans.PlanStatus;
import org.techroute.api.webhooks.WebhookDeliveries.State;

/**
 * Sends an event to every registered webhook when a run ends here ({@code run.ended}: SOLVED or STOPPED) or fails
 * ({@code run.failed}). Each delivery is a {@code POST} of JSON, signed: {@code X-Techroute-Signature:
 * sha256=<hex>} is the HMAC-SHA256, with the webhook's secret, of {@code <X-Techroute-Timestamp>.<body>}.
 *
 * <p>Deliveries are durable: the event is first written to the database, one {@code webhook_delivery} row per
 * webhook ({@link WebhookDeliveries}), then one sender thread sends the rows that are due, every
 * {@code techroute.webhooks.poll} and at once when rows were written. A delivery that gets no 2xx answer is tried
 * again after {@code techroute.webhooks.first-retry}, doubling, up to {@code max-attempts} tries (then GAVE_UP).
 * Retries survive a restart: pending rows are sent by the next process (or, in cluster mode, by any instance).
 * Before each try the sender claims the row (a conditional update), so two instances never send the same try; a
 * claim lasts {@code techroute.cluster.lease} plus twice the timeout, and an expired one is taken over. A process
 * killed between a try and its record sends that try again after the restart: delivery is at least once, and
 * receivers tell repeats by {@code X-Techroute-Delivery} (the event id).
 */
@Component
public class WebhookDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);
    /** Rows claimed and sent per database read. */
    static final int BATCH = 20;
    /** Batches per pass at most; a full last batch asks for another pass at once. */
    private static final int BATCHES_PER_PASS = 10;

    private final Webhooks webhooks;
    private final WebhookDeliveries deliveries;
    private final PlanRepository repository;
    private final PlanRuns runs;
    private final ObjectMapper mapper;
    private final TechrouteProperties.Webhooks settings;
    private final TechrouteProperties.Cluster cluster;
    private final HttpClient http;
    private final AtomicBoolean woken = new AtomicBoolean();
    private final AtomicLong passes = new AtomicLong();
    private volatile boolean stopping;
    /** When finished deliveries were last purged (sender thread only; 0: never). */
    private long lastPurge;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "techroute-webhooks");
        thread.setDaemon(true);
        return thread;
    });

    public WebhookDelivery(Webhooks webhooks, WebhookDeliveries deliveries, PlanRepository repository,
            PlanRuns runs, ObjectMapper mapper, TechrouteProperties properties) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.repository = repository;
        this.runs = runs;
        this.mapper = mapper;
        this.settings = properties.webhooks();
        this.cluster = properties.cluster();
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        runs.onRunEnded(this::ended);
    }

    /**
     * The event a webhook receives.
     *
     * @param type     {@code run.ended} (SOLVED or STOPPED) or {@code run.failed}
     * @param eventId  the same for every webhook and every retry of this event
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RunEvent(String eventId, String type, OffsetDateTime at, String planId, String planName, int run,
            PlanStatus status, String reason, String score, Boolean feasible) {
    }

    /**
     * Starts the sender once the service is ready; pending deliveries of an earlier process go out first. A single
     * instance gives back the claims such a process left (no other instance can hold them).
     */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!cluster.enabled()) {
            try {
                int released = deliveries.releaseAll();
                if (released > 0) {
                    LOG.info("{} webhook deliveries claimed by an earlier process are pending again", released);
                }
            } catch (RuntimeException e) {
                LOG.warn("cannot release the webhook delivery claims of an earlier process", e);
            }
        }
        sender.scheduleWithFixedDelay(this::pass, 0, Math.max(10, settings.poll().toMillis()),
                TimeUnit.MILLISECONDS);
    }

    /** Writes the event's deliveries (one per webhook), then wakes the sender. */
    void ended(String planId, int run, PlanStatus status, String reason) {
        if (webhooks.all().isEmpty()) {
            return;
        }
        PlanRecord plan = repository.findSummaryById(planId).orElse(null);
        RunEvent event = new RunEvent(UUID.randomUUID().toString(), status == PlanStatus.FAILED ? "run.failed"
                : "run.ended", now(), planId, plan == null ? null : plan.name(), run,
                status, reason, plan == null ? null : plan.score(), plan == null ? null : plan.feasible());
        String body;
        try {
            body = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (deliveries.enqueue(event.eventId(), event.type(), planId, body, event.at()) > 0) {
            wake();
        }
    }

    /** Asks the sender for a pass at once (at most one such request waits). */
    void wake() {
        if (!stopping && woken.compareAndSet(false, true)) {
            try {
                sender.execute(() -> {
                    woken.set(false);
                    pass();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                woken.set(false); // stopping
            }
        }
    }

    /** How many passes over the due deliveries the sender has finished (for tests). */
    long passes() {
        return passes.get();
    }

    /** Sends the due deliveries that this instance can claim, a bounded batch at a time. */
    private void pass() {
        try {
            purgeFinished();
            for (int batch = 0; batch < BATCHES_PER_PASS && !stopping; batch++) {
                List<WebhookDeliveries.Due> due = deliveries.due(now(), BATCH);
                for (WebhookDeliveries.Due delivery : due) {
                    if (stopping) {
                        return;
                    }
                    OffsetDateTime now = now();
                    if (deliveries.claim(delivery.eventId(), delivery.webhookId(), delivery.attempts(), owner(),
                            now.plus(claimLength()), now)) {
                        deliver(delivery);
                    }
                }
                if (due.size() < BATCH) {
                    return;
                }
            }
            wake(); // more are due than one pass sends
        } catch (RuntimeException e) {
            LOG.warn("webhook deliveries: cannot read or update the pending deliveries", e);
        } finally {
            passes.incrementAndGet();
        }
    }

    /** At most once an hour: deletes finished deliveries older than {@code techroute.webhooks.keep}. */
    private void purgeFinished() {
        long now = System.nanoTime();
        if (lastPurge != 0 && now - lastPurge < TimeUnit.HOURS.toNanos(1)) {
            return;
        }
        lastPurge = now;
        int purged = deliveries.purge(now().minus(settings.keep()));
        if (purged > 0) {
            LOG.info("{} webhook deliveries older than {} deleted", purged, settings.keep());
        }
    }

    /** Sends one claimed try and records its answer. */
    private void deliver(WebhookDeliveries.Due delivery) {
        int attempt = delivery.attempts() + 1;
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        int status = 0;
        String answer;
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(settings.timeout()).header("Content-Type", "application/json")
                    .header("User-Agent", "techroute-webhooks").header("X-Techroute-Event", delivery.eventType())
                    .header("X-Techroute-Delivery", delivery.eventId())
                    .header("X-Techroute-Attempt", Integer.toString(attempt))
                    .header("X-Techroute-Timestamp", timestamp)
                    .header("X-Techroute-Signature", "sha256=" + sign(delivery.secret(),
                            timestamp + "." + delivery.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            answer = "HTTP " + status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deliveries.release(delivery.eventId(), delivery.webhookId(), owner());
            return;
        } catch (HttpTimeoutException e) {
            answer = "no answer within " + settings.timeout();
        } catch (ConnectException e) {
            answer = "cannot connect";
        } catch (Exception e) {
            answer = "no answer (connection failed)";
        }
        OffsetDateTime now = now();
        boolean recorded;
        if (status >= 200 && status < 300) {
            recorded = deliveries.record(delivery.eventId(), delivery.webhookId(), delivery.attempts(), owner(),
                    State.DELIVERED, answer, null, now);
        } else if (attempt >= settings.maxAttempts()) {
            LOG.warn("webhook {}: event {} given up after {} attempts (last answer: {})", delivery.webhookId(),
                    delivery.eventId(), attempt, answer);
            recorded = deliveries.record(delivery.eventId(), delivery.webhookId(), delivery.attempts(), owner(),
                    State.GAVE_UP, answer, null, now);
        } else {
            LOG.info("webhook {}: event {} not delivered ({}), attempt {}", delivery.webhookId(),
                    delivery.eventId(), answer, attempt);
            recorded = deliveries.record(delivery.eventId(), delivery.webhookId(), delivery.attempts(), owner(),
                    State.PENDING, answer, now.plus(retryDelay(attempt)), now);
        }
        if (!recorded) {
            LOG.warn("webhook {}: attempt {} of event {} was sent but not recorded (webhook deleted, or the claim"
                    + " expired)", delivery.webhookId(), attempt, delivery.eventId());
        }
    }

    /** The wait after the failed try number {@code attempt}: first-retry, doubling. */
    Duration retryDelay(int attempt) {
        return settings.firstRetry().multipliedBy(1L << Math.min(20, attempt - 1));
    }

    /** How long a claim of one try lasts: longer than any try takes (connect and answer). */
    Duration claimLength() {
        return cluster.lease().plus(settings.timeout().multipliedBy(2));
    }

    private String owner() {
        return runs.lease().instanceId();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** HMAC-SHA256 of {@code payload} with {@code secret}, in lower-case hex. */
    public static String sign(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the sender; a try under way may finish (its claim expires or is given back at the next start). */
    @PreDestroy
    void close() throws InterruptedException {
        stopping = true;
        sender.shutdown();
        sender.awaitTermination(2, TimeUnit.SECONDS);
    }
}
