#!/usr/bin/env bash
# Writes a rule set at national scale: the six sample circulars copied over REGIONS regions each (default 100, so 600
# circulars), each copy in a region of its own (the vocabulary extended with those regions), ids and regions renamed;
# then times `check` and `eval` of 100 employees on it as processes, RUNS times each (min / median / max seconds), the JIT
# build beside a native one when NATIVE names its folder (dotnet publish src/WorkPolicy.Cli -r linux-x64 -p:PublishAot=true).
#   bash bench/national-scale.sh [REGIONS] [OUT] [RUNS]      (RUNS default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
regions=${1:-100}
out=${2:-$(mktemp -d)}
runs=${3:-5}
mkdir -p "$out"
python3 - "$regions" "$out" <<'PY'
import re, sys, pathlib
n, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
src = pathlib.Path("samples/circulars")
vocab = (src / "vocabulary.wp").read_text()
samples = sorted(p for p in src.glob("*.wp") if p.name != "vocabulary.wp")
lines = []
for p in samples:
    text = p.read_text()
    region = re.search(r"^  region (\S+)", text, re.M).group(1)
    zone = re.search(r"region " + re.escape(region) + r" name \"[^\"]*\" zone (\S+)", vocab).group(1)
    for i in range(n):
        r = f"{region}-{i:03d}"
        lines.append(f'  region {r} name "{r}" zone {zone} with java-bali false')
        copy = re.sub(r"^circular (\S+) \{", lambda m: f"circular {m.group(1)}-{i:03d} {{", text, count=1, flags=re.M)
        copy = re.sub(r"^  region " + re.escape(region) + r"$", f"  region {r}", copy, flags=re.M)
        (out / f"{p.stem}-{i:03d}.wp").write_text(copy)
# The vocabulary with the new regions before its closing brace.
head, tail = vocab.rsplit("}", 1)
(out / "vocabulary.wp").write_text(head + "\n".join(lines) + "\n}" + tail)
PY
echo "$(ls "$out"/*.wp | wc -l) rule files in $out"
jit="dotnet src/WorkPolicy.Cli/bin/Release/net10.0/WorkPolicy.Cli.dll"
facts=$(mktemp --suffix=.facts.yaml)
$jit generate --employees 100 > "$facts"
source bench/timed.sh
printf '%-34s %-40s %s\n' "job ($runs runs)" "JIT (dotnet WorkPolicy.Cli.dll)" "${NATIVE:+Native AOT}"
printf '%-34s %-40s %s\n' "check" "$(timed $jit check "$out")" "${NATIVE:+$(timed "$NATIVE/WorkPolicy.Cli" check "$out")}"
printf '%-34s %-40s %s\n' "eval of 100 employees" "$(timed $jit eval "$out" --facts "$facts" --on 2021-08-02 --format json)" \
  "${NATIVE:+$(timed "$NATIVE/WorkPolicy.Cli" eval "$out" --facts "$facts" --on 2021-08-02 --format json)}"
rm -f "$facts"
