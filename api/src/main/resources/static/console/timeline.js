// A light per-technician timeline (no library): one row per shift of the chosen day, with the shift span, travel,
// wait, break and service blocks from solution.routes[].steps, overtime hatched, CRITICAL visits marked "!", the visits
// of a crew linked (a dashed outline, the crew in the tooltip, and a click on one marks every visit of its crew).
import { el, clear, hhmm, duration } from './dom.js';

const ms = (iso) => Date.parse(iso);

/**
 * opts: { showShift(shift) -> bool (technician filter), showVisit(visit) -> bool (others are dimmed),
 *         onLockRoute(shiftId, lock) (null: no lock buttons) }
 */
export function renderTimeline(container, plan, dayIso, colourOf, onVisit, selectedId, opts = {}) {
  const solution = plan.solution || {};
  const showShift = opts.showShift || (() => true);
  const showVisit = opts.showVisit || (() => true);
  const shifts = (plan.shifts || []).filter((s) => s.start && s.start.slice(0, 10) === dayIso && showShift(s));
  if (shifts.length === 0) {
    clear(container, el('p', { class: 'hint' }, 'No shifts on this day.'));
    return;
  }
  const routes = new Map((solution.routes || []).map((r) => [r.shiftId, r]));
  const visits = new Map((plan.visits || []).map((v) => [v.id, v]));
  const technicians = new Map((plan.technicians || []).map((t) => [t.id, t]));
  let t0 = Infinity;
  let t1 = -Infinity;
  for (const shift of shifts) {
    t0 = Math.min(t0, ms(shift.start));
    t1 = Math.max(t1, ms(shift.end) + 1000 * (shift.maxOvertimeSeconds || 0));
    const route = routes.get(shift.id);
    if (route && route.end) t1 = Math.max(t1, ms(route.end));
    if (route && route.start) t0 = Math.min(t0, ms(route.start));
  }
  t0 = Math.floor(t0 / 3600000) * 3600000;
  t1 = Math.ceil(t1 / 3600000) * 3600000;
  const span = Math.max(t1 - t0, 1);
  const pct = (t) => `${((t - t0) / span) * 100}%`;
  const width = (a, b) => `${(Math.max(b - a, 0) / span) * 100}%`;

  const ticks = el('div', { class: 'tl-ticks', 'aria-hidden': 'true' });
  const offset = shifts[0].start.slice(19); // "+01:00": label hours in the plan's own time
  for (let t = t0; t < t1; t += 3600000) {
    const local = new Date(t + offsetMillis(offset));
    ticks.append(el('span', { class: 'tl-tick', style: { left: pct(t) } },
      `${String(local.getUTCHours()).padStart(2, '0')}:00`));
  }
  const rows = [el('div', { class: 'tl-axis' }, el('span', { class: 'tl-label' }, ''), ticks)];

  shifts.sort((a, b) => (a.technicianId || '').localeCompare(b.technicianId || '') || ms(a.start) - ms(b.start));
  for (const shift of shifts) {
    const technician = technicians.get(shift.technicianId) || { id: shift.technicianId };
    const route = routes.get(shift.id);
    const track = el('div', { class: 'tl-track', dataset: { shiftId: shift.id, startMs: String(t0), spanMs: String(span) } });
    track.append(el('div', {
      class: 'tl-shift', style: { left: pct(ms(shift.start)), width: width(ms(shift.start), ms(shift.end)) },
      title: `Shift ${shift.id}: ${hhmm(shift.start)}–${hhmm(shift.end)}`,
    }));
    if (route && route.end && ms(route.end) > ms(shift.end)) {
      track.append(el('div', {
        class: 'tl-overtime', style: { left: pct(ms(shift.end)), width: width(ms(shift.end), ms(route.end)) },
        title: `Overtime: ${duration((ms(route.end) - ms(shift.end)) / 1000)} after the shift end ${hhmm(shift.end)}`,
        dataset: { overtime: shift.id },
      }));
    }
    for (const step of (route && route.steps) || []) {
      if (!step.start || !step.end) continue;
      const style = { left: pct(ms(step.start)), width: width(ms(step.start), ms(step.end)) };
      const times = `${hhmm(step.start)}–${hhmm(step.end)}`;
      if (step.type === 'SERVICE') {
        const visit = visits.get(step.visitId) || { id: step.visitId };
        const critical = visit.priority === 'CRITICAL';
        const locked = !!(visit.pin && visit.pin.shiftId === shift.id);
        const crew = step.crew;
        const label = `Visit ${visit.id}${visit.customerName ? ' ' + visit.customerName : ''}, ${times}`
          + (critical ? ', critical' : '') + (locked ? ', locked' : '')
          + (crew ? `, crew ${crew.crewId} with ${(crew.members || []).map((m) => `${m.visitId} (${m.technicianId || 'unassigned'})`).join(', ')}` : '');
        const data = {
          visitId: visit.id, shiftId: shift.id, dragVisit: visit.id,
          midMs: String((ms(step.start) + ms(step.end)) / 2),
        };
        if (crew) data.crewId = crew.crewId;
        const block = el('button', {
          type: 'button', class: `tl-block step-SERVICE${critical ? ' critical' : ''}${locked ? ' locked' : ''}`
            + `${crew ? ' crew' : ''}`
            + (visit.id === selectedId ? ' selected' : '') + (showVisit(visit) ? '' : ' dimmed'),
          style: { ...style, background: colourOf(shift.technicianId) }, title: label, 'aria-label': label,
          dataset: data,
        });
        block.addEventListener('click', () => onVisit(visit.id));
        track.append(block);
      } else {
        const what = step.type.toLowerCase();
        track.append(el('div', {
          class: `tl-block step-${step.type}`, style,
          title: `${what} ${times}${step.visitId ? ' (to ' + step.visitId + ')' : ''}`,
        }));
      }
    }
    const name = technician.name || technician.id;
    const routeIds = (route && route.visitIds) || [];
    const lockedAll = routeIds.length > 0 && routeIds.every((id) => {
      const v = visits.get(id);
      return v && v.pin && v.pin.shiftId === shift.id;
    });
    const lockButton = opts.onLockRoute && routeIds.length ? el('button', {
      type: 'button', class: `tl-lock${lockedAll ? ' on' : ''}`, 'aria-pressed': String(lockedAll),
      title: lockedAll ? `Unlock the route of ${name}: re-plans may move its visits again`
        : `Lock the route of ${name}: re-plans never move its visits`,
      'aria-label': `${lockedAll ? 'Unlock' : 'Lock'} the route of ${name}`,
      dataset: { lockShift: shift.id }, onclick: () => opts.onLockRoute(shift.id, !lockedAll),
    }, lockedAll ? 'unlock' : 'lock') : null;
    rows.push(el('div', { class: 'tl-row', dataset: { shiftId: shift.id, technicianId: shift.technicianId } },
      el('span', { class: 'tl-label', title: `${name} — shift ${shift.id}` },
        el('span', { class: 'sw', style: { background: colourOf(shift.technicianId) } }), lockButton, name),
      track));
  }
  clear(container, ...rows);
}

function offsetMillis(offset) {
  const m = /^([+-])(\d\d):(\d\d)$/.exec(offset || '');
  if (!m) return 0;
  const sign = m[1] === '-' ? -1 : 1;
  return sign * (Number(m[2]) * 60 + Number(m[3])) * 60000;
}
export { offsetMillis };
