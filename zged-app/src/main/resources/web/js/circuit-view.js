// Shared pieces for showing one circuit: element normalisation, component table, analysis panels.

import { schematic } from './schematic.js';
import { bode, poleZero } from './plots.js';
import { eng, UNITS, signedPct, escapeHtml, complex } from './format.js';
import { api } from './api.js';

/** Accepts the element shapes the API uses ({nodes:[a,b]} or {node_a,node_b}) -> {name,kind,a,b,value}. */
export function normaliseElement(e) {
  const nodes = e.nodes || [e.node_a ?? e.a, e.node_b ?? e.b];
  const kind = (e.kind || e.name[0]).toUpperCase();
  return { ...e, name: e.name, kind, a: String(nodes[0]).toLowerCase(), b: String(nodes[1]).toLowerCase(), value: e.value };
}

export function schematicFigure(elements) {
  const fig = document.createElement('figure');
  fig.className = 'schematic-wrap';
  fig.appendChild(schematic(elements.map(normaliseElement)));
  return fig;
}

/** Component table; with E-series results (ideal/snapped values) it shows ideal, snapped and error. */
export function componentTable(elements) {
  const els = elements.map(normaliseElement);
  const snapped = els.some((e) => e.ideal !== undefined && e.ideal !== null);
  const table = document.createElement('table');
  table.className = 'components';
  const head = snapped
    ? '<tr><th>Part</th><th>Nodes</th><th>Ideal</th><th>Snapped</th><th>Δ</th></tr>'
    : '<tr><th>Part</th><th>Nodes</th><th>Value</th></tr>';
  const rows = els.map((e) => {
    const unit = UNITS[e.kind] || '';
    const nodes = `${escapeHtml(label(e.a))}–${escapeHtml(label(e.b))}`;
    if (!snapped) return `<tr><td>${escapeHtml(e.name)}</td><td>${nodes}</td><td class="num">${eng(e.value, unit, 4)}</td></tr>`;
    // A trim part's ideal is that of the element it trims and its error the pair's change.
    const err = e.snapError ?? (e.ideal ? (e.value - e.ideal) / e.ideal : null);
    const name = e.parallelWith
      ? `${escapeHtml(e.name)} <span class="small muted">trim ∥ ${escapeHtml(e.parallelWith)}</span>`
      : escapeHtml(e.name);
    return `<tr><td>${name}</td><td>${nodes}</td><td class="num">${e.ideal === undefined || e.ideal === null ? '—' : eng(e.ideal, unit, 4)}</td>`
      + `<td class="num">${eng(e.value, unit, 3)}</td><td class="num">${err === null ? '—' : signedPct(err)}</td></tr>`;
  });
  table.innerHTML = `<thead>${head}</thead><tbody>${rows.join('')}</tbody>`;
  return table;
}

function label(n) { return n === 'vin' ? 'VIN' : n === 'vout' ? 'VOUT' : n === '0' ? 'GND' : n; }

/** The frequency that characterises a response: fc, else f0, else the pole natural frequency. */
export function characteristicHz(specs) {
  if (!specs) return null;
  return specs.fc_hz ?? specs.f0_hz ?? specs.pole_f0_hz ?? null;
}

/**
 * The frequency span that shows every band of a mask: from a decade below its lowest positive edge
 * to a decade above its highest finite one, on whole decades.
 */
export function maskSpan(bands) {
  const edges = bands.flatMap((b) => [b.low_hz, b.high_hz]).filter((f) => Number.isFinite(f) && f > 0);
  if (!edges.length) return null;
  return {
    fstart: 10 ** (Math.floor(Math.log10(Math.min(...edges))) - 1),
    fstop: 10 ** (Math.ceil(Math.log10(Math.max(...edges))) + 1),
  };
}

/**
 * The level the mask's attenuations are measured from: the maximum of |H| (dB) over the
 * passbands, read off the plotted grid (the server computes the margins exactly; this only places
 * the shading).
 */
export function passbandMaxDb(response, bands) {
  const pass = bands.filter((b) => b.kind === 'pass');
  let best = -Infinity;
  response.frequency_hz.forEach((f, i) => {
    const m = response.magnitude_db[i];
    if (Number.isFinite(m) && pass.some((b) => f >= b.low_hz && (b.high_hz === null || b.high_hz === undefined || f <= b.high_hz))) {
      best = Math.max(best, m);
    }
  });
  return Number.isFinite(best) ? best : Math.max(...response.magnitude_db.filter(Number.isFinite));
}

/**
 * Simulates a netlist on the server and fills `container` with the Bode and pole-zero plots.
 * markers: extra vertical lines on the Bode plot (e.g. the target fc); maskBands: the target mask
 * ([{kind, low_hz, high_hz, limit_db}]), drawn on the Bode plot over a span that shows it.
 */
export async function analysisPanels(container, netlist, markers = [], pzTarget = null, nodes = {}, maskBands = null) {
  container.classList.add('loading');
  // 100 points per decade resolve sharp resonances and notches on the plot.
  const query = new URLSearchParams({ points_per_decade: '100' });
  for (const [k, v] of Object.entries(nodes)) if (v) query.set(k, v);
  const span = maskBands ? maskSpan(maskBands) : null;
  if (span) {
    query.set('fstart', String(span.fstart));
    query.set('fstop', String(span.fstop));
  }
  const result = await api.simulate(netlist, '?' + query);
  container.classList.remove('loading');
  container.replaceChildren();
  if (!result.ok) {
    const p = document.createElement('p');
    p.className = 'error';
    p.textContent = 'Simulation failed: ' + result.error;
    container.appendChild(p);
    return { error: result.error, field: result.field };
  }
  const a = result.data;
  const bodeFig = document.createElement('figure');
  bodeFig.className = 'plot bode-wrap';
  const achieved = characteristicHz(a.specs);
  const all = [...markers];
  const name = a.specs.fc_hz ? 'fc' : a.specs.f0_hz ? 'f0' : 'pole f0';
  if (achieved) all.push({ f: achieved, label: (markers.length ? 'achieved ' : name + ' ') + eng(achieved, 'Hz', 4), cls: 'achieved' });
  const mask = maskBands ? { bands: maskBands, referenceDb: passbandMaxDb(a.response, maskBands) } : null;
  bodeFig.appendChild(bode(a.response, mask ? [] : all, { mask }));
  bodeFig.insertAdjacentHTML('beforeend', '<figcaption>Bode plot — magnitude and phase of V(VOUT)/V(VIN)'
    + (mask ? `; shaded: what the mask forbids, attenuation measured from the passband maximum ${mask.referenceDb.toFixed(2)} dB` : '')
    + '</figcaption>');
  const pzFig = document.createElement('figure');
  pzFig.className = 'plot pz-wrap';
  pzFig.appendChild(poleZero(a.poles, a.zeros, { target: pzTarget }));
  const pzText = [
    a.poles.length ? 'poles: ' + a.poles.map(complex).join(', ') : 'no poles',
    a.zeros.length ? 'zeros: ' + a.zeros.map(complex).join(', ') : 'no finite zeros',
  ].join('<br>');
  pzFig.insertAdjacentHTML('beforeend', `<figcaption>Pole-zero plot (rad/s)<br><span class="small">${pzText}</span></figcaption>`);
  container.append(bodeFig, pzFig);
  return a;
}

/** Offers `text` as a file download. */
export function download(filename, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
