#!/usr/bin/env bash
# Aftercare benchmark, one command: builds the jar, generates the two databases (2,000,000 and 10,000
# reports), measures the pgbench limits, drives the app with wrk as real signed-in users, replays each request's
# own SQL with pgbench (the ceilings, bench/ceiling.py), saves EXPLAIN (ANALYZE, BUFFERS) of the dashboard queries,
# and puts a dated section at the top of docs/benchmarks.md.
#
#   bench/run.sh                       # everything (about 23 minutes on 2 cores)
#   WARMUP=3 DURATION=5 bench/run.sh   # a quick smoke run of the same steps
#
# Needs: PostgreSQL on PGHOST:PGPORT (user postgres), pgbench and psql, wrk (apt-get install -y wrk), python3,
# curl. The app connects as its own role APP_DB_USER (default aftercare_app, created here if missing) and
# Flyway as PGUSER, the owner. Settings (environment): PGHOST PGPORT PGUSER, APP_DB_USER, HEAP (default 160m), WARMUP / DURATION (seconds, default
# 30 / 30), CONNS (default 32), REGENERATE (1: regenerate both databases, default; 0: reuse them), PORT (18080),
# JOBS_START_DELAY (PT2H: the clock jobs' first run, after the measured window), PG_LOG, CEILING_REQUESTS (32),
# CEILING_SECONDS (30), LOCAL_PORT (18090: the local run's start).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# PG*, APP_DB_USER / APP_DB_PASSWORD, HEAP, JAVA_OPTS, PORT, JOBS_START_DELAY, the app's start: bench/common.sh.
source bench/common.sh
PROFILE=${PROFILE:-1}
PATIENTS=${PATIENTS:-400}
WARMUP=${WARMUP:-30}
DURATION=${DURATION:-30}
CONNS=${CONNS:-32}
REGENERATE=${REGENERATE:-1}
# The ceilings (bench/ceiling.py): PostgreSQL's log, where the app's statements are captured, and how many requests
# of each kind are replayed, for how long.
PG_LOG=${PG_LOG:-$(ls /var/log/postgresql/postgresql-*-main.log 2>/dev/null | head -1)}
CEILING_REQUESTS=${CEILING_REQUESTS:-32}
CEILING_SECONDS=${CEILING_SECONDS:-30}
DB_BIG=aftercare_bench DB_SMALL=aftercare_bench_small DB_LIMITS=aftercare_bench_limits
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$ROOT/bench/results/$STAMP
mkdir -p "$OUT"
RESULTS=$OUT/results.jsonl
: >"$RESULTS"
STATEMENT_LOG=

log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$OUT/run.log" >&2; }
record() { echo "$1" >>"$RESULTS"; }
statement_log() { # on | off: every statement logged with its parameters, on the whole server
  if [[ $1 == on ]]; then
    psql -d postgres -q -c "ALTER SYSTEM SET log_min_duration_statement = 0" -c "SELECT pg_reload_conf()" >/dev/null
    STATEMENT_LOG=on
  else
    psql -d postgres -q -c "ALTER SYSTEM RESET log_min_duration_statement" -c "SELECT pg_reload_conf()" >/dev/null
    STATEMENT_LOG=
  fi
  sleep 1
}
cleanup() {
  [[ -n $STATEMENT_LOG ]] && statement_log off || true
  [[ -n $APP_PID ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [[ -n $SMTP_PID ]] && kill "$SMTP_PID" 2>/dev/null || true
}
trap cleanup EXIT

command -v wrk >/dev/null || { log "installing wrk"; apt-get install -y wrk >/dev/null || { apt-get update -q >/dev/null && apt-get install -y wrk >/dev/null; }; }

# --- the machine, and who else is using it -------------------------------------------------------------------
{
  echo "nproc: $(nproc)"; free -h; uname -a; uptime
  echo "--- top"; top -bn1 | head -20
  echo "--- postgres"; psql -d postgres -Atc 'select version()'; psql -d postgres -Atc 'show shared_buffers'
  echo "--- java"; java -version 2>&1; wrk --version 2>&1 | head -1 || true
} >"$OUT/machine.txt" 2>&1
record "{\"kind\":\"meta\",\"stamp\":\"$STAMP\",\"commit\":\"$(git rev-parse HEAD)\",\"heap\":\"$HEAP\",\"java_opts\":\"$JAVA_OPTS MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX\",\"warmup\":$WARMUP,\"duration\":$DURATION,\"conns\":$CONNS,\"jobs_start_delay\":\"$JOBS_START_DELAY\"}"
load_check() { record "{\"kind\":\"load\",\"at\":\"$1\",\"uptime\":\"$(uptime | sed 's/.*load average: //')\",\"top\":\"$(top -bn1 | sed -n '8,12p' | awk '{print $12":"$9"%"}' | tr '\n' ' ')\"}"; }
load_check start

psql -d postgres -v ON_ERROR_STOP=1 -q -v app_user="$APP_DB_USER" -v app_password="$APP_DB_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE',
              :'app_user', :'app_password')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app_user') \gexec
SQL

# --- build ---------------------------------------------------------------------------------------------------
log "build"
./mvnw -q -DskipTests package >"$OUT/build.log" 2>&1
JAR=$(ls "$ROOT"/target/aftercare-*.jar | grep -v original | head -1)
LIB=$OUT/lib
mkdir -p "$LIB" && (cd "$LIB" && unzip -q -o "$JAR" 'BOOT-INF/lib/*')
HASH=$(java -cp "$LIB/BOOT-INF/lib/*" "$ROOT/bench/PasswordHash.java" "$PASSWORD")
rm -rf "$LIB"

start_smtp_sink

start_app() { # db, extra JVM options...
  local db=$1; shift
  local t0; t0=$(date +%s.%N)
  launch_app "$JAR" "$db" "$OUT/app-$db.log" "$@"
  local up=0; await_login || up=$?
  case $up in
    0) local s; s=$(printf '%.3f' "$(echo "$(date +%s.%N) - $t0" | bc)")
       log "app on $db serves /login after ${s}s"
       record "{\"kind\":\"startup\",\"db\":\"$db\",\"login_page_s\":$s}" ;;
    1) log "app died, see $OUT/app-$db.log"; exit 1 ;;
    *) log "app did not start within a minute, see $OUT/app-$db.log"; exit 1 ;;
  esac
}

# --- data ----------------------------------------------------------------------------------------------------
if [[ $REGENERATE == 1 ]]; then
  for pair in "$DB_SMALL:1000" "$DB_BIG:200000"; do
    db=${pair%%:*} np=${pair##*:}
    psql -d postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
    start_app "$db"   # Flyway migrates the empty database
    stop_app
    log "generate $db (np=$np)"
    t0=$(date +%s.%N)
    psql -d "$db" -q -v np="$np" -v hash="'$HASH'" -f bench/generate.sql >"$OUT/generate-$db.log" 2>&1
    s=$(printf '%.3f' "$(echo "$(date +%s.%N) - $t0" | bc)")
    counts=$(psql -d "$db" -Atc "select json_build_object('reports',(select count(*) from symptom_report),'entries',(select count(*) from symptom_entry),'patients',(select count(*) from patient),'treatments',(select count(*) from treatment),'areas',(select count(*) from treatment_area),'check_ins',(select count(*) from check_in),'flags',(select count(*) from flag),'open_flags',(select count(*) from flag where status<>'RESOLVED'),'emergency_flags',(select count(*) from flag where priority='EMERGENCY'),'flagged_reports',(select count(distinct report_id) from flag_evidence),'db_size',pg_size_pretty(pg_database_size('$db')))")
    record "{\"kind\":\"generate\",\"db\":\"$db\",\"seconds\":$s,\"counts\":$counts}"
    log "generated $db in ${s}s: $counts"
  done
fi

# --- pgbench limits ------------------------------------------------------------------------------------------
limits() { # label
  psql -d postgres -qc "DROP DATABASE IF EXISTS $DB_LIMITS" -c "CREATE DATABASE $DB_LIMITS"
  psql -d "$DB_LIMITS" -q -f bench/pgbench/setup.sql >/dev/null
  for kind in insert page; do
    pgbench -n -M prepared -c 8 -j 2 -T "${LIMIT_SECONDS:-30}" -f "bench/pgbench/$kind.sql" "$DB_LIMITS" >"$OUT/pgbench-$kind-$1.txt" 2>&1
    tps=$(grep -oP 'tps = \K[0-9.]+' "$OUT/pgbench-$kind-$1.txt" | head -1)
    lat=$(grep -oP 'latency average = \K[0-9.]+' "$OUT/pgbench-$kind-$1.txt" | head -1)
    record "{\"kind\":\"limit\",\"what\":\"$kind\",\"when\":\"$1\",\"tps\":$tps,\"latency_ms\":$lat}"
    log "pgbench $kind ($1): $tps tps"
  done
  psql -d postgres -qc "DROP DATABASE IF EXISTS $DB_LIMITS"
}
load_check before-limits
limits before

# The users (clinicians, patients) and their sign-in (sign_in) are in bench/common.sh.
drive() { # db, name, lua, expect, conns, sessions-file
  local db=$1 name=$2 lua=$3 expect=$4 conns=$5 sessions=$6
  local before after
  export BENCH_SESSIONS=$sessions BENCH_EXPECT=$expect BENCH_THREADS=2 BENCH_LUA_DIR=$ROOT/bench/lua
  log "$name on $db: warm-up ${WARMUP}s, then ${DURATION}s at $conns connections"
  wrk -t2 -c"$conns" -d"${WARMUP}s" --timeout 10s --latency -s "bench/lua/$lua" "$BASE" >"$OUT/wrk-$db-$name-warmup.txt" 2>&1
  before=$(psql -d "$db" -Atc "select xact_commit + xact_rollback from pg_stat_database where datname = current_database()")
  wrk -t2 -c"$conns" -d"${DURATION}s" --timeout 10s --latency -s "bench/lua/$lua" "$BASE" >"$OUT/wrk-$db-$name.txt" 2>&1
  after=$(psql -d "$db" -Atc "select xact_commit + xact_rollback from pg_stat_database where datname = current_database()")
  local json; json=$(grep '^RESULT ' "$OUT/wrk-$db-$name.txt" | sed 's/^RESULT //')
  [[ -n $json ]] || { log "no result from wrk, see $OUT/wrk-$db-$name.txt"; exit 1; }
  record "{\"kind\":\"app\",\"db\":\"$db\",\"name\":\"$name\",\"conns\":$conns,\"xacts\":$((after - before)),\"wrk\":$json}"
  log "$name: $json"
}

# --- ceilings: each request's own SQL, replayed by pgbench with no app at all ---------------------------------
# With every statement logged, CEILING_REQUESTS requests of each page are made by their signed-in users (curl; the
# submits by wrk on one connection, in a row), and bench/ceiling.py turns each request's logged statements into a
# pgbench script. pgbench then runs them all (a random one per transaction) as the app's role, -c 8 -j 2: the rate
# the database alone allows each request, an upper bound for the app's.
ceilings() { # db
  local db=$1 dir=$OUT/ceiling who="$APP_DB_USER@$1" name n k from to cookie path
  if [[ ! -r $PG_LOG ]]; then
    log "no readable PostgreSQL log (set PG_LOG): ceilings skipped"
    return 0
  fi
  mkdir -p "$dir"
  statement_log on
  for name in queue flag history; do
    n=0
    while IFS=$'\t' read -r cookie _ path && ((n < CEILING_REQUESTS)); do
      from=$(stat -c %s "$PG_LOG")
      curl -sf -o /dev/null -b "$cookie" "$BASE$path" || continue
      sleep 0.2
      to=$(stat -c %s "$PG_LOG")
      python3 bench/ceiling.py "$PG_LOG" "$from" "$db" --to "$to" --who "$who" >"$dir/$name-$n.sql" && n=$((n + 1))
    done <"$OUT/s-$name.tsv"
  done
  from=$(stat -c %s "$PG_LOG")
  BENCH_SESSIONS=$OUT/s-submit.tsv BENCH_EXPECT=302 BENCH_THREADS=1 BENCH_LUA_DIR=$ROOT/bench/lua \
    wrk -t1 -c1 -d3s -s bench/lua/submit.lua "$BASE" >"$dir/wrk-submit.txt" 2>&1
  sleep 0.5
  to=$(stat -c %s "$PG_LOG")
  statement_log off
  n=0 k=0
  while ((n < CEILING_REQUESTS)); do
    local rc=0
    python3 bench/ceiling.py "$PG_LOG" "$from" "$db" --to "$to" --who "$who" --segment "$k" --rollback \
      >"$dir/submit-$n.sql" 2>"$dir/submit-$n.err" || rc=$?
    case $rc in 0) n=$((n + 1)) ;; 3) ;; *) break ;; esac
    k=$((k + 1))
  done
  rm -f "$dir"/*.err "$dir/submit-$n.sql"
  for name in queue flag history submit; do
    local scripts=() f tps
    for f in "$dir/$name"-*.sql; do [[ -s $f ]] && scripts+=(-f "$f"); done
    if ((${#scripts[@]} == 0)); then
      log "ceiling $name: no request captured"
      continue
    fi
    # A replay that fails is reported (its errors stay in ceiling-<name>.txt); it does not end the run.
    PGPASSWORD=$APP_DB_PASSWORD pgbench -U "$APP_DB_USER" -n -M prepared -c 8 -j 2 -T "$CEILING_SECONDS" \
      "${scripts[@]}" "$db" >"$OUT/ceiling-$name.txt" 2>&1 || log "ceiling $name: pgbench failed, see ceiling-$name.txt"
    tps=$(grep -oP 'tps = \K[0-9.]+' "$OUT/ceiling-$name.txt" | head -1 || true)
    local failed; failed=$(grep -oP 'number of failed transactions: \K[0-9]+' "$OUT/ceiling-$name.txt" | head -1 || true)
    local aborted; aborted=$(grep -c 'aborted' "$OUT/ceiling-$name.txt" || true)
    record "{\"kind\":\"ceiling\",\"what\":\"$name\",\"requests\":$((${#scripts[@]} / 2)),\"tps\":${tps:-0},\"failed\":$((${failed:-0} + ${aborted:-0}))}"
    log "ceiling $name ($((${#scripts[@]} / 2)) requests): ${tps:-?} tps"
  done
}

run_db() { # db, which tests
  local db=$1 tests=$2
  local jfr=()
  # The JFR recording runs on the small database's run, so that the big run's RSS (the goal) is the
  # process as production runs it, without JFR's buffers.
  [[ $db == "$DB_SMALL" && $PROFILE == 1 ]] && jfr=(-XX:StartFlightRecording=filename="$OUT/app-$db.jfr",settings=profile,dumponexit=true)
  start_app "$db" "${jfr[@]}"
  record "{\"kind\":\"rss\",\"db\":\"$db\",\"when\":\"started\",\"rss_kib\":$(ps -o rss= -p "$APP_PID")}"
  for test in $tests; do
    # Each test signs its users in afresh (staff sessions end after 15 idle minutes).
    case $test in
      queue) clinicians "$db" /clinician/flags >"$OUT/users.tsv"; sign_in "$OUT/users.tsv" "$OUT/s-queue.tsv"
             drive "$db" queue get.lua 200 "$CONNS" "$OUT/s-queue.tsv" ;;
      flag) clinicians "$db" /clinician/flags/FLAG >"$OUT/users.tsv"; sign_in "$OUT/users.tsv" "$OUT/s-flag.tsv"
            drive "$db" flag get.lua 200 "$CONNS" "$OUT/s-flag.tsv" ;;
      analytics) clinicians "$db" /clinician/analytics >"$OUT/users.tsv"; sign_in "$OUT/users.tsv" "$OUT/s-analytics.tsv"
                 drive "$db" analytics get.lua 200 8 "$OUT/s-analytics.tsv" ;;
      history) patients /me "$PATIENTS" >"$OUT/users.tsv"; sign_in "$OUT/users.tsv" "$OUT/s-history.tsv"
               drive "$db" history get.lua 200 "$CONNS" "$OUT/s-history.tsv" ;;
      submit) patients /me/reports "$PATIENTS" >"$OUT/users.tsv"; sign_in "$OUT/users.tsv" "$OUT/s-submit.tsv"
              drive "$db" submit submit.lua 302 "$CONNS" "$OUT/s-submit.tsv" ;;
    esac
  done
  local rss; rss=$(ps -o rss= -p "$APP_PID")
  record "{\"kind\":\"rss\",\"db\":\"$db\",\"when\":\"after load\",\"rss_kib\":$rss}"
  log "RSS after load on $db: $rss KiB"
  [[ $db == "$DB_BIG" ]] && ceilings "$db"
  stop_app
}

load_check before-app
run_db "$DB_BIG" "queue flag analytics history submit"
load_check between
run_db "$DB_SMALL" "queue submit"

load_check before-limits-2
limits after

# --- the local run's start (the goal: the local run command serves the login page within 15 s) -------
# A fresh clone of this commit, `./mvnw -q spring-boot:test-run` in it (which compiles first), timed to the first
# /login served; then a second start of the same clone (its database already made and seeded).
LOCAL_PORT=${LOCAL_PORT:-18090}
local_start() { # clone dir -> prints seconds to /login (nothing if it did not come up in 2 minutes)
  local dir=$1 t0 pid s=
  t0=$(date +%s.%N)
  (cd "$dir" && PORT=$LOCAL_PORT exec ./mvnw -q spring-boot:test-run) >>"$OUT/local-run.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1200); do
    if curl -sf -o /dev/null "http://127.0.0.1:$LOCAL_PORT/login"; then
      s=$(printf '%.3f' "$(echo "$(date +%s.%N) - $t0" | bc)")
      break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  sleep 3  # the demo data is seeded once the app has started: let it finish before stopping
  pkill -f -- "$dir/target/" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  sleep 2
  echo "$s"
}
CLONE=$(mktemp -d)
git clone -q "$ROOT" "$CLONE/aftercare"
first=$(local_start "$CLONE/aftercare")
second=$(local_start "$CLONE/aftercare")
rm -rf "$CLONE"
record "{\"kind\":\"localrun\",\"first_s\":${first:-null},\"second_s\":${second:-null}}"
log "local run: /login after ${first:-?} s from a fresh clone, ${second:-?} s on the next start"

# --- EXPLAIN and the profile ---------------------------------------------------------------------------------
log "explain"
# As the app role, in clinic 1's scope (the file sets it): the plans the app gets under row-level security.
psql -U "$APP_DB_USER" -d "$DB_BIG" -f bench/explain.sql >"$OUT/explain.txt" 2>&1
if [[ -f $OUT/app-$DB_SMALL.jfr ]]; then
  jfr print --stack-depth 128 --events jdk.ExecutionSample "$OUT/app-$DB_SMALL.jfr" 2>/dev/null \
    | python3 bench/jfr_top.py - >"$OUT/profile.txt" || true
fi
load_check end

python3 bench/report.py "$OUT" "$ROOT/docs/benchmarks.md"
log "done: $OUT and docs/benchmarks.md"
