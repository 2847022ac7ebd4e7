#!/usr/bin/env python3
"""Turns one run's results (bench/results/STAMP) into docs/benchmarks.md, replacing the previous
run: the page holds the latest run only."""
import json
import pathlib
import sys

out = pathlib.Path(sys.argv[1])
doc = pathlib.Path(sys.argv[2])
rows = [json.loads(line) for line in (out / 'results.jsonl').read_text().splitlines() if line.strip()]
meta = next(r for r in rows if r['kind'] == 'meta')
BIG, SMALL = 'aftercare_bench', 'aftercare_bench_small'


def app(db, name):
    return next((r for r in rows if r['kind'] == 'app' and r['db'] == db and r['name'] == name), None)


limits = {}
for what in ('insert', 'page'):
    tps = [r['tps'] for r in rows if r['kind'] == 'limit' and r['what'] == what]
    limits[what] = sum(tps) / len(tps) if tps else None


def read(name):
    p = out / name
    return p.read_text(errors='replace').rstrip() if p.exists() else '(not produced)'


L = []
w = L.append
w(f"## Run {meta['stamp']} (commit `{meta['commit'][:12]}`)")
w('')
w(f"- Commit: `{meta['commit']}`")
w(f"- Command: `bench/run.sh` (WARMUP={meta['warmup']} DURATION={meta['duration']} CONNS={meta['conns']} "
  f"HEAP={meta['heap']}); app started as `java -Xmx{meta['heap']} {meta.get('java_opts', '')} -jar target/aftercare-*.jar "
  f"--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/<db> --aftercare.jobs.start-delay={meta.get('jobs_start_delay', 'PT2H')} ...` (JFR `profile` recording on for the "
  f"10,000-report run only, so that the 2,000,000-report RSS is measured without it); wrk `-t2 -c<conns> --latency`, {meta['warmup']} s warm-up then {meta['duration']} s "
  f"measured, `--timeout 10s`; pgbench `-n -M prepared -c 8 -j 2 -T 30`.")
w('- Machine:')
w('')
w('```')
w(read('machine.txt'))
w('```')
w('')
w('- Load on the machine during the run (load average 1/5/15 min; busiest processes from `top -bn1`):')
w('')
for r in rows:
    if r['kind'] == 'load':
        w(f"  - {r['at']}: load {r['uptime']}; {r['top']}")
w('')

w('### Data')
w('')
for r in rows:
    if r['kind'] == 'generate':
        c = r['counts']
        w(f"- `{r['db']}` generated in {r['seconds']:.0f} s: {c['reports']:,} reports, {c['entries']:,} entries, "
          f"{c['patients']:,} patients, {c['treatments']:,} treatments, {c['areas']:,} areas, "
          f"{c['check_ins']:,} check-ins, {c['flags']:,} flags ({c['open_flags']:,} open or acknowledged, "
          f"{c['emergency_flags']:,} EMERGENCY), {c['flagged_reports']:,} flagged reports "
          f"({100.0 * c['flagged_reports'] / max(1, c['reports']):.1f}%), database {c['db_size']}")
for r in rows:
    if r['kind'] == 'startup':
        w(f"- App start to `/login` served ({r['db']}): {r['login_page_s']:.1f} s")
w('')

w('### Limits (pgbench, same server)')
w('')
w('| limit | when | TPS | mean latency ms |')
w('|---|---|---:|---:|')
for r in rows:
    if r['kind'] == 'limit':
        w(f"| {r['what']} | {r['when']} | {r['tps']:,.0f} | {r['latency_ms']} |")
w(f"| insert (mean, used for ratios) | | {limits['insert'] or 0:,.0f} | |")
w(f"| page (mean, used for ratios) | | {limits['page'] or 0:,.0f} | |")
w('')

w('### App (security on, real signed-in users)')
w('')
w('| database | page | conns | req/s | ratio to limit | p50 ms | p90 ms | p99 ms | max ms | non-2xx/3xx | '
  'unexpected status | socket errors | DB transactions/request |')
w('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
names = {'queue': 'GET /clinician/flags', 'flag': 'GET /clinician/flags/{id}', 'analytics': 'GET /clinician/analytics',
         'history': 'GET /me', 'submit': 'POST /me/reports'}
for r in rows:
    if r['kind'] != 'app':
        continue
    x = r['wrk']
    limit = limits['insert'] if r['name'] == 'submit' else limits['page']
    ratio = f"{100.0 * x['rps'] / limit:.1f}% of {'insert' if r['name'] == 'submit' else 'page'}" if limit else '-'
    w(f"| {r['db']} | {names[r['name']]} | {r['conns']} | {x['rps']:,.1f} | {ratio} | {x['p50_ms']:.1f} | "
      f"{x['p90_ms']:.1f} | {x['p99_ms']:.1f} | {x['max_ms']:.1f} | {x['non2xx3xx']} | {x['unexpected']} | "
      f"{x['socket_errors']} | {r['xacts'] / max(1, x['requests']):.2f} |")
w('')
for r in rows:
    if r['kind'] == 'app' and r['wrk'].get('unexpected_sample'):
        w(f"- unexpected responses on {r['db']} {r['name']}: `{r['wrk']['unexpected_sample'][:300]}`")
for r in rows:
    if r['kind'] == 'rss':
        w(f"- RSS {r['when']} ({r['db']}): {r['rss_kib'] / 1024:.0f} MiB (heap -Xmx{meta['heap']})")
w('')

ceilings = [r for r in rows if r['kind'] == 'ceiling']
if ceilings:
    w('### Ceilings: each request\'s own SQL replayed by pgbench, no app (bench/ceiling.py, 2,000,000 reports)')
    w('')
    w('The statements the app sent for each of the captured requests (PostgreSQL\'s statement log), their parameters '
      'written in as literals, replayed by pgbench as the app\'s role (row-level security on), `-M prepared -c 8 -j 2`, '
      'one captured request chosen at random per transaction. An upper bound for the page: no Java, no HTTP, every '
      'statement planned once for its values; the submit ends in `ROLLBACK`, so it skips its commit\'s WAL flush. '
      'No page can serve a larger share of its limit than its ceiling does: a goal above the ceiling\'s share cannot be met while the page sends these statements.')
    w('')
    w('| request | captured requests | ceiling TPS | ceiling as share of its limit | goal | the app\'s req/s as share of the ceiling | failed or aborted |')
    w('|---|---:|---:|---:|---:|---:|---:|')
    goals = {'queue': 10, 'flag': 8, 'history': 8, 'submit': 25}
    for r in ceilings:
        kind = 'insert' if r['what'] == 'submit' else 'page'
        limit = limits[kind]
        share = f"{100.0 * r['tps'] / limit:.1f}% of {kind}" if limit else '-'
        a = app(BIG, r['what'])
        of_ceiling = f"{100.0 * a['wrk']['rps'] / r['tps']:.0f}%" if a and r['tps'] else '-'
        w(f"| {names[r['what']]} | {r['requests']} | {r['tps']:,.0f} | {share} | {goals[r['what']]}% | {of_ceiling} | "
          f"{r['failed']} |")
    w('')

w('### Goals')
w('')
w('| goal | measured | met |')
w('|---|---|---|')


def goal(text, measured, ok):
    w(f"| {text} | {measured} | {'yes' if ok else 'NO'} |")


def pct(db, name, limit):
    r = app(db, name)
    return (100.0 * r['wrk']['rps'] / limit) if r and limit else None


s = pct(BIG, 'submit', limits['insert'])
if s is not None:
    goal('submit >= 25% of the insert limit', f'{s:.1f}%', s >= 25)
q = app(BIG, 'queue')
if q:
    qp = pct(BIG, 'queue', limits['page'])
    goal('queue >= 10% of the page limit', f'{qp:.1f}%', qp >= 10)
    goal(f"queue p99 < 100 ms at 32 connections (ran at {q['conns']})", f"{q['wrk']['p99_ms']:.1f} ms",
         q['wrk']['p99_ms'] < 100 and q['conns'] >= 32)
for name in ('flag', 'history'):
    p = pct(BIG, name, limits['page'])
    if p is not None:
        goal(f'{names[name]} >= 8% of the page limit', f'{p:.1f}%', p >= 8)
a = app(BIG, 'analytics')
if a:
    goal('analytics (clinic, 12 months) < 200 ms per request at 8 connections (p99)',
         f"p50 {a['wrk']['p50_ms']:.1f} ms, p99 {a['wrk']['p99_ms']:.1f} ms", a['wrk']['p99_ms'] < 200)
for name in ('queue', 'submit'):
    b, sm = app(BIG, name), app(SMALL, name)
    if b and sm:
        f = b['wrk']['p50_ms'] / sm['wrk']['p50_ms']
        goal(f'{names[name]} p50 at 2,000,000 reports within 1.3x of 10,000',
             f"{b['wrk']['p50_ms']:.1f} / {sm['wrk']['p50_ms']:.1f} ms = {f:.2f}x", f <= 1.3)
rss = [r for r in rows if r['kind'] == 'rss' and r['when'] == 'after load' and r['db'] == BIG]
if rss:
    goal(f"RSS < 512 MiB after load (-Xmx{meta['heap']})", f"{rss[0]['rss_kib'] / 1024:.0f} MiB",
         rss[0]['rss_kib'] < 512 * 1024)
st = [r for r in rows if r['kind'] == 'startup']
if st:
    worst = max(r['login_page_s'] for r in st)
    goal('login page within 15 s of start (the jar against local PostgreSQL; not `spring-boot:test-run`)',
         f'{worst:.1f} s (slowest start of this run)', worst <= 15)
lr = next((r for r in rows if r['kind'] == 'localrun'), None)
if lr:
    first, second = lr['first_s'], lr['second_s']
    shown = ' / '.join('did not start' if x is None else f'{x:.1f} s' for x in (first, second))
    goal('the local run command (`./mvnw spring-boot:test-run`) serves /login within 15 s: a fresh clone, which '
         'compiles first / its next start', shown, first is not None and second is not None and max(first, second) <= 15)
errs = sum(r['wrk']['non2xx3xx'] + r['wrk']['unexpected'] + r['wrk']['socket_errors'] for r in rows if r['kind'] == 'app')
goal('zero errors (non-2xx/3xx, redirects to /login, socket errors)', str(errs), errs == 0)
w('')

w('### Profile (JFR, whole 10,000-report run incl. sign-ins: queue and submit)')
w('')
w('<details><summary>hot methods</summary>')
w('')
w('```')
w(read('profile.txt'))
w('```')
w('')
w('</details>')
w('')
w('### EXPLAIN (ANALYZE, BUFFERS) of the dashboard queries at 2,000,000 reports (bench/explain.sql)')
w('')
w('<details><summary>plans</summary>')
w('')
w('```')
w(read('explain.txt'))
w('```')
w('')
w('</details>')
w('')

section = '\n'.join(L) + '\n'
# One page, the latest run: each run replaces the last. The raw output, this section included (section.md), stays
# in the run's folder under bench/results/, which git ignores.
head = ('# Benchmarks\n\nThe latest full run of `bench/run.sh`, with its machine and date. Each run replaces this page; '
        'its raw output stays in `bench/results/<stamp>/` (not committed). To rerun: `bench/run.sh` (about 23 minutes '
        'on 2 cores), or a quick smoke run of the same steps with '
        '`WARMUP=3 DURATION=5 LIMIT_SECONDS=5 CEILING_SECONDS=5 REGENERATE=0 bench/run.sh`; see bench/README.md.\n\n')
doc.write_text(head + section)
(out / 'section.md').write_text(section)
print(section)
