#!/usr/bin/env bash
# Runs the whole test suite the way CI does, on a fresh machine too: installs the system packages the tests
# need when they are missing, runs `dotnet test` on the solution, and ends with one line `N passed, N failed`
# counted from the test result files.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# Debian packages the tests use: python3-onnx runs onnx.checker on every QONNX file we write; g++ compiles
# the HLS C-simulation and our ap_fixed tests.
required_packages=(ca-certificates python3-onnx g++)

missing=()
for package in "${required_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "test.sh: installing ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq "${missing[@]}"
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET SDK (10.0.100 or newer, see global.json) is required: https://dotnet.microsoft.com/download" >&2
  exit 1
fi

results="$(pwd)/TestResults"
rm -rf "$results"
status=0
dotnet test Codesign.Sdk.sln --results-directory "$results" "$@" || status=$?

passed=0
failed=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The run failed before any test could fail (a build error, say): count that as a failure.
  failed=1
fi
echo "${passed} passed, ${failed} failed"
exit "$status"
