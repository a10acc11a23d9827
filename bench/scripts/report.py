"""Writes bench/RESULTS.md from the JSON results in bench/out (every number comes from those files)."""
import argparse
import datetime
import json
import os
import platform
import subprocess

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
RESULTS = os.path.join(REPO, "bench", "out")


def read(name):
    path = os.path.join(RESULTS, name + ".json")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def find(document, name):
    return next((s for s in document["summaries"] if s["name"] == name), None) if document else None


def fmt(value, unit):
    if unit == "inferences/s" or unit == "jets/s":
        return f"{value:,.0f}"
    if unit in ("x",):
        return f"{value:.2f}"
    if unit == "stages":
        return f"{value:.0f}"
    return f"{value:.3g}" if value < 100 else f"{value:,.0f}"


def row(label, summary, goal="", load=None):
    if summary is None:
        return f"| {label} | not measured | | | | {goal} | |"
    u = summary["unit"]
    load_text = f"{load[0]:.1f} → {load[1]:.1f}" if load else ""
    return (f"| {label} | **{fmt(summary['median'], u)}** {u} | {fmt(summary['min'], u)} | {fmt(summary['max'], u)} | "
            f"{summary['runs']} | {goal} | {load_text} |")


def load_of(document):
    return (document["load1_before"], document["load1_after"]) if document else None


def part_load(document, noop):
    """build.json may combine a no-op run and a clean-build run (build_bench.py --skip-noop/--skip-clean); each keeps its load."""
    key = "noop_load1_before_after" if noop else "clean_load1_before_after"
    text = document["facts"].get(key)
    if text is None:
        return load_of(document)
    before, after = (float(x) for x in text.split(" -> "))
    return (before, after)


def ratio_rows(label, ours, theirs, goal):
    """Ratio of medians, and the range of ratios of runs taken side by side (ours[i] / theirs[i])."""
    if not ours or not theirs:
        return f"| {label} | not measured | | | | {goal} | |"
    median = ours["median"] / theirs["median"]
    pairs = [a / b for a, b in zip(ours["values"], theirs["values"])]
    return f"| {label} | **{median:.2f}** (ratio of medians) | {min(pairs):.2f} | {max(pairs):.2f} | {len(pairs)} pairs | {goal} | |"


def machine():
    model = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    dotnet = subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip()
    return model, os.cpu_count(), dotnet


def main():
    global RESULTS
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", default="full")
    parser.add_argument("--commands", default="bench/run.sh")
    parser.add_argument("--out", default=os.path.join(REPO, "bench", "RESULTS.md"))
    parser.add_argument("--notes", default=None, help="a Markdown file appended under 'Notes'")
    parser.add_argument("--results", default=RESULTS, help="the folder of the JSON result files")
    args = parser.parse_args()
    RESULTS = args.results
    model, nproc, dotnet = machine()
    qat_ours, qat_py = read("qat-epoch-ours"), read("qat-epoch-pytorch")
    float_ours, float_py = read("float-epoch-ours"), read("float-epoch-pytorch")
    hess_ours, hess_py = read("hessian-ours"), read("hessian-pytorch")
    build, executor, jets_one, jets_all = read("build"), read("executor"), read("jets-1core"), read("jets-all")
    qat_ours1, qat_py1 = read("qat-epoch-ours-1thread"), read("qat-epoch-pytorch-1thread")
    float_ours1, float_py1 = read("float-epoch-ours-1thread"), read("float-epoch-pytorch-1thread")
    before_after = read("before-after")
    torch_version = (qat_py or {}).get("facts", {}).get("torch", "?")
    lines = [
        "# Benchmark results",
        "",
        f"Written by `{args.commands}` ({args.mode} mode) on {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC.",
        f"Machine: {model}, `nproc` = {nproc}, {platform.system()} {platform.release()}; .NET SDK {dotnet}, TorchSharp 0.107.0 "
        f"(libtorch 2.10.0), Debian's PyTorch {torch_version}.",
        "Load: the 1-minute load average before → after each measure is in the last column. Other work shares these",
        "2 cores; a load above 2 means the numbers are slower and noisier than on an idle machine.",
        "",
        "Medians of the runs with min and max. Ratios are ours / theirs from runs alternated in the same script run.",
        "",
        "| measure | median | min | max | runs | goal | load |",
        "|---|---|---|---|---|---|---|",
    ]
    e = lambda d, name: find(d, name)
    lines += [
        row("1. QAT epoch, ours (TorchSharp, QatTrainer)", e(qat_ours, "epoch"), "", load_of(qat_ours)),
        row("1. QAT epoch, PyTorch", e(qat_py, "epoch"), "", load_of(qat_py)),
        ratio_rows("1. QAT epoch ratio ours / PyTorch", e(qat_ours, "epoch"), e(qat_py, "epoch"), "≤ 0.3"),
        row("1. float epoch, ours (FloatTrainer)", e(float_ours, "epoch"), "", load_of(float_ours)),
        row("1. float epoch, PyTorch", e(float_py, "epoch"), "", load_of(float_py)),
        ratio_rows("1. our QAT epoch / our float epoch", e(qat_ours, "epoch"), e(float_ours, "epoch"), "≤ 2"),
        ratio_rows("1. float epoch ratio ours / PyTorch", e(float_ours, "epoch"), e(float_py, "epoch"), ""),
        row("1. QAT epoch, ours, 1 thread", e(qat_ours1, "epoch"), "", load_of(qat_ours1)),
        row("1. QAT epoch, PyTorch, 1 thread", e(qat_py1, "epoch"), "", load_of(qat_py1)),
        ratio_rows("1. QAT epoch ratio ours / PyTorch, 1 thread", e(qat_ours1, "epoch"), e(qat_py1, "epoch"), ""),
        row("1. float epoch, ours, 1 thread", e(float_ours1, "epoch"), "", load_of(float_ours1)),
        row("1. float epoch, PyTorch, 1 thread", e(float_py1, "epoch"), "", load_of(float_py1)),
        ratio_rows("1. our QAT epoch / our float epoch, 1 thread", e(qat_ours1, "epoch"), e(float_ours1, "epoch"), ""),
        row("2. Hessian trace (4 layers × probes), ours", e(hess_ours, "trace"), "", load_of(hess_ours)),
        row("2. Hessian trace, PyTorch", e(hess_py, "trace"), "", load_of(hess_py)),
        ratio_rows("2. trace ratio ours / PyTorch", e(hess_ours, "trace"), e(hess_py, "trace"), "≤ 0.5"),
        row("2. top eigenvalue (4 layers × iterations), ours", e(hess_ours, "eigenvalue"), "", load_of(hess_ours)),
        row("2. top eigenvalue, PyTorch", e(hess_py, "eigenvalue"), "", load_of(hess_py)),
        ratio_rows("2. eigenvalue ratio ours / PyTorch", e(hess_ours, "eigenvalue"), e(hess_py, "eigenvalue"), "≤ 0.5"),
    ]
    if build:
        for s in build["summaries"]:
            goal = ""
            if s["name"].startswith("no-op ratio"):
                goal = "≤ 1.3"
            elif s["name"].startswith("stages that ran") and "no-op" in s["name"]:
                goal = "0"
            elif s["name"] == "dotnet build after dotnet clean (tool compiled)":
                goal = "< 90 s"
            number = "3." if "no-op" in s["name"] else "4."
            lines.append(row(f"{number} {s['name']}", s, goal, part_load(build, "no-op" in s["name"])))
    for name, goal in [("integer executor (RunCodes)", "≥ 1,000,000/s"), ("integer executor (RunCodes), per CPU second", ""),
                       ("integer executor, reference path (Trace)", ""), ("integer executor, reference path (Trace), per CPU second", ""),
                       ("C-simulation library", ""), ("C-simulation library, per CPU second", "")]:
        lines.append(row(f"5. {name}", e(executor, name), goal, load_of(executor)))
    for document in (jets_one, jets_all):
        if document:
            for s in document["summaries"]:
                lines.append(row(f"6. {s['name']}", s, "", load_of(document)))
    if before_after:
        lines += ["", f"## Before/after: QAT epoch, commit {before_after['facts']['before_commit']} against this one (alternating, one run)", "",
                  "| measure | median | min | max | runs | goal | load |", "|---|---|---|---|---|---|---|"]
        before, after, float_after = (e(before_after, n) for n in ("qat before epoch", "qat after epoch", "float after epoch"))
        lines += [row("QAT epoch, before", before, "", load_of(before_after)), row("QAT epoch, after", after, "", load_of(before_after)),
                  row("float epoch (unchanged code)", float_after, "", load_of(before_after)),
                  ratio_rows("QAT before / float", before, float_after, "≤ 2"), ratio_rows("QAT after / float", after, float_after, "≤ 2")]
    lines += ["", "## Setup of each measure (from the result files)", ""]
    for name, document in [("QAT epoch, ours", qat_ours), ("QAT epoch, PyTorch", qat_py), ("float epoch, ours", float_ours),
                           ("float epoch, PyTorch", float_py), ("Hessian, ours", hess_ours), ("Hessian, PyTorch", hess_py),
                           ("QAT epoch, ours, 1 thread", qat_ours1), ("QAT epoch, PyTorch, 1 thread", qat_py1),
                           ("build", build), ("executor", executor), ("jets, one core", jets_one), ("jets, all cores", jets_all)]:
        if document:
            facts = ", ".join(f"{k}: {v}" for k, v in document["facts"].items())
            lines.append(f"- {name}: {facts}")
    if args.notes and os.path.exists(args.notes):
        with open(args.notes, encoding="utf-8") as f:
            lines += ["", f.read().rstrip()]
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"report: wrote {args.out}")


if __name__ == "__main__":
    main()
