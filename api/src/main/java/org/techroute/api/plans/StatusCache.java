package org.techroute.api.plans;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.techroute.api.config.TechrouteProperties;

/**
 * Plan summaries (a plan's row without its documents) held in memory for status reads, which clients poll many
 * times a second while every core solves. An entry is dropped on every write of its plan's summary by this
 * instance (again after the write's transaction ends), on a notification from another instance in cluster mode
 * ({@link ClusterBus}: each write sends one, in the writer's transaction, so it arrives after the commit), and at
 * the latest {@code techroute.api.status-cache-ttl} (a second) after it was read, should a write ever bypass both.
 * <p>
 * A read that raced a write is not kept: every drop moves a generation counter, and a read is kept only when no
 * drop happened from before it started until after it was stored.
 */
@Component
public class StatusCache {

    /** How long a summary read from the database may be served unless configured. */
    static final Duration DEFAULT_TTL = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(StatusCache.class);
    private static final int MAX_ENTRIES = 20_000;

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private volatile String announceAs;

    /** With the default time to live (tests, tools). */
    public StatusCache() {
        this(DEFAULT_TTL, System::nanoTime);
    }

    @Autowired
    public StatusCache(TechrouteProperties properties) {
        this(properties.api().statusCacheTtl(), System::nanoTime);
    }

    StatusCache(Duration ttl, LongSupplier nanoClock) {
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
    }

    /** The summary of plan {@code id}: from memory when it is fresh, else from {@code load} (kept if no write raced). */
    Optional<PlanRecord> get(String id, Function<String, Optional<PlanRecord>> load) {
        long now = nanoClock.getAsLong();
        Entry cached = entries.get(id);
        if (cached != null && now - cached.readAt() < ttlNanos) {
            return Optional.of(cached.summary());
        }
        long before = generation.get();
        Optional<PlanRecord> loaded = load.apply(id);
        if (loaded.isPresent() && ttlNanos > 0 && generation.get() == before) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            Entry entry = new Entry(loaded.get(), now);
            entries.put(id, entry);
            if (generation.get() != before) {
                entries.remove(id, entry);
            }
        }
        return loaded;
    }

    /**
     * {@code rows} rows of plan {@code id} were written with {@code jdbc}: when any, as {@link #changed}. Returns
     * whether exactly one was, as the repositories' conditional writes answer.
     */
    boolean written(String id, int rows, JdbcClient jdbc) {
        if (rows > 0) {
            changed(id, jdbc);
        }
        return rows == 1;
    }

    /**
     * Plan {@code id}'s summary was written with {@code jdbc}: dropped now and again when the transaction ends, and
     * announced to the other instances in cluster mode (in the same transaction, so delivered on commit).
     */
    void changed(String id, JdbcClient jdbc) {
        drop(id);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    drop(id);
                }
            });
        }
        String instance = announceAs;
        if (instance != null) {
            try {
                jdbc.sql("SELECT pg_notify(:channel, :payload)").param("channel", ClusterBus.CHANNEL)
                        .param("payload", ClusterBus.planChanged(instance, id)).query().listOfRows();
            } catch (RuntimeException e) {
                // the write happened; other instances serve their copy until it is at most a time to live old
                LOG.warn("could not tell the other instances that plan {} changed: {}", id, e.getMessage());
            }
        }
    }

    /** Another instance wrote plan {@code id}'s summary. */
    void drop(String id) {
        generation.incrementAndGet();
        entries.remove(id);
    }

    /** Forgets every summary (the cluster listener reconnected and may have missed notifications). */
    void dropAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    /** Cluster mode: every write is announced to the other instances as coming from {@code instanceId}. */
    void announceAs(String instanceId) {
        this.announceAs = instanceId;
    }

    int size() {
        return entries.size();
    }

    private record Entry(PlanRecord summary, long readAt) {
    }
}
