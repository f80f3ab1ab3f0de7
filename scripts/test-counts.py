#!/usr/bin/env python3
"""Prints how many tests each suite of a build defines and how many ran, and
fails when a suite ran fewer than it defines (a suite that crashed half-way, a
data row that never came, a test function that was never reached, a suite
that did not run at all).

  scripts/test-counts.py BUILD_DIR [--logs DIR] [--suite NAME]...

--logs reads the logs from DIR instead; --suite checks only the suites named.

Run it right after `ctest` on BUILD_DIR (./dev test does, and clears the logs
before): each suite writes its log into BUILD_DIR/test-logs/.
  - QtTest suites (NAME.txt, QtTest's plain-text log): defined is what
    `SUITE -functions` lists; ran is every function with at least one PASS,
    FAIL, SKIP, XFAIL or XPASS line. A skipped function ran (it decided to
    skip, and says why), and is counted apart.
  - Script suites (NAME.tap, Test Anything Protocol): defined is the plan
    ("1..N"); ran is the "ok" and "not ok" lines.
Exit 0 when every suite ran all it defines, 1 otherwise, 2 on bad use.
"""
import argparse
import json
import os
import re
import subprocess
import sys

QT_RESULT = re.compile(r'^(PASS|FAIL!|SKIP|XFAIL|XPASS|BPASS|BFAIL|BXPASS|BXFAIL)\s*:\s*\S+?::([A-Za-z_0-9]+)\(')
QT_FIXTURES = {'initTestCase', 'cleanupTestCase', 'init', 'cleanup'}
TAP_PLAN = re.compile(r'^1\.\.(\d+)')
TAP_RESULT = re.compile(r'^(ok|not ok)\b(.*)')


def ctest_tests(build):
    listing = subprocess.run(['ctest', '--test-dir', build, '--show-only=json-v1'], check=True,
                             capture_output=True, text=True).stdout
    return [(test['name'], test.get('command', [])) for test in json.loads(listing).get('tests', [])]


def qt_counts(command, log):
    listed = subprocess.run([command[0], '-functions'], capture_output=True, text=True, timeout=60,
                            env=dict(os.environ, QT_QPA_PLATFORM='offscreen'))
    defined = {line.strip().rstrip('()') for line in listed.stdout.splitlines() if line.strip().endswith('()')}
    defined -= QT_FIXTURES
    outcome = {}
    for line in log.splitlines():
        match = QT_RESULT.match(line)
        if not match or match.group(2) in QT_FIXTURES:
            continue
        kind, function = match.group(1), match.group(2)
        previous = outcome.get(function)
        # A function with any failing row failed; one whose rows all skipped skipped.
        if kind in ('FAIL!', 'XPASS', 'BFAIL') or previous == 'failed':
            outcome[function] = 'failed'
        elif kind == 'SKIP' and previous in (None, 'skipped'):
            outcome[function] = 'skipped'
        else:
            outcome[function] = 'passed'
    return len(defined), outcome, sorted(defined - set(outcome))


def tap_counts(log):
    defined = 0
    outcome = {}
    for line in log.splitlines():
        plan = TAP_PLAN.match(line)
        if plan:
            defined = int(plan.group(1))
            continue
        result = TAP_RESULT.match(line)
        if result:
            skipped = '# SKIP' in result.group(2).upper()
            outcome[str(len(outcome) + 1)] = 'skipped' if skipped else (
                'passed' if result.group(1) == 'ok' else 'failed')
    return defined, outcome, []


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('build')
    parser.add_argument('--logs')
    parser.add_argument('--suite', action='append', default=[])
    args = parser.parse_args()
    build = args.build
    logs = args.logs or os.path.join(build, 'test-logs')
    tests = [test for test in ctest_tests(build) if not args.suite or test[0] in args.suite]
    if not tests:
        print(f'test-counts: ctest lists no tests in {build}', file=sys.stderr)
        return 1
    short = []
    totals = {'passed': 0, 'failed': 0, 'skipped': 0}
    print(f'{"suite":<34} {"defined":>7} {"ran":>5} {"passed":>6} {"failed":>6} {"skipped":>7}')
    for name, command in tests:
        qt_log, tap_log = os.path.join(logs, name + '.txt'), os.path.join(logs, name + '.tap')
        if os.path.exists(qt_log):
            with open(qt_log, encoding='utf-8', errors='replace') as file:
                defined, outcome, absent = qt_counts(command, file.read())
        elif os.path.exists(tap_log):
            with open(tap_log, encoding='utf-8', errors='replace') as file:
                defined, outcome, absent = tap_counts(file.read())
        else:
            print(f'{name:<34} {"?":>7} {0:>5}   no log: the suite did not run')
            short.append(f'{name}: no log in {logs}')
            continue
        counts = {kind: sum(1 for value in outcome.values() if value == kind) for kind in totals}
        for kind in totals:
            totals[kind] += counts[kind]
        ran = len(outcome)
        print(f'{name:<34} {defined:>7} {ran:>5} {counts["passed"]:>6} {counts["failed"]:>6} {counts["skipped"]:>7}')
        if ran < defined or absent:
            missing = f' (never ran: {", ".join(absent)})' if absent else ''
            short.append(f'{name}: ran {ran} of {defined}{missing}')
        if defined == 0:
            short.append(f'{name}: defines no test')
    print(f'functions: {totals["passed"]} passed, {totals["failed"]} failed, {totals["skipped"]} skipped')
    if short:
        print('test-counts: suites that ran fewer tests than they define:', file=sys.stderr)
        for line in short:
            print('  ' + line, file=sys.stderr)
        return 1
    print(f'test-counts: all {len(tests)} suites ran every test they define')
    return 0


if __name__ == '__main__':
    sys.exit(main())
