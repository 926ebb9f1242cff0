package org.techroute.data.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.techroute.data.model.Certification;
import org.techroute.data.model.Location;
import org.techroute.data.model.Options;
import org.techroute.data.model.Priority;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Shift;
import org.techroute.data.model.ShiftBreak;
import org.techroute.data.model.Technician;
import org.techroute.data.model.TimeWindow;
import org.techroute.data.model.Visit;

/**
 * Generates realistic field-service problems: technicians with a skill mix and certifications (a few expired),
 * 08:00–17:00 shifts with a lunch break, and service calls with morning / afternoon / all-day / two-hour windows,
 * priorities and service durations. Every visit's skill and certification needs are held by at least one
 * technician, so a good plan can serve them. Deterministic for a seed.
 */
public final class DemoProblemGenerator {

    private static final String[] SKILLS = { "hvac", "electrical", "plumbing", "appliance" };
    private static final String[] CERTIFICATIONS = { "gas-safe", "f-gas", "medical-device" };
    private static final String[] FIRST_NAMES = { "Anna", "Ben", "Carla", "David", "Elif", "Felix", "Greta", "Hugo",
            "Ines", "Jonas", "Katrin", "Lukas", "Mara", "Nico", "Olga", "Paul", "Rita", "Sven", "Tara", "Urs" };
    private static final String[] CUSTOMERS = { "Bakery", "Dental practice", "Hotel", "School", "Family home",
            "Office", "Clinic", "Restaurant", "Apartment", "Workshop", "Pharmacy", "Care home" };

    private DemoProblemGenerator() {
    }

    public static Problem generate(DemoSpec spec, PointSource points) {
        SplittableRandom random = new SplittableRandom(spec.seed());
        List<Technician> technicians = new ArrayList<>();
        for (int t = 0; t < spec.technicians(); t++) {
            technicians.add(technician(t, spec, points, random));
        }
        List<Shift> shifts = new ArrayList<>();
        for (int d = 0; d < spec.days(); d++) {
            LocalDate day = spec.firstDay().plusDays(d);
            for (Technician technician : technicians) {
                shifts.add(shift(technician, day, spec, random));
            }
        }
        List<Visit> visits = new ArrayList<>();
        for (int v = 0; v < spec.visits(); v++) {
            visits.add(visit(v, spec, technicians, points, random));
        }
        Options options = new Options(Duration.ofSeconds(30), spec.travelMode(), null, spec.seed(), null, null);
        return Problem.of(spec.name(), options, technicians, shifts, visits);
    }

    private static Technician technician(int index, DemoSpec spec, PointSource points, SplittableRandom random) {
        Map<String, Integer> skills = new LinkedHashMap<>();
        String main = SKILLS[index % SKILLS.length];
        skills.put(main, 2 + random.nextInt(2));
        String second = SKILLS[random.nextInt(SKILLS.length)];
        if (!second.equals(main)) {
            skills.put(second, 1 + random.nextInt(2));
        }
        List<Certification> certifications = new ArrayList<>();
        for (String certification : CERTIFICATIONS) {
            if (random.nextInt(3) == 0) {
                boolean expired = random.nextInt(6) == 0;
                LocalDate until = expired ? spec.firstDay().minusDays(1 + random.nextInt(60))
                        : spec.firstDay().plusDays(30 + random.nextInt(700));
                certifications.add(new Certification(certification, until.minusYears(2), until));
            }
        }
        String name = FIRST_NAMES[index % FIRST_NAMES.length] + (index >= FIRST_NAMES.length
                ? " " + (index / FIRST_NAMES.length + 1) : "");
        double costPerHour = 40 + random.nextInt(5) * 5;
        return new Technician(String.format("T%02d", index + 1), name, skills, certifications,
                points.next(random), costPerHour);
    }

    private static Shift shift(Technician technician, LocalDate day, DemoSpec spec, SplittableRandom random) {
        OffsetDateTime start = OffsetDateTime.of(day, LocalTime.of(8, 0), spec.offset());
        OffsetDateTime end = start.withHour(17);
        ShiftBreak lunch = new ShiftBreak(start.withHour(11).withMinute(30), start.withHour(13).withMinute(30),
                1800L);
        return new Shift(technician.id() + "-" + day, technician.id(), start, end, null, null, 3600L,
                List.of(lunch), List.of(20));
    }

    private static Visit visit(int index, DemoSpec spec, List<Technician> technicians, PointSource points,
            SplittableRandom random) {
        Technician model = technicians.get(random.nextInt(technicians.size()));
        Map<String, Integer> required = new LinkedHashMap<>();
        List<String> skills = new ArrayList<>(model.skills().keySet());
        String skill = skills.get(random.nextInt(skills.size()));
        required.put(skill, 1 + random.nextInt(model.skills().get(skill)));
        List<String> certifications = new ArrayList<>();
        LocalDate day = spec.firstDay().plusDays(random.nextInt(spec.days()));
        if (random.nextInt(5) == 0) {
            model.certifications().stream()
                    .filter(c -> !c.validUntil().isBefore(spec.firstDay().plusDays(spec.days())))
                    .findFirst().ifPresent(c -> certifications.add(c.name()));
        }
        int roll = random.nextInt(100);
        Priority priority = roll < 3 ? Priority.CRITICAL : roll < 15 ? Priority.HIGH : roll < 85 ? Priority.NORMAL
                : Priority.LOW;
        long service = 60L * (30 + 15 * random.nextInt(7));
        List<TimeWindow> windows = windows(day, spec, random);
        List<String> preferred = random.nextInt(10) == 0 ? List.of(model.id()) : null;
        List<Integer> demand = List.of(1 + random.nextInt(4));
        String customer = CUSTOMERS[random.nextInt(CUSTOMERS.length)] + " " + (index + 1);
        Location location = points.next(random);
        return new Visit(String.format("V%03d", index + 1), customer, location, service, windows, required,
                certifications.isEmpty() ? null : certifications, priority, null, preferred, null, demand, null);
    }

    private static List<TimeWindow> windows(LocalDate day, DemoSpec spec, SplittableRandom random) {
        OffsetDateTime morning = OffsetDateTime.of(day, LocalTime.of(8, 0), spec.offset());
        return switch (random.nextInt(5)) {
            case 0 -> List.of(new TimeWindow(morning, morning.withHour(12)));
            case 1 -> List.of(new TimeWindow(morning.withHour(12), morning.withHour(16)));
            case 2 -> {
                int hour = 8 + 2 * random.nextInt(4);
                yield List.of(new TimeWindow(morning.withHour(hour), morning.withHour(hour + 2)));
            }
            case 3 -> spec.days() > 1
                    ? List.of(new TimeWindow(OffsetDateTime.of(spec.firstDay(), LocalTime.of(8, 0), spec.offset()),
                            OffsetDateTime.of(spec.firstDay(), LocalTime.of(16, 0), spec.offset())),
                            new TimeWindow(OffsetDateTime.of(spec.firstDay().plusDays(1), LocalTime.of(8, 0),
                                    spec.offset()), OffsetDateTime.of(spec.firstDay().plusDays(1), LocalTime.of(16, 0),
                                            spec.offset())))
                    : List.of(new TimeWindow(morning, morning.withHour(16)));
            default -> List.of(new TimeWindow(morning, morning.withHour(16)));
        };
    }
}
