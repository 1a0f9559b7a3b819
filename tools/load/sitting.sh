#!/bin/bash
# One sitting of the review-screen load test (tools/load/README.md): the same demo database, copied
# once per jar, reviewed by UidlLoad through each jar in turn, so that the jars compare on one
# machine state. Starts and stops everything itself, a private PostgreSQL included.
#
#   tools/load/sitting.sh h2|postgres OUT_DIR JAR [JAR...]
#
# Per jar: a 50 x 4 warm-up, 50 x 40 with no think time, 50 x 20 at a person's pace
# (THINK_MS, default 2250: 0 to 4.5 s, uniform). Prints and writes to OUT_DIR/summary.txt, per run:
# the load average before and after, the app's CPU seconds (/proc/PID/stat, log-ins included) and
# UidlLoad's report. Env: PORT (default 18700), PG_PORT (5444), SAMPLES (8000), THINK_MS.
set -euo pipefail
DB=$1
OUT=$(mkdir -p "$2" && cd "$2" && pwd)
shift 2
JARS=()
for jar in "$@"; do JARS+=("$(realpath "$jar")"); done
PORT=${PORT:-18700}
PG_PORT=${PG_PORT:-5444}
SAMPLES=${SAMPLES:-8000}
THINK_MS=${THINK_MS:-2250}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JAVA_HOME/bin/java
TOKEN=rlb_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
HASH=$(printf '%s' "$TOKEN" | sha256sum | cut -d' ' -f1)
INSERT_TOKEN="insert into api_token (user_id, name, token_hash, token_prefix, created_at, scope)
  select id, 'load sitting', '$HASH', '${TOKEN:4:6}', current_timestamp, 'FULL'
  from app_user where username = 'admin'"
APP_PID=

app_flags() { # $1: database name or folder
  local flags=(--spring.profiles.active=demo --relabel.demo.sample-limit="$SAMPLES"
    --relabel.training.epochs=1 --relabel.training.folds=0 --relabel.training.cleaning-rounds=0
    --server.port="$PORT" --management.server.port=$((PORT + 1))
    --relabel.jobs.node-lock-folder="$OUT/node-locks")
  if [ "$DB" = postgres ]; then
    flags[0]=--spring.profiles.active=demo,postgres
  fi
  printf '%s\n' "${flags[@]}"
}

start_app() { # $1: jar, $2: database (H2 folder or PostgreSQL name), $3: log
  local url
  if [ "$DB" = postgres ]; then
    export POSTGRES_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$2" POSTGRES_USER=relabel_app \
      POSTGRES_PASSWORD=secret POSTGRES_OWNER_USER=relabel_owner POSTGRES_OWNER_PASSWORD=secret
  else
    export RELABEL_DB_URL="jdbc:h2:file:$2/relabel;AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000"
  fi
  mapfile -t flags < <(app_flags)
  "$JAVA" -Xmx2g --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true \
    -Dai.djl.pytorch.num_threads=2 -Dai.djl.pytorch.num_interop_threads=1 \
    -jar "$1" "${flags[@]}" >"$3" 2>&1 &
  APP_PID=$!
  for _ in $(seq 600); do
    if curl -fs -o /dev/null "http://localhost:$PORT/login"; then return; fi
    kill -0 "$APP_PID" 2>/dev/null || { echo "app died, see $3" >&2; exit 1; }
    sleep 1
  done
  echo "app not up after 600 s, see $3" >&2
  exit 1
}

stop_app() {
  if [ -n "$APP_PID" ]; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=
  fi
}

sql() { # $1: database, $2: statement
  if [ "$DB" = postgres ]; then
    PGPASSWORD=secret "$PG_BIN/psql" -w -q -X -t -A -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" \
      -U relabel_owner -d "$1" -c "$2"
  else
    "$JAVA" -cp "$H2_JAR" org.h2.tools.Shell -user sa -password "" -sql "$2" \
      -url "jdbc:h2:file:$1/relabel;AUTO_SERVER=TRUE" | tail -n +2
  fi
}

cpu_seconds() { # utime + stime of the app, in seconds
  awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$APP_PID/stat"
}

load_run() { # $1: label, $2: annotators, $3: decisions, $4: think ms
  local before after l0
  l0=$(cut -d' ' -f1-3 /proc/loadavg)
  before=$(cpu_seconds)
  "$JAVA" "$ROOT/tools/load/UidlLoad.java" --url "http://localhost:$PORT" --dataset 1 \
    --token "$TOKEN" --annotators "$2" --decisions "$3" --think-ms "$4" >"$OUT/$1.txt" 2>&1 || true
  after=$(cpu_seconds)
  {
    echo "== $1: $2 x $3, think $4 ms, $(date -u +%H:%M) UTC, load average $l0 -> $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "app CPU $(awk -v a="$after" -v b="$before" -v n=$(($2 * $3)) \
      'BEGIN { printf "%.1f s, %.1f ms per decision", a - b, 1000 * (a - b) / n }')"
    grep -E "decisions/s|key press|log in|CHECK|accepted|error|conflict" "$OUT/$1.txt" || cat "$OUT/$1.txt"
  } | tee -a "$OUT/summary.txt"
}

cd "$OUT" # the app's own files (node locks, uploads) stay in the sitting's folder
if [ "$DB" = postgres ]; then
  source <(sed -n '/^start_postgres() {/,/^}/p;/^stop_postgres() {/,/^}/p' "$ROOT/relabel")
  RELABEL_PG_PORT=$PG_PORT start_postgres
  trap 'stop_app; stop_postgres' EXIT
  TEMPLATE=relabel_load
  PGPASSWORD=secret "$PG_BIN/psql" -w -q -X -h 127.0.0.1 -p "$PG_PORT" -U app -d postgres \
    -c "create database $TEMPLATE owner relabel_owner"
  PGPASSWORD=secret "$PG_BIN/psql" -w -q -X -h 127.0.0.1 -p "$PG_PORT" -U app -d "$TEMPLATE" \
    -c "revoke create on schema public from public"
else
  trap stop_app EXIT
  H2_JAR=$(ls ~/.m2/repository/com/h2database/h2/2.4.*/h2-2.4.*.jar | tail -n 1)
  TEMPLATE=$OUT/h2-template
  rm -rf "$TEMPLATE"
  mkdir -p "$TEMPLATE"
fi

# The demo database, once: imported, ranked by a 1-epoch run, with an admin token.
echo "Preparing the demo database with ${JARS[0]} ($(date -u +%H:%M) UTC)"
start_app "${JARS[0]}" "$TEMPLATE" "$OUT/prepare.log"
until [ -n "$(sql "$TEMPLATE" "select active_run_id from dataset where id = 1" 2>/dev/null \
  | grep -E '^[0-9]+')" ]; do
  sleep 5
done
sql "$TEMPLATE" "$INSERT_TOKEN" >/dev/null
stop_app

for i in "${!JARS[@]}"; do
  jar=${JARS[$i]}
  name=$(basename "$jar" .jar)
  if [ "$DB" = postgres ]; then
    copy=relabel_$i
    PGPASSWORD=secret "$PG_BIN/psql" -w -q -X -h 127.0.0.1 -p "$PG_PORT" -U app -d postgres \
      -c "create database $copy template $TEMPLATE owner relabel_owner"
  else
    copy=$OUT/h2-$i
    rm -rf "$copy"
    cp -r "$TEMPLATE" "$copy"
  fi
  echo "== jar $name ($jar) on $DB, $(date -u +%H:%M) UTC" | tee -a "$OUT/summary.txt"
  start_app "$jar" "$copy" "$OUT/$name.log"
  load_run "$name-warmup" 50 4 0
  load_run "$name-think0" 50 40 0
  load_run "$name-think$THINK_MS" 50 20 "$THINK_MS"
  stop_app
done
