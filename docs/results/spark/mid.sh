#!/bin/bash
# cpu-120-kind jobs (rank8-cpu: four 300-step children and one 300-step SPOS super-net): today's default vs --spark local[2], back to back.
cd "$(dirname "$0")/../../.."
M=${M:-/tmp/spark-measure}; mkdir -p "$M"
for mode in workers2 spark; do
  case $mode in
    workers2) extra=(--workers 2) ;;
    spark) extra=(--spark 'local[2]') ;;
  esac
  rm -rf $M/mcache-$mode
  s=$(date +%s.%N); l=$(cut -d' ' -f1 /proc/loadavg)
  nice bin/magic rank-correlation --preset cpu-120 --children 4 --noise-children 0 --top-k 2 --child-steps 300 --methods spos --seeds 1 --sweeps "" --supernet-steps 300 --cache $M/mcache-$mode --runs-dir $M/mruns-$mode "${extra[@]}" > $M/mout-$mode 2>&1
  rc=$?; e=$(date +%s.%N)
  echo "mid $mode rc=$rc wall=$(echo "$e - $s" | bc) s load-before $l load-after $(cut -d' ' -f1 /proc/loadavg)" >> $M/times
done
