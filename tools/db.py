#!/usr/bin/env python3
"""Tiny PostgreSQL helper for the tools/*.sh scripts.

Connection parameters come from the usual libpq variables (PGHOST, PGPORT,
PGUSER, PGPASSWORD), which tools/lib.sh exports. Runs on the virtualenv's
psycopg2, so no PostgreSQL client binaries are needed to talk to an external
server.

Subcommands:
  wait [SECONDS]             wait until the server accepts connections
  exists DB                  exit 0 when database DB exists
  installed DB MODULE...     exit 0 when every MODULE is installed in DB
  drop DB                    drop DB (terminating its connections), if it exists
  counts DB                  print "table rows" for every table of DB, sorted
"""

import sys
import time

import psycopg2
from psycopg2 import sql


def connect(dbname="postgres"):
    return psycopg2.connect(dbname=dbname, connect_timeout=5)


def cmd_wait(seconds="30"):
    deadline = time.monotonic() + float(seconds)
    while True:
        try:
            connect().close()
            return 0
        except psycopg2.OperationalError as error:
            if time.monotonic() > deadline:
                sys.stderr.write(f"PostgreSQL is not reachable: {error}\n")
                return 1
            time.sleep(0.5)


def cmd_exists(dbname):
    with connect() as conn, conn.cursor() as cr:
        cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", (dbname,))
        return 0 if cr.fetchone() else 1


def cmd_installed(dbname, *modules):
    if cmd_exists(dbname):
        return 1
    conn = connect(dbname)
    try:
        with conn.cursor() as cr:
            cr.execute(
                "SELECT to_regclass('ir_module_module') IS NOT NULL",
            )
            if not cr.fetchone()[0]:
                return 1
            cr.execute(
                "SELECT count(*) FROM ir_module_module"
                " WHERE state = 'installed' AND name IN %s",
                (tuple(modules),),
            )
            return 0 if cr.fetchone()[0] == len(set(modules)) else 1
    finally:
        conn.close()


def cmd_drop(dbname):
    conn = connect()
    try:
        conn.autocommit = True
        with conn.cursor() as cr:
            cr.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(dbname)
                )
            )
    finally:
        conn.close()
    return 0


def cmd_counts(dbname):
    conn = connect(dbname)
    try:
        with conn.cursor() as cr:
            cr.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                "ORDER BY tablename"
            )
            for (table,) in cr.fetchall():
                cr.execute(
                    sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
                )
                print(table, cr.fetchone()[0])
    finally:
        conn.close()
    return 0


COMMANDS = {
    "wait": cmd_wait,
    "exists": cmd_exists,
    "installed": cmd_installed,
    "drop": cmd_drop,
    "counts": cmd_counts,
}


def main(argv):
    if not argv or argv[0] not in COMMANDS:
        sys.stderr.write(__doc__)
        return 2
    return COMMANDS[argv[0]](*argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
