package org.techroute.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techroute.api.webhooks.WebhookDeliveries.State;

/**
 * {@link WebhookDeliveries} on a migrated database: a delivery per webhook, claims (a live claim of another instance
 * is respected, an expired one is taken, a claim is for one try), records, and deletion of a webhook.
 */
abstract class WebhookDeliveriesContract {

    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 2, 8, 0, 0, 0, ZoneOffset.UTC);

    WebhookDeliveries deliveries;
    Webhooks webhooks;

    /** A migrated database. */
    abstract DataSource dataSource();

    @BeforeEach
    void setUp() {
        JdbcClient jdbc = JdbcClient.create(dataSource());
        jdbc.sql("DELETE FROM webhook_delivery").update();
        jdbc.sql("DELETE FROM webhook").update();
        deliveries = new WebhookDeliveries(jdbc);
        webhooks = new Webhooks(jdbc);
    }

    String webhook() {
        String id = UUID.randomUUID().toString();
        webhooks.insert(new Webhooks.Webhook(id, "http://127.0.0.1:9/" + id, "secret-" + id, T0, "test"));
        return id;
    }

    static String event() {
        return UUID.randomUUID().toString();
    }

    @Test
    void anEventIsOneDeliveryPerWebhookDueAtOnce() {
        String a = webhook();
        String b = webhook();
        String event = event();
        assertThat(deliveries.enqueue(event, "run.ended", "plan-1", "{\"eventId\":\"" + event + "\"}", T0))
                .isEqualTo(2);
        assertThat(deliveries.due(T0.minusSeconds(1), 10)).as("not due before").isEmpty();
        List<WebhookDeliveries.Due> due = deliveries.due(T0, 10);
        assertThat(due).extracting(WebhookDeliveries.Due::webhookId).containsExactlyInAnyOrder(a, b);
        assertThat(due).allSatisfy(d -> {
            assertThat(d.eventId()).isEqualTo(event);
            assertThat(d.attempts()).isZero();
            assertThat(d.body()).contains(event);
            assertThat(d.secret()).isEqualTo("secret-" + d.webhookId());
        });
        WebhookDeliveries.Delivery row = deliveries.find(event, a).orElseThrow();
        assertThat(row.state()).isEqualTo(State.PENDING);
        assertThat(row.planId()).isEqualTo("plan-1");
        assertThat(row.type()).isEqualTo("run.ended");
        assertThat(row.nextAttemptAt().toInstant()).isEqualTo(T0.toInstant());
        assertThat(deliveries.due(T0, 1)).as("bounded").hasSize(1);
    }

    @Test
    void aLiveClaimIsRespectedAndAnExpiredOneIsTaken() {
        String hook = webhook();
        String event = event();
        deliveries.enqueue(event, "run.ended", null, "{}", T0);
        OffsetDateTime now = T0.plusSeconds(1);
        assertThat(deliveries.claim(event, hook, 0, "a", now.plusSeconds(30), now)).isTrue();
        assertThat(deliveries.due(now, 10)).as("a claimed delivery is not due for others").isEmpty();
        assertThat(deliveries.claim(event, hook, 0, "b", now.plusSeconds(30), now)).as("live claim of a").isFalse();
        assertThat(deliveries.claim(event, hook, 0, "a", now.plusSeconds(30), now)).as("not twice").isFalse();

        OffsetDateTime later = now.plusSeconds(31); // a died: its claim expired
        assertThat(deliveries.due(later, 10)).hasSize(1);
        assertThat(deliveries.claim(event, hook, 0, "b", later.plusSeconds(30), later)).isTrue();
        assertThat(deliveries.record(event, hook, 0, "a", State.DELIVERED, "HTTP 204", null, later))
                .as("a lost its claim").isFalse();
        assertThat(deliveries.record(event, hook, 0, "b", State.PENDING, "HTTP 500", later.plusSeconds(2), later))
                .isTrue();
        WebhookDeliveries.Delivery row = deliveries.find(event, hook).orElseThrow();
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastAnswer()).isEqualTo("HTTP 500");
        assertThat(row.claimedBy()).isNull();
        assertThat(row.nextAttemptAt().toInstant()).isEqualTo(later.plusSeconds(2).toInstant());

        assertThat(deliveries.claim(event, hook, 1, "a", later.plusSeconds(30), later)).as("not due yet").isFalse();
        OffsetDateTime due = later.plusSeconds(2);
        assertThat(deliveries.claim(event, hook, 0, "a", due.plusSeconds(30), due)).as("a try already sent")
                .isFalse();
        assertThat(deliveries.claim(event, hook, 1, "a", due.plusSeconds(30), due)).isTrue();
        assertThat(deliveries.record(event, hook, 1, "a", State.DELIVERED, "HTTP 204", null, due)).isTrue();
        row = deliveries.find(event, hook).orElseThrow();
        assertThat(row.state()).isEqualTo(State.DELIVERED);
        assertThat(row.attempts()).isEqualTo(2);
        assertThat(row.deliveredAt().toInstant()).isEqualTo(due.toInstant());
        assertThat(deliveries.due(due.plusDays(1), 10)).as("delivered is never due").isEmpty();
        assertThat(deliveries.claim(event, hook, 2, "a", due.plusDays(1), due.plusDays(1))).isFalse();
    }

    @Test
    void givenUpIsFinalAndReleaseAllFreesLeftOverClaims() {
        String hook = webhook();
        String first = event();
        String second = event();
        deliveries.enqueue(first, "run.failed", null, "{}", T0);
        deliveries.enqueue(second, "run.failed", null, "{}", T0);
        assertThat(deliveries.claim(first, hook, 0, "a", T0.plusSeconds(30), T0)).isTrue();
        assertThat(deliveries.record(first, hook, 0, "a", State.GAVE_UP, "cannot connect", null, T0)).isTrue();
        assertThat(deliveries.find(first, hook).orElseThrow().state()).isEqualTo(State.GAVE_UP);
        assertThat(deliveries.claim(second, hook, 0, "killed", T0.plusHours(1), T0)).isTrue();
        assertThat(deliveries.releaseAll()).isEqualTo(1);
        assertThat(deliveries.due(T0, 10)).extracting(WebhookDeliveries.Due::eventId).containsExactly(second);
    }

    @Test
    void finishedDeliveriesArePurgedAfterTheirTimeAndPendingOnesNever() {
        String hook = webhook();
        String delivered = event();
        String givenUp = event();
        String pending = event();
        String recent = event();
        for (String event : List.of(delivered, givenUp, pending, recent)) {
            deliveries.enqueue(event, "run.ended", null, "{}", T0);
        }
        assertThat(deliveries.claim(delivered, hook, 0, "a", T0.plusSeconds(30), T0)).isTrue();
        assertThat(deliveries.record(delivered, hook, 0, "a", State.DELIVERED, "HTTP 204", null, T0)).isTrue();
        assertThat(deliveries.claim(givenUp, hook, 0, "a", T0.plusSeconds(30), T0)).isTrue();
        assertThat(deliveries.record(givenUp, hook, 0, "a", State.GAVE_UP, "HTTP 500", null, T0)).isTrue();
        OffsetDateTime later = T0.plusDays(10);
        assertThat(deliveries.claim(recent, hook, 0, "a", later.plusSeconds(30), later)).isTrue();
        assertThat(deliveries.record(recent, hook, 0, "a", State.DELIVERED, "HTTP 200", null, later)).isTrue();

        assertThat(deliveries.purge(T0.plusDays(5))).isEqualTo(2);
        assertThat(deliveries.ofWebhook(hook, 10)).extracting(WebhookDeliveries.Delivery::eventId)
                .containsExactlyInAnyOrder(pending, recent);
    }

    @Test
    void deletingAWebhookDeletesItsDeliveries() {
        String hook = webhook();
        String other = webhook();
        String event = event();
        deliveries.enqueue(event, "run.ended", null, "{}", T0);
        assertThat(deliveries.claim(event, hook, 0, "a", T0.plusSeconds(30), T0)).isTrue();
        assertThat(webhooks.delete(hook)).isTrue();
        assertThat(deliveries.find(event, hook)).isEmpty();
        assertThat(deliveries.record(event, hook, 0, "a", State.DELIVERED, "HTTP 204", null, T0)).isFalse();
        assertThat(deliveries.ofWebhook(other, 10)).hasSize(1);
    }

    @Test
    void theNewestDeliveriesComeFirst() {
        String hook = webhook();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String event = event();
            events.add(0, event);
            deliveries.enqueue(event, "run.ended", "plan-" + i, "{}", T0.plusMinutes(i));
        }
        assertThat(deliveries.ofWebhook(hook, 3)).extracting(WebhookDeliveries.Delivery::eventId)
                .containsExactlyElementsOf(events.subList(0, 3));
    }

    @Test
    void twoInstancesClaimingTheSameDeliveriesClaimEachTryOnce() throws Exception {
        String hook = webhook();
        for (int i = 0; i < 40; i++) {
            deliveries.enqueue(event(), "run.ended", null, "{}", T0);
        }
        OffsetDateTime now = T0.plusSeconds(1);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<String>>> claimed = new ArrayList<>();
            for (String owner : List.of("a", "b")) {
                Callable<List<String>> instance = () -> {
                    go.await();
                    List<String> mine = new ArrayList<>();
                    for (WebhookDeliveries.Due due : deliveries.due(now, 100)) {
                        if (deliveries.claim(due.eventId(), hook, due.attempts(), owner, now.plusSeconds(30), now)) {
                            mine.add(due.eventId());
                        }
                    }
                    return mine;
                };
                claimed.add(pool.submit(instance));
            }
            go.countDown();
            List<String> a = claimed.get(0).get(60, TimeUnit.SECONDS);
            List<String> b = claimed.get(1).get(60, TimeUnit.SECONDS);
            assertThat(a).doesNotContainAnyElementsOf(b);
            assertThat(a.size() + b.size()).isEqualTo(40);
        } finally {
            pool.shutdownNow();
        }
    }
}
