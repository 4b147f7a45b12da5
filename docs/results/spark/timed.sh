# Sourced by the measurement scripts here. timed LABEL OUT COMMAND...: runs COMMAND with its output in OUT
# and appends its exit code, wall time and the load averages before and after to $M/times.
timed() {
  local label=$1 out=$2 l s e rc
  shift 2
  l=$(cut -d' ' -f1 /proc/loadavg); s=$(date +%s.%N)
  "$@" > "$out" 2>&1; rc=$?
  e=$(date +%s.%N)
  echo "$label rc=$rc wall=$(echo "$e - $s" | bc) s load-before $l load-after $(cut -d' ' -f1 /proc/loadavg)" >> "$M/times"
}
