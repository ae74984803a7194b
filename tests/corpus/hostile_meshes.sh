#!/usr/bin/env bash
# The generated hostile meshes through the real program: writes them into WORK_DIR (the 10M-triangle
# file is ~250 MB, removed afterwards), then runs the corpus runner with their expected outcomes.
# usage: hostile_meshes.sh SMP_STUDIO DESIGN HEAD.ply WORK_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$1 design=$2 head=$3 work=$4
rm -rf "$work"
trap 'rm -rf "$work"' EXIT
python3 "$here/make_hostile_meshes.py" "$head" "$work"
python3 "$here/run_mesh_corpus.py" --bin "$bin" --design "$design" --expect "$work/expected.tsv" "$work"
