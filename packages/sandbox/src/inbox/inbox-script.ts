/**
 * The inbox's script (plain browser JavaScript, no build step). It polls the `/_sandbox` JSON
 * endpoints every second and rebuilds the lists with DOM nodes and `textContent` only — never
 * `innerHTML` — so message text, replies and URLs, which come from users, cannot become markup.
 * Kept free of backticks and dollar-braces, since it lives in a template literal.
 */
export const INBOX_SCRIPT = String.raw`'use strict';
(function () {
  var POLL_MS = 1000;
  var LIMIT = 1000;
  var $ = function (id) { return document.getElementById(id); };
  var seen = null; // msgIds shown so far; null until the first render, so nothing flashes on load
  var last = {};
  var busy = false;
  var channel = ''; // the channel this sandbox plays, from /_sandbox/state
  var filter = new URLSearchParams(location.search).get('phone') || '';
  $('phone').value = filter;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function when(ms) {
    if (typeof ms !== 'number') return '';
    var d = new Date(ms);
    var time = pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
    return d.toDateString() === new Date().toDateString() ? time : d.toISOString().slice(0, 10) + ' ' + time;
  }
  function timeEl(ms, className) {
    var node = el('time', className, when(ms));
    if (typeof ms === 'number') node.dateTime = new Date(ms).toISOString();
    return node;
  }
  function badge(state) {
    var kind = state === 'DELIVRD' || state === 'ok' ? 'ok' : state === 'PENDING' || state === 'skipped' ? 'wait' : 'bad';
    return el('span', 'badge ' + kind, state === 'PENDING' ? 'PENDING' : state);
  }
  function digits(value) { return String(value || '').replace(/\D/g, ''); }
  function fill(list, items, render, empty) {
    list.replaceChildren.apply(list, items.map(render));
    $(empty).hidden = items.length > 0;
  }

  function messageCard(m) {
    var li = el('li');
    li.dataset.msgId = m.msgId;
    li.dataset.phone = m.phone;
    if (seen && !seen[m.msgId + '/' + m.phone]) li.className = 'new';
    var head = el('div', 'head');
    head.append(el('span', 'phone', m.phone), badge(m.state));
    // Which channel carried it: the Aliyun or Tencent listener's own, else the channel this
    // sandbox plays (primary, backup), else the platform's API.
    head.append(el('span', 'channel', 'via ' + (m.channel || channel || 'infocloud')), timeEl(m.submittedAt, 'time'));
    var meta = el('div', 'meta');
    meta.append(el('span', null, m.parts + (m.parts === 1 ? ' part' : ' parts')), el('span', null, 'template ' + m.templateCode), el('span', null, 'msgId ' + m.msgId));
    if (m.bid) meta.append(el('span', null, 'bid ' + m.bid));
    var receipt = el('span', 'receipt');
    if (m.state === 'PENDING') receipt.textContent = 'waiting for its receipt';
    else receipt.append('receipt ' + m.state + ' at ', timeEl(m.arrivedAt), m.pulled ? ' · pulled by a receipt query' : '');
    meta.append(receipt);
    li.append(head, el('p', 'text', m.text), meta);
    return li;
  }

  function numberItem(entry) {
    var li = el('li');
    var a = el('a', null, entry.phone);
    a.href = '?phone=' + encodeURIComponent(entry.phone);
    if (entry.phone === filter) a.setAttribute('aria-current', 'true');
    a.addEventListener('click', function (event) { event.preventDefault(); setFilter(entry.phone); });
    li.append(a, el('span', 'n', entry.count));
    return li;
  }

  function pushItem(p) {
    var li = el('li');
    var head = el('div', 'head');
    head.append(badge(p.outcome), el('span', null, p.kind + ' · ' + p.items + (p.items === 1 ? ' item' : ' items') + (p.status ? ' · HTTP ' + p.status : '')), timeEl(p.at, 'time'));
    li.append(head, el('div', 'url', p.url));
    return li;
  }

  function replyCard(r) {
    var li = el('li');
    var head = el('div', 'head');
    head.append(el('span', 'phone', r.tel), el('span', 'small', 'to ' + r.srcId), timeEl(r.arrivedAt, 'time'));
    li.append(head, el('p', 'text', r.content));
    return li;
  }

  function stateRows(state) {
    var rows = [['pending receipts', state.pendingDeliveries], ['pushes queued', state.push.queued]];
    var f = state.faults || {};
    var faults = [];
    if (f.fail) faults.push(f.fail + ' answered ' + f.failCode);
    if (f.drop) faults.push(f.drop + ' dropped');
    if (f.delay) faults.push(f.delay + ' delayed ' + f.delayMs + ' ms');
    if (faults.length) rows.push(['faults to come', faults.join(', ') + (f.path ? ' (' + f.path + ')' : '')]);
    state.accounts.forEach(function (a) {
      rows.push(['balance ' + a.apiKey, Object.keys(a.balance).map(function (k) { return k + ' ' + a.balance[k]; }).join(' · ')]);
    });
    var nodes = [];
    rows.forEach(function (row) { nodes.push(el('dt', null, row[0]), el('dd', null, row[1])); });
    $('state').replaceChildren.apply($('state'), nodes);
  }

  function render(data) {
    channel = data.state.channel || '';
    $('channel').textContent = channel ? '· channel ' + channel : '';
    var byPhone = {};
    data.messages.forEach(function (m) { byPhone[m.phone] = (byPhone[m.phone] || 0) + 1; });
    var numbers = Object.keys(byPhone).map(function (phone) { return { phone: phone, count: byPhone[phone] }; });
    var wanted = digits(filter);
    var shown = wanted ? data.messages.filter(function (m) { return m.phone.indexOf(wanted) !== -1; }) : data.messages;
    fill($('messages'), shown, messageCard, 'no-messages');
    $('message-count').textContent = wanted ? shown.length + ' of ' + data.messages.length : String(data.messages.length);
    fill($('numbers'), numbers, numberItem, 'no-numbers');
    var replies = wanted ? data.replies.filter(function (r) { return digits(r.tel).indexOf(wanted) !== -1; }) : data.replies;
    fill($('replies'), replies, replyCard, 'no-replies');
    fill($('pushes'), data.pushes.attempts.slice().reverse(), pushItem, 'no-pushes');
    $('push-stopped').hidden = !data.pushes.status.stopped;
    var push = data.state.push;
    $('push-target').textContent = (push.receiptUrl ? 'Receipts go to ' + push.receiptUrl : 'No receipt push URL: receipts are only pulled') + (push.replyUrl ? '; replies to ' + push.replyUrl + '.' : '; replies are not pushed.');
    stateRows(data.state);
    seen = {};
    data.messages.forEach(function (m) { seen[m.msgId + '/' + m.phone] = true; });
  }

  function get(path) {
    return fetch(path, { headers: { accept: 'application/json' } }).then(function (response) {
      if (!response.ok) throw new Error(path + ': HTTP ' + response.status);
      return response.json();
    }).then(function (body) { return body.data; });
  }

  function refresh() {
    if (busy) return Promise.resolve();
    busy = true;
    return Promise.all([get('messages?limit=' + LIMIT), get('replies?limit=100'), get('pushes'), get('state')]).then(function (parts) {
      var data = { messages: parts[0], replies: parts[1], pushes: parts[2], state: parts[3] };
      var key = JSON.stringify(data) + '|' + filter;
      if (key !== last.key) render(data);
      last.key = key;
      $('status').className = 'status live';
      $('status').textContent = 'live: refreshed every second' + (data.messages.length >= LIMIT ? ' (showing the newest ' + LIMIT + ')' : '');
    }).catch(function (error) {
      $('status').className = 'status down';
      $('status').textContent = 'The sandbox is not answering (' + error.message + '); trying again every second.';
    }).then(function () { busy = false; });
  }

  function setFilter(value) {
    filter = value.trim();
    $('phone').value = filter;
    history.replaceState(null, '', filter ? '?phone=' + encodeURIComponent(filter) : location.pathname);
    last.key = null;
    refresh();
  }

  function post(path) {
    return fetch(path, { method: 'POST' }).then(function () { last.key = null; return refresh(); });
  }

  $('filter').addEventListener('submit', function (event) { event.preventDefault(); setFilter($('phone').value); });
  $('phone').addEventListener('input', function () { setFilter($('phone').value); });
  $('show-all').addEventListener('click', function () { setFilter(''); });
  $('deliver').addEventListener('click', function () { post('deliver'); });
  $('resume').addEventListener('click', function () { post('pushes/resume'); });
  $('reset').addEventListener('click', function () {
    if (confirm('Forget every message, reply, balance, counter, fault and push of this sandbox?')) post('reset');
  });
  refresh();
  setInterval(refresh, POLL_MS);
})();
`;
