#!/usr/bin/env bash
# Fault: kill -9 of the application in the middle of a training run and of a reviewer's decisions
# over the REST API, then a restart on the same host. Run by hand:
#   tools/faults/kill-app.sh    (RELABEL_PG_PORT, APP_PORT, MANAGEMENT_PORT move ports; DECIDE_S)
# Reports how many acknowledged decisions (answered 200) the database lacks after the restart
# (expected: 0), how long the restart took, what became of the run the dead process was training
# (decision 0030: the restarted node marks it FAILED during start-up, before it serves), whether
# its job was cleared, and whether a new run is accepted at once. Without the API's decision
# endpoints (another branch adds them) the decision part is skipped and says so.
source "$(dirname "$0")/lib.sh"
start_postgres
trap cleanup EXIT
java_command
start_app 1
make_token
import_mnist

DECIDE_S=${DECIDE_S:-15}
deciding=$(decisions_api)
if [ -n "$deciding" ]; then
  import_predictions
else
  log "decisions: SKIPPED - this checkout's REST API has no decision endpoint yet;"
  log "           the kill-during-decisions part waits for it (issue 13)"
fi

run=$(api -X POST -H 'Content-Type: application/json' -d '{"epochs": 30, "folds": 0, "cleaningRounds": 0}' \
  "$API/datasets/$DATASET_ID/runs")
RUN_ID=$(printf '%s' "$run" | json_field id)
[ -n "$RUN_ID" ] || { echo "run refused: $run" >&2; exit 1; }
log "started run $RUN_ID"
while :; do
  run=$(api "$API/runs/$RUN_ID")
  status=$(printf '%s' "$run" | json_field status)
  epoch=$(printf '%s' "$run" | json_field epoch)
  if [ "$status" = RUNNING ] && [ "${epoch:-null}" != null ] && [ "$epoch" -ge 1 ]; then break; fi
  case "$status" in SUCCEEDED|FAILED|CANCELLED) echo "run ended before the kill: $run" >&2; exit 1 ;; esac
  sleep 1
done
if [ -n "$deciding" ]; then
  decide_loop &
  DECIDER=$!
  sleep "$DECIDE_S"
fi
epoch=$(api "$API/runs/$RUN_ID" | json_field epoch)
node=$(psql_owner -c "select executed_by from training_run where id = $RUN_ID")
log "run $RUN_ID RUNNING at epoch $epoch on node $node: kill -9 $APP_PID"
kill -9 "$APP_PID"
wait "$APP_PID" 2>/dev/null || true
APP_PID=""
if [ -n "$deciding" ]; then
  wait "$DECIDER" 2>/dev/null || true
  sent=$(wc -l <"$LOG_DIR/sent.txt")
  acked=$(wc -l <"$LOG_DIR/acked.txt")
  refused=$(wc -l <"$LOG_DIR/refused.txt")
  log "decisions sent: $sent, acknowledged (200) before the kill: $acked, refused: $refused"
fi
log "after the kill: run $(psql_owner -c "select status from training_run where id = $RUN_ID"),\
 jobs in scheduled_tasks: $(psql_owner -c "select count(*) from scheduled_tasks where task_instance = 'run-$RUN_ID'")"

start_app 2
restart_ms=$STARTUP_MS
after=$(psql_owner -c "select status || ' | ' || coalesce(executed_by, '') || ' | ' || coalesce(failure_reason, '') from training_run where id = $RUN_ID")
jobs=$(psql_owner -c "select count(*) from scheduled_tasks where task_instance = 'run-$RUN_ID'")
api_status=$(api "$API/runs/$RUN_ID" | json_field status)
cancel=$(api -o /dev/null -w '%{http_code}' -X POST "$API/runs/$RUN_ID/cancel")
retrain=$(api -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
  -d '{"epochs": 1, "folds": 0, "cleaningRounds": 0}' "$API/datasets/$DATASET_ID/runs")
if [ -n "$deciding" ]; then
  lost=$(lost_decisions)
  audited=$(psql_owner -c "select count(*) from audit_entry where dataset_id = $DATASET_ID")
  log "acknowledged decisions lost: $lost of $acked; audit rows of the dataset: $audited (sent: $sent)"
  decisions_row="| kill -9 during decisions ($sent sent, $acked acknowledged, $refused refused) | lost: $lost; audit rows $audited |"
else
  lost=0
  decisions_row="| kill -9 during decisions | waiting for the REST API's decision endpoint |"
fi
log "restart ready in ${restart_ms} ms"
log "run $RUN_ID after the restart: $after"
log "run $RUN_ID's jobs left in scheduled_tasks: $jobs; GET /runs/$RUN_ID status: $api_status"
log "cancel of the dead run: HTTP $cancel (409 expected); a new run: HTTP $retrain (202 expected)"
echo
echo "| fault | figure |"
echo "|---|---|"
echo "$decisions_row"
echo "| kill -9 during run $RUN_ID (epoch $epoch) | restart to ready: ${restart_ms} ms |"
echo "| dead run at start-up | ${after%% |*} before serving; jobs left: $jobs; cancel $cancel; new run $retrain |"
if [[ "$after" == FAILED* ]] && [ "$jobs" = 0 ] && [ "$retrain" = 202 ] && [ "$lost" = 0 ]; then
  if [ -n "$deciding" ]; then
    log "PASS: no acknowledged decision lost; the dead run was cleared at start"
  else
    log "PASS: the dead run was cleared at start (decisions not tested: no decision endpoint)"
  fi
else
  log "FAIL: decisions lost ($lost) or the dead run not cleared at start"; exit 1
fi
