// Bode (magnitude + phase on a log frequency axis) and pole-zero plots, drawn as SVG.

import { eng } from './format.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

function el(tag, attrs, parent) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (parent) parent.appendChild(node);
  return node;
}

function text(parent, x, y, str, cls, anchor = 'middle') {
  const t = el('text', { x, y, class: cls, 'text-anchor': anchor }, parent);
  t.textContent = str;
  return t;
}

function niceStep(range, target) {
  const raw = range / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (raw <= m * mag) return m * mag;
  return 10 * mag;
}

function path(xs, ys) {
  let d = '';
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isFinite(ys[i])) { pen = false; continue; }
    d += `${pen ? 'L' : 'M'}${xs[i].toFixed(1)} ${ys[i].toFixed(1)} `;
    pen = true;
  }
  return d;
}

/**
 * Bode plot of {frequency_hz, magnitude_db, phase_deg}. markers: [{f, label, cls}] vertical lines,
 * e.g. the target fc (dashed) and the achieved fc. mask: {bands: [{kind, low_hz, high_hz,
 * limit_db}], referenceDb} shades what the mask forbids on the magnitude panel: below
 * referenceDb − limit in a passband, above it in a stopband (the limits are attenuations relative to
 * the passband maximum, referenceDb).
 */
export function bode(response, markers = [], { width = 520, height = 330, mask = null } = {}) {
  const f = response.frequency_hz;
  const mag = response.magnitude_db;
  const ph = response.phase_deg;
  const svg = el('svg', { class: 'bode', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img' });
  el('title', {}, svg).textContent = 'Bode plot';
  const left = 52;
  const right = width - 26;
  const panels = [
    { top: 14, bottom: height * 0.56 - 12, values: mag, unit: 'dB', cls: 'mag' },
    { top: height * 0.56 + 8, bottom: height - 34, values: ph, unit: '°', cls: 'phase' },
  ];
  const lf0 = Math.log10(f[0]);
  const lf1 = Math.log10(f[f.length - 1]);
  const xOf = (hz) => left + ((Math.log10(hz) - lf0) / (lf1 - lf0)) * (right - left);
  const xs = f.map(xOf);

  // Magnitude range: the top 100 dB below the maximum at most, on 10/20 dB ticks; with a mask, at
  // least down to its deepest limit, so that every band's boundary is on the plot.
  const finiteMag = mag.filter(Number.isFinite);
  const mMax = Math.max(...finiteMag);
  const maskFloor = mask ? mask.referenceDb - Math.max(...mask.bands.map((b) => b.limit_db)) - 10 : Infinity;
  const mMin = Math.min(Math.max(Math.min(...finiteMag), mMax - 100), maskFloor);
  const mStep = niceStep(Math.max(mMax - mMin, 10), 5);
  panels[0].lo = Math.floor(mMin / mStep) * mStep;
  panels[0].hi = Math.ceil((mMax + 1) / mStep) * mStep;
  panels[0].step = mStep;
  const pMin = Math.min(...ph.filter(Number.isFinite));
  const pMax = Math.max(...ph.filter(Number.isFinite));
  panels[1].lo = Math.floor(Math.min(pMin, -10) / 45) * 45;
  panels[1].hi = Math.ceil(Math.max(pMax, 10) / 45) * 45;
  panels[1].step = panels[1].hi - panels[1].lo > 180 ? 90 : 45;

  for (const p of panels) {
    const yOf = (v) => p.bottom - ((Math.min(Math.max(v, p.lo), p.hi) - p.lo) / (p.hi - p.lo)) * (p.bottom - p.top);
    const g = el('g', { class: 'panel ' + p.cls }, svg);
    el('rect', { x: left, y: p.top, width: right - left, height: p.bottom - p.top, class: 'frame' }, g);
    for (let d = Math.ceil(lf0); d <= Math.floor(lf1); d++) {
      const x = xOf(10 ** d);
      el('line', { x1: x, y1: p.top, x2: x, y2: p.bottom, class: 'grid' }, g);
      for (let m = 2; m < 10; m++) {
        const xm = xOf(m * 10 ** d);
        if (xm < right) el('line', { x1: xm, y1: p.top, x2: xm, y2: p.bottom, class: 'grid minor' }, g);
      }
      if (p === panels[1]) text(g, x, p.bottom + 16, eng(10 ** d, 'Hz', 2), 'tick');
    }
    for (let v = p.lo; v <= p.hi + 1e-9; v += p.step) {
      const y = yOf(v);
      el('line', { x1: left, y1: y, x2: right, y2: y, class: 'grid' }, g);
      text(g, left - 5, y + 3.5, `${Math.round(v)}${p.unit === '°' ? '°' : ''}`, 'tick', 'end');
    }
    text(g, 12, (p.top + p.bottom) / 2, p === panels[0] ? '|H| (dB)' : 'phase', 'axis', 'middle')
      .setAttribute('transform', `rotate(-90 12 ${(p.top + p.bottom) / 2})`);
    if (mask && p === panels[0]) drawMask(g, mask, { xOf, yOf, top: p.top, bottom: p.bottom, fLo: f[0], fHi: f[f.length - 1] });
    el('path', { d: path(xs, p.values.map(yOf)), class: 'curve' }, g);
    for (const m of markers) {
      if (!(m.f > 0) || m.f < f[0] || m.f > f[f.length - 1]) continue;
      const x = xOf(m.f);
      el('line', { x1: x, y1: p.top, x2: x, y2: p.bottom, class: 'marker ' + (m.cls || '') }, g);
      if (p === panels[0] && m.label) {
        text(g, x + (m.side === 'left' ? -4 : 4), p.top + 12 + (m.row || 0) * 12, m.label, 'marker-label ' + (m.cls || ''), m.side === 'left' ? 'end' : 'start');
      }
    }
  }
  return svg;
}

/** One shaded rectangle per band over the region the mask forbids, with its limit as a label. */
function drawMask(g, mask, { xOf, yOf, top, bottom, fLo, fHi }) {
  const layer = el('g', { class: 'mask' }, g);
  for (const b of mask.bands) {
    const lo = Math.max(b.low_hz > 0 ? b.low_hz : fLo, fLo);
    const hi = Math.min(b.high_hz === null || b.high_hz === undefined ? fHi : b.high_hz, fHi);
    if (!(hi > lo)) continue;
    const x0 = xOf(lo);
    const x1 = xOf(hi);
    const yEdge = yOf(mask.referenceDb - b.limit_db);
    const pass = b.kind === 'pass';
    const [y0, y1] = pass ? [yEdge, bottom] : [top, yEdge];
    const r = el('rect', { x: x0, y: y0, width: x1 - x0, height: Math.max(0, y1 - y0), class: 'mask-forbidden ' + b.kind }, layer);
    r.dataset.kind = b.kind;
    r.dataset.fromHz = String(b.low_hz);
    r.dataset.toHz = b.high_hz === null || b.high_hz === undefined ? 'inf' : String(b.high_hz);
    r.dataset.limitDb = String(b.limit_db);
    el('title', {}, r).textContent = `${pass ? 'passband' : 'stopband'}: attenuation ${pass ? '≤' : '≥'} ${b.limit_db} dB`;
    text(layer, (x0 + x1) / 2, pass ? yEdge + 12 : yEdge - 4, `${pass ? '≤' : '≥'} ${b.limit_db} dB`, 'mask-label');
  }
}

/** Pole-zero plot of poles and zeros given as [re, im] in rad/s. */
export function poleZero(poles, zeros, { size = 300, target = null } = {}) {
  const svg = el('svg', { class: 'pz', viewBox: `0 0 ${size} ${size}`, width: size, height: size, role: 'img' });
  el('title', {}, svg).textContent = 'Pole-zero plot';
  const pts = [...poles, ...zeros, ...(target ? [...target.poles, ...target.zeros] : [])];
  // The scale holds every root and the natural-frequency circle through the largest pole.
  let extent = Math.max(1e-12, ...pts.map(([re, im]) => Math.hypot(re, im)));
  extent *= 1.15;
  const pad = 30;
  const c = size / 2;
  const scale = (c - pad) / extent;
  const X = (re) => c + re * scale;
  const Y = (im) => c - im * scale;
  el('rect', { x: pad, y: pad, width: size - 2 * pad, height: size - 2 * pad, class: 'frame' }, svg);
  el('rect', { x: c, y: pad, width: size / 2 - pad, height: size - 2 * pad, class: 'rhp' }, svg);
  el('line', { x1: pad, y1: c, x2: size - pad, y2: c, class: 'axis-line' }, svg);
  el('line', { x1: c, y1: pad, x2: c, y2: size - pad, class: 'axis-line' }, svg);
  text(svg, size - pad, c - 5, 'σ', 'axis', 'end');
  text(svg, c + 6, pad + 12, 'jω', 'axis', 'start');
  text(svg, pad + 2, size - pad + 14, `−${eng(extent, '', 2)}`, 'tick', 'start');
  text(svg, size - pad - 2, size - pad + 14, `${eng(extent, '', 2)} rad/s`, 'tick', 'end');
  // A circle through the poles of largest magnitude shows the natural frequency.
  const w0 = Math.max(0, ...poles.map(([re, im]) => Math.hypot(re, im)));
  if (w0 > 0) el('circle', { cx: c, cy: c, r: w0 * scale, class: 'w0' }, svg);

  // Target roots (pole/zero targets) in orange underneath, so a match shows as overlap.
  if (target) {
    for (const [re, im] of target.poles) {
      const x = X(re);
      const y = Y(im);
      el('path', { d: `M${x - 8} ${y - 8} L${x + 8} ${y + 8} M${x - 8} ${y + 8} L${x + 8} ${y - 8}`, class: 'target-root' }, svg);
    }
    for (const [re, im] of target.zeros) el('circle', { cx: X(re), cy: Y(im), r: 8, class: 'target-root' }, svg);
  }
  const count = new Map();
  const key = ([re, im]) => `${Math.round(X(re))},${Math.round(Y(im))}`;
  for (const [re, im] of poles) {
    const x = X(re);
    const y = Y(im);
    el('path', { d: `M${x - 6} ${y - 6} L${x + 6} ${y + 6} M${x - 6} ${y + 6} L${x + 6} ${y - 6}`, class: 'pole' }, svg);
    count.set('p' + key([re, im]), (count.get('p' + key([re, im])) || 0) + 1);
  }
  for (const [re, im] of zeros) {
    el('circle', { cx: X(re), cy: Y(im), r: 6, class: 'zero' }, svg);
    count.set('z' + key([re, im]), (count.get('z' + key([re, im])) || 0) + 1);
  }
  for (const [k, n] of count) {
    if (n < 2) continue;
    const [x, y] = k.slice(1).split(',').map(Number);
    text(svg, x + 9, y - 8, `×${n}`, 'mult', 'start');
  }
  const legend = el('g', { class: 'legend' }, svg);
  text(legend, pad + 4, pad - 10, `× pole (${poles.length})   ○ zero (${zeros.length})${target ? '   orange: target' : ''}`, 'tick', 'start');
  return svg;
}
