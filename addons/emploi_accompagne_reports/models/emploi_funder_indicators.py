from collections import defaultdict
from decimal import Decimal

from odoo import api, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

from odoo.addons.emploi_accompagne.models.emploi_convention import SPE_OPERATORS
from odoo.addons.emploi_accompagne.models.emploi_referral import SOURCES

from .emploi_pathway_analysis import age_band_sql

TOTAL = 0  # company key of the figure over every platform asked for

# Pathways of the platforms, open at some point of the period; an admitted
# person not met yet has not entered (A3: the first held appointment).
SCOPE = """
    SELECT p.id, p.company_id, p.beneficiary_id, p.coach_id, p.entry_date, p.entry_age,
           p.exit_date, p.exit_reason_id, p.entry_situation, p.employed_at_entry,
           p.is_reentry, p.first_job_date
      FROM emploi_pathway p
     WHERE p.active
       AND NOT COALESCE(p.entry_pending, FALSE)
       AND p.company_id = ANY(%(companies)s)
       AND (%(pathways)s::int[] IS NULL OR p.id = ANY(%(pathways)s::int[]))
       AND p.entry_date <= %(date_to)s
       AND (p.exit_date IS NULL OR p.exit_date >= %(date_from)s)
"""
# One row per person: the latest of their pathways in the period.
PEOPLE = """
    SELECT DISTINCT ON (s.beneficiary_id) s.*
      FROM scope s
     ORDER BY s.beneficiary_id, s.entry_date DESC, s.id DESC
"""
OPEN_AT_END = (
    "s.entry_date <= %(date_to)s "
    "AND (s.exit_date IS NULL OR s.exit_date >= %(date_to)s)"
)
PEOPLE_FILES = "people s JOIN emploi_beneficiary b ON b.id = s.beneficiary_id"
FIRST_JOBS = "scope s WHERE s.first_job_date BETWEEN %(date_from)s AND %(date_to)s"
NEW_JOBS = """scope s JOIN emploi_job j ON j.pathway_id = s.id
    WHERE j.start_date BETWEEN %(date_from)s AND %(date_to)s"""
HELD_ACTIONS = """scope s JOIN emploi_action a ON a.pathway_id = s.id
    WHERE a.attendance = 'held' AND a.date BETWEEN %(date_from)s AND %(date_to)s"""
# Held actions with a person and with an employer alone (employer relations),
# one row each; the latter belong to no pathway, so no funder's filter holds them.
ALL_HELD_ACTIONS = f"""(
    SELECT s.company_id, a.employer_id, a.action_type_id, a.duration
      FROM {HELD_ACTIONS}
    UNION ALL
    SELECT ea.company_id, ea.employer_id, ea.action_type_id, ea.duration
      FROM emploi_employer_action ea
     WHERE ea.attendance = 'held'
       AND ea.date BETWEEN %(date_from)s AND %(date_to)s
       AND ea.company_id = ANY(%(companies)s)
       AND %(pathways)s::int[] IS NULL
) s"""

AGE_BAND = age_band_sql("s.entry_age")

# (code, SELECT of "key, value" over the FROM clause, FROM clause). Every query
# is grouped by platform and key, with the all-platforms total (GROUPING SETS).
QUERIES = [
    ("A1", "NULL, count(DISTINCT s.beneficiary_id)", "scope s"),
    (
        "A2",
        "NULL, count(DISTINCT s.beneficiary_id)",
        f"scope s WHERE {OPEN_AT_END}",
    ),
    (
        "A3",
        "NULL, count(*)",
        "scope s WHERE s.entry_date >= %(date_from)s",
    ),
    (
        "A3_situation",
        "s.entry_situation, count(*)",
        "scope s WHERE s.entry_date >= %(date_from)s",
    ),
    (
        "A3_prescriber",
        "COALESCE(r.prescription, 'none'), count(DISTINCT s.id)",
        """scope s LEFT JOIN emploi_referral r ON r.pathway_id = s.id
           WHERE s.entry_date >= %(date_from)s""",
    ),
    (
        "A3_source",
        "r.prescriber_type, count(DISTINCT s.id)",
        """scope s JOIN emploi_referral r ON r.pathway_id = s.id
           WHERE s.entry_date >= %(date_from)s
             AND r.prescriber_type <> COALESCE(r.prescription, '')""",
    ),
    (
        "A5",
        "NULL, count(*)",
        "scope s WHERE s.exit_date <= %(date_to)s",
    ),
    (
        "A5_reason",
        "s.exit_reason_id, count(*)",
        "scope s WHERE s.exit_date <= %(date_to)s",
    ),
    (
        "A6",
        "NULL, count(*)",
        "scope s WHERE s.entry_date >= %(date_from)s AND s.is_reentry",
    ),
    (
        "A10_coaches",
        "NULL, count(DISTINCT s.coach_id)",
        f"scope s WHERE {OPEN_AT_END} AND s.coach_id IS NOT NULL",
    ),
    (
        "B_gender",
        "b.gender, count(*)",
        PEOPLE_FILES,
    ),
    (
        "B_age",
        f"{AGE_BAND}, count(*)",
        PEOPLE_FILES,
    ),
    (
        "B_disability",
        "b.disability_category_id, count(*)",
        PEOPLE_FILES,
    ),
    (
        "B_title",
        "b.boeth_title, count(*)",
        PEOPLE_FILES,
    ),
    (
        "B_education",
        "b.education_level, count(*)",
        PEOPLE_FILES,
    ),
    ("B_situation", "s.entry_situation, count(*)", "people s"),
    (
        "C1",
        "NULL, count(DISTINCT s.beneficiary_id)",
        f"""scope s JOIN emploi_job j ON j.pathway_id = s.id
           WHERE {OPEN_AT_END} AND j.start_date <= %(date_to)s
             AND (j.end_date IS NULL OR j.end_date >= %(date_to)s)""",
    ),
    (
        "C2",
        "NULL, count(DISTINCT s.beneficiary_id)",
        FIRST_JOBS,
    ),
    ("C3_den", "NULL, count(*)", "people s WHERE NOT s.employed_at_entry"),
    (
        "C3_num",
        "NULL, count(*)",
        "people s WHERE NOT s.employed_at_entry AND s.first_job_date <= %(date_to)s",
    ),
    (
        "C4_count",
        "NULL, count(*)",
        FIRST_JOBS,
    ),
    (
        "C4_avg",
        "NULL, round(avg(s.first_job_date - s.entry_date), 1)",
        FIRST_JOBS,
    ),
    (
        "C4_median",
        "NULL, percentile_cont(0.5) WITHIN GROUP "
        "(ORDER BY s.first_job_date - s.entry_date)",
        FIRST_JOBS,
    ),
    (
        "C4_within_6m",
        "NULL, count(*)",
        f"{FIRST_JOBS} AND s.first_job_date - s.entry_date <= 183",
    ),
    (
        "C6_contract",
        "j.contract_type_id, count(*)",
        NEW_JOBS,
    ),
    (
        "C7",
        "NULL, count(*)",
        f"{NEW_JOBS} AND j.is_durable",
    ),
    (
        "C8_time",
        "CASE WHEN j.part_time THEN 'part_time' ELSE 'full_time' END, count(*)",
        NEW_JOBS,
    ),
    (
        "C9_sector",
        "j.sector, count(*)",
        NEW_JOBS,
    ),
    (
        "D_duration",
        "s.exit_reason_id, round(avg(s.exit_date - s.entry_date), 1)",
        "scope s WHERE s.exit_date <= %(date_to)s",
    ),
    (
        "A7_size",
        "COALESCE(e.emploi_size_band, 'unknown'), count(DISTINCT s.employer_id)",
        f"{ALL_HELD_ACTIONS} JOIN res_partner e ON e.id = s.employer_id",
    ),
    (
        "A7",
        "NULL, count(DISTINCT s.employer_id)",
        f"{ALL_HELD_ACTIONS} WHERE s.employer_id IS NOT NULL",
    ),
    (
        "A8_count_phase",
        "a.phase_id, count(*)",
        HELD_ACTIONS,
    ),
    (
        "A8_hours_phase",
        "a.phase_id, sum(a.duration)",
        HELD_ACTIONS,
    ),
    (
        "A8_count_type",
        "s.action_type_id, count(*)",
        ALL_HELD_ACTIONS,
    ),
    (
        "A8_hours_type",
        "s.action_type_id, sum(s.duration)",
        ALL_HELD_ACTIONS,
    ),
]


# Figures derived from others after the queries: what each one needs.
DERIVED = {"A10_caseload": {"A2", "A10_coaches"}, "E_per_person": {"A1"}}


class EmploiFunderIndicators(models.AbstractModel):
    """The figures funders ask for, computed in SQL over the platforms' files.

    Only aggregates leave this model: the reporting role, which cannot read a
    single file, gets them for the platforms it may access. Definitions are in
    the catalogue (``emploi.funder.catalogue``) and the spreadsheet's last sheet.
    """

    _name = "emploi.funder.indicators"
    _description = "Funder indicators"

    @api.model
    def _compute_figures(
        self,
        date_from,
        date_to,
        companies,
        pathway_ids=None,
        codes=None,
        convention_ids=None,
    ):
        """Return ``{(code, key): {company_id: value}}``; ``TOTAL`` (0) holds the
        figure over all the platforms. ``pathway_ids`` restricts the pathways
        (those a convention funds) and ``convention_ids`` the money counted (the
        same conventions), ``codes`` the indicators (all by default).
        The number of queries does not depend on the data: one per indicator
        family."""
        companies = companies._origin  # the form's records are new ones
        forbidden = companies - self.env.user.company_ids
        if forbidden and not self.env.su:
            raise AccessError(
                self.env._(
                    "You may not report on the platform(s) %s.",
                    ", ".join(forbidden.mapped("name")),
                )
            )
        if codes is not None:
            codes = set(codes).union(*(DERIVED.get(code, ()) for code in codes))
        self.env.flush_all()  # the queries read the tables, not the cache
        params = {
            "companies": companies.ids,
            "date_from": date_from,
            "date_to": date_to,
            "pathways": list(pathway_ids) if pathway_ids is not None else None,
        }
        figures = defaultdict(dict)
        for code, select, source in QUERIES:
            if codes is not None and code not in codes:
                continue
            query = f"""
                WITH scope AS ({SCOPE}), people AS ({PEOPLE})
                SELECT s.company_id, {select}
                  FROM {source}
                 GROUP BY GROUPING SETS ((s.company_id, 2), (2))
            """
            self.env.cr.execute(SQL(query, **params))
            for company_id, key, value in self.env.cr.fetchall():
                if isinstance(value, Decimal):
                    value = float(value)
                figures[code, key][company_id or TOTAL] = value
        self._add_finance(figures, date_from, date_to, companies, convention_ids)
        for company_id, coaches in figures["A10_coaches", None].items():
            people = figures["A2", None].get(company_id, 0)
            figures["A10_caseload", None][company_id] = round(people / coaches, 1)
        return dict(figures)

    def _add_finance(self, figures, date_from, date_to, companies, convention_ids):
        """Amounts of the conventions per funder: for each year of the period,
        the latest signed amendment's amount where one changes that year, else
        the convention's own; a year the period covers in part counts for its
        share of days."""
        if convention_ids is None:
            Convention = self.env["emploi.convention"].sudo()
            convention_ids = Convention.search(
                Convention._funding_domain() + [("company_id", "in", companies.ids)]
            ).ids
        self.env.cr.execute(
            SQL(
                """
                WITH line AS (
                    SELECT COALESCE(c.parent_id, c.id) AS root, y.year, y.amount,
                           row_number() OVER (
                               PARTITION BY COALESCE(c.parent_id, c.id), y.year
                               ORDER BY c.parent_id IS NULL,
                                        c.signature_date DESC NULLS LAST, c.id DESC
                           ) AS rank
                      FROM emploi_convention_year y
                      JOIN emploi_convention c ON c.id = y.convention_id
                     WHERE c.state IN ('signed', 'expired')
                       AND y.year BETWEEN %(year_from)s AND %(year_to)s
                ), dated AS (
                    SELECT line.*, make_date(line.year, 1, 1) AS first_day,
                           make_date(line.year, 12, 31) AS last_day
                      FROM line WHERE rank = 1
                )
                SELECT c.company_id, c.funder, round(sum(
                           d.amount
                           * (LEAST(d.last_day, %(date_to)s::date)
                              - GREATEST(d.first_day, %(date_from)s::date) + 1)
                           / (d.last_day - d.first_day + 1)::numeric), 2)
                  FROM dated d
                  JOIN emploi_convention c ON c.id = d.root
                 WHERE c.id = ANY(%(conventions)s::int[])
                   AND c.company_id = ANY(%(companies)s)
                 GROUP BY GROUPING SETS ((c.company_id, c.funder), (c.funder))
                """,
                companies=companies.ids,
                date_from=date_from,
                date_to=date_to,
                year_from=date_from.year,
                year_to=date_to.year,
                conventions=list(convention_ids),
            )
        )
        for company_id, funder, amount in self.env.cr.fetchall():
            figures["E_amount", funder][company_id or TOTAL] = float(amount)
        for company_id in [*companies.ids, TOTAL]:
            total = sum(
                amounts.get(company_id, 0)
                for (code, __), amounts in figures.items()
                if code == "E_amount"
            )
            people = figures["A1", None].get(company_id, 0)
            figures["E_total", None][company_id] = total
            figures["E_per_person", None][company_id] = (
                round(total / people, 2) if people else 0
            )

    @api.model
    def _get_catalogue(self):
        """The sheets of the funder spreadsheet, in order: ``[(title, rows)]``.

        A row is a dict: ``code``, ``label``, ``definition``, ``kind`` (``value``,
        ``breakdown`` with its ``keys`` [(key, label)] and whether a ``total``
        row makes sense, ``rate`` of ``code`` over ``den``), ``people`` (a count
        of people, masked when small) and ``unit`` ("", "days", "ratio", "h", "€",
        "%"). ``over``: the count of people an average or a ratio is computed
        over (it is masked with it); ``total_code``: the figure the total line
        of a breakdown is (masked alike wherever it shows).
        """
        _ = self.env._
        Pathway = self.env["emploi.pathway"]
        Beneficiary = self.env["emploi.beneficiary"]
        Job = self.env["emploi.job"]

        def selection(model, field):
            return list(model._fields[field]._description_selection(self.env))

        found = {}

        def records(model):
            if model not in found:
                found[model] = [
                    (r.id, r.display_name) for r in self.env[model].search([])
                ]
            return found[model]

        def value(code, label, definition, people=True, unit="", over=None):
            return {
                "code": code,
                "label": label,
                "definition": definition,
                "kind": "value",
                "people": people,
                "unit": unit,
                "over": over,
            }

        def breakdown(
            code,
            label,
            keys,
            definition,
            people=True,
            unit="",
            total=True,
            total_code=None,
            over=None,
        ):
            return dict(
                value(code, label, definition, people, unit, over),
                kind="breakdown",
                keys=keys,
                total=total,
                total_code=total_code,
            )

        def rate(code, den, label, definition):
            return dict(
                value(code, label, definition, False, "%"), kind="rate", den=den
            )

        entries = _("pathways whose entry date is in the period")
        people_in_period = _(
            "people (counted once) with a pathway open at least one day of the period"
        )
        profile = _(
            "%s; for someone with several pathways, the latest one", people_in_period
        )
        held_actions = _("support actions held in the period")
        new_jobs = _("jobs starting in the period")
        access = _(
            "people of the period not employed at entry who started a job since "
            "their entry (up to the end of the period), over those people"
        )
        first_jobs = _("pathways whose first job since entry started in the period")
        yearly_amounts = _(
            "yearly amounts of the signed conventions (the latest signed "
            "amendment's where one changes a year), a year the period covers in "
            "part for its share of days; with a funder or a convention chosen, "
            "theirs only"
        )
        headline = [
            value("A1", _("Active caseload over the period"), people_in_period),
            value(
                "A2",
                _("Active caseload at the end of the period"),
                _("people with a pathway open on the last day of the period"),
            ),
            value("A3", _("Entries"), entries),
            value("A5", _("Exits"), _("pathways whose exit date is in the period")),
            value(
                "C1",
                _("People in employment at the end of the period"),
                _("people with an open pathway and an ongoing job on the last day"),
            ),
            rate("C3_num", "C3_den", _("Access to employment rate"), access),
            value(
                "C4_avg",
                _("Average delay to first job (days)"),
                _("days from entry to the first job, %s", first_jobs),
                people=False,
                unit="days",
                over="C4_count",
            ),
            value(
                "A7",
                _("Employers supported"),
                _(
                    "employers (counted once) met in a held support action or "
                    "employer relations action"
                ),
                people=False,
            ),
            value(
                "A10_caseload",
                _("Average caseload per job coach at the end of the period"),
                _(
                    "people with a pathway open on the last day, over the coaches "
                    "referent of at least one of them"
                ),
                people=False,
                unit="ratio",
                over="A2",
            ),
            value(
                "E_total",
                _("Funding received"),
                yearly_amounts,
                people=False,
                unit="€",
            ),
        ]
        return [
            (_("Summary"), headline),
            (
                _("Activity"),
                [
                    *headline[:2],
                    value("A3", _("Entries"), entries),
                    breakdown(
                        "A3_situation",
                        _("Entries by situation at entry"),
                        selection(Pathway, "entry_situation"),
                        entries,
                        total_code="A3",
                    ),
                    breakdown(
                        "A3_prescriber",
                        _("Entries by prescriber"),
                        [
                            *selection(self.env["emploi.referral"], "prescription"),
                            ("none", _("No prescription recorded")),
                        ],
                        _(
                            "%s, by the prescriber of the admitted referral (the "
                            "CDAPH or the public employment service)",
                            entries,
                        ),
                        total_code="A3",
                    ),
                    breakdown(
                        "A3_source",
                        _("Entries referred by another source"),
                        [
                            (key, label)
                            for key, label in selection(
                                self.env["emploi.referral"], "prescriber_type"
                            )
                            if key in dict(SOURCES)
                        ],
                        _(
                            "%s whose referral came from a source that does not "
                            "prescribe (medico-social service, employer, the person)",
                            entries,
                        ),
                        total=False,
                    ),
                    value(
                        "A6",
                        _("Re-entries"),
                        _("entries of people who had an earlier pathway"),
                    ),
                    value(
                        "A5", _("Exits"), _("pathways whose exit date is in the period")
                    ),
                    breakdown(
                        "A5_reason",
                        _("Exits by reason"),
                        records("emploi.exit.reason"),
                        _("pathways whose exit date is in the period"),
                        total_code="A5",
                    ),
                    value(
                        "A10_coaches",
                        _("Job coaches with a caseload at the end of the period"),
                        _("coaches referent of at least one open pathway"),
                        people=False,
                    ),
                    headline[8],
                ],
            ),
            (
                _("Profiles"),
                [
                    breakdown(
                        "B_gender",
                        _("Sex"),
                        selection(Beneficiary, "gender"),
                        profile,
                        total_code="A1",
                    ),
                    breakdown(
                        "B_age",
                        _("Age at entry"),
                        selection(self.env["emploi.pathway.analysis"], "age_band"),
                        profile,
                        total_code="A1",
                    ),
                    breakdown(
                        "B_disability",
                        _("Main disability"),
                        records("emploi.disability.category"),
                        profile,
                        total_code="A1",
                    ),
                    breakdown(
                        "B_title",
                        _("Beneficiary of the employment obligation (BOETH) title"),
                        selection(Beneficiary, "boeth_title"),
                        profile,
                        total_code="A1",
                    ),
                    breakdown(
                        "B_education",
                        _("Education level"),
                        selection(Beneficiary, "education_level"),
                        profile,
                        total_code="A1",
                    ),
                    breakdown(
                        "B_situation",
                        _("Situation at entry"),
                        selection(Pathway, "entry_situation"),
                        profile,
                        total_code="A1",
                    ),
                ],
            ),
            (
                _("Employment outcomes"),
                [
                    headline[4],
                    value(
                        "C2",
                        _("People who accessed employment in the period"),
                        _("people whose first job since entry started in the period"),
                    ),
                    value(
                        "C3_den",
                        _("People not employed at entry"),
                        _("%s, not employed when they entered", people_in_period),
                    ),
                    value(
                        "C3_num",
                        _("... of whom employed since their entry"),
                        access,
                    ),
                    headline[5],
                    breakdown(
                        "C6_contract",
                        _("Contracts signed by type"),
                        records("emploi.contract.type"),
                        new_jobs,
                        total_code="C_new_jobs",
                    ),
                    value(
                        "C7",
                        _("... of which durable employment"),
                        _(
                            "%s with a durable contract (permanent, fixed-term or "
                            "temporary of 6 months or more, business creation)",
                            new_jobs,
                        ),
                    ),
                    breakdown(
                        "C8_time",
                        _("Working time"),
                        [("full_time", _("Full time")), ("part_time", _("Part time"))],
                        new_jobs,
                        total_code="C_new_jobs",
                    ),
                    breakdown(
                        "C9_sector",
                        _("Employer sector"),
                        selection(Job, "sector"),
                        new_jobs,
                        total_code="C_new_jobs",
                    ),
                ],
            ),
            (
                _("Durations and delays"),
                [
                    value("C4_count", _("First jobs in the period"), first_jobs),
                    headline[6],
                    value(
                        "C4_median",
                        _("Median delay to first job (days)"),
                        _(
                            "median of the days from entry to the first job, %s",
                            first_jobs,
                        ),
                        people=False,
                        unit="days",
                        over="C4_count",
                    ),
                    value(
                        "C4_within_6m",
                        _("First jobs within 6 months of entry"),
                        _("%s, at most 183 days after the entry", first_jobs),
                    ),
                    breakdown(
                        "D_duration",
                        _("Average duration of the pathways ended (days)"),
                        records("emploi.exit.reason"),
                        _("days from entry to exit, pathways ended in the period"),
                        people=False,
                        unit="days",
                        total=False,
                        over="A5_reason",
                    ),
                ],
            ),
            (
                _("Services by phase"),
                [
                    breakdown(
                        "A8_count_phase",
                        _("Support actions held, by phase"),
                        records("emploi.phase"),
                        held_actions,
                        people=False,
                    ),
                    breakdown(
                        "A8_hours_phase",
                        _("Hours of support held, by phase"),
                        records("emploi.phase"),
                        _("sum of the durations of the %s", held_actions),
                        people=False,
                        unit="h",
                    ),
                    breakdown(
                        "A8_count_type",
                        _("Support actions held, by type"),
                        records("emploi.action.type"),
                        _("%s, and employer relations held", held_actions),
                        people=False,
                    ),
                    breakdown(
                        "A8_hours_type",
                        _("Hours of support held, by type"),
                        records("emploi.action.type"),
                        _(
                            "sum of the durations of the %s and of the employer "
                            "relations held",
                            held_actions,
                        ),
                        people=False,
                        unit="h",
                    ),
                ],
            ),
            (
                _("Employers"),
                [
                    headline[7],
                    breakdown(
                        "A7_size",
                        _("Employers supported by size"),
                        [
                            *selection(self.env["res.partner"], "emploi_size_band"),
                            ("unknown", _("Size unknown")),
                        ],
                        _(
                            "employers (counted once) met in a held support action "
                            "or employer relations action"
                        ),
                        people=False,
                    ),
                ],
            ),
            (
                _("Finance"),
                [
                    breakdown(
                        "E_amount",
                        _("Funding by funder"),
                        [
                            (key, label)
                            for key, label in selection(
                                self.env["emploi.convention"], "funder"
                            )
                            if key not in SPE_OPERATORS
                        ],
                        yearly_amounts,
                        people=False,
                        unit="€",
                    ),
                    headline[9],
                    value(
                        "E_per_person",
                        _("Funding per person supported"),
                        _("funding received over the active caseload of the period"),
                        people=False,
                        unit="€",
                        over="A1",
                    ),
                ],
            ),
        ]
