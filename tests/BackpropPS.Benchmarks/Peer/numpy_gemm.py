#!/usr/bin/env python3
"""numpy's dgemm and sgemm (OpenBLAS) on the GEMM shapes of GemmBenchmarks, 1 and 2 threads: the GFLOP/s to set beside
BackpropPS's float64 and float32 products (the GFLOP/s column of `build.ps1 Bench --filter '*GemmBenchmarks*'`).

Setup once: apt-get install -y python3-numpy libopenblas0-pthread   (run with Debian's /usr/bin/python3; without
libopenblas0-pthread numpy multiplies with the reference BLAS, ten times slower, which would flatter every ratio)

  /usr/bin/python3 numpy_gemm.py

Each thread count runs in its own process, OPENBLAS_NUM_THREADS set before numpy is imported. Medians of 5 rounds.
"""
import os, subprocess, sys, time

# (name, m, k, n): C[m x n] = A[m x k] @ B[k x n], as GemmBenchmarks names them (m x k x n).
SHAPES = [("(c) X W^T", 64, 784, 128), ("(c) d^T X", 128, 64, 784), ("(d) X W^T", 256, 784, 512), ("(d) a W^T", 256, 512, 512),
          ("(d) d^T X", 512, 256, 784), ("(d) d^T a", 512, 256, 512), ("(d) d W", 256, 512, 512)]


def median_time(fn, target_s=0.1):
    for _ in range(5):
        fn()
    n, t = 1, time.perf_counter()
    while time.perf_counter() - t < target_s:
        for _ in range(n):
            fn()
        n *= 2
    per = []
    for _ in range(5):
        t = time.perf_counter()
        for _ in range(n):
            fn()
        per.append((time.perf_counter() - t) / n)
    return sorted(per)[2]


def child(threads):
    import numpy as np
    rng = np.random.default_rng(1)
    for dtype, blas in ((np.float64, "dgemm"), (np.float32, "sgemm")):
        for name, m, k, n in SHAPES:
            a = rng.random((m, k)).astype(dtype); b = rng.random((k, n)).astype(dtype); c = np.empty((m, n), dtype)
            med = median_time(lambda: np.matmul(a, b, out=c))
            print(f"numpy {np.__version__} threads={threads} {blas} {name:10s} {m}x{k}x{n}: {2 * m * k * n / med / 1e9:7.1f} GFLOP/s")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(int(sys.argv[2]))
        sys.exit(0)
    for threads in (1, 2):
        env = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads))
        subprocess.run([sys.executable, os.path.abspath(__file__), "--child", str(threads)], env=env, check=True)
