// techroute dispatcher console: plans, map, timeline, explanations, live changes and what-if.
import { api, ApiError, credential } from './api.js';
import { el, clear, $, hhmm, day, duration, km } from './dom.js';
import { PlanMap } from './map.js';
import { renderTimeline, offsetMillis } from './timeline.js';
import { VisitDrag, showCost, scoreNodes, scoreText, scoreParts } from './board.js';

const PALETTE = ['#1f77b4', '#d95f02', '#2ca02c', '#9467bd', '#e7298a', '#8c564b', '#17becf', '#bcbd22',
  '#393b79', '#e6550d', '#31a354', '#756bb1', '#637939', '#843c39', '#3182bd', '#a55194'];
const ACTIVE = new Set(['VALIDATING', 'QUEUED', 'SOLVING']);
const REFRESH_MS = 2000; // while solving, the plan is fetched again at most this often

const state = {
  map: null, planId: null, plan: null, routes: null, status: null, selected: null, day: null, shownPlanId: null,
  events: null, refreshTimer: null, lastFetch: 0, colours: new Map(), pick: null,
  change: null, // the last live change of this plan: { planId, changeId, what }, its panel follows the re-plan
  filters: { technician: '', skill: '', priority: '' },
  hover: null, // the move being previewed while a visit is dragged: { visitId, shiftId, position }
};

function colourOf(technicianId) {
  if (!technicianId) return '#9aa0a6';
  if (!state.colours.has(technicianId)) state.colours.set(technicianId, PALETTE[state.colours.size % PALETTE.length]);
  return state.colours.get(technicianId);
}

function say(text, error = false) {
  const status = $('#status');
  status.textContent = text;
  status.classList.toggle('error', error);
}

function failed(what, error) {
  const detail = error instanceof ApiError ? `${error.message} (${error.status})` : String(error && error.message || error);
  say(`${what} failed: ${detail}`, true);
}

// ---------- plans list ----------

async function loadPlans() {
  const page = await api.plans();
  const list = $('#plans');
  clear(list, ...(page.items || []).map((p) => el('li', {},
    el('button', {
      type: 'button', class: 'plan-item', dataset: { planId: p.id },
      'aria-current': p.id === state.planId ? 'true' : 'false', onclick: () => selectPlan(p.id),
    },
    el('span', { class: 'name' }, p.name || p.id),
    el('span', { class: 'meta' }, el('span', { class: `badge ${p.status}` }, p.status), ` run ${p.run} · `,
      p.kpis ? `${p.kpis.visitsAssigned}/${p.kpis.visitsAssigned + p.kpis.visitsUnassigned} visits` : 'no plan yet'),
    el('span', { class: 'meta score' }, ...scoreNodes(p.score || ''))))));
  if (!page.items || page.items.length === 0) list.append(el('li', { class: 'hint' }, 'No plans yet: start a demo.'));
  return page.items || [];
}

// ---------- one plan ----------

async function selectPlan(id) {
  closeEvents();
  state.planId = id;
  state.selected = null;
  state.day = null;
  state.colours.clear();
  history.replaceState(null, '', `#plan=${encodeURIComponent(id)}`);
  for (const b of document.querySelectorAll('.plan-item')) b.setAttribute('aria-current', String(b.dataset.planId === id));
  clear($('#details'), el('p', { class: 'hint' }, 'Click a visit on the map or in the timeline to see who serves it, when, and why.'));
  clear($('#moved'));
  state.change = null;
  clear($('#whatif-result'));
  await refreshStatus();
  await refreshPlan();
  followIfActive();
}

async function refreshStatus() {
  const status = await api.status(state.planId);
  showStatus(status);
  return status;
}

function showStatus(status) {
  state.status = status;
  document.body.dataset.status = status.status;
  document.body.dataset.planId = state.planId;
  const active = ACTIVE.has(status.status);
  $('#solve').disabled = active;
  $('#stop').disabled = !active;
  say(`${status.name || status.planId || state.planId}: ${status.status} (run ${status.run})`
    + (status.score ? ` — score ${status.score}` : '') + (status.reason ? ` — ${status.reason}` : ''));
  showScore(status.score, status.feasible);
}

function showScore(score, feasible) {
  const node = $('#plan-score');
  clear(node, ...(score ? [...scoreNodes(score), feasible === false ? ' (infeasible)' : ''] : ['—']));
  node.classList.toggle('infeasible', feasible === false);
}

async function refreshPlan() {
  const id = state.planId;
  state.lastFetch = Date.now();
  let plan = await api.plan(id);
  let routes = plan.solution ? await api.routes(id) : null;
  if (id !== state.planId) return; // another plan was chosen meanwhile
  // A re-plan after a live change has no solution until its first best is saved (it may wait for a solver slot):
  // keep the plan before the change on screen meanwhile, and say so, instead of a blank map and timeline.
  const previous = state.plan;
  const stale = !plan.solution && previous && previous.solution && state.shownPlanId === id
    && state.status && ACTIVE.has(state.status.status);
  if (stale) {
    plan = previous;
    routes = state.routes;
  }
  $('#plan-stale').hidden = !stale;
  state.plan = plan;
  state.routes = routes;
  state.shownPlanId = id;
  render();
  refreshChange();
}

/** The last change's "what moved", against the newest saved plan of the re-plan (its final plan once it ended). */
async function refreshChange() {
  const change = state.change;
  if (!change || change.planId !== state.planId) return;
  try {
    const view = await api.change(change.planId, change.changeId);
    if (state.change === change) showMoved(change.what, view);
  } catch (e) {
    // no longer kept (or the service restarted): the panel keeps what it showed
  }
}

function render() {
  const plan = state.plan;
  (plan.technicians || []).forEach((t) => colourOf(t.id));
  const days = [...new Set((plan.shifts || []).map((s) => day(s.start)))].sort();
  if (!state.day || !days.includes(state.day)) state.day = days[0] || null;
  const select = $('#day');
  clear(select, ...days.map((d) => el('option', { value: d, selected: d === state.day }, d)));
  fillFilters(plan);
  renderBoard();
  renderKpis(plan.solution);
  renderUnassigned(plan);
  renderConstraints(plan.solution);
  fillForms(plan);
  if (state.selected) explain(state.selected, false);
}

// ---------- the board: map and timeline for the day and the filters ----------

/** What the day and the filters leave on the board. */
function boardFilters() {
  const f = state.filters;
  const showShift = (shift) => day(shift.start) === state.day && (!f.technician || shift.technicianId === f.technician);
  const showVisit = (visit, shift) => {
    if (f.priority && (visit.priority || 'NORMAL') !== f.priority) return false;
    if (f.skill && !Object.prototype.hasOwnProperty.call(visit.requiredSkills || {}, f.skill)) return false;
    if (shift) return true; // served: its shift says the day and the technician
    if (f.technician) return false;
    // unassigned: on the day of its windows (any day without windows)
    const windows = visit.timeWindows || [];
    return windows.length === 0 || windows.some((w) => day(w.start) <= state.day && state.day <= day(w.end));
  };
  return { showShift, showVisit };
}

function renderBoard() {
  const plan = state.plan;
  if (!plan) return;
  const { showShift, showVisit } = boardFilters();
  state.map.render(state.planId, plan, state.routes, colourOf, { showShift, showVisit });
  state.map.select(state.selected);
  const canDispatch = document.body.dataset.canDispatch === 'true';
  renderTimeline($('#timeline'), plan, state.day, colourOf, explain, state.selected, {
    showShift, showVisit: (v) => showVisit(v, {}), onLockRoute: canDispatch ? lockRoute : null,
  });
  document.body.dataset.filters = JSON.stringify({ day: state.day, ...state.filters });
}

function fillFilters(plan) {
  const technician = $('#f-technician');
  clear(technician, el('option', { value: '' }, 'all'), ...(plan.technicians || []).map((t) =>
    el('option', { value: t.id, selected: t.id === state.filters.technician }, `${t.name || t.id} (${t.id})`)));
  const skills = new Set();
  (plan.visits || []).forEach((v) => Object.keys(v.requiredSkills || {}).forEach((k) => skills.add(k)));
  clear($('#f-skill'), el('option', { value: '' }, 'any'), ...[...skills].sort().map((k) =>
    el('option', { value: k, selected: k === state.filters.skill }, k)));
  $('#f-priority').value = state.filters.priority;
}

function wireFilters() {
  const changed = () => {
    state.filters = { technician: $('#f-technician').value, skill: $('#f-skill').value, priority: $('#f-priority').value };
    renderBoard();
  };
  for (const id of ['#f-technician', '#f-skill', '#f-priority']) $(id).addEventListener('change', changed);
  $('#filters').addEventListener('submit', (e) => e.preventDefault());
  $('#f-clear').addEventListener('click', () => {
    $('#f-technician').value = '';
    $('#f-skill').value = '';
    $('#f-priority').value = '';
    changed();
  });
  $('#day').addEventListener('change', (e) => {
    state.day = e.target.value;
    renderBoard(); // the map follows the day too
  });
  const search = $('#search');
  search.addEventListener('input', () => showSearch(search.value));
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      const first = $('#search-results button');
      if (first) first.click();
      e.preventDefault();
    } else if (e.key === 'Escape') {
      search.value = '';
      showSearch('');
    }
  });
}

/** Visits (by id or customer) and technicians (by id or name) that contain the text. */
function showSearch(text) {
  const list = $('#search-results');
  const q = text.trim().toLowerCase();
  if (!q || !state.plan) { list.hidden = true; clear(list); return; }
  const plan = state.plan;
  const hits = [];
  for (const t of plan.technicians || []) {
    if (`${t.id} ${t.name || ''}`.toLowerCase().includes(q)) {
      hits.push(el('li', {}, el('button', { type: 'button', dataset: { technicianId: t.id }, onclick: () => {
        state.filters.technician = t.id;
        $('#f-technician').value = t.id;
        list.hidden = true;
        renderBoard();
        say(`Showing the routes of ${t.name || t.id} (${t.id}); "Clear filters" shows everyone again.`);
      } }, `Technician ${t.name || t.id} (${t.id})`)));
    }
  }
  for (const v of plan.visits || []) {
    if (`${v.id} ${v.customerName || ''} ${v.address || ''}`.toLowerCase().includes(q)) {
      hits.push(el('li', {}, el('button', { type: 'button', dataset: { visitId: v.id }, onclick: () => {
        list.hidden = true;
        showVisitOnBoard(v.id);
      } }, `Visit ${v.id}${v.customerName ? ' — ' + v.customerName : ''}`)));
    }
  }
  clear(list, ...(hits.length ? hits.slice(0, 12) : [el('li', { class: 'hint' }, 'Nothing found.')]));
  list.hidden = false;
}

/** Shows a visit: its day, no filter hiding it, the map centred on it, and its details. */
function showVisitOnBoard(visitId) {
  const plan = state.plan;
  const route = ((plan.solution || {}).routes || []).find((r) => (r.visitIds || []).includes(visitId));
  const shift = route && (plan.shifts || []).find((s) => s.id === route.shiftId);
  if (shift) state.day = day(shift.start);
  $('#day').value = state.day;
  state.filters = { technician: '', skill: '', priority: '' };
  fillFilters(plan);
  state.selected = visitId;
  renderBoard();
  state.map.focus(visitId);
  explain(visitId);
}

function shiftName(shiftId) {
  const plan = state.plan || {};
  const shift = (plan.shifts || []).find((s) => s.id === shiftId);
  const technician = shift && (plan.technicians || []).find((t) => t.id === shift.technicianId);
  return technician ? `${technician.name || technician.id} (${day(shift.start)})` : shiftId;
}

// ---------- drag a visit: the cost before the drop, MOVE_VISIT with pin on the drop ----------

let previewSeq = 0;

async function previewMove(move) {
  state.hover = move;
  const box = $('#drop-cost');
  if (!move) { box.hidden = true; return; }
  const seq = ++previewSeq;
  showCost(box, move, null, { shift: shiftName });
  try {
    const preview = await api.preview(state.planId, { changes: [{ type: 'MOVE_VISIT', ...move, pin: true }] });
    if (seq === previewSeq) showCost(box, move, preview, { shift: shiftName });
  } catch (e) {
    const v = e instanceof ApiError && (e.problem.violations || [])[0];
    if (seq === previewSeq) showCost(box, move, { error: v ? v.message : e.message }, { shift: shiftName });
  }
}

function dropVisit(move) {
  previewSeq++;
  state.hover = null;
  const box = $('#drop-cost');
  if (!box.hidden && box.dataset.visitId === move.visitId) {
    box.dataset.state = 'dropped';
    box.append(el('span', { class: 'cost-dropped' }, ' — dropped: locking it there and re-planning…'));
  }
  sendChanges({ changes: [{ type: 'MOVE_VISIT', ...move, pin: true }] },
    `Move ${move.visitId} to ${shiftName(move.shiftId)}, stop ${move.position + 1} (locked)`);
}

function lockRoute(shiftId, lock) {
  sendChanges({ changes: [{ type: lock ? 'LOCK_ROUTE' : 'UNLOCK_ROUTE', shiftId }] },
    `${lock ? 'Lock' : 'Unlock'} the route of ${shiftName(shiftId)}`);
}

function renderKpis(solution) {
  const dl = $('#kpis');
  if (!solution || !solution.kpis) {
    clear(dl, el('dt', {}, 'Solution'), el('dd', {}, 'not yet'));
    return;
  }
  showScore(solution.score, solution.feasible);
  const k = solution.kpis;
  const rows = [
    ['Visits assigned', `${k.visitsAssigned}`], ['Unassigned', `${k.visitsUnassigned}`],
    ['Critical unassigned', `${(k.unassignedByPriority || {}).CRITICAL || 0}`],
    ['Travel', duration(k.travelSeconds)], ['Distance', km(k.travelMeters)], ['Service', duration(k.serviceSeconds)],
    ['Waiting', duration(k.waitSeconds)], ['Overtime', duration(k.overtimeSeconds)],
    ['Shifts used', `${k.shiftsUsed} / ${k.shiftsTotal}`],
  ];
  clear(dl, ...rows.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)]));
}

function renderUnassigned(plan) {
  const list = $('#unassigned');
  const unassigned = (plan.solution && plan.solution.unassignedVisits) || [];
  if (unassigned.length === 0) {
    clear(list, el('li', { class: 'hint' }, plan.solution ? 'None.' : 'No solution yet.'));
    return;
  }
  const groups = new Map();
  for (const u of unassigned) {
    if (!groups.has(u.reason || '—')) groups.set(u.reason || '—', []);
    groups.get(u.reason || '—').push(u);
  }
  const visits = new Map((plan.visits || []).map((v) => [v.id, v]));
  clear(list, ...[...groups.entries()].map(([reason, items]) => el('details', { open: true, dataset: { reason } },
    el('summary', {}, `${REASONS[reason] || reason} (${items.length})`),
    el('ul', {}, ...items.map((u) => el('li', { dataset: { visitId: u.visitId } },
      el('button', {
        type: 'button', class: 'link drag-handle', dataset: { dragVisit: u.visitId },
        title: 'Click for details; drag onto a technician\'s row to place it', onclick: () => explain(u.visitId),
      }, u.visitId),
      ` ${(visits.get(u.visitId) || {}).customerName || ''} · ${u.priority || ''}`,
      el('div', { class: 'reason-detail' }, u.detail || '')))))));
}

const REASONS = {
  SKILL: 'Skill: no technician has it', CERTIFICATION: 'Certification missing', TECHNICIAN: 'Technician rules',
  CAPACITY: 'Van capacity', PARTS: 'Parts on the van', TRAVEL_LIMIT: 'Travel limit',
  TIME_WINDOW: 'Time window: no shift at that time', SHIFT_HOURS: 'Shift hours', NO_ROOM: 'No room left in the routes',
};

function levelPart(score, level) {
  const m = new RegExp(`(-?[\\d.]+)${level}`).exec(score || '');
  return m ? m[1] : score;
}

function renderConstraints(solution) {
  const body = $('#constraints tbody');
  const constraints = (solution && solution.constraints) || [];
  const order = { hard: 0, medium: 1, soft: 2 };
  const sorted = [...constraints].sort((a, b) => (order[a.level] - order[b.level]));
  clear(body, ...sorted.flatMap((c) => {
    const value = levelPart(c.score, c.level);
    const nonzero = Number(value) !== 0;
    const shown = c.level === 'soft' && nonzero ? `${(Number(value) / 60000).toFixed(1)} min` : value;
    const detail = el('tr', { class: 'matches', hidden: true, dataset: { matchesOf: c.constraint } },
      el('td', { colspan: 4 }, el('ul', {}, ...(c.matches || []).slice(0, 20).map((m) => el('li', {},
        m.visitId ? `${visitName(m.visitId)}: ` : '', m.shiftId ? `${shiftName(m.shiftId)} — ` : '',
        m.description || '', c.level === 'soft' ? ` (${(scoreParts(m.score).soft / 60000).toFixed(1)} min)` : '')))));
    const count = c.matchCount ? el('button', {
      type: 'button', class: 'link', 'aria-expanded': 'false', onclick: (e) => {
        detail.hidden = !detail.hidden;
        e.target.setAttribute('aria-expanded', String(!detail.hidden));
      },
    }, String(c.matchCount)) : '0';
    return [el('tr', { class: `${nonzero ? 'nonzero' : ''} ${c.level}`, dataset: { constraint: c.constraint } },
      el('td', { title: c.unit || '' }, c.constraint), el('td', {}, c.level),
      el('td', { class: 'num', title: `${c.score} (${c.unit || ''})` }, shown), el('td', { class: 'num' }, count)),
    detail];
  }));
  if (constraints.length === 0) body.append(el('tr', {}, el('td', { colspan: 4, class: 'hint' }, 'No solution yet.')));
}

function visitName(visitId) {
  const visit = ((state.plan || {}).visits || []).find((v) => v.id === visitId);
  return visit && visit.customerName ? `${visit.id} ${visit.customerName}` : visitId;
}

// ---------- explain a visit ----------

function explain(visitId, focusPanel = true) {
  const plan = state.plan;
  if (!plan) return;
  state.selected = visitId;
  const visit = (plan.visits || []).find((v) => v.id === visitId);
  if (!visit) return;
  const solution = plan.solution || {};
  const route = (solution.routes || []).find((r) => (r.visitIds || []).includes(visitId));
  const service = route && (route.steps || []).find((s) => s.type === 'SERVICE' && s.visitId === visitId);
  const technician = route && (plan.technicians || []).find((t) => t.id === route.technicianId);
  const unassigned = (solution.unassignedVisits || []).find((u) => u.visitId === visitId);
  const rows = [
    ['Customer', visit.customerName || '—'],
    ['Priority', visit.priority || 'NORMAL'],
    ['Technician', technician ? `${technician.name || technician.id} (${technician.id})` : unassigned ? 'unassigned' : '—'],
    ['Shift', route ? route.shiftId : '—'],
    ['Arrival', service ? hhmm(service.arrival || service.start) : '—'],
    ['Service', service ? `${hhmm(service.start)}–${hhmm(service.end)} (${duration(service.durationSeconds)})`
      : duration(visit.serviceDurationSeconds)],
    ['Window', (visit.timeWindows || []).map((w) => `${day(w.start)} ${hhmm(w.start)}–${hhmm(w.end)}`).join(', ') || 'any time'],
    ['Skills', Object.entries(visit.requiredSkills || {}).map(([s, l]) => `${s} ≥ ${l}`).join(', ') || 'none'],
    ['Certifications', (visit.requiredCertifications || []).join(', ') || 'none'],
  ];
  if (visit.requiredTechnicianIds && visit.requiredTechnicianIds.length) rows.push(['Required', visit.requiredTechnicianIds.join(', ')]);
  if (visit.crewId) {
    const members = (service && service.crew && service.crew.members)
      || (plan.visits || []).filter((v) => v.crewId === visit.crewId && v.id !== visit.id).map((v) => ({ visitId: v.id }));
    rows.push(['Crew', `${visit.crewId}: with ${members.map((m) => m.visitId + (m.technicianId ? ` (${m.technicianId})` : '')).join(', ')}`]);
  }
  if (visit.after && visit.after.length) {
    rows.push(['After', visit.after.map((a) => `${a.visitId} + ${duration(a.minDelaySeconds || 0)}`
      + (a.maxDelaySeconds != null ? ` (at most ${duration(a.maxDelaySeconds)})` : '')
      + (a.sameTechnician ? ', same technician' : '')).join('; ')]);
  }
  const followers = (plan.visits || []).filter((v) => (v.after || []).some((a) => a.visitId === visit.id)).map((v) => v.id);
  if (followers.length) rows.push(['Followed by', followers.join(', ')]);
  if (visit.parts && Object.keys(visit.parts).length) {
    rows.push(['Parts', Object.entries(visit.parts).map(([part, n]) => `${n} × ${part}`).join(', ')]);
  }
  if (visit.preferredTechnicianIds && visit.preferredTechnicianIds.length) rows.push(['Preferred', visit.preferredTechnicianIds.join(', ')]);
  clear($('#details'),
    el('div', { class: 'details', dataset: { visitId } },
      el('h3', {}, `Visit ${visit.id}`),
      el('dl', {}, ...rows.flatMap(([name, value]) => [el('dt', {}, name), el('dd', { dataset: { field: name.toLowerCase() } }, value)])),
      unassigned ? el('p', { class: 'reason', dataset: { field: 'reason' } },
        el('strong', {}, `Unassigned: ${unassigned.reason || ''}`), el('br'), unassigned.detail || '') : null,
      visit.pin ? el('p', { class: 'hint', dataset: { field: 'locked' } }, `Locked on ${shiftName(visit.pin.shiftId)}, stop ${visit.pin.position + 1}`
        + (visit.pin.start ? ` (started ${hhmm(visit.pin.start)})` : ': re-plans do not move it')) : null,
      document.body.dataset.canDispatch === 'true' ? el('div', { class: 'visit-actions' },
        route && !visit.pin ? el('button', { type: 'button', id: 'lock-visit', onclick: () => sendChanges(
          { changes: [{ type: 'LOCK_VISIT', visitId }] }, `Lock ${visitId}`) }, 'Lock here') : null,
        visit.pin && !visit.pin.start ? el('button', { type: 'button', id: 'unlock-visit', onclick: () => sendChanges(
          { changes: [{ type: 'UNPIN', visitId }] }, `Unlock ${visitId}`) }, 'Unlock') : null,
        el('button', { type: 'button', id: 'where-could-it-go', onclick: () => whereCouldItGo(visitId) },
          unassigned ? 'Where could it go?' : 'Where else could it go?')) : null,
      el('div', { id: 'options', 'aria-live': 'polite' })));
  state.map.select(visitId);
  for (const b of document.querySelectorAll('#timeline button.tl-block')) {
    b.classList.toggle('selected', b.dataset.visitId === visitId);
    b.classList.toggle('crew-linked', !!visit.crewId && b.dataset.crewId === visit.crewId && b.dataset.visitId !== visitId);
  }
  if (focusPanel) showTab('details');
}

/** The recommendations for a visit of the plan, and per shift what stops it (the rule, or the blocker). */
async function whereCouldItGo(visitId) {
  const box = $('#options');
  clear(box, el('p', { class: 'hint' }, 'Looking for places…'));
  try {
    const result = await api.visitOptions(state.planId, visitId);
    const recommendations = (result.recommendations || []).map((r) => el('li', { dataset: { shiftId: r.shiftId, position: r.position } },
      `${shiftName(r.shiftId)}, stop ${r.position + 1}: ${r.feasible ? '' : 'breaks a rule, '}score ${r.scoreDiff} `,
      el('button', { type: 'button', class: 'link', onclick: () => previewMove({ visitId, shiftId: r.shiftId, position: r.position }) }, 'cost'),
      ' ',
      el('button', { type: 'button', class: 'link', onclick: () => dropVisit({ visitId, shiftId: r.shiftId, position: r.position }) }, 'put it there')));
    const shifts = (result.shifts || []).filter((o) => !o.feasible).map((o) => el('li', { dataset: { shiftId: o.shiftId, blocker: o.blocker || '' } },
      el('strong', {}, shiftName(o.shiftId)), ': ',
      o.blocker ? `${o.blocker} — ${o.detail || ''}` : (o.brokenConstraints || []).length
        ? `every place breaks ${o.brokenConstraints.join(', ')} (best: stop ${o.position + 1}, score ${o.scoreDiff})`
        : 'no place found'));
    clear(box, el('h4', {}, 'Where it could go'),
      recommendations.length ? el('ol', { class: 'options' }, ...recommendations) : el('p', { class: 'hint' }, 'Nowhere without breaking a rule.'),
      shifts.length ? el('h4', {}, 'Why not the others') : null,
      shifts.length ? el('ul', { class: 'why-not' }, ...shifts) : null);
  } catch (e) {
    clear(box, el('p', { class: 'error-box' }, `Could not look: ${e.message}`));
  }
}

// ---------- solving: buttons and events ----------

async function newDemo(event) {
  event.preventDefault();
  const form = {
    technicians: $('#demo-technicians').value, visits: $('#demo-visits').value,
    days: $('#demo-days').value, seconds: $('#demo-seconds').value,
  };
  say('Creating a demo plan…');
  try {
    const created = await api.demo(form);
    await loadPlans();
    await selectPlan(created.id);
  } catch (e) { failed('New demo', e); }
}

async function solveAgain() {
  try {
    const status = await api.solve(state.planId);
    showStatus(status);
    loadPlans();
    followIfActive();
  } catch (e) { failed('Solve', e); }
}

async function stop() {
  try {
    showStatus(await api.stop(state.planId));
  } catch (e) { failed('Stop', e); }
}

function followIfActive() {
  if (!state.status || !ACTIVE.has(state.status.status) || state.events) return;
  const id = state.planId;
  const source = new EventSource(api.eventsUrl(id));
  state.events = source;
  source.addEventListener('status', (e) => {
    const data = JSON.parse(e.data);
    if (id !== state.planId) return;
    showStatus({ ...state.status, ...data, planId: id });
    if (!ACTIVE.has(data.status)) {
      closeEvents();
      refreshPlan().catch((err) => failed('Loading the plan', err));
      loadPlans().catch(() => {});
    }
  });
  source.addEventListener('best-score', (e) => {
    const data = JSON.parse(e.data);
    if (id !== state.planId) return;
    showScore(data.score, data.feasible);
    say(`${state.status.name || id}: SOLVING — best score ${data.score} after ${(data.elapsedMillis / 1000).toFixed(1)} s`);
    scheduleRefresh();
  });
  source.addEventListener('error', () => {
    // the stream ended (the run is over) or the connection broke: look at the status once, no reconnect loop
    closeEvents();
    if (id !== state.planId) return;
    refreshStatus().then((status) => {
      if (ACTIVE.has(status.status)) setTimeout(followIfActive, REFRESH_MS);
      else return refreshPlan().then(() => loadPlans());
    }).catch((err) => failed('Status', err));
  });
}

function scheduleRefresh() {
  if (state.refreshTimer) return;
  const wait = Math.max(0, REFRESH_MS - (Date.now() - state.lastFetch));
  state.refreshTimer = setTimeout(() => {
    state.refreshTimer = null;
    refreshPlan().catch((err) => failed('Loading the plan', err));
  }, wait);
}

function closeEvents() {
  if (state.events) state.events.close();
  state.events = null;
  if (state.refreshTimer) clearTimeout(state.refreshTimer);
  state.refreshTimer = null;
}

// ---------- live changes ----------

function planOffset(plan) {
  const shift = (plan.shifts || [])[0];
  return shift ? shift.start.slice(19) : 'Z';
}

/** a datetime-local value ("2026-11-24T10:30") in the plan's offset -> ISO with offset */
function withOffset(local, offset) {
  return `${local.length === 16 ? local + ':00' : local}${offset}`;
}

function fillForms(plan) {
  const skills = new Set();
  (plan.technicians || []).forEach((t) => Object.keys(t.skills || {}).forEach((s) => skills.add(s)));
  const skillSelect = $('#em-skill');
  const chosenSkill = skillSelect.value;
  clear(skillSelect, el('option', { value: '' }, 'none'),
    ...[...skills].sort().map((s) => el('option', { value: s, selected: s === chosenSkill }, s)));
  const technicianOptions = (chosen) => (plan.technicians || []).map((t) =>
    el('option', { value: t.id, selected: t.id === chosen }, `${t.name || t.id} (${t.id})`));
  const un = $('#un-technician');
  clear(un, ...technicianOptions(un.value));
  const fewer = $('#wi-fewer-technician');
  const named = new Set();
  (plan.visits || []).forEach((v) => [v.requiredTechnicianIds, v.preferredTechnicianIds, v.excludedTechnicianIds]
    .forEach((ids) => (ids || []).forEach((id) => named.add(id))));
  const free = (plan.technicians || []).filter((t) => !named.has(t.id));
  const defaultFewer = fewer.value || (free.length ? free[free.length - 1].id : ((plan.technicians || []).slice(-1)[0] || {}).id);
  clear(fewer, ...technicianOptions(defaultFewer));
  const from = $('#un-from');
  if (!from.value) {
    // now, in the plan's time, if the plan's day is today; otherwise mid-morning of the chosen day
    const offset = planOffset(plan);
    const nowLocal = new Date(Date.now() + offsetMillis(offset)).toISOString().slice(0, 16);
    from.value = state.day && nowLocal.slice(0, 10) === state.day ? nowLocal : `${state.day || nowLocal.slice(0, 10)}T11:00`;
  }
}

function pick(latLng) {
  state.pick = latLng;
  $('#em-lat').value = latLng.lat.toFixed(5);
  $('#em-lon').value = latLng.lng.toFixed(5);
  state.map.showPick(latLng);
  showTab('changes');
  say(`Emergency visit placed at ${latLng.lat.toFixed(4)}, ${latLng.lng.toFixed(4)}: fill in the form and add it.`);
}

async function sendChanges(request, what) {
  clear($('#moved'), el('p', { class: 'hint' }, `${what}: sending…`));
  say(`${what}…`);
  try {
    const result = await api.changes(state.planId, request);
    state.change = result && result.changeId ? { planId: state.planId, changeId: result.changeId, what } : null;
    showMoved(what, result);
    say(`${what}: done`);
    $('#drop-cost').hidden = true;
    state.map.showPick(null);
    await refreshStatus();
    await refreshPlan();
    followIfActive();
    loadPlans().catch(() => {});
  } catch (e) {
    const problem = e instanceof ApiError ? e.problem : {};
    const hint = e.status === 404 || e.status === 405 ? ' — this service has no live-changes endpoint yet' : '';
    clear($('#moved'), el('div', { class: 'error-box', role: 'alert' },
      el('p', {}, `${what} refused: ${e.message}${hint}`),
      el('ul', {}, ...(problem.violations || []).map((v) => el('li', {}, `${v.path || ''}${v.entityId ? ' (' + v.entityId + ')' : ''}: ${v.message}`)))),
      offPlace(request, problem.violations || []));
    failed(what, e);
  }
}

/** The "what moved" summary of a change response, wherever the service puts it. */
function showMoved(what, result) {
  const holder = ['diff', 'moved', 'summary', 'result', 'changes'].map((k) => result && result[k])
    .find((v) => v && typeof v === 'object' && !Array.isArray(v)) || result || {};
  const groups = [['reassigned', 'Reassigned'], ['timesShifted', 'Times shifted'], ['unassigned', 'Unassigned']];
  const provisional = !result || result.provisional !== false;
  const parts = [el('h3', {}, `${what}: what moved`)];
  if (result && result.mode) parts.push(el('p', { class: 'hint', dataset: { mode: result.mode } }, `Re-planning: ${result.mode}, run ${result.run}`));
  if (result && result.state === 'FAILED') {
    parts.push(el('div', { class: 'error-box', role: 'alert' }, el('p', {}, `Not applied: ${result.reason || ''}`),
      el('ul', {}, ...(result.violations || []).map((v) => el('li', {}, `${v.path || ''}${v.entityId ? ' (' + v.entityId + ')' : ''}: ${v.message}`)))));
  }
  if (result && result.pending) parts.push(el('p', { class: 'hint' }, 'No new best plan yet: the map follows the solver.'));
  if (result && result.changeId) {
    parts.push(el('p', { class: 'hint', dataset: { provisional: String(provisional) } }, provisional
      ? `Provisional: the solver is still improving the plan${result.score ? ` (now ${result.score})` : ''}; this list follows it.`
      : `Final: the re-plan ended${result.score ? ` at ${result.score}` : ''}.`));
  }
  for (const [key, title] of groups) {
    const items = Array.isArray(holder[key]) ? holder[key] : [];
    parts.push(el('p', { dataset: { moved: key } }, `${title}: ${items.length}`));
    if (items.length) parts.push(el('ul', {}, ...items.slice(0, 30).map((item) => el('li', {}, describe(item)))));
  }
  clear($('#moved'), ...parts);
}

function describe(item) {
  if (item === null || typeof item !== 'object') return String(item);
  const id = item.visitId || item.id || '';
  const rest = Object.entries(item).filter(([k, v]) => k !== 'visitId' && k !== 'id' && v !== null && typeof v !== 'object')
    .map(([k, v]) => `${k} ${typeof v === 'string' && /T\d\d:\d\d/.test(v) ? hhmm(v) : v}`);
  return `${id}${rest.length ? ': ' + rest.join(', ') : ''}`;
}

/**
 * A new visit refused for its position (off the road network: a click on a map without tiles lands anywhere):
 * offer the nearest point of the road network (GET /api/road/nearest), and say so; without a road graph, the
 * nearest place the plan already reaches (a visit or a home base); or typed coordinates.
 */
function offPlace(request, violations) {
  const add = (request.changes || []).find((c) => c.type === 'ADD_VISIT');
  if (!add || !violations.some((v) => /location|road/.test(`${v.path} ${v.message}`))) return null;
  const at = add.visit.location;
  const box = el('div', { class: 'snap-offer', id: 'snap-offer' }, el('p', { class: 'hint' }, 'Looking for the nearest road…'));
  const offer = (loc, what, meters) => clear(box,
    el('p', {}, `That point is off the road network (the map shows no roads without tiles). ${what}, ${Math.round(meters)} m away.`),
    el('button', { type: 'button', id: 'snap-retry', onclick: () => {
      $('#em-lat').value = loc.lat.toFixed(5);
      $('#em-lon').value = loc.lon.toFixed(5);
      state.map.showPick({ lat: loc.lat, lng: loc.lon });
      const visit = { ...add.visit, id: `${add.visit.id}-R`, location: { lat: loc.lat, lon: loc.lon } };
      state.lastEmergency = visit.id;
      document.body.dataset.lastEmergency = visit.id;
      sendChanges({ ...request, changes: [{ type: 'ADD_VISIT', visit }] },
        `Emergency visit ${visit.id}, moved ${Math.round(meters)} m onto the road`);
    } }, `Place it there (${Math.round(meters)} m away)`),
    el('p', { class: 'hint' }, 'Or type its latitude and longitude in the form and add it again.'));
  api.nearestRoad(at.lat, at.lon).then((road) => offer({ lat: road.lat, lon: road.lon }, 'The nearest road is', road.snapMeters))
    .catch(() => {
      let best = null;
      const consider = (what, loc) => {
        if (!loc || loc.lat === undefined) return;
        const meters = distanceMeters(at, loc);
        if (!best || meters < best.meters) best = { what, loc, meters };
      };
      (state.plan.visits || []).forEach((v) => consider(`visit ${v.id}`, v.location));
      (state.plan.technicians || []).forEach((t) => consider(`the home base of ${t.name || t.id}`, t.home));
      if (best) offer(best.loc, `The nearest place the plan reaches by road is ${best.what}`, best.meters);
      else clear(box, el('p', { class: 'hint' }, 'Type its latitude and longitude in the form and add it again.'));
    });
  return box;
}

function distanceMeters(a, b) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371000 * Math.asin(Math.sqrt(h));
}

function addEmergency(event) {
  event.preventDefault();
  const lat = Number($('#em-lat').value);
  const lon = Number($('#em-lon').value);
  if (!$('#em-lat').value || !$('#em-lon').value || Number.isNaN(lat) || Number.isNaN(lon)) {
    say('Place the emergency visit on the map first (or type its position).', true);
    return;
  }
  const skill = $('#em-skill').value;
  const visit = {
    id: `EM-${Date.now().toString(36).toUpperCase()}`, customerName: 'Emergency call',
    location: { lat, lon }, serviceDurationSeconds: Math.round(Number($('#em-duration').value) * 60),
    priority: $('#em-priority').value,
  };
  if (skill) visit.requiredSkills = { [skill]: Number($('#em-level').value) || 1 };
  state.lastEmergency = visit.id;
  document.body.dataset.lastEmergency = visit.id;
  sendChanges({ changes: [{ type: 'ADD_VISIT', visit }] }, `Emergency visit ${visit.id}`);
}

/** The new visit of the appointment form: where the emergency form places it, with its duration and skill. */
function appointmentVisit() {
  const lat = Number($('#em-lat').value);
  const lon = Number($('#em-lon').value);
  if (!$('#em-lat').value || !$('#em-lon').value || Number.isNaN(lat) || Number.isNaN(lon)) return null;
  const visit = {
    id: `APPT-${Date.now().toString(36).toUpperCase()}`, customerName: 'Appointment',
    location: { lat, lon }, serviceDurationSeconds: Math.round(Number($('#em-duration').value) * 60),
  };
  const skill = $('#em-skill').value;
  if (skill) visit.requiredSkills = { [skill]: Number($('#em-level').value) || 1 };
  return visit;
}

async function findSlots(event) {
  event.preventDefault();
  if (!state.planId) return;
  const visit = appointmentVisit();
  if (!visit) {
    say('Place the visit on the map first (or type its position).', true);
    return;
  }
  const request = { visit, days: Number($('#ap-days').value) || 1, slotMinutes: Number($('#ap-minutes').value) || 120 };
  try {
    const offers = await api.appointments(state.planId, request);
    const list = $('#ap-slots');
    clear(list, ...(offers.slots || []).map((slot) => {
      const when = `${day(slot.start)} ${hhmm(slot.start)}–${hhmm(slot.end)}`;
      const item = el('li', { dataset: { feasible: String(!!slot.feasible), start: slot.start } },
        slot.feasible
          ? `${when}: ${slot.technicianId}, arrives ${hhmm(slot.arrival)}, ${slot.scoreDiff} `
          : `${when}: not possible (${slot.reason})`);
      if (slot.feasible) {
        item.append(el('button', {
          type: 'button', class: 'book', onclick: () => bookSlot(visit, { start: slot.start, end: slot.end }),
        }, 'Book'));
      }
      return item;
    }));
    say(`${offers.feasibleSlots} of ${(offers.slots || []).length} slots possible for ${visit.id}.`);
  } catch (e) {
    failed('Finding slots', e);
  }
}

async function bookSlot(visit, slot) {
  try {
    await api.book(state.planId, { visit, slot });
    document.body.dataset.lastBooked = visit.id;
    say(`Booked ${visit.id} for ${hhmm(slot.start)}–${hhmm(slot.end)}; re-planning.`);
    clear($('#ap-slots'));
    await refreshPlan();
  } catch (e) {
    failed('Booking the slot', e);
  }
}

function markUnavailable(event) {
  event.preventDefault();
  const technicianId = $('#un-technician').value;
  const from = $('#un-from').value;
  if (!technicianId || !from) return;
  const at = withOffset(from, planOffset(state.plan));
  sendChanges({ now: at, changes: [{ type: 'TECHNICIAN_UNAVAILABLE', technicianId, from: at }] },
    `${technicianId} unavailable from ${hhmm(at)}`);
}

// ---------- what-if ----------

const LOWER_IS_BETTER = new Set(['visitsUnassigned', 'critical', 'travelSeconds', 'travelMeters', 'overtimeSeconds',
  'waitSeconds', 'shiftsUsed']);

async function runWhatIf(event) {
  event.preventDefault();
  const plan = state.plan;
  if (!plan) return;
  const timeLimit = `PT${Math.max(1, Number($('#wi-seconds').value) || 3)}S`;
  const variants = [];
  if ($('#wi-base').checked) variants.push({ name: 'as planned', timeLimit });
  if ($('#wi-fewer').checked && $('#wi-fewer-technician').value) {
    const id = $('#wi-fewer-technician').value;
    variants.push({ name: `without ${id}`, removeTechnicianIds: [id], timeLimit });
  }
  if ($('#wi-travel').checked) {
    const weights = {};
    for (const c of (plan.solution && plan.solution.constraints) || []) {
      if (c.level === 'soft' && c.constraint !== 'travelTime' && c.weight > 0) weights[c.constraint] = c.weight * 2;
    }
    if (Object.keys(weights).length === 0) Object.assign(weights, { overtime: 2, preferredTechnician: 1200000,
      highPriorityLateness: 2, workloadBalance: 2000, overQualified: 120000 });
    variants.push({ name: 'travel weighs less', constraintWeights: weights, timeLimit });
  }
  if (variants.length === 0) { say('Choose at least one variant.', true); return; }
  const button = $('#wi-run');
  button.disabled = true;
  clear($('#whatif-result'), el('p', { class: 'hint' }, `Queued ${variants.length} variant(s) as plans of their own, about ${variants.length * parseInt(timeLimit.slice(2), 10)} s of solving…`));
  say('What-if: the variants are queued…');
  try {
    let result = await api.whatIf(state.planId, { variants });
    // the variants are solved in the solver slots like any plan; follow them (bounded: 10 minutes)
    for (let polls = 0; !result.done && polls < 600; polls++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      result = await api.whatIfResult(state.planId, result.whatIfId);
      say(`What-if: ${(result.variants || []).filter((v) => !['QUEUED', 'SOLVING'].includes(v.status)).length} of ${(result.variants || []).length} variant(s) done…`);
    }
    showWhatIf(result.variants || []);
    say(result.done ? 'What-if: done' : 'What-if: still solving; see the plans list');
  } catch (e) {
    clear($('#whatif-result'), el('p', { class: 'error-box', role: 'alert' }, `What-if failed: ${e.message}`));
    failed('What-if', e);
  } finally {
    button.disabled = false;
  }
}

function showWhatIf(results) {
  const rows = [
    ['status', 'Status', (r) => r.status],
    ['score', 'Score', (r) => r.score || `${(r.violations || []).length} problem(s)`],
    ['visitsAssigned', 'Visits assigned', (r) => r.kpis && r.kpis.visitsAssigned],
    ['visitsUnassigned', 'Unassigned', (r) => r.kpis && r.kpis.visitsUnassigned],
    ['critical', 'Critical unassigned', (r) => r.kpis && ((r.kpis.unassignedByPriority || {}).CRITICAL || 0)],
    ['travelSeconds', 'Travel', (r) => r.kpis && r.kpis.travelSeconds, duration],
    ['travelMeters', 'Distance', (r) => r.kpis && r.kpis.travelMeters, km],
    ['overtimeSeconds', 'Overtime', (r) => r.kpis && r.kpis.overtimeSeconds, duration],
    ['waitSeconds', 'Waiting', (r) => r.kpis && r.kpis.waitSeconds, duration],
    ['shiftsUsed', 'Shifts used', (r) => r.kpis && r.kpis.shiftsUsed],
  ];
  const table = el('table', { id: 'whatif-table', class: 'whatif' },
    el('caption', { class: 'hint' }, 'KPIs side by side (best value highlighted)'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'KPI'),
      ...results.map((r) => el('th', { scope: 'col', class: 'num' }, r.name)))),
    el('tbody', {}, ...rows.map(([key, title, get, format]) => {
      const values = results.map(get);
      const numbers = values.filter((v) => typeof v === 'number');
      const best = numbers.length > 1 ? (LOWER_IS_BETTER.has(key) ? Math.min(...numbers)
        : key === 'visitsAssigned' ? Math.max(...numbers) : null) : null;
      return el('tr', { dataset: { kpi: key } }, el('th', { scope: 'row' }, title),
        ...values.map((v) => el('td', { class: `num${best !== null && v === best ? ' best' : ''}` },
          v === undefined || v === null ? '—' : format ? format(v) : String(v))));
    })));
  const invalid = results.filter((r) => r.status === 'INVALID');
  const csvRows = [['KPI', ...results.map((r) => r.name)], ...rows.map(([key, title, get]) => [title,
    ...results.map((r) => { const v = get(r); return v === undefined || v === null ? '' : String(v); })])];
  const csv = csvRows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  const link = el('a', {
    id: 'whatif-csv', class: 'button-link', download: `what-if-${state.planId}.csv`,
    href: `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`,
  }, 'Export CSV');
  clear($('#whatif-result'), el('div', { class: 'table-scroll' }, table), link,
    el('p', { class: 'hint' }, 'The CSV has the raw values: seconds and meters.'),
    ...invalid.map((r) => el('p', { class: 'error-box' },
      `${r.name}: ${(r.violations || []).map((v) => v.message).join('; ')}`)));
}

function csvCell(value) {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// ---------- tabs ----------

const TABS = ['details', 'score', 'changes', 'whatif'];

function showTab(name, focus = false) {
  for (const tab of TABS) {
    const selected = tab === name;
    const button = $(`#tab-${tab}`);
    button.setAttribute('aria-selected', String(selected));
    button.tabIndex = selected ? 0 : -1;
    $(`#panel-${tab}`).hidden = !selected;
    if (selected && focus) button.focus();
  }
}

function wireTabs() {
  TABS.forEach((tab, i) => {
    const button = $(`#tab-${tab}`);
    button.addEventListener('click', () => showTab(tab));
    button.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
        showTab(next, true);
        e.preventDefault();
      }
    });
  });
}

// ---------- sign-in: who is this, and what may he do ----------

/** Shows only what the caller's role may do (elements with data-needs="dispatcher" and so on). */
function applyRoles(me) {
  for (const node of document.querySelectorAll('[data-needs]')) node.hidden = !me.roles.includes(node.dataset.needs);
  document.body.dataset.roles = me.roles.join(' ');
  document.body.dataset.canDispatch = String(me.roles.includes('dispatcher'));
  const signedIn = me.via !== 'none';
  $('#whoami').hidden = !signedIn;
  $('#whoami-name').textContent = signedIn ? `${me.name} (${me.roles.join(', ')})` : '';
}

/** Resolves with /api/me once the caller is signed in (at once when no sign-in is needed or a key is kept). */
async function signIn() {
  $('#signout').addEventListener('click', () => { credential.clear(); location.reload(); });
  for (;;) {
    try {
      const me = await api.me();
      $('#signin-form').hidden = true;
      return me;
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e;
      if (credential.get()) say('That key or token is not valid (unknown, revoked or expired).', true);
      else say('Sign in with an API key or a token.');
      credential.clear();
      $('#signin-form').hidden = false;
      $('#signin-credential').focus();
      await new Promise((resolve) => {
        $('#signin-form').addEventListener('submit', (event) => {
          event.preventDefault();
          credential.set($('#signin-credential').value.trim());
          $('#signin-credential').value = '';
          resolve();
        }, { once: true });
      });
    }
  }
}

// ---------- start ----------

async function start() {
  let me;
  try { me = await signIn(); } catch (e) { failed('Signing in', e); return; }
  applyRoles(me);
  if (!me.roles.includes('viewer')) {
    say(`Signed in as ${me.name}: this role has no plans to show in the console.`);
    document.body.dataset.ready = 'true';
    return;
  }
  wireTabs();
  $('#demo-form').addEventListener('submit', newDemo);
  $('#solve').addEventListener('click', solveAgain);
  $('#stop').addEventListener('click', stop);
  $('#emergency-form').addEventListener('submit', addEmergency);
  $('#appointment-form').addEventListener('submit', findSlots);
  $('#unavailable-form').addEventListener('submit', markUnavailable);
  $('#whatif-form').addEventListener('submit', runWhatIf);
  wireFilters();
  new VisitDrag({ onHover: previewMove, onDrop: dropVisit, onEnd: () => {} });
  let config = { tileUrl: '' };
  try { config = await api.config(); } catch (e) { failed('Console settings', e); }
  state.map = new PlanMap($('#map'), config, { onVisit: explain, onPick: pick });
  try {
    const plans = await loadPlans();
    const fromHash = /plan=([^&]+)/.exec(location.hash);
    const wanted = fromHash ? decodeURIComponent(fromHash[1]) : null;
    const first = plans.find((p) => p.id === wanted) || plans[0];
    if (first) await selectPlan(first.id);
    else say('No plans yet: start a demo.');
  } catch (e) { failed('Loading the plans', e); }
  document.body.dataset.ready = 'true';
}

start();
