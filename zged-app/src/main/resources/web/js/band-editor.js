// The band editor of the mask form: any number of passbands (at most X dB of attenuation) and
// stopbands (at least X dB), each from/to in Hz. It only collects what was typed; the server checks
// the mask (overlaps, from >= to, a band both pass and stop) and names the band at fault.

const STARTER = [
  { kind: 'pass', from: '0', to: '1k', db: '1' },
  { kind: 'stop', from: '3k', to: '', db: '40' },
];

const NEW_BAND = { pass: { from: '0', to: '1k', db: '1' }, stop: { from: '3k', to: '', db: '40' } };

export function initBandEditor(root, onEdit = () => {}) {
  const body = root.querySelector('tbody');
  STARTER.forEach((b) => addBand(root, b));
  root.parentElement.querySelectorAll('.add-band').forEach((button) => button.addEventListener('click', () => {
    addBand(root, { kind: button.dataset.kind, ...NEW_BAND[button.dataset.kind] });
    onEdit();
  }));
  body.addEventListener('input', onEdit);
  body.addEventListener('change', onEdit);
}

/** Appends one row: kind, from, to, limit (dB), and a remove button. */
export function addBand(root, { kind, from, to, db }) {
  const row = document.createElement('tr');
  row.className = 'band';
  row.innerHTML = `
    <td class="kind"><select class="band-kind" aria-label="band kind">
      <option value="pass" title="passband: at most this attenuation">pass ≤</option><option value="stop" title="stopband: at least this attenuation">stop ≥</option></select></td>
    <td><input class="band-from" type="text" autocomplete="off" spellcheck="false" aria-label="from Hz"></td>
    <td><input class="band-to" type="text" autocomplete="off" spellcheck="false" aria-label="to Hz" placeholder="∞"></td>
    <td class="db"><input class="band-db" type="text" autocomplete="off" aria-label="attenuation limit in dB"></td>
    <td><button type="button" class="remove" title="remove this band" aria-label="remove band">×</button></td>`;
  row.querySelector('.band-kind').value = kind;
  row.querySelector('.band-from').value = from;
  row.querySelector('.band-to').value = to;
  row.querySelector('.band-db').value = db;
  row.querySelector('.remove').addEventListener('click', () => {
    row.remove();
    root.querySelector('tbody').dispatchEvent(new Event('input', { bubbles: true }));
  });
  root.querySelector('tbody').appendChild(row);
  return row;
}

// Plain numbers go as JSON numbers; anything else (e.g. "3k") as typed, for the server to read or
// refuse by name.
function value(text) {
  const t = text.trim();
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : t;
}

/** The mask as the API takes it: {"bands": [{"from_hz", "to_hz", "max_atten_db" | "min_atten_db"}]}. */
export function maskFromEditor(root) {
  const bands = [...root.querySelectorAll('tr.band')].map((row) => {
    const kind = row.querySelector('.band-kind').value;
    const band = { from_hz: value(row.querySelector('.band-from').value) };
    const to = row.querySelector('.band-to').value.trim();
    band.to_hz = to ? value(to) : 'inf';
    band[kind === 'pass' ? 'max_atten_db' : 'min_atten_db'] = value(row.querySelector('.band-db').value);
    return band;
  });
  return { bands };
}

/** Marks the row an error message names ("band 2: ...", counted from 1); clears the others. */
export function markBand(root, message) {
  const rows = [...root.querySelectorAll('tr.band')];
  rows.forEach((r) => r.classList.remove('invalid'));
  const m = /\bbands?\s*\[?(\d+)\]?/i.exec(message || '');
  if (!m) return;
  const n = Number(m[1]);
  const zeroBased = /bands?\s*\[\d+\]/.test(message);
  const row = rows[zeroBased ? n : n - 1];
  if (row) row.classList.add('invalid');
}
