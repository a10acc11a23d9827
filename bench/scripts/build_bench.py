"""Measures 3 and 4 of bench/README.md: the no-op `dotnet build` of samples/JetTagger against an empty
Microsoft.Build.NoTargets project (alternating, in one run), the stages that ran in each no-op build, and a build
after `dotnet clean` with the tool already compiled: each stage through the codesign tool under /usr/bin/time -v
(wall time, peak memory), and the whole `dotnet build`."""
import argparse
import json
import os
import re
import shutil
import subprocess
import time

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SAMPLE = os.path.join(REPO, "samples", "JetTagger", "JetTagger.nnproj")
SPEC = os.path.join(REPO, "samples", "JetTagger", "jet_tagger.yaml")
BASELINE = os.path.join(REPO, "bench", "NoOpBaseline", "NoOpBaseline.csproj")
USER_PROJECT = os.path.join(REPO, "bench", "UserProject", "UserProject.nnproj")
TOOL = os.path.join(REPO, "src", "Codesign.Cli", "bin", "Debug", "net10.0", "codesign.dll")
WORK = os.path.join(REPO, "samples", "JetTagger", "obj", "Debug", "net10.0", "codesign", "jet_tagger")
OUT = os.path.join(REPO, "samples", "JetTagger", "bin", "Debug", "net10.0", "codesign", "jet_tagger")
STAGES = ["validate", "prepare", "train", "hessian", "allocate", "qat", "export", "hls", "csim", "synth"]
# A stage that runs prints "running" and "done in"; validate prints "<spec> is valid". Up-to-date stages print nothing in MSBuild.
STAGE_LINE = re.compile(r"codesign: (\w+): (running|done in|\S+ is valid)")


def run(command, check=True):
    started = time.perf_counter()
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if check and result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return elapsed, result.stdout + result.stderr


def timed_v(command):
    """Wall seconds and peak resident memory (MB) from GNU time -v."""
    _, output = run(["/usr/bin/time", "-v"] + command)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", output)
    seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    peak_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", output).group(1))
    return seconds, peak_kb / 1024, output


def summary(name, unit, values):
    ordered = sorted(values)
    n = len(ordered)
    median = ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2
    print(f"build: {name}: median {median:.4g} {unit} (min {ordered[0]:.4g}, max {ordered[-1]:.4g}, {n} runs)")
    return {"name": name, "unit": unit, "median": median, "min": ordered[0], "max": ordered[-1], "runs": n, "values": values}


def stages_that_ran(output):
    return sorted({m.group(1) for m in STAGE_LINE.finditer(output)})


def noop(runs, spec, include_sample):
    """Alternates the projects run by run, so each sees the same load; ratios are per run against the baseline."""
    build = ["dotnet", "build", "-tl:off", "-nologo"]
    projects = {"user-shaped project (SDK + compiled tool, no ProjectReferences)": [USER_PROJECT, f"-p:BenchSpec={spec}"]}
    if include_sample:
        projects = {"samples/JetTagger (in-repo: checks the tool's sources)": [SAMPLE], **projects}
    for arguments in list(projects.values()) + [[BASELINE]]:
        run(build + arguments)   # brings every stage up to date (and compiles the tool the first time)
    times = {name: [] for name in projects}
    ran = {name: [] for name in projects}
    baseline = []
    for _ in range(runs):
        for name, arguments in projects.items():
            seconds, output = run(build + arguments)
            times[name].append(seconds)
            ran[name].append(len(stages_that_ran(output)))
        seconds, _ = run(build + [BASELINE])
        baseline.append(seconds)
    results = [summary("no-op build, empty Microsoft.Build.NoTargets project", "s", baseline)]
    for name in projects:
        results.append(summary(f"no-op build, {name}", "s", times[name]))
        results.append(summary(f"no-op ratio, {name} / NoTargets", "x", [t / b for t, b in zip(times[name], baseline)]))
        results.append(summary(f"stages that ran in a no-op build, {name}", "stages", ran[name]))
    return results


def clean(command):
    """`dotnet clean`, then removal of the stage folders: clean deletes only the files MSBuild recorded, and the
    per-stage tool runs write theirs without MSBuild, so the next clean would otherwise leave them in place."""
    run(command)
    for folder in (WORK, OUT):
        shutil.rmtree(folder, ignore_errors=True)


def clean_build(runs):
    results = []
    per_stage = {stage: ([], []) for stage in STAGES}
    totals, msbuild, msbuild_peak, ran = [], [], [], []
    clean_command = ["dotnet", "clean", SAMPLE, "-nologo", "-p:BuildProjectReferences=false"]
    for _ in range(runs):
        clean(clean_command)
        total = 0.0
        for stage in STAGES:
            seconds, peak, output = timed_v(["dotnet", "exec", TOOL, stage, SPEC, "--work-dir", WORK, "--out-dir", OUT])
            per_stage[stage][0].append(seconds)
            per_stage[stage][1].append(peak)
            total += seconds
        totals.append(total)
        clean(clean_command)
        seconds, peak, output = timed_v(["dotnet", "build", SAMPLE, "-tl:off", "-nologo"])
        msbuild.append(seconds)
        msbuild_peak.append(peak)
        ran.append(len(stages_that_ran(output)))
    for stage in STAGES:
        results.append(summary(f"stage {stage}: wall", "s", per_stage[stage][0]))
        results.append(summary(f"stage {stage}: peak memory", "MB", per_stage[stage][1]))
    results.append(summary("all stages through the tool after dotnet clean", "s", totals))
    results.append(summary("dotnet build after dotnet clean (tool compiled)", "s", msbuild))
    results.append(summary("dotnet build after dotnet clean: peak memory of one process", "MB", msbuild_peak))
    results.append(summary("stages that ran in the build after dotnet clean", "stages", ran))
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--clean-runs", type=int, default=5)
    parser.add_argument("--skip-noop", action="store_true", help="only the clean builds; keeps the no-op results of --out")
    parser.add_argument("--skip-clean", action="store_true", help="only the no-op builds; keeps the clean-build results of --out")
    parser.add_argument("--tiny", action="store_true", help="only the no-op measure, on the user-shaped project with the tiny spec")
    parser.add_argument("--out", default=os.path.join(REPO, "bench", "out", "build.json"))
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    spec = "jet_tiny.yaml" if args.tiny else "../../samples/JetTagger/jet_tagger.yaml"
    facts = {"nproc": str(os.cpu_count()), "user_project_spec": spec}
    if args.skip_noop and os.path.exists(args.out):   # keep the no-op results of an earlier run
        with open(args.out, encoding="utf-8") as f:
            earlier = json.load(f)
        summaries = [s for s in earlier["summaries"] if "no-op" in s["name"]]
        facts["noop_load1_before_after"] = f"{earlier['load1_before']:.2f} -> {earlier['load1_after']:.2f}"
    else:
        summaries = noop(args.runs, spec, include_sample=not args.tiny)
    if args.skip_clean and os.path.exists(args.out):
        with open(args.out, encoding="utf-8") as f:
            earlier = json.load(f)
        summaries += [s for s in earlier["summaries"] if "no-op" not in s["name"]]
        facts["clean_load1_before_after"] = earlier["facts"].get("clean_load1_before_after", f"{earlier['load1_before']:.2f} -> {earlier['load1_after']:.2f}")
    elif not args.tiny:
        summaries += clean_build(args.clean_runs)
    document = {"measure": "build", "load1_before": load_before, "load1_after": os.getloadavg()[0],
                "facts": facts, "summaries": summaries}
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(document, f, indent=2)


if __name__ == "__main__":
    main()
