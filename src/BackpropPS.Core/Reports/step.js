// The step page: the diagram of one step, the derivation of what is clicked, Play, and a slider over steps.
const steps = data.steps;
const columns = data.traceColumns;
let current = steps.length - 1;
let phase = null;        // null: everything shown; else the index of the Play phase
let selected = null;     // {kind: 'parameter', name} or {kind: 'neuron', layer, neuron}

const stepBar = steps.length > 1
  ? slider(main, 'Step', steps.length, i => `step ${steps[i].number} of ${data.stepCount}`, i => { current = i; phase = null; render(); }, null)
  : null;
const playBar = el('div', { class: 'controls' });
const playButton = el('button', { type: 'button', id: 'play-step' }, 'Play the step');
const phaseText = el('span', { class: 'phase', id: 'phase', 'aria-live': 'polite' });
playBar.append(playButton, phaseText);
main.append(playBar);
if (steps.length < data.stepCount) {
  main.append(el('p', { class: 'note' }, `${steps.length} of the ${data.stepCount} steps are kept: the first, the last and evenly spaced ones between (a page keeps at most 1000).`));
}
const panels = el('div', { class: 'panels' });
main.append(panels);
const diagramPanel = panel(panels, 'The network', 'diagram-panel');
const derivationPanel = panel(panels, 'Derivation', 'derivation-panel');
const derivation = el('div', { id: 'derivation', 'aria-live': 'polite' }, el('p', { class: 'note' }, 'Click or hover a weight, a bias or a neuron to see its chain rule with the numbers of this step.'));
derivationPanel.append(derivation);
const tablesPanel = panel(main, 'Every number of the step', 'tables-panel');

function trace(step) {
  return step.trace.map(r => Object.fromEntries(columns.map((c, i) => [c, r[i]])));
}

// Play: forward layer by layer, the loss, backward from the output layer down, then the update.
function phases(step) {
  const n = step.layers.length, list = [];
  for (let l = 1; l <= n; l++) list.push(`Forward: layer ${l} computes z = W a + b and a = activation(z)`);
  list.push('Loss: the outputs against the targets');
  for (let l = n; l >= 1; l--) list.push(`Backward: the deltas of layer ${l} (dE/dz)`);
  list.push('Update: every parameter minus the learning rate times its gradient');
  return list;
}

playButton.addEventListener('click', () => {
  const list = phases(steps[current]);
  phase = 0;
  render();
  const timer = setInterval(() => {
    phase++;
    if (phase >= list.length) { clearInterval(timer); phase = null; }
    render();
  }, 900);
});

function shows(step, what, layer) {
  if (phase === null) return true;
  const n = step.layers.length;
  if (what === 'forward') return phase >= layer - 1;
  if (what === 'loss') return phase >= n;
  if (what === 'delta') return phase >= n + 1 + (n - layer);
  return phase >= 2 * n + 1; // the update
}

function render() {
  const step = steps[current];
  const list = phases(step);
  phaseText.textContent = phase === null ? '' : `${phase + 1}/${list.length} ${list[phase]}`;
  drawDiagram(step);
  drawTables(step);
  if (selected) explain(step, selected);
}

function drawDiagram(step) {
  diagramPanel.querySelectorAll('svg, p').forEach(e => e.remove());
  const inputs = step.input[0].length;
  const sizes = [inputs, ...step.layers.map(l => l.names.length)];
  const tallest = Math.max(...sizes);
  // The SVG diagram's layout (Export-BackpropDiagram's), laid out by the module: every label beside its own line.
  const layout = data.layout;
  const nodeName = (c, j) => c === 0 ? `x${j + 1}` : step.layers[c - 1].names[j];
  const colW = 260, rowH = 110;
  const w = layout ? layout.width : 100 + colW * (sizes.length - 1) + 100, h = layout ? layout.height : 90 + rowH * tallest;
  const s = svgEl('svg', { viewBox: `0 0 ${w} ${h}`, width: w, height: h, role: 'img', 'aria-label': 'The network diagram: neurons with z, a and delta; edges with the weight and its new value' });
  const pos = (c, j) => layout ? layout.nodes[nodeName(c, j)].slice(0, 2) : [70 + c * colW, 80 + (tallest - sizes[c]) * rowH / 2 + j * rowH];
  const every = step.layers.flatMap(l => l.weights.flat()).map(Math.abs);
  const largest = Math.max(...every, 0);
  // More than 24 weights crowd their labels: then only the selected one's label shows (the tables have them all).
  const crowded = every.length > 24;
  const stroke = v => largest > 0 ? 0.75 + 3.25 * Math.abs(v) / largest : 1;
  const edges = svgEl('g'), labels = svgEl('g'), nodes = svgEl('g');
  s.append(edges, labels, nodes);
  const rows = trace(step);
  step.layers.forEach((layer, l) => {
    layer.weights.forEach((row, j) => row.forEach((wv, i) => {
      const [x1, y1] = pos(l, i), [x2, y2] = pos(l + 1, j);
      const name = rows.find(r => r.Kind === 'Weight' && r.Layer === l + 1 && r.From === i + 1 && r.To === j + 1).Name;
      const line = svgEl('line', { x1: x1, y1: y1, x2: x2, y2: y2, stroke: signColour(wv), 'stroke-width': stroke(wv), class: 'clickable edge', 'data-name': name });
      line.append(svgEl('title', {}, name));
      edges.append(line);
      hook(line, { kind: 'parameter', name: name });
      const after = shows(step, 'update') ? ` → ${short(layer.newWeights[j][i])}` : '';
      const text = `${name}: ${short(wv)}${after}`;
      const box = layout && layout.labels[name];
      let label;
      if (box) {
        // On a white box, turned to follow its line, where the module found room for it.
        const [bx, by, angle, bw, bh] = box;
        label = svgEl('g', { class: crowded ? 'clickable crowded' : 'clickable', 'data-name': name, transform: `rotate(${angle} ${bx} ${by})` });
        label.append(svgEl('rect', { x: bx - bw / 2, y: by - bh / 2, width: bw, height: bh, rx: 3, fill: 'white', stroke: signColour(wv), 'stroke-width': 0.6, 'stroke-opacity': 0.6 }));
        label.append(svgEl('text', { x: bx, y: by + 4, 'text-anchor': 'middle', fill: signColour(wv), 'font-size': 11, class: crowded ? 'crowded' : null, 'data-name': name }, text));
      } else {
        // Labels from a third to two thirds of the way along, by the neuron fed, so that crossing lines' labels stay apart.
        const along = 0.3 + 0.4 * j / Math.max(1, layer.weights.length - 1);
        const lx = x1 + (x2 - x1) * along, ly = y1 + (y2 - y1) * along - 4;
        label = svgEl('text', { x: lx, y: ly, 'text-anchor': 'middle', fill: signColour(wv), class: crowded ? 'clickable crowded' : 'clickable', 'data-name': name, 'paint-order': 'stroke', stroke: 'white', 'stroke-width': 3 }, text);
      }
      labels.append(label);
      hook(label, { kind: 'parameter', name: name });
    }));
    if (layer.biasMode !== 'None') {
      // A shared bias where the SVG puts it (under the column that feeds the layer), its values in its box.
      const placed = layout && layer.biasMode === 'Shared' ? layout.nodes[`b${l + 1}`] : null;
      const [bx, by] = placed ? placed : [pos(l, 0)[0] + 40, 28];
      const bias = svgEl('g', { class: 'clickable', 'data-name': layer.biasMode === 'Shared' ? `b${l + 1}` : null });
      const biasAfter = shows(step, 'update') ? ` → ${short(layer.newBiases[0])}` : '';
      const [bw, bh] = placed ? [placed[2], placed[3]] : [32, 24];
      bias.append(svgEl('rect', { x: bx - bw / 2, y: by - bh / 2, width: bw, height: bh, rx: 4, fill: '#fdf6e3', stroke: '#b7950b' }));
      bias.append(svgEl('text', { x: bx, y: by + 4, 'text-anchor': 'middle' }, placed ? `b${l + 1}: ${short(layer.biases[0])}${biasAfter}` : `b${l + 1}`));
      nodes.append(bias);
      layer.names.forEach((_, j) => {
        const [x2, y2] = pos(l + 1, j);
        const bv = layer.biases[layer.biasMode === 'Shared' ? 0 : j];
        const name = layer.biasMode === 'Shared' ? `b${l + 1}` : `b${l + 1}_${j + 1}`;
        const line = svgEl('line', { x1: bx, y1: placed ? by : by + 12, x2: x2, y2: y2, stroke: signColour(bv), 'stroke-width': stroke(bv), 'stroke-dasharray': '5 4', class: 'clickable edge', 'data-name': name, opacity: 0.7 });
        edges.append(line);
        hook(line, { kind: 'parameter', name: name });
      });
      const sharedName = `b${l + 1}`;
      if (layer.biasMode === 'Shared') {
        hook(bias, { kind: 'parameter', name: sharedName });
        if (!placed) nodes.append(svgEl('text', { x: bx + 22, y: by + 4, fill: signColour(layer.biases[0]) }, `${short(layer.biases[0])}${biasAfter}`));
      }
    }
  });
  sizes.forEach((n, c) => {
    for (let j = 0; j < n; j++) {
      const [x, y] = pos(c, j);
      const g = svgEl('g', { class: c > 0 ? 'clickable neuron' : 'neuron' });
      const name = c === 0 ? `x${j + 1}` : step.layers[c - 1].names[j];
      g.append(svgEl('circle', { cx: x, cy: y, r: 22, fill: c === 0 ? '#eef2f7' : 'white', stroke: '#2c3e50', 'stroke-width': 1.5 }));
      g.append(svgEl('text', { x: x, y: y + 4, 'text-anchor': 'middle', 'font-weight': 600 }, name));
      const lines = [];
      if (c === 0) lines.push(`= ${short(step.input[0][j])}`);
      else {
        const layer = step.layers[c - 1];
        if (shows(step, 'forward', c)) lines.push(`z ${short(layer.z[0][j])}`, `a ${short(layer.a[0][j])}`);
        if (shows(step, 'delta', c)) lines.push(`δ ${short(layer.delta[0][j])}`);
      }
      lines.forEach((t, k) => g.append(svgEl('text', { x: x, y: y + 36 + 13 * k, 'text-anchor': 'middle', fill: '#333', 'paint-order': 'stroke', stroke: 'white', 'stroke-width': 3 }, t)));
      nodes.append(g);
      if (c > 0) hook(g, { kind: 'neuron', layer: c, neuron: j });
    }
  });
  diagramPanel.append(s);
  diagramPanel.append(el('p', { class: 'note' }, `Lines: blue a positive weight, orange a negative one, thicker the larger |w|; dashed a bias. ` +
    `Labels${crowded ? ` (of the selected weight only: this network has ${every.length})` : ''}: the weight${shows(step, 'update') ? ' → its new value' : ''}. Neurons: z, a and delta (δ = dE/dz)${step.samples > 1 ? ` of sample 1 of ${step.samples}` : ''}.`));
}

function hook(node, what) {
  node.setAttribute('tabindex', '0');
  const show = () => { selected = what; explain(steps[current], what); };
  node.addEventListener('click', show);
  node.addEventListener('mouseenter', show);
  node.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') show(); });
}

const meaning = {
  Old: 'value before the step', Gradient: 'dE/d(parameter)', New: 'value after the step', LearningRate: 'learning rate η',
  SampleCount: 'samples in the step', LossDerivative: 'dE/dyhat of the output neuron fed', Downstream: 'dE/da: Σ weight × delta of the layer above',
  DownstreamTerms: 'its terms', ActivationDerivative: 'da/dz at the neuron fed', Delta: 'dE/dz of the neuron fed',
  Input: 'dz/d(parameter): the input it multiplies', DeltaSum: 'Σ of the layer\'s deltas (a shared bias)', DeltaTerms: 'its terms',
};

function explain(step, what) {
  derivation.textContent = '';
  document.querySelectorAll('.selected').forEach(e => e.classList.remove('selected'));
  if (what.kind === 'parameter') {
    const t = trace(step).find(r => r.Name === what.name);
    if (!t) return;
    document.querySelectorAll(`[data-name="${t.Name}"]`).forEach(e => e.classList.add('selected'));
    derivation.append(el('h3', {}, `${t.Name}: layer ${t.Layer} ${t.Kind.toLowerCase()}${t.From ? `, from ${t.From}` : ''}${t.To ? ` into neuron ${t.To}` : ''}`));
    derivation.append(el('p', { class: 'formula', id: 'formula' }, formula(t)));
    const rows = columns.slice(5).filter(c => t[c] !== null && t[c] !== undefined);
    const tbl = table(`The factors of ${t.Name} (the row Get-BackpropParameter gives)`, ['Factor', 'Value', 'Meaning'], rows.map(c => [c, t[c], meaning[c] || '']), 'derivation-table');
    tbl.querySelectorAll('tbody tr').forEach((tr, k) => tr.setAttribute('data-factor', rows[k]));
    derivation.append(tbl);
  } else {
    const layer = step.layers[what.layer - 1], j = what.neuron, name = layer.names[j];
    derivation.append(el('h3', {}, `${name}: neuron ${j + 1} of layer ${what.layer} (${layer.activation})`));
    const t = trace(step).find(r => r.Layer === what.layer && r.To === j + 1 && r.Delta !== null);
    if (t) {
      const first = t.LossDerivative !== null ? `dE/dyhat ${num(t.LossDerivative)}` : `dE/da ${num(t.Downstream)}${t.DownstreamTerms ? ` = ${t.DownstreamTerms}` : ''}`;
      derivation.append(el('p', { class: 'formula', id: 'formula' }, `delta = dE/dz = ${first}\n      × da/dz ${num(t.ActivationDerivative)}\n      = ${num(t.Delta)}`));
    }
    const rows = layer.z.map((z, r) => [`sample ${r + 1}`, z[j], layer.a[r][j], layer.delta[r][j]]);
    derivation.append(table(`z, a and delta of ${name}`, ['Sample', 'z', 'a', 'delta'], rows, 'derivation-table'));
  }
}

function formula(t) {
  const update = `new = old − η × gradient = ${num(t.Old)} − ${num(t.LearningRate)} × ${num(t.Gradient)} = ${num(t.New)}`;
  if (t.SampleCount > 1) return `gradient = the mean over ${t.SampleCount} samples of each sample's chain rule = ${num(t.Gradient)}\n${update}`;
  if (t.DeltaSum !== null) return `dE/d${t.Name} = Σ deltas of layer ${t.Layer} = ${t.DeltaTerms} = ${num(t.Gradient)}\n${update}`;
  if (t.ActivationDerivative === null) return `dE/d${t.Name} = delta × input = ${num(t.Delta)} × ${num(t.Input)} = ${num(t.Gradient)} (Softmax: delta from its Jacobian)\n${update}`;
  const first = t.LossDerivative !== null ? ['dE/dyhat', t.LossDerivative] : ['dE/da', t.Downstream];
  let text = `dE/d${t.Name} = ${first[0]} × da/dz × dz/d${t.Name}\n     = ${num(first[1])} × ${num(t.ActivationDerivative)} × ${num(t.Input)}\n     = ${num(t.Gradient)}`;
  if (t.DownstreamTerms) text += `\nwhere dE/da = ${t.DownstreamTerms}`;
  return `${text}\n${update}`;
}

function drawTables(step) {
  tablesPanel.querySelectorAll('table, p').forEach(e => e.remove());
  const one = step.samples === 1;
  tablesPanel.append(el('p', {}, 'Loss (', step.lossFunction, step.samples > 1 ? `, mean over ${step.samples} samples` : '', '): ', el('span', { id: 'loss' }, num(step.loss)),
    `; learning rate ${num(step.learningRate)}; step ${step.number} of ${data.stepCount}.`));
  const forward = [];
  step.input[0].forEach((_, i) => forward.push([`x${i + 1}`, 'input', ...step.input.map(r => r[i]), '', '']));
  step.layers.forEach((layer, l) => layer.names.forEach((name, j) => {
    step.input.forEach((_, r) => forward.push([one ? name : `${name} (sample ${r + 1})`, `layer ${l + 1}`, layer.z[r][j], layer.a[r][j], layer.delta[r][j]]));
  }));
  tablesPanel.append(table('Neurons: z, a and delta (dE/dz)', ['Neuron', 'Layer', 'z (or input)', 'a', 'delta'], forward, 'neurons'));
  const outputs = [];
  step.output.forEach((row, r) => row.forEach((yhat, j) => outputs.push([`yhat${j + 1}${one ? '' : ` (sample ${r + 1})`}`, yhat, step.target[r][j]])));
  tablesPanel.append(table('Outputs and targets', ['Output', 'yhat', 'target'], outputs, 'outputs'));
  const rows = trace(step).map(t => [t.Name, t.Old, t.Gradient, t.New]);
  tablesPanel.append(table('Parameters: old, gradient and new value (Get-BackpropParameter)', ['Name', 'Old', 'Gradient', 'New'], rows, 'parameters'));
}

render();

// Marks the moment the panels are drawn, for tools/Measure/Measure-Report.ps1's load time.
performance.mark('report-drawn');
