#!/bin/bash
# The quick pipeline without Spark and with --spark 'local[2]', back to back, in opposite orders per round
# (the README's pipeline measurement; wall times and load averages appended to $M/times).
# Rounds 1 and 2: without Spark at libtorch's default thread count (the cores); rounds 3 and 4: without
# Spark at one native thread ("plain1"), as each Spark task has.  Usage: pipeline.sh 1 2 3 4
cd "$(dirname "$0")/../../.."
. docs/results/spark/timed.sh
M=${M:-/tmp/spark-pipeline}; mkdir -p "$M"
quick=(--space tiny-compress --budget 0.01 --genre-passages 64 --val-batches 2)
for round in "$@"; do
  case $round in
    1) order="plain spark" ;;
    2) order="spark plain" ;;
    3) order="plain1 spark" ;;
    4) order="spark plain1" ;;
  esac
  for mode in $order; do
    extra=()
    opts=-Xmx4g
    case $mode in
      spark) extra=(--spark 'local[2]') ;;
      plain1) opts="-Xmx4g -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1" ;;
    esac
    timed "pipeline round $round $mode" "$M/out$round-$mode" env MAGIC_JAVA_OPTS="$opts" nice bin/magic pipeline "${quick[@]}" --runs-dir "$M/runs$round-$mode" "${extra[@]}"
  done
done
