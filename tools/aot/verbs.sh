#!/usr/bin/env bash
# Publishes workpolicy with Native AOT (clang and zlib from Debian, the ILCompiler package from NuGet) and holds it to
# the JIT build: every verb's output and exit code byte for byte on the samples, the service's answers and its OpenAPI
# document alike, the language server refused with one line. Used by .ci/run; prints the folder of the native build.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-$(mktemp -d)}
log=$(mktemp)
if ! dotnet publish src/WorkPolicy.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$out" --nologo > "$log" 2>&1; then
  cat "$log" >&2; exit 1
fi
# No AOT or trim warning from anything the command reaches (warnings are errors in this repository: none may hide).
if grep -E "warning (IL|AOT)[0-9]+" "$log" >&2; then echo "Native AOT build warned" >&2; exit 1; fi
aot="$out/WorkPolicy.Cli"
jit="dotnet src/WorkPolicy.Cli/bin/Release/net10.0/WorkPolicy.Cli.dll"
facts=samples/facts/sample.facts.yaml
same() {
  local a j
  a=$("$aot" "$@" 2>&1; echo "exit $?")
  j=$($jit "$@" 2>&1; echo "exit $?")
  [ "$a" == "$j" ] || { echo "native and JIT builds differ on: workpolicy $*" >&2; diff <(echo "$a") <(echo "$j") | head -20 >&2; exit 1; }
}
same check samples/circulars samples/circulars/yaml
same check samples/circulars samples/circulars/national --analyze
same eval samples/circulars --facts "$facts" --from 2021-07-26 --to 2021-08-06 --format json
same eval samples/circulars --facts samples/facts/personas.facts.yaml --on 2021-07-30 --missing
same explain samples/circulars --facts "$facts" --employee e-001 --on 2021-07-30 --format json
same explain samples/circulars/national --facts samples/facts/national.facts.yaml --employee b1 --on 2021-11-15
same test samples/circulars --coverage
same test samples/circulars/depok --mutations
same compare samples/circulars/palopo.wp samples/circulars/interpretations/palopo-leaves-level-iv.wp --from 2021-07-01 --to 2021-08-31 --facts "$facts" --format json
same roster samples/circulars --facts "$facts" --from 2021-08-02 --to 2021-08-06 --format json
same attendance samples/circulars --facts "$facts" --from 2021-08-02 --to 2021-08-06
same convert samples/circulars/palopo.wp --to yaml
same compile samples/circulars --namespace App.Rules
same fmt --check samples/circulars
same generate --employees 200 --seed 3
same eval samples/circulars --facts /nonexistent.yaml --on 2021-07-30
refused=$("$aot" lsp < /dev/null 2>&1 || echo "exit $?")
grep -q "lsp is not in this native build" <<<"$refused" && grep -q "exit 2" <<<"$refused" || { echo "the native build did not refuse lsp with exit code 2: $refused" >&2; exit 1; }
# The service: the same answers and the same OpenAPI document from both builds (loopback, stopped at the end).
tmp=$(mktemp -d)
"$aot" serve samples/circulars --facts "$facts" --records "$tmp/aot.db" --urls http://127.0.0.1:5097 > "$tmp/aot.log" 2>&1 & a=$!
$jit serve samples/circulars --facts "$facts" --urls http://127.0.0.1:5096 > "$tmp/jit.log" 2>&1 & j=$!
for _ in $(seq 1 120); do curl -sf http://127.0.0.1:5097/health > /dev/null && curl -sf http://127.0.0.1:5096/health > /dev/null && break; sleep 0.5; done
for port in 5097 5096; do
  curl -s "http://127.0.0.1:$port/openapi/v1.json" | sed "s/127.0.0.1:$port/HOST/" > "$tmp/openapi.$port"
  curl -s -X POST "http://127.0.0.1:$port/v1/explain" -d '{"employee":"e-001","on":"2021-07-30"}' > "$tmp/explain.$port"
  curl -s -X POST "http://127.0.0.1:$port/v1/decide" -d '{"on":"2021-07-3' > "$tmp/bad.$port"
done
grep -q '"record":' <<<"$(curl -s -X POST http://127.0.0.1:5097/v1/decide -d '{"on":"2021-07-30","employees":["e-001"]}')" || { echo "the native build's decide kept no record" >&2; exit 1; }
kill -TERM "$a" "$j"; wait "$a" "$j" || true
cmp "$tmp/openapi.5097" "$tmp/openapi.5096" || { echo "the native build's OpenAPI document differs" >&2; exit 1; }
cmp "$tmp/explain.5097" "$tmp/explain.5096" || { echo "the native build's explain answer differs" >&2; exit 1; }
cmp "$tmp/bad.5097" "$tmp/bad.5096" || { echo "the native build's problem answer differs" >&2; exit 1; }
[ "$("$aot" records export "$tmp/aot.db" | wc -l)" = 1 ] || { echo "the native build kept no record" >&2; exit 1; }
rm -rf "$tmp" "$log"
echo "$out"
