// Simulate view: paste a netlist, get its exact analysis.

import { api } from './api.js';
import { eng, plain, escapeHtml } from './format.js';
import { schematicFigure, componentTable, analysisPanels } from './circuit-view.js';

const EXAMPLE = `* RC lowpass, fc = 1/(2 pi R C) = 15.9 kHz
V1 vin 0 AC 1
R1 vin vout 1k
C1 vout 0 10n
.end
`;

export function initSimulate() {
  const form = document.getElementById('simulate-form');
  const text = form.elements.netlist;
  if (!text.value) text.value = EXAMPLE;
  // A candidate's "Simulate" button hands its netlist over (the tab switch is main.js's job).
  document.addEventListener('zged:simulate', (ev) => {
    text.value = ev.detail;
    form.elements.in.value = '';
    form.elements.out.value = '';
    form.requestSubmit();
  });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const out = document.getElementById('simulate-result');
    for (const slot of form.querySelectorAll('.field-error')) slot.textContent = '';
    for (const input of form.querySelectorAll('.invalid')) input.classList.remove('invalid');
    out.innerHTML = '<p class="status">Analysing…</p>';
    const plots = document.createElement('div');
    plots.className = 'plots';
    const nodes = { in: form.elements.in.value.trim(), out: form.elements.out.value.trim() };
    const a = await analysisPanels(plots, text.value, [], null, nodes);
    out.replaceChildren();
    if (a.error) {
      const field = ['in', 'out'].includes(a.field) ? a.field : 'netlist';
      form.querySelector(`.field-error[data-for="${field}"]`).textContent = a.error;
      form.elements[field].classList.add('invalid');
      return;
    }
    out.appendChild(schematicFigure(a.elements));
    const s = a.specs;
    const facts = [`class <b>${escapeHtml(s.response_class)}</b>`];
    if (s.fc_hz) facts.push(`fc ${eng(s.fc_hz, 'Hz', 5)}`);
    if (s.f0_hz) facts.push(`f0 ${eng(s.f0_hz, 'Hz', 5)}`);
    if (s.q) facts.push(`Q ${plain(s.q, 5)}`);
    if (s.pole_q) facts.push(`pole Q ${plain(s.pole_q, 5)}`);
    if (s.bandwidth_hz) facts.push(`bandwidth ${eng(s.bandwidth_hz, 'Hz', 4)}`);
    if (s.passband_gain !== null && s.passband_gain !== undefined) facts.push(`passband gain ${plain(s.passband_gain, 4)}`);
    facts.push(`K = ${plain(a.gain, 5)}`);
    const p = document.createElement('p');
    p.className = 'facts';
    p.innerHTML = facts.join(' · ');
    const tables = document.createElement('div');
    tables.className = 'tables';
    tables.appendChild(componentTable(a.elements));
    out.append(p, tables, plots);
  });
}
