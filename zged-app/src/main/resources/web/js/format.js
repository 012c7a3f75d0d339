// Number formatting shared by the page: engineering notation with SI prefixes, as designers write values.

const PREFIXES = [
  [1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k'], [1, ''],
  [1e-3, 'm'], [1e-6, 'µ'], [1e-9, 'n'], [1e-12, 'p'], [1e-15, 'f'],
];

/** 15900 -> "15.9 k" (3 significant digits). */
export function eng(value, unit = '', digits = 3) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return (value > 0 ? '∞' : '−∞') + (unit ? ' ' + unit : '');
  if (value === 0) return '0' + (unit ? ' ' + unit : '');
  const abs = Math.abs(value);
  let [scale, prefix] = PREFIXES[PREFIXES.length - 1];
  for (const [s, p] of PREFIXES) {
    if (abs >= s * 0.9995) { scale = s; prefix = p; break; }
  }
  const scaled = value / scale;
  const text = Number(scaled.toPrecision(digits)).toString();
  return `${text} ${prefix}${unit}`.trim();
}

export const UNITS = { R: 'Ω', C: 'F', L: 'H' };

export function hz(value) { return eng(value, 'Hz', 4); }

/** A relative error as a percentage with sensible precision. */
export function pct(rel) {
  if (rel === null || rel === undefined) return '—';
  rel = Number(rel); // the server writes an infinite error as the string "Infinity"
  if (Number.isNaN(rel)) return '—';
  if (!Number.isFinite(rel)) return '∞';
  const p = Math.abs(rel) * 100;
  if (p === 0) return '0 %';
  if (p < 0.001) return '< 0.001 %';
  return (p < 0.1 ? p.toPrecision(2) : p.toFixed(p < 10 ? 2 : 1)) + ' %';
}

export function plain(value, digits = 4) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e6 || abs < 1e-3)) return value.toExponential(digits - 1).replace(/\.?0+e/, 'e').replace('e+', 'e');
  return Number(value.toPrecision(digits)).toString();
}

/** A complex number [re, im] in rad/s as "−6.28k ± j10.9k" style text. */
export function complex([re, im]) {
  const r = eng(re, '', 4);
  if (Math.abs(im) < 1e-12 * Math.max(1, Math.abs(re))) return r;
  return `${r} ${im < 0 ? '−' : '+'} j${eng(Math.abs(im), '', 4)}`;
}

export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** A signed relative deviation as a percentage: +0.42 %, −1.3 %. */
export function signedPct(rel) {
  if (rel === null || rel === undefined || !Number.isFinite(rel)) return '—';
  return (rel < 0 ? '−' : '+') + pct(rel);
}
