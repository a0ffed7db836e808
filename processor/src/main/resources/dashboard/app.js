// Parley dashboard: a country x country stance matrix and a live event feed, both fed by Server-Sent Events
// (/api/stream/stance, /api/stream/events) after a first snapshot from the query API. No build step.
(function () {
  'use strict';
  const MAX_COUNTRIES = 40;   // the matrix shows the most active countries
  const MAX_FEED = 200;       // events kept in the feed
  const dyads = new Map();    // "SRC->TGT" -> DyadStance
  const feedIds = new Set();
  let renderPending = false;
  let shownCountries = '';

  function key(d) { return d.source + '->' + d.target; }

  // Keep whichever aggregate is newer: a snapshot and a stream message may arrive in either order.
  function putDyad(d) {
    if (!d || !d.source || !d.target) return;
    const old = dyads.get(key(d));
    if (old && (old.mentions > d.mentions || (old.mentions === d.mentions && old.updatedAt > d.updatedAt))) return;
    dyads.set(key(d), d);
    scheduleRender(key(d));
  }

  const changed = new Set();
  function scheduleRender(k) {
    if (k) changed.add(k);
    if (renderPending) return;
    renderPending = true;
    setTimeout(function () { renderPending = false; renderMatrix(); }, 50);
  }

  function colour(stance) {
    const a = Math.min(1, Math.abs(stance) / 10);
    if (stance < 0) return 'rgba(200, 40, 40, ' + (0.15 + 0.85 * a).toFixed(2) + ')';
    if (stance > 0) return 'rgba(30, 110, 200, ' + (0.15 + 0.85 * a).toFixed(2) + ')';
    return '#fff';
  }

  function countries() {
    const activity = new Map();
    dyads.forEach(function (d) {
      activity.set(d.source, (activity.get(d.source) || 0) + d.events);
      activity.set(d.target, (activity.get(d.target) || 0) + d.events);
    });
    return Array.from(activity.keys())
      .sort(function (a, b) { return (activity.get(b) - activity.get(a)) || a.localeCompare(b); })
      .slice(0, MAX_COUNTRIES).sort();
  }

  function renderMatrix() {
    const table = document.getElementById('matrix');
    const codes = countries();
    document.getElementById('matrix-empty').hidden = codes.length > 0;
    const signature = codes.join(',');
    if (signature !== shownCountries) {
      shownCountries = signature;
      table.textContent = '';
      const head = table.createTHead().insertRow();
      head.appendChild(document.createElement('th'));
      codes.forEach(function (c) {
        const th = document.createElement('th');
        th.textContent = c;
        th.scope = 'col';
        head.appendChild(th);
      });
      const body = table.createTBody();
      codes.forEach(function (r) {
        const row = body.insertRow();
        const th = document.createElement('th');
        th.textContent = r;
        th.className = 'row';
        th.scope = 'row';
        row.appendChild(th);
        codes.forEach(function (c) {
          const td = row.insertCell();
          td.dataset.dyad = r + '->' + c;
          if (r === c) td.className = 'self';
        });
      });
      dyads.forEach(function (d, k) { changed.add(k); });
    }
    changed.forEach(function (k) {
      const td = table.querySelector('td[data-dyad="' + CSS.escape(k) + '"]');
      const d = dyads.get(k);
      if (!td || !d) return;
      td.textContent = d.stance.toFixed(1);
      td.dataset.stance = String(d.stance);
      td.dataset.events = String(d.events);
      td.style.background = colour(d.stance);
      td.title = k + ': stance ' + d.stance.toFixed(2) + ', ' + d.events + ' event(s), ' + d.mentions
        + ' mention(s), cooperation ' + Math.round(d.cooperationShare * 100) + '%';
      td.classList.add('changed');
      setTimeout(function () { td.classList.remove('changed'); }, 1500);
    });
    changed.clear();
  }

  function addEvent(e, atTop) {
    if (!e || !e.id || feedIds.has(e.id)) return;
    feedIds.add(e.id);
    const feed = document.getElementById('feed');
    const li = document.createElement('li');
    li.dataset.eventId = e.id;
    li.className = 'q' + e.quadClass;
    const meta = document.createElement('div');
    meta.className = 'meta';
    // Where the date came from (html-meta, dateline, sidecar, ... ingest-time) tells a dated page from a guess.
    meta.textContent = e.date + ' [' + (e.dateFrom || '?') + ']  ' + e.source.code + ' \u2192 ' + (e.target ? e.target.code : '\u2013') + '  CAMEO '
      + e.cameo + ' (' + e.plover + ')  Goldstein ' + e.goldstein;
    const sentence = document.createElement('div');
    sentence.className = 'sentence';
    sentence.textContent = e.sentence;
    li.appendChild(meta);
    li.appendChild(sentence);
    if (atTop) feed.insertBefore(li, feed.firstChild); else feed.appendChild(li);
    while (feed.children.length > MAX_FEED) {
      feedIds.delete(feed.lastChild.dataset.eventId);
      feed.removeChild(feed.lastChild);
    }
  }

  function status(name, state) {
    const el = document.getElementById('status-' + name);
    el.textContent = name + ': ' + state;
    el.className = 'status ' + state;
    document.body.dataset[name] = state;
  }

  function connect(name, url, handlers) {
    const source = new EventSource(url);   // reconnects by itself, sending Last-Event-ID
    source.onopen = function () { status(name, 'open'); };
    source.onerror = function () { status(name, source.readyState === EventSource.CLOSED ? 'error' : 'connecting'); };
    Object.keys(handlers).forEach(function (type) {
      source.addEventListener(type, function (msg) { handlers[type](JSON.parse(msg.data)); });
    });
    return source;
  }

  connect('stance', '/api/stream/stance', { dyad: putDyad, country: function () { } });
  connect('events', '/api/stream/events', { event: function (e) { addEvent(e, true); } });

  // First snapshot; the streams above already deliver anything newer.
  fetch('/api/stance/dyads?limit=1000000').then(function (r) { return r.ok ? r.json() : []; })
    .then(function (rows) { rows.forEach(putDyad); scheduleRender(); })
    .catch(function () { });
  fetch('/api/events?limit=50').then(function (r) { return r.ok ? r.json() : []; })
    .then(function (rows) { rows.forEach(function (e) { addEvent(e, false); }); })
    .catch(function () { });
  scheduleRender();
})();
