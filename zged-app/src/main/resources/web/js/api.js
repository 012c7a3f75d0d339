// Thin fetch wrapper: every call resolves to {ok, status, data} or {ok:false, error, field}.

export async function call(method, path, body, contentType = 'application/json') {
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers['Content-Type'] = contentType;
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    return { ok: false, status: 0, error: 'the server cannot be reached', field: null };
  }
  let data = null;
  try {
    data = await response.json();
  } catch (e) {
    return { ok: false, status: response.status, error: `unexpected reply (HTTP ${response.status})`, field: null };
  }
  if (!response.ok) {
    return { ok: false, status: response.status, error: data.error || `HTTP ${response.status}`, field: data.field || null };
  }
  return { ok: true, status: response.status, data };
}

export const api = {
  health: () => call('GET', '/api/health'),
  generate: (spec) => call('POST', '/api/generate', spec),
  simulate: (netlist, query = '') => call('POST', '/api/simulate' + query, { netlist }),
  latent: () => call('GET', '/api/latent'),
  decode: (point) => call('POST', '/api/decode', point),
};
