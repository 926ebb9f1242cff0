// The plan on a Leaflet map: home bases, visits coloured by technician, route lines, unassigned visits.
/* global L */
import { el } from './dom.js';

// Leaflet puts string tooltips and popups in with innerHTML: server data goes in as DOM nodes (textContent) instead.

export class PlanMap {
  constructor(container, config, { onVisit, onPick }) {
    this.container = container;
    this.map = L.map(container, { zoomControl: true, attributionControl: true, keyboard: true, zoomSnap: 0.25 });
    this.map.attributionControl.setPrefix(false);
    if (config && config.tileUrl) {
      L.tileLayer(config.tileUrl, { attribution: config.tileAttribution || '', maxZoom: 19 }).addTo(this.map);
    } else {
      // without tiles the roads are not visible: say how to turn them on (docs/api.md, Configuration)
      const note = L.control({ position: 'bottomleft' });
      note.onAdd = () => el('div', { class: 'no-tiles', id: 'no-tiles' }, 'No map tiles: roads are not drawn. Start the'
        + ' service with --techroute.console.tile-url=https://tile.openstreetmap.org/{z}/{x}/{y}.png (see docs/api.md).');
      note.addTo(this.map);
    }
    this.map.setView([47.15, 9.53], 11);
    this.layers = L.layerGroup().addTo(this.map);
    this.pickLayer = L.layerGroup().addTo(this.map);
    this.markers = new Map();
    this.onVisit = onVisit;
    this.map.on('click', (e) => onPick(e.latlng));
    this.fittedPlan = null;
  }

  /**
   * Draws the plan. routes: the /routes response (or null before the first solution). opts: showShift(shift) and
   * showVisit(visit, shift or null) say what the day and the filters leave on the map.
   */
  render(planId, plan, routes, colourOf, opts = {}) {
    const showShift = opts.showShift || (() => true);
    const showVisit = opts.showVisit || (() => true);
    const shiftsById = new Map((plan.shifts || []).map((s) => [s.id, s]));
    this.layers.clearLayers();
    this.markers.clear();
    const bounds = [];
    const solution = plan.solution || {};
    const servedBy = new Map();
    const servedOn = new Map();
    for (const route of solution.routes || []) {
      for (const visitId of route.visitIds || []) {
        servedBy.set(visitId, route.technicianId);
        servedOn.set(visitId, shiftsById.get(route.shiftId) || null);
      }
    }
    const shown = new Set();
    for (const shift of plan.shifts || []) if (showShift(shift)) shown.add(shift.technicianId);
    let lines = 0;
    for (const route of (routes && routes.routes) || []) {
      const points = (route.points || []).map((p) => [p.lat, p.lon]);
      if (points.length < 2) continue;
      const shift = shiftsById.get(route.shiftId);
      if (shift && !showShift(shift)) continue;
      const colour = colourOf(shift ? shift.technicianId : null);
      const line = L.polyline(points, {
        color: colour, weight: route.geometry === 'road' ? 4 : 3, opacity: 0.85,
        dashArray: route.geometry === 'road' ? null : '6 4', className: 'route-line',
      }).addTo(this.layers);
      const path = line.getElement();
      path.setAttribute('data-shift-id', route.shiftId);
      path.setAttribute('data-geometry', route.geometry || '');
      line.bindTooltip(el('span', {}, `${route.shiftId} (${route.geometry === 'road' ? 'roads' : 'straight lines'})`),
        { sticky: true });
      lines++;
    }
    for (const technician of plan.technicians || []) {
      if (!technician.home || technician.home.lat === undefined || !shown.has(technician.id)) continue;
      const latLng = [technician.home.lat, technician.home.lon];
      bounds.push(latLng);
      const marker = L.marker(latLng, {
        icon: L.divIcon({ className: 'home-icon', iconSize: [14, 14] }),
        title: `Home base of ${technician.name || technician.id}`, alt: `Home base of ${technician.name || technician.id}`,
        keyboard: false, zIndexOffset: -100,
      }).addTo(this.layers);
      marker.getElement().style.background = colourOf(technician.id);
    }
    const unassigned = new Set((solution.unassignedVisits || []).map((u) => u.visitId));
    for (const visit of plan.visits || []) {
      if (!visit.location || visit.location.lat === undefined) continue;
      const shift = servedOn.get(visit.id);
      if ((shift && !showShift(shift)) || !showVisit(visit, shift || null)) continue;
      const latLng = [visit.location.lat, visit.location.lon];
      bounds.push(latLng);
      const technicianId = servedBy.get(visit.id);
      const isUnassigned = !technicianId && (plan.solution ? true : false) || unassigned.has(visit.id);
      const classes = ['visit-icon'];
      if (isUnassigned) classes.push('unassigned');
      if (visit.priority === 'CRITICAL') classes.push('critical');
      const label = `Visit ${visit.id}${visit.customerName ? ' ' + visit.customerName : ''}`
        + (technicianId ? `, served by ${technicianId}` : isUnassigned ? ', unassigned' : '');
      const marker = L.marker(latLng, {
        // the shape is an inner element: Leaflet positions the outer one with its own transform and size
        icon: L.divIcon({ className: classes.join(' '), iconSize: isUnassigned ? [16, 16] : [12, 12],
          html: el('span', { class: 'dot' }) }),
        title: label, alt: label, keyboard: true, riseOnHover: true,
        zIndexOffset: isUnassigned ? 500 : visit.priority === 'CRITICAL' ? 400 : 0,
      }).addTo(this.layers);
      const element = marker.getElement();
      element.dataset.visitId = visit.id;
      element.setAttribute('aria-label', label);
      element.setAttribute('role', 'button');
      if (!isUnassigned) element.querySelector('.dot').style.background = technicianId ? colourOf(technicianId) : '#c8ccd2';
      marker.on('click', () => this.onVisit(visit.id));
      marker.on('keypress', (e) => {
        if (e.originalEvent && (e.originalEvent.key === ' ')) this.onVisit(visit.id);
      });
      this.markers.set(visit.id, marker);
    }
    if (this.fittedPlan !== planId && bounds.length > 0) {
      this.map.invalidateSize();
      this.map.fitBounds(L.latLngBounds(bounds).pad(0.08));
      this.fittedPlan = planId;
    }
    this.container.dataset.routeLines = String(lines);
    this.container.dataset.visitMarkers = String(this.markers.size);
    this.container.dataset.planId = planId;
    this.container.dataset.score = (plan.solution && plan.solution.score) || '';
  }

  select(visitId) {
    for (const [id, marker] of this.markers) {
      const element = marker.getElement();
      if (element) element.classList.toggle('selected', id === visitId);
    }
  }

  showPick(latLng) {
    this.pickLayer.clearLayers();
    if (!latLng) return;
    L.marker(latLng, {
      icon: L.divIcon({ className: 'pick-icon', iconSize: [18, 18] }), keyboard: false, interactive: false,
      title: 'New emergency visit',
    }).addTo(this.pickLayer);
  }

  /** Centres the map on a visit (search). */
  focus(visitId) {
    const marker = this.markers.get(visitId);
    if (marker) this.map.panTo(marker.getLatLng());
  }

  invalidate() {
    this.map.invalidateSize();
  }
}
