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

async function pollHealth() {
  const badge = document.getElementById('server-status');
  const r = await api.health();
  if (!r.ok) { badge.textContent = 'server offline'; badge.className = 'status-badge poor'; return; }
  const model = r.data.model || 'ready';
  badge.textContent = model === 'ready' ? 'model ready' : 'model ' + model;
  badge.className = 'status-badge ' + (model === 'ready' ? 'good' : model === 'loading' ? 'fair' : 'poor');
  if (model === 'loading') setTimeout(pollHealth, 1500);
}

document.querySelectorAll('.tab').forEach((t) => t.addEventListener('click', () => showTab(t.dataset.tab)));
initDesign();
initSimulate();
pollHealth();
showTab(location.hash === '#latent' ? 'latent' : location.hash === '#simulate' ? 'simulate' : 'design');
