// Latent explorer: the reference set's latent means projected to 2-D by PCA, coloured by family.
// Click a point (or empty space) to decode it; two clicks set A and B, and the slider walks the
// straight line between their 8-D latents, showing where the decoded topology changes.

import { api } from './api.js';
import { eng, plain, escapeHtml } from './format.js';
import { schematicFigure } from './circuit-view.js';
import { nodeLabel } from './schematic.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f',
  '#bcbd22', '#17becf', '#393b79', '#ad494a'];
const STEPS = 20;

let map = null;         // {points, families, colour, X, Y, invX, invY}
let ends = { a: null, b: null };
let path = [];          // decodes along A->B
let loaded = false;

function el(tag, attrs, parent) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (parent) parent.appendChild(node);
  return node;
}

export async function initLatent() {
  if (loaded) return;
  loaded = true;
  const status = document.getElementById('latent-status');
  status.textContent = 'Encoding the reference set…';
  const reply = await api.latent();
  if (!reply.ok) {
    status.textContent = 'Latent map unavailable: ' + reply.error;
    status.classList.add('error');
    loaded = false;
    return;
  }
  const d = reply.data;
  status.textContent = `${d.points.length} circuits from the reference set; PCA explains `
    + `${(100 * (d.explained_variance[0] + d.explained_variance[1])).toFixed(1)} % of the latent variance. `
    + 'Click a point to decode it; click a second point to interpolate.';
  drawMap(d);
  document.getElementById('latent-slider').addEventListener('input', (ev) => showStep(Number(ev.target.value)));
  document.getElementById('latent-clear').addEventListener('click', () => {
    ends = { a: null, b: null };
    path = [];
    updateEnds();
  });
}

function drawMap(d) {
  const svg = document.getElementById('latent-map');
  svg.replaceChildren();
  const W = 600;
  const H = 480;
  const pad = 36;
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  const xs = d.points.map((p) => p.x);
  const ys = d.points.map((p) => p.y);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const sx = (W - 2 * pad) / (x1 - x0 || 1);
  const sy = (H - 2 * pad) / (y1 - y0 || 1);
  const X = (x) => pad + (x - x0) * sx;
  const Y = (y) => H - pad - (y - y0) * sy;
  const colour = new Map(d.families.map((f, i) => [f, PALETTE[i % PALETTE.length]]));
  map = { ...d, colour, X, Y, invX: (px) => x0 + (px - pad) / sx, invY: (py) => y0 + (H - pad - py) / sy };
  el('rect', { x: 0, y: 0, width: W, height: H, class: 'map-bg' }, svg);
  el('text', { x: W / 2, y: H - 8, class: 'axis', 'text-anchor': 'middle' }, svg).textContent = 'PC 1';
  el('text', { x: 12, y: H / 2, class: 'axis', 'text-anchor': 'middle', transform: `rotate(-90 12 ${H / 2})` }, svg).textContent = 'PC 2';
  const dots = el('g', { class: 'dots' }, svg);
  for (const p of d.points) {
    const c = el('circle', { cx: X(p.x).toFixed(1), cy: Y(p.y).toFixed(1), r: 3, fill: colour.get(p.family), class: 'pt' }, dots);
    const t = el('title', {}, c);
    t.textContent = `${p.id} · ${p.family} · ${p.response_class}` + (p.fc_hz ? ` · fc ${eng(p.fc_hz, 'Hz')}` : '') + (p.f0_hz ? ` · f0 ${eng(p.f0_hz, 'Hz')}` : '');
  }
  el('g', { id: 'latent-overlay' }, svg);
  svg.addEventListener('click', (ev) => onClick(svg, ev));
  const legend = document.getElementById('latent-legend');
  legend.innerHTML = d.families.map((f) => `<span><i style="background:${colour.get(f)}"></i>${escapeHtml(f)}</span>`).join('');
}

function svgPoint(svg, ev) {
  const pt = svg.createSVGPoint();
  pt.x = ev.clientX;
  pt.y = ev.clientY;
  return pt.matrixTransform(svg.getScreenCTM().inverse());
}

async function onClick(svg, ev) {
  const { x, y } = svgPoint(svg, ev);
  let best = null;
  let bestD = 8 * 8;
  for (const p of map.points) {
    const dx = map.X(p.x) - x;
    const dy = map.Y(p.y) - y;
    if (dx * dx + dy * dy < bestD) { bestD = dx * dx + dy * dy; best = p; }
  }
  const request = best ? { z: best.z } : { point: [map.invX(x), map.invY(y)] };
  const label = best ? `${best.id} (${best.family})` : `PCA (${plain(request.point[0], 3)}, ${plain(request.point[1], 3)})`;
  const reply = await api.decode(request);
  if (!reply.ok) {
    document.getElementById('latent-status').textContent = 'Decode failed: ' + reply.error;
    return;
  }
  const end = { label, z: reply.data.z, point: reply.data.point, decoded: reply.data };
  if (!ends.a || ends.b) { ends = { a: end, b: null }; } else { ends.b = end; }
  path = [];
  updateEnds();
  showDecoded(reply.data, label);
  if (ends.a && ends.b) await interpolate();
}

function updateEnds() {
  const overlay = document.getElementById('latent-overlay');
  overlay.replaceChildren();
  const slider = document.getElementById('latent-slider');
  document.getElementById('latent-a').textContent = ends.a ? ends.a.label : 'click a point';
  document.getElementById('latent-b').textContent = ends.b ? ends.b.label : ends.a ? 'click a second point' : '—';
  slider.disabled = !(ends.a && ends.b);
  if (!ends.a || !ends.b) document.getElementById('latent-strip').replaceChildren();
  if (ends.a && ends.b) {
    el('line', { x1: map.X(ends.a.point[0]), y1: map.Y(ends.a.point[1]), x2: map.X(ends.b.point[0]), y2: map.Y(ends.b.point[1]), class: 'interp-line' }, overlay);
  }
  for (const [name, e] of [['A', ends.a], ['B', ends.b]]) {
    if (!e) continue;
    const cx = map.X(e.point[0]);
    const cy = map.Y(e.point[1]);
    el('circle', { cx, cy, r: 8, class: 'end-marker' }, overlay);
    el('text', { x: cx + 10, y: cy - 8, class: 'end-label' }, overlay).textContent = name;
  }
  el('circle', { id: 'latent-cursor', r: 6, cx: -20, cy: -20, class: 'cursor' }, overlay);
}

async function interpolate() {
  const strip = document.getElementById('latent-strip');
  strip.innerHTML = '<span class="small">decoding the path…</span>';
  const steps = [];
  for (let i = 0; i <= STEPS; i++) {
    const t = i / STEPS;
    const z = ends.a.z.map((za, k) => (1 - t) * za + t * ends.b.z[k]);
    const reply = await api.decode({ z });
    steps.push(reply.ok ? reply.data : { error: reply.error });
  }
  path = steps;
  strip.replaceChildren();
  let previous = null;
  const ids = new Map();
  steps.forEach((s, i) => {
    const sig = s.signature || s.error || '?';
    if (!ids.has(sig)) ids.set(sig, ids.size);
    const cell = document.createElement('button');
    cell.type = 'button';
    cell.className = 'step' + (previous !== null && sig !== previous ? ' change' : '') + (s.valid ? '' : ' undecodable');
    cell.style.background = PALETTE[ids.get(sig) % PALETTE.length];
    cell.title = `t = ${(i / STEPS).toFixed(2)}: ${s.valid ? 'valid' : 'not a valid filter'}${previous !== null && sig !== previous ? ' — topology changes here' : ''}`;
    cell.addEventListener('click', () => { document.getElementById('latent-slider').value = i; showStep(i); });
    strip.appendChild(cell);
    previous = sig;
  });
  const changes = steps.filter((s, i) => i > 0 && (s.signature || s.error) !== (steps[i - 1].signature || steps[i - 1].error)).length;
  strip.insertAdjacentHTML('beforeend', `<span class="small">${ids.size} topolog${ids.size === 1 ? 'y' : 'ies'}, ${changes} change${changes === 1 ? '' : 's'} along the path</span>`);
  document.getElementById('latent-slider').value = 0;
  showStep(0);
}

function showStep(i) {
  const s = path[i];
  if (!s || s.error) return;
  const t = i / STEPS;
  const cursor = document.getElementById('latent-cursor');
  if (cursor && s.point) { cursor.setAttribute('cx', map.X(s.point[0])); cursor.setAttribute('cy', map.Y(s.point[1])); }
  const changed = i > 0 && path[i - 1].signature !== s.signature;
  showDecoded(s, `t = ${t.toFixed(2)}` + (changed ? ' — topology changed' : ''));
  const note = document.createElement('p');
  note.className = 'small change-note';
  note.textContent = i === 0 ? 'Start of the path (A).'
    : changed ? 'From the previous step: ' + elementDiff(path[i - 1], s)
      : 'Same topology as the previous step; only values change.';
  document.getElementById('latent-decoded').insertBefore(note, document.querySelector('#latent-decoded h3').nextSibling);
}

/** "+ C vout–0, − R vin–vout": which element kinds appeared or vanished between node pairs. */
function elementDiff(before, after) {
  const keys = (d) => new Set((d.elements || []).map((e) => `${e.kind} ${[e.node_a, e.node_b].sort().map(nodeLabel).join('–')}`));
  const a = keys(before);
  const b = keys(after);
  const added = [...b].filter((k) => !a.has(k)).map((k) => '+ ' + k);
  const removed = [...a].filter((k) => !b.has(k)).map((k) => '− ' + k);
  const all = [...added, ...removed];
  return all.length ? all.join(', ') : 'the same elements, connected differently';
}

function showDecoded(d, label) {
  const panel = document.getElementById('latent-decoded');
  panel.replaceChildren();
  const h = document.createElement('h3');
  h.textContent = label;
  panel.appendChild(h);
  if (d.elements && d.elements.length) panel.appendChild(schematicFigure(d.elements));
  const facts = [];
  facts.push(d.valid ? '<span class="badge good">valid filter</span>' : '<span class="badge poor">not a valid filter</span>');
  if (d.specs) {
    const s = d.specs;
    facts.push(`class <b>${escapeHtml(s.response_class)}</b>`);
    if (s.fc_hz) facts.push(`fc ${eng(s.fc_hz, 'Hz', 4)}`);
    if (s.f0_hz) facts.push(`f0 ${eng(s.f0_hz, 'Hz', 4)}`);
    if (s.q) facts.push(`Q ${plain(s.q)}`);
    else if (s.pole_q) facts.push(`pole Q ${plain(s.pole_q)}`);
  }
  const p = document.createElement('p');
  p.innerHTML = facts.join(' · ');
  panel.appendChild(p);
  if (d.problems && d.problems.length) {
    const ul = document.createElement('ul');
    ul.className = 'problems';
    ul.innerHTML = d.problems.map((x) => `<li>${escapeHtml(x)}</li>`).join('');
    panel.appendChild(ul);
  }
}
