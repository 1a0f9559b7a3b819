#!/usr/bin/env bash
# Fault: PostgreSQL stopped for 60 s (OUTAGE_S) under light load, then started again. Run by hand:
#   tools/faults/postgres-outage.sh     (RELABEL_PG_PORT, APP_PORT, MANAGEMENT_PORT, OUTAGE_S)
# Light load: one API read of a dataset every 0.5 s, timed. Reports what the API answered during
# the outage and how fast (decision 0028: 503 within about 5 s, never a hang), and the recovery
# time: from PostgreSQL accepting connections again to the first answered read, with no restart.
source "$(dirname "$0")/lib.sh"
OUTAGE_S=${OUTAGE_S:-60}
start_postgres
trap 'kill "$LOAD_PID" 2>/dev/null || true; cleanup' EXIT
java_command
start_app 1
make_token
import_mnist

samples="$LOG_DIR/reads.txt"
: >"$samples"
(
  while :; do
    line=$(api --max-time 60 -o /dev/null -w '%{http_code} %{time_total}' "$API/datasets/$DATASET_ID" || true)
    echo "$(now_ms) $line" >>"$samples"
    sleep 0.5
  done
) &
LOAD_PID=$!
sleep 10

pg_ctl_run() { "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" "$@"; }
log "stopping PostgreSQL for ${OUTAGE_S} s"
pg_ctl_run -m fast -w stop >/dev/null
down=$(now_ms)
sleep "$OUTAGE_S"
pg_ctl_run -l "$PG_DIR/log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c max_connections=400" start >/dev/null
up=$(now_ms)
log "PostgreSQL accepts connections again"

recovered=""
deadline=$((up + 120000))
while [ "$(now_ms)" -lt "$deadline" ]; do
  recovered=$(awk -v up="$up" '$1 > up && $2 == 200 {print $1; exit}' "$samples")
  [ -n "$recovered" ] && break
  sleep 0.5
done
sleep 5
kill "$LOAD_PID" 2>/dev/null || true
health=$(curl -s "http://127.0.0.1:$MANAGEMENT_PORT/actuator/health" | json_field status)
alive=$(kill -0 "$APP_PID" 2>/dev/null && echo "same process (pid $APP_PID)" || echo "process gone")

# The reads that started during the outage; a read's time is when it returned, so take its start.
during=$(awk -v down="$down" -v up="$up" '{start = $1 - $3 * 1000} start >= down && start < up' "$samples")
codes=$(printf '%s\n' "$during" | awk 'NF {print $2}' | sort | uniq -c | awk '{printf "%s x %s, ", $1, $2}')
slowest=$(printf '%s\n' "$during" | awk 'NF && $3 > max {max = $3} END {printf "%.2f", max}')
after=$(awk -v r="${recovered:-0}" '$1 > r {n++; if ($2 != 200) bad++} END {printf "%d reads, %d not 200", n, bad}' "$samples")
if [ -n "$recovered" ]; then recovery_ms=$((recovered - up)); else recovery_ms="none within 120 s"; fi
log "reads during the outage: ${codes%, }; slowest ${slowest} s"
log "first answered read ${recovery_ms} ms after PostgreSQL was back; after it: $after"
log "health after: $health; application: $alive"
echo
echo "| fault | figure |"
echo "|---|---|"
echo "| PostgreSQL stopped ${OUTAGE_S} s, 1 API read / 0.5 s | during: ${codes%, }; slowest answer ${slowest} s |"
echo "| recovery after PostgreSQL is back | ${recovery_ms} ms to the first 200; after it $after; health $health; $alive |"
[ -n "$recovered" ] && [ "$health" = UP ] && [[ "$alive" == same* ]]
