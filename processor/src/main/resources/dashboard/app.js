// Parley dashboard: a country x country stance matrix, an event feed and, for a clicked dyad, its daily chart
// and the events behind it. Fed by Server-Sent Events (/api/stream/stance, /api/stream/events) after a first
// snapshot (snapshot.js, loaded before this file). Filters live in the URL's hash, so a reload keeps them.
// No build step.
(function () {
  'use strict';
  const MAX_COUNTRIES = 40;   // the matrix shows the most active countries
  const MAX_FEED = 200;       // events kept in the feed
  const SCALE = [-10, -6, -3, -1, 0, 1, 3, 6, 10];
  const QUADS = {1: 'verbal cooperation', 2: 'material cooperation', 3: 'verbal conflict', 4: 'material conflict'};
  const dyads = new Map();    // "SRC->TGT" -> DyadStance
  const feedEvents = [];      // shown events, in feed order
  const feedIds = new Set();
  let names = {actors: {}, cameo: {}};
  let filters = {country: '', quad: '', from: '', to: ''};
  let selected = null;        // the dyad shown in the detail view, "SRC->TGT"
  let chart = null;
  let renderPending = false;
  let shownCountries = '';
  let flash = false;

  function key(d) { return d.source + '->' + d.target; }
  function el(id) { return document.getElementById(id); }
  function actorName(code) { return names.actors[code] || ''; }
  function label(code) { const n = actorName(code); return n ? code + ' ' + n : code; }
  function cameoText(code) {
    const d = names.cameo[code];
    return 'CAMEO ' + code + (d ? ' ' + d : '');
  }

  // ---- filters, kept in location.hash ----
  function readHash() {
    const p = new URLSearchParams(location.hash.replace(/^#/, ''));
    filters = {country: (p.get('country') || '').toUpperCase(), quad: p.get('quad') || '',
      from: p.get('from') || '', to: p.get('to') || ''};
    selected = p.get('dyad') || null;
    el('f-country').value = filters.country;
    el('f-quad').value = filters.quad;
    el('f-from').value = filters.from;
    el('f-to').value = filters.to;
  }

  function writeHash() {
    const p = new URLSearchParams();
    Object.keys(filters).forEach(function (k) { if (filters[k]) p.set(k, filters[k]); });
    if (selected) p.set('dyad', selected);
    history.replaceState(null, '', p.toString() ? '#' + p.toString() : location.pathname);
  }

  function filtersChanged() {
    filters = {country: el('f-country').value.trim().toUpperCase(), quad: el('f-quad').value,
      from: el('f-from').value, to: el('f-to').value};
    writeHash();
    shownCountries = '';
    scheduleRender();
    loadFeed(null);
    if (selected) showDyad(selected);
    loadMovers();
  }

  function eventQuery(extra) {
    const p = new URLSearchParams(extra || {});
    if (filters.country && !p.has('dyad')) p.set('country', filters.country);
    if (filters.quad) p.set('quad', filters.quad);
    if (filters.from) p.set('since', filters.from);
    if (filters.to) p.set('until', filters.to);
    return p.toString();
  }

  function passes(e) {
    if (filters.country && e.source.code !== filters.country && !(e.target && e.target.code === filters.country)) {
      return false;
    }
    if (filters.quad && String(e.quadClass) !== filters.quad) return false;
    if (filters.from && e.date < filters.from) return false;
    return !(filters.to && e.date > filters.to);
  }

  // ---- matrix ----
  // Keep whichever aggregate is newer: a snapshot and a stream message may arrive in either order.
  function putDyad(d) {
    if (!d || !d.source || !d.target) return;
    const old = dyads.get(key(d));
    if (old && (old.mentions > d.mentions || (old.mentions === d.mentions && old.updatedAt > d.updatedAt))) return;
    dyads.set(key(d), d);
    scheduleRender(key(d));
    if (key(d) === selected) showStats(d);
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

  function renderLegend() {
    const legend = el('legend');
    legend.textContent = '';
    const lead = document.createElement('span');
    lead.textContent = 'conflict';
    legend.appendChild(lead);
    SCALE.forEach(function (v) {
      const s = document.createElement('span');
      s.className = 'swatch';
      s.style.background = colour(v);
      s.style.color = Math.abs(v) >= 6 ? '#fff' : '#222';
      s.textContent = (v > 0 ? '+' : '') + v + (Math.abs(v) === 10 ? (v < 0 ? ' or less' : ' or more') : '');
      legend.appendChild(s);
    });
    const tail = document.createElement('span');
    tail.textContent = 'cooperation';
    legend.appendChild(tail);
  }

  function countries() {
    const activity = new Map();
    dyads.forEach(function (d) {
      if (filters.country && d.source !== filters.country && d.target !== filters.country) return;
      activity.set(d.source, (activity.get(d.source) || 0) + d.events);
      activity.set(d.target, (activity.get(d.target) || 0) + d.events);
    });
    return Array.from(activity.keys())
      .sort(function (a, b) { return (activity.get(b) - activity.get(a)) || a.localeCompare(b); })
      .slice(0, MAX_COUNTRIES).sort();
  }

  function header(code, cls) {
    const th = document.createElement('th');
    th.dataset.code = code;
    th.title = label(code);
    const c = document.createElement('span');
    c.className = 'code';
    c.textContent = code;
    th.appendChild(c);
    if (actorName(code)) {
      const n = document.createElement('span');
      n.className = 'name';
      n.textContent = actorName(code);
      th.appendChild(n);
    }
    if (cls) th.className = cls;
    return th;
  }

  function buildMatrix(table, codes) {
    table.textContent = '';
    const head = table.createTHead().insertRow();
    head.appendChild(document.createElement('th'));
    codes.forEach(function (c) { head.appendChild(header(c, 'col')).scope = 'col'; });
    const body = table.createTBody();
    codes.forEach(function (r) {
      const row = body.insertRow();
      row.appendChild(header(r, 'row')).scope = 'row';
      codes.forEach(function (c) {
        const td = row.insertCell();
        td.dataset.dyad = r + '->' + c;
        if (r === c) td.className = 'self';
      });
    });
    dyads.forEach(function (d, k) { changed.add(k); });
  }

  function renderMatrix() {
    const table = el('matrix');
    const codes = countries();
    el('matrix-empty').hidden = codes.length > 0;
    el('matrix-empty').textContent = dyads.size > 0 ? 'No dyads with ' + filters.country + '.'
      : 'No dyads yet. Ingest an article.';
    const signature = codes.join(',') + '|' + Object.keys(names.actors).length;
    if (signature !== shownCountries) {
      shownCountries = signature;
      buildMatrix(table, codes);
    }
    changed.forEach(function (k) {
      const td = table.querySelector('td[data-dyad="' + CSS.escape(k) + '"]');
      const d = dyads.get(k);
      if (!td || !d) return;
      td.textContent = d.stance.toFixed(1);
      td.dataset.stance = String(d.stance);
      td.dataset.events = String(d.events);
      td.style.background = colour(d.stance);
      td.classList.toggle('selected', k === selected);
      td.title = label(d.source) + ' \u2192 ' + label(d.target) + ': stance ' + d.stance.toFixed(2) + ', '
        + d.events + ' event(s), ' + d.mentions + ' mention(s), cooperation '
        + Math.round(d.cooperationShare * 100) + '%';
      if (flash) {   // mark what a stream message changed; the first data is not news
        td.classList.add('changed');
        setTimeout(function () { td.classList.remove('changed'); }, 1500);
      }
    });
    changed.clear();
  }

  // ---- events: one item layout for the feed and the dyad view ----
  function link(e) {
    const title = e.articleTitle || ('article ' + e.articleId);
    if (e.articleUrl && /^https?:\/\//i.test(e.articleUrl)) {
      const a = document.createElement('a');
      a.href = e.articleUrl;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      a.textContent = title;
      return a;
    }
    const s = document.createElement('span');
    s.textContent = title;
    return s;
  }

  function eventItem(e) {
    const li = document.createElement('li');
    li.dataset.eventId = e.id;
    li.className = 'q' + e.quadClass;
    const title = document.createElement('div');
    title.className = 'title';
    title.appendChild(link(e));
    const meta = document.createElement('div');
    meta.className = 'meta';
    // Where the date came from (html-meta, dateline, sidecar, ... ingest-time) tells a dated page from a guess.
    meta.textContent = e.date + ' [' + (e.dateFrom || '?') + ']  ' + e.source.code + ' \u2192 '
      + (e.target ? e.target.code : '\u2013') + '  Goldstein ' + e.goldstein;
    const code = document.createElement('div');
    code.className = 'cameo';
    code.textContent = cameoText(e.cameo) + ' (' + e.plover + ', quad ' + e.quadClass + ' '
      + QUADS[e.quadClass] + ')';
    const sentence = document.createElement('div');
    sentence.className = 'sentence';
    sentence.textContent = e.sentence;
    [meta, title, sentence, code].forEach(function (x) { li.appendChild(x); });
    return li;
  }

  // The API's order (/api/events): newest ingested first, then by article and sentence. Live events are
  // placed by the same rule, so the feed reads the same live and after a reload.
  function before(a, b) {
    const ai = a.ingestedAt || '', bi = b.ingestedAt || '';
    if (ai !== bi) return ai === '' ? false : bi === '' ? true : ai > bi;
    if (a.articleId !== b.articleId) return a.articleId < b.articleId;
    if (a.sentenceIndex !== b.sentenceIndex) return a.sentenceIndex < b.sentenceIndex;
    return a.id < b.id;
  }

  function addEvent(e) {
    if (!e || !e.id || feedIds.has(e.id) || !passes(e)) return;
    let i = 0;
    while (i < feedEvents.length && before(feedEvents[i], e)) i++;
    if (i >= MAX_FEED) return;
    feedIds.add(e.id);
    feedEvents.splice(i, 0, e);
    const feed = el('feed');
    feed.insertBefore(eventItem(e), feed.children[i] || null);
    while (feedEvents.length > MAX_FEED) {
      feedIds.delete(feedEvents.pop().id);
      feed.removeChild(feed.lastChild);
    }
  }

  function loadFeed(rows) {
    feedEvents.length = 0;
    feedIds.clear();
    el('feed').textContent = '';
    if (rows) {
      rows.forEach(addEvent);
      return;
    }
    getJson('/api/events?' + eventQuery({limit: MAX_FEED})).then(function (list) {
      (list || []).forEach(addEvent);
    });
  }

  // ---- the dyad view ----
  function showStats(d) {
    el('detail-stats').textContent = d ? 'stance ' + d.stance.toFixed(2) + ' \u00b7 ' + d.events
      + ' distinct event(s), ' + d.mentions + ' mention(s) \u00b7 Goldstein sum ' + d.goldsteinSum.toFixed(1)
      + ', mean ' + d.goldsteinMean.toFixed(2) + ' \u00b7 cooperation ' + Math.round(d.cooperationShare * 100)
      + '%' : 'no events';
  }

  function showDyad(k) {
    const parts = k.split('->');
    selected = k;
    writeHash();
    document.querySelectorAll('#matrix td.selected').forEach(function (td) { td.classList.remove('selected'); });
    const td = document.querySelector('#matrix td[data-dyad="' + CSS.escape(k) + '"]');
    if (td) td.classList.add('selected');
    el('detail').hidden = false;
    el('detail').dataset.dyad = k;
    el('detail').dataset.loaded = 'no';
    el('detail-title').textContent = label(parts[0]) + ' \u2192 ' + label(parts[1]);
    showStats(dyads.get(k));
    const range = new URLSearchParams();
    if (filters.from) range.set('from', filters.from);
    if (filters.to) range.set('to', filters.to);
    const daily = getJson('/api/stance/daily/' + encodeURIComponent(parts[0]) + '/' + encodeURIComponent(parts[1])
      + '?' + range.toString()).then(function (points) { drawChart(points || []); });
    const events = getJson('/api/events?' + eventQuery({dyad: parts[0] + ':' + parts[1], limit: 100}))
      .then(function (rows) {
        const list = el('detail-events');
        list.textContent = '';
        (rows || []).forEach(function (e) { list.appendChild(eventItem(e)); });
        el('detail-events-empty').hidden = (rows || []).length > 0;
      });
    Promise.all([daily, events]).then(function () {
      if (selected === k) el('detail').dataset.loaded = 'yes';
    });
  }

  function drawChart(points) {
    const box = el('chart');
    if (chart) { chart.destroy(); chart = null; }
    box.textContent = '';
    box.dataset.points = JSON.stringify(points.map(function (p) { return [p.date, p.stance.stance]; }));
    el('chart-empty').hidden = points.length > 0;
    if (!points.length || typeof uPlot === 'undefined') return;
    const days = points.map(function (p) { return Date.parse(p.date + 'T00:00:00Z') / 1000; });
    const data = [days, points.map(function (p) { return p.stance.stance; }),
      points.map(function (p) { return p.stance.events; })];
    chart = new uPlot({
      width: Math.max(300, Math.min(720, box.clientWidth || 600)), height: 220,
      // A few days either side, so that one day is a point in a week rather than in years of axis.
      scales: {x: {time: true, range: function (u, lo, hi) { return [lo - 3 * 86400, hi + 3 * 86400]; }},
        n: {range: function (u, lo, hi) { return [0, Math.max(1, hi)]; }}},
      series: [{label: 'day'},
        {label: 'stance (that day)', stroke: 'rgb(30, 110, 200)', width: 2, points: {show: true, size: 7}},
        {label: 'distinct events', stroke: '#999', dash: [4, 4], scale: 'n', points: {show: true}}],
      axes: [{}, {label: 'stance'}, {side: 1, scale: 'n', label: 'events', grid: {show: false}}]
    }, data, box);
  }

  // ---- wiring ----
  // ---- top movers: /api/stance/movers, refreshed on a window change, a filter change and (at most every 2 s)
  // while stance changes stream in ----
  let moversPending = false;
  function loadMovers() {
    const q = new URLSearchParams({window: el('movers-window').value, limit: '10'});
    if (filters.to) q.set('date', filters.to);
    getJson('/api/stance/movers?' + q.toString()).then(renderMovers);
  }

  function scheduleMovers() {
    if (moversPending) return;
    moversPending = true;
    setTimeout(function () { moversPending = false; loadMovers(); }, 2000);
  }

  function renderMovers(answer) {
    const list = el('movers');
    const movers = answer && answer.movers ? answer.movers : [];
    list.textContent = '';
    list.dataset.window = answer ? answer.window : '';
    list.title = answer && answer.to ? answer.from + '..' + answer.to + ' vs ' + answer.previousFrom + '..'
      + answer.previousTo : '';
    movers.forEach(function (m) {
      const li = document.createElement('li');
      li.dataset.dyad = key(m);
      const change = document.createElement('span');
      change.className = 'change';
      change.style.background = colour(m.change);
      change.textContent = (m.change > 0 ? '+' : '') + m.change.toFixed(1);
      const who = document.createElement('span');
      who.textContent = label(m.source) + ' \u2192 ' + label(m.target);
      const sides = document.createElement('span');
      sides.className = 'sides';
      sides.textContent = m.current.stance.toFixed(1) + ' (' + m.current.events + ' ev.) vs '
        + m.previous.stance.toFixed(1) + ' (' + m.previous.events + ' ev.)';
      [change, who, sides].forEach(function (x) { li.appendChild(x); });
      list.appendChild(li);
    });
    el('movers-empty').hidden = movers.length > 0;
  }

  function getJson(url) {
    return fetch(url).then(function (r) { return r.ok ? r.json() : null; }).catch(function () { return null; });
  }

  function status(name, state) {
    const s = el('status-' + name);
    s.textContent = name + ': ' + state;
    s.className = 'status ' + state;
    document.body.dataset[name] = state;
  }

  function connect(name, url, handlers) {
    const source = new EventSource(url);   // reconnects by itself, sending Last-Event-ID
    source.onopen = function () { status(name, 'open'); };
    source.onerror = function () { status(name, source.readyState === EventSource.CLOSED ? 'error' : 'connecting'); };
    Object.keys(handlers).forEach(function (type) {
      source.addEventListener(type, function (msg) { handlers[type](JSON.parse(msg.data)); });
    });
  }

  function setNames(n) {
    if (!n) return;
    names = n;
    const list = el('country-names');
    list.textContent = '';
    Object.keys(n.actors).forEach(function (code) {
      const o = document.createElement('option');
      o.value = code;
      o.label = n.actors[code];
      list.appendChild(o);
    });
    shownCountries = '';
    scheduleRender();
  }

  el('matrix').addEventListener('click', function (ev) {
    const td = ev.target.closest('td[data-dyad]');
    if (td && td.dataset.stance !== undefined) showDyad(td.dataset.dyad);
  });
  el('detail-close').addEventListener('click', function () {
    selected = null;
    el('detail').hidden = true;
    writeHash();
    document.querySelectorAll('#matrix td.selected').forEach(function (td) { td.classList.remove('selected'); });
  });
  ['f-country', 'f-quad', 'f-from', 'f-to'].forEach(function (id) { el(id).addEventListener('change', filtersChanged); });
  el('filters').addEventListener('submit', function (ev) { ev.preventDefault(); filtersChanged(); });
  el('f-clear').addEventListener('click', function () {
    ['f-country', 'f-quad', 'f-from', 'f-to'].forEach(function (id) { el(id).value = ''; });
    filtersChanged();
  });

  readHash();
  renderLegend();
  el('movers').addEventListener('click', function (ev) {
    const li = ev.target.closest('li[data-dyad]');
    if (li) showDyad(li.dataset.dyad);
  });
  el('movers-window').addEventListener('change', loadMovers);
  connect('stance', '/api/stream/stance', {dyad: function (d) { putDyad(d); scheduleMovers(); },
    country: function () { }});
  connect('events', '/api/stream/events', {event: addEvent});

  // First data: from snapshot.js when it came (rendered at once, before the load event), else fetched.
  // The streams above already deliver anything newer.
  const snap = window.PARLEY_SNAPSHOT || {};
  if (snap.names) setNames(snap.names); else getJson('/api/names').then(setNames);
  if (snap.dyads) {
    snap.dyads.forEach(putDyad);
    renderPending = false;
    renderMatrix();
    flash = true;
  } else {
    setTimeout(function () { flash = true; }, 1000);
    getJson('/api/stance/dyads?limit=1000000').then(function (rows) { (rows || []).forEach(putDyad); });
  }
  const unfiltered = !filters.country && !filters.quad && !filters.from && !filters.to;
  loadFeed(snap.events && unfiltered ? snap.events : null);
  if (selected) showDyad(selected);
  loadMovers();
  scheduleRender();
})();
