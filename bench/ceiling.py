#!/usr/bin/env python3
"""Turns the statements PostgreSQL logged for one request of the app into a pgbench script (the ceilings).

    ceiling.py LOGFILE FROM DB [--to TO] [--who USER@DB] [--segment N] [--rollback] > script.sql

LOGFILE is PostgreSQL's server log, FROM its size in bytes before the request; the app role's statements were logged
with their parameters (log_min_duration_statement = 0). Every `execute` and `statement` line after FROM is taken
with the parameters logged beside it, written into the statement as literals (a literal holding ':name', which
pgbench would read as a variable, is split around chr(58)). With --to, only the log before byte TO; with --who, only
the lines of that role and database (the log's prefix must start like Debian's '%m [%p] %q%u@%d '). With
--segment N, the statements are split at each read of the session (the first statement of every request) and the
Nth whole request is taken: for several requests logged in a row on one connection. With --rollback, the last
transaction ends in ROLLBACK instead of COMMIT: a replayed submit then leaves its episode as it found it (else each
replay would read a longer episode than the last), at the price of its commit's WAL flush (still an upper bound).

Left out: a write of Spring Session's own tables with its transaction (a session is written back once every few
minutes, not on each request) and the driver's empty statement (a pooled connection's liveness check). A request
that published an event (a flag's alert) is refused with exit status 3: its listener's statements, on another
connection, are logged among the request's own.

A write replays as a new row each time: every UUID written by an INSERT that is not the id of an existing clinic,
patient, treatment, account, flag or check-in (DB is asked) is a new id (the report's, its entries', the form token,
the audit event's), and becomes md5('n<k>' || :r)::uuid, with :r drawn at random per transaction, so the statements
of one replay still refer to each other's rows. Optimistic on purpose: the literals let PostgreSQL plan each
statement once for its values, and the same rows are read by every replay; so the script's rate is an upper bound
for the request's database work.
"""
import re
import subprocess
import sys

HEADER = re.compile(r'^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \w+ \[\d+\] (\S+) (LOG|DETAIL):  (.*)$')
EXECUTED = re.compile(r'duration: [\d.]+ ms  (?:execute [^:]+|statement): (.*)$', re.S)
PARAM = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')")
STRING = re.compile(r"'(?:[^']|'')*'")
VARIABLE = re.compile(r':[A-Za-z_]')
UUID = re.compile(r"'([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})'")
EXISTING = ['clinic', 'patient', 'treatment', 'user_account', 'flag', 'check_in']


def logged(path, start, end=None, who=None):
    """(sql, {n: literal}) for each statement executed between bytes `start` and `end`, in order."""
    with open(path, 'rb') as f:
        f.seek(start)
        text = f.read() if end is None else f.read(end - start)
    lines = text.decode('utf-8', errors='replace').split('\n')
    entries, current = [], None
    for line in lines:
        m = HEADER.match(line)
        if m:
            if current:
                entries.append(current)
            current = [m.group(2), m.group(3)] if who is None or m.group(1) == who else None
        elif current is not None:
            current[1] += '\n' + line
    if current:
        entries.append(current)
    statements, last_was_executed = [], False
    for kind, text in entries:
        if kind == 'LOG':
            m = EXECUTED.match(text)
            last_was_executed = bool(m)
            if m:
                statements.append([m.group(1).strip(), {}])
        elif kind == 'DETAIL' and last_was_executed and text.startswith('parameters:'):
            statements[-1][1] = {int(n): v for n, v in PARAM.findall(text)}
            last_was_executed = False
    return statements


def literal_sql(sql, params):
    sql = ' '.join(sql.split())
    sql = re.sub(r'\$(\d+)\b', lambda m: params.get(int(m.group(1)), m.group(0)), sql)
    return STRING.sub(lambda m: no_variables(m.group(0)), sql)


def no_variables(literal):
    """pgbench reads ':name' as a variable, inside quotes too: 'episode:cc6e...' becomes 'episode' || chr(58) || ..."""
    if not VARIABLE.search(literal):
        return literal
    return ' || chr(58) || '.join("'%s'" % part for part in literal[1:-1].split(':'))


def transactions(statements):
    """Statements grouped into transactions: a BEGIN..COMMIT block, or one statement in auto-commit."""
    groups, current = [], None
    for sql, params in statements:
        if not sql:
            continue  # the driver's liveness check of a pooled connection
        upper = sql.upper()
        if upper.startswith('BEGIN'):
            current = [(sql, params)]
        elif current is not None:
            current.append((sql, params))
            if upper in ('COMMIT', 'ROLLBACK'):
                groups.append(current)
                current = None
        else:
            groups.append([(sql, params)])
    return groups


def main():
    args = sys.argv[1:]
    options = {}
    for name in ('--segment', '--to', '--who'):
        if name in args:
            i = args.index(name)
            options[name] = args[i + 1]
            del args[i:i + 2]
    rollback = '--rollback' in args
    args = [a for a in args if a != '--rollback']
    path, start, db = args[0], int(args[1]), args[2]
    end = int(options['--to']) if '--to' in options else None
    statements = logged(path, start, end, options.get('--who'))
    segment = int(options['--segment']) if '--segment' in options else None
    if segment is not None:
        requests, current = [], None
        for s in statements:
            if s[0].upper().startswith('SELECT S.PRIMARY_ID'):
                if current is not None:
                    requests.append(current)
                current = []
            if current is not None:  # before the first request: a pooled connection's liveness check
                current.append(s)
        requests.append(current or [])
        if segment >= len(requests) - 1:
            sys.exit('only %d whole requests in the log' % (len(requests) - 1))
        statements = requests[segment]
    kept = []
    for group in transactions(statements):
        if any(re.match(r'(UPDATE|INSERT INTO|DELETE FROM) SPRING_SESSION', s, re.I) for s, _ in group):
            continue  # the session written back: once every few minutes, not per request
        kept.extend(literal_sql(s, p) for s, p in group)
    if not any(s.upper().startswith('SELECT S.PRIMARY_ID') for s in kept):
        sys.exit('no request found in the log after byte %d' % start)
    if any('event_publication' in s.lower() for s in kept):
        sys.exit(3)  # a request that published an event: see the module's comment
    if rollback and kept[-1].upper() == 'COMMIT':
        kept[-1] = 'ROLLBACK'
    written = {u for s in kept if s.upper().startswith('INSERT') for u in UUID.findall(s)}
    new = sorted(written)
    if written:
        values = ','.join("('%s'::uuid)" % u for u in new)
        exists = ' UNION '.join('SELECT id FROM %s WHERE id IN (SELECT v FROM w)' % t for t in EXISTING)
        out = subprocess.run(['psql', '-d', db, '-Atc', 'WITH w(v) AS (VALUES %s) %s' % (values, exists)],
                             check=True, capture_output=True, text=True).stdout.split()
        new = [u for u in new if u not in set(out)]
    print('-- One request\'s statements as the app sent them (bench/ceiling.py); new ids drawn per replay.')
    print('\\set r random(1, 9223372036854775807)')
    for s in kept:
        for k, u in enumerate(new):
            s = s.replace("'%s'" % u, "md5('n%d' || :r)::uuid" % k)
        print(s + ';')


if __name__ == '__main__':
    main()
