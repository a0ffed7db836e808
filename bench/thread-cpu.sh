#!/usr/bin/env bash
# CPU share of one core per thread name of a running JVM, over an interval: the "where the CPU goes" table of
# docs/benchmarks.md. Usage: bench/thread-cpu.sh PID [SECONDS]   (Linux /proc; digits at the end of a name are
# dropped, so e.g. all broker request handlers add up to one row)
set -euo pipefail
pid=$1
seconds=${2:-25}
ticks=$(getconf CLK_TCK)
snapshot() {
  for t in /proc/"$pid"/task/*; do
    name=$(tr ' ' '_' < "$t/comm" 2>/dev/null | sed 's/[0-9]*$//') || continue
    stat=$(sed 's/.*) //' "$t/stat" 2>/dev/null) || continue
    set -- $stat
    echo "$name $(( ${12} + ${13} ))"
  done | awk '{a[$1] += $2} END {for (k in a) print k, a[k]}' | sort
}
before=$(snapshot)
sleep "$seconds"
after=$(snapshot)
join <(echo "$before") <(echo "$after") \
  | awk -v s="$seconds" -v hz="$ticks" '{d = $3 - $2; if (d > 0) printf "%5.1f%% %s\n", 100 * d / hz / s, $1}' \
  | sort -rn | head -15
