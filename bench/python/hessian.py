"""PyTorch equivalent of our Hessian estimators (bench/README.md): for each dense layer's weight, g = dL/dW with
create_graph, then Hessian-vector products by torch.autograd.grad(g, W, v, retain_graph=True) (double backward);
Hutchinson's trace over a fixed number of Rademacher probes and power iteration over a fixed number of iterations,
on the same rows, initial weights and thread count, in eval mode, dot products in double."""
import argparse
import os
import time

import torch
import torch.nn.functional as F

from bench_data import load, write_result
from qat_epoch import FloatMlp


def hvp(gradient, weight, direction):
    return torch.autograd.grad([gradient], [weight], [direction], retain_graph=True)[0]


def dot(v, w):
    return torch.dot(v.double().flatten(), w.double().flatten()).item()


def analyze_layer(network, batches, weight, index, probes, iterations):
    started = time.perf_counter()
    with torch.enable_grad():
        loss = sum(F.cross_entropy(network(x), y) for x, y in batches) / len(batches)
        gradient = torch.autograd.grad([loss], [weight], create_graph=True)[0]
    generator = torch.Generator().manual_seed(1000 + index)
    total = 0.0
    for _ in range(probes):
        probe = torch.randint(0, 2, weight.shape, dtype=torch.float32, generator=generator).mul_(2).sub_(1)
        total += dot(probe, hvp(gradient, weight, probe))
    trace_seconds = time.perf_counter() - started

    started = time.perf_counter()
    generator = torch.Generator().manual_seed(2000 + index)
    direction = torch.randn(weight.shape, dtype=torch.float32, generator=generator)
    direction.div_(direction.norm())
    eigenvalue = float("nan")
    for _ in range(iterations):
        image = hvp(gradient, weight, direction)
        eigenvalue = dot(direction, image)
        length = image.norm().item()
        if length == 0:
            break
        direction = image.div_(length)
    return total / probes, eigenvalue, trace_seconds, time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="bench/out/data")
    parser.add_argument("--probes", type=int, default=100)
    parser.add_argument("--iterations", type=int, default=20)
    parser.add_argument("--batches", type=int, default=8)
    parser.add_argument("--batch-size", type=int, default=512)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", default="bench/out/hessian-pytorch.json")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    torch.set_num_threads(args.threads)
    meta, features, labels, weights = load(args.data)
    network = FloatMlp(meta, weights)
    network.eval()
    size = args.batch_size
    batches = [(features[b * size:(b + 1) * size].clone(), labels[b * size:(b + 1) * size].clone()) for b in range(args.batches)]
    trace_times, eigen_times = [], []
    for run in range(-1, args.runs):
        results = [analyze_layer(network, batches, linear.weight, i, args.probes, args.iterations) for i, linear in enumerate(network.linears)]
        if run >= 0:
            trace_times.append(sum(r[2] for r in results))
            eigen_times.append(sum(r[3] for r in results))
    facts = {"probes": args.probes, "iterations": args.iterations, "rows": args.batches * size, "threads": args.threads,
             "torch": torch.__version__, "traces": " ".join(f"{r[0]:.5g}" for r in results),
             "eigenvalues": " ".join(f"{r[1]:.5g}" for r in results)}
    write_result(args.out, "hessian-pytorch", [("trace", "s", trace_times), ("eigenvalue", "s", eigen_times)], facts, load_before)


if __name__ == "__main__":
    main()
