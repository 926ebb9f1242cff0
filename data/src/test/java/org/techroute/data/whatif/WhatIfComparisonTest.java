package org.techroute.data.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.techroute.data.Examples;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Violation;
import org.techroute.data.solve.Planner;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.ProblemValidator;

class WhatIfComparisonTest {

    private static WhatIfRequest exampleRequest() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("../docs/examples/what-if-variants.json"))) {
            return ProblemJson.read(in, WhatIfRequest.class, "a what-if request");
        }
    }

    @Test
    void removingATechnicianRemovesTheirShifts() throws Exception {
        Problem variant = WhatIfComparison.apply(Examples.smallProblem(), exampleRequest().variants().get(1));
        assertThat(variant.technicians()).extracting("id").containsExactly("anna");
        assertThat(variant.shifts()).extracting("id").containsExactly("anna-mon");
        assertThat(variant.visits()).hasSize(6);
    }

    @Test
    void visitsPinnedToARemovedTechnicianGoBackToPlanning() throws Exception {
        // after a live change, visits of the day under way are pinned to their shifts (here v3 to ben-mon)
        Problem base = Examples.smallProblem();
        List<org.techroute.data.model.Visit> visits = base.visits().stream().map(v -> v.id().equals("v3")
                ? v.withPin(new org.techroute.data.model.Pin("ben-mon", 0)) : v).toList();
        base = base.withResources(base.technicians(), base.shifts(), visits);
        Problem variant = WhatIfComparison.apply(base, exampleRequest().variants().get(1));
        assertThat(variant.visits()).filteredOn(v -> v.id().equals("v3")).allMatch(v -> v.pin() == null);
        assertThat(new ProblemValidator().validate(variant).errors()).extracting(Violation::path)
                .noneMatch(path -> path.contains(".pin"));
    }

    @Test
    void aVariantOfADayUnderWayKeepsItsNow() throws Exception {
        Problem base = Examples.smallProblem().withNow(java.time.OffsetDateTime.parse("2026-11-23T11:00:00+01:00"));
        for (Variant variant : exampleRequest().variants()) {
            assertThat(WhatIfComparison.apply(base, variant).now()).as(variant.name()).isEqualTo(base.now());
        }
    }

    @Test
    void shiftEndsMoveAndWeightsMergeOverTheBase() throws Exception {
        Problem base = Examples.smallProblem();
        Problem earlier = WhatIfComparison.apply(base, exampleRequest().variants().get(3));
        assertThat(earlier.shifts().get(0).end()).isEqualTo(base.shifts().get(0).end().minusHours(1));
        Problem weights = WhatIfComparison.apply(base, exampleRequest().variants().get(4));
        assertThat(weights.options().constraintWeights()).isEqualTo(Map.of("travelTime", 0L,
                "workloadBalance", 5000L));
    }

    @Test
    void eachVariantIsSolvedOrExplained() throws Exception {
        Problem base = Examples.smallProblem();
        base = base.withOptions(base.options().withStepLimit(100L));
        Planner planner = new Planner(new ProblemMapper(new ProblemValidator(), TravelMatrices.withoutRoads()));
        List<VariantResult> results = new WhatIfComparison(planner).compare(base, exampleRequest(), (n, p) -> {
        });
        assertThat(results).extracting(VariantResult::name).containsExactly("as planned", "Ben off sick",
                "add Carla", "days end an hour earlier", "weigh travel less");
        assertThat(results.get(0).status()).isEqualTo("SOLVED");
        assertThat(results.get(0).kpis().visitsAssigned()).isEqualTo(6);
        // v5 requires Ben: without him the variant is not a valid problem, and says why
        assertThat(results.get(1).status()).isEqualTo("INVALID");
        assertThat(results.get(1).violations()).extracting(Violation::entityId).contains("v5");
        assertThat(results.get(2).kpis().shiftsTotal()).isEqualTo(3);
        assertThat(results.get(3).status()).isEqualTo("SOLVED");

        String html = WhatIfReport.html("What if <small>", results);
        assertThat(html).contains("<th scope=\"col\">add Carla</th>").contains("What if &lt;small&gt;")
                .contains("Ben off sick: not solved").contains("class=\"best\"");
    }

    @Test
    void requestsNeedUniqueNamedVariants() {
        assertThat(WhatIfComparison.check(new WhatIfRequest(List.of()))).extracting(Violation::message)
                .containsExactly("at least one variant is needed");
        assertThat(WhatIfComparison.check(new WhatIfRequest(List.of(Variant.baseline("a"), Variant.baseline("a"),
                Variant.baseline(" "))))).extracting(Violation::path)
                .containsExactly("$.variants[1].name", "$.variants[2].name");
    }
}
