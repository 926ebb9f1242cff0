package org.techroute.api.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/** {@link StatusCache} on a clock of its own: what it serves from memory and when it reads again. */
class StatusCacheTest {

    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 7, 10, 0, 0, 0, ZoneOffset.UTC);

    final AtomicLong clock = new AtomicLong();
    final AtomicInteger loads = new AtomicInteger();
    final StatusCache cache = new StatusCache(Duration.ofSeconds(1), clock::get);

    static PlanRecord summary(String id, PlanStatus status) {
        return new PlanRecord(id, "Plan " + id, status, null, 1, null, null, null, null, null, null, T0, T0, null,
                null);
    }

    Function<String, Optional<PlanRecord>> database(PlanStatus status) {
        return id -> {
            loads.incrementAndGet();
            return Optional.of(summary(id, status));
        };
    }

    @AfterEach
    void noTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void servesASummaryFromMemoryForItsTimeToLiveThenReadsAgain() {
        assertThat(cache.get("p", database(PlanStatus.QUEUED)).orElseThrow().status()).isEqualTo(PlanStatus.QUEUED);
        clock.set(Duration.ofMillis(999).toNanos());
        assertThat(cache.get("p", database(PlanStatus.SOLVING)).orElseThrow().status()).isEqualTo(PlanStatus.QUEUED);
        assertThat(loads).hasValue(1);
        clock.set(Duration.ofMillis(1000).toNanos());
        assertThat(cache.get("p", database(PlanStatus.SOLVING)).orElseThrow().status()).isEqualTo(PlanStatus.SOLVING);
        assertThat(loads).hasValue(2);
    }

    @Test
    void aWriteDropsTheSummaryAtOnce() {
        cache.get("p", database(PlanStatus.QUEUED));
        cache.get("other", database(PlanStatus.QUEUED));
        cache.changed("p", null);
        assertThat(cache.get("p", database(PlanStatus.SOLVING)).orElseThrow().status()).isEqualTo(PlanStatus.SOLVING);
        assertThat(cache.get("other", database(PlanStatus.SOLVING)).orElseThrow().status())
                .as("another plan's summary stays").isEqualTo(PlanStatus.QUEUED);
        cache.drop("p");
        cache.get("p", database(PlanStatus.SOLVED));
        cache.dropAll();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aReadThatRacedAWriteIsNotKept() {
        Optional<PlanRecord> read = cache.get("p", id -> {
            Optional<PlanRecord> before = Optional.of(summary(id, PlanStatus.QUEUED));
            cache.changed(id, null); // the write lands while the old row is on its way
            return before;
        });
        assertThat(read.orElseThrow().status()).isEqualTo(PlanStatus.QUEUED);
        assertThat(cache.get("p", database(PlanStatus.SOLVING)).orElseThrow().status())
                .as("the next read goes to the database").isEqualTo(PlanStatus.SOLVING);
    }

    @Test
    void aWriteInATransactionDropsTheSummaryAgainWhenTheTransactionEnds() {
        TransactionSynchronizationManager.initSynchronization();
        cache.changed("p", null);
        // before the commit another request reads the old row and keeps it
        assertThat(cache.get("p", database(PlanStatus.QUEUED)).orElseThrow().status()).isEqualTo(PlanStatus.QUEUED);
        TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
                TransactionSynchronization.STATUS_COMMITTED);
        assertThat(cache.get("p", database(PlanStatus.SOLVING)).orElseThrow().status()).isEqualTo(PlanStatus.SOLVING);
    }

    @Test
    void anUnknownPlanIsNotKeptAndATimeToLiveOfZeroKeepsNothing() {
        assertThat(cache.get("gone", id -> Optional.empty())).isEmpty();
        assertThat(cache.size()).isZero();
        StatusCache off = new StatusCache(Duration.ZERO, clock::get);
        off.get("p", database(PlanStatus.QUEUED));
        off.get("p", database(PlanStatus.QUEUED));
        assertThat(loads).hasValue(2);
        assertThat(off.size()).isZero();
    }
}
