"""Benchmark of the coaches' daily lists at realistic and 10x scale.

Seeds people (files, pathways, actions) inside a transaction that is rolled
back, then times the reads the web client makes for the caseload list, the
beneficiary list and the pathway pipeline, as a platform manager.

Usage (any database with emploi_accompagne installed):
    .venv/bin/python tools/benchmark_lists.py -c .local/odoo.conf -d emploi \
        [--people 100 1000]
"""

import argparse
import random
import time
from datetime import date, timedelta

import odoo
from odoo import Command, api
from odoo.modules.registry import Registry
from odoo.tools import config

LISTS = {
    "caseload list": (
        "emploi.caseload",
        ["user_id", "company_id", "caseload", "target", "available", "load"],
    ),
    "beneficiary list": (
        "emploi.beneficiary",
        ["name", "age", "coach_id", "phase_id", "pathway_state", "boeth_expiry_date"],
    ),
}


def seed(env, people, coaches):
    rnd = random.Random(people)
    company = env.company
    users = env["res.users"].create(
        [
            {
                "name": f"Conseiller bench {i}",
                "login": f"bench.coach.{people}.{i}",
                "company_id": company.id,
                "company_ids": [company.id],
                "groups_id": [
                    Command.link(env.ref("emploi_accompagne.group_emploi_coach").id)
                ],
            }
            for i in range(coaches)
        ]
    )
    partners = env["res.partner"].create(
        [{"name": f"Personne bench {people}-{i}"} for i in range(people)]
    )
    beneficiaries = env["emploi.beneficiary"].create(
        [
            {
                "partner_id": partner.id,
                "coach_id": users[i % coaches].id,
                "birthdate": date(1970, 1, 1) + timedelta(days=rnd.randint(0, 12000)),
                "gender": rnd.choice(["female", "male"]),
                "boeth_title": "rqth",
                "consent_date": date(2024, 1, 1),
            }
            for i, partner in enumerate(partners)
        ]
    )
    phases = env["emploi.phase"].search([])
    pathways = env["emploi.pathway"].create(
        [
            {
                "beneficiary_id": beneficiary.id,
                "entry_date": date(2024, 1, 2) + timedelta(days=rnd.randint(0, 600)),
                "phase_id": rnd.choice(phases).id,
            }
            for beneficiary in beneficiaries
        ]
    )
    interview = env.ref("emploi_accompagne.emploi_action_type_interview")
    env["emploi.action"].create(
        [
            {
                "name": "Entretien",
                "pathway_id": pathway.id,
                "action_type_id": interview.id,
                "start": f"{pathway.entry_date} 10:00:00",
                "attendance": "held",
                "user_id": pathway.coach_id.id,
            }
            for pathway in pathways
            for __ in range(3)
        ]
    )
    env.flush_all()


def measure(env, label, call):
    """Time ``call`` with a cold record cache, after one warm-up run."""
    env.flush_all()
    call()
    env.invalidate_all()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    call()
    elapsed = (time.perf_counter() - start) * 1000
    print(
        f"  {label:<22} {elapsed:8.1f} ms  {env.cr.sql_log_count - queries:4d} queries"
    )


def run(env, people):
    seed(env, people, coaches=max(people // 20, 1))
    manager = env.ref("base.user_admin")
    as_manager = env(user=manager)
    print(f"{people} people, {max(people // 20, 1)} coaches:")
    for label, (model, fields) in LISTS.items():
        spec = {name: {} for name in fields}
        measure(
            env,
            label,
            lambda m=model, s=spec: as_manager[m].web_search_read([], s, limit=80),
        )
    measure(
        env,
        "pathway pipeline",
        lambda: as_manager["emploi.pathway"].web_read_group(
            [("state", "!=", "closed")], ["phase_id"], ["phase_id"]
        ),
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--people", type=int, nargs="+", default=[100, 1000])
    args = parser.parse_args()
    config.parse_config(["-c", args.config, "-d", args.database])
    odoo.service.server.load_server_wide_modules()
    registry = Registry(args.database)
    for people in args.people:
        with registry.cursor() as cr:
            env = api.Environment(cr, odoo.SUPERUSER_ID, {})
            try:
                run(env, people)
            finally:
                cr.rollback()


if __name__ == "__main__":
    main()
