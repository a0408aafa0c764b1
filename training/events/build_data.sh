#!/bin/sh
# Rebuilds training/events/data/<source>.jsonl from training/events/raw/ and prints the counts table.
# Run from anywhere; uses the shared venv's Python unless PYTHON is set.
set -eu
cd "$(dirname "$0")/../.."
PY="${PYTHON:-/work/main/.venv/bin/python}"
"$PY" -m training.events.sources "$@"
"$PY" -m training.events.stats
