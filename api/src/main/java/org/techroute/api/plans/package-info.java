/**
 * Plans and their solving runs: who owns what.
 *
 * <table>
 * <caption>The classes of {@code org.techroute.api.plans}</caption>
 * <tr><th>class</th><th>owns</th></tr>
 * <tr><td>{@link org.techroute.api.plans.PlanController}</td><td>the {@code /api/plans} endpoints; no logic</td></tr>
 * <tr><td>{@link org.techroute.api.plans.PlanService}</td><td>plans as clients see them: submit (idempotency,
 * validation), list, read, status (live score merged in), analysis, stop, delete, solve again, replacing the
 * documents of a finished plan</td></tr>
 * <tr><td>{@link org.techroute.api.plans.PlanChanges}</td><td>change requests: live, restarted or new run, the
 * bounded wait for the first best solution, {@code GET .../changes/{changeId}}</td></tr>
 * <tr><td>{@link org.techroute.api.plans.ChangePreviews}, {@code ChangePreviewController}</td><td>what a change
 * would cost before it is made ({@code POST .../changes/preview}): the change applied to the stored plan, routes
 * kept as they stand, both plans scored; nothing stored or solved</td></tr>
 * <tr><td>{@link org.techroute.api.plans.PlanRuns}</td><td><b>the owner of a run</b>: the only code that moves a
 * run through its {@link org.techroute.api.plans.PlanStatus statuses}; it starts (one reserve, move to QUEUED, queue
 * sequence for every path), saves bests, finishes, recovers and announces runs (status and best-score
 * events)</td></tr>
 * <tr><td>{@link org.techroute.api.plans.RunStarts}</td><td>the start half of {@code PlanRuns}: the one start
 * sequence and its entries (new plan, new run, a claimed QUEUED plan, a resumed run)</td></tr>
 * <tr><td>{@link org.techroute.api.plans.SolverRun}</td><td>one run in this instance: its solver, best solutions,
 * waiters and the changes it re-plans; hands every status change to {@code PlanRuns}</td></tr>
 * <tr><td>{@link org.techroute.api.plans.RunSolvers}</td><td>how a run's solver is made: the configuration with
 * metrics, and with {@code options.searchThreads} above 1 a {@code ParallelSearch} of that many searches</td></tr>
 * <tr><td>{@link org.techroute.api.plans.LiveChanges}</td><td>live-change versions: a change put into a running
 * solver as a Timefold problem change</td></tr>
 * <tr><td>{@link org.techroute.api.plans.ChangeTrack}, {@link org.techroute.api.plans.ChangeTracks}</td><td>one change
 * request and what became of it; the last ones per plan, in memory</td></tr>
 * <tr><td>{@link org.techroute.api.plans.SolverSlots}</td><td>solver threads and admission (slots, queue, 429,
 * priorities; a run of N search threads counts N slots); nothing about plans</td></tr>
 * <tr><td>{@link org.techroute.api.plans.ClusterLease}</td><td>this instance's name in claims, the lease and its
 * heartbeat</td></tr>
 * <tr><td>{@link org.techroute.api.plans.PlanCommands}</td><td>cluster mode: a change or stop that reached this
 * instance for a plan another instance solves, sent there ({@code plan_command}) and its answer returned; requests
 * sent here by others carried out</td></tr>
 * <tr><td>{@link org.techroute.api.plans.ClusterBus}</td><td>cluster mode on PostgreSQL: {@code LISTEN/NOTIFY}
 * between instances (run events for every instance's streams and status reads; "a request is waiting", "answered";
 * "plan written", which drops {@code StatusCache} copies)</td></tr>
 * <tr><td>{@link org.techroute.api.plans.StatusCache}</td><td>plan summaries in memory for status reads: dropped on
 * every write of the plan (announced to the other instances in cluster mode), served a second at most</td></tr>
 * <tr><td>{@link org.techroute.api.plans.RunRecovery}</td><td>restart recovery: runs a killed process or a dead
 * instance left unfinished, and (cluster) QUEUED plans nobody holds; it decides when and which, {@code PlanRuns}
 * moves the statuses</td></tr>
 * <tr><td>{@link org.techroute.api.plans.PlanRepository}</td><td>the {@code plan} table: rows, documents, scores,
 * the conditional status updates {@code PlanRuns} uses</td></tr>
 * <tr><td>{@link org.techroute.api.plans.RunClaims}</td><td>claims: which instance holds a plan, taking runs
 * over</td></tr>
 * <tr><td>{@link org.techroute.api.plans.PlanEvents}, {@link org.techroute.api.plans.SolverEvents}</td><td>the
 * server-sent event streams and their payloads</td></tr>
 * </table>
 * <p>
 * Words: the <em>problem</em> is the planning problem (the document a client submits); an error answer is an
 * <em>error document</em> (RFC 9457, {@code application/problem+json}, see {@code org.techroute.api.errors}). The
 * nightly batch (marks, reports, its SQL) is in {@code org.techroute.api.nightly}.
 */
package org.techroute.api.plans;
