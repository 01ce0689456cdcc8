"""An independent implementation of the git-hours session method, to check Optimus's figures against.

Usage: python3 independent_git_hours.py REPO GAP_MINUTES FIRST_COMMIT_MINUTES
Prints JSON: per author (keyed by lower-cased email) commits, sessions, seconds, name, and git-hours' own
unrounded and rounded estimate; totals; seconds by UTC month.

It reads git itself (a different format and date option than Optimus uses) and shares no code with it.
"""
import collections
import datetime
import json
import math
import subprocess
import sys


def read_commits(repo):
    out = subprocess.run(
        ['git', '-C', repo, 'log', '--use-mailmap', '--date=unix', '--pretty=tformat:%ad%x09%aE%x09%aN', 'HEAD'],
        capture_output=True, check=True,
    ).stdout.decode('utf-8')
    for line in out.splitlines():
        stamp, email, name = line.split('\t', 2)
        yield int(stamp), email.strip(), name.strip()


def git_hours_literal(times, gap, first):
    """kimmobrunfeldt/git-hours estimateHours, as written there: no allowance for the first session."""
    if len(times) < 2:
        return 0.0
    hours = 0.0
    for earlier, later in zip(times, times[1:]):
        minutes = (later - earlier) * 1000 / 1000 / 60
        hours += minutes / 60 if minutes < gap / 60 else first / 60 / 60
    return hours


def main():
    repo, gap, first = sys.argv[1], int(sys.argv[2]) * 60, int(sys.argv[3]) * 60
    people = collections.OrderedDict()
    for stamp, email, name in read_commits(repo):  # newest first
        key = email.lower() if email else 'name:' + name.lower()
        person = people.setdefault(key, {'name': name, 'email': email, 'times': []})
        person['times'].append(stamp)
    months = collections.Counter()
    authors = {}
    for key, person in people.items():
        times = sorted(person['times'])
        seconds = sessions = 0
        previous = None
        for stamp in times:
            if previous is not None and stamp - previous < gap:
                added = stamp - previous
            else:
                added = first
                sessions += 1
            seconds += added
            months[datetime.datetime.fromtimestamp(stamp, datetime.timezone.utc).strftime('%Y-%m')] += added
            previous = stamp
        literal = git_hours_literal(times, gap, first)
        authors[key] = {
            'name': person['name'], 'email': person['email'], 'commits': len(times), 'sessions': sessions,
            'seconds': seconds, 'gitHoursUnrounded': literal, 'gitHours': math.floor(literal + 0.5),
        }
    print(json.dumps({
        'commits': sum(a['commits'] for a in authors.values()),
        'sessions': sum(a['sessions'] for a in authors.values()),
        'seconds': sum(a['seconds'] for a in authors.values()),
        'gitHours': sum(a['gitHours'] for a in authors.values()),
        'authors': authors,
        'byMonth': dict(sorted(months.items())),
    }))


main()
