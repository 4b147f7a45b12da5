#!/bin/bash
# The quick study with --workers 1, --spark local[2] and --workers 2, from empty caches, back to back (rounds 2 and 3 of the README table; wall times appended to $M/times).
cd "$(dirname "$0")/../../.."
. docs/results/spark/timed.sh
M=${M:-/tmp/spark-measure}; mkdir -p "$M"
for round in 2 3; do
for mode in workers1 spark workers2; do
  case $mode in
    workers2) extra=(--workers 2) ;;
    spark) extra=(--spark 'local[2]') ;;
    workers1) extra=(--workers 1) ;;
  esac
  rm -rf "$M/cache-$mode"
  timed "round $round $mode" "$M/out$round-$mode" nice bin/magic rank-correlation --preset quick --cache "$M/cache-$mode" --runs-dir "$M/runs$round-$mode" "${extra[@]}"
done
done
