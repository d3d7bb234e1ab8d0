#!/usr/bin/env python3
"""The Fashion-MNIST recipe of docs/examples/FashionMnist.ps1 in PyTorch (float64, or float32 with --dtype float32), as the peer.

Setup once: apt-get install -y python3-torch libopenblas0-pthread dataset-fashion-mnist   (run with Debian's /usr/bin/python3;
without libopenblas0-pthread Debian's torch multiplies float64 matrices with the reference BLAS, about 13x slower)

  /usr/bin/python3 fashion_mnist_torch.py [--epochs 12] [--threads 2] [--dtype float64|float32] [--folder /usr/share/datasets/fashion-mnist]

The same work as the BackpropPS recipe: 784-256-128-10, ReLU, ReLU, softmax with cross-entropy, He-uniform
hidden layers and a Glorot-uniform output layer with zero biases, Adam (lr 0.001, betas 0.9/0.999, eps 1e-8),
batch 128 over a fresh shuffle each epoch, pixels / 255, float64 (or float32: the pixels and the model converted,
as PyTorch users train by default; BackpropPS's -Precision Single). The clock covers the training epochs only
(as "training seconds" in the BackpropPS script), not reading the files. Prints the same three lines:
epochs, training seconds, test accuracy. Threads: OpenBLAS and OpenMP are limited before torch is imported
(see ../../../shared/bench/torch_peer.py for why both).
"""
import argparse, gzip, os, sys, time

parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=12)
parser.add_argument("--threads", type=int, default=2)
parser.add_argument("--seed", type=int, default=1)
parser.add_argument("--folder", default="/usr/share/datasets/fashion-mnist")
parser.add_argument("--dtype", choices=["float64", "float32"], default="float64")
args = parser.parse_args()
for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[name] = str(args.threads)
if args.threads > 1:
    os.environ["OMP_WAIT_POLICY"] = "PASSIVE"

import numpy as np
import torch

torch.set_num_threads(args.threads)
dtype = torch.float32 if args.dtype == "float32" else torch.float64
torch.manual_seed(args.seed)


def idx(name):
    with gzip.open(os.path.join(args.folder, name), "rb") as f:
        data = f.read()
    rank = data[3]
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(rank)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * rank).reshape(dims)


x_train = torch.from_numpy(idx("train-images-idx3-ubyte.gz").reshape(-1, 784).astype(np.float64) / 255).to(dtype)
y_train = torch.from_numpy(idx("train-labels-idx1-ubyte.gz").astype(np.int64))
x_test = torch.from_numpy(idx("t10k-images-idx3-ubyte.gz").reshape(-1, 784).astype(np.float64) / 255).to(dtype)
y_test = torch.from_numpy(idx("t10k-labels-idx1-ubyte.gz").astype(np.int64))

layers = [torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10)]
for layer in layers:
    if isinstance(layer, torch.nn.Linear):
        if layer.out_features == 10:
            torch.nn.init.xavier_uniform_(layer.weight)
        else:
            torch.nn.init.kaiming_uniform_(layer.weight, nonlinearity="relu")
        torch.nn.init.zeros_(layer.bias)
model = torch.nn.Sequential(*layers).to(dtype)
optimizer = torch.optim.Adam(model.parameters(), lr=0.001, betas=(0.9, 0.999), eps=1e-8)
loss_fn = torch.nn.CrossEntropyLoss()

start = time.perf_counter()
for epoch in range(args.epochs):
    order = torch.randperm(len(x_train))
    total = 0.0
    for i in range(0, len(order), 128):
        batch = order[i:i + 128]
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(x_train[batch]), y_train[batch])
        loss.backward()
        optimizer.step()
        total += loss.item() * len(batch)
    print(f"epoch {epoch + 1}: loss {total / len(order):.4f}", file=sys.stderr)
seconds = time.perf_counter() - start

with torch.no_grad():
    accuracy = (model(x_test).argmax(1) == y_test).double().mean().item()
print(f"epochs: {args.epochs}")
print(f"training seconds: {seconds:.1f}")
print(f"test accuracy: {accuracy:.4f}")
