"""PyTorch equivalent of our float and QAT epochs (bench/README.md): the jet MLP on the same rows and initial
weights, same batch size, thread count, Adam, cosine schedule, and for QAT the same fake quantizers (per-tensor
power-of-two weight formats from the current range each step, biases on the accumulator grid, activation ranges
tracked by a quantile EMA during warm-up then frozen, half-to-even rounding, straight-through gradients)."""
import argparse
import math
import os
import time

import torch
import torch.nn.functional as F

from bench_data import load, write_result
from fixed_point import Format, fake_quantize


class QuantizedMlp(torch.nn.Module):
    def __init__(self, meta, weights, input_format):
        super().__init__()
        self.layers = meta["layers"]
        self.plan = meta["plan"]
        self.input_format = input_format
        self.weights = torch.nn.ParameterList([torch.nn.Parameter(weights[f"{l['name']}.weight"].clone()) for l in self.layers])
        self.biases = torch.nn.ParameterList([torch.nn.Parameter(weights[f"{l['name']}.bias"].clone()) for l in self.layers])
        self.ranges = [math.nan] * len(self.layers)
        self.momentum = meta["qat"]["range_momentum"]
        self.quantile = meta["qat"]["range_quantile"]
        self.track_ranges = True

    def weight_format(self, i):
        return Format.signed_for_range(self.weights[i].detach().abs().max().item(), self.plan["weight_bits"][i])

    def bias_format(self, i, x_format, w_format):
        fractional = x_format.fractional + w_format.fractional
        integer = Format.signed_for_range(self.biases[i].detach().abs().max().item(), 2).integer
        return Format(True, min(max(integer + fractional, 2), 62), integer)

    def output_format(self, i):
        last = i == len(self.layers) - 1
        bits = self.plan["output_bits"] if last else self.plan["activation_bits"][i]
        value = 1.0 if math.isnan(self.ranges[i]) else self.ranges[i]
        if self.layers[i]["relu"] and not last:
            return Format.unsigned_for_range(value, bits)
        return Format.signed_for_range(value, bits)

    def observe(self, i, y):
        flat = y.detach().abs().flatten()
        k = min(max(math.ceil(self.quantile * flat.shape[0]), 1), flat.shape[0])
        high = flat.kthvalue(k, 0).values.item()
        if math.isfinite(high):
            self.ranges[i] = high if math.isnan(self.ranges[i]) else self.momentum * self.ranges[i] + (1 - self.momentum) * high

    def forward(self, x):
        x = fake_quantize(x, self.input_format)
        x_format = self.input_format
        for i, layer in enumerate(self.layers):
            w_format = self.weight_format(i)
            b_format = self.bias_format(i, x_format, w_format)
            y = x.matmul(fake_quantize(self.weights[i], w_format).t()) + fake_quantize(self.biases[i], b_format)
            if layer["relu"]:
                y = F.relu(y)
            if self.training and self.track_ranges:
                self.observe(i, y)
            x_format = self.output_format(i)
            x = fake_quantize(y, x_format)
        return x


class FloatMlp(torch.nn.Module):
    def __init__(self, meta, weights):
        super().__init__()
        self.layers = meta["layers"]
        self.linears = torch.nn.ModuleList()
        for layer in self.layers:
            w = weights[f"{layer['name']}.weight"]
            linear = torch.nn.Linear(w.shape[1], w.shape[0])
            with torch.no_grad():
                linear.weight.copy_(w)
                linear.bias.copy_(weights[f"{layer['name']}.bias"])
            self.linears.append(linear)

    def forward(self, x):
        for layer, linear in zip(self.layers, self.linears):
            x = linear(x)
            if layer["relu"]:
                x = F.relu(x)
        return x


def run_epoch(network, optimizer, features, labels, batch_size, shuffle):
    """The same step sequence as SupervisedLoop.RunEpoch."""
    network.train()
    rows = labels.shape[0]
    order = torch.randperm(rows, generator=shuffle)
    loss_sum, correct = 0.0, 0
    for start in range(0, rows, batch_size):
        count = min(batch_size, rows - start)
        index = order.narrow(0, start, count)
        x = features.index_select(0, index)
        y = labels.index_select(0, index)
        optimizer.zero_grad()
        logits = network(x)
        loss = F.cross_entropy(logits, y)
        loss.backward()
        optimizer.step()
        loss_sum += loss.item() * count
        correct += logits.argmax(1).eq(y).sum().item()
    return loss_sum / rows, correct / rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="bench/out/data")
    parser.add_argument("--mode", choices=["float", "qat"], default="qat")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch", type=int, default=1024)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    torch.set_num_threads(args.threads)
    torch.manual_seed(42)
    meta, features, labels, weights = load(args.data)
    epochs = args.warmup + args.runs
    if args.mode == "qat":
        learning_rate = meta["qat"]["learning_rate"]
        input_format = Format.signed_for_range(features.abs().max().item(), meta["plan"]["input_bits"])
        network = QuantizedMlp(meta, weights, input_format)
        with torch.no_grad():  # QatTrainer's range calibration on every training row, before the first epoch
            network.train()
            network(features)
    else:
        learning_rate = meta["training"]["learning_rate"]
        network = FloatMlp(meta, weights)
    optimizer = torch.optim.Adam(network.parameters(), lr=learning_rate, weight_decay=0)
    shuffle = torch.Generator().manual_seed(42)
    times, losses = [], []
    warmup_epochs = meta["qat"]["activation_warmup_epochs"]
    for epoch in range(epochs):
        started = time.perf_counter()
        if args.mode == "qat":
            network.track_ranges = epoch < warmup_epochs
        for group in optimizer.param_groups:
            group["lr"] = learning_rate * 0.5 * (1 + math.cos(math.pi * epoch / epochs))
        loss, _ = run_epoch(network, optimizer, features, labels, args.batch, shuffle)
        times.append(time.perf_counter() - started)
        losses.append(loss)
    facts = {"rows": labels.shape[0], "batch": args.batch, "threads": args.threads, "discarded_epochs": args.warmup,
             "torch": torch.__version__, "losses": " ".join(f"{l:.6g}" for l in losses)}
    out = args.out or f"bench/out/{args.mode}-epoch-pytorch.json"
    write_result(out, f"{args.mode}-epoch-pytorch", [("epoch", "s", times[args.warmup:])], facts, load_before)


if __name__ == "__main__":
    main()
