package org.techroute.data.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import org.junit.jupiter.api.Test;

import org.techroute.data.demo.DemoProblemGenerator;
import org.techroute.data.demo.DemoSpec;
import org.techroute.data.demo.PointSource;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.model.Problem;
import org.techroute.data.model.TravelMode;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.ProblemValidator;

/**
 * {@code options.searchThreads} (issue 13): absent or 1 is one Timefold solver, the plan of before; more is the best
 * of as many searches, never worse than the first of them (its seed is the problem's). Step-limited: reproducible.
 */
class SearchThreadsTest {

    private static final Planner PLANNER = new Planner(new ProblemMapper(new ProblemValidator(),
            TravelMatrices.withoutRoads()));

    private static Problem day() {
        DemoSpec spec = new DemoSpec("threads", 3, 16, 1, LocalDate.of(2026, 11, 24), ZoneOffset.ofHours(1),
                TravelMode.HAVERSINE, 3);
        Problem problem = DemoProblemGenerator.generate(spec, PointSource.liechtenstein());
        return problem.withOptions(problem.options().withStepLimit(60L).withTimeLimit(Duration.ofMinutes(2)));
    }

    @Test
    void oneSearchThreadIsThePlanOfBeforeAndTwoAreNoWorse() {
        Problem none = PLANNER.solve(day(), p -> {
        });
        Problem one = PLANNER.solve(day().withOptions(day().options().withSearchThreads(1)), p -> {
        });
        List<String> progress = new ArrayList<>();
        Problem two = PLANNER.solve(day().withOptions(day().options().withSearchThreads(2)),
                p -> progress.add(p.score()));

        assertThat(ProblemJson.write(one.withOptions(none.options()))).isEqualTo(ProblemJson.write(none));
        assertThat(two.options().searchThreads()).isEqualTo(2);
        assertThat(two.solution().score()).isNotNull();
        assertThat(HardMediumSoftLongScore.parseScore(two.solution().score()))
                .isGreaterThanOrEqualTo(HardMediumSoftLongScore.parseScore(none.solution().score()));
        assertThat(progress).isNotEmpty().last().isEqualTo(two.solution().score());
    }
}
