// RiskSdk live status page. Served from the RiskSdk.AspNetCore assembly; no dependency, no inline code, text nodes
// only (nothing from the server is parsed as HTML). Reads the status stream and redraws on every snapshot.
(() => {
  'use strict';
  const body = document.body;
  const base = body.dataset.base || '';
  const controlMapped = body.dataset.control === 'true';
  const byId = (id) => document.getElementById(id);

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function time(iso) {
    const date = new Date(iso);
    return isNaN(date) ? '' : date.toISOString().substring(11, 19);
  }

  function seconds(value) {
    return value >= 10 ? Math.round(value) + ' s' : (Math.round(value * 10) / 10) + ' s';
  }

  function known(value) {
    return value === null || value === undefined ? 'unknown' : String(value);
  }

  function renderHeader(s) {
    byId('context').textContent = s.context;
    const state = byId('trading-state');
    state.textContent = s.tradingStateKnown ? s.trading.state : 'unknown (entries refused)';
    state.className = 'badge state-' + (s.tradingStateKnown ? s.trading.state.toLowerCase() : 'unknown');
    byId('trading-reason').textContent =
      s.trading.reason + ' (by ' + s.trading.changedBy + ' at ' + time(s.trading.changedAt) + ')';
    const ledger = byId('ledger');
    ledger.textContent = s.ledgerAnswered ? 'ledger answered' : 'ledger unknown';
    ledger.className = 'badge ' + (s.ledgerAnswered ? 'ledger-ok' : 'ledger-unknown');
  }

  function renderSummary(s) {
    const summary = byId('summary');
    const account = s.account;
    const items = [
      ['account', known(account.open) + ' open + ' + known(account.pending) + ' pending' + (account.cap !== null ? ' of ' + account.cap + ' account-wide' : '')],
      ['regime', s.caps.regime],
      ['caps in force', s.caps.inForceNormal + ' normal, ' + s.caps.inForceHighConfidence + ' at confidence >= ' + s.caps.highConfidenceThreshold],
      ['drawdown', s.drawdown.stop === null ? 'no stop' : s.drawdown.sessionPnl + ' against a stop of -' + s.drawdown.stop + (s.drawdown.stopped ? ' (stopped)' : '')],
      ['decisions', String(s.decisionCount)],
    ];
    summary.replaceChildren(...items.map(([name, value]) => {
      const item = el('div', 'item');
      item.dataset.item = name;
      item.append(el('span', 'label', name), el('span', 'value', value));
      return item;
    }));
  }

  function renderExchange(s, x) {
    const card = el('div', 'exchange');
    card.dataset.exchange = x.exchange;
    const cap = s.caps.inForceNormal;
    const high = s.caps.inForceHighConfidence;
    const held = x.held;

    const head = el('div', 'head');
    head.append(el('span', 'name', x.exchange));
    const counts = el('span', 'counts');
    if (x.ledgerAnswered) {
      counts.append(el('span', 'open', x.open), ' open + ', el('span', 'pending', x.pending), ' pending of ',
        el('span', 'cap', cap), ' (', el('span', 'cap-high', high), ' at high confidence)');
    } else {
      counts.append(el('span', 'unknown', 'ledger unknown'), ': open and pending positions not known; cap ',
        el('span', 'cap', cap), ' (', el('span', 'cap-high', high), ' at high confidence)');
    }
    head.append(counts);
    if (!x.declared) head.append(el('span', 'muted', ' seen, not declared'));

    const bar = el('div', 'bar');
    const scale = Math.max(high, held || 0, 1);
    if (!x.ledgerAnswered) {
      bar.classList.add('unknown');
    } else {
      if (held >= cap) bar.classList.add('at-cap');
      else if (held === cap - 1 && held > 1) bar.classList.add('near-cap'); // as the log: not on the first trade
      const open = el('div', 'fill open-fill');
      open.style.width = (100 * x.open / scale) + '%';
      const pending = el('div', 'fill pending-fill');
      pending.style.width = (100 * x.pending / scale) + '%';
      bar.append(open, pending);
    }
    const capMark = el('div', 'mark cap-mark');
    capMark.style.left = (100 * cap / scale) + '%';
    capMark.title = 'cap ' + cap;
    const highMark = el('div', 'mark high-mark');
    highMark.style.left = (100 * high / scale) + '%';
    highMark.title = 'high-confidence cap ' + high;
    bar.append(capMark, highMark);

    const meta = el('div', 'meta muted');
    const parts = [];
    if (x.cooldownRemaining > 0) parts.push('cooldown ' + seconds(x.cooldownRemaining));
    parts.push(x.ordersLastSecond + ' of ' + s.orderRateLimit + ' orders in the last second');
    if (x.openPositionIds && x.openPositionIds.length) parts.push('open: ' + x.openPositionIds.join(', '));
    if (x.pendingReservationIds && x.pendingReservationIds.length) parts.push('pending: ' + x.pendingReservationIds.join(', '));
    meta.textContent = parts.join(' · ');

    card.append(head, bar, meta);
    return card;
  }

  function renderDecisions(s) {
    const rows = s.recentDecisions.map((d) => {
      const row = el('tr', d.approved ? 'approved' : 'rejected');
      row.dataset.sequence = String(d.sequence);
      row.append(
        el('td', null, d.sequence),
        el('td', null, time(d.time)),
        el('td', null, d.exchange),
        el('td', 'outcome', d.approved ? 'approved' : d.reason),
        el('td', null, d.band),
        el('td', null, d.effect),
        el('td', 'why', d.message));
      return row;
    });
    byId('decisions').tBodies[0].replaceChildren(...rows);
  }

  function render(s) {
    renderHeader(s);
    renderSummary(s);
    byId('exchanges').replaceChildren(...s.exchanges.map((x) => renderExchange(s, x)));
    renderDecisions(s);
    body.dataset.decisions = String(s.decisionCount);
  }

  function connect() {
    const source = new EventSource(base + '/status/stream');
    source.addEventListener('status', (event) => {
      render(JSON.parse(event.data));
      byId('connection').textContent = 'live';
    });
    source.addEventListener('error', () => {
      byId('connection').textContent = 'reconnecting';
    });
  }

  async function control(action) {
    const result = byId('control-result');
    const reason = byId('reason').value.trim();
    if (!reason) {
      result.textContent = 'a reason is required';
      return;
    }
    try {
      const response = await fetch(base + '/trading/' + action, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ reason }),
        credentials: 'same-origin',
      });
      if (response.ok) {
        const answer = await response.json();
        result.textContent = action + ': ' + (answer.moved ? 'done' : 'no change') + ', now ' + answer.trading.state;
      } else {
        const problem = await response.json().catch(() => ({}));
        result.textContent = action + ' refused (' + response.status + ')' + (problem.detail ? ': ' + problem.detail : '');
      }
    } catch (error) {
      result.textContent = action + ' failed: ' + error;
    }
  }

  if (controlMapped) {
    byId('control').hidden = false;
    for (const action of ['halt', 'reduce-only', 'resume']) {
      byId(action).addEventListener('click', () => control(action));
    }
  }

  connect();
})();
