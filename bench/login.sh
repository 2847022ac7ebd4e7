#!/usr/bin/env bash
# Signs users in like a browser and prints one sessions line per user for the Lua scripts:
#   "<Cookie header>\t<_csrf token>\t<path>"
# Input (stdin): "email<TAB>path" lines. For each: GET /login (session cookie + the form's _csrf hidden input),
# POST email/password/_csrf, then GET the path that gives a CSRF token for the signed-in session (/me/reports/new
# for patients, whose token the submit needs; the target path itself for staff) and check it is served (200).
# Usage: bench/login.sh BASE_URL PASSWORD < users.tsv > sessions.tsv
set -euo pipefail
base=$1 password=$2
one() {
  local email=$1 path=$2 jar csrf page token code
  jar=$(mktemp)
  page=$(curl -s -c "$jar" -b "$jar" "$base/login")
  csrf=$(grep -o 'name="_csrf" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//;s/"$//')
  code=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" \
    --data-urlencode "email=$email" --data-urlencode "password=$password" --data-urlencode "_csrf=$csrf" \
    "$base/login")
  case $code in 302*/login*|2*) echo "login failed for $email: $code" >&2; rm -f "$jar"; return 1 ;; esac
  local probe=$path
  case $email in patient*) probe=/me/reports/new ;; esac
  page=$(curl -s -w '\n%{http_code}' -c "$jar" -b "$jar" "$base$probe")
  [[ ${page##*$'\n'} == 200 ]] || { echo "GET $probe as $email: ${page##*$'\n'}" >&2; rm -f "$jar"; return 1; }
  token=$(grep -o 'name="_csrf" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//;s/"$//')
  cookie=$(awk '$6 == "SESSION" { print "SESSION=" $7 }' "$jar")
  rm -f "$jar"
  [[ -n $cookie ]] || { echo "no SESSION cookie for $email" >&2; return 1; }
  printf '%s\t%s\t%s\n' "$cookie" "$token" "$path"
}
export -f one
export base password
# Argon2id costs ~19 MiB and tens of ms per login: two at a time on two cores.
tr '\t' ' ' | xargs -P 2 -L 1 bash -c 'one "$0" "$1"'
