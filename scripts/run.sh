#!/usr/bin/env bash
# Runs the swarm: the README's run command.
#
# The embedded default is one silo with in-memory providers and no outside services: a replayed
# exchange feed and local TGE sources from src/Feeds. The dashboard, the queen REST API and the
# health endpoints (/health/live, /health/ready) listen on http://127.0.0.1:8080.
#
# Arguments after the script name go to the silo host, e.g. scripts/run.sh --urls http://127.0.0.1:9090
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet run --project src/Silo -c Release -- "$@"
