package org.techroute.data.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.techroute.data.Examples;
import org.techroute.data.model.Location;
import org.techroute.data.model.Priority;
import org.techroute.data.model.Problem;
import org.techroute.data.model.TimeWindow;
import org.techroute.data.model.Visit;
import org.techroute.data.validation.ProblemValidator;

class VisitCsvReaderTest {

    static List<ImportError> errors(String csv, ColumnMapping mapping, ZoneId zone) {
        try {
            new VisitCsvReader(mapping, zone).read(csv);
        } catch (ImportException e) {
            return e.errors();
        }
        throw new AssertionError("no errors in " + csv);
    }

    @Test
    void aTicketingExportLoadsWithAHeaderMapping() throws Exception {
        String csv = "\uFEFFTicket ID;Requester;Site address;Latitude;Longitude;Estimate;Open from;Due;Priority;"
                + "Tags;Description;Assignee\r\n"
                + "4711;Hotel Löwen;Städtle 1, Vaduz;47,1390;9,5230;1:30;2026-11-23 08:00;2026-11-23 10:00;Urgent;"
                + "hvac:2|electrical;\"Boiler \"\"B2\"\" leaks;\nbring seals\";Anna\r\n";
        ColumnMapping mapping = ColumnMapping.parse("Ticket ID=id, Requester=customer, Site address=address,"
                + "Latitude=lat,Longitude=lon,Estimate=duration,Open from=window_start,Due=window_end,Tags=skills,"
                + "Description=notes");

        VisitCsvReader.Result result = new VisitCsvReader(mapping, ZoneId.of("Europe/Vaduz")).read(csv);

        assertThat(result.ignoredHeaders()).containsExactly("Assignee");
        assertThat(result.rows()).hasSize(1);
        Visit visit = result.rows().get(0).visit();
        assertThat(visit.id()).isEqualTo("4711");
        assertThat(visit.customerName()).isEqualTo("Hotel Löwen");
        assertThat(visit.address()).isEqualTo("Städtle 1, Vaduz");
        assertThat(visit.location()).isEqualTo(Location.ofLatLon(47.139, 9.523));
        assertThat(visit.serviceDurationSeconds()).isEqualTo(5400);
        assertThat(visit.timeWindows()).containsExactly(new TimeWindow(
                OffsetDateTime.parse("2026-11-23T08:00+01:00"), OffsetDateTime.parse("2026-11-23T10:00+01:00")));
        assertThat(visit.priority()).isEqualTo(Priority.CRITICAL);
        assertThat(visit.requiredSkills()).isEqualTo(Map.of("hvac", 2, "electrical", 1));
        assertThat(visit.notes()).isEqualTo("Boiler \"B2\" leaks;\nbring seals");
    }

    @Test
    void everyBadRowIsReportedWithItsLineAndColumn() {
        String csv = """
                id,customer,lat,lon,duration,window_start,window_end,priority,skills
                v1,Good,47.1,9.5,45,2026-11-23T08:00+01:00,2026-11-23T10:00+01:00,HIGH,hvac
                v2,Bad lat,147.1,9.5,45,,,,
                v3,Bad duration,47.1,9.5,soon,,,,
                v4,"Multi
                line",47.1,9.5,45,2026-11-23T10:00+01:00,2026-11-23T08:00+01:00,whenever,hvac:0
                v1,Twice,47.1,9.5,45,,,,
                ,No id,47.1,9.5,45,,,,
                v6,Local time,47.1,9.5,45,2026-11-23 08:00,2026-11-23T10:00+01:00,,
                """;

        List<ImportError> errors = errors(csv, ColumnMapping.none(), null);

        assertThat(errors).extracting(ImportError::toString).containsExactly(
                "line 3, column 'lat' [visit v2]: '147.1' is out of range (-90 to 90)",
                "line 4, column 'duration' [visit v3]: 'soon' is not a duration: write minutes (45), h:mm (1:30)"
                        + " or ISO-8601 (PT1H30M)",
                "line 5, column 'window_end' [visit v4]: the window ends (2026-11-23T08:00+01:00) before it starts"
                        + " (2026-11-23T10:00+01:00)",
                "line 5, column 'priority' [visit v4]: 'whenever' is not a priority: CRITICAL, HIGH, NORMAL or LOW",
                "line 5, column 'skills' [visit v4]: the level of 'hvac' must be 1 or more, got 0",
                "line 7, column 'id' [visit v1]: the visit id 'v1' is also on line 2",
                "line 8, column 'id': the visit id is missing",
                "line 9, column 'window_start' [visit v6]: '2026-11-23 08:00' has no UTC offset: write it as"
                        + " 2026-11-24T08:00+01:00, or give the import a time zone (zone)");
    }

    @Test
    void anAddressWithoutCoordinatesIsNotGuessed() {
        String csv = "id,address,lat,lon,duration\r\nv1,Städtle 1 Vaduz,,,30\r\nv2,,,,30\r\n";

        assertThat(errors(csv, ColumnMapping.none(), null)).extracting(ImportError::toString).containsExactly(
                "line 2, column 'lat' [visit v1]: the row has an address but no coordinates; techroute does not"
                        + " geocode addresses: fill the columns lat and lon (WGS84 degrees, e.g. 47.1410 and 9.5209)"
                        + " for this visit",
                "line 3, column 'lat' [visit v2]: the visit has no location: fill the columns lat and lon (WGS84"
                        + " degrees)");
        assertThat(errors("id,address,duration\nv1,Städtle 1,30\n", ColumnMapping.none(), null))
                .extracting(ImportError::toString).containsExactly("line 2, column 'address' [visit v1]: the row has"
                        + " an address but no coordinates; techroute does not geocode addresses: fill the columns lat"
                        + " and lon (WGS84 degrees, e.g. 47.1410 and 9.5209) for this visit");
    }

    @Test
    void headerProblemsAreReportedOnLineOne() {
        assertThat(errors("Ticket,Where\nv1,x\n", ColumnMapping.parse("Ticket=id,Estimate=duration"), null))
                .extracting(ImportError::toString).containsExactly(
                        "line 1: the mapping names the header 'estimate', which is not in the header line",
                        "line 1: the header has no column 'duration'",
                        "line 1: the header has no coordinates: columns 'lat' and 'lon' (WGS84 degrees) place each"
                                + " visit");
        assertThat(errors("", ColumnMapping.none(), null)).extracting(ImportError::line).containsExactly(1);
        assertThat(errors("id,lat,lon,duration\nv1,1,2,\"3\n", ColumnMapping.none(), null))
                .extracting(ImportError::toString).containsExactly("line 2: a quoted field is never closed");
        assertThat(errors("id,lat,lon,duration\nv1,1,2,3,4\n", ColumnMapping.none(), null))
                .extracting(ImportError::toString).containsExactly(
                        "line 2: the row has 5 fields, the header 4: quote fields that hold commas");
        assertThatThrownBy(() -> ColumnMapping.parse("Ticket=identifier")).hasMessageContaining(
                "'identifier' is not one of id, customer, address");
    }

    @Test
    void findingsOfTheWholeProblemPointAtTheCsvLine() {
        Problem base = Examples.smallProblem();
        int known = base.visits().size();
        String csv = "id,lat,lon,duration,required_technicians,skills\r\nn1,47.1,9.5,30,nobody,\r\n"
                + "v1,47.1,9.5,30,,\r\n";

        assertThatThrownBy(() -> new VisitImport(new ProblemValidator()).importVisits(base, csv,
                new VisitCsvReader(ColumnMapping.none(), null)))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.errors())
                        .extracting(ImportError::toString).containsExactlyInAnyOrder(
                                "line 2, column 'required_technicians' [visit n1]: unknown technician 'nobody'",
                                "line 3, column 'id' [visit v1]: duplicate visit id 'v1'"));
        assertThat(known).isPositive();
    }
}
