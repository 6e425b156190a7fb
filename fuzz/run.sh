#!/usr/bin/env bash
# Fuzz one loader with afl++ through SharpFuzz.
# Usage: fuzz/run.sh dsl|yaml|facts [MINUTES]
# Findings land in fuzz/out/TARGET/findings (ignored by git); copy any crash into
# tests/WorkPolicy.Tests/FuzzRegressions/TARGET/ so the regression test replays it.
set -euo pipefail
target=${1:?usage: fuzz/run.sh dsl|yaml|facts [MINUTES]}
minutes=${2:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/fuzz/out/$target"
tools="$root/fuzz/.tools"

command -v afl-fuzz >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++; }
[ -x "$tools/sharpfuzz" ] || dotnet tool install SharpFuzz.CommandLine --tool-path "$tools" >/dev/null

rm -rf "$out/bin"
dotnet publish "$root/fuzz/WorkPolicy.Fuzz" -c Release -o "$out/bin" >/dev/null
for dll in WorkPolicy.dll Sprache.dll YamlDotNet.dll; do
  "$tools/sharpfuzz" "$out/bin/$dll" >/dev/null
done

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
resume="$root/fuzz/corpus/$target"
[ -d "$out/findings/default/queue" ] && resume=-
afl-fuzz -V $((minutes * 60)) -t 5000 -m none -i "$resume" -o "$out/findings" -- dotnet "$out/bin/WorkPolicy.Fuzz.dll" "$target" > "$out/afl.log" 2>&1 || true

stats="$out/findings/default/fuzzer_stats"
if [ -f "$stats" ]; then
  grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|bitmap_cvg|stability) ' "$stats"
else
  tail -20 "$out/afl.log"
  exit 1
fi
