package org.techroute.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.techroute.api.TechrouteApplication;
import org.techroute.api.plans.PlanStatus;
import org.techroute.api.plans.PostgresAvailable;
import org.techroute.api.support.TestDatabases;
import org.techroute.api.webhooks.WebhookDeliveries.State;

/**
 * Two service instances on one PostgreSQL (a schema of this run's own) share the webhook deliveries: with a
 * receiver that fails every other call, every event is delivered exactly once, and no try (event, attempt) is
 * sent twice, whichever instance wrote the event or sent its retries.
 */
@PostgresAvailable
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class WebhookClusterPostgresTest {

    static final String SCHEMA = TestDatabases.newSchema("techroute_hooks_");
    static final String SECRET = "a-secret-of-the-operator";
    static final List<ConfigurableApplicationContext> INSTANCES = new ArrayList<>();
    static DataSource dataSource;
    static Receiver receiver;

    @BeforeAll
    static void start() throws Exception {
        dataSource = TestDatabases.postgres(SCHEMA);
        receiver = new Receiver(n -> n % 2 == 1 ? 500 : 204);
        INSTANCES.add(instance("hooks-a"));
        INSTANCES.add(instance("hooks-b"));
    }

    @AfterAll
    static void stop() {
        INSTANCES.forEach(ConfigurableApplicationContext::close);
        if (receiver != null) {
            receiver.close();
        }
        TestDatabases.dropSchema(dataSource, SCHEMA);
    }

    static ConfigurableApplicationContext instance(String name) throws Exception {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--techroute.data-dir=" + Files.createTempDirectory("techroute-" + name),
                "--techroute.cluster.enabled=true", "--techroute.cluster.instance-id=" + name,
                "--techroute.cluster.lease=PT3S", "--techroute.cluster.poll-interval=PT0.2S",
                "--techroute.nightly.cron=-",
                "--techroute.webhooks.first-retry=PT0.1S", "--techroute.webhooks.poll=PT0.05S",
                "--techroute.webhooks.max-attempts=50"));
        args.addAll(TestDatabases.postgresArguments(SCHEMA));
        return new SpringApplicationBuilder(TechrouteApplication.class).run(args.toArray(String[]::new));
    }

    @Test
    void everyEventIsDeliveredOnceAndNoTryIsSentTwice() throws Exception {
        String hook = UUID.randomUUID().toString();
        INSTANCES.get(0).getBean(Webhooks.class).insert(new Webhooks.Webhook(hook, receiver.url(), SECRET,
                OffsetDateTime.now(ZoneOffset.UTC), "test"));
        int events = 30;
        for (int i = 0; i < events; i++) {
            INSTANCES.get(i % 2).getBean(WebhookDelivery.class).ended("plan-" + i, 1, PlanStatus.SOLVED, null);
        }
        WebhookDeliveries deliveries = INSTANCES.get(1).getBean(WebhookDeliveries.class);
        List<WebhookDeliveries.Delivery> rows = Eventually.await(Duration.ofSeconds(120), "all delivered",
                () -> deliveries.ofWebhook(hook, 100),
                list -> list.size() == events && list.stream().allMatch(d -> d.state() == State.DELIVERED));
        for (ConfigurableApplicationContext instance : INSTANCES) {
            Eventually.passes(instance.getBean(WebhookDelivery.class), 3);
        }

        Map<String, List<Receiver.Delivery>> byEvent = receiver.all().stream()
                .collect(Collectors.groupingBy(Receiver.Delivery::deliveryId));
        assertThat(byEvent).hasSize(events);
        for (WebhookDeliveries.Delivery row : rows) {
            List<Receiver.Delivery> tries = byEvent.get(row.eventId());
            assertThat(tries).extracting(Receiver.Delivery::attempt).as("no try twice, none skipped")
                    .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, row.attempts()).boxed().toList());
            assertThat(tries).filteredOn(d -> d.answered() == 204).as("delivered once").hasSize(1);
            assertThat(tries).allSatisfy(d -> assertThat(d.signedWith(SECRET)).isTrue());
        }
    }
}
