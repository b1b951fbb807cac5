#!/usr/bin/env bash
# The main job's time per lecture on both engines, side by side in one run on this machine: `lectures build` (Release)
# with the kit's kernel, then with --engine dotnet-interactive, each into its own folder under /tmp. Prints the load
# average around each build and a Markdown table of the seconds each build reports per lecture ("ok in N s": kernel
# start included). Usage: [ENGINES="dotnet-interactive kit"] benchmarks/main-job-engines.sh [--only 00,05]
# (ENGINES sets the order; run both orders on a loaded machine, the load changes between the builds).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release lib/Lectures.Cli/Lectures.Cli.csproj -v q -nologo >/dev/null
out=$(mktemp -d /tmp/lectures-engines-XXXXXX)
for engine in ${ENGINES:-kit dotnet-interactive}; do
  echo "load before $engine: $(cut -d' ' -f1-3 /proc/loadavg)"
  start=$(date +%s)
  dotnet lib/Lectures.Cli/bin/Release/net10.0/Lectures.Cli.dll build --engine "$engine" --out "$out/$engine" "$@" > "$out/$engine.log" 2>&1 \
    || { echo "build --engine $engine failed:"; tail -20 "$out/$engine.log"; exit 1; }
  echo "load after $engine: $(cut -d' ' -f1-3 /proc/loadavg); whole build $(( $(date +%s) - start )) s"
done
# "[3/14] 02-separation-rank.ipynb ..." is followed by "      ok in 10.9 s".
seconds() { awk '/^\[[0-9]+\/[0-9]+\] /{name=substr($2,1,2)} /ok in/{print name, $3}' "$1"; }
echo
echo "| lecture | kit's kernel (s) | .NET Interactive (s) |"
echo "|---|---|---|"
join <(seconds "$out/kit.log") <(seconds "$out/dotnet-interactive.log") | awk '{printf "| %s | %s | %s |\n", $1, $2, $3; k+=$2; d+=$3} END {printf "| total | %.1f | %.1f |\n", k, d}'
echo "logs and outputs: $out"
