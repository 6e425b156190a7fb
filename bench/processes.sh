#!/usr/bin/env bash
# Times the command as a process, start to exit, several runs each (min / median / max seconds): `check` of the
# samples and `eval` of 100,000 generated employees, the JIT build beside the Native AOT build.
#   bash bench/processes.sh [RUNS]        (default 5; builds both first; the native build needs clang and zlib1g-dev)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
dotnet build src/WorkPolicy.Cli -c Release --nologo -v quiet > /dev/null
native=$(mktemp -d)
dotnet publish src/WorkPolicy.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$native" --nologo -v quiet > /dev/null
work=$(mktemp -d)
jit="dotnet src/WorkPolicy.Cli/bin/Release/net10.0/WorkPolicy.Cli.dll"
$jit generate --employees 100000 --format json -o "$work/staff.json"
source bench/timed.sh
printf '%-34s %-40s %s\n' "job" "JIT (dotnet WorkPolicy.Cli.dll)" "Native AOT"
printf '%-34s %-40s %s\n' "check samples/circulars" "$(timed $jit check samples/circulars)" "$(timed "$native/WorkPolicy.Cli" check samples/circulars)"
printf '%-34s %-40s %s\n' "eval 100,000 employees, one day" "$(timed $jit eval samples/circulars --facts "$work/staff.json" --on 2021-08-02 --format json)" \
  "$(timed "$native/WorkPolicy.Cli" eval samples/circulars --facts "$work/staff.json" --on 2021-08-02 --format json)"
rm -rf "$native" "$work"
