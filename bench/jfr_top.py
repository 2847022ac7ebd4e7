#!/usr/bin/env python3
"""Summarises `jfr print --events jdk.ExecutionSample` output (stdin or a file): the methods most often on top of
the stack (self time) and the application/framework methods most often anywhere on it (inclusive), as shares of
all samples."""
import collections
import re
import sys

src = sys.stdin if len(sys.argv) < 2 or sys.argv[1] == '-' else open(sys.argv[1], errors='replace')
self_count = collections.Counter()
incl = collections.Counter()
samples = 0
signin = 0
stack = None
frame = re.compile(r'^\s+([\w$.<>/]+)\(.*\)\s+line:')
for line in src:
    if 'stackTrace = [' in line:
        stack = []
        continue
    if stack is not None:
        m = frame.match(line)
        if m:
            stack.append(m.group(1))
            continue
        if line.strip().startswith(']') or line.strip() == '...':
            if line.strip() == '...':
                continue
            if stack and any('Argon2' in f or 'bouncycastle' in f for f in stack):
                signin += 1
            elif stack:
                samples += 1
                self_count[stack[0]] += 1
                for f in set(stack):
                    incl[f] += 1
            stack = None
if not samples:
    print('no samples')
    sys.exit(0)
print(f'{samples} execution samples (JFR "profile" settings, threads running Java code), not counting '
      f'{signin} samples of the sign-ins (Argon2id password checks) between the tests')
print('\nSelf (top of stack), top 25:')
for f, n in self_count.most_common(25):
    print(f'{100.0 * n / samples:6.1f}%  {f}')
print('\nInclusive, top 45 methods of org.aftercare, Spring, Thymeleaf, Hibernate, Hikari, the JDBC driver, '
      'Argon2/BouncyCastle, Jackson and Tomcat:')
keep = ('org.aftercare', 'org.springframework', 'org.thymeleaf', 'org.hibernate', 'com.zaxxer', 'org.postgresql',
        'org.bouncycastle', 'com.fasterxml', 'tools.jackson', 'org.apache.catalina', 'org.apache.coyote')
shown = 0
for f, n in incl.most_common():
    if f.startswith(keep):
        print(f'{100.0 * n / samples:6.1f}%  {f}')
        shown += 1
        if shown >= 45:
            break
