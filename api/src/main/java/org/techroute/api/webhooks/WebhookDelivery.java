package org.techroute.api.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.techroute.api.config.TechrouteProperties;
import org.techroute.api.plans.PlanRecord;
import org.techroute.api.plans.PlanRepository;
import org.techroute.api.plans.PlanRuns;
import org.techroute.api.plans.PlanStatus;

/**
 * Sends an event to every registered webhook when a run ends here ({@code run.ended}: SOLVED or STOPPED) or fails
 * ({@code run.failed}). Each delivery is a {@code POST} of JSON, signed: {@code X-Techroute-Signature:
 * sha256=<hex>} is the HMAC-SHA256, with the webhook's secret, of {@code <X-Techroute-Timestamp>.<body>}. A delivery
 * that gets no 2xx answer is tried again after {@code techroute.webhooks.first-retry}, doubling, up to
 * {@code max-attempts} tries; the retries are kept in memory (not across a restart).
 */
@Component
public class WebhookDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);

    private final Webhooks webhooks;
    private final PlanRepository repository;
    private final ObjectMapper mapper;
    private final TechrouteProperties.Webhooks settings;
    private final HttpClient http;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "techroute-webhooks");
        thread.setDaemon(true);
        return thread;
    });

    public WebhookDelivery(Webhooks webhooks, PlanRepository repository, PlanRuns runs, ObjectMapper mapper,
            TechrouteProperties properties) {
        this.webhooks = webhooks;
        this.repository = repository;
        this.mapper = mapper;
        this.settings = properties.webhooks();
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

    private void ended(String planId, int run, PlanStatus status, String reason) {
        if (webhooks.all().isEmpty()) {
            return;
        }
        PlanRecord plan = repository.findSummaryById(planId).orElse(null);
        RunEvent event = new RunEvent(UUID.randomUUID().toString(), status == PlanStatus.FAILED ? "run.failed"
                : "run.ended", OffsetDateTime.now(ZoneOffset.UTC), planId, plan == null ? null : plan.name(), run,
                status, reason, plan == null ? null : plan.score(), plan == null ? null : plan.feasible());
        String body;
        try {
            body = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (Webhooks.Webhook webhook : webhooks.all()) {
            sender.execute(() -> deliver(webhook, event, body, 1));
        }
    }

    private void deliver(Webhooks.Webhook webhook, RunEvent event, String body, int attempt) {
        if (webhooks.find(webhook.id()).isEmpty()) {
            return; // deleted meanwhile
        }
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        int status = 0;
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(webhook.url()))
                    .timeout(settings.timeout()).header("Content-Type", "application/json")
                    .header("User-Agent", "techroute-webhooks").header("X-Techroute-Event", event.type())
                    .header("X-Techroute-Delivery", event.eventId())
                    .header("X-Techroute-Attempt", Integer.toString(attempt))
                    .header("X-Techroute-Timestamp", timestamp)
                    .header("X-Techroute-Signature", "sha256=" + sign(webhook.secret(), timestamp + "." + body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            LOG.info("webhook {}: event {} not delivered ({}), attempt {}", webhook.id(), event.eventId(),
                    e.getClass().getSimpleName(), attempt);
        }
        if (status >= 200 && status < 300) {
            return;
        }
        if (attempt >= settings.maxAttempts()) {
            LOG.warn("webhook {}: event {} given up after {} attempts (last answer {})", webhook.id(),
                    event.eventId(), attempt, status == 0 ? "none" : status);
            return;
        }
        long delay = settings.firstRetry().toMillis() << Math.min(20, attempt - 1);
        sender.schedule(() -> deliver(webhook, event, body, attempt + 1), delay, TimeUnit.MILLISECONDS);
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

    @PreDestroy
    void close() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(2, TimeUnit.SECONDS);
    }

    Duration firstRetry() {
        return settings.firstRetry();
    }
}
