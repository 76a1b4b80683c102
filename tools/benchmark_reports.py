"""Benchmark of the funder report at regional scale.

Seeds a region (scale 1.0: 10 platforms, 20,000 people, 25,000 pathways,
400,000 actions, 30,000 jobs, 2,000 employers; scale 5, the nation: 50
platforms, 100,000 people, 2,000,000 actions) with bulk SQL inside a
transaction that is rolled back, then times, as a funder-reporting user of the
10 platforms, over one year:
- the indicator engine and the full regional spreadsheet (10 columns + total);
- the pivots of the pathway analysis;
- hand-written SQL GROUP BY queries computing the headline figures, written
  from the definitions and independent of the engine's code; the engine's
  figures must equal them (exit code 1 otherwise).

Usage (any database with both addons installed; `make benchmark-reports`):
    .venv/bin/python tools/benchmark_reports.py -c .local/odoo.conf -d emploi \
        [--scales 0.1 1.0] [--repeat 3]
"""

import argparse
import random
import statistics
import sys
import time
from datetime import date, timedelta

from psycopg2.extras import execute_values

import odoo
from odoo import Command, api
from odoo.modules.registry import Registry
from odoo.tools import config

PERIOD = (date(2025, 1, 1), date(2025, 12, 31))
REGION = {"people": 20000, "pathways": 25000, "actions": 400000, "jobs": 30000}
EMPLOYERS, PLATFORMS, COACHES_PER_PLATFORM = 2000, 10, 15
TODAY = date(2026, 11, 1)

# The headline figures, by hand from the definitions: (code, SQL returning
# company_id, key, value). Only pathways of the seeded platforms count.
OVERLAP = (
    "p.active AND NOT COALESCE(p.entry_pending, FALSE) "
    "AND p.company_id = ANY(%(companies)s) AND p.entry_date <= %(to)s "
    "AND (p.exit_date IS NULL OR p.exit_date >= %(from)s)"
)
RAW_SQL = {
    "A1": f"""SELECT p.company_id, NULL, count(DISTINCT p.beneficiary_id)
        FROM emploi_pathway p WHERE {OVERLAP} GROUP BY 1""",
    "A2": """SELECT p.company_id, NULL, count(DISTINCT p.beneficiary_id)
        FROM emploi_pathway p WHERE p.active AND p.company_id = ANY(%(companies)s)
        AND p.entry_date <= %(to)s AND (p.exit_date IS NULL OR p.exit_date >= %(to)s)
        GROUP BY 1""",
    "A3": """SELECT p.company_id, NULL, count(*) FROM emploi_pathway p
        WHERE p.active AND p.company_id = ANY(%(companies)s)
        AND p.entry_date BETWEEN %(from)s AND %(to)s GROUP BY 1""",
    "A5_reason": """SELECT p.company_id,
        (SELECT code FROM emploi_exit_reason WHERE id = p.exit_reason_id), count(*)
        FROM emploi_pathway p WHERE p.active AND p.company_id = ANY(%(companies)s)
        AND p.exit_date BETWEEN %(from)s AND %(to)s GROUP BY 1, 2""",
    "C1": """SELECT p.company_id, NULL, count(DISTINCT p.beneficiary_id)
        FROM emploi_pathway p JOIN emploi_job j ON j.pathway_id = p.id
        WHERE p.active AND p.company_id = ANY(%(companies)s)
        AND p.entry_date <= %(to)s AND (p.exit_date IS NULL OR p.exit_date >= %(to)s)
        AND j.start_date <= %(to)s AND (j.end_date IS NULL OR j.end_date >= %(to)s)
        GROUP BY 1""",
    "C2": f"""SELECT p.company_id, NULL, count(DISTINCT p.beneficiary_id)
        FROM emploi_pathway p WHERE {OVERLAP}
        AND p.first_job_date BETWEEN %(from)s AND %(to)s GROUP BY 1""",
    "C3_den": f"""SELECT company_id, NULL, count(*) FROM (
            SELECT DISTINCT ON (p.beneficiary_id) p.* FROM emploi_pathway p
            WHERE {OVERLAP} ORDER BY p.beneficiary_id, p.entry_date DESC, p.id DESC
        ) latest WHERE NOT employed_at_entry GROUP BY 1""",
    "C3_num": f"""SELECT company_id, NULL, count(*) FROM (
            SELECT DISTINCT ON (p.beneficiary_id) p.* FROM emploi_pathway p
            WHERE {OVERLAP} ORDER BY p.beneficiary_id, p.entry_date DESC, p.id DESC
        ) latest WHERE NOT employed_at_entry AND first_job_date <= %(to)s
        GROUP BY 1""",
    "A7": f"""SELECT company_id, NULL, count(DISTINCT employer_id) FROM (
            SELECT p.company_id, a.employer_id
              FROM emploi_action a JOIN emploi_pathway p ON p.id = a.pathway_id
             WHERE {OVERLAP} AND a.attendance = 'held' AND a.employer_id IS NOT NULL
               AND a.date BETWEEN %(from)s AND %(to)s
            UNION ALL
            SELECT ea.company_id, ea.employer_id FROM emploi_employer_action ea
             WHERE ea.company_id = ANY(%(companies)s) AND ea.attendance = 'held'
               AND ea.date BETWEEN %(from)s AND %(to)s
        ) held GROUP BY 1""",
    "A8_count_phase": f"""SELECT p.company_id,
        (SELECT code FROM emploi_phase WHERE id = a.phase_id), count(*)
        FROM emploi_action a JOIN emploi_pathway p ON p.id = a.pathway_id
        WHERE {OVERLAP} AND a.attendance = 'held'
        AND a.date BETWEEN %(from)s AND %(to)s GROUP BY 1, 2""",
}

# The other figure families of the spreadsheet, by hand as well.
LATEST = f"""(SELECT DISTINCT ON (p.beneficiary_id) p.* FROM emploi_pathway p
    WHERE {OVERLAP} ORDER BY p.beneficiary_id, p.entry_date DESC, p.id DESC) l
    JOIN emploi_beneficiary b ON b.id = l.beneficiary_id"""
ENTERED = (
    "p.active AND NOT COALESCE(p.entry_pending, FALSE) "
    "AND p.company_id = ANY(%(companies)s) "
    "AND p.entry_date BETWEEN %(from)s AND %(to)s"
)
FIRST_JOB = f"{OVERLAP} AND p.first_job_date BETWEEN %(from)s AND %(to)s"
STARTED = f"""emploi_job j JOIN emploi_pathway p ON p.id = j.pathway_id
    WHERE {OVERLAP} AND j.start_date BETWEEN %(from)s AND %(to)s"""
HELD = f"""emploi_action a JOIN emploi_pathway p ON p.id = a.pathway_id
    WHERE {OVERLAP} AND a.attendance = 'held'
    AND a.date BETWEEN %(from)s AND %(to)s"""
AGE = """CASE
    WHEN date_part('year', age(l.entry_date, b.birthdate)) < 20 THEN 'a_under_20'
    WHEN date_part('year', age(l.entry_date, b.birthdate)) < 25 THEN 'b_20_24'
    WHEN date_part('year', age(l.entry_date, b.birthdate)) < 30 THEN 'c_25_29'
    WHEN date_part('year', age(l.entry_date, b.birthdate)) < 40 THEN 'd_30_39'
    WHEN date_part('year', age(l.entry_date, b.birthdate)) < 50 THEN 'e_40_49'
    ELSE 'f_50_plus' END"""
# The quarters of the period, and the pathways open in each.
QUARTER = f"""emploi_pathway p JOIN generate_series(
        %(from)s::date, %(to)s::date, interval '3 months') q
    ON p.entry_date <= (q + interval '3 months - 1 day')::date
   AND (p.exit_date IS NULL OR p.exit_date >= q::date)
    WHERE {OVERLAP}"""
RAW_SQL_MORE = {
    "IPS_served": "SELECT p.company_id, to_char(q, 'YYYY-\"Q\"Q'), "
    f"count(DISTINCT p.beneficiary_id) FROM {QUARTER} GROUP BY 1, 2",
    "IPS_worked": "SELECT p.company_id, to_char(q, 'YYYY-\"Q\"Q'), "
    f"count(DISTINCT p.beneficiary_id) FROM {QUARTER} AND EXISTS ("
    "SELECT 1 FROM emploi_job j WHERE j.pathway_id = p.id AND j.is_competitive "
    "AND j.start_date <= (q + interval '3 months - 1 day')::date "
    "AND (j.end_date IS NULL OR j.end_date >= q::date)) GROUP BY 1, 2",
    "A3_situation": f"SELECT p.company_id, p.entry_situation, count(*) "
    f"FROM emploi_pathway p WHERE {ENTERED} GROUP BY 1, 2",
    "A6": f"SELECT p.company_id, NULL, count(*) FROM emploi_pathway p "
    f"WHERE {ENTERED} AND p.is_reentry GROUP BY 1",
    "A10_coaches": """SELECT p.company_id, NULL, count(DISTINCT p.coach_id)
        FROM emploi_pathway p WHERE p.active AND p.company_id = ANY(%(companies)s)
        AND p.entry_date <= %(to)s AND (p.exit_date IS NULL OR p.exit_date >= %(to)s)
        GROUP BY 1""",
    "B_gender": f"SELECT l.company_id, b.gender, count(*) FROM {LATEST} GROUP BY 1, 2",
    "B_age": f"SELECT l.company_id, {AGE}, count(*) FROM {LATEST} GROUP BY 1, 2",
    "B_disability": "SELECT l.company_id, (SELECT code "
    "FROM emploi_disability_category WHERE id = b.disability_category_id), "
    f"count(*) FROM {LATEST} GROUP BY 1, 2",
    "B_title": f"SELECT l.company_id, b.boeth_title, count(*) "
    f"FROM {LATEST} GROUP BY 1, 2",
    "B_education": f"SELECT l.company_id, b.education_level, count(*) "
    f"FROM {LATEST} GROUP BY 1, 2",
    "C4_count": f"SELECT p.company_id, NULL, count(*) FROM emploi_pathway p "
    f"WHERE {FIRST_JOB} GROUP BY 1",
    "C4_avg": "SELECT p.company_id, NULL, "
    "round(avg(p.first_job_date - p.entry_date), 1) "
    f"FROM emploi_pathway p WHERE {FIRST_JOB} GROUP BY 1",
    "C4_within_6m": f"SELECT p.company_id, NULL, count(*) FROM emploi_pathway p "
    f"WHERE {FIRST_JOB} AND p.first_job_date - p.entry_date <= 183 GROUP BY 1",
    "C6_contract": f"SELECT p.company_id, (SELECT code FROM emploi_contract_type "
    f"WHERE id = j.contract_type_id), count(*) FROM {STARTED} "
    "GROUP BY 1, 2",
    "C7": f"SELECT p.company_id, NULL, count(*) FROM {STARTED} "
    "AND j.is_durable GROUP BY 1",
    "C9_sector": f"SELECT p.company_id, j.sector, count(*) FROM {STARTED} "
    "GROUP BY 1, 2",
    "D_duration": "SELECT p.company_id, "
    "(SELECT code FROM emploi_exit_reason WHERE id = p.exit_reason_id), "
    "round(avg(p.exit_date - p.entry_date), 1) FROM emploi_pathway p "
    f"WHERE {OVERLAP} AND p.exit_date <= %(to)s GROUP BY 1, 2",
    "A8_hours_phase": "SELECT p.company_id, "
    "(SELECT code FROM emploi_phase WHERE id = a.phase_id), "
    f"sum(a.duration) FROM {HELD} GROUP BY 1, 2",
    "A8_count_type": f"SELECT p.company_id, (SELECT code FROM emploi_action_type "
    f"WHERE id = a.action_type_id), count(*) FROM {HELD} "
    "GROUP BY 1, 2",
}


def bulk(cr, table, columns, rows):
    """INSERT rows, return their ids in order."""
    query = f"INSERT INTO {table} ({', '.join(columns)}) VALUES %s RETURNING id"
    return [
        row[0] for row in execute_values(cr, query, rows, page_size=5000, fetch=True)
    ]


def seed_region(
    env, scale, rnd, platforms=PLATFORMS, coaches_per_platform=COACHES_PER_PLATFORM
):
    """Platforms, coaches, a reporting user and the region's files (bulk SQL)."""
    counts = {name: int(count * scale) for name, count in REGION.items()}
    companies = env["res.company"].create(
        [
            {"name": f"Plateforme {scale} n°{i + 1}", "emploi_follows_ips": True}
            for i in range(platforms)
        ]
    )
    coach_group = env.ref("emploi_accompagne.group_emploi_coach")
    coaches = {
        company.id: env["res.users"]
        .create(
            [
                {
                    "name": f"Conseiller {company.id}-{i}",
                    "login": f"bench.{company.id}.{i}",
                    "company_id": company.id,
                    "company_ids": [Command.set(company.ids)],
                    "groups_id": [Command.link(coach_group.id)],
                }
                for i in range(coaches_per_platform)
            ]
        )
        .ids
        for company in companies
    }
    env["emploi.coach.staffing"].create(
        [
            {
                "user_id": user_id,
                "company_id": company_id,
                "fte": 1.0 if i % 3 else 0.8,
                "employment_share": 100.0 if i % 4 else 85.0,
                "date_start": date(2024, 1, 1),
            }
            for company_id, user_ids in coaches.items()
            for i, user_id in enumerate(user_ids)
        ]
    )
    reporting = env["res.users"].create(
        {
            "name": "Coordination régionale",
            "login": f"bench.region.{scale}",
            "company_id": companies[0].id,
            "company_ids": [Command.set(companies.ids)],
            "groups_id": [
                Command.link(env.ref("emploi_accompagne.group_emploi_reporting").id)
            ],
        }
    )
    ref_ids = {
        model: env[model].search([]).ids
        for model in (
            "emploi.phase",
            "emploi.exit.reason",
            "emploi.disability.category",
        )
    }
    action_types = env["emploi.action.type"].search([])
    contracts = env["emploi.contract.type"].search([])
    cr = env.cr
    env.flush_all()

    employer_bands = ["under_20", "20_49", "50_249", "250_plus"]
    employers = bulk(
        cr,
        "res_partner",
        [
            "name",
            "complete_name",
            "active",
            "is_company",
            "type",
            "emploi_is_employer",
            "emploi_sector",
            "emploi_size_band",
        ],
        [
            (
                f"Employeur {scale}-{i}",
                f"Employeur {scale}-{i}",
                True,
                True,
                "contact",
                True,
                "public" if i % 5 == 0 else "private",
                rnd.choice(employer_bands),
            )
            for i in range(max(int(EMPLOYERS * scale), 10))
        ],
    )
    sector = {
        eid: ("public" if i % 5 == 0 else "private") for i, eid in enumerate(employers)
    }

    people = counts["people"]
    partner_ids = bulk(
        cr,
        "res_partner",
        ["name", "complete_name", "active", "is_company", "type"],
        [
            (f"Personne {scale}-{i}",) * 2 + (True, False, "contact")
            for i in range(people)
        ],
    )
    person_company = [companies[i % platforms].id for i in range(people)]
    person_coach = [rnd.choice(coaches[c]) for c in person_company]
    beneficiary_ids = bulk(
        cr,
        "emploi_beneficiary",
        [
            "partner_id",
            "name",
            "company_id",
            "coach_id",
            "active",
            "birthdate",
            "gender",
            "boeth_title",
            "education_level",
            "disability_category_id",
            "consent_date",
        ],
        [
            (
                partner_ids[i],
                f"Personne {scale}-{i}",
                person_company[i],
                person_coach[i],
                True,
                date(1960, 1, 1) + timedelta(days=rnd.randint(0, 16000)),
                rnd.choice(["female", "male"]),
                rnd.choice(["rqth", "rqth", "rqth", "aah"]),
                rnd.choice(["none", "3", "4", "5"]),
                rnd.choice(ref_ids["emploi.disability.category"]),
                date(2018, 1, 1),
            )
            for i in range(people)
        ],
    )

    # Pathways: everyone has one; the extra ones are re-entries after an exit.
    pathway_rows, pathway_meta = [], []
    twice = set(rnd.sample(range(people), counts["pathways"] - people))
    for i in range(people):
        entry = date(2019, 1, 1) + timedelta(days=rnd.randint(0, 2800))
        episodes = []
        if i in twice:
            exit_date = entry + timedelta(days=rnd.randint(60, 500))
            episodes.append((entry, exit_date))
            entry = exit_date + timedelta(days=rnd.randint(30, 300))
        exit_date = entry + timedelta(days=rnd.randint(90, 1200))
        episodes.append((entry, exit_date if rnd.random() < 0.4 else None))
        for number, (start, end) in enumerate(episodes):
            if start > TODAY:
                continue
            end = end if end and end <= TODAY else None
            employed = rnd.random() < 0.15
            pathway_rows.append(
                (
                    f"BENCH/{scale}/{len(pathway_rows)}",
                    beneficiary_ids[i],
                    person_company[i],
                    person_coach[i],
                    True,
                    rnd.choice(ref_ids["emploi.phase"]),
                    "closed" if end else "active",
                    start,
                    "employee" if employed else "job_seeker",
                    employed,
                    end,
                    rnd.choice(ref_ids["emploi.exit.reason"]) if end else None,
                    number > 0,
                )
            )
            pathway_meta.append((start, end or TODAY, employed))
    pathway_ids = bulk(
        cr,
        "emploi_pathway",
        [
            "name",
            "beneficiary_id",
            "company_id",
            "coach_id",
            "active",
            "phase_id",
            "state",
            "entry_date",
            "entry_situation",
            "employed_at_entry",
            "exit_date",
            "exit_reason_id",
            "is_reentry",
        ],
        pathway_rows,
    )

    def pick_pathway():
        index = rnd.randrange(len(pathway_ids))
        return index, pathway_ids[index], pathway_rows[index]

    job_rows = []
    for __ in range(counts["jobs"]):
        index, pathway_id, row = pick_pathway()
        start, last, employed = pathway_meta[index]
        begin = (
            start - timedelta(days=rnd.randint(30, 900))
            if employed
            else (start + timedelta(days=rnd.randint(0, max((last - start).days, 1))))
        )
        end = (
            begin + timedelta(days=rnd.randint(30, 700)) if rnd.random() < 0.5 else None
        )
        employer = rnd.choice(employers)
        contract = rnd.choice(contracts)
        hours = rnd.choice([12.0, 20.0, 24.0, 28.0, 35.0])
        job_rows.append(
            (
                "Poste",
                pathway_id,
                row[1],
                row[2],
                employer,
                contract.id,
                contract.is_durable,
                sector[employer],
                begin,
                end,
                hours,
                hours < 35,
                *(("esat", False) if rnd.random() < 0.1 else (None, True)),
            )
        )
    job_ids = bulk(
        cr,
        "emploi_job",
        [
            "name",
            "pathway_id",
            "beneficiary_id",
            "company_id",
            "employer_id",
            "contract_type_id",
            "is_durable",
            "sector",
            "start_date",
            "end_date",
            "weekly_hours",
            "part_time",
            "non_competitive_reason",
            "is_competitive",
        ],
        job_rows,
    )
    # The ages at entry and at hiring are stored by the ORM; bulk rows get them
    # here (the hand-written SQL recomputes them from the dates of birth).
    cr.execute(
        """UPDATE emploi_pathway p
              SET entry_age = date_part('year', age(p.entry_date, b.birthdate))
             FROM emploi_beneficiary b
            WHERE b.id = p.beneficiary_id AND p.id = ANY(%s)""",
        [pathway_ids],
    )
    cr.execute(
        """UPDATE emploi_job j
              SET start_age = date_part('year', age(j.start_date, b.birthdate))
             FROM emploi_beneficiary b
            WHERE b.id = j.beneficiary_id AND j.id = ANY(%s)""",
        [job_ids],
    )

    locations = ["office", "workplace", "home", "remote"]
    attendance = ["held"] * 18 + ["excused", "no_show"]
    action_rows = []
    for __ in range(counts["actions"]):
        index, pathway_id, row = pick_pathway()
        start, last, __employed = pathway_meta[index]
        day = start + timedelta(days=rnd.randint(0, max((last - start).days, 0)))
        kind = rnd.choice(action_types)
        action_rows.append(
            (
                kind.name,
                pathway_id,
                row[1],
                row[2],
                row[3],
                kind.id,
                kind.employer_side,
                rnd.choice(ref_ids["emploi.phase"]),
                f"{day} 09:00:00",
                day,
                rnd.choice([0.5, 1.0, 1.5, 2.0]),
                rnd.choice(locations),
                not kind.employer_side,
                rnd.choice(employers) if kind.employer_side else None,
                rnd.choice(attendance),
            )
        )
    bulk(
        cr,
        "emploi_action",
        [
            "name",
            "pathway_id",
            "beneficiary_id",
            "company_id",
            "user_id",
            "action_type_id",
            "employer_side",
            "phase_id",
            "start",
            "date",
            "duration",
            "location",
            "with_beneficiary",
            "employer_id",
            "attendance",
        ],
        action_rows,
    )
    # Statistics first (the planner would take the new tables for empty), then
    # the stored computed fields the ORM would have set.
    cr.execute(
        """
        ANALYZE res_partner, emploi_beneficiary, emploi_pathway, emploi_job,
                emploi_action;
        UPDATE emploi_pathway p SET first_job_date = j.first
          FROM (SELECT j.pathway_id, min(j.start_date) AS first
                  FROM emploi_job j JOIN emploi_pathway p ON p.id = j.pathway_id
                 WHERE j.start_date >= p.entry_date GROUP BY 1) j
         WHERE j.pathway_id = p.id;
        UPDATE emploi_pathway p
           SET first_action_date = a.first, last_action_date = a.last
          FROM (SELECT pathway_id, min(date) AS first, max(date) AS last
                  FROM emploi_action WHERE attendance = 'held' GROUP BY 1) a
         WHERE a.pathway_id = p.id AND p.name LIKE 'BENCH/%%';
        UPDATE emploi_pathway p
           SET first_employer_contact_date = a.first
          FROM (SELECT pathway_id, min(date) AS first FROM emploi_action
                 WHERE attendance = 'held' AND employer_side
                   AND employer_id IS NOT NULL AND location != 'remote'
                 GROUP BY 1) a
         WHERE a.pathway_id = p.id AND p.name LIKE 'BENCH/%%';
        ANALYZE res_partner, emploi_beneficiary, emploi_pathway, emploi_job,
                emploi_action;
        """
    )
    env.invalidate_all()
    print(
        f"scale {scale}: {platforms} platforms, {people} people, {len(pathway_ids)} "
        f"pathways, {len(action_rows)} actions, {len(job_rows)} jobs, "
        f"{len(employers)} employers"
    )
    return companies, reporting


def timed(env, call, repeat):
    """Median time (ms) and query count of ``call``, after a warm-up run."""
    call()
    times, queries = [], 0
    for __ in range(repeat):
        env.invalidate_all()
        before = env.cr.sql_log_count
        start = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - start) * 1000)
        queries = env.cr.sql_log_count - before
    return statistics.median(times), queries, result


def raw_figures(cr, companies, queries):
    params = {"companies": companies.ids, "from": PERIOD[0], "to": PERIOD[1]}
    figures = {}
    for code, query in queries.items():
        cr.execute(query, params)
        for company_id, key, value in cr.fetchall():
            figures.setdefault((code, key), {})[company_id] = value
    return figures


def compare(engine, raw):
    """``[(code, key, platform, SQL value, engine value)]`` where the engine's
    figures differ from the hand-written SQL's."""
    return [
        (code, key, company, value, engine.get((code, key), {}).get(company))
        for (code, key), values in raw.items()
        for company, value in values.items()
        if engine.get((code, key), {}).get(company) != value
    ]


def run(env, scale, repeat, rnd):
    # A region has 10 platforms; the nation at scale 5, 50.
    platforms = max(PLATFORMS, round(PLATFORMS * scale))
    companies, reporting = seed_region(env, scale, rnd, platforms=platforms)
    as_reporting = env(user=reporting)
    Indicators = as_reporting["emploi.funder.indicators"]
    wizard = as_reporting["emploi.funder.report.wizard"].create(
        {
            "date_from": PERIOD[0],
            "date_to": PERIOD[1],
            "company_ids": [Command.set(companies.ids)],
        }
    )
    Analysis = as_reporting["emploi.pathway.analysis"].with_context(
        allowed_company_ids=companies.ids
    )
    every = RAW_SQL | RAW_SQL_MORE
    measures = [
        key for key, __ in env["emploi.fidelity.item"]._fields["measure"].selection
    ]
    rows = [
        (
            "engine, same figures as the SQL",
            lambda: Indicators._compute_figures(*PERIOD, companies, codes=RAW_SQL),
        ),
        (
            "engine, the SQL's every family",
            lambda: Indicators._compute_figures(*PERIOD, companies, codes=every),
        ),
        (
            "engine, every figure",
            lambda: Indicators._compute_figures(*PERIOD, companies),
        ),
        ("regional spreadsheet", wizard._render_xlsx),
        (
            "IPS outcomes screen, 8 quarters",
            lambda: as_reporting["emploi.ips.quarter"]._refresh(companies, PERIOD[1]),
        ),
        (
            "fidelity review measures",
            lambda: as_reporting["emploi.fidelity.measure"]._measure_all(
                companies[0], PERIOD[1], measures
            ),
        ),
        (
            "pathway pivot: platform x age",
            lambda: Analysis._read_group([], ["company_id", "age_band"], ["__count"]),
        ),
        (
            "pathway pivot: exit reason",
            lambda: Analysis._read_group(
                [("exit_date", ">=", PERIOD[0]), ("exit_date", "<=", PERIOD[1])],
                ["exit_reason_id"],
                ["__count", "days_to_first_job:avg"],
            ),
        ),
    ]
    raw_ms, raw_queries, raw = timed(
        env, lambda: raw_figures(env.cr, companies, RAW_SQL), repeat
    )
    all_ms, all_queries, all_raw = timed(
        env, lambda: raw_figures(env.cr, companies, every), repeat
    )
    print(
        f"  {'operation':<32} {'ms':>9} {'queries':>8} {'x raw SQL':>10}"
        "  (raw SQL: the same 10 families / every family)"
    )
    results = {}
    for label, call in rows:
        elapsed, queries, results[label] = timed(env, call, repeat)
        base = {"engine, same": raw_ms, "engine, the SQL": all_ms}
        ratio = next((elapsed / ms for k, ms in base.items() if label.startswith(k)), 0)
        shown = f"{ratio:10.2f}" if ratio else ""
        print(f"  {label:<32} {elapsed:9.1f} {queries:8d} {shown}")
    print(f"  {'hand-written SQL, 10 families':<32} {raw_ms:9.1f} {raw_queries:8d}")
    print(f"  {'hand-written SQL, every family':<32} {all_ms:9.1f} {all_queries:8d}")
    mismatches = compare(results["engine, every figure"], all_raw)
    for mismatch in mismatches:
        print("  MISMATCH code %s key %s platform %s: SQL %s, engine %s" % mismatch)
    if not mismatches:
        print(
            f"  the engine's figures equal the hand-written SQL ({len(all_raw)} series)"
        )
    return not mismatches


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--scales", type=float, nargs="+", default=[0.1, 1.0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    config.parse_config(["-c", args.config, "-d", args.database])
    odoo.service.server.load_server_wide_modules()
    registry = Registry(args.database)
    ok = True
    for scale in args.scales:
        with registry.cursor() as cr:
            env = api.Environment(cr, odoo.SUPERUSER_ID, {})
            try:
                ok &= run(env, scale, args.repeat, random.Random(42))
            finally:
                cr.rollback()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
