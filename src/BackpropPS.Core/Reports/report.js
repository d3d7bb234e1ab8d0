'use strict';
// Shared by the step page and the run page: the data, numbers as text, tables, SVG, and the slider with Play.
// Numbers come from the JSON as they were written (round-trip, invariant culture); non-finite ones as strings.
const data = JSON.parse(document.getElementById('report-data').textContent);
const colours = data.colours;
const main = document.getElementById('report');
main.textContent = '';

// The round-trip text of a number (the shortest text that reads back as the same double), as PowerShell's "R".
function num(v) {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : String(v);
}

// A short form for labels in a drawing; the tables carry the full number.
function short(v) {
  return typeof v === 'number' ? String(Number(v.toPrecision(4))) : num(v);
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined) e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : String(c));
  return e;
}

function svgEl(tag, attrs, text) {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined) e.setAttribute(k, v);
  }
  if (text !== undefined) e.textContent = text;
  return e;
}

// A panel with a heading; returns its body.
function panel(parent, title, id) {
  const s = el('section', { class: 'panel', id: id, 'aria-label': title }, el('h2', {}, title));
  parent.append(s);
  return s;
}

// A table of text cells; a number is shown round-trip. headers: column names; rows: arrays of cells.
function table(caption, headers, rows, id) {
  const t = el('table', { id: id });
  t.append(el('caption', {}, caption));
  const head = el('tr');
  headers.forEach((h, i) => head.append(el('th', { scope: 'col', class: i === 0 ? 'text' : null }, h)));
  t.append(el('thead', {}, head));
  const body = el('tbody');
  for (const row of rows) {
    const tr = el('tr');
    row.forEach((c, i) => tr.append(el(i === 0 ? 'th' : 'td', { class: typeof c === 'number' ? null : 'text', scope: i === 0 ? 'row' : null }, typeof c === 'number' ? num(c) : (c === null || c === undefined ? '' : c))));
    body.append(tr);
  }
  t.append(body);
  return t;
}

// The sign colours of the pictures: blue positive, orange negative, grey zero.
function signColour(v) {
  return v > 0 ? colours.positive : v < 0 ? colours.negative : colours.zero;
}

// A #rrggbb colour mixed with white: 0 is white, 1 the colour itself (PictureColours.Mix).
function mix(hex, share) {
  const rgb = parseInt(hex.slice(1), 16);
  const ch = full => Math.round(255 + (full - 255) * share);
  return [ch((rgb >> 16) & 255), ch((rgb >> 8) & 255), ch(rgb & 255)];
}

function bytes(base64) {
  const text = atob(base64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

// A range slider with a Play button: onChange(index) runs on every move; play steps through to the end.
function slider(parent, label, count, labelOf, onChange, playStep) {
  const bar = el('div', { class: 'controls', role: 'group', 'aria-label': label });
  const play = el('button', { type: 'button', id: 'play' }, 'Play');
  const range = el('input', { type: 'range', id: 'slider', min: 0, max: Math.max(0, count - 1), value: count - 1, 'aria-label': label });
  const out = el('output', { id: 'slider-value', for: 'slider' });
  bar.append(play, el('label', { for: 'slider' }, label + ' '), range, out);
  parent.append(bar);
  let timer = null;
  const set = i => { range.value = i; out.textContent = labelOf(i); onChange(i); };
  range.addEventListener('input', () => { stop(); set(Number(range.value)); });
  function stop() { if (timer) { clearInterval(timer); timer = null; play.textContent = 'Play'; } }
  play.addEventListener('click', () => {
    if (timer) { stop(); return; }
    play.textContent = 'Pause';
    if (playStep) { timer = playStep(stop); return; }
    if (Number(range.value) >= count - 1) set(0);
    timer = setInterval(() => {
      const i = Number(range.value) + Math.max(1, Math.round(count / 200));
      if (i >= count - 1) { set(count - 1); stop(); } else set(i);
    }, 60);
  });
  return { set, bar, range, stop };
}

// A line chart: series are {name, values, colour}; x the epochs; a cursor line that moveCursor(i) moves;
// format writes the axis's values (accuracy as a percentage, as the module's views and pictures write it).
function lineChart(parent, title, x, series, logScale, format = short) {
  const w = 570, h = 220, left = 70, right = 10, top = 10, bottom = 30;
  const s = svgEl('svg', { viewBox: `0 0 ${w} ${h}`, width: w, height: h, role: 'img', 'aria-label': title });
  const all = series.flatMap(c => c.values.filter(v => typeof v === 'number' && isFinite(v) && (!logScale || v > 0)));
  if (all.length === 0) { parent.append(el('p', { class: 'note' }, 'No finite values to draw.')); return () => {}; }
  let lo = Math.min(...all), hi = Math.max(...all);
  const f = logScale ? Math.log10 : (v => v);
  if (hi === lo) { hi = logScale ? hi * 10 : hi + 1; }
  const x0 = x[0], x1 = x[x.length - 1] === x0 ? x0 + 1 : x[x.length - 1];
  const px = v => left + (v - x0) / (x1 - x0) * (w - left - right);
  const py = v => top + (f(hi) - f(v)) / (f(hi) - f(lo)) * (h - top - bottom);
  s.append(svgEl('rect', { x: left, y: top, width: w - left - right, height: h - top - bottom, fill: 'none', stroke: '#ccc' }));
  s.append(svgEl('text', { x: left - 4, y: top + 10, 'text-anchor': 'end' }, format(hi)));
  s.append(svgEl('text', { x: left - 4, y: h - bottom, 'text-anchor': 'end' }, format(lo)));
  s.append(svgEl('text', { x: left, y: h - 8 }, num(x0)));
  s.append(svgEl('text', { x: w - right, y: h - 8, 'text-anchor': 'end' }, num(x[x.length - 1])));
  s.append(svgEl('text', { x: w / 2, y: h - 8, 'text-anchor': 'middle', fill: colours.note }, 'epoch' + (logScale ? ' (log scale)' : '')));
  series.forEach((c, k) => {
    let d = '';
    c.values.forEach((v, i) => {
      if (typeof v !== 'number' || !isFinite(v) || (logScale && v <= 0)) return;
      d += (d ? 'L' : 'M') + px(x[i]).toFixed(1) + ' ' + py(v).toFixed(1);
    });
    s.append(svgEl('path', { d: d, fill: 'none', stroke: c.colour, 'stroke-width': 1.5 }));
    s.append(svgEl('text', { x: left + 8, y: top + 14 + 13 * k, fill: c.colour }, c.name));
  });
  const cursor = svgEl('line', { y1: top, y2: h - bottom, stroke: colours.highlight, 'stroke-width': 1.5, class: 'cursor' });
  s.append(cursor);
  parent.append(s);
  return i => { const p = px(x[Math.min(i, x.length - 1)]); cursor.setAttribute('x1', p); cursor.setAttribute('x2', p); };
}

// Whether values span enough decades to want a logarithmic axis.
function wantsLog(values) {
  const v = values.filter(x => typeof x === 'number' && isFinite(x));
  return v.length > 1 && v.every(x => x > 0) && Math.max(...v) / Math.min(...v) > 100;
}
