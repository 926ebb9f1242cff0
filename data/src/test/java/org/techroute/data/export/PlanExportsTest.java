package org.techroute.data.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.techroute.data.imports.CsvRecords;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;

/** The step CSV and the GeoJSON of the small example plan. */
class PlanExportsTest {

    @Test
    void theStepCsvHasOneRowPerStep() throws Exception {
        Problem plan = PlanCalendarTest.plan();
        String csv = StepCsvWriter.write(plan);

        List<CsvRecords.Record> records = CsvRecords.read(csv);
        int steps = plan.solution().routes().stream().mapToInt(r -> r.steps().size()).sum();
        assertThat(records).hasSize(steps + 1);
        assertThat(records.get(0).fields()).isEqualTo(StepCsvWriter.HEADER);
        Route anna = plan.solution().routes().get(0);
        List<String> first = records.get(1).fields();
        assertThat(first.subList(0, 6)).containsExactly("anna-mon", "anna", "Anna Beck", "1",
                anna.steps().get(0).type().name(), anna.steps().get(0).visitId());
        assertThat(first.get(7)).isEqualTo(anna.steps().get(0).start().toString());
        assertThat(csv).contains("\r\n").doesNotContain("\r\r");
    }

    @Test
    void theGeoJsonHasRoutesAsLineStringsAndStopsAsPoints() throws Exception {
        Problem plan = PlanCalendarTest.plan();

        JsonNode geo = ProblemJson.mapper().readTree(PlanGeoJson.write(plan));

        assertThat(geo.get("type").asText()).isEqualTo("FeatureCollection");
        List<JsonNode> features = new java.util.ArrayList<>();
        geo.get("features").forEach(features::add);
        List<JsonNode> routes = features.stream().filter(f -> f.at("/properties/kind").asText().equals("route"))
                .toList();
        assertThat(routes).hasSize(2).allMatch(f -> f.at("/geometry/type").asText().equals("LineString"));
        JsonNode anna = routes.get(0);
        // start, three visits, end; positions are [lon, lat]
        assertThat(anna.at("/geometry/coordinates")).hasSize(5);
        assertThat(anna.at("/geometry/coordinates/1/0").asDouble()).isEqualTo(9.523);
        assertThat(anna.at("/geometry/coordinates/1/1").asDouble()).isEqualTo(47.139);
        long visits = features.stream().filter(f -> f.at("/properties/kind").asText().equals("visit")).count();
        long unassigned = features.stream().filter(f -> f.at("/properties/kind").asText().equals("unassigned"))
                .count();
        assertThat(visits).isEqualTo(plan.solution().kpis().visitsAssigned());
        assertThat(unassigned).isEqualTo(plan.solution().kpis().visitsUnassigned());
        assertThat(features.stream().filter(f -> !f.at("/properties/kind").asText().equals("route")))
                .allMatch(f -> f.at("/geometry/type").asText().equals("Point"));
    }
}
