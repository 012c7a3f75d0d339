// A candidate of an order or mask design: schematic, the margin of every band of the mask, the
// components, and the Bode plot with the mask drawn over it.

import { eng, escapeHtml, plain } from './format.js';
import { schematicFigure, componentTable, analysisPanels, download } from './circuit-view.js';

/** "0 – 1 kHz" / "3 kHz – ∞" */
export function bandRange(b) {
  const hi = b.high_hz === null || b.high_hz === undefined ? '∞' : eng(b.high_hz, 'Hz', 4);
  return `${b.low_hz === 0 ? '0' : eng(b.low_hz, 'Hz', 4)} – ${hi}`;
}

function dB(x, digits = 2) {
  if (x === null || x === undefined || !Number.isFinite(Number(x))) return '—';
  const v = Number(x);
  // A margin that is zero to rounding (an edge the design puts exactly on the limit) shows as 0.
  return (Math.abs(v) < 0.5 * 10 ** -digits ? 0 : v).toFixed(digits) + ' dB';
}

/**
 * The bands of a target in one shape, [{kind, low_hz, high_hz (null = ∞), limit_db}]: a ladder
 * reply's target.bands as they are, or a mask target's {"bands": [{"from_hz", "to_hz",
 * "max_atten_db" | "min_atten_db"}]} (the form the request used).
 */
export function targetBands(target) {
  if (Array.isArray(target?.bands)) return target.bands;
  if (!Array.isArray(target?.mask?.bands)) return null;
  return target.mask.bands.map((b) => {
    const pass = b.max_atten_db !== undefined && b.max_atten_db !== null;
    const open = b.to_hz === null || b.to_hz === undefined || String(b.to_hz).toLowerCase() === 'inf';
    return { kind: pass ? 'pass' : 'stop', low_hz: Number(b.from_hz), high_hz: open ? null : Number(b.to_hz), limit_db: Number(pass ? b.max_atten_db : b.min_atten_db) };
  });
}

/**
 * The candidate's per-band results: its own `bands` (a ladder: [{kind, low_hz, high_hz, limit_db,
 * worst_db, worst_at_hz, margin_db}]) or its `margins_db` list, one margin per band of the target in
 * the target's order, with `margin_at_hz` where each is tightest.
 */
function bandResults(c, bands) {
  if (Array.isArray(c.bands) && c.bands.length) return c.bands;
  if (!Array.isArray(c.margins_db) || !bands) return [];
  return bands.map((b, i) => {
    const margin = c.margins_db[i];
    // margin = limit − worst attenuation in a passband, worst − limit in a stopband
    const worst = margin === null || margin === undefined ? null : b.kind === 'pass' ? b.limit_db - margin : b.limit_db + margin;
    return { ...b, margin_db: margin, worst_db: worst, worst_at_hz: c.margin_at_hz?.[i] ?? null };
  });
}

/**
 * One row per band: its limit, the worst attenuation over it (and where), and the margin
 * (positive = inside the mask).
 */
export function marginsTable(c, bands) {
  const table = document.createElement('table');
  table.className = 'margins';
  let rows;
  const results = bandResults(c, bands);
  if (results.length) {
    rows = results.map((b, i) => {
      const margin = Number(b.margin_db);
      return `<tr data-band="${i + 1}" data-kind="${escapeHtml(b.kind)}"><td>${b.kind === 'pass' ? 'pass' : 'stop'} ${escapeHtml(bandRange(b))}</td>`
        + `<td class="num">${b.kind === 'pass' ? '≤' : '≥'} ${plain(b.limit_db, 4)} dB</td>`
        + `<td class="num">${dB(b.worst_db)}${b.worst_at_hz ? ' @ ' + eng(b.worst_at_hz, 'Hz', 4) : ''}</td>`
        + `<td class="num margin ${margin >= -1e-9 ? 'good' : 'poor'}" data-margin="${margin}">${dB(margin)}</td></tr>`;
    });
  } else {
    rows = Object.entries(c.margins_db || {}).map(([name, m], i) => `<tr data-band="${i + 1}"><td>${escapeHtml(name)}</td><td></td><td></td>`
      + `<td class="num margin ${m === null || Number(m) >= -1e-9 ? 'good' : 'poor'}" data-margin="${m}">${dB(m)}</td></tr>`);
  }
  table.innerHTML = '<thead><tr><th>Band</th><th>Limit</th><th>Worst</th><th>Margin</th></tr></thead>'
    + `<tbody>${rows.join('')}</tbody>`;
  return table;
}

/** Where a ladder came from: the reply's `source`, else its response, form and method. */
export function sourceOf(c) {
  if (c.source) return c.source;
  return [c.response, c.form, c.method].filter(Boolean).join(' · ') || 'classical synthesis';
}

export function maskCard(c, index, bands) {
  const card = document.createElement('article');
  card.className = 'candidate mask-candidate';
  card.dataset.rank = String(index + 1);
  card.dataset.source = sourceOf(c);
  card.dataset.parts = String(c.parts ?? '');
  const snap = c.e_series || null;
  // A ladder's parts are its reactive elements; the source and load resistors are the terminations.
  const terminated = (c.elements || []).some((e) => /^R[sl]$/i.test(e.name));
  const title = `${c.parts} parts${terminated ? ' + terminations' : ''} · ${sourceOf(c)}`;
  const order = c.order ? `order ${c.order}` : '';
  const kinds = (c.elements || []).map((e) => (e.kind || e.name[0]).toUpperCase());
  const count = (k) => kinds.filter((x) => x === k).length;
  const counts = c.inductors !== undefined ? `${c.inductors} L, ${c.capacitors} C` : `${count('R')} R, ${count('L')} L, ${count('C')} C`;
  card.innerHTML = `
    <header>
      <span class="rank">#${index + 1}</span>
      <h3>${escapeHtml(title)}</h3>
      <span class="small muted">${escapeHtml([order, counts].filter(Boolean).join(' · '))}</span>
      <span class="badge ${c.meets_target ? 'good' : 'poor'}" title="every band checked on the exact analysis">${c.meets_target ? 'meets the mask' : 'misses the mask'}</span>
      <span class="spacer"></span>
      <button type="button" class="secondary open-simulate" title="analyse this netlist in the Simulate view">Simulate</button>
      ${snap ? '<button type="button" class="secondary download-snapped">' + escapeHtml(snap.series) + ' netlist</button>' : ''}
      <button type="button" class="secondary download">Download SPICE netlist</button>
    </header>`;
  const netlist = c.netlist || '';
  card.querySelector('.download').addEventListener('click', () => download(`zged-candidate-${index + 1}.cir`, netlist));
  card.querySelector('.download-snapped')?.addEventListener('click', () => download(`zged-candidate-${index + 1}-${snap.series}.cir`, snap.netlist));
  card.querySelector('.open-simulate').addEventListener('click',
    () => document.dispatchEvent(new CustomEvent('zged:simulate', { detail: netlist })));
  card.appendChild(schematicFigure(c.elements || []));
  const tables = document.createElement('div');
  tables.className = 'tables';
  tables.append(marginsTable(c, bands), componentTable(c.elements || []));
  card.appendChild(tables);
  const notes = [];
  if (snap) {
    const m = snap.margins_db;
    notes.push(`${snap.series} values: ${snap.meets_target ? 'meet' : 'miss'} the mask`
      + (m && !Array.isArray(m) ? ` (passband margin ${dB(m.passband)}, stopband ${dB(m.stopband)}).` : '.'));
  }
  if (c.tolerance) {
    const t = c.tolerance;
    notes.push(`Tolerance ±${t.tolerance_pct} %, ${t.trials} trials: ${(100 * t.yield).toFixed(1)} % meet the mask.`);
  }
  for (const n of [...(c.notes || []), ...(c.range_warnings || [])]) notes.push(n);
  if (notes.length) {
    const p = document.createElement('p');
    p.className = 'small';
    p.textContent = notes.join(' ');
    card.appendChild(p);
  }
  const plots = document.createElement('div');
  plots.className = 'plots';
  card.appendChild(plots);
  if (netlist) analysisPanels(plots, netlist, [], null, {}, bands);
  return card;
}
