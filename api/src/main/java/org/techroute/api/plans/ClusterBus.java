package org.techroute.api.plans;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.annotation.PreDestroy;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.techroute.api.config.TechrouteProperties;

/**
 * What instances tell each other through PostgreSQL ({@code LISTEN/NOTIFY} on the channel {@code techroute}; no
 * other server): the events of the runs an instance solves (so that event streams and live scores are the same at
 * every instance), "a request is waiting for you" and "your request is answered" ({@link PlanCommands}). On in
 * cluster mode on PostgreSQL only.
 * <p>
 * One listener thread holds one connection that listens; it also looks for waiting requests every
 * {@code techroute.cluster.command-poll} in case a notification was lost (e.g. while it reconnected). Events are
 * sent in order by one publisher thread, several to a notification (each under PostgreSQL's 8,000-byte limit).
 */
@Component
public class ClusterBus {

    static final String CHANNEL = "techroute";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterBus.class);
    private static final int MAX_PAYLOAD_CHARS = 7000;

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final PlanEvents events;
    private final StatusCache statusCache;
    private final String instanceId;
    private final boolean enabled;
    private final long pollMillis;
    private final BlockingQueue<ObjectNode> outbox = new LinkedBlockingQueue<>(100_000);
    private volatile boolean closed;
    private volatile Runnable onCommand = () -> {
    };
    private volatile Consumer<String> onAnswer = id -> {
    };
    private Thread listener;
    private Thread publisher;

    public ClusterBus(DataSource dataSource, PlanEvents events, PlanRuns runs, StatusCache statusCache,
            TechrouteProperties properties, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.statusCache = statusCache;
        this.json = mapper;
        this.events = events;
        this.instanceId = runs.lease().instanceId();
        this.enabled = properties.cluster().enabled() && PlanRepository.isPostgres(dataSource);
        this.pollMillis = Math.max(20, properties.cluster().commandPoll().toMillis());
        if (enabled) {
            statusCache.announceAs(instanceId);
            events.relayTo(this::publish);
            listener = daemon("techroute-cluster-listener", this::listen);
            publisher = daemon("techroute-cluster-publisher", this::sendEvents);
        }
    }

    /** Whether instances talk to each other (cluster mode on PostgreSQL). */
    public boolean enabled() {
        return enabled;
    }

    String instanceId() {
        return instanceId;
    }

    /** Called on "a request is waiting" and every poll interval (on the listener thread). */
    void onCommand(Runnable handler) {
        this.onCommand = handler;
    }

    /** Called with a request's id when it was answered (on the listener thread). */
    void onAnswer(Consumer<String> handler) {
        this.onAnswer = handler;
    }

    /** Tells {@code target} that a request is waiting for it. */
    void commandWaiting(String target) {
        ObjectNode message = json.createObjectNode().put("from", instanceId).put("command", target);
        notify(message.toString());
    }

    /** Tells every instance that request {@code commandId} was answered. */
    void answered(String commandId) {
        notify(json.createObjectNode().put("from", instanceId).put("answer", commandId).toString());
    }

    /** The notification that {@code instanceId} wrote plan {@code planId}'s summary (sent by {@link StatusCache}). */
    static String planChanged(String instanceId, String planId) {
        return JsonNodeFactory.instance.objectNode().put("from", instanceId).put("plan", planId).toString();
    }

    /** An event of a run solved here, for the other instances' streams (queued; sent in order). */
    private void publish(String planId, String name, Object data, PlanRuns.Live live) {
        ObjectNode event = json.createObjectNode().put("p", planId).put("n", name);
        if (data != null) {
            event.set("d", json.valueToTree(data));
        }
        if (live != null) {
            event.set("l", json.valueToTree(live));
        }
        if (!outbox.offer(event)) {
            LOG.warn("cluster events: the outbox is full; an event of plan {} is not sent to other instances",
                    planId);
        }
    }

    private void sendEvents() {
        while (!closed) {
            try {
                ObjectNode first = outbox.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<ObjectNode> batch = new ArrayList<>();
                batch.add(first);
                outbox.drainTo(batch, 500);
                ArrayNode array = json.createArrayNode();
                int chars = 0;
                for (ObjectNode event : batch) {
                    String text = event.toString();
                    if (!array.isEmpty() && chars + text.length() > MAX_PAYLOAD_CHARS) {
                        notify(eventsMessage(array));
                        array = json.createArrayNode();
                        chars = 0;
                    }
                    array.add(event);
                    chars += text.length() + 1;
                }
                notify(eventsMessage(array));
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("cannot send run events to the other instances", e);
            }
        }
    }

    private String eventsMessage(ArrayNode array) {
        ObjectNode message = json.createObjectNode().put("from", instanceId);
        message.set("events", array);
        return message.toString();
    }

    private void notify(String payload) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            statement.setString(1, CHANNEL);
            statement.setString(2, payload);
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot notify the other instances: " + e.getMessage(), e);
        }
    }

    private void listen() {
        long backoff = 200;
        while (!closed) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                statusCache.dropAll(); // notifications sent while this instance did not listen are lost
                PGConnection pg = connection.unwrap(PGConnection.class);
                backoff = 200;
                long nextPoll = 0;
                while (!closed) {
                    PGNotification[] notifications = pg.getNotifications((int) pollMillis);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            received(notification.getParameter());
                        }
                    }
                    if (System.nanoTime() >= nextPoll) {
                        nextPoll = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pollMillis);
                        runSafely(onCommand);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.warn("cluster listener: {}; reconnecting in {} ms", e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(5_000, backoff * 2);
            }
        }
    }

    private void received(String payload) {
        try {
            JsonNode message = json.readTree(payload);
            if (instanceId.equals(message.path("from").asText())) {
                return;
            }
            if (message.has("command")) {
                if (instanceId.equals(message.get("command").asText())) {
                    runSafely(onCommand);
                }
            } else if (message.has("plan")) {
                statusCache.drop(message.get("plan").asText());
            } else if (message.has("answer")) {
                onAnswer.accept(message.get("answer").asText());
            } else if (message.has("events")) {
                for (JsonNode event : message.get("events")) {
                    PlanRuns.Live live = event.has("l") ? json.treeToValue(event.get("l"), PlanRuns.Live.class)
                            : null;
                    events.relayed(event.path("p").asText(), event.path("n").asText(), event.get("d"), live);
                }
            }
        } catch (Exception e) {
            LOG.warn("cluster listener: a message could not be read", e);
        }
    }

    private static void runSafely(Runnable runnable) {
        try {
            runnable.run();
        } catch (RuntimeException e) {
            LOG.warn("cluster listener: handling waiting requests failed", e);
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @PreDestroy
    void close() throws InterruptedException {
        closed = true;
        for (Thread thread : new Thread[] { listener, publisher }) {
            if (thread != null) {
                thread.join(pollMillis + 1_000);
            }
        }
    }
}
