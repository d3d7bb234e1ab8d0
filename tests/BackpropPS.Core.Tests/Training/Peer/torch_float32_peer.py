#!/usr/bin/env python3
"""The float32 peer of BackpropPS's -Precision Single: the same small training runs in PyTorch, written as a fixture.

Setup once: apt-get install -y python3-torch   (Debian's PyTorch; run with Debian's /usr/bin/python3)

  /usr/bin/python3 torch_float32_peer.py > torch_float32.json

Not run by the build: its output is committed beside it, and TorchPeerTests (xunit) trains the same runs through
BackpropPS's Trainer and compares. One data set (256 samples of 20 inputs, 4 classes from a fixed random teacher),
one network (20-32-16-4: Tanh, ReLU, Softmax with cross-entropy, every weight and bias given here), batches of 32
in order (no shuffle), 15 epochs, two optimizers: SGD (lr 0.1) and Adam (lr 0.01, betas 0.9/0.999, eps 1e-8).
Each run is trained in float32 and in float64, from the same float64 numbers (rounded to float32 for the float32
run, as BackpropPS rounds them). The fixture holds the data, the initial parameters, and for each run and precision
the final weights and biases and the loss of each epoch (the mean of the batches' mean losses, weighted by batch
size, as BackpropPS's epoch rows have it).
"""
import json
import numpy as np
import torch

torch.set_num_threads(1)
SIZES = [20, 32, 16, 4]
ACTIVATIONS = ["Tanh", "ReLU", "Softmax"]
SAMPLES, BATCH, EPOCHS = 256, 32, 15
RUNS = {"Sgd": {"learning_rate": 0.1}, "Adam": {"learning_rate": 0.01, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8}}

rng = np.random.RandomState(7)
x = rng.uniform(-1, 1, (SAMPLES, SIZES[0]))
teacher = rng.normal(0, 1, (SIZES[0], SIZES[-1]))
labels = np.argmax(x @ teacher + 0.3 * rng.normal(0, 1, (SAMPLES, SIZES[-1])), axis=1)
y = np.eye(SIZES[-1])[labels]
weights = [rng.uniform(-1, 1, (SIZES[i + 1], SIZES[i])) * np.sqrt(3.0 / SIZES[i]) for i in range(len(SIZES) - 1)]
biases = [rng.uniform(-0.1, 0.1, SIZES[i + 1]) for i in range(len(SIZES) - 1)]


def train(kind, dtype):
    layers = []
    for i in range(len(SIZES) - 1):
        linear = torch.nn.Linear(SIZES[i], SIZES[i + 1]).to(dtype)
        with torch.no_grad():
            linear.weight.copy_(torch.from_numpy(weights[i]).to(dtype))
            linear.bias.copy_(torch.from_numpy(biases[i]).to(dtype))
        layers.append(linear)
        if i < len(SIZES) - 2:
            layers.append(torch.nn.Tanh() if ACTIVATIONS[i] == "Tanh" else torch.nn.ReLU())
    model = torch.nn.Sequential(*layers)
    settings = RUNS[kind]
    if kind == "Sgd":
        optimizer = torch.optim.SGD(model.parameters(), lr=settings["learning_rate"])
    else:
        optimizer = torch.optim.Adam(model.parameters(), lr=settings["learning_rate"], betas=(settings["beta1"], settings["beta2"]),
                                     eps=settings["epsilon"])
    inputs = torch.from_numpy(x).to(dtype)
    targets = torch.from_numpy(labels)
    loss_fn = torch.nn.CrossEntropyLoss()
    losses = []
    for _ in range(EPOCHS):
        total = 0.0
        for start in range(0, SAMPLES, BATCH):
            optimizer.zero_grad()
            loss = loss_fn(model(inputs[start:start + BATCH]), targets[start:start + BATCH])
            loss.backward()
            optimizer.step()
            total += loss.item() * min(BATCH, SAMPLES - start)
        losses.append(total / SAMPLES)
    linears = [layer for layer in model if isinstance(layer, torch.nn.Linear)]
    return {"weights": [layer.weight.detach().double().numpy().tolist() for layer in linears],
            "biases": [layer.bias.detach().double().numpy().tolist() for layer in linears],
            "losses": losses}


fixture = {
    "peer": f"torch {torch.__version__}",
    "sizes": SIZES, "activations": ACTIVATIONS, "batchSize": BATCH, "epochs": EPOCHS,
    "inputs": x.tolist(), "targets": y.tolist(),
    "weights": [w.tolist() for w in weights], "biases": [b.tolist() for b in biases],
    "runs": {kind: dict(settings, float32=train(kind, torch.float32), float64=train(kind, torch.float64)) for kind, settings in RUNS.items()},
}
print(json.dumps(fixture))
