// The REST API (docs/api.md). Errors are RFC 9457 problem documents: thrown as ApiError with their detail.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && (problem.detail || problem.title) ? (problem.detail || problem.title) : `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

// The caller's API key (trk_...) or bearer token, for this browser tab only (never a cookie: no CSRF).
const CREDENTIAL = 'techroute.credential';
export const credential = {
  get: () => sessionStorage.getItem(CREDENTIAL),
  set: (value) => sessionStorage.setItem(CREDENTIAL, value),
  clear: () => sessionStorage.removeItem(CREDENTIAL),
};

function authHeaders() {
  const value = credential.get();
  if (!value) return {};
  return value.startsWith('trk_') ? { 'X-API-Key': value } : { Authorization: `Bearer ${value}` };
}

async function call(method, path, body) {
  const init = { method, headers: { Accept: 'application/json', ...authHeaders() } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = { detail: text.slice(0, 200) }; }
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

const enc = encodeURIComponent;

export const api = {
  config: () => call('GET', '/api/console/config'),
  plans: () => call('GET', '/api/plans?limit=20'),
  plan: (id) => call('GET', `/api/plans/${enc(id)}`),
  status: (id) => call('GET', `/api/plans/${enc(id)}/status`),
  routes: (id) => call('GET', `/api/plans/${enc(id)}/routes`),
  demo: ({ technicians, visits, days, seconds }) => call('POST',
    `/api/demo?submit=true&technicians=${enc(technicians)}&visits=${enc(visits)}&days=${enc(days)}`
    + `&timeLimit=PT${enc(seconds)}S`),
  solve: (id) => call('POST', `/api/plans/${enc(id)}/solve`),
  stop: (id) => call('DELETE', `/api/plans/${enc(id)}/solving`),
  changes: (id, request) => call('POST', `/api/plans/${enc(id)}/changes`, request),
  preview: (id, request) => call('POST', `/api/plans/${enc(id)}/changes/preview`, request),
  visitOptions: (id, visitId) => call('GET', `/api/plans/${enc(id)}/visits/${enc(visitId)}/recommendations?limit=5`),
  nearestRoad: (lat, lon) => call('GET', `/api/road/nearest?lat=${enc(lat)}&lon=${enc(lon)}`),
  change: (id, changeId) => call('GET', `/api/plans/${enc(id)}/changes/${enc(changeId)}`),
  whatIf: (id, request) => call('POST', `/api/plans/${enc(id)}/what-if`, request),
  whatIfResult: (id, whatIfId) => call('GET', `/api/plans/${enc(id)}/what-if/${enc(whatIfId)}`),
  appointments: (id, request) => call('POST', `/api/plans/${enc(id)}/appointments`, request),
  book: (id, request) => call('POST', `/api/plans/${enc(id)}/appointments/book`, request),
  me: () => call('GET', '/api/me'),
  // EventSource cannot send headers: the key or token goes in the query (accepted for event streams only)
  eventsUrl: (id) => {
    const value = credential.get();
    const url = `/api/plans/${enc(id)}/events`;
    if (!value) return url;
    return `${url}?${value.startsWith('trk_') ? 'access_key' : 'access_token'}=${enc(value)}`;
  },
};
