package org.techroute.benchmarks;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.techroute.data.appointments.AppointmentFinder;
import org.techroute.data.appointments.AppointmentOffers;
import org.techroute.data.appointments.AppointmentRequest;
import org.techroute.data.demo.DemoProblemGenerator;
import org.techroute.data.demo.DemoSpec;
import org.techroute.data.demo.PointSource;
import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.model.Location;
import org.techroute.data.model.Problem;
import org.techroute.data.model.TimeWindow;
import org.techroute.data.model.TravelMode;
import org.techroute.data.model.Visit;
import org.techroute.data.solve.Planner;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.ProblemValidator;

/**
 * {@code appointments [--visits 1000] [--per-technician 7] [--slots 20] [--repeats 21] [--seed 7]}: how long judging
 * appointment slots for a new visit takes on a plan of that size. The plan is a generated one-day field-service
 * problem (haversine travel) with its first plan (the insertion construction, no local search); the new visit needs
 * a skill level 1 of the generator's first skill, and the slots are one hour long, every 25 minutes from 08:00.
 * Each repeat is one {@code AppointmentFinder.offers} call, as the REST endpoint makes it: the plan mapped with the
 * visit (validation, travel matrix, routes) and every slot judged. Prints a markdown row: first call, median and
 * maximum of the others, feasible slots.
 */
public final class AppointmentBenchmark {

    private AppointmentBenchmark() {
    }

    public static int run(String[] args) {
        int visits = 1000;
        int perTechnician = 7;
        int slots = 20;
        int repeats = 21;
        long seed = 7;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--visits" -> visits = Integer.parseInt(args[i + 1]);
                case "--per-technician" -> perTechnician = Integer.parseInt(args[i + 1]);
                case "--slots" -> slots = Integer.parseInt(args[i + 1]);
                case "--repeats" -> repeats = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> {
                    System.err.println("usage: appointments [--visits 1000] [--per-technician 7] [--slots 20]"
                            + " [--repeats 21] [--seed 7]");
                    return 2;
                }
            }
        }
        if (args.length % 2 != 0) {
            System.err.println("usage: appointments [--visits 1000] [--per-technician 7] [--slots 20] [--repeats 21]"
                    + " [--seed 7]");
            return 2;
        }
        int technicians = Math.max(1, Math.round((float) visits / perTechnician));
        LocalDate day = LocalDate.of(2026, 11, 24);
        DemoSpec spec = new DemoSpec("appointments " + visits, technicians, visits, 1, day, ZoneOffset.ofHours(1),
                TravelMode.HAVERSINE, seed);
        Problem problem = DemoProblemGenerator.generate(spec, PointSource.liechtenstein());
        problem = problem.withOptions(problem.optionsOrDefaults().withTimeLimit(Duration.ofMinutes(5))
                .withStepLimit(0L));
        Planner planner = new Planner(new ProblemMapper(new ProblemValidator(), TravelMatrices.withoutRoads()));
        long solveStart = System.nanoTime();
        Problem plan = planner.solve(problem, progress -> { });
        double solveSeconds = (System.nanoTime() - solveStart) / 1e9;
        String skill = problem.technicians().get(0).skills().keySet().iterator().next();
        Visit call = new Visit("CALL", "Customer on the phone", Location.ofLatLon(47.14, 9.52), 1800L, null,
                Map.of(skill, 1), null, null, null, null, null, null, null);
        List<TimeWindow> windows = new ArrayList<>();
        OffsetDateTime first = OffsetDateTime.of(day.atTime(8, 0), ZoneOffset.ofHours(1));
        for (int s = 0; s < slots; s++) {
            windows.add(new TimeWindow(first.plusMinutes(25L * s), first.plusMinutes(25L * s + 60)));
        }
        AppointmentRequest request = new AppointmentRequest(call, windows, null, null);
        AppointmentFinder finder = new AppointmentFinder(planner);
        double[] millis = new double[repeats];
        AppointmentOffers offers = null;
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            offers = finder.offers(plan, request);
            millis[r] = (System.nanoTime() - start) / 1e6;
        }
        double[] warm = Arrays.copyOfRange(millis, 1, repeats);
        Arrays.sort(warm);
        System.out.println("| visits | technicians | assigned | slots | feasible | first call ms | median ms | max ms"
                + " | first plan s |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        System.out.println(String.format(Locale.ROOT, "| %d | %d | %d | %d | %d | %.0f | %.0f | %.0f | %.1f |",
                visits, technicians, plan.solution().kpis().visitsAssigned(), slots, offers.feasibleSlots(),
                millis[0], warm.length == 0 ? millis[0] : warm[warm.length / 2],
                warm.length == 0 ? millis[0] : warm[warm.length - 1], solveSeconds));
        return 0;
    }
}
