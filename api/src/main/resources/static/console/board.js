// The dispatch board: drag a visit (a timeline block, or an unassigned visit) onto a technician's timeline row;
// while it hovers, the cost of putting it there is asked for (POST .../changes/preview) and shown; on drop the
// caller sends MOVE_VISIT with pin: true. Pointer events (not HTML5 drag and drop): they work with a mouse, a pen
// and a touch screen alike, and a click without a move stays a click.
import { el, clear, hhmm } from './dom.js';

const THRESHOLD_PX = 5;
const PREVIEW_DELAY_MS = 120;

/**
 * Where on a timeline track a pointer is: the shift, and the position in its route (without the dragged visit)
 * the time under the pointer falls at. null when the pointer is not over a track.
 */
export function dropTarget(x, y, visitId) {
  const under = document.elementFromPoint(x, y);
  const track = under && under.closest('.tl-track[data-shift-id]');
  if (!track) return null;
  const rect = track.getBoundingClientRect();
  const t0 = Number(track.dataset.startMs);
  const span = Number(track.dataset.spanMs);
  const time = t0 + ((x - rect.left) / Math.max(rect.width, 1)) * span;
  let position = 0;
  for (const block of track.querySelectorAll('button.tl-block[data-visit-id]')) {
    if (block.dataset.visitId === visitId) continue;
    if (Number(block.dataset.midMs) < time) position++;
  }
  return { shiftId: track.dataset.shiftId, position, x: x - rect.left, track };
}

export class VisitDrag {
  /**
   * @param onHover ({visitId, shiftId, position}) => void, called (debounced) when the target changes
   * @param onDrop  ({visitId, shiftId, position}) => void
   * @param onEnd   () => void, after a drop or a cancel
   */
  constructor({ onHover, onDrop, onEnd }) {
    this.onHover = onHover;
    this.onDrop = onDrop;
    this.onEnd = onEnd;
    this.drag = null;
    document.addEventListener('pointerdown', (e) => this.down(e));
    window.addEventListener('pointermove', (e) => this.move(e));
    window.addEventListener('pointerup', (e) => this.up(e));
    window.addEventListener('keydown', (e) => { if (e.key === 'Escape' && this.drag) this.cancel(); });
  }

  down(e) {
    if (e.button !== 0) return;
    const source = e.target.closest && e.target.closest('[data-drag-visit]');
    if (!source || document.body.dataset.canDispatch !== 'true') return;
    this.drag = { visitId: source.dataset.dragVisit, x: e.clientX, y: e.clientY, started: false, target: null, timer: null };
  }

  move(e) {
    const drag = this.drag;
    if (!drag) return;
    if (!drag.started) {
      if (Math.hypot(e.clientX - drag.x, e.clientY - drag.y) < THRESHOLD_PX) return;
      drag.started = true;
      drag.ghost = el('div', { class: 'drag-ghost', 'aria-hidden': 'true' }, `Visit ${drag.visitId}`);
      document.body.append(drag.ghost);
      document.body.classList.add('dragging');
      document.body.dataset.dragging = drag.visitId;
    }
    e.preventDefault();
    drag.ghost.style.left = `${e.clientX + 12}px`;
    drag.ghost.style.top = `${e.clientY + 12}px`;
    const target = dropTarget(e.clientX, e.clientY, drag.visitId);
    this.mark(target);
    const same = target && drag.target && target.shiftId === drag.target.shiftId && target.position === drag.target.position;
    if (same || (!target && !drag.target)) return;
    drag.target = target;
    clearTimeout(drag.timer);
    if (target) {
      const move = { visitId: drag.visitId, shiftId: target.shiftId, position: target.position };
      drag.timer = setTimeout(() => { if (this.drag === drag) this.onHover(move); }, PREVIEW_DELAY_MS);
    } else {
      this.onHover(null);
    }
  }

  /** The insertion line on the track under the pointer. */
  mark(target) {
    for (const line of document.querySelectorAll('.tl-insert')) line.remove();
    for (const row of document.querySelectorAll('.tl-row.drop-over')) row.classList.remove('drop-over');
    if (!target) return;
    target.track.closest('.tl-row').classList.add('drop-over');
    target.track.append(el('div', { class: 'tl-insert', style: { left: `${target.x}px` } }));
  }

  up(e) {
    const drag = this.drag;
    if (!drag) return;
    if (!drag.started) { this.drag = null; return; }
    const target = dropTarget(e.clientX, e.clientY, drag.visitId);
    // the click that follows a drag is not a click on the block
    window.addEventListener('click', (c) => { c.stopPropagation(); c.preventDefault(); }, { capture: true, once: true });
    setTimeout(() => this.finish(), 0);
    if (target) this.onDrop({ visitId: drag.visitId, shiftId: target.shiftId, position: target.position });
  }

  cancel() {
    this.finish();
  }

  finish() {
    const drag = this.drag;
    this.drag = null;
    if (!drag) return;
    clearTimeout(drag.timer);
    if (drag.ghost) drag.ghost.remove();
    this.mark(null);
    document.body.classList.remove('dragging');
    delete document.body.dataset.dragging;
    this.onEnd();
  }
}

/** "0hard/-10medium/-5400000soft" -> { hard: 0, medium: -10, soft: -5400000 } */
export function scoreParts(score) {
  const parts = { hard: 0, medium: 0, soft: 0 };
  for (const m of String(score || '').matchAll(/(-?[\d.]+)(hard|medium|soft)/g)) parts[m[2]] = Number(m[1]);
  return parts;
}

/** A score for people: each level on its own, soft also as minutes of travel (its unit is a millisecond). */
export function scoreText(score) {
  if (!score) return '—';
  const p = scoreParts(score);
  const minutes = p.soft / 60000;
  return `${p.hard} hard · ${p.medium} medium · ${p.soft} soft (${minutes >= 0 ? '+' : ''}${minutes.toFixed(1)} min)`;
}

/** A score that wraps only between its levels ("0hard/ -10medium/ -5400000soft"), never inside a number. */
export function scoreNodes(score) {
  const parts = String(score || '').split('/');
  return parts.flatMap((part, i) => [el('span', { class: 'nowrap' }, part + (i < parts.length - 1 ? '/' : '')),
    i < parts.length - 1 ? el('wbr') : null]);
}

/** The cost box of a previewed move. */
export function showCost(box, move, preview, names) {
  box.hidden = false;
  box.dataset.visitId = move.visitId;
  box.dataset.shiftId = move.shiftId;
  box.dataset.position = String(move.position);
  if (preview && preview.error) {
    box.dataset.state = 'refused';
    clear(box, el('strong', {}, `${move.visitId} → ${names.shift(move.shiftId)} #${move.position + 1}: not possible`),
      el('span', {}, ` ${preview.error}`));
    return;
  }
  if (!preview) {
    box.dataset.state = 'pending';
    clear(box, el('strong', {}, `${move.visitId} → ${names.shift(move.shiftId)} #${move.position + 1}`), ' cost…');
    return;
  }
  const placed = (preview.visits || []).find((v) => v.visitId === move.visitId) || {};
  const broken = preview.broken || [];
  box.dataset.state = broken.length ? 'breaks' : 'ok';
  box.dataset.scoreDiff = preview.scoreDiff;
  clear(box,
    el('strong', {}, `${move.visitId} → ${names.shift(move.shiftId)} #${move.position + 1}`),
    placed.start ? ` at ${hhmm(placed.start)}` : '',
    el('span', { class: 'cost-diff', title: preview.scoreDiff }, ` · score ${preview.scoreDiff}`),
    el('span', { class: broken.length ? 'cost-broken' : 'cost-ok', dataset: { broken: broken.join(' ') } },
      broken.length ? ` · breaks ${broken.join(', ')}` : ' · breaks no rule'),
    ' · drop to pin it there and re-plan');
}
