package org.techroute.api.whatif;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.techroute.api.errors.ApiException;
import org.techroute.api.plans.PlanRecord;
import org.techroute.api.plans.PlanRepository;
import org.techroute.api.plans.PlanService;
import org.techroute.api.plans.PlanStatusView;
import org.techroute.data.model.Kpis;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Violation;
import org.techroute.data.travel.UnsupportedTravelModeException;
import org.techroute.data.validation.InvalidProblemException;
import org.techroute.data.whatif.Variant;
import org.techroute.data.whatif.VariantResult;
import org.techroute.data.whatif.WhatIfComparison;
import org.techroute.data.whatif.WhatIfRequest;

/**
 * What-if requests as queued runs: each variant of a stored plan's problem becomes a plan of its own (named
 * "&lt;plan&gt; · what if: &lt;variant&gt;"), submitted like any other, so it waits for a solver slot, shows in the plans
 * list, can be stopped, and survives a restart like every run. The request ({@code what_if}) keeps which plan solves
 * which variant; its results are read from those plans.
 */
@Service
public class WhatIfRuns {

    private final JdbcClient jdbc;
    private final PlanService plans;
    private final PlanRepository repository;
    private final ObjectMapper mapper;

    public WhatIfRuns(JdbcClient jdbc, PlanService plans, PlanRepository repository, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.repository = repository;
        this.mapper = mapper;
    }

    /** A variant and the plan that solves it (none when it is invalid or was not queued). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VariantPlan(String name, String planId, String status, List<Violation> violations) {
    }

    /**
     * One variant as it stands.
     *
     * @param status the variant plan's status (QUEUED, SOLVING, SOLVED, STOPPED, FAILED), {@code INVALID} (with
     *               violations), {@code NOT_QUEUED} (the solver queue was full) or {@code DELETED}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VariantView(String name, String planId, String status, String score, Boolean feasible, Kpis kpis,
            List<Violation> violations) {
    }

    /** A what-if request: done when every variant's plan has finished. */
    public record WhatIfView(String whatIfId, String planId, boolean done, List<VariantView> variants) {

        /** The variants as the report shows them. */
        public List<VariantResult> results() {
            return variants.stream().map(v -> new VariantResult(v.name(), v.status(), v.score(), v.feasible(),
                    v.kpis(), v.violations())).toList();
        }
    }

    /** Queues every variant of {@code base} as a plan of its own; the request as it stands. */
    public WhatIfView start(String planId, Problem base, WhatIfRequest request) {
        List<VariantPlan> variants = new ArrayList<>();
        for (int i = 0; i < request.variants().size(); i++) {
            Variant variant = request.variants().get(i);
            Problem problem = WhatIfComparison.apply(base.withSolution(null), variant)
                    .withName((base.name() == null ? "plan " + planId : base.name()) + " · what if: "
                            + variant.name());
            try {
                String variantPlan = plans.submit(problem, null, null).plan().id();
                variants.add(new VariantPlan(variant.name(), variantPlan, null, null));
            } catch (InvalidProblemException e) {
                variants.add(new VariantPlan(variant.name(), null, "INVALID", e.violations()));
            } catch (UnsupportedTravelModeException e) {
                variants.add(new VariantPlan(variant.name(), null, "INVALID", List.of(new Violation(
                        "$.options.travelMode", null, e.getMessage()))));
            } catch (ApiException e) {
                if (e.status().value() != 429) {
                    throw e;
                }
                variants.add(new VariantPlan(variant.name(), null, "NOT_QUEUED", List.of(new Violation(
                        "$.variants[" + i + "]", variant.name(), "the solver queue was full; ask again later"))));
            }
        }
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO what_if (id, plan_id, created_at, variants) VALUES (:id, :plan, :at, :variants)")
                .param("id", id).param("plan", planId).param("at", OffsetDateTime.now(ZoneOffset.UTC))
                .param("variants", write(variants)).update();
        return view(planId, id);
    }

    /** A what-if request of a plan as it stands; 404 when there is none. */
    public WhatIfView view(String planId, String whatIfId) {
        String stored = jdbc.sql("SELECT variants FROM what_if WHERE id = :id AND plan_id = :plan")
                .param("id", whatIfId).param("plan", planId).query(String.class).optional()
                .orElseThrow(() -> ApiException.notFound("what-if", whatIfId));
        List<VariantView> views = new ArrayList<>();
        boolean done = true;
        for (VariantPlan variant : read(stored)) {
            if (variant.planId() == null) {
                views.add(new VariantView(variant.name(), null, variant.status(), null, null, null,
                        variant.violations()));
                continue;
            }
            Optional<PlanRecord> record = repository.findSummaryById(variant.planId());
            if (record.isEmpty()) {
                views.add(new VariantView(variant.name(), variant.planId(), "DELETED", null, null, null, null));
                continue;
            }
            PlanStatusView status = plans.status(variant.planId());
            done &= !status.status().isActive();
            views.add(new VariantView(variant.name(), variant.planId(), status.status().name(), status.score(),
                    status.feasible(), kpis(record.get().kpisJson()), null));
        }
        return new WhatIfView(whatIfId, planId, done, views);
    }

    private Kpis kpis(String json) {
        try {
            return json == null ? null : mapper.readValue(json, Kpis.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private String write(List<VariantPlan> variants) {
        try {
            return mapper.writeValueAsString(variants);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<VariantPlan> read(String json) {
        try {
            return mapper.readValue(json, new TypeReference<List<VariantPlan>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored what-if cannot be read", e);
        }
    }
}
