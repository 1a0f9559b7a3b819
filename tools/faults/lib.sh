# Shared by the fault scripts of tools/faults/ (sourced, not run). Starts a private PostgreSQL with
# the README's two roles (the same function as ./relabel test), the application from this checkout
# on it, and talks to the REST API with an admin token.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
# start_postgres and stop_postgres of ./relabel: initdb in a temporary folder, roles relabel_owner
# and relabel_app (password 'secret'), database relabel_test, stopped on exit
source <(sed -n '/^as_root() {/p;/^start_postgres() {/,/^}/p;/^stop_postgres() {/,/^}/p' ./relabel)
export RELABEL_PG_PORT=${RELABEL_PG_PORT:-55463}
APP_PORT=${APP_PORT:-28463}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-28464}
ADMIN_PASSWORD=faults-admin-password
API="http://127.0.0.1:$APP_PORT/api/v1"
LOG_DIR=${LOG_DIR:-$(mktemp -d /tmp/relabel-faults.XXXXXX)}
APP_PID=""

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }
now_ms() { date +%s%3N; }

# How to start this checkout's application: its jar when it is up to date, else its compiled
# classes (compiled first if missing).
java_command() {
  export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
  export PATH=$JAVA_HOME/bin:$PATH
  if [ -f target/relabel.jar ] && [ -z "$(find src pom.xml -newer target/relabel.jar -print -quit)" ]; then
    JAVA_CMD=(java --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -Xmx1500m -jar target/relabel.jar)
    return
  fi
  if [ ! -d target/classes/com ] || [ ! -f target/classpath.txt ]; then
    log "compiling (first time)"
    ./mvnw -B -q -o compile -Dspotless.check.skip=true
    ./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
  fi
  JAVA_CMD=(java --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -Xmx1500m
    -cp "target/classes:$(cat target/classpath.txt)" com.relabel.RelabelApplication)
}

# Starts the application in the background on the private PostgreSQL as relabel_app (migrating as
# relabel_owner), writing its log to $LOG_DIR/app-N.log; returns when it is ready. Its node-name
# lock folder is the script's own, as on a host that runs only Relabel: on a shared machine other
# processes' test contexts take the slot the killed process frees (decision 0030, "Limits").
start_app() {
  local n=$1 started
  started=$(now_ms)
  OMP_WAIT_POLICY=PASSIVE POSTGRES_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/relabel_test" \
    POSTGRES_USER=relabel_app POSTGRES_PASSWORD=secret \
    POSTGRES_OWNER_USER=relabel_owner POSTGRES_OWNER_PASSWORD=secret \
    RELABEL_ADMIN_PASSWORD=$ADMIN_PASSWORD PORT=$APP_PORT RELABEL_MANAGEMENT_PORT=$MANAGEMENT_PORT \
    "${JAVA_CMD[@]}" --spring.profiles.active=postgres --relabel.jobs.poll-interval=1s \
    --relabel.jobs.node-lock-folder="$LOG_DIR/node-names" \
    >"$LOG_DIR/app-$n.log" 2>&1 &
  APP_PID=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$MANAGEMENT_PORT/actuator/health/readiness"; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      echo "the application did not start; see $LOG_DIR/app-$n.log" >&2
      tail -20 "$LOG_DIR/app-$n.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  STARTUP_MS=$(($(now_ms) - started))
  log "application $n ready (pid $APP_PID) in ${STARTUP_MS} ms"
}

stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

cleanup() {
  stop_app
  stop_postgres
}

psql_owner() {
  PGPASSWORD=secret "$PG_BIN/psql" -w -q -X -t -A -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" \
    -U relabel_owner -d relabel_test "$@"
}

# A full-scope API token for the first admin, written straight into the database as its owner
# (tokens are otherwise made on the admin's API tokens page); only its SHA-256 is stored.
make_token() {
  TOKEN="rlb_faults$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)"
  local hash
  hash=$(printf '%s' "$TOKEN" | sha256sum | cut -d' ' -f1)
  psql_owner -c "insert into api_token (user_id, name, token_hash, token_prefix, created_at, scope)
    select id, 'faults', '$hash', '${TOKEN:0:8}', current_timestamp, 'FULL'
    from app_user where username = 'admin'"
}

api() { curl -s -H "Authorization: Bearer $TOKEN" "$@"; }

# json_field NAME: the first "NAME": value of the JSON on stdin (numbers and strings).
json_field() { grep -o "\"$1\" *: *\(\"[^\"]*\"\|[^,}]*\)" | head -1 | sed 's/^[^:]*: *//; s/^"//; s/"$//'; }

# Imports MNIST's 10,000 test images through the API; sets DATASET_ID.
import_mnist() {
  local reply
  reply=$(api -F name="faults-$(date +%s)" \
    -F images=@src/main/resources/demo/mnist/t10k-images-idx3-ubyte.gz \
    -F labels=@src/main/resources/demo/mnist/t10k-labels-idx1-ubyte.gz "$API/datasets/idx")
  DATASET_ID=$(printf '%s' "$reply" | json_field id)
  [ -n "$DATASET_ID" ] || { echo "import failed: $reply" >&2; exit 1; }
  log "imported dataset $DATASET_ID (10,000 MNIST test images)"
}

# Whether this checkout's REST API can decide (GET .../review/next and POST .../decision, added on
# another branch at the time of writing): the decision part of the fault scripts waits for them.
decisions_api() {
  api "http://127.0.0.1:$APP_PORT/api/openapi.json" | grep -o '"/api/v1/datasets/{datasetId}/review/next"' | head -1 || true
}

# Ranks the review queue from imported predictions (a confident model that says class i mod 10
# for sample i), so that reviewers can decide without waiting for a training run.
import_predictions() {
  awk 'BEGIN { print "sample_index,c0,c1,c2,c3,c4,c5,c6,c7,c8,c9"
    for (i = 0; i < 10000; i++) { line = i; for (k = 0; k < 10; k++) line = line "," (k == i % 10 ? "0.91" : "0.01"); print line } }' \
    >"$LOG_DIR/predictions.csv"
  api -o /dev/null -F file=@"$LOG_DIR/predictions.csv" "$API/datasets/$DATASET_ID/predictions"
  log "ranked the queue from imported predictions"
}

# One reviewer deciding over the API as fast as it is answered (confirm, correct, exclude in turn)
# until the application stops answering. Each decision is written to $LOG_DIR/sent.txt before it is
# sent, and to $LOG_DIR/acked.txt ("sample action status label") once answered 200, or to
# $LOG_DIR/refused.txt with the answer.
decide_loop() {
  local actions=(confirm correct exclude) i=0 next sample version given action label reply code body
  : >"$LOG_DIR/sent.txt"
  : >"$LOG_DIR/refused.txt"
  : >"$LOG_DIR/acked.txt"
  while next=$(api --max-time 10 "$API/datasets/$DATASET_ID/review/next"); do
    sample=$(printf '%s' "$next" | json_field sample)
    version=$(printf '%s' "$next" | json_field version)
    given=$(printf '%s' "$next" | json_field givenLabel)
    [ -n "$sample" ] && [ -n "$version" ] || { sleep 0.2; continue; }
    action=${actions[$((i % 3))]}
    # a label belongs to correct only
    label=""
    [ "$action" = correct ] && label=",\"label\":$(((given + 1) % 10))"
    echo "$sample $action" >>"$LOG_DIR/sent.txt"
    reply=$(api --max-time 10 -w '\n%{http_code}' -H 'Content-Type: application/json' \
      -d "{\"action\":\"$action\"$label,\"version\":$version}" \
      "$API/datasets/$DATASET_ID/review/$sample/decision") || break
    code=${reply##*$'\n'}
    body=${reply%$'\n'*}
    if [ "$code" = 200 ]; then
      echo "$sample $action $(printf '%s' "$body" | json_field status) $(printf '%s' "$body" | json_field label)" \
        >>"$LOG_DIR/acked.txt"
    else
      echo "$sample $action HTTP $code $body" >>"$LOG_DIR/refused.txt"
    fi
    i=$((i + 1))
  done
}

# How many acknowledged decisions the database does not hold as answered (status and label of the
# sample, and an audit row for it); prints the count.
lost_decisions() {
  local lost=0 sample action status label row
  while read -r sample action status label; do
    row=$(psql_owner -c "select lower(s.status) || ' ' || s.current_label || ' ' ||
        (select count(*) from audit_entry a where a.sample_id = s.id and a.action = upper('$action'))
      from sample s where s.dataset_id = $DATASET_ID and s.sample_index = $sample")
    if [ "$row" != "$status $label ${row##* }" ] || [ "${row##* }" -lt 1 ]; then
      lost=$((lost + 1))
      echo "lost: sample $sample $action $status $label; database: $row" >&2
    fi
  done <"$LOG_DIR/acked.txt"
  echo "$lost"
}
