#!/usr/bin/env bash
# A/B of the app's settings or builds on the benchmark's big database, to tell what one change buys when the
# machine's own speed moves by 20-50% between runs. Each variant is the jar started with its own options;
# the variants take turns, round after round, so that a machine that speeds up or slows down affects each alike.
# Per variant and round: start the app, and for each test sign its users in (bench/login.sh), warm up, then measure
# with wrk as bench/run.sh does; also the app's CPU per request (from /proc, user + system, during the measured
# window) and its RSS after the load.
#
# Usage: bench/ab.sh VARIANT...   where a VARIANT is "label option...": options starting with --  go to the app,
#        @path picks another jar, everything else goes to the JVM. For example:
#   bench/ab.sh "th40 --server.tomcat.threads.max=40" "th16 --server.tomcat.threads.max=16"
#   bench/ab.sh "before @/tmp/before.jar" "after"
# Env: TESTS ("queue"; any of queue flag analytics history submit), ROUNDS (3), WARMUP (20), DURATION (30), CONNS (32),
#      DB (aftercare_bench, made by bench/run.sh; submit adds reports to it); HEAP, JAVA_OPTS and PORT as in
#      bench/common.sh.
# Results: bench/results/ab-<stamp>/ (results.tsv, one row per variant, round and test; summary.md, the means and
# each round's figures; the machine; wrk's output).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
source bench/common.sh
TESTS=${TESTS:-queue} ROUNDS=${ROUNDS:-3} WARMUP=${WARMUP:-20} DURATION=${DURATION:-30} CONNS=${CONNS:-32}
DB=${DB:-aftercare_bench} PATIENTS=${PATIENTS:-400}
(($# >= 1)) || { sed -n '2,17p' "$0" >&2; exit 2; }
psql -d "$DB" -Atc 'select 1 from symptom_report limit 1' >/dev/null 2>&1 \
  || { echo "no benchmark database $DB: run bench/run.sh first (it makes it)" >&2; exit 1; }
OUT=$ROOT/bench/results/ab-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT"
ls target/aftercare-*.jar >/dev/null 2>&1 || ./mvnw -q -DskipTests package
DEFAULT_JAR=$(ls target/aftercare-*.jar | head -1)
{ echo "date: $(date -u)"; echo "commit: $(git rev-parse HEAD)"; echo "nproc: $(nproc)"; uname -a; uptime
  java -version 2>&1 | head -1; psql -Atc 'select version()'; echo "command: bench/ab.sh $(printf "%q " "$@")"
  echo "TESTS=$TESTS ROUNDS=$ROUNDS WARMUP=$WARMUP DURATION=$DURATION CONNS=$CONNS DB=$DB HEAP=$HEAP"; } >"$OUT/machine.txt"
printf 'variant\tround\ttest\trps\tp50_ms\tp99_ms\terrors\tapp_cpu_ms_per_request\trss_mib\n' >"$OUT/results.tsv"
start_smtp_sink
trap '[[ -n $APP_PID ]] && kill "$APP_PID" 2>/dev/null; kill "$SMTP_PID" 2>/dev/null; true' EXIT
log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$OUT/ab.log" >&2; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; }

users() { # test -> "email<TAB>path" lines (clinicians and patients: bench/common.sh)
  case $1 in
    queue) clinicians "$DB" /clinician/flags ;;
    flag) clinicians "$DB" /clinician/flags/FLAG ;;
    analytics) clinicians "$DB" /clinician/analytics ;;
    history) patients /me "$PATIENTS" ;;
    submit) patients /me/reports "$PATIENTS" ;;
    *) echo "unknown test $1" >&2; exit 2 ;;
  esac
}

one_round() { # variant, round
  local label=${1%% *} jar=$DEFAULT_JAR jvm=() app=() opt
  [[ $1 == *' '* ]] && for opt in ${1#* }; do
    case $opt in --*) app+=("$opt") ;; @*) jar=${opt#@} ;; *) jvm+=("$opt") ;; esac
  done
  launch_app "$jar" "$DB" "$OUT/app-$label.log" "${jvm[@]}" -- "${app[@]}"
  await_login || { log "$label did not start, see $OUT/app-$label.log"; exit 1; }
  local test sessions expect lua before after json
  for test in $TESTS; do
    sessions=$OUT/s-$test.tsv
    users "$test" >"$OUT/users.tsv"
    sign_in "$OUT/users.tsv" "$sessions"
    expect=200 lua=get.lua
    [[ $test == submit ]] && expect=302 lua=submit.lua
    export BENCH_SESSIONS=$sessions BENCH_EXPECT=$expect BENCH_THREADS=2 BENCH_LUA_DIR=$ROOT/bench/lua
    wrk -t2 -c"$CONNS" -d"${WARMUP}s" --timeout 10s --latency -s "bench/lua/$lua" "$BASE" >/dev/null 2>&1
    before=$(cpu_ticks)
    wrk -t2 -c"$CONNS" -d"${DURATION}s" --timeout 10s --latency -s "bench/lua/$lua" "$BASE" \
      >"$OUT/wrk-$label-$2-$test.txt" 2>&1
    after=$(cpu_ticks)
    json=$(grep '^RESULT ' "$OUT/wrk-$label-$2-$test.txt" | sed 's/^RESULT //')
    [[ -n $json ]] || { log "no result from wrk, see $OUT/wrk-$label-$2-$test.txt"; exit 1; }
    python3 - "$json" "$label" "$2" "$test" "$before" "$after" "$(getconf CLK_TCK)" "$(ps -o rss= -p "$APP_PID")" \
      >>"$OUT/results.tsv" <<'EOF'
import json, sys
r = json.loads(sys.argv[1]); label, rnd, test = sys.argv[2:5]
ticks = int(sys.argv[6]) - int(sys.argv[5]); hz = int(sys.argv[7]); rss = int(sys.argv[8])
errors = r["non2xx3xx"] + r["unexpected"] + r["socket_errors"]
cpu = ticks * 1000 / hz / r["requests"] if r["requests"] else 0
print(f'{label}\t{rnd}\t{test}\t{r["rps"]:.1f}\t{r["p50_ms"]:.1f}\t{r["p99_ms"]:.1f}\t{errors}\t{cpu:.2f}\t{rss / 1024:.0f}')
EOF
    log "$(tail -1 "$OUT/results.tsv")"
  done
  stop_app
}

log "A/B on $DB: ${#} variants, $ROUNDS rounds, tests: $TESTS -> $OUT"
for round in $(seq 1 "$ROUNDS"); do
  for variant in "$@"; do one_round "$variant" "$round"; done
done
rm -f "$OUT"/s-*.tsv "$OUT/users.tsv"   # the session cookies stay out of the results

python3 - "$OUT/results.tsv" >"$OUT/summary.md" <<'EOF'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
print("| test | variant | rounds | req/s mean (each round) | p50 ms mean | p99 ms mean (each round) | app CPU ms/request | errors | RSS MiB (last) |")
print("|---|---|---:|---|---:|---|---:|---:|---:|")
order = list(dict.fromkeys(r["variant"] for r in rows))
for test in dict.fromkeys(r["test"] for r in rows):
    for v in order:
        rs = [r for r in rows if r["test"] == test and r["variant"] == v]
        f = lambda k: [float(r[k]) for r in rs]
        print(f'| {test} | {v} | {len(rs)} | {statistics.mean(f("rps")):.1f} ({", ".join(r["rps"] for r in rs)}) | '
              f'{statistics.mean(f("p50_ms")):.1f} | {statistics.mean(f("p99_ms")):.1f} ({", ".join(r["p99_ms"] for r in rs)}) | '
              f'{statistics.mean(f("app_cpu_ms_per_request")):.2f} | {int(sum(f("errors")))} | {rs[-1]["rss_mib"]} |')
EOF
cat "$OUT/summary.md"
