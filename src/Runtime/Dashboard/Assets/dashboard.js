'use strict';
// The dashboard page: one EventSource on {base}/events, every "snapshot" event redraws the views from the JSON it
// carries. Everything from the server is written with textContent, never as HTML.
(function () {
  const base = document.body.dataset.base;
  const byId = (id) => document.getElementById(id);
  const history = { calls: [] };
  const panelHistory = new Map();
  let session = { roles: [], anonymous: false };

  const format = (value, digits) => {
    if (value === null || value === undefined) { return '–'; }
    if (Math.abs(value) >= 1e6) { return (value / 1e6).toFixed(2) + 'M'; }
    if (Math.abs(value) >= 1e4) { return (value / 1e3).toFixed(1) + 'k'; }
    return Number(value).toFixed(digits === undefined ? 1 : digits);
  };

  const element = (tag, text, className) => {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  };

  function fillTable(table, columns, rows) {
    table.replaceChildren();
    const head = element('tr');
    columns.forEach((column) => head.appendChild(element('th', column)));
    table.appendChild(element('thead')).appendChild(head);
    const body = table.appendChild(element('tbody'));
    rows.forEach((cells) => {
      const row = body.appendChild(element('tr'));
      cells.forEach((cell) => {
        if (cell instanceof Node) {
          const td = row.appendChild(element('td'));
          td.appendChild(cell);
        } else if (cell && typeof cell === 'object') {
          row.appendChild(element('td', cell.text, cell.className));
        } else {
          row.appendChild(element('td', cell));
        }
      });
    });
    if (rows.length === 0) {
      const empty = body.appendChild(element('tr'));
      const td = empty.appendChild(element('td', 'none', 'muted'));
      td.colSpan = columns.length;
    }
  }

  function sparkline(svg, points) {
    svg.replaceChildren();
    if (points.length < 2) { return; }
    const max = Math.max(...points, 1e-9);
    const min = Math.min(...points, 0);
    const span = max - min || 1;
    const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
    line.setAttribute('points', points.map((p, i) => `${(i / (points.length - 1)) * 100},${24 - ((p - min) / span) * 22 - 1}`).join(' '));
    svg.appendChild(line);
  }

  function remember(list, value, limit) {
    list.push(value);
    while (list.length > (limit || 60)) { list.shift(); }
    return list;
  }

  function renderRuntime(s) {
    byId('silo').textContent = `${s.silo.name} · ${s.silo.address}`;
    byId('calls-completed').textContent = format(s.calls.completed, 0);
    byId('calls-rate').textContent = format(s.calls.perSecond);
    sparkline(byId('calls-spark'), remember(history.calls, s.calls.perSecond));
    byId('errors-rate').textContent = format(s.calls.errorsPerSecond);
    byId('rejected-rate').textContent = `rejected ${format(s.calls.rejectedPerSecond)}/s · timed out ${format(s.calls.timedOutPerSecond)}/s`;
    if (s.calls.p50Milliseconds === null) {
      byId('latency').textContent = 'n/a';
      byId('latency-note').textContent = 'no call-duration histogram on this silo';
    } else {
      byId('latency').textContent = `${format(s.calls.p50Milliseconds, 2)} / ${format(s.calls.p99Milliseconds, 2)} ms`;
      byId('latency-note').textContent = '';
    }
    byId('stream-rate').textContent = `${format(s.streams.producedPerSecond)} in · ${format(s.streams.deliveredPerSecond)} out`;
    byId('stream-dropped').textContent = `dropped ${format(s.streams.droppedPerSecond)}/s`;

    fillTable(byId('silos'), ['Name', 'Address', 'Status', 'Started'],
      s.silos.map((h) => [h.name + (h.address === s.silo.address ? ' (this silo)' : ''), h.address,
        { text: h.status, className: 'status-' + h.status }, h.startedAt ? new Date(h.startedAt).toLocaleString() : '–']));

    const siloAddresses = s.silos.filter((h) => h.status === 'Active').map((h) => h.address);
    const siloNames = new Map(s.silos.map((h) => [h.address, h.name]));
    fillTable(byId('grain-types'), ['Grain type', 'Activations', ...siloAddresses.map((a) => siloNames.get(a) || a)],
      s.grainTypes.map((g) => [g.type, g.activations, ...siloAddresses.map((a) => g.perSilo[a] || 0)]));

    byId('latencies-section').hidden = s.latencies.length === 0;
    fillTable(byId('latencies'), ['Histogram', 'Unit', 'Count', 'p50', 'p99'],
      s.latencies.map((l) => [l.name, l.unit, l.count, format(l.p50, 2), format(l.p99, 2)]));

    byId('lag-section').hidden = s.streams.lag.length === 0;
    fillTable(byId('lag'), ['Provider', 'Stream', 'Subscription', 'Pending events', 'Pending rows'],
      s.streams.lag.map((l) => [l.provider, l.stream, l.subscription, l.pendingEvents, l.pendingRows]));

    const problems = byId('problems');
    problems.hidden = s.problems.length === 0;
    problems.textContent = s.problems.join(' · ');
    byId('updated').textContent = new Date(s.at).toLocaleTimeString();
    byId('version').textContent = s.version;
  }

  function actionButton(action) {
    const button = element('button', action.label);
    button.type = 'button';
    if (action.requiredRole) {
      button.title = `requires the ${action.requiredRole} role`;
      if (!session.anonymous && !session.roles.includes(action.requiredRole)) { button.classList.add('lacks-role'); }
    }
    button.addEventListener('click', () => runAction(action, button));
    return button;
  }

  async function runAction(action, button) {
    // Same-origin paths only: a panel cannot make the page post the user's cookie elsewhere.
    if (!action.url.startsWith('/') || action.url.startsWith('//')) {
      toast(`Refused: ${action.url} is not a path on this site`, true);
      return;
    }
    button.disabled = true;
    try {
      const response = await fetch(action.url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'X-Requested-With': 'tgeswarm-dashboard' }
      });
      const text = await response.text();
      let body = null;
      try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
      if (response.ok) {
        const detail = body && (body.message || body.detail || body.status) ? ` ${body.message || body.detail || body.status}` : '';
        toast(`${action.label}: done (${response.status}).${detail}`, false);
      } else {
        const message = body && (body.detail || body.title) ? [body.title, body.detail].filter(Boolean).join(': ') : (text || response.statusText);
        toast(`${action.label} failed (${response.status}): ${message}`, true);
      }
    } catch (error) {
      toast(`${action.label} failed: ${error.message}`, true);
    } finally {
      button.disabled = false;
    }
  }

  let toastTimer = null;
  function toast(message, failed) {
    const box = byId('toast');
    box.textContent = message;
    box.classList.toggle('failed', failed);
    box.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { box.hidden = true; }, 8000);
  }

  function renderPanels(panels) {
    const container = byId('panels');
    const seen = new Set();
    panels.forEach((panel) => {
      seen.add(panel.id);
      let section = document.getElementById('panel-' + panel.id);
      if (!section) {
        section = element('section', null, 'panel');
        section.id = 'panel-' + panel.id;
        container.appendChild(section);
      }
      section.replaceChildren(element('h2', panel.title));
      if (panel.error) {
        section.appendChild(element('p', panel.error, 'error'));
        return;
      }
      if (panel.series && panel.series.length > 0) {
        const charts = section.appendChild(element('div', null, 'charts'));
        panel.series.forEach((series) => {
          const chart = charts.appendChild(element('div', null, 'chart'));
          const latest = series.points.length ? series.points[series.points.length - 1] : null;
          chart.appendChild(element('div', series.name, 'muted'));
          chart.appendChild(element('div', `${format(latest, 2)}${series.unit ? ' ' + series.unit : ''}`, 'latest'));
          const svg = chart.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'svg'));
          svg.setAttribute('viewBox', '0 0 100 24');
          svg.setAttribute('preserveAspectRatio', 'none');
          sparkline(svg, series.points);
        });
      }
      if (panel.table) {
        const table = section.appendChild(element('table'));
        const hasActions = panel.table.rows.some((r) => r.actions && r.actions.length);
        const columns = hasActions ? [...panel.table.columns, ''] : panel.table.columns;
        fillTable(table, columns, panel.table.rows.map((row) => {
          const cells = [...row.cells];
          if (hasActions) {
            const actions = element('span', null, 'actions');
            (row.actions || []).forEach((action) => actions.appendChild(actionButton(action)));
            cells.push(actions);
          }
          return cells;
        }));
      }
      if (panel.note) { section.appendChild(element('p', panel.note, 'note')); }
    });
    Array.from(container.children).forEach((child) => {
      if (!seen.has(child.id.slice('panel-'.length))) { child.remove(); }
    });
    panelHistory.clear();
  }

  function connect() {
    const state = byId('connection');
    const source = new EventSource(base + '/events');
    source.addEventListener('open', () => { state.dataset.state = 'live'; state.textContent = 'live'; });
    source.addEventListener('session', (event) => {
      session = JSON.parse(event.data);
      byId('user').textContent = session.anonymous ? 'anonymous' : `signed in as ${session.user || 'key'} (${session.roles.join(', ') || 'no roles'})`;
    });
    source.addEventListener('snapshot', (event) => {
      const snapshot = JSON.parse(event.data);
      renderRuntime(snapshot);
      renderPanels(snapshot.panels);
    });
    source.addEventListener('error', () => {
      state.dataset.state = 'lost';
      state.textContent = 'reconnecting';
      if (source.readyState === EventSource.CLOSED) {
        // The browser gives up on a 401: go and sign in again.
        window.location.assign(base + '/login?error=rejected');
      }
    });
  }

  connect();
})();
