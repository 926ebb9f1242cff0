package org.techroute.api.support;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.techroute.data.demo.DemoProblemGenerator;
import org.techroute.data.demo.DemoSpec;
import org.techroute.data.demo.PointSource;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.model.Problem;
import org.techroute.data.model.TravelMode;
import org.techroute.data.solve.Planner;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.ProblemValidator;

/** Small deterministic problems for tests. */
public final class Problems {

    private Problems() {
    }

    public static Problem demo(int technicians, int visits) {
        return DemoProblemGenerator.generate(new DemoSpec("Test", technicians, visits, 1, LocalDate.of(2026, 11, 24),
                ZoneOffset.ofHours(1), TravelMode.HAVERSINE, 7), PointSource.liechtenstein());
    }

    public static String demoJson(int technicians, int visits) {
        return ProblemJson.write(demo(technicians, visits));
    }

    /** The planner the service uses, without a road graph. */
    public static Planner planner() {
        return new Planner(new ProblemMapper(new ProblemValidator(), TravelMatrices.withoutRoads()));
    }
}
