// Draws a passive RLC circuit as an SVG schematic.
//
// Layout: the non-ground nodes sit on a horizontal "rail" from VIN (left) to VOUT (right), the ground
// rail runs along the bottom. An element between neighbouring rail nodes is drawn in series on the
// rail; between rail nodes further apart it is drawn as a bypass above; an element to ground hangs
// below its node. An internal node whose only neighbours are one rail node and ground (a shunt chain
// such as the L-C trap of a notch) hangs below that node with its elements stacked vertically.
// Parallel elements on one node pair are drawn side by side. Input: [{name, kind, a, b, value}].

import { eng, UNITS } from './format.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const GND = '0';
const SERIES_GAP = 150;     // horizontal room for a series element group
const PAR_H = 50;           // spacing of parallel elements in a horizontal group
const PAR_V = 92;           // spacing of parallel elements in a vertical group (label on the right)
const RAIL_TO_GROUND = 190;
const BYPASS_STEP = 56;

export function nodeLabel(name) {
  if (name === 'vin') return 'VIN';
  if (name === 'vout') return 'VOUT';
  if (name === GND) return 'GND';
  return name;
}

function groupByPair(elements) {
  const groups = new Map();
  for (const e of elements) {
    if (e.a === e.b) continue;
    const [a, b] = [e.a, e.b].sort();
    const key = a + '\u0000' + b;
    if (!groups.has(key)) groups.set(key, { a, b, elements: [] });
    groups.get(key).elements.push(e);
  }
  for (const g of groups.values()) g.elements.sort((x, y) => 'RLC'.indexOf(x.kind) - 'RLC'.indexOf(y.kind));
  return [...groups.values()];
}

function other(group, node) { return group.a === node ? group.b : group.a; }

/** Plans positions; returns everything the painter needs. Exported for reuse and inspection. */
export function layout(elements) {
  const groups = groupByPair(elements);
  const nodes = new Set();
  for (const e of elements) { nodes.add(e.a); nodes.add(e.b); }
  const neighbours = new Map([...nodes].map((n) => [n, new Set()]));
  for (const g of groups) { neighbours.get(g.a).add(g.b); neighbours.get(g.b).add(g.a); }

  // Shunt chains: a path of internal nodes of degree 2 that ends at ground hangs below the node it
  // starts from (e.g. the series L-C trap of a notch), its elements stacked vertically.
  const isLink = (n) => n !== GND && n !== 'vin' && n !== 'vout' && neighbours.get(n).size === 2;
  const chains = [];
  const hangs = new Map();
  for (const h of nodes) {
    if (!isLink(h) || !neighbours.get(h).has(GND) || hangs.has(h)) continue;
    const path = [h];
    let prev = GND;
    let cur = h;
    let top = null;
    for (;;) {
      const next = [...neighbours.get(cur)].find((m) => m !== prev);
      if (next === undefined || next === GND) break;
      if (isLink(next) && !path.includes(next)) { path.unshift(next); prev = cur; cur = next; continue; }
      top = next;
      break;
    }
    if (top === null || path.includes(top)) continue;
    chains.push({ top, path });
    for (const n of path) hangs.set(n, top);
  }

  // Rail order: VIN, internal nodes by distance from VIN, VOUT.
  const rail = [...nodes].filter((n) => n !== GND && !hangs.has(n));
  const dist = new Map();
  const start = rail.includes('vin') ? 'vin' : rail[0];
  const queue = start ? [start] : [];
  if (start) dist.set(start, 0);
  while (queue.length) {
    const n = queue.shift();
    for (const m of neighbours.get(n)) {
      if (m !== GND && !dist.has(m)) { dist.set(m, dist.get(n) + 1); queue.push(m); }
    }
  }
  const rank = (n) => (n === 'vin' ? -1 : n === 'vout' ? 1e9 : dist.has(n) ? dist.get(n) : 1e6);
  rail.sort((x, y) => rank(x) - rank(y) || x.localeCompare(y));
  const railIndex = new Map(rail.map((n, i) => [n, i]));

  // Branches below each rail node: direct shunts and hanging chains.
  const branches = new Map(rail.map((n) => [n, []]));
  const used = new Set();
  for (const g of groups) {
    const touchesGround = g.a === GND || g.b === GND;
    if (!touchesGround) continue;
    const n = other(g, GND);
    if (hangs.has(n)) continue;
    if (branches.has(n)) { branches.get(n).push({ kind: 'shunt', groups: [g] }); used.add(g); }
  }
  const groupOf = (x, y) => groups.find((g) => (g.a === x && g.b === y) || (g.a === y && g.b === x));
  for (const { top, path } of chains) {
    const stops = [top, ...path, GND];
    const chainGroups = stops.slice(1).map((n, i) => groupOf(stops[i], n));
    branches.get(top).push({ kind: 'chain', nodes: path, groups: chainGroups });
    chainGroups.forEach((g) => used.add(g));
  }

  const series = [];
  const bypass = [];
  for (const g of groups) {
    if (used.has(g)) continue;
    const i = railIndex.get(g.a);
    const j = railIndex.get(g.b);
    if (i === undefined || j === undefined) continue;
    const [lo, hi] = i < j ? [g.a, g.b] : [g.b, g.a];
    (Math.abs(i - j) === 1 ? series : bypass).push({ group: g, from: lo, to: hi });
  }
  bypass.sort((x, y) => (railIndex.get(x.to) - railIndex.get(x.from)) - (railIndex.get(y.to) - railIndex.get(y.from)));

  const maxSeriesPar = Math.max(1, ...series.map((s) => s.group.elements.length));
  // Bypass levels stack upwards, each as tall as its parallel group; offsets are from the rail.
  let level = -60 - (maxSeriesPar - 1) * PAR_H / 2;
  for (const b of bypass) {
    const half = (b.group.elements.length - 1) * PAR_H / 2;
    b.dy = level - half;
    level = b.dy - half - BYPASS_STEP;
  }
  const highest = bypass.length ? -(bypass[bypass.length - 1].dy - (bypass[bypass.length - 1].group.elements.length - 1) * PAR_H / 2) : (maxSeriesPar - 1) * PAR_H / 2;
  const railY = 40 + highest + 30;
  // A shunt chain stacks its element groups between rail and ground: room for each of them.
  const longest = Math.max(1, ...chains.map((c) => c.path.length + 1));
  const groundY = railY + Math.max(RAIL_TO_GROUND * 0.72, longest * RAIL_TO_GROUND / 2);

  // Each branch takes one column per parallel element, starting at the node and going right; a
  // node's rail segment runs from its first column (x0) to its last (x1).
  let cursor = 90;
  const pos = new Map();
  rail.forEach((n, idx) => {
    const list = branches.get(n);
    let x = cursor;
    for (const br of list) {
      br.x = x;
      br.par = Math.max(...br.groups.map((g) => g.elements.length));
      x += br.par * PAR_V;
    }
    const x0 = cursor;
    const x1 = list.length ? x - PAR_V : cursor;
    pos.set(n, { x0, x1 });
    cursor = idx === rail.length - 1 ? x1 : x1 + SERIES_GAP + (list.length ? 40 : 0);
  });
  for (const b of bypass) b.y = railY + b.dy;
  const width = cursor + 120;
  const hasGround = nodes.has(GND);
  const below = railY + (maxSeriesPar - 1) * PAR_H / 2 + 20;
  const height = Math.max(hasGround ? groundY : railY, below) + 50;
  return { rail, hangs, branches, series, bypass, pos, railY, groundY, width, height, hasGround };
}

function el(tag, attrs, parent) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (parent) parent.appendChild(node);
  return node;
}

function line(parent, x1, y1, x2, y2, cls = 'wire') {
  return el('line', { x1, y1, x2, y2, class: cls }, parent);
}

function text(parent, x, y, str, cls, anchor = 'middle') {
  const t = el('text', { x, y, class: cls, 'text-anchor': anchor }, parent);
  t.textContent = str;
  return t;
}

// Symbols are drawn along the x axis between -30 and 30, centred at the origin.
function symbol(parent, kind) {
  const g = el('g', { class: 'sym sym-' + kind }, parent);
  if (kind === 'R') {
    let d = 'M-30 0 L-21 0';
    const pts = [-18, -12, -6, 0, 6, 12, 18];
    pts.forEach((x, i) => { d += ` L${x} ${i % 2 === 0 ? -8 : 8}`; });
    d += ' L21 0 L30 0';
    el('path', { d }, g);
  } else if (kind === 'C') {
    el('path', { d: 'M-30 0 L-5 0 M5 0 L30 0' }, g);
    el('path', { d: 'M-5 -14 L-5 14 M5 -14 L5 14', class: 'plate' }, g);
  } else {
    let d = 'M-30 0 L-24 0';
    for (let i = 0; i < 4; i++) d += ` A6 6 0 0 1 ${-24 + 12 * (i + 1)} 0`;
    d += ' L30 0';
    el('path', { d }, g);
  }
  return g;
}

function elementLabel(e) { return eng(e.value, UNITS[e.kind] || ''); }

/** A group of parallel elements between (x1,y) and (x2,y). */
function horizontalGroup(parent, group, x1, x2, y) {
  const n = group.elements.length;
  const cx = (x1 + x2) / 2;
  const offsets = group.elements.map((_, i) => (i - (n - 1) / 2) * PAR_H);
  const busL = n > 1 ? x1 + 14 : x1;
  const busR = n > 1 ? x2 - 14 : x2;
  if (n > 1) {
    line(parent, x1, y, busL, y); line(parent, busR, y, x2, y);
    line(parent, busL, y + offsets[0], busL, y + offsets[n - 1]);
    line(parent, busR, y + offsets[0], busR, y + offsets[n - 1]);
  }
  group.elements.forEach((e, i) => {
    const yy = y + offsets[i];
    line(parent, busL, yy, cx - 30, yy); line(parent, cx + 30, yy, busR, yy);
    const g = symbol(parent, e.kind);
    g.setAttribute('transform', `translate(${cx} ${yy})`);
    g.dataset.element = e.name;
    text(parent, cx, yy - 17, `${e.name} ${elementLabel(e)}`, 'lbl');
  });
}

/** A group of parallel elements between (x,y1) and (x,y2), y1 < y2. */
/**
 * A group of parallel elements from y1 down to y2, one column per element starting at x and going
 * right. An end on a rail (the node rail or ground) needs no bus: each column meets the rail.
 */
function verticalGroup(parent, group, x, y1, y2, { topRail = true, bottomRail = true } = {}) {
  const n = group.elements.length;
  const cy = (y1 + y2) / 2;
  const busT = n > 1 && !topRail ? y1 + 14 : y1;
  const busB = n > 1 && !bottomRail ? y2 - 14 : y2;
  const last = x + (n - 1) * PAR_V;
  if (busT !== y1) { line(parent, x, y1, x, busT); line(parent, x, busT, last, busT); }
  if (busB !== y2) { line(parent, x, busB, x, y2); line(parent, x, busB, last, busB); }
  group.elements.forEach((e, i) => {
    const xx = x + i * PAR_V;
    line(parent, xx, busT, xx, cy - 30); line(parent, xx, cy + 30, xx, busB);
    if (i > 0 && topRail) dot(parent, xx, y1);
    if (i > 0 && bottomRail) dot(parent, xx, y2);
    const g = symbol(parent, e.kind);
    g.setAttribute('transform', `translate(${xx} ${cy}) rotate(90)`);
    g.dataset.element = e.name;
    text(parent, xx + 17, cy - 3, e.name, 'lbl', 'start');
    text(parent, xx + 17, cy + 11, elementLabel(e), 'lbl val', 'start');
  });
  return last;
}

function dot(parent, x, y) { el('circle', { cx: x, cy: y, r: 3.2, class: 'dot' }, parent); }

function groundSymbol(parent, x, y) {
  line(parent, x, y, x, y + 10);
  line(parent, x - 14, y + 10, x + 14, y + 10, 'wire gnd');
  line(parent, x - 9, y + 15, x + 9, y + 15, 'wire gnd');
  line(parent, x - 4, y + 20, x + 4, y + 20, 'wire gnd');
}

/** Renders elements [{name, kind, a, b, value}] as an <svg class="schematic">. */
export function schematic(elements) {
  const L = layout(elements);
  const svg = el('svg', { class: 'schematic', viewBox: `0 0 ${L.width} ${L.height}`, width: L.width, height: L.height, role: 'img' });
  el('title', {}, svg).textContent = 'Schematic: ' + elements.map((e) => `${e.name} ${e.a}-${e.b}`).join(', ');
  const g = el('g', {}, svg);
  const { railY, groundY } = L;

  // Rail segments of each node (a node with several branches is a wire across them).
  for (const n of L.rail) {
    const p = L.pos.get(n);
    if (p.x1 > p.x0) line(g, p.x0, railY, p.x1, railY);
  }
  for (const s of L.series) {
    horizontalGroup(g, s.group, L.pos.get(s.from).x1, L.pos.get(s.to).x0, railY);
  }
  for (const b of L.bypass) {
    const xa = L.pos.get(b.from).x1;
    const xb = L.pos.get(b.to).x0;
    line(g, xa, railY, xa, b.y); line(g, xb, railY, xb, b.y);
    // The symbol sits over the first gap of the span, clear of the node columns it passes.
    const next = L.rail[L.rail.indexOf(b.from) + 1];
    const gapEnd = next ? L.pos.get(next).x0 : xb;
    const mid = (xa + gapEnd) / 2;
    line(g, xa, b.y, mid - 50, b.y);
    line(g, mid + 50, b.y, xb, b.y);
    horizontalGroup(g, b.group, mid - 50, mid + 50, b.y);
    dot(g, xa, railY); dot(g, xb, railY);
  }
  let gx0 = Infinity;
  let gx1 = -Infinity;
  for (const n of L.rail) {
    for (const br of L.branches.get(n)) {
      let right = br.x;
      dot(g, br.x, railY);
      if (br.kind === 'shunt') {
        right = verticalGroup(g, br.groups[0], br.x, railY, groundY);
      } else {
        const step = (groundY - railY) / br.groups.length;
        br.groups.forEach((grp, i) => {
          const y1 = railY + i * step;
          right = Math.max(right, verticalGroup(g, grp, br.x, y1, y1 + step,
            { topRail: i === 0, bottomRail: i === br.groups.length - 1 }));
        });
        br.nodes.forEach((n, i) => {
          const y = railY + (i + 1) * step;
          dot(g, br.x, y);
          text(g, br.x - 8, y + 4, nodeLabel(n), 'node', 'end');
        });
      }
      dot(g, br.x, groundY);
      gx0 = Math.min(gx0, br.x); gx1 = Math.max(gx1, right);
    }
  }
  if (L.hasGround && gx1 >= gx0) {
    line(g, Math.min(gx0, 60), groundY, gx1, groundY);
    groundSymbol(g, Math.min(gx0, 60), groundY);
    text(g, Math.min(gx0, 60) + 22, groundY + 24, 'GND', 'node', 'start');
  }
  // Terminals and node names.
  for (const n of L.rail) {
    const p = L.pos.get(n);
    if (n === 'vin') {
      line(g, p.x0 - 40, railY, p.x0, railY);
      el('circle', { cx: p.x0 - 44, cy: railY, r: 4.5, class: 'terminal' }, g);
      text(g, p.x0 - 44, railY - 12, 'VIN', 'node');
    } else if (n === 'vout') {
      line(g, p.x1, railY, p.x1 + 40, railY);
      el('circle', { cx: p.x1 + 44, cy: railY, r: 4.5, class: 'terminal' }, g);
      text(g, p.x1 + 44, railY - 12, 'VOUT', 'node');
    } else {
      dot(g, p.x0, railY);
      text(g, p.x0 - 6, railY + 18, nodeLabel(n), 'node', 'end');
    }
  }
  return svg;
}
