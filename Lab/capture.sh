#!/bin/bash
# The capture loop an SRE leaves running on the database host: every INTERVAL seconds the processlist in
# table form (one file per capture, named by its UTC time), in \G form and -B form (appended, each capture
# after a pt-stalk style TS line), `mariadb-admin extended-status` (appended the same way), and every third
# round SHOW ENGINE INNODB STATUS; SHOW GLOBAL VARIABLES once, at the start. Errors (the server down) land in the files as the client prints them.
# Usage: capture.sh SOCKET OUTDIR INTERVAL
socket=$1 out=$2 interval=${3:-10}
client=(mariadb --no-defaults -S "$socket" -uroot)
mkdir -p "$out/processlist" "$out/innodb"
round=0
while true; do
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
  ts=$(date -u '+TS %s.%N %F %T')
  "${client[@]}" -t -e 'SHOW FULL PROCESSLIST' > "$out/processlist/processlist-$stamp.txt" 2>&1
  { echo "$ts"; "${client[@]}" -e 'SHOW FULL PROCESSLIST\G' 2>&1; } >> "$out/processlist-vertical.txt"
  { echo "$ts"; "${client[@]}" -B -e 'SELECT * FROM information_schema.PROCESSLIST' 2>&1; } >> "$out/processlist-batch.tsv"
  { echo "$ts"; mariadb-admin --no-defaults -S "$socket" -uroot extended-status 2>&1; } >> "$out/mysqladmin-status.txt"
  if (( round == 0 )); then
    "${client[@]}" -t -e 'SHOW GLOBAL VARIABLES' > "$out/variables-$stamp.txt" 2>&1
  fi
  if (( round % 3 == 0 )); then
    "${client[@]}" -e 'SHOW ENGINE INNODB STATUS\G' > "$out/innodb/innodb-status-$stamp.txt" 2>&1
  fi
  round=$((round + 1))
  sleep "$interval"
done
