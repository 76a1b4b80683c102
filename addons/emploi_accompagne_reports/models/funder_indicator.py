"""The funder indicators, each declared once: its code, the SQL that counts it
(or how it derives from others), its label and definition, its unit, whether
it counts people, and the keys of a breakdown. The engine
(``emploi.funder.indicators``) runs them, the matrix (``report/funder_matrix``)
rounds, totals and masks them, and the screen and the spreadsheet render it.

Every SQL runs over ``scope`` (the platforms' pathways open in the period,
restricted to those a funder funds) and ``people`` (one row a person: their
latest pathway of the period), grouped by platform and key with the total of
all the platforms.
"""

from dataclasses import dataclass

from odoo.tools.translate import LazyTranslate

from odoo.addons.emploi_accompagne.models.emploi_convention import SPE_OPERATORS
from odoo.addons.emploi_accompagne.models.emploi_referral import SOURCES

from .emploi_pathway_analysis import age_band_sql

_lt = LazyTranslate(__name__)

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
ENTERED = "scope s WHERE s.entry_date >= %(date_from)s"
EXITED = "scope s WHERE s.exit_date <= %(date_to)s"
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


def selection(model, field, only=None, extra=()):
    """Keys of a breakdown: the values of a selection field (``only`` those),
    then ``extra`` [(key, lazy label)]."""

    def keys(env):
        values = env[model]._fields[field]._description_selection(env)
        return [
            *((key, label) for key, label in values if only is None or key in only),
            *((key, env._(label)) for key, label in extra),
        ]

    return keys


def records(model):
    """Keys of a breakdown: the stable codes of a nomenclature's records (a
    certified report reprints the same after a record is renamed)."""
    return lambda env: [(r.code, r.display_name) for r in env[model].search([])]


def coded(table, alias, column):
    """LEFT JOIN of the nomenclature ``table`` whose code keys a breakdown."""
    return f"LEFT JOIN {table} {alias} ON {alias}.id = {column}"


def fixed(*pairs):
    """Keys of a breakdown: [(key, lazy label)] written here."""
    return lambda env: [(key, env._(label)) for key, label in pairs]


@dataclass(frozen=True)
class Indicator:
    """One figure of the funder report.

    ``select`` ("key, value") over ``source`` (a FROM clause) counts it, or
    ``derive`` computes it per platform from ``needs``, or the engine's method
    ``method`` does. ``definition``: a lazy text, or (template, parts…) whose
    ``%s`` take the translated parts. ``kind``: ``value``, ``breakdown`` (with
    ``keys`` and a ``total`` line, ``total_code`` the figure that line equals)
    or ``rate`` (of ``num`` over ``den``); ``nomenclature``: the model whose
    codes key a breakdown and list its keys (older certified reports keyed it by
    ids). ``people``: a count of people, masked when small; ``over``: the count
    an average is computed over (masked with it). ``unit``: "", "days",
    "ratio", "h", "€" (and "%" for a rate).
    """

    code: str
    label: object
    definition: object
    select: str = None
    source: str = None
    derive: object = None
    needs: tuple = ()
    method: str = None
    kind: str = "value"
    keys: object = None
    nomenclature: str = None
    people: bool = True
    unit: str = ""
    total: bool = True
    total_code: str = None
    over: str = None
    num: str = None
    den: str = None


# Definitions shared by several indicators.
ENTRIES = _lt("pathways whose entry date is in the period")
EXITS = _lt("pathways whose exit date is in the period")
PEOPLE_IN_PERIOD = _lt(
    "people (counted once) with a pathway open at least one day of the period"
)
PROFILE = (
    _lt("%s; for someone with several pathways, the latest one"),
    PEOPLE_IN_PERIOD,
)
HELD = _lt("support actions held in the period")
NEW_JOBS_TEXT = _lt("jobs starting in the period")
ACCESS = _lt(
    "people of the period not employed at entry who started a job since "
    "their entry (up to the end of the period), over those people"
)
FIRST_JOBS_TEXT = _lt("pathways whose first job since entry started in the period")
EMPLOYERS = _lt(
    "employers (counted once) met in a held support action or employer relations "
    "action"
)
YEARLY_AMOUNTS = _lt(
    "yearly amounts of the signed conventions (the latest signed amendment's "
    "where one changes a year), a year the period covers in part for its share of "
    "days; with a funder or a convention chosen, theirs only"
)


def ratio(numerator, denominator, digits, default=None):
    """Derive a figure as ``numerator / denominator``; ``default`` without a
    denominator (None: no figure)."""

    def derive(figures, company):
        den = figures.get((denominator, None), {}).get(company, 0)
        num = figures.get((numerator, None), {}).get(company, 0)
        return round(num / den, digits) if den else default

    return derive


def total_of(code):
    """Derive a figure as the sum of a breakdown's lines."""

    def derive(figures, company):
        return sum(
            values.get(company, 0)
            for (name, __), values in figures.items()
            if name == code
        )

    return derive


AGE_BAND = age_band_sql("s.entry_age")

INDICATORS = [
    # Activity
    Indicator(
        "A1",
        _lt("Active caseload over the period"),
        PEOPLE_IN_PERIOD,
        "NULL, count(DISTINCT s.beneficiary_id)",
        "scope s",
    ),
    Indicator(
        "A2",
        _lt("Active caseload at the end of the period"),
        _lt("people with a pathway open on the last day of the period"),
        "NULL, count(DISTINCT s.beneficiary_id)",
        f"scope s WHERE {OPEN_AT_END}",
    ),
    Indicator("A3", _lt("Entries"), ENTRIES, "NULL, count(*)", ENTERED),
    Indicator(
        "A3_situation",
        _lt("Entries by situation at entry"),
        ENTRIES,
        "s.entry_situation, count(*)",
        ENTERED,
        kind="breakdown",
        keys=selection("emploi.pathway", "entry_situation"),
        total_code="A3",
    ),
    Indicator(
        "A3_prescriber",
        _lt("Entries by prescriber"),
        (
            _lt(
                "%s, by the prescriber of the admitted referral (the CDAPH or the "
                "public employment service)"
            ),
            ENTRIES,
        ),
        "COALESCE(r.prescription, 'none'), count(DISTINCT s.id)",
        """scope s LEFT JOIN emploi_referral r ON r.pathway_id = s.id
           WHERE s.entry_date >= %(date_from)s""",
        kind="breakdown",
        keys=selection(
            "emploi.referral",
            "prescription",
            extra=[("none", _lt("No prescription recorded"))],
        ),
        total_code="A3",
    ),
    Indicator(
        "A3_source",
        _lt("Entries referred by another source"),
        (
            _lt(
                "%s whose referral came from a source that does not prescribe "
                "(medico-social service, employer, the person)"
            ),
            ENTRIES,
        ),
        "r.prescriber_type, count(DISTINCT s.id)",
        """scope s JOIN emploi_referral r ON r.pathway_id = s.id
           WHERE s.entry_date >= %(date_from)s
             AND r.prescriber_type <> COALESCE(r.prescription, '')""",
        kind="breakdown",
        keys=selection("emploi.referral", "prescriber_type", only=dict(SOURCES)),
        total=False,
    ),
    Indicator(
        "A6",
        _lt("Re-entries"),
        _lt("entries of people who had an earlier pathway"),
        "NULL, count(*)",
        f"{ENTERED} AND s.is_reentry",
    ),
    Indicator("A5", _lt("Exits"), EXITS, "NULL, count(*)", EXITED),
    Indicator(
        "A5_reason",
        _lt("Exits by reason"),
        EXITS,
        "x.code, count(*)",
        f"scope s {coded('emploi_exit_reason', 'x', 's.exit_reason_id')}"
        " WHERE s.exit_date <= %(date_to)s",
        kind="breakdown",
        nomenclature="emploi.exit.reason",
        total_code="A5",
    ),
    Indicator(
        "A10_coaches",
        _lt("Job coaches with a caseload at the end of the period"),
        _lt("coaches referent of at least one open pathway"),
        "NULL, count(DISTINCT s.coach_id)",
        f"scope s WHERE {OPEN_AT_END} AND s.coach_id IS NOT NULL",
        people=False,
    ),
    Indicator(
        "A10_caseload",
        _lt("Average caseload per job coach at the end of the period"),
        _lt(
            "people with a pathway open on the last day, over the coaches referent "
            "of at least one of them"
        ),
        derive=ratio("A2", "A10_coaches", 1),
        needs=("A2", "A10_coaches"),
        people=False,
        unit="ratio",
        over="A2",
    ),
    # Profiles
    Indicator(
        "B_gender",
        _lt("Sex"),
        PROFILE,
        "b.gender, count(*)",
        PEOPLE_FILES,
        kind="breakdown",
        keys=selection("emploi.beneficiary", "gender"),
        total_code="A1",
    ),
    Indicator(
        "B_age",
        _lt("Age at entry"),
        PROFILE,
        f"{AGE_BAND}, count(*)",
        PEOPLE_FILES,
        kind="breakdown",
        keys=selection("emploi.pathway.analysis", "age_band"),
        total_code="A1",
    ),
    Indicator(
        "B_disability",
        _lt("Main disability"),
        PROFILE,
        "d.code, count(*)",
        f"{PEOPLE_FILES} "
        f"{coded('emploi_disability_category', 'd', 'b.disability_category_id')}",
        kind="breakdown",
        nomenclature="emploi.disability.category",
        total_code="A1",
    ),
    Indicator(
        "B_title",
        _lt("Beneficiary of the employment obligation (BOETH) title"),
        PROFILE,
        "b.boeth_title, count(*)",
        PEOPLE_FILES,
        kind="breakdown",
        keys=selection("emploi.beneficiary", "boeth_title"),
        total_code="A1",
    ),
    Indicator(
        "B_education",
        _lt("Education level"),
        PROFILE,
        "b.education_level, count(*)",
        PEOPLE_FILES,
        kind="breakdown",
        keys=selection("emploi.beneficiary", "education_level"),
        total_code="A1",
    ),
    Indicator(
        "B_situation",
        _lt("Situation at entry"),
        PROFILE,
        "s.entry_situation, count(*)",
        "people s",
        kind="breakdown",
        keys=selection("emploi.pathway", "entry_situation"),
        total_code="A1",
    ),
    # Employment outcomes
    Indicator(
        "C1",
        _lt("People in employment at the end of the period"),
        _lt("people with an open pathway and an ongoing job on the last day"),
        "NULL, count(DISTINCT s.beneficiary_id)",
        f"""scope s JOIN emploi_job j ON j.pathway_id = s.id
           WHERE {OPEN_AT_END} AND j.start_date <= %(date_to)s
             AND (j.end_date IS NULL OR j.end_date >= %(date_to)s)""",
    ),
    Indicator(
        "C2",
        _lt("People who accessed employment in the period"),
        _lt("people whose first job since entry started in the period"),
        "NULL, count(DISTINCT s.beneficiary_id)",
        FIRST_JOBS,
    ),
    Indicator(
        "C3_den",
        _lt("People not employed at entry"),
        (_lt("%s, not employed when they entered"), PEOPLE_IN_PERIOD),
        "NULL, count(*)",
        "people s WHERE NOT s.employed_at_entry",
    ),
    Indicator(
        "C3_num",
        _lt("... of whom employed since their entry"),
        ACCESS,
        "NULL, count(*)",
        "people s WHERE NOT s.employed_at_entry AND s.first_job_date <= %(date_to)s",
    ),
    Indicator(
        "C3_rate",
        _lt("Access to employment rate"),
        ACCESS,
        kind="rate",
        needs=("C3_num", "C3_den"),
        people=False,
        unit="%",
        num="C3_num",
        den="C3_den",
    ),
    Indicator(
        "C6_contract",
        _lt("Contracts signed by type"),
        NEW_JOBS_TEXT,
        "t.code, count(*)",
        f"""scope s JOIN emploi_job j ON j.pathway_id = s.id
           {coded('emploi_contract_type', 't', 'j.contract_type_id')}
           WHERE j.start_date BETWEEN %(date_from)s AND %(date_to)s""",
        kind="breakdown",
        nomenclature="emploi.contract.type",
        total_code="C_new_jobs",
    ),
    Indicator(
        "C7",
        _lt("... of which durable employment"),
        (
            _lt(
                "%s with a durable contract (permanent, fixed-term or temporary of "
                "6 months or more, business creation)"
            ),
            NEW_JOBS_TEXT,
        ),
        "NULL, count(*)",
        f"{NEW_JOBS} AND j.is_durable",
    ),
    Indicator(
        "C8_time",
        _lt("Working time"),
        NEW_JOBS_TEXT,
        "CASE WHEN j.part_time THEN 'part_time' ELSE 'full_time' END, count(*)",
        NEW_JOBS,
        kind="breakdown",
        keys=fixed(("full_time", _lt("Full time")), ("part_time", _lt("Part time"))),
        total_code="C_new_jobs",
    ),
    Indicator(
        "C9_sector",
        _lt("Employer sector"),
        NEW_JOBS_TEXT,
        "j.sector, count(*)",
        NEW_JOBS,
        kind="breakdown",
        keys=selection("emploi.job", "sector"),
        total_code="C_new_jobs",
    ),
    # Durations and delays
    Indicator(
        "C4_count",
        _lt("First jobs in the period"),
        FIRST_JOBS_TEXT,
        "NULL, count(*)",
        FIRST_JOBS,
    ),
    Indicator(
        "C4_avg",
        _lt("Average delay to first job (days)"),
        (_lt("days from entry to the first job, %s"), FIRST_JOBS_TEXT),
        "NULL, round(avg(s.first_job_date - s.entry_date), 1)",
        FIRST_JOBS,
        people=False,
        unit="days",
        over="C4_count",
    ),
    Indicator(
        "C4_median",
        _lt("Median delay to first job (days)"),
        (_lt("median of the days from entry to the first job, %s"), FIRST_JOBS_TEXT),
        "NULL, percentile_cont(0.5) WITHIN GROUP "
        "(ORDER BY s.first_job_date - s.entry_date)",
        FIRST_JOBS,
        people=False,
        unit="days",
        over="C4_count",
    ),
    Indicator(
        "C4_within_6m",
        _lt("First jobs within 6 months of entry"),
        (_lt("%s, at most 183 days after the entry"), FIRST_JOBS_TEXT),
        "NULL, count(*)",
        f"{FIRST_JOBS} AND s.first_job_date - s.entry_date <= 183",
    ),
    Indicator(
        "D_duration",
        _lt("Average duration of the pathways ended (days)"),
        _lt("days from entry to exit, pathways ended in the period"),
        "x.code, round(avg(s.exit_date - s.entry_date), 1)",
        f"scope s {coded('emploi_exit_reason', 'x', 's.exit_reason_id')}"
        " WHERE s.exit_date <= %(date_to)s",
        kind="breakdown",
        nomenclature="emploi.exit.reason",
        people=False,
        unit="days",
        total=False,
        over="A5_reason",
    ),
    # Services
    Indicator(
        "A8_count_phase",
        _lt("Support actions held, by phase"),
        HELD,
        "ph.code, count(*)",
        f"""scope s JOIN emploi_action a ON a.pathway_id = s.id
           {coded('emploi_phase', 'ph', 'a.phase_id')}
           WHERE a.attendance = 'held'
             AND a.date BETWEEN %(date_from)s AND %(date_to)s""",
        kind="breakdown",
        nomenclature="emploi.phase",
        people=False,
    ),
    Indicator(
        "A8_hours_phase",
        _lt("Hours of support held, by phase"),
        (_lt("sum of the durations of the %s"), HELD),
        "ph.code, sum(a.duration)",
        f"""scope s JOIN emploi_action a ON a.pathway_id = s.id
           {coded('emploi_phase', 'ph', 'a.phase_id')}
           WHERE a.attendance = 'held'
             AND a.date BETWEEN %(date_from)s AND %(date_to)s""",
        kind="breakdown",
        nomenclature="emploi.phase",
        people=False,
        unit="h",
    ),
    Indicator(
        "A8_count_type",
        _lt("Support actions held, by type"),
        (_lt("%s, and employer relations held"), HELD),
        "t.code, count(*)",
        f"{ALL_HELD_ACTIONS} {coded('emploi_action_type', 't', 's.action_type_id')}",
        kind="breakdown",
        nomenclature="emploi.action.type",
        people=False,
    ),
    Indicator(
        "A8_hours_type",
        _lt("Hours of support held, by type"),
        (
            _lt("sum of the durations of the %s and of the employer relations held"),
            HELD,
        ),
        "t.code, sum(s.duration)",
        f"{ALL_HELD_ACTIONS} {coded('emploi_action_type', 't', 's.action_type_id')}",
        kind="breakdown",
        nomenclature="emploi.action.type",
        people=False,
        unit="h",
    ),
    # Employers
    Indicator(
        "A7",
        _lt("Employers supported"),
        EMPLOYERS,
        "NULL, count(DISTINCT s.employer_id)",
        f"{ALL_HELD_ACTIONS} WHERE s.employer_id IS NOT NULL",
        people=False,
    ),
    Indicator(
        "A7_size",
        _lt("Employers supported by size"),
        EMPLOYERS,
        "COALESCE(e.emploi_size_band, 'unknown'), count(DISTINCT s.employer_id)",
        f"{ALL_HELD_ACTIONS} JOIN res_partner e ON e.id = s.employer_id",
        kind="breakdown",
        keys=selection(
            "res.partner", "emploi_size_band", extra=[("unknown", _lt("Size unknown"))]
        ),
        people=False,
    ),
    # Finance
    Indicator(
        "E_amount",
        _lt("Funding by funder"),
        YEARLY_AMOUNTS,
        method="_finance_figures",
        kind="breakdown",
        keys=lambda env: [
            (key, label)
            for key, label in env["emploi.convention"]
            ._fields["funder"]
            ._description_selection(env)
            if key not in SPE_OPERATORS
        ],
        people=False,
        unit="€",
    ),
    Indicator(
        "E_total",
        _lt("Funding received"),
        YEARLY_AMOUNTS,
        derive=total_of("E_amount"),
        needs=("E_amount",),
        people=False,
        unit="€",
    ),
    Indicator(
        "E_per_person",
        _lt("Funding per person supported"),
        _lt("funding received over the active caseload of the period"),
        derive=ratio("E_total", "A1", 2, default=0),
        needs=("E_total", "A1"),
        people=False,
        unit="€",
        over="A1",
    ),
]
INDICATOR_BY_CODE = {indicator.code: indicator for indicator in INDICATORS}

# The sheets of the spreadsheet, in order, and the indicators on each.
SUMMARY = ("A1", "A2", "A3", "A5", "C1", "C3_rate", "C4_avg", "A7", "A10_caseload")
SHEETS = [
    (_lt("Summary"), (*SUMMARY, "E_total")),
    (
        _lt("Activity"),
        (
            "A1",
            "A2",
            "A3",
            "A3_situation",
            "A3_prescriber",
            "A3_source",
            "A6",
            "A5",
            "A5_reason",
            "A10_coaches",
            "A10_caseload",
        ),
    ),
    (
        _lt("Profiles"),
        ("B_gender", "B_age", "B_disability", "B_title", "B_education", "B_situation"),
    ),
    (
        _lt("Employment outcomes"),
        (
            "C1",
            "C2",
            "C3_den",
            "C3_num",
            "C3_rate",
            "C6_contract",
            "C7",
            "C8_time",
            "C9_sector",
        ),
    ),
    (
        _lt("Durations and delays"),
        ("C4_count", "C4_avg", "C4_median", "C4_within_6m", "D_duration"),
    ),
    (
        _lt("Services by phase"),
        ("A8_count_phase", "A8_hours_phase", "A8_count_type", "A8_hours_type"),
    ),
    (_lt("Employers"), ("A7", "A7_size")),
    (_lt("Finance"), ("E_amount", "E_total", "E_per_person")),
]
