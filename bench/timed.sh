# Sourced by the process benchmarks: `timed CMD…` runs CMD $runs times as a process, start to exit, and prints
# min / median / max seconds (its output thrown away).
stats() { sort -n | awk '{ a[NR] = $1 } END { printf "min %.2f  median %.2f  max %.2f", a[1], a[int((NR + 1) / 2)], a[NR] }'; }
timed() {
  local i
  for i in $(seq 1 "$runs"); do
    { TIMEFORMAT=%R; time "$@" > /dev/null 2>&1; } 2>&1
  done | stats
}
