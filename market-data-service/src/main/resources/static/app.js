// mmlab live page: the exchange's book and trades from this service's /ws/market-data, and every
// strategy's P&L and inventory from rl-strategy-service's /ws/strategies. Both streams carry a
// sequence number; a gap means lost messages, so the page drops the connection and subscribes
// again (a fresh snapshot). Plain JavaScript, no build step; charts are drawn on <canvas>.
'use strict';

const LADDER_LEVELS = 12;
const MAX_TRADES = 30;
const MAX_POINTS = 1200;
const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = 10000;

const $ = (id) => document.getElementById(id);

// ---- market data -------------------------------------------------------------------------

const book = { bids: new Map(), asks: new Map(), decimals: 2 };
const trades = [];
let mdSeq = null;
let resyncs = 0;
let renderQueued = false;

function wsBase() {
  return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host;
}

function setPill(id, up, text) {
  const el = $(id);
  el.className = 'pill ' + (up ? 'up' : 'down');
  el.textContent = text;
}

function fmtPrice(p) {
  return Number(p).toFixed(book.decimals);
}

function fmtSimTime(ns) {
  const s = Math.floor(ns / 1e9);
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
  const ms = Math.floor((ns / 1e6) % 1000);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:`
    + `${String(sec).padStart(2, '0')}.${String(ms).padStart(3, '0')}`;
}

function applyLevels(side, levels) {
  for (const l of levels) {
    const price = Number(l.price), size = Number(l.size);
    if (size === 0) side.delete(price); else side.set(price, size);
  }
}

function decimalsOf(tick) {
  const s = String(tick);
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

function onMarketData(msg) {
  if (msg.type === 'snapshot') {
    book.bids.clear();
    book.asks.clear();
    applyLevels(book.bids, msg.bids);
    applyLevels(book.asks, msg.asks);
    if (msg.instrument && msg.instrument.tickSize !== undefined) {
      book.decimals = decimalsOf(msg.instrument.tickSize);
    }
    $('market').textContent = msg.market || '–';
    mdSeq = msg.seq;
  } else {
    if (mdSeq === null) return; // before the snapshot nothing applies
    if (msg.seq !== mdSeq + 1) {
      resyncs++;
      $('resyncs').textContent = String(resyncs);
      return 'gap';
    }
    mdSeq = msg.seq;
    if (msg.type === 'book') {
      applyLevels(book.bids, msg.bids);
      applyLevels(book.asks, msg.asks);
    } else if (msg.type === 'trade') {
      trades.unshift({ t: msg.simTime, side: msg.aggressor, price: msg.price, size: msg.size, fresh: true });
      if (trades.length > MAX_TRADES) trades.length = MAX_TRADES;
    } else if (msg.type === 'heartbeat') {
      $('clock').textContent = msg.running ? 'running' : 'stopped';
    }
  }
  $('sim-time').textContent = fmtSimTime(msg.simTime);
  queueRender();
  return null;
}

function queueRender() {
  if (!renderQueued) {
    renderQueued = true;
    requestAnimationFrame(() => { renderQueued = false; renderBook(); renderTrades(); });
  }
}

function ladderRow(cls, price, bidSize, askSize, maxSize, quoted) {
  const tr = document.createElement('tr');
  tr.className = cls + (quoted.has(fmtPrice(price)) ? ' quoted' : '');
  tr.dataset.price = fmtPrice(price);
  const bar = (size) => size
    ? `<span class="bar" style="width:${Math.max(2, Math.round(48 * size / maxSize))}px"></span>${size}`
    : '';
  tr.innerHTML = `<td class="bid-size">${bar(bidSize)}</td><td class="price">${fmtPrice(price)}</td>`
    + `<td class="ask-size">${bar(askSize)}</td>`;
  return tr;
}

function renderBook() {
  const bids = [...book.bids.entries()].sort((a, b) => b[0] - a[0]).slice(0, LADDER_LEVELS);
  const asks = [...book.asks.entries()].sort((a, b) => a[0] - b[0]).slice(0, LADDER_LEVELS);
  const maxSize = Math.max(1, ...bids.map((l) => l[1]), ...asks.map((l) => l[1]));
  // Prices where a running strategy quotes are marked in the ladder.
  const quoted = new Set();
  for (const s of strategies.values()) {
    if (s.latest.state !== 'RUNNING') continue;
    if (s.latest.bidPrice !== undefined) quoted.add(fmtPrice(s.latest.bidPrice));
    if (s.latest.askPrice !== undefined) quoted.add(fmtPrice(s.latest.askPrice));
  }
  const askBody = $('asks'), bidBody = $('bids');
  askBody.replaceChildren();
  bidBody.replaceChildren();
  // Asks highest first, so the best ask sits just above the spread.
  for (let i = asks.length - 1; i >= 0; i--) {
    askBody.appendChild(ladderRow(i === 0 ? 'ask best best-ask' : 'ask', asks[i][0], 0, asks[i][1], maxSize, quoted));
  }
  bids.forEach((l, i) => bidBody.appendChild(ladderRow(i === 0 ? 'bid best best-bid' : 'bid', l[0], l[1], 0, maxSize, quoted)));
  $('spread').textContent = bids.length && asks.length
    ? `spread ${fmtPrice(asks[0][0] - bids[0][0])} · mid ${((asks[0][0] + bids[0][0]) / 2).toFixed(book.decimals + 1)}`
    : 'spread –';
}

function renderTrades() {
  const body = document.querySelector('#trades tbody');
  body.replaceChildren();
  for (const t of trades) {
    const tr = document.createElement('tr');
    tr.className = t.side + (t.fresh ? ' fresh' : '');
    t.fresh = false;
    tr.innerHTML = `<td>${fmtSimTime(t.t)}</td><td class="side">${t.side === 'BUY' ? 'buy' : 'sell'}</td>`
      + `<td class="price">${fmtPrice(t.price)}</td><td class="size">${Number(t.size)}</td>`;
    body.appendChild(tr);
  }
}

// ---- a WebSocket that reconnects with backoff and resubscribes on a sequence gap ---------------

function connect(name, url, handlers) {
  let attempt = 0;
  let retryTimer = null;
  function open() {
    const ws = new WebSocket(url);
    ws.onopen = () => { attempt = 0; handlers.onOpen(); };
    ws.onmessage = (ev) => {
      let msg;
      try { msg = JSON.parse(ev.data); } catch (e) { return; }
      if (handlers.onMessage(msg) === 'gap') {
        // Lost messages: subscribe again at once for a fresh snapshot.
        ws.onclose = null;
        ws.close();
        handlers.onResync();
        open();
      }
    };
    ws.onclose = () => {
      const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** attempt);
      attempt++;
      handlers.onDown(delay);
      clearTimeout(retryTimer);
      retryTimer = setTimeout(open, delay);
    };
  }
  open();
}

// ---- strategies --------------------------------------------------------------------------

const strategies = new Map(); // id -> { latest, points: [{t, pnl, inv}], el }
let strategySeq = null;

function onStrategyFrame(frame) {
  if (frame.type === 'snapshot') {
    for (const s of strategies.values()) s.points = [];
  } else if (strategySeq === null || frame.seq !== strategySeq + 1) {
    return 'gap';
  }
  strategySeq = frame.seq;
  for (const sample of frame.samples) {
    let s = strategies.get(sample.id);
    if (!s) {
      s = { latest: sample, points: [], el: strategyCard(sample.id) };
      strategies.set(sample.id, s);
    }
    s.latest = sample;
    s.points.push({ t: sample.time, pnl: sample.pnl, inv: sample.inventory });
    if (s.points.length > MAX_POINTS) s.points.splice(0, s.points.length - MAX_POINTS);
  }
  renderStrategies();
  return null;
}

function strategyCard(id) {
  const div = document.createElement('div');
  div.className = 'strategy';
  div.dataset.id = id;
  div.innerHTML = `<div class="title"><b class="id"></b><span class="type"></span><span class="state"></span></div>
    <div class="figures">
      <span>P&amp;L <b class="pnl"></b></span><span>inventory <b class="inventory"></b></span>
      <span>fills <b class="fills"></b></span><span>quotes <b class="quotes"></b></span>
      <span>bid <b class="bid"></b></span><span>ask <b class="ask"></b></span>
      <span class="md"></span>
    </div>
    <div class="charts"><canvas class="pnl-chart"></canvas><canvas class="inventory-chart"></canvas></div>`;
  div.querySelector('.id').textContent = id;
  $('strategies').appendChild(div);
  return div;
}

function renderStrategies() {
  const running = [...strategies.values()].filter((s) => s.latest.state !== 'STOPPED').length;
  if (strategies.size === 0) {
    $('strategies').innerHTML = '';
    $('strategy-banner').className = 'banner';
    $('strategy-banner').textContent = 'no strategy yet: start one with POST /api/v1/strategies on'
      + ' rl-strategy-service, e.g. {"type":"symmetric"}';
    return;
  }
  $('strategy-banner').className = 'banner hidden';
  for (const s of strategies.values()) {
    const l = s.latest, el = s.el;
    el.querySelector('.type').textContent = l.type;
    const state = el.querySelector('.state');
    state.textContent = l.state;
    state.className = 'state ' + l.state;
    el.querySelector('.pnl').textContent = l.pnl.toFixed(2);
    el.querySelector('.inventory').textContent = String(l.inventory);
    el.querySelector('.fills').textContent = String(l.fills);
    el.querySelector('.quotes').textContent = String(l.quotes);
    el.querySelector('.bid').textContent = l.bidPrice !== undefined ? fmtPrice(l.bidPrice) : '–';
    el.querySelector('.ask').textContent = l.askPrice !== undefined ? fmtPrice(l.askPrice) : '–';
    el.querySelector('.md').textContent = l.marketDataLive ? '' : 'market data not live';
    drawChart(el.querySelector('.pnl-chart'), s.points, 'pnl', 'P&L', '#4fa3ff');
    drawChart(el.querySelector('.inventory-chart'), s.points, 'inv', 'inventory (lots)', '#f0b429');
  }
  document.title = `mmlab — ${running} strategy${running === 1 ? '' : 'ies'} running`;
}

// A line chart of points[key] over time, with its range, a zero line and the latest value.
function drawChart(canvas, points, key, label, color) {
  const dpr = window.devicePixelRatio || 1;
  const w = canvas.clientWidth || 300, h = canvas.clientHeight || 150;
  if (canvas.width !== Math.round(w * dpr)) canvas.width = Math.round(w * dpr);
  if (canvas.height !== Math.round(h * dpr)) canvas.height = Math.round(h * dpr);
  const ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  canvas.dataset.points = String(points.length);
  const last = points.length ? points[points.length - 1][key] : null;
  canvas.dataset.last = last === null ? '' : String(last);
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillStyle = '#8b98a8';
  ctx.fillText(label, 6, 13);
  if (points.length < 2) return;
  const padL = 6, padR = 52, padT = 20, padB = 8;
  let lo = Infinity, hi = -Infinity;
  for (const p of points) { lo = Math.min(lo, p[key]); hi = Math.max(hi, p[key]); }
  lo = Math.min(lo, 0); hi = Math.max(hi, 0);
  if (hi - lo < 1e-9) { hi += 1; lo -= 1; }
  const t0 = points[0].t, t1 = points[points.length - 1].t || t0 + 1;
  const x = (t) => padL + (w - padL - padR) * (t - t0) / Math.max(1, t1 - t0);
  const y = (v) => padT + (h - padT - padB) * (hi - v) / (hi - lo);
  ctx.strokeStyle = '#2a3440';
  ctx.beginPath(); ctx.moveTo(padL, y(0)); ctx.lineTo(w - padR, y(0)); ctx.stroke();
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  points.forEach((p, i) => (i ? ctx.lineTo(x(p.t), y(p[key])) : ctx.moveTo(x(p.t), y(p[key]))));
  ctx.stroke();
  ctx.fillStyle = '#8b98a8';
  const fmt = (v) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2));
  // The range's ends, unless the latest value's label would cover them.
  const lastY = Math.min(h - padB, Math.max(padT + 4, y(last) + 4));
  if (Math.abs(lastY - (padT + 4)) > 12) ctx.fillText(fmt(hi), w - padR + 4, padT + 4);
  if (Math.abs(lastY - (h - padB)) > 12) ctx.fillText(fmt(lo), w - padR + 4, h - padB);
  ctx.fillStyle = color;
  ctx.fillText(fmt(last), w - padR + 4, lastY);
}

// ---- start -------------------------------------------------------------------------------

async function start() {
  const mdUrl = wsBase() + '/ws/market-data';
  let strategyUrl = `ws://${location.hostname}:8083/ws/strategies`;
  try {
    const cfg = await (await fetch('/api/v1/web-config')).json();
    strategyUrl = cfg.strategyWsUrl.replace('{host}', location.hostname);
  } catch (e) {
    // Keep the default; the footer shows which URL is tried.
  }
  $('md-url').textContent = mdUrl;
  $('strategy-url').textContent = strategyUrl;
  connect('market data', mdUrl, {
    onOpen: () => setPill('md-status', true, 'market data: live'),
    onMessage: onMarketData,
    onResync: () => { mdSeq = null; },
    onDown: (delay) => {
      mdSeq = null;
      setPill('md-status', false, `market data: disconnected, retrying in ${(delay / 1000).toFixed(1)} s`);
    },
  });
  connect('strategies', strategyUrl, {
    onOpen: () => setPill('strategy-status', true, 'strategy service: connected'),
    onMessage: onStrategyFrame,
    onResync: () => { strategySeq = null; },
    onDown: (delay) => {
      strategySeq = null;
      setPill('strategy-status', false, 'strategy service: not connected');
      const banner = $('strategy-banner');
      banner.className = 'banner';
      banner.textContent = `strategy service not connected (${strategyUrl}); retrying in `
        + `${(delay / 1000).toFixed(1)} s`;
    },
  });
}

start();
