package org.techroute.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.techroute.api.TechrouteApplication;
import org.techroute.api.plans.PlanStatus;
import org.techroute.api.webhooks.WebhookDeliveries.State;

/**
 * Retries survive a restart: a delivery that failed in one service is delivered, exactly once, by the next service
 * on the same database file; so is one that the first service had claimed when it ended (a single instance takes
 * such claims back at start).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class WebhookRestartTest {

    static final String SECRET = "a-secret-of-the-operator";
    static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    Receiver receiver;
    ConfigurableApplicationContext service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TechrouteApplication.class).run("--server.port=0",
                "--techroute.data-dir=" + dataDir, "--techroute.nightly.cron=-",
                "--techroute.webhooks.first-retry=PT0.2S", "--techroute.webhooks.poll=PT0.1S",
                "--techroute.webhooks.max-attempts=50");
    }

    @Test
    void aPendingDeliveryIsDeliveredOnceByTheNextService() throws Exception {
        receiver = new Receiver(n -> 500);
        service = start();
        String hook = UUID.randomUUID().toString();
        service.getBean(Webhooks.class).insert(new Webhooks.Webhook(hook, receiver.url(), SECRET,
                OffsetDateTime.now(ZoneOffset.UTC), "test"));
        service.getBean(WebhookDelivery.class).ended("plan-before-restart", 1, PlanStatus.SOLVED, null);
        Receiver.Delivery failed = receiver.next(60);
        assertThat(failed).as("the first try").isNotNull();
        assertThat(failed.answered()).isEqualTo(500);
        String eventId = failed.deliveryId();
        service.close();
        service = null;
        int triedBefore = receiver.all().size();

        // a second event that the first service was sending when it ended: claimed, not recorded
        String claimed = UUID.randomUUID().toString();
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("db/techroute")
                + ";MODE=PostgreSQL;AUTO_SERVER=FALSE", "sa", "");
                PreparedStatement insert = db.prepareStatement("INSERT INTO webhook_delivery (event_id, webhook_id,"
                        + " event_type, body, state, attempts, next_attempt_at, claimed_by, claimed_until,"
                        + " created_at, updated_at)"
                        + " VALUES (?, ?, 'run.failed', ?, 'PENDING', 0, ?, 'gone', ?, ?, ?)")) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            insert.setString(1, claimed);
            insert.setString(2, hook);
            insert.setString(3, "{\"eventId\":\"" + claimed + "\",\"type\":\"run.failed\"}");
            insert.setObject(4, now);
            insert.setObject(5, now.plusHours(1));
            insert.setObject(6, now);
            insert.setObject(7, now);
            insert.executeUpdate();
        }

        receiver.answer(204);
        service = start();
        WebhookDeliveries deliveries = service.getBean(WebhookDeliveries.class);
        WebhookDeliveries.Delivery delivered = Eventually.await(WAIT, "delivered after the restart",
                () -> deliveries.find(eventId, hook).orElseThrow(), d -> d.state() == State.DELIVERED);
        Eventually.await(WAIT, "the claimed one delivered after the restart",
                () -> deliveries.find(claimed, hook).orElseThrow(), d -> d.state() == State.DELIVERED);
        Eventually.passes(service.getBean(WebhookDelivery.class), 3);

        List<Receiver.Delivery> accepted = receiver.all().stream().filter(d -> d.answered() == 204).toList();
        assertThat(accepted).extracting(Receiver.Delivery::deliveryId).as("each exactly once")
                .containsExactlyInAnyOrder(eventId, claimed);
        Receiver.Delivery after = receiver.of(eventId).get(receiver.of(eventId).size() - 1);
        assertThat(after.answered()).isEqualTo(204);
        assertThat(receiver.of(eventId)).as("tries before the restart, one after").hasSize(triedBefore + 1);
        assertThat(after.attempt()).as("the attempt count goes on").isEqualTo(triedBefore + 1);
        assertThat(delivered.attempts()).isEqualTo(triedBefore + 1);
        assertThat(after.body()).isEqualTo(failed.body());
        assertThat(after.signedWith(SECRET)).isTrue();
        assertThat(receiver.of(claimed)).hasSize(1);
        assertThat(receiver.of(claimed).get(0).attempt()).isEqualTo(1);
    }
}
