// The design form: spec in, ranked verified candidates out.

import { api } from './api.js';
import { eng, pct, signedPct, plain, escapeHtml, complex } from './format.js';
import { schematicFigure, componentTable, analysisPanels, download, normaliseElement } from './circuit-view.js';
import { initBandEditor, maskFromEditor, markBand } from './band-editor.js';
import { maskCard, targetBands } from './mask-card.js';

const FIELDS = ['type', 'fc', 'q', 'gain', 'poles', 'zeros', 'e_series', 'count',
  'max_parts', 'max_inductors', 'r_range', 'c_range', 'l_range',
  'response', 'order', 'passband', 'ripple_db', 'attenuation_db', 'rs', 'rl', 'mask'];

function currentMode(form) {
  return form.querySelector('input[name="mode"]:checked').value;
}

// Each form part lists the modes it belongs to in data-modes; the others are hidden.
function syncMode(form) {
  const mode = currentMode(form);
  form.querySelectorAll('[data-modes]').forEach((node) => {
    node.hidden = !node.dataset.modes.split(' ').includes(mode);
  });
  const response = form.elements.response;
  if (mode === 'order' && response.value === 'any') response.value = 'butterworth';
  // Until the user types an order: an order design starts at 3, a mask design at the minimum one.
  if (!form.dataset.orderTouched) form.elements.order.value = mode === 'order' ? '3' : '';
}

export function initDesign() {
  const form = document.getElementById('design-form');
  const bands = document.getElementById('band-editor');
  initBandEditor(bands, () => clearError(form, 'mask'));
  form.querySelectorAll('input[name="mode"]').forEach((m) => m.addEventListener('change', () => syncMode(form)));
  form.elements.order.addEventListener('input', () => { form.dataset.orderTouched = '1'; });
  syncMode(form);
  form.addEventListener('submit', (ev) => { ev.preventDefault(); submit(form); });
  for (const name of FIELDS) {
    const input = form.elements[name];
    if (input) input.addEventListener('input', () => clearError(form, name));
  }
}

function clearError(form, name) {
  const slot = form.querySelector(`.field-error[data-for="${name}"]`);
  if (slot) slot.textContent = '';
  form.elements[name]?.classList.remove('invalid');
  if (name === 'mask') markBand(document.getElementById('band-editor'), '');
}

function showError(form, field, message) {
  const slot = field && form.querySelector(`.field-error[data-for="${field}"]`);
  if (field === 'mask') markBand(document.getElementById('band-editor'), message);
  if (slot && !slot.closest('[hidden]')) {
    slot.textContent = message;
    form.elements[field]?.classList.add('invalid');
    form.elements[field]?.focus();
  } else {
    form.querySelector('.form-error').textContent = message;
  }
}

/** The request: only the fields the user filled in; frequencies stay text so "10k" reaches the server. */
export function requestFromForm(form) {
  const v = (n) => (form.elements[n]?.value ?? '').trim();
  const req = {};
  const mode = currentMode(form);
  // Integers go as numbers; anything else as typed, so that the server names the bad field.
  const integer = (name) => {
    const x = v(name);
    if (x) req[name] = /^\d+$/.test(x) ? Number(x) : x;
  };
  const text = (...names) => names.forEach((n) => { if (v(n)) req[n] = v(n); });
  if (mode === 'pz') {
    text('poles', 'zeros');
  } else if (mode === 'spec') {
    req.type = v('type');
    text('fc', 'q');
  } else if (mode === 'order') {
    req.type = v('type');
    req.response = v('response');
    integer('order');
    text('passband', 'ripple_db', 'attenuation_db');
  } else {
    req.mask = maskFromEditor(document.getElementById('band-editor'));
    req.response = v('response');
    integer('order');
  }
  if (mode === 'spec' || mode === 'pz') {
    text('gain');
    integer('count');
  } else {
    text('rs', 'rl');
  }
  if (v('e_series') && v('e_series') !== 'none') req.e_series = v('e_series');
  if (mode === 'spec' || mode === 'pz') {
    for (const name of ['max_parts', 'max_inductors']) integer(name);
    text('r_range', 'c_range', 'l_range');
  }
  return req;
}

async function submit(form) {
  for (const f of FIELDS) clearError(form, f);
  form.querySelector('.form-error').textContent = '';
  const results = document.getElementById('results');
  const button = form.querySelector('button[type="submit"]');
  const request = requestFromForm(form);
  button.disabled = true;
  results.innerHTML = '<p class="status">Searching, fitting and verifying…</p>';
  const started = performance.now();
  const reply = await api.generate(request);
  button.disabled = false;
  if (!reply.ok) {
    results.replaceChildren();
    showError(form, reply.field, reply.error);
    return;
  }
  renderResults(results, request, reply.data, performance.now() - started);
}

function renderResults(results, request, data, ms) {
  results.replaceChildren();
  const candidates = data.candidates || [];
  const summary = document.createElement('p');
  summary.className = 'status';
  summary.innerHTML = `${candidates.length} verified candidate${candidates.length === 1 ? '' : 's'} in ${Math.round(ms)} ms`
    + (data.topologies_tried ? ` (${data.topologies_tried} topolog${data.topologies_tried === 1 ? 'y' : 'ies'} refined`
      + (data.analyses ? `, ${data.analyses} exact analyses` : '') + ')' : '');
  results.appendChild(summary);
  if (data.diagnosis) {
    const d = document.createElement('p');
    d.className = 'diagnosis';
    d.textContent = data.diagnosis;
    results.appendChild(d);
  }
  if (!candidates.length) {
    summary.classList.add('error');
    return;
  }
  const bands = targetBands(data.target);
  if (bands) {
    candidates.forEach((c, i) => results.appendChild(maskCard(c, i, bands)));
    return;
  }
  const targetHz = data.target?.fc_hz ?? data.target?.fc ?? null;
  candidates.forEach((c, i) => results.appendChild(candidateCard(c, i, data.target || {}, request, targetHz)));
}

const BAND = new Set(['bandpass', 'bandstop']);
const SOURCES = {
  'vae-blend': 'VAE: blend of nearest references',
  'vae-neighbour': 'VAE: nearest reference',
  'vae-sample': 'VAE: sample near the blend',
  'vae-tf': 'VAE: from the poles/zeros',
  'vae-cem': 'VAE: latent-space search',
  'closed-form': 'closed-form family design',
  evolutionary: 'graph evolution (mutation + crossover)',
  random: 'random topology',
};

function toleranceNote(t) {
  const p = document.createElement('p');
  p.className = 'small tolerance';
  const spread = (s, name) => (s ? `${name} ${signedPct(s.p05)} to ${signedPct(s.p95)} (5th–95th percentile)` : '');
  p.textContent = `Tolerance ±${t.tolerance_pct} %, ${t.trials} trials: ${(100 * t.share_within).toFixed(1)} % within `
    + `${pct(t.acceptance)} of the target; ` + [spread(t.fc, 'fc'), spread(t.q, 'Q')].filter(Boolean).join(', ');
  return p;
}

function specRows(target, achieved, error) {
  const type = (target.type || target.response_class || achieved.response_class || '').toLowerCase();
  const band = BAND.has(type) || BAND.has(achieved.response_class);
  const rows = [];
  rows.push(['Response', escapeHtml(target.type || target.response_class || 'any'), escapeHtml(achieved.response_class || '—'), '', 'class']);
  const fAchieved = band ? achieved.f0_hz : achieved.fc_hz;
  const fTarget = target.fc_hz ?? target.fc;
  if (fTarget !== undefined && fTarget !== null) {
    rows.push([band ? 'f0' : 'fc', eng(fTarget, 'Hz', 4), eng(fAchieved, 'Hz', 5), pct(error?.fc ?? error?.f0), 'fc', fAchieved]);
  } else if (fAchieved) {
    rows.push([band ? 'f0' : 'fc', '—', eng(fAchieved, 'Hz', 5), '', 'fc', fAchieved]);
  }
  const qAchieved = band ? achieved.q : achieved.pole_q;
  if (target.q !== undefined && target.q !== null) {
    rows.push(['Q', plain(target.q), plain(qAchieved, 5), pct(error?.q), 'q', qAchieved]);
  } else if (qAchieved !== undefined && qAchieved !== null) {
    rows.push(['Q', '—', plain(qAchieved, 5), '', 'q', qAchieved]);
  }
  if (target.gain !== undefined && target.gain !== null) {
    rows.push(['Gain', plain(target.gain), plain(achieved.passband_gain, 5), pct(error?.gain), 'gain', achieved.passband_gain]);
  } else if (achieved.passband_gain !== undefined) {
    rows.push(['Passband gain', '—', plain(achieved.passband_gain, 4), '', 'gain', achieved.passband_gain]);
  }
  if (achieved.bandwidth_hz) rows.push(['Bandwidth', '—', eng(achieved.bandwidth_hz, 'Hz', 4), '', 'bw', achieved.bandwidth_hz]);
  return rows;
}

function candidateCard(c, index, target, request, targetHz) {
  const card = document.createElement('article');
  card.className = 'candidate';
  card.dataset.rank = String(index + 1);
  card.dataset.source = c.source || '';
  card.dataset.parts = String(c.parts ?? '');
  const snap = c.e_series || null;
  const snappedValue = new Map((snap?.table || []).map((row) => [row.name, row]));
  // With an E-series, what the designer builds is the snapped circuit: draw and simulate that one.
  // The snapped circuit may hold an extra trim part, so draw snap.elements when the reply has them.
  const elements = (snap?.elements || c.elements || []).map(normaliseElement).map((e) => {
    const row = snappedValue.get(e.name);
    return row ? { ...e, ideal: row.ideal, value: row.snapped, snapError: row.error, parallelWith: row.parallel_with } : e;
  });
  const achieved = c.achieved || {};
  const error = c.error || {};
  const shownError = snap?.error || error;
  // Errors may arrive as "Infinity"/"NaN" strings (a spec the circuit does not have): count as ∞.
  const worst = Math.max(0, ...Object.values(shownError).map((x) => (Number.isNaN(Number(x)) ? Infinity : Number(x))));
  const parts = c.parts ?? elements.length;
  const title = `${parts} parts · ${SOURCES[c.source] || c.source || 'candidate'}`;
  card.innerHTML = `
    <header>
      <span class="rank">#${index + 1}</span>
      <h3>${escapeHtml(title)}</h3>
      ${Object.keys(shownError).length ? `<span class="badge ${worst <= 0.01 ? 'good' : worst <= 0.05 ? 'fair' : 'poor'}" title="worst relative error over the targeted specs${snap ? ' (snapped values)' : ''}">max error ${pct(worst)}</span>` : ''}
      <span class="badge" title="re-analysed exactly after fitting">verified</span>
      ${c.meets_target === false ? '<span class="badge poor" title="at least one targeted spec is off by more than 1 %">misses the target</span>' : ''}
      ${c.in_range === false ? '<span class="badge poor" title="' + escapeHtml((c.range_violations || []).join('; ')) + '">values outside practical ranges</span>' : ''}
      <span class="spacer"></span>
      <button type="button" class="secondary open-simulate" title="analyse this netlist in the Simulate view">Simulate</button>
      ${snap ? '<button type="button" class="secondary download-ideal">Ideal netlist</button>' : ''}
      <button type="button" class="secondary download">Download SPICE netlist${snap ? ' (' + escapeHtml(snap.series) + ')' : ''}</button>
    </header>`;
  const netlist = snap?.netlist || c.netlist || '';
  card.querySelector('.download').addEventListener('click', () => download(`zged-candidate-${index + 1}${snap ? '-' + snap.series : ''}.cir`, netlist));
  card.querySelector('.download-ideal')?.addEventListener('click', () => download(`zged-candidate-${index + 1}-ideal.cir`, c.netlist || ''));
  card.querySelector('.open-simulate').addEventListener('click',
    () => document.dispatchEvent(new CustomEvent('zged:simulate', { detail: netlist })));
  card.appendChild(schematicFigure(elements));
  const tables = document.createElement('div');
  tables.className = 'tables';
  const specs = document.createElement('table');
  specs.className = 'specs';
  const rows = specRows(target, achieved, error);
  if (target.poles) {
    rows.push(['Poles', target.poles.map(complex).join(', '), (c.poles || []).map(complex).join(', '), '', 'poles']);
    rows.push(['Zeros', (target.zeros || []).map(complex).join(', ') || 'none', (c.zeros || []).map(complex).join(', ') || 'none', '', 'zeros']);
    if (c.chamfer_after !== undefined) {
      rows.push(['Pole/zero distance', '0', plain(c.chamfer_after, 3), c.chamfer_before !== undefined ? `from ${plain(c.chamfer_before, 3)}` : '', 'chamfer', c.chamfer_after]);
    }
  }
  const snappedRows = snap && snap.achieved ? new Map(specRows(target, snap.achieved, snap.error || {}).map((r) => [r[4], r])) : null;
  specs.innerHTML = `<thead><tr><th>Spec</th><th>Target</th><th>Achieved</th><th>Error</th>${snappedRows ? `<th>${escapeHtml(snap.series)}</th><th>Error</th>` : ''}</tr></thead><tbody>`
    + rows.map(([name, t, a, e, key, raw]) => {
      const sr = snappedRows?.get(key);
      return `<tr><td>${name}</td><td class="num">${t}</td><td class="num achieved" data-spec="${key}"${raw !== undefined && raw !== null ? ` data-value="${raw}"` : ''}>${a}</td><td class="num">${e}</td>`
        + (snappedRows ? `<td class="num snapped">${sr ? sr[2] : '—'}</td><td class="num">${sr ? sr[3] : ''}</td>` : '') + '</tr>';
    }).join('')
    + '</tbody>';
  tables.append(specs, componentTable(elements));
  card.appendChild(tables);
  if (c.tolerance) card.appendChild(toleranceNote(c.tolerance));
  const plots = document.createElement('div');
  plots.className = 'plots';
  card.appendChild(plots);
  const markers = targetHz ? [{ f: targetHz, label: 'target ' + eng(targetHz, 'Hz', 4), cls: 'target', side: 'left' }] : [];
  const pzTarget = target.poles ? { poles: target.poles, zeros: target.zeros || [] } : null;
  if (netlist) analysisPanels(plots, netlist, markers, pzTarget);
  return card;
}
