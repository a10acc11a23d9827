#!/usr/bin/env bash
# Runs every benchmark of bench/README.md and rewrites bench/RESULTS.md.
#   bench/run.sh          full sizes, at least 5 measured runs each (about 15 minutes on 2 cores)
#   bench/run.sh --tiny   every measure once on tiny sizes, so CI can keep the scripts working; writes
#                         its results under bench/out/tiny/ (RESULTS-tiny.md there), never RESULTS.md
# Installs what it needs when missing: Debian's python3-torch (the PyTorch side; no PyPI here).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

mode=full
if [ "${1:-}" = "--tiny" ]; then mode=tiny; fi

if ! dpkg-query -W -f='${Status}' python3-torch 2>/dev/null | grep -q "install ok installed"; then
  echo "bench: installing python3-torch"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq python3-torch
fi
python=/usr/bin/python3   # Debian's interpreter, the one python3-torch installs into

if [ "$mode" = tiny ]; then
  rows=4096; epochs=1; discard=1; probes=4; iterations=2; repeats=1; executor_rows=2000; jets=200; build_runs=1
else
  rows=160000; epochs=7; discard=2; probes=100; iterations=20; repeats=5; executor_rows=100000; jets=20000; build_runs=5
fi

echo "bench: building (Release for the harness, Debug for the codesign tool the sample uses)"
dotnet build bench/Codesign.Bench/Codesign.Bench.csproj -c Release -nologo -v:q -tl:off
dotnet build src/Codesign.Cli/Codesign.Cli.csproj -nologo -v:q -tl:off
dotnet build src/Codesign.Build.Tasks/Codesign.Build.Tasks.csproj -nologo -v:q -tl:off
bench=bench/Codesign.Bench/bin/Release/net10.0/codesign-bench
out=bench/out
if [ "$mode" = tiny ]; then out=bench/out/tiny; fi   # never mixes with (or deletes) the results of a full run
mkdir -p "$out"
rm -f "$out"/*.json
uptime

echo "bench: 1. QAT and float epochs (ours and PyTorch, alternating)"
"$bench" data --rows "$rows" --out "$out/data"
for m in qat float; do
  "$bench" epoch --data "$out/data" --mode "$m" --runs "$epochs" --warmup "$discard" --threads 2 --model-out "$out/$m-model.json" --out "$out/$m-epoch-ours.json"
  "$python" bench/python/qat_epoch.py --data "$out/data" --mode "$m" --runs "$epochs" --warmup "$discard" --threads 2 --out "$out/$m-epoch-pytorch.json"
done
if [ "$mode" = full ]; then
  # The same at one thread (the spec's default): OpenMP's two threads suffer most when other work shares the cores.
  for m in qat float; do
    "$bench" epoch --data "$out/data" --mode "$m" --runs "$epochs" --warmup "$discard" --threads 1 --out "$out/$m-epoch-ours-1thread.json"
    "$python" bench/python/qat_epoch.py --data "$out/data" --mode "$m" --runs "$epochs" --warmup "$discard" --threads 1 --out "$out/$m-epoch-pytorch-1thread.json"
  done
fi
if [ -n "${BENCH_BEFORE:-}" ]; then
  # Before/after of an optimization: BENCH_BEFORE=<commit before it> bench/run.sh
  "$python" bench/scripts/before_after.py --commit "$BENCH_BEFORE" --runs "$epochs" --warmup "$discard"
fi

echo "bench: 2. Hessian trace and top eigenvalue (ours and PyTorch)"
"$bench" hessian --data "$out/data" --probes "$probes" --iterations "$iterations" --runs "$repeats" --out "$out/hessian-ours.json"
"$python" bench/python/hessian.py --data "$out/data" --probes "$probes" --iterations "$iterations" --runs "$repeats" --out "$out/hessian-pytorch.json"

echo "bench: 3./4. no-op and clean builds"
if [ "$mode" = tiny ]; then
  "$python" bench/scripts/build_bench.py --tiny --runs "$build_runs" --out "$out/build.json"
  model="$out/qat-model.json"
else
  "$python" bench/scripts/build_bench.py --runs "$build_runs" --clean-runs "$build_runs" --out "$out/build.json"
  model=samples/JetTagger/bin/Debug/net10.0/codesign/jet_tagger/qat/model.json
fi

echo "bench: 5. integer executor and C-simulation throughput (one core)"
taskset -c 0 "$bench" executor --data "$out/data" --model "$model" --rows "$executor_rows" --runs "$repeats" --work "$out/hls-bench" --out "$out/executor.json"

echo "bench: 6. jet generator throughput"
taskset -c 0 "$bench" jets --rows "$jets" --runs "$repeats" --label "one core (taskset -c 0)" --out "$out/jets-1core.json"
"$bench" jets --rows "$jets" --runs "$repeats" --label "all $(nproc) cores" --out "$out/jets-all.json"

uptime
# A tiny run proves the scripts work; it must not replace the committed results.
report=bench/RESULTS.md
if [ "$mode" = tiny ]; then report="$out/RESULTS-tiny.md"; fi
"$python" bench/scripts/report.py --results "$out" --mode "$mode" --commands "bench/run.sh${1:+ $1}" --notes bench/NOTES.md --out "$report"
