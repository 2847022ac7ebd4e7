# Settings and the app's start, shared by bench/run.sh and bench/ab.sh (sourced from the project root).
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
# The app's login role: owns nothing, no superuser, no BYPASSRLS, so row-level security applies to it as in
# production (the bench server trusts local connections; the password is for form's sake).
APP_DB_USER=${APP_DB_USER:-aftercare_app}
APP_DB_PASSWORD=${APP_DB_PASSWORD:-aftercare-app-bench}
HEAP=${HEAP:-160m}
# The JVM beside the heap: a serial collector (what the JVM picks itself on a small container), bounded metaspace
# and code cache, smaller thread stacks, and two malloc arenas: the RSS goal is about all of it, not the heap.
JAVA_OPTS=${JAVA_OPTS:--XX:+UseSerialGC -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m -Xss512k}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
PORT=${PORT:-18080}
BASE=http://127.0.0.1:$PORT
# The generated database carries a backlog the clock jobs would work off in a live clinic's first hours (thousands
# of overdue flags to escalate, each with its e-mail; tens of thousands of ongoing headaches for R6): their first run
# is put after the measured window, so that it measures the pages, not the backlog.
JOBS_START_DELAY=${JOBS_START_DELAY:-PT2H}
# Every generated user's password (bench/generate.sql stores its hash).
PASSWORD='Bench-Aftercare-2024!'
APP_PID= SMTP_PID=

# An SMTP sink, so that the flags' alert e-mails are really sent (and not retried) during a run.
start_smtp_sink() {
  python3 -W ignore -m smtpd -n -c DebuggingServer 127.0.0.1:2525 >/dev/null 2>&1 &
  SMTP_PID=$!
}

# Starts the jar against a database in the background (APP_PID): JVM options, then "--" and the app's own options.
launch_app() { # jar, db, log file, [JVM option...] [-- app option...]
  local jar=$1 db=$2 logfile=$3 jvm=() app=()
  shift 3
  while (($#)); do
    [[ $1 == -- ]] && { shift; app=("$@"); break; }
    jvm+=("$1"); shift
  done
  # shellcheck disable=SC2086
  java -Xmx"$HEAP" $JAVA_OPTS "${jvm[@]}" -jar "$jar" --server.port="$PORT" \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$db" --spring.datasource.username="$APP_DB_USER" \
    --spring.datasource.password="$APP_DB_PASSWORD" --spring.flyway.user="$PGUSER" --spring.flyway.password= \
    --spring.flyway.placeholders.app_role="$APP_DB_USER" \
    --spring.mail.host=127.0.0.1 --spring.mail.port=2525 --aftercare.jobs.start-delay="$JOBS_START_DELAY" \
    "${app[@]}" >>"$logfile" 2>&1 &
  APP_PID=$!
}

# Waits for the app to serve /login: 0 once it does, 1 if it died, 2 if it did not within a minute.
await_login() {
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "$BASE/login" && return 0
    kill -0 "$APP_PID" 2>/dev/null || return 1
    sleep 0.1
  done
  return 2
}

stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=; }

# --- users ---------------------------------------------------------------------------------------------------
# Clinicians of clinics 1..CONNS (one per connection), each on its own path; patients 1..PATIENTS (default 400,
# spread over all 100 clinics, each with a fresh episode) for history and submit: many more than connections, so
# that no patient has two requests in flight at once.
clinicians() { # db, path template (FLAG = an open flag of that clinician's clinic)
  local db=$1 tpl=$2
  psql -d "$db" -AtF $'\t' -c "
    SELECT 'clinician' || c || '@bench.invalid',
           replace('$tpl', 'FLAG', coalesce((SELECT id::text FROM flag f WHERE f.clinic_id = md5('clinic' || c)::uuid
                                               AND f.status <> 'RESOLVED' ORDER BY priority_rank, raised_at LIMIT 1), 'none'))
      FROM generate_series(1, $CONNS) c"
}
patients() { # path, how many
  seq 1 "$2" | awk -v p="$1" '{ printf "patient%d@bench.invalid\t%s\n", $1, p }'
}

# Signs the users in (bench/login.sh); all of them, or the run stops (each script defines its own log).
sign_in() { # users file -> sessions file
  bench/login.sh "$BASE" "$PASSWORD" <"$1" >"$2"
  local want got; want=$(wc -l <"$1"); got=$(wc -l <"$2")
  [[ $want == "$got" ]] || { log "signed in $got of $want users"; exit 1; }
}
