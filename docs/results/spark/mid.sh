#!/bin/bash
# cpu-120-kind jobs (rank8-cpu: four 300-step children and one 300-step SPOS super-net): today's default
# (--workers 2) vs --spark local[2], back to back in the order given. The recorded rounds:
#   docs/results/spark/mid.sh mid workers2 spark
#   docs/results/spark/mid.sh mid2 spark workers2
cd "$(dirname "$0")/../../.."
. docs/results/spark/timed.sh
M=${M:-/tmp/spark-measure}; mkdir -p "$M"
name=$1; shift
for mode in "$@"; do
  case $mode in
    workers2) extra=(--workers 2) ;;
    spark) extra=(--spark 'local[2]') ;;
    *) echo "mid.sh: mode must be workers2 or spark, got '$mode'" >&2; exit 2 ;;
  esac
  rm -rf "$M/${name}cache-$mode"
  timed "$name $mode" "$M/${name}out-$mode" nice bin/magic rank-correlation --preset cpu-120 --children 4 --noise-children 0 --top-k 2 \
    --child-steps 300 --methods spos --seeds 1 --sweeps "" --supernet-steps 300 --cache "$M/${name}cache-$mode" --runs-dir "$M/${name}runs-$mode" "${extra[@]}"
done
