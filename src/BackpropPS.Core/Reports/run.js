// The run page: an epoch slider and Play drive the curves, the network, the boundary and the gradient flow.
const epochs = data.epochs;
const count = epochs.epoch.length;
const snapshots = data.snapshots;
const layersInfo = data.network.layers;
const smallNetwork = layersInfo.every(l => l.exact && l.neurons <= 32) && data.network.inputs <= 32;

const bar = slider(main, 'Epoch', count, i => `epoch ${epochs.epoch[i]} of ${epochs.epoch[count - 1]}`, show, null);
const panels = el('div', { class: 'panels' });
main.append(panels);

// Loss and accuracy.
const curvePanel = panel(panels, 'Loss and accuracy', 'curves');
const lossSeries = [{ name: 'training loss', values: epochs.loss, colour: colours.lines[0] }];
if (epochs.validationLoss) lossSeries.push({ name: 'validation loss', values: epochs.validationLoss, colour: colours.lines[1] });
const lossCursor = lineChart(curvePanel, 'Loss per epoch', epochs.epoch, lossSeries, wantsLog(epochs.loss));
let accuracyCursor = () => {};
if (epochs.accuracy || epochs.validationAccuracy) {
  const series = [];
  if (epochs.accuracy) series.push({ name: 'training accuracy', values: epochs.accuracy, colour: colours.lines[0] });
  if (epochs.validationAccuracy) series.push({ name: 'validation accuracy', values: epochs.validationAccuracy, colour: colours.lines[1] });
  accuracyCursor = lineChart(curvePanel, 'Accuracy per epoch', epochs.epoch, series, false, v => `${(100 * v).toFixed(1)} %`);
}
const epochTable = el('div');
curvePanel.append(epochTable);
const allEpochs = el('details', {}, el('summary', {}, `All ${count} epochs as a table`));
allEpochs.addEventListener('toggle', () => {
  if (!allEpochs.open || allEpochs.querySelector('table')) return;
  const names = Object.keys(epochs);
  allEpochs.append(table('Every epoch', names, epochs.epoch.map((_, i) => names.map(n => epochs[n][i])), 'all-epochs'));
});
curvePanel.append(allEpochs);

// The network at the epoch.
const networkPanel = panel(panels, 'The network at this epoch', 'network');
const networkBody = el('div');
networkPanel.append(networkBody);

// The decision boundary.
let boundaryCanvas = null, boundaryTable = null;
if (data.boundary) {
  const b = data.boundary;
  const boundaryPanel = panel(panels, 'Decision boundary', 'boundary');
  boundaryCanvas = el('canvas', { width: 360, height: 360, role: 'img', 'aria-label': 'The predicted class over the inputs, with the data points' });
  boundaryPanel.append(boundaryCanvas);
  boundaryPanel.append(el('p', { class: 'note' }, `Colour: the predicted class (${b.labels.map((l, k) => `${l} ${k < 2 && b.labels.length === 2 ? (k === 1 ? 'blue' : 'orange') : colours.classes[k % colours.classes.length]}`).join(', ')}), paler where the network is less sure; dots: ${b.x.length} of the ${b.pointCount} data points. ` +
    `x from ${num(b.xMin)} to ${num(b.xMax)}, y from ${num(b.yMin)} to ${num(b.yMax)}, ${b.resolution} × ${b.resolution} points, at the epochs whose weights are kept.`));
  boundaryTable = el('div');
  boundaryPanel.append(boundaryTable);
  const points = el('details', {}, el('summary', {}, 'The data points as a table'));
  points.addEventListener('toggle', () => {
    if (points.open && !points.querySelector('table')) points.append(table('Data points', ['Point', 'x', 'y', 'class'], b.x.map((x, i) => [String(i + 1), x, b.y[i], b.labels[b.label[i]]]), 'points'));
  });
  boundaryPanel.append(points);
}

// Gradient flow.
let flowCursor = () => {}, flowTable = null;
if (data.flow) {
  const flowPanel = panel(panels, 'Gradient flow', 'flow');
  const series = data.flow.layers.map((l, k) => ({ name: `layer ${l.layer} (${l.activation}) |dE/dW|`, values: l.gradientNorm, colour: colours.lines[(k + 2) % colours.lines.length] }));
  flowCursor = lineChart(flowPanel, 'Gradient norm per layer', data.flow.epoch, series, true);
  flowPanel.append(el('p', { class: 'note' }, 'The L2 norm of each layer\'s weight gradient, per epoch, on a log scale: a line far below the others is a layer that learns slowly.'));
  flowTable = el('div');
  flowPanel.append(flowTable);
}

// The settings and how the page was thinned.
const settingsPanel = panel(panels, 'The run', 'settings');
settingsPanel.append(table('What the epoch rows say of the run', ['Setting', 'Value'], data.settings, 'settings-table'));
const th = data.thinning;
settingsPanel.append(el('p', { class: 'note', id: 'thinning' },
  `Every epoch's loss, accuracy and learning rate is kept. The weights are kept for ${th.snapshots} of the ${th.epochs} epochs (the first, the last and evenly spaced ones between; at most ${th.maxSnapshots}, fewer for a large network so the page stays under 10 MB); ` +
  `the network panel shows the latest kept epoch at or before the slider's. ` +
  (th.imageLayers > 0 ? `${th.imageLayers} layer(s) with more than ${th.exactWeights} weights are kept as images (one byte per weight, scaled to the layer's largest |w|), with each neuron's exact weight norm in the table.` : `Every weight is kept exactly.`)));

function snapshotAt(i) {
  const epoch = epochs.epoch[i];
  let best = 0;
  for (let k = 0; k < snapshots.length; k++) if (snapshots[k].epoch <= epoch) best = k;
  return best;
}

function show(i) {
  lossCursor(i);
  accuracyCursor(i);
  const names = Object.keys(epochs);
  epochTable.textContent = '';
  epochTable.append(table(`Epoch ${epochs.epoch[i]}`, ['Figure', 'Value'], names.filter(n => n !== 'epoch').map(n => [n, epochs[n][i]]), 'epoch-table'));
  const snap = snapshots[snapshotAt(i)];
  drawNetwork(snap);
  if (boundaryCanvas) drawBoundary(snap);
  if (data.flow) {
    const e = epochs.epoch[i];
    let k = data.flow.epoch.findIndex(x => x >= e);
    if (k < 0) k = data.flow.epoch.length - 1;
    flowCursor(k);
    flowTable.textContent = '';
    flowTable.append(table(`Gradient flow at epoch ${data.flow.epoch[k]}`, ['Layer', 'gradient norm', 'mean |delta|', 'update ratio'],
      data.flow.layers.map(l => [`layer ${l.layer} (${l.activation}, ${l.neurons})`, l.gradientNorm[k], l.meanAbsDelta[k], l.updateRatio[k]]), 'flow-table'));
  }
}

function drawNetwork(snap) {
  networkBody.textContent = '';
  networkBody.append(el('p', { class: 'note', id: 'network-epoch' }, `Weights after epoch ${snap.epoch}.`));
  if (smallNetwork) drawDiagram(snap); else drawImages(snap);
  snap.layers.forEach((layer, l) => {
    if (layer.weights) {
      const rows = [];
      layer.weights.forEach((row, j) => row.forEach((w, i) => rows.push([`w${l + 1}_${i + 1}${j + 1}`, w])));
      layer.biases.forEach((b, j) => rows.push([layer.biases.length === 1 ? `b${l + 1}` : `b${l + 1}_${j + 1}`, b]));
      const d = el('details', {}, el('summary', {}, `Layer ${l + 1}: ${rows.length} weights and biases`));
      d.append(table(`Layer ${l + 1} after epoch ${snap.epoch}`, ['Parameter', 'Value'], rows, `weights-${l + 1}`));
      networkBody.append(d);
    } else {
      const d = el('details', {}, el('summary', {}, `Layer ${l + 1}: each neuron's weight norm (kept as an image)`));
      d.append(el('p', {}, `Largest |w|: ${num(layer.largest)}`));
      d.append(table(`Layer ${l + 1} after epoch ${snap.epoch}`, ['Neuron', 'weight norm', 'bias'], layer.norms.map((n, j) => [`neuron ${j + 1}`, n, layer.biases[layer.biases.length === 1 ? 0 : j]]), `weights-${l + 1}`));
      networkBody.append(d);
    }
  });
}

function drawDiagram(snap) {
  const sizes = [data.network.inputs, ...layersInfo.map(l => l.neurons)];
  const tallest = Math.max(...sizes), colW = 150, rowH = Math.max(16, Math.min(50, 400 / tallest));
  const w = 60 + colW * (sizes.length - 1) + 60, h = 40 + rowH * tallest;
  const s = svgEl('svg', { viewBox: `0 0 ${w} ${h}`, width: w, height: h, role: 'img', 'aria-label': 'The network: blue positive weights, orange negative, thicker the larger' });
  const pos = (c, j) => [40 + c * colW, 20 + (tallest - sizes[c]) * rowH / 2 + j * rowH + rowH / 2];
  const largest = Math.max(...snap.layers.flatMap(l => l.weights.flat()).map(Math.abs), 0);
  snap.layers.forEach((layer, l) => layer.weights.forEach((row, j) => row.forEach((wv, i) => {
    const [x1, y1] = pos(l, i), [x2, y2] = pos(l + 1, j);
    s.append(svgEl('line', { x1: x1, y1: y1, x2: x2, y2: y2, stroke: signColour(wv), 'stroke-width': largest > 0 ? 0.5 + 4 * Math.abs(wv) / largest : 1, opacity: 0.8 }));
  })));
  sizes.forEach((n, c) => { for (let j = 0; j < n; j++) { const [x, y] = pos(c, j); s.append(svgEl('circle', { cx: x, cy: y, r: Math.min(8, rowH / 3), fill: 'white', stroke: '#2c3e50' })); } });
  networkBody.append(s);
}

// Large layers as images: the first layer of square inputs as one tile per neuron, others as an out × in map.
function drawImages(snap) {
  snap.layers.forEach((layer, l) => {
    const info = layersInfo[l];
    const values = layer.weights ? layer.weights.flat() : Array.from(bytes(layer.image), b => (b - 128) / 127);
    const largest = layer.weights ? Math.max(...values.map(Math.abs), 0) || 1 : 1;
    const side = Math.round(Math.sqrt(info.inputs));
    const tiles = l === 0 && side * side === info.inputs && side >= 4;
    const perRow = tiles ? Math.min(16, info.neurons) : 1;
    const cw = tiles ? perRow * (side + 1) : info.inputs, ch = tiles ? Math.ceil(info.neurons / perRow) * (side + 1) : info.neurons;
    const canvas = el('canvas', { width: cw, height: ch, role: 'img', 'aria-label': `Layer ${l + 1}'s weights: blue positive, orange negative`, style: `width:${Math.min(520, cw * (tiles ? 2 : Math.max(1, Math.floor(520 / cw))))}px;image-rendering:pixelated` });
    const ctx = canvas.getContext('2d');
    const img = ctx.createImageData(cw, ch);
    img.data.fill(255);
    for (let j = 0; j < info.neurons; j++) for (let i = 0; i < info.inputs; i++) {
      const v = values[j * info.inputs + i] / largest;
      const [r, g, b] = mix(v < 0 ? colours.negative : colours.positive, Math.min(1, Math.abs(v)));
      const x = tiles ? (j % perRow) * (side + 1) + (i % side) : i, y = tiles ? Math.floor(j / perRow) * (side + 1) + Math.floor(i / side) : j;
      const p = 4 * (y * cw + x);
      img.data[p] = r; img.data[p + 1] = g; img.data[p + 2] = b; img.data[p + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
    networkBody.append(el('p', { class: 'note' }, `Layer ${l + 1} (${info.inputs} → ${info.neurons}, ${info.activation}): ${tiles ? `one ${side} × ${side} tile per neuron` : 'one row per neuron, one column per input'}.`), canvas);
  });
}

function drawBoundary(snap) {
  const b = data.boundary, n = b.resolution;
  const classes = bytes(snap.classes), certainty = bytes(snap.certainty);
  const ctx = boundaryCanvas.getContext('2d');
  const img = ctx.createImageData(n, n);
  const counts = b.labels.map(() => 0);
  for (let p = 0; p < n * n; p++) {
    const row = Math.floor(p / n), col = p % n;
    const [r, g, bl] = mix(colours.classes[classes[p] % colours.classes.length], colours.mapStrength * certainty[p] / 255);
    const q = 4 * ((n - 1 - row) * n + col);
    img.data[q] = r; img.data[q + 1] = g; img.data[q + 2] = bl; img.data[q + 3] = 255;
    counts[classes[p]]++;
  }
  const scratch = document.createElement('canvas');
  scratch.width = n; scratch.height = n;
  scratch.getContext('2d').putImageData(img, 0, 0);
  const W = boundaryCanvas.width, H = boundaryCanvas.height;
  ctx.imageSmoothingEnabled = false;
  ctx.clearRect(0, 0, W, H);
  ctx.drawImage(scratch, 0, 0, W, H);
  // Grid point k sits at the centre of its cell: x from xMin (column 0) to xMax (column n - 1).
  const px = x => (x - b.xMin) / (b.xMax - b.xMin) * (W - W / n) + W / n / 2;
  const py = y => H - ((y - b.yMin) / (b.yMax - b.yMin) * (H - H / n) + H / n / 2);
  for (let i = 0; i < b.x.length; i++) {
    ctx.beginPath();
    ctx.arc(px(b.x[i]), py(b.y[i]), 3, 0, 2 * Math.PI);
    ctx.fillStyle = colours.classes[b.label[i] % colours.classes.length];
    ctx.fill();
    ctx.lineWidth = 0.8; ctx.strokeStyle = '#222'; ctx.stroke();
  }
  boundaryTable.textContent = '';
  boundaryTable.append(table(`Predicted class over the grid after epoch ${snap.epoch}`, ['Class', 'grid points', 'share'],
    b.labels.map((l, k) => [l, counts[k], `${(100 * counts[k] / (n * n)).toFixed(1)} %`]), 'boundary-table'));
}

bar.set(count - 1);

// Marks the moment the panels are drawn, for tools/Measure/Measure-Report.ps1's load time.
performance.mark('report-drawn');
