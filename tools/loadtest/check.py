"""After the load test: the figures per request kind, and the database check.

Usage: check.py DB STATS_CSV SAVED_FILE. Exit 1 on any failed request or any
write told saved that is not in the database exactly once.
"""

import csv
import sys
from collections import Counter

import psycopg2

COACH_PAGES = ("coach: caseload", "coach: pathway", "coach: save action")


def main(db, stats_file, saved_file):
    with open(stats_file) as file:
        rows = [row for row in csv.DictReader(file) if row["Name"] != "Aggregated"]
    print(f"{'request':<32} {'count':>7} {'failed':>7} {'p50 ms':>8} {'p95 ms':>8}")
    failures = 0
    coach_p95 = 0
    for row in sorted(rows, key=lambda r: r["Name"]):
        failures += int(row["Failure Count"])
        if row["Name"] in COACH_PAGES:
            coach_p95 = max(coach_p95, int(float(row["95%"])))
        print(
            f"{row['Name']:<32} {row['Request Count']:>7} {row['Failure Count']:>7} "
            f"{row['50%']:>8} {row['95%']:>8}"
        )
    with open(saved_file) as file:
        saved = [line.split() for line in file if line.strip()]
    kinds = Counter(kind for kind, __, __ in saved)
    told = {(kind, marker): int(record_id) for kind, marker, record_id in saved}
    found = {}
    with psycopg2.connect(dbname=db) as conn, conn.cursor() as cr:
        # Every load-test marker in the database, told saved or not.
        cr.execute(
            "SELECT 'action', name, array_agg(id) FROM emploi_action "
            "WHERE name LIKE 'LT-%' GROUP BY name "
            "UNION ALL SELECT 'decision', firstname, array_agg(id) "
            "FROM emploi_referral WHERE firstname LIKE 'LT%' "
            "AND state = 'waiting_list' GROUP BY firstname"
        )
        for kind, marker, ids in cr.fetchall():
            found[kind, marker] = sorted(ids)
    stored_actions = sum(
        len(ids) for (kind, __), ids in found.items() if kind == "action"
    )
    problems = [
        f"{kind} {marker}: told saved as {record_id}, "
        f"found {found.get((kind, marker), [])}"
        for (kind, marker), record_id in told.items()
        if found.get((kind, marker)) != [record_id]
    ]
    print(
        f"Writes told saved: {kinds['action']} actions, {kinds['decision']} decisions; "
        f"actions stored: {stored_actions}; failed requests: {failures}; "
        f"coaches' p95: {coach_p95} ms (target < 1000)"
    )
    for problem in problems:
        print("LOST OR DOUBLED:", problem)
    if failures or problems or not saved:
        sys.exit(1)


if __name__ == "__main__":
    main(*sys.argv[1:])
