package org.techroute.api.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What {@link PlanRepository} must do on every database it supports; subclasses give the database. */
abstract class PlanRepositoryContract {

    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneOffset.UTC);

    PlanRepository repository;

    /** A migrated, empty database. */
    abstract DataSource dataSource();

    @BeforeEach
    void setUp() {
        repository = new PlanRepository(JdbcClient.create(dataSource()));
    }

    static PlanRecord plan(String id, String key, OffsetDateTime at) {
        return new PlanRecord(id, "Plan " + id, PlanStatus.VALIDATING, null, 1, "{\"name\":\"x\"}", null, null, null,
                null, null, at, at, key, key == null ? null : "hash-" + key);
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    @Test
    void storesAndReadsAPlan() {
        String id = id();
        repository.insert(plan(id, null, T0));
        PlanRecord read = repository.findById(id).orElseThrow();
        assertThat(read.status()).isEqualTo(PlanStatus.VALIDATING);
        assertThat(read.problemJson()).isEqualTo("{\"name\":\"x\"}");
        assertThat(read.createdAt().toInstant()).isEqualTo(T0.toInstant());
        assertThat(read.feasible()).isNull();
        assertThat(repository.findById(id())).isEmpty();
    }

    @Test
    void aStatusReadSeesEveryWriteOfThisInstanceAtOnceThoughItIsServedFromMemory() {
        JdbcClient jdbc = JdbcClient.create(dataSource());
        StatusCache cache = new StatusCache(Duration.ofHours(1), System::nanoTime);
        PlanRepository plans = new PlanRepository(jdbc, cache);
        RunClaims runClaims = new RunClaims(jdbc, false, cache);
        String id = id();
        OffsetDateTime until = T0.plusMinutes(5);
        plans.insert(plan(id, null, T0));
        assertThat(plans.findStatusById(id).orElseThrow().status()).isEqualTo(PlanStatus.VALIDATING);
        plans.updateStatus(id, EnumSet.of(PlanStatus.VALIDATING), PlanStatus.QUEUED, null, T0);
        assertThat(plans.findStatusById(id).orElseThrow().status()).isEqualTo(PlanStatus.QUEUED);
        runClaims.startSolving(id, "me", until, T0);
        assertThat(plans.findStatusById(id).orElseThrow().status()).isEqualTo(PlanStatus.SOLVING);
        plans.saveBest(id, new PlanRepository.BestPlan("{}", "0hard/-2medium/-9soft", true, null, T0.plusSeconds(1)),
                EnumSet.of(PlanStatus.SOLVING), "me");
        assertThat(plans.findStatusById(id).orElseThrow().score()).isEqualTo("0hard/-2medium/-9soft");
        plans.updateLiveDocuments(id, "{\"name\":\"y\"}", "{}", EnumSet.of(PlanStatus.SOLVING), T0.plusSeconds(2),
                "me");
        assertThat(plans.findStatusById(id).orElseThrow().updatedAt().toInstant())
                .isEqualTo(T0.plusSeconds(2).toInstant());
        runClaims.restartRun(id, 2, "me", until, T0.plusSeconds(3), true);
        PlanRecord restarted = plans.findStatusById(id).orElseThrow();
        assertThat(restarted.status()).isEqualTo(PlanStatus.QUEUED);
        assertThat(restarted.runNumber()).isEqualTo(2);
        plans.startRun(id, EnumSet.of(PlanStatus.QUEUED), 3, null, null, "me", until, T0.plusSeconds(4));
        assertThat(plans.findStatusById(id).orElseThrow().runNumber()).isEqualTo(3);
        runClaims.startSolving(id, "me", until, T0.plusSeconds(4));
        runClaims.stopOrphan(id, "left over", T0.plusSeconds(5), true);
        assertThat(plans.findStatusById(id).orElseThrow().statusReason()).isEqualTo("left over");
        plans.replaceDocuments(id, "{}", new PlanRepository.BestPlan("{}", "0hard/0medium/-1soft", true, null,
                T0.plusSeconds(6)), EnumSet.of(PlanStatus.STOPPED));
        assertThat(plans.findStatusById(id).orElseThrow().score()).isEqualTo("0hard/0medium/-1soft");
        plans.finish(id, EnumSet.of(PlanStatus.STOPPED), PlanStatus.SOLVED, "done", null, T0.plusSeconds(7));
        assertThat(plans.findStatusById(id).orElseThrow().status()).isEqualTo(PlanStatus.SOLVED);

        // a write that bypasses the repository is not seen until the time to live ends: the cache is real
        jdbc.sql("UPDATE plan SET status_reason = 'bypassed' WHERE id = :id").param("id", id).update();
        assertThat(plans.findStatusById(id).orElseThrow().statusReason()).isEqualTo("done");
        assertThat(plans.findSummaryById(id).orElseThrow().statusReason()).isEqualTo("bypassed");

        plans.delete(id);
        assertThat(plans.findStatusById(id)).isEmpty();
    }

    @Test
    void idempotencyKeysAreUnique() {
        String key = "key-" + id();
        repository.insert(plan(id(), key, T0));
        assertThat(repository.findByIdempotencyKey(key)).isPresent();
        assertThatThrownBy(() -> repository.insert(plan(id(), key, T0))).isInstanceOf(DuplicateKeyException.class);
        // many plans without a key
        repository.insert(plan(id(), null, T0));
        repository.insert(plan(id(), null, T0));
    }

    @Test
    void statusMovesOnlyFromTheExpectedStatus() {
        String id = id();
        repository.insert(plan(id, null, T0));
        assertThat(repository.updateStatus(id, EnumSet.of(PlanStatus.QUEUED), PlanStatus.SOLVING, null, T0))
                .isFalse();
        assertThat(repository.updateStatus(id, EnumSet.of(PlanStatus.VALIDATING), PlanStatus.QUEUED, null, T0))
                .isTrue();
        assertThat(repository.updateStatus(id, EnumSet.of(PlanStatus.QUEUED), PlanStatus.SOLVING, null, T0))
                .isTrue();
        assertThat(repository.findById(id).orElseThrow().status()).isEqualTo(PlanStatus.SOLVING);
    }

    @Test
    void savesBestPlansWithScoreHistoryAndFinishes() {
        String id = id();
        repository.insert(plan(id, null, T0));
        repository.updateStatus(id, EnumSet.of(PlanStatus.VALIDATING), PlanStatus.SOLVING, null, T0);
        var best = new PlanRepository.BestPlan("{\"solution\":1}", "0hard/0medium/-9soft", true,
                "{\"visitsAssigned\":3}", T0.plusSeconds(1));
        assertThat(repository.saveBest(id, best, EnumSet.of(PlanStatus.SOLVING))).isTrue();
        var last = new PlanRepository.BestPlan("{\"solution\":2}", "0hard/0medium/-5soft", true,
                "{\"visitsAssigned\":3}", T0.plusSeconds(2));
        assertThat(repository.finish(id, EnumSet.of(PlanStatus.QUEUED, PlanStatus.SOLVING), PlanStatus.STOPPED,
                "stopped on request", last, T0.plusSeconds(2))).isTrue();
        PlanRecord read = repository.findById(id).orElseThrow();
        assertThat(read.status()).isEqualTo(PlanStatus.STOPPED);
        assertThat(read.statusReason()).isEqualTo("stopped on request");
        assertThat(read.planJson()).isEqualTo("{\"solution\":2}");
        assertThat(read.score()).isEqualTo("0hard/0medium/-5soft");
        assertThat(read.feasible()).isTrue();
        assertThat(repository.scoreHistory(id)).extracting(PlanRepository.ScorePoint::score)
                .containsExactly("0hard/0medium/-9soft", "0hard/0medium/-5soft");
        // a finished run takes no more best plans
        assertThat(repository.saveBest(id, best, EnumSet.of(PlanStatus.SOLVING))).isFalse();
    }

    @Test
    void startsANewRunOnlyWhenFinished() {
        String id = id();
        repository.insert(plan(id, null, T0));
        assertThat(repository.startRun(id, PlanRuns.FINISHED, 2, null, null, null, null, T0)).isFalse();
        repository.updateStatus(id, EnumSet.of(PlanStatus.VALIDATING), PlanStatus.SOLVED, null, T0);
        assertThat(repository.startRun(id, PlanRuns.FINISHED, 2, null, null, null, null, T0)).isTrue();
        PlanRecord read = repository.findById(id).orElseThrow();
        assertThat(read.status()).isEqualTo(PlanStatus.QUEUED);
        assertThat(read.runNumber()).isEqualTo(2);
    }

    @Test
    void listsNewestFirstWithPaging() {
        long before = repository.count();
        String older = id();
        String newer = id();
        repository.insert(plan(older, null, T0.plusYears(50)));
        repository.insert(plan(newer, null, T0.plusYears(50).plusSeconds(1)));
        assertThat(repository.count()).isEqualTo(before + 2);
        assertThat(repository.list(1, 0)).extracting(PlanRecord::id).containsExactly(newer);
        assertThat(repository.list(1, 1)).extracting(PlanRecord::id).containsExactly(older);
        assertThat(repository.list(1, 0).get(0).problemJson()).isNull();
    }

    @Test
    void deletesWithHistory() {
        String id = id();
        repository.insert(plan(id, null, T0));
        repository.saveBest(id, new PlanRepository.BestPlan("{}", "0hard/0medium/0soft", true, null, T0),
                EnumSet.of(PlanStatus.VALIDATING));
        assertThat(repository.delete(id)).isTrue();
        assertThat(repository.findById(id)).isEmpty();
        assertThat(repository.scoreHistory(id)).isEmpty();
        assertThat(repository.delete(id)).isFalse();
    }

    @Test
    void replacesDocumentsOnlyWhenNotSolving() {
        String id = id();
        repository.insert(plan(id, null, T0));
        var best = new PlanRepository.BestPlan("{\"plan\":true}", "0hard/0medium/-1soft", false, null, T0);
        assertThat(repository.replaceDocuments(id, "{\"p\":2}", best, PlanRuns.FINISHED)).isFalse();
        repository.updateStatus(id, EnumSet.of(PlanStatus.VALIDATING), PlanStatus.SOLVED, null, T0);
        assertThat(repository.replaceDocuments(id, "{\"p\":2}", best, PlanRuns.FINISHED)).isTrue();
        assertThat(repository.findById(id).orElseThrow().problemJson()).isEqualTo("{\"p\":2}");
    }

    @Test
    void storesALiveChangeOnlyForTheInstanceThatHoldsThePlan() {
        String id = id();
        repository.insert(plan(id, null, T0));
        repository.startRun(id, EnumSet.of(PlanStatus.VALIDATING), 1, null, null, "instance-a", T0.plusMinutes(1), T0);
        repository.updateStatus(id, EnumSet.of(PlanStatus.QUEUED), PlanStatus.SOLVING, null, T0);
        assertThat(repository.updateLiveDocuments(id, "{\"p\":1}", "{\"plan\":1}", EnumSet.of(PlanStatus.SOLVING), T0,
                "instance-a")).isTrue();
        // another instance took the plan over (instance-a's claim had expired): instance-a writes nothing any more
        JdbcClient.create(dataSource()).sql("UPDATE plan SET claimed_by = 'instance-b' WHERE id = :id")
                .param("id", id).update();
        assertThat(repository.updateLiveDocuments(id, "{\"p\":2}", "{\"plan\":2}", EnumSet.of(PlanStatus.SOLVING), T0,
                "instance-a")).isFalse();
        assertThat(repository.findById(id).orElseThrow().problemJson()).isEqualTo("{\"p\":1}");
        assertThat(repository.updateLiveDocuments(id, "{\"p\":3}", "{\"plan\":3}", EnumSet.of(PlanStatus.SOLVING), T0,
                "instance-b")).isTrue();
        assertThat(repository.updateLiveDocuments(id, "{\"p\":4}", "{\"plan\":4}", EnumSet.of(PlanStatus.QUEUED), T0,
                "instance-b")).as("not while the plan is in another status").isFalse();
        assertThat(repository.findById(id).orElseThrow().problemJson()).isEqualTo("{\"p\":3}");
    }
}
