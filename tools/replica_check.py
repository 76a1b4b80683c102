#!/usr/bin/env python3
"""Prove that the funder spreadsheet is served from the replica.

Starts Odoo (threaded) with the configuration that `make replica` wrote,
logs in as the demo funder-reporting user, makes a funder report (a write: on
the primary), downloads its spreadsheet, and checks that transactions ran on
the replica's copy of the database meanwhile and that the file is an xlsx.

Usage: replica_check.py ODOO_BIN CONFIG DB HTTP_PORT REPLICA_PORT
"""

import subprocess
import sys
import time

import psycopg2
import requests

LOGIN = "reporting.delorme"


def replica_transactions(port, db):
    with (
        psycopg2.connect(
            host="127.0.0.1", port=port, dbname="postgres", connect_timeout=5
        ) as conn,
        conn.cursor() as cr,
    ):
        cr.execute("SELECT pg_stat_clear_snapshot()")
        cr.execute(
            "SELECT xact_commit + xact_rollback FROM pg_stat_database "
            "WHERE datname = %s",
            (db,),
        )
        return cr.fetchone()[0]


def call(session, url, model, method, args, kwargs=None):
    response = session.post(
        f"{url}/web/dataset/call_kw",
        json={
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": kwargs or {},
            },
        },
        timeout=120,
    ).json()
    if "error" in response:
        raise SystemExit(f"{model}.{method}: {response['error']['data']['message']}")
    return response["result"]


def main(odoo_bin, config, db, http_port, replica_port):
    url = f"http://127.0.0.1:{http_port}"
    server = subprocess.Popen(
        [
            sys.executable,
            odoo_bin,
            "-c",
            config,
            "-d",
            db,
            f"--http-port={http_port}",
            "--max-cron-threads=0",
            "--log-level=warn",
        ],
    )
    try:
        for __ in range(120):
            try:
                # The first page of a fresh server may take a while (assets).
                if requests.get(f"{url}/web/login", timeout=30).ok:
                    break
            except (requests.ConnectionError, requests.Timeout):
                pass
            time.sleep(0.5)
        else:
            raise SystemExit("Odoo did not start.")
        session = requests.Session()
        auth = session.post(
            f"{url}/web/session/authenticate",
            json={"params": {"db": db, "login": LOGIN, "password": LOGIN}},
            timeout=30,
        ).json()
        if not auth.get("result", {}).get("uid"):
            raise SystemExit(f"Cannot log in as {LOGIN}.")
        wizard_id = call(session, url, "emploi.funder.report.wizard", "create", [{}])
        action = call(
            session, url, "emploi.funder.report.wizard", "action_export", [[wizard_id]]
        )
        time.sleep(1)  # the wizard is on the replica: no fallback to the primary
        before = replica_transactions(replica_port, db)
        response = session.get(url + action["url"], timeout=300)
        time.sleep(1)  # statistics are flushed at least once a second
        after = replica_transactions(replica_port, db)
        if response.status_code != 200 or not response.content.startswith(b"PK"):
            raise SystemExit(f"No spreadsheet: HTTP {response.status_code}.")
        if after <= before:
            raise SystemExit("The spreadsheet was not served from the replica.")
        print(
            f"Spreadsheet ({len(response.content)} bytes) served from the replica: "
            f"{after - before} transaction(s) there."
        )
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main(*sys.argv[1:])
