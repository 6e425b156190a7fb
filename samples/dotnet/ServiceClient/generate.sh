#!/usr/bin/env bash
# Regenerates Client/ with Kiota (the .NET tool in .config/dotnet-tools.json) from the OpenAPI document of a running
# `workpolicy serve` at $1 (default http://127.0.0.1:5087, the port CI serves on: the document names it as its server).
# CI runs it and then fails when the tree changed: the committed client is the one the current document generates.
set -euo pipefail
cd "$(dirname "$0")/../../.."
base=${1:-http://127.0.0.1:5087}
mkdir -p artifacts/openapi
curl -sf "$base/openapi/v1.json" -o artifacts/openapi/v1.json
dotnet tool restore > /dev/null
dotnet kiota generate -l CSharp -d artifacts/openapi/v1.json -c WorkPolicyClient -n WorkPolicy.Samples.Client \
  -o samples/dotnet/ServiceClient/Client --exclude-backward-compatible --clean-output --log-level Warning > /dev/null
rm -f samples/dotnet/ServiceClient/Client/.kiota.log
