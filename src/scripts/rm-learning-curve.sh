#!/usr/bin/env bash
# Reward-model held-out accuracy against the number of labeled training prompts, on the bundled
# sample project with rubric-simulated labels (K = 4). The held-out prompts are the same for
# every point (the split is a seeded hash of the prompt id). Prints one line per point.
# Usage: src/scripts/rm-learning-curve.sh [WORKDIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
rlhf="$root/rlhf"
work="${1:-$(mktemp -d)}"
dir="$work/curve"
rm -rf "$dir"
"$rlhf" project sample "$dir" >/dev/null
"$rlhf" label "$dir" --annotator rubric --prompts 200 -k 4 | tail -1
"$rlhf" sft "$dir" --epochs 3 | grep -E "^run|validation"
for n in 50 100 150 0; do
  start=$(date +%s.%N)
  "$rlhf" reward "$dir" --epochs 3 --lr 1e-4 --train-prompts "$n" >/dev/null 2>&1
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  echo "train_prompts=${n/#0/all} seconds=$secs $("$rlhf" reward-eval "$dir" --json)"
done
