// Page entry: tabs, server status, and the three views.

import { api } from './api.js';
import { initDesign } from './design.js';
import { initLatent } from './latent.js';
import { initSimulate } from './simulate.js';

function showTab(name) {
  document.querySelectorAll('.tab').forEach((t) => t.classList.toggle('active', t.dataset.tab === name));
  document.querySelectorAll('.view').forEach((v) => { v.hidden = v.id !== 'view-' + name; });
  if (name === 'latent') initLatent();
}

// The badge reports the slowest part still loading: model, then the encoded reference set, then
// the latent map; a failure is shown in full in the badge's tooltip.
async function pollHealth() {
  const badge = document.getElementById('server-status');
  const r = await api.health();
  if (!r.ok) { badge.textContent = 'server offline'; badge.className = 'status-badge poor'; return; }
  const parts = [['model', 'model'], ['generator', 'reference set'], ['latent_map', 'latent map']];
  const failed = parts.find(([k]) => String(r.data[k] || '').startsWith('failed'));
  const loading = parts.find(([k]) => r.data[k] === 'loading');
  if (failed) {
    badge.textContent = failed[1] + ' failed';
    badge.title = r.data[failed[0]];
    badge.className = 'status-badge poor';
  } else if (loading) {
    badge.textContent = 'loading ' + loading[1] + '…';
    badge.className = 'status-badge fair';
    setTimeout(pollHealth, 1000);
  } else {
    badge.textContent = 'ready';
    badge.title = 'model, reference set and latent map loaded';
    badge.className = 'status-badge good';
  }
}

document.querySelectorAll('.tab').forEach((t) => t.addEventListener('click', () => showTab(t.dataset.tab)));
document.addEventListener('zged:simulate', () => showTab('simulate'));
initDesign();
initSimulate();
pollHealth();
showTab(location.hash === '#latent' ? 'latent' : location.hash === '#simulate' ? 'simulate' : 'design');
