/* global document */
// The sign-up page: plain browser JavaScript, no build step. Server text is shown with
// textContent only, never as markup.
'use strict';
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var HUMAN_PROOF = 'demo-not-a-robot';
  var inboxUrl = '';
  var channels = [];
  var primaryBroken = false;
  var requestedPhone = '';
  var countdown;
  var deliveryTimer;

  function show(id, message, kind) {
    var node = $(id);
    node.textContent = message;
    node.className = 'result' + (kind ? ' ' + kind : '');
  }

  function post(path, body) {
    return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (response) { return response.json(); })
      .catch(function () { return { ok: false, message: 'The demo server did not answer. Is it still running?' }; });
  }

  function digits(value) { return value.replace(/\D/g, ''); }

  // "42 s", "3 min 5 s", "13 h 58 min", as the server words its limits
  function duration(seconds) {
    if (seconds < 60) return seconds + ' s';
    if (seconds < 3600) return Math.floor(seconds / 60) + ' min' + (seconds % 60 ? ' ' + (seconds % 60) + ' s' : '');
    var minutes = Math.ceil(seconds / 60);
    return Math.floor(minutes / 60) + ' h' + (minutes % 60 ? ' ' + (minutes % 60) + ' min' : '');
  }

  function setInbox(phone) {
    var url = inboxUrl + (phone ? '?phone=' + encodeURIComponent(phone) : '');
    Array.prototype.forEach.call(document.querySelectorAll('.inbox-link'), function (a) { a.href = url; });
  }

  // The cool-down, counted down next to the button; the button stays usable so that asking
  // again shows what the limit answers.
  function waitFor(seconds) {
    clearInterval(countdown);
    var left = seconds;
    var tick = function () {
      $('wait').textContent = left > 0 ? 'Next code for this number possible in ' + duration(left) + '.' : 'You can ask for a new code now.';
      if (left-- <= 0) clearInterval(countdown);
    };
    tick();
    countdown = setInterval(tick, 1000);
  }

  // Follows the message's receipt, which the sandbox pushes to this app like the platform would.
  function followDelivery(msgId) {
    clearInterval(deliveryTimer);
    if (!msgId) return;
    var tries = 0;
    $('delivery').textContent = 'SMS sent; waiting for the delivery receipt…';
    deliveryTimer = setInterval(function () {
      if (++tries > 30) return clearInterval(deliveryTimer);
      fetch('/api/delivery/' + encodeURIComponent(msgId)).then(function (r) { return r.json(); }).then(function (state) {
        if (state.status === 'waiting') return;
        clearInterval(deliveryTimer);
        $('delivery').textContent = state.delivered ? 'Delivery receipt: DELIVRD, the message reached the handset.' : 'Delivery receipt: ' + state.status + ', the message did not arrive.';
      });
    }, 1000);
  }

  $('request-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var phone = $('phone').value.trim();
    show('request-result', 'Sending…');
    post('/api/code', { phone: phone, human: $('human').checked ? HUMAN_PROOF : undefined }).then(function (answer) {
      show('request-result', answer.message, answer.ok ? 'ok' : 'bad');
      if (answer.retryAfterSeconds) waitFor(answer.retryAfterSeconds);
      if (!answer.ok) return;
      requestedPhone = phone;
      // the inbox links follow the channel that carried the code
      var carrier = channels.filter(function (c) { return c.name === answer.channel; })[0];
      if (carrier) inboxUrl = carrier.inboxUrl;
      $('carried-by').textContent = answer.channel ? 'Carried by the ' + answer.channel + ' channel.' : '';
      setInbox(digits(phone).slice(-11));
      show('verify-result', '');
      $('send').textContent = 'Send a new code';
      followDelivery(answer.msgId);
      $('code').focus();
    });
  });

  $('verify-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var phone = requestedPhone || $('phone').value.trim();
    post('/api/verify', { phone: phone, code: $('code').value }).then(function (answer) {
      show('verify-result', answer.message, answer.ok ? 'ok done' : 'bad');
      if (answer.ok) {
        clearInterval(countdown);
        $('wait').textContent = '';
        show('request-result', '');
      } else {
        $('code').select();
      }
    });
  });

  function item(parts) {
    var li = document.createElement('li');
    parts.forEach(function (part, i) {
      if (i % 2) {
        var b = document.createElement('strong');
        b.textContent = part;
        li.append(b);
      } else {
        li.append(part);
      }
    });
    return li;
  }

  function showPrimary(broken) {
    primaryBroken = broken;
    $('break-primary').textContent = broken ? 'Repair the primary channel' : 'Break the primary channel';
    $('primary-state').textContent = broken ? 'The primary is broken: it answers every send with 40002 (balance exhausted). The next code goes through the backup.' : 'Both channels are well: codes go through the primary.';
  }

  $('break-primary').addEventListener('click', function () {
    post('/api/channels/primary', { broken: !primaryBroken }).then(function (answer) {
      if (typeof answer.primaryBroken === 'boolean') showPrimary(answer.primaryBroken);
    });
  });

  fetch('/api/settings').then(function (r) { return r.json(); }).then(function (settings) {
    inboxUrl = settings.inboxUrl;
    channels = settings.channels || [];
    $('channels').replaceChildren.apply($('channels'), channels.map(function (c, i) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = c.inboxUrl;
      a.target = '_blank';
      a.rel = 'noopener';
      a.textContent = c.name + ' inbox';
      li.append((i === 0 ? 'Primary: ' : 'Backup: '), a);
      return li;
    }));
    fetch('/api/channels/primary').then(function (r) { return r.json(); }).then(function (state) { showPrimary(state.primaryBroken === true); });
    setInbox('');
    var l = settings.limits;
    var items = [];
    if (l.cooldownSeconds) items.push(item(['One code per number every ', l.cooldownSeconds + ' s', ' (the cool-down)']));
    if (l.dailyCap) items.push(item(['At most ', String(l.dailyCap), ' codes per number per day']));
    if (l.perIpHourly) items.push(item(['At most ', String(l.perIpHourly), ' codes an hour from one network (IP address)']));
    items.push(item(['A code works for ', settings.codeTtlMinutes + ' minutes', ', once; ', settings.maxAttempts + ' wrong tries', ' burn it']));
    $('limits').replaceChildren.apply($('limits'), items);
    $('stores').textContent = settings.stores === 'redis' ? 'Limits and codes are kept in Redis.' : 'Limits and codes are kept in memory: restarting the demo forgets them.';
  });
  setTimeout(function () { $('phone').focus(); }, 0);
})();
