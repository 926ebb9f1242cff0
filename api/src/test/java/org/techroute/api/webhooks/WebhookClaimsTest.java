package org.techroute.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.techroute.api.webhooks.WebhookDeliveries.State;

/**
 * The running sender respects claims of other instances: a due delivery that another (fake) instance holds with a
 * live claim is not sent; one whose claim expired (the instance died) is sent, and so is the first once its claim
 * expires.
 */
@SpringBootTest
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class WebhookClaimsTest {

    static final String SECRET = "a-secret-of-the-operator";
    static final Duration WAIT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("techroute-webhook-claims");
        registry.add("techroute.data-dir", dir::toString);
        registry.add("techroute.nightly.cron", () -> "-");
        registry.add("techroute.webhooks.first-retry", () -> "PT0.1S");
        registry.add("techroute.webhooks.poll", () -> "PT0.1S");
    }

    @Autowired
    Webhooks webhooks;
    @Autowired
    WebhookDeliveries deliveries;
    @Autowired
    WebhookDelivery sender;
    @Autowired
    JdbcClient jdbc;

    Receiver receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = new Receiver(n -> 204);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    /** A due PENDING row, claimed by {@code owner} until {@code until}, written in one statement. */
    void pending(String eventId, String webhookId, String owner, OffsetDateTime until, OffsetDateTime due) {
        jdbc.sql("INSERT INTO webhook_delivery (event_id, webhook_id, event_type, plan_id, body, state, attempts,"
                + " next_attempt_at, claimed_by, claimed_until, created_at, updated_at)"
                + " VALUES (:event, :webhook, 'run.ended', 'plan-1', :body, 'PENDING', 0, :due, :owner, :until,"
                + " :due, :due)")
                .param("event", eventId).param("webhook", webhookId).param("due", due).param("owner", owner)
                .param("until", until).param("body", "{\"eventId\":\"" + eventId + "\",\"type\":\"run.ended\"}")
                .update();
    }

    @Test
    void aLiveClaimOfAnotherInstanceIsNotSentAnExpiredOneIs() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String hook = UUID.randomUUID().toString();
        webhooks.insert(new Webhooks.Webhook(hook, receiver.url(), SECRET, now, "test"));
        String held = UUID.randomUUID().toString();
        String expired = UUID.randomUUID().toString();
        // the held one is due first: a sender that ignored claims would send it first
        pending(held, hook, "other-instance", now.plusHours(1), now.minusSeconds(20));
        pending(expired, hook, "dead-instance", now.minusSeconds(1), now.minusSeconds(10));

        WebhookDeliveries.Delivery sent = Eventually.await(WAIT, "the delivery with an expired claim is sent",
                () -> deliveries.find(expired, hook).orElseThrow(), d -> d.state() == State.DELIVERED);
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(sent.claimedBy()).isNull();
        assertThat(receiver.of(expired)).hasSize(1);
        assertThat(receiver.of(expired).get(0).signedWith(SECRET)).isTrue();

        Eventually.passes(sender, 3);
        assertThat(receiver.of(held)).as("a live claim of another instance").isEmpty();
        WebhookDeliveries.Delivery waiting = deliveries.find(held, hook).orElseThrow();
        assertThat(waiting.state()).isEqualTo(State.PENDING);
        assertThat(waiting.attempts()).isZero();
        assertThat(waiting.claimedBy()).isEqualTo("other-instance");

        // the other instance dies: its claim expires
        jdbc.sql("UPDATE webhook_delivery SET claimed_until = :past WHERE event_id = :event")
                .param("past", OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1)).param("event", held).update();
        Eventually.await(WAIT, "the delivery whose claim expired is sent",
                () -> deliveries.find(held, hook).orElseThrow(), d -> d.state() == State.DELIVERED);
        assertThat(receiver.of(held)).hasSize(1);
        assertThat(receiver.of(held).get(0).attempt()).isEqualTo(1);
    }
}
