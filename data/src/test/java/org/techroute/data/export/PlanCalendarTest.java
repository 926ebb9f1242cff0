package org.techroute.data.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import org.junit.jupiter.api.Test;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;
import org.techroute.data.model.Visit;

/** The technician's feed parses with ical4j (an independent, strict iCalendar parser) and says what the plan says. */
class PlanCalendarTest {

    static final Path SMALL_PLAN = Path.of("../docs/examples/small-plan.json");

    static Problem plan() throws Exception {
        return ProblemJson.read(SMALL_PLAN);
    }

    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    @Test
    void oneEventPerVisitOfTheTechnicianInRouteOrder() throws Exception {
        Problem plan = plan();
        String ics = PlanCalendar.technician(plan, "plan-1", "anna", Instant.parse("2026-11-22T18:00:00Z"));

        Calendar calendar = parse(ics);
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        Route anna = plan.solution().routes().stream().filter(r -> r.technicianId().equals("anna")).findFirst()
                .orElseThrow();
        assertThat(events).extracting(e -> value(e, Property.UID)).containsExactlyElementsOf(anna.visitIds()
                .stream().map(id -> "visit-" + id + ".plan-plan-1@techroute").toList());
        VEvent first = events.get(0);
        var service = anna.steps().stream().filter(s -> s.visitId() != null && s.visitId().equals("v1")
                && s.type().name().equals("SERVICE")).findFirst().orElseThrow();
        assertThat(value(first, Property.DTSTART)).isEqualTo(PlanCalendarTestSupport.utc(service.start()));
        assertThat(value(first, Property.DTEND)).isEqualTo(PlanCalendarTestSupport.utc(service.end()));
        assertThat(value(first, Property.SUMMARY)).isEqualTo("Hotel Löwen (v1)");
        assertThat(value(first, Property.LOCATION)).isEqualTo("47.139, 9.523");
        assertThat(value(first, Property.GEO)).isEqualTo("47.139;9.523");
        assertThat(value(first, Property.DTSTAMP)).isEqualTo("20261122T180000Z");
        assertThat(value(first, Property.DESCRIPTION)).contains("Priority HIGH", "Needs hvac 2, certified: f-gas",
                "Navigate: geo:47.139,9.523?q=47.139,9.523");
        assertThat(value(first, Property.PRIORITY)).isEqualTo("3");
    }

    @Test
    void aNewerVersionOfThePlanKeepsTheUidsAndRaisesTheSequence() throws Exception {
        Problem plan = plan();
        VEvent before = (VEvent) parse(PlanCalendar.technician(plan, "p", "ben", Instant.parse(
                "2026-11-22T18:00:00Z"))).getComponents(Component.VEVENT).get(0);
        VEvent after = (VEvent) parse(PlanCalendar.technician(plan, "p", "ben", Instant.parse(
                "2026-11-22T18:00:07Z"))).getComponents(Component.VEVENT).get(0);

        assertThat(value(after, Property.UID)).isEqualTo(value(before, Property.UID));
        assertThat(Long.parseLong(value(after, Property.SEQUENCE)))
                .isEqualTo(Long.parseLong(value(before, Property.SEQUENCE)) + 7);
    }

    @Test
    void textIsEscapedAndLongLinesFoldedAt75Octets() throws Exception {
        Problem plan = plan();
        List<Visit> visits = new ArrayList<>();
        String notes = "Back door; code 1,2\\3\nAsk for Frau Zäch — she has the key. " + "Lång text ".repeat(20);
        for (Visit v : plan.visits()) {
            visits.add(v.id().equals("v1") ? new Visit(v.id(), "Löwen, Hotel; \"Bar\"", v.location(),
                    v.serviceDurationSeconds(), v.timeWindows(), v.requiredSkills(), v.requiredCertifications(),
                    v.priority(), v.requiredTechnicianIds(), v.preferredTechnicianIds(), v.excludedTechnicianIds(),
                    v.demand(), v.pin(), "Städtle 1\n9490 Vaduz", notes) : v);
        }
        Problem edited = plan.withResources(plan.technicians(), plan.shifts(), visits);

        String ics = PlanCalendar.technician(edited, "p", "anna", Instant.parse("2026-11-22T18:00:00Z"));

        assertThat(ics).endsWith("END:VCALENDAR\r\n").doesNotContain("\n\n");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
            assertThat(line).doesNotContain("\n", "\r");
        }
        assertThat(ics).contains("SUMMARY:Löwen\\, Hotel\\; \"Bar\" (v1)");
        VEvent event = (VEvent) parse(ics).getComponents(Component.VEVENT).get(0);
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Löwen, Hotel; \"Bar\" (v1)");
        assertThat(value(event, Property.LOCATION)).isEqualTo("Städtle 1, 9490 Vaduz (47.139, 9.523)");
        assertThat(value(event, Property.DESCRIPTION)).endsWith("\n\n" + notes.strip());
    }

    @Test
    void aTechnicianWithoutVisitsGetsAnEmptyCalendar() throws Exception {
        Problem plan = plan();
        Problem noRoutes = plan.withSolution(plan.solution().withRoutes(List.of()).withConstraints(null));

        Calendar calendar = parse(PlanCalendar.technician(noRoutes, "p", "anna", Instant.parse(
                "2026-11-22T18:00:00Z")));

        assertThat(calendar.getComponents(Component.VEVENT)).isEmpty();
        assertThat(calendar.getProperty(Property.PRODID)).isPresent();
    }

    @Test
    void uidsOfOddVisitIdsStayPlainAscii() {
        assertThat(PlanCalendar.uid("p 1", "Ä,;x")).isEqualTo("visit-%C3%84%2C%3Bx.plan-p%201@techroute");
    }
}
