"""Reads the folder `codesign-bench data` writes: standardized jet features, labels, initial weights, the plan."""
import json
import os

import numpy as np
import torch


def load(folder):
    with open(os.path.join(folder, "meta.json"), encoding="utf-8") as f:
        meta = json.load(f)
    rows, width = meta["rows"], meta["feature_count"]
    features = np.fromfile(os.path.join(folder, "features.f32"), dtype="<f4").reshape(rows, width)
    labels = np.fromfile(os.path.join(folder, "labels.i32"), dtype="<i4").astype(np.int64)
    flat = np.fromfile(os.path.join(folder, "weights.f32"), dtype="<f4")
    weights, offset = {}, 0
    for tensor in meta["tensors"]:
        size = int(np.prod(tensor["shape"]))
        weights[tensor["name"]] = torch.from_numpy(flat[offset:offset + size].copy()).reshape(tensor["shape"])
        offset += size
    # clone(): libtorch's own (aligned) allocation, as the C# side does.
    return meta, torch.from_numpy(features.copy()).clone(), torch.from_numpy(labels), weights


def write_result(path, measure, summaries, facts, load_before):
    """The same JSON layout as the C# ResultFile, so report.py reads both."""
    def summary(name, unit, values):
        ordered = sorted(values)
        n = len(ordered)
        median = ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2
        print(f"{measure}: {name}: median {median:.5g} {unit} (min {ordered[0]:.5g}, max {ordered[-1]:.5g}, {n} runs)")
        return {"name": name, "unit": unit, "median": median, "min": ordered[0], "max": ordered[-1], "runs": n, "values": values}

    document = {
        "measure": measure,
        "load1_before": load_before,
        "load1_after": os.getloadavg()[0],
        "facts": {k: str(v) for k, v in sorted(facts.items())},
        "summaries": [summary(*s) for s in summaries],
    }
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(document, f, indent=2)
