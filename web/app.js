// chorus web page: the events list, an event's brief, an article. Plain JS, no build step.
// Routes live in the URL hash: #/?q=..&from=..  #/event/ID  #/article/ID.
// Every value from the API is put in the page as text (never as HTML).
'use strict';

const app = document.getElementById('app');
const tip = document.getElementById('tip');
const PAGE = 20;

// el('a', {href: '#'}, 'text', child...): an element with attributes and children.
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function svg(tag, attrs, ...children) {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

async function api(path) {
  const res = await fetch(path, {headers: {Accept: 'application/json'}});
  const body = await res.json().catch(() => ({error: 'not JSON'}));
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}

function show(...nodes) {
  hideTip();
  app.replaceChildren(...nodes);
}

function fail(err) {
  show(el('p', {class: 'error'}, 'Could not load: ', err.message), el('p', {}, el('a', {href: '#/'}, 'All events')));
}

function plural(n, word) { return `${n} ${word}${n === 1 ? '' : 's'}`; }

function dateRange(a, b) {
  if (!a && !b) return 'undated';
  return a === b || !b ? a : `${a} – ${b}`;
}

// ---------------------------------------------------------------- events list

async function listPage(params) {
  const q = Object.fromEntries(params);
  const offset = Math.max(0, parseInt(q.offset || '0', 10) || 0);
  const field = (name, label, type = 'text', extra = {}) =>
    el('label', {}, label, el('input', {name, type, value: q[name] || '', ...extra}));
  const form = el('form', {class: 'filters', role: 'search', onsubmit: (ev) => {
    ev.preventDefault();
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v.trim()) p.set(k, v.trim());
    location.hash = '#/?' + p.toString();
  }},
  field('q', 'Search titles and texts', 'search', {placeholder: 'e.g. troops Kazakhstan', 'data-testid': 'search'}),
  field('from', 'From', 'date'), field('to', 'To', 'date'),
  field('source', 'Outlet', 'text', {size: 10}), field('language', 'Language', 'text', {size: 4, placeholder: 'en'}),
  el('button', {type: 'submit'}, 'Search'));
  show(el('h1', {}, 'Events'), form, el('p', {class: 'muted'}, 'Loading…'));

  const p = new URLSearchParams(params);
  p.set('limit', PAGE);
  p.set('offset', offset);
  let data;
  try { data = await api('/api/events?' + p.toString()); } catch (e) { return fail(e); }
  const list = el('ul', {class: 'events', 'data-testid': 'events'}, data.events.map((e) =>
    el('li', {},
      el('a', {class: 'title', href: `#/event/${e.id}`, 'data-testid': 'event-link'}, e.title || `Event ${e.id}`),
      el('div', {class: 'meta'},
        `${plural(e.sources, 'source')} · ${plural(e.articles, 'article')} · ${dateRange(e.first_published, e.last_published)}`,
        e.languages.length ? ` · ${e.languages.join(', ')}` : '',
        ` · updated ${e.updated.replace('T', ' ').replace('Z', ' UTC')}`))));
  const go = (o) => { const n = new URLSearchParams(params); n.set('offset', o); location.hash = '#/?' + n; };
  const pager = el('div', {class: 'pager'},
    el('button', {class: 'plain', disabled: offset === 0, onclick: () => go(Math.max(0, offset - PAGE))}, '← Newer'),
    el('span', {class: 'muted'}, data.total ? `${offset + 1}–${offset + data.events.length} of ${data.total}` : ''),
    el('button', {class: 'plain', disabled: offset + PAGE >= data.total, onclick: () => go(offset + PAGE)}, 'Older →'));
  show(el('h1', {}, 'Events'), form,
    data.total ? list : el('p', {class: 'empty'}, 'No events match. Ingest articles with `chorus ingest`, or loosen the filters.'),
    pager);
}

// ---------------------------------------------------------------- one event

// The outlet an article stands for: its source, else its site, else its title.
function outlet(a) {
  if (a.source) return a.source;
  try { if (a.url) return new URL(a.url).hostname.replace(/^www\./, ''); } catch (e) { /* not a URL */ }
  if (!a.title) return a.id || '';
  return a.title.length > 40 ? a.title.slice(0, 38) + '…' : a.title;
}

function words(s) { return (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []); }

// The sentence of `text` sharing the most words with `target` (Jaccard): the source's own
// wording of a summary sentence.
function closestSentence(text, target) {
  const want = new Set(words(target));
  let best = '', bestScore = 0;
  for (const para of text.split('\n')) {
    for (const s of para.match(/[^.!?]+[.!?]+["'”’)]*|[^.!?]+$/g) || []) {
      const w = new Set(words(s));
      let shared = 0;
      for (const x of w) if (want.has(x)) shared++;
      const score = shared / (w.size + want.size - shared || 1);
      if (score > bestScore) { bestScore = score; best = s.trim(); }
    }
  }
  return best;
}

const articleCache = new Map();
function fetchArticle(id) {
  if (!articleCache.has(id)) articleCache.set(id, api('/api/articles/' + encodeURIComponent(id)));
  return articleCache.get(id);
}

function showTip(anchor, title, text) {
  tip.replaceChildren(el('span', {class: 'src'}, title), el('span', {}, text));
  tip.hidden = false;
  const r = anchor.getBoundingClientRect();
  tip.style.left = `${Math.max(8, Math.min(window.scrollX + r.left - 20, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8))}px`;
  tip.style.top = `${window.scrollY + r.bottom + 6}px`;
}
function hideTip() { tip.hidden = true; }

// Citation marks [n] for article ids, numbered as in the outlets list. A mark links to the
// article and, on hover or focus, shows the sentence in which that article states `statement`.
function citations(ids, ctx, statement, from) {
  return el('sup', {class: 'cite'}, ids.map((id) => {
    const a = ctx.byId.get(id);
    if (!a) return null;
    const n = ctx.number.get(id);
    const link = el('a', {
      href: a.url || `#/article/${id}`, 'data-testid': 'citation', 'data-article': id,
      'aria-label': `Source ${n}: ${outlet(a)}`, target: a.url ? '_blank' : null, rel: a.url ? 'noopener' : null,
    }, `[${n}]`);
    const open = async () => {
      showTip(link, outlet(a), from === id ? statement : 'Finding the sentence…');
      if (from === id) return;
      try {
        const full = await fetchArticle(id);
        if (!tip.hidden) showTip(link, outlet(a), closestSentence(full.text, statement) || statement);
      } catch (e) { showTip(link, outlet(a), statement); }
    };
    link.addEventListener('mouseenter', open);
    link.addEventListener('focus', open);
    link.addEventListener('mouseleave', hideTip);
    link.addEventListener('blur', hideTip);
    return link;
  }));
}

function section(title, testid, content, emptyText) {
  const has = content && (!(content instanceof Array) || content.length);
  return el('section', {'data-testid': testid},
    el('h2', {}, title), has ? content : el('p', {class: 'empty'}, emptyText));
}

function summarySection(b, ctx) {
  return section('Summary', 'summary', (b.summary || []).length ? el('div', {class: 'summary'},
    b.summary.map((s) => el('p', {}, s.text, ' ', citations(s.sources || [], ctx, s.text, s.from)))) : null,
  'No summary: the articles share no statement.');
}

function valueText(v) {
  if (v === undefined || v === null) return '';
  return typeof v === 'number' ? v.toLocaleString('en') : String(v);
}

function factsSection(b, ctx) {
  const facts = b.facts || [];
  if (!facts.length) return section('Facts', 'facts', null, 'No facts compared yet for this event.');
  const rows = facts.map((f) => {
    const conflicts = f.conflicts || [];
    return el('tr', {class: conflicts.length ? 'conflict' : 'agreed', 'data-testid': 'fact-row',
                     'data-conflict': conflicts.length ? 'yes' : 'no'},
      el('td', {}, f.about || ''),
      el('td', {}, el('strong', {}, [f.approx, valueText(f.value)].filter(Boolean).join(' ')),
        f.text ? el('div', {class: 'meta'}, `“${f.text}”`) : null),
      el('td', {}, citations(f.sources || [], ctx, f.text || '', null)),
      el('td', {}, conflicts.length ? [el('span', {class: 'badge conflict'}, 'conflict'),
        conflicts.map((c) => el('div', {'data-testid': 'conflict'},
          el('strong', {}, valueText(c.value)), c.text ? ` “${c.text}” ` : ' ',
          citations(c.sources || [], ctx, c.text || '', null)))] : el('span', {class: 'muted'}, 'all agree')));
  });
  return section('Facts', 'facts', el('div', {class: 'scroll'}, el('table', {},
    el('thead', {}, el('tr', {}, el('th', {}, 'About'), el('th', {}, 'Value'), el('th', {}, 'Stated by'),
      el('th', {}, 'Other outlets say'))),
    el('tbody', {}, rows))));
}

// Dated points on one axis: timeline entries (or, without any, the articles' publication).
// One mark a date, larger for more points on it, with their count and labels on hover.
function timelineChart(points, cssClass) {
  const byDate = new Map();
  for (const p of points) {
    if (Number.isNaN(Date.parse(p.date))) continue;
    if (!byDate.has(p.date)) byDate.set(p.date, []);
    byDate.get(p.date).push(p.label);
  }
  if (!byDate.size) return null;
  const dates = [...byDate.keys()].sort();
  const W = 900, left = 60, right = 60, lanes = 3, axisY = 30, H = axisY + 26 + lanes * 16;
  const t0 = Date.parse(dates[0]), span = Math.max(Date.parse(dates[dates.length - 1]) - t0, 86400000);
  const x = (d) => left + (W - left - right) * (Date.parse(d) - t0) / span;
  const g = svg('svg', {class: 'timeline', viewBox: `0 0 ${W} ${H}`, role: 'img',
                        'aria-label': `Timeline from ${dates[0]} to ${dates[dates.length - 1]}`});
  g.append(svg('line', {class: 'axis', x1: left, x2: W - right, y1: axisY, y2: axisY}));
  dates.forEach((d, i) => {
    const labels = byDate.get(d);
    const circle = svg('circle', {cx: x(d), cy: axisY, r: Math.min(14, 4 + 2 * Math.sqrt(labels.length - 1)), class: cssClass});
    circle.append(svg('title', {}, `${d}: ${labels.join('; ')}`));
    g.append(circle);
    // Neighbouring dates' labels go on different lanes so that they do not overlap.
    const count = labels.length > 1 ? ` (${labels.length})` : '';
    g.append(svg('text', {x: x(d), y: axisY + 30 + (i % lanes) * 16, 'text-anchor': 'middle'}, d + count));
  });
  return g;
}

function timelineSection(b, ctx) {
  const entries = (b.timeline || []).slice().sort((a, c) => String(a.date).localeCompare(String(c.date)));
  if (entries.length) {
    return section('Timeline', 'timeline', [
      timelineChart(entries.map((t) => ({date: t.date, label: t.text})), ''),
      el('ol', {class: 'timeline-list'}, entries.map((t) => el('li', {'data-testid': 'timeline-entry'},
        el('strong', {}, t.date), ' ', t.text, ' ', citations(t.sources || [], ctx, t.text, null))))]);
  }
  const dated = (b.articles || []).filter((a) => a.published)
    .map((a) => ({date: a.published, label: outlet(a)})).sort((a, c) => a.date.localeCompare(c.date));
  return el('section', {'data-testid': 'timeline-empty'}, el('h2', {}, 'Timeline'),
    el('p', {class: 'empty'}, 'No dated events extracted yet. Coverage by publication date:'),
    timelineChart(dated, 'coverage'));
}

function entitiesSection(b, ctx) {
  const list = b.entities || [];
  return section('People, places and organisations', 'entities', list.length ? el('div', {class: 'scroll'},
    el('table', {}, el('thead', {}, el('tr', {}, ['Name', 'Type', 'Also written', 'Mentions', 'Sources'].map((h) => el('th', {}, h)))),
      el('tbody', {}, list.map((e) => el('tr', {},
        el('td', {}, e.name), el('td', {}, e.type || ''), el('td', {}, (e.aliases || []).join(', ')),
        el('td', {}, valueText(e.mentions)), el('td', {}, citations(e.sources || [], ctx, e.name, null))))))) : null,
  'No entities extracted yet.');
}

function quotesSection(b, ctx) {
  const list = b.quotes || [];
  return section('Quotes', 'quotes', list.length ? list.map((q) => el('blockquote', {class: 'quote'},
    el('div', {}, `“${q.text}”`), el('div', {class: 'who'}, q.speaker || 'Unattributed', ' ',
      citations(q.sources || [], ctx, q.text, null)))) : null, 'No quotes extracted yet.');
}

function framingSection(b, ctx) {
  const list = (b.framing || []).filter((f) => (f.terms || []).length);
  return section('How each outlet words it', 'framing', list.length ? el('div', {class: 'scroll'}, el('table', {},
    el('tbody', {}, list.map((f) => {
      const a = ctx.byId.get(f.article);
      return el('tr', {}, el('td', {}, a ? `[${ctx.number.get(f.article)}] ${outlet(a)}` : f.article),
        el('td', {class: 'terms'}, f.terms.map((t) => el('span', {}, t))));
    })))) : null, 'No framing terms yet.');
}

function outletsSection(b, ctx) {
  const status = (a) => {
    if (a.duplicate_of) return el('span', {class: 'badge duplicate'}, `duplicate of [${ctx.number.get(a.duplicate_of) || '?'}]`);
    if (a.wire_of) return el('span', {class: 'badge wire'}, `wire copy of [${ctx.number.get(a.wire_of) || '?'}]`);
    return el('span', {class: 'badge independent'}, 'independent');
  };
  return section('Outlets', 'outlets', el('div', {class: 'scroll'}, el('table', {},
    el('thead', {}, el('tr', {}, ['', 'Outlet', 'Headline', 'Published', 'Words', ''].map((h) => el('th', {}, h)))),
    el('tbody', {}, b.articles.map((a) => el('tr', {'data-testid': 'outlet-row'},
      el('td', {}, `[${ctx.number.get(a.id)}]`), el('td', {}, a.source || outlet({url: a.url}) || el('span', {class: 'muted'}, 'not given')),
      el('td', {}, el('a', {href: `#/article/${a.id}`}, a.title || a.id),
        a.url ? [' ', el('a', {href: a.url, target: '_blank', rel: 'noopener', class: 'meta'}, '↗ original')] : null),
      el('td', {class: 'nowrap'}, a.published || ''), el('td', {}, valueText(a.words)), el('td', {}, status(a))))))));
}

async function eventPage(id) {
  show(el('p', {class: 'muted'}, 'Loading the brief…'));
  let e;
  try { e = await api('/api/events/' + encodeURIComponent(id)); } catch (err) { return fail(err); }
  const b = e.brief;
  const ctx = {byId: new Map(), number: new Map()};
  (b.articles || []).forEach((a, i) => { ctx.byId.set(a.id, a); ctx.number.set(a.id, i + 1); });
  const ev = b.event || {};
  document.title = `${e.title} — chorus`;
  show(
    el('p', {}, el('a', {href: '#/'}, '← All events')),
    el('h1', {'data-testid': 'event-title'}, e.title),
    el('p', {class: 'meta'},
      `${plural(ev.independent_sources ?? e.sources, 'independent source')} · ${plural(e.articles, 'article')}`,
      ev.independent_articles !== undefined && ev.independent_articles < e.articles
        ? ` (${e.articles - ev.independent_articles} duplicate or wire)` : '',
      ` · ${dateRange(e.first_published, e.last_published)} · updated ${e.updated.replace('T', ' ').replace('Z', ' UTC')}`),
    summarySection(b, ctx), factsSection(b, ctx), timelineSection(b, ctx), entitiesSection(b, ctx),
    quotesSection(b, ctx), framingSection(b, ctx), outletsSection(b, ctx));
}

// ---------------------------------------------------------------- one article

async function articlePage(id) {
  show(el('p', {class: 'muted'}, 'Loading…'));
  let a;
  try { a = await api('/api/articles/' + encodeURIComponent(id)); } catch (err) { return fail(err); }
  document.title = `${a.title} — chorus`;
  show(
    el('p', {}, el('a', {href: `#/event/${a.event}`}, '← Its event')),
    el('h1', {}, a.title),
    el('p', {class: 'meta'}, [outlet(a), a.published, a.language, plural(a.words, 'word')].filter(Boolean).join(' · '),
      a.url ? [' · ', el('a', {href: a.url, target: '_blank', rel: 'noopener'}, 'original')] : null,
      a.duplicate_of ? [' · duplicate of ', el('a', {href: `#/article/${a.duplicate_of}`}, a.duplicate_of)] : null,
      a.wire_of ? [' · wire copy of ', el('a', {href: `#/article/${a.wire_of}`}, a.wire_of)] : null),
    el('article', {class: 'text'}, a.text.split('\n').filter((p) => p.trim()).map((p) => el('p', {}, p))));
}

// ---------------------------------------------------------------- routing

function route() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query] = hash.split('?');
  let m;
  if ((m = path.match(/^\/event\/(\d+)$/))) return eventPage(m[1]);
  if ((m = path.match(/^\/article\/([0-9a-f]{16})$/))) return articlePage(m[1]);
  document.title = 'chorus';
  return listPage(new URLSearchParams(query || ''));
}

window.addEventListener('hashchange', route);
route();
