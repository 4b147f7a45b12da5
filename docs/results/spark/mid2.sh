#!/bin/bash
# cpu-120-kind jobs (rank8-cpu: four 300-step children and one 300-step SPOS super-net): today's default vs --spark local[2], back to back.
cd "$(dirname "$0")/../../.."
M=${M:-/tmp/spark-measure}; mkdir -p "$M"
for mode in spark workers2; do
  case $mode in
    workers2) extra=(--workers 2) ;;
    spark) extra=(--spark 'local[2]') ;;
  esac
  rm -rf $M/m2cache-$mode
  s=$(date +%s.%N); l=$(cut -d' ' -f1 /proc/loadavg)
  nice bin/magic rank-correlation --preset cpu-120 --children 4 --noise-children 0 --top-k 2 --child-steps 300 --methods spos --seeds 1 --sweeps "" --supernet-steps 300 --cache $M/m2cache-$mode --runs-dir $M/m2runs-$mode "${extra[@]}" > $M/m2out-$mode 2>&1
  rc=$?; e=$(date +%s.%N)
  echo "mid2 $mode rc=$rc wall=$(echo "$e - $s" | bc) s load-before $l load-after $(cut -d' ' -f1 /proc/loadavg)" >> $M/times
done
