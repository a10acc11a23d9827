"""Before/after of an optimization, side by side in one run: builds the bench harness of an older commit (git archive
into a temporary folder) next to the current one and alternates their QAT and float epochs on the same data.
Writes bench/out/before-after.json, which report.py adds to RESULTS.md.

    /usr/bin/python3 bench/scripts/before_after.py --commit 4acb25d [--rounds 2 --runs 5]
"""
import argparse
import json
import os
import subprocess
import tempfile

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
HARNESS = os.path.join("bench", "Codesign.Bench", "bin", "Release", "net10.0", "codesign-bench")


def build(root):
    subprocess.run(["dotnet", "build", os.path.join(root, "bench", "Codesign.Bench", "Codesign.Bench.csproj"), "-c", "Release",
                    "-nologo", "-v:q", "-tl:off"], check=True)
    return os.path.join(root, HARNESS)


def epoch(harness, mode, runs, warmup, threads, out):
    subprocess.run([harness, "epoch", "--mode", mode, "--runs", str(runs), "--warmup", str(warmup), "--threads", str(threads),
                    "--data", os.path.join(REPO, "bench", "out", "data"), "--out", out], check=True, cwd=REPO)
    with open(out, encoding="utf-8") as f:
        return json.load(f)["summaries"][0]["values"]


def summary(name, values):
    ordered = sorted(values)
    n = len(ordered)
    median = ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2
    return {"name": name, "unit": "s", "median": median, "min": ordered[0], "max": ordered[-1], "runs": n, "values": values}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--commit", required=True, help="the commit before the optimization")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="codesign-bench-before-") as old_root:
        archive = subprocess.run(["git", "archive", args.commit], cwd=REPO, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", old_root], input=archive, check=True)
        old, new = build(old_root), build(REPO)
        values = {key: [] for key in ["qat before", "qat after", "float after"]}
        scratch = os.path.join(REPO, "bench", "out", "before-after-scratch.json")
        for _ in range(args.rounds):   # alternating, so both builds see the same load
            values["qat before"] += epoch(old, "qat", args.runs, args.warmup, args.threads, scratch)
            values["qat after"] += epoch(new, "qat", args.runs, args.warmup, args.threads, scratch)
            values["float after"] += epoch(new, "float", args.runs, args.warmup, args.threads, scratch)
        os.remove(scratch)
    document = {"measure": "before-after", "load1_before": load_before, "load1_after": os.getloadavg()[0],
                "facts": {"before_commit": args.commit, "threads": str(args.threads), "rounds": str(args.rounds)},
                "summaries": [summary(f"{key} epoch", v) for key, v in values.items()]}
    with open(os.path.join(REPO, "bench", "out", "before-after.json"), "w", encoding="utf-8") as f:
        json.dump(document, f, indent=2)
    for s in document["summaries"]:
        print(f"before-after: {s['name']}: median {s['median']:.4g} s (min {s['min']:.4g}, max {s['max']:.4g}, {s['runs']} runs)")


if __name__ == "__main__":
    main()
