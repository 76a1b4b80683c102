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

from dateutil.relativedelta import relativedelta

from odoo.tools.translate import LazyTranslate

from odoo.addons.emploi_accompagne.models.emploi_convention import (
    FUNDERS,
    SPE_OPERATORS,
)
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
# The support actions held in the period on the pathways in scope, and the same
# with the employer relations held (no pathway: no funder's filter holds
# them). Common table expressions of every query: computed once per
# statement, however many figures read them.
HELD_CTE = """
    SELECT s.company_id, a.pathway_id, a.employer_id, a.action_type_id, a.phase_id,
           a.duration
      FROM scope s JOIN emploi_action a ON a.pathway_id = s.id
     WHERE a.attendance = 'held' AND a.date BETWEEN %(date_from)s AND %(date_to)s
"""
ALL_HELD_CTE = """
    SELECT h.company_id, h.employer_id, h.action_type_id, h.duration FROM held h
    UNION ALL
    SELECT ea.company_id, ea.employer_id, ea.action_type_id, ea.duration
      FROM emploi_employer_action ea
     WHERE ea.attendance = 'held'
       AND ea.date BETWEEN %(date_from)s AND %(date_to)s
       AND ea.company_id = ANY(%(companies)s)
       AND %(pathways)s::int[] IS NULL
"""
HELD_ACTIONS = "held s"
ALL_HELD_ACTIONS = "all_held s"


def selection(model, field, only=None, extra=()):
    """Keys of a breakdown: the values of a selection field (``only`` those),
    then ``extra`` [(key, lazy label)]."""

    def keys(env, period):
        values = env[model]._fields[field]._description_selection(env)
        return [
            *((key, label) for key, label in values if only is None or key in only),
            *((key, env._(label)) for key, label in extra),
        ]

    return keys


def records(model):
    """Keys of a breakdown: the stable codes of a nomenclature's records (a
    certified report reprints the same after a record is renamed)."""
    return lambda env, period: [(r.code, r.display_name) for r in env[model].search([])]


def coded(table, alias, column):
    """LEFT JOIN of the nomenclature ``table`` whose code keys a breakdown."""
    return f"LEFT JOIN {table} {alias} ON {alias}.id = {column}"


def fixed(*pairs):
    """Keys of a breakdown: [(key, lazy label)] written here."""
    return lambda env, period: [(key, env._(label)) for key, label in pairs]


@dataclass(frozen=True)
class Indicator:
    """One figure of the funder report.

    ``select`` ("key, value") over ``source`` (a FROM clause) counts it, or
    ``derive`` computes it per platform from the figures it ``needs``, or the
    engine's method ``method`` does. ``definition``: a lazy text, or
    (template, parts…) whose ``%s`` take the translated parts. ``kind``:
    ``value``, ``breakdown`` (with ``keys`` and a ``total`` line,
    ``total_code`` the figure that line equals) or ``rate`` (of ``num`` over
    ``den``); ``nomenclature``: the model whose codes key a breakdown and list
    its keys (older certified reports keyed it by ids). ``people``: a count of
    people, masked when small; ``over``: the count an average is computed over
    (masked with it). ``unit``: "", "days", "months", "ratio", "h", "€" (and
    "%" for a rate).
    """

    code: str
    label: object
    definition: object
    select: str = None
    source: str = None
    derive: object = None
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

    @property
    def needs(self):
        """The figures this one is computed from."""
        if self.kind == "rate":
            return (self.num, self.den)
        return getattr(self.derive, "needs", ())


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

    def derive(figures, company, period):
        den = figures.get((denominator, None), {}).get(company, 0)
        num = figures.get((numerator, None), {}).get(company, 0)
        return round(num / den, digits) if den else default

    derive.needs = (numerator, denominator)
    return derive


def total_of(code):
    """Derive a figure as the sum of a breakdown's lines."""

    def derive(figures, company, period):
        return sum(
            values.get(company, 0)
            for (name, __), values in figures.items()
            if name == code
        )

    derive.needs = (code,)
    return derive


def per_person_month(hours, people):
    """Derive hours per person and per month of the period."""

    def derive(figures, company, period):
        count = figures.get((people, None), {}).get(company, 0)
        total = figures.get((hours, None), {}).get(company, 0)
        months = ((period[1] - period[0]).days + 1) / MONTH_DAYS
        return round(total / count / months, 2) if count else None

    derive.needs = (hours, people)
    return derive


MONTH_DAYS = 365.25 / 12
AGE_BAND = age_band_sql("s.entry_age")
# The platforms' referrals (those of the pathways a funder funds, when one is
# chosen), their decision and the admission of their pathway.
REFERRALS = """(
    SELECT r.company_id, r.state, r.referral_date, r.decision_date,
           p.admission_date
      FROM emploi_referral r
      LEFT JOIN emploi_pathway p ON p.id = r.pathway_id
     WHERE r.company_id = ANY(%(companies)s)
       AND (%(pathways)s::int[] IS NULL OR r.pathway_id = ANY(%(pathways)s::int[]))
) s"""
# Advice requests (appui-conseil) received in the period: about no one, so no
# funder's filter of pathways holds them.
ADVICE = """(
    SELECT a.company_id, a.requester_type, a.hours
      FROM emploi_advice_request a
     WHERE a.company_id = ANY(%(companies)s)
       AND %(pathways)s::int[] IS NULL
       AND a.request_date BETWEEN %(date_from)s AND %(date_to)s
) s"""
# Every job and every pathway of the platforms, in the period or not: how long
# a job lasted, where someone stood 12 months after entering.
ALL_JOBS = """(
    SELECT p.company_id, j.start_date, j.end_date
      FROM emploi_job j JOIN emploi_pathway p ON p.id = j.pathway_id
     WHERE p.active AND p.company_id = ANY(%(companies)s)
       AND (%(pathways)s::int[] IS NULL OR p.id = ANY(%(pathways)s::int[]))
) s"""
ALL_PATHWAYS = """(
    SELECT p.id, p.company_id, p.entry_date, p.employed_at_entry
      FROM emploi_pathway p
     WHERE p.active AND NOT COALESCE(p.entry_pending, FALSE)
       AND p.company_id = ANY(%(companies)s)
       AND (%(pathways)s::int[] IS NULL OR p.id = ANY(%(pathways)s::int[]))
) s"""


def job_on(pathway, day):
    """SQL: the pathway has a job ongoing on the day."""
    return (
        f"EXISTS (SELECT 1 FROM emploi_job j WHERE j.pathway_id = {pathway} "
        f"AND j.start_date <= {day} AND (j.end_date IS NULL OR j.end_date >= {day}))"
    )


def anniversary(months):
    """SQL: the jobs whose start was ``months`` months before a day of the
    period (den), and those of them still ongoing then (num)."""
    day = f"(s.start_date + interval '{months} months')::date"
    den = f"{ALL_JOBS} WHERE {day} BETWEEN %(date_from)s AND %(date_to)s"
    return den, f"{den} AND (s.end_date IS NULL OR s.end_date >= {day})"


RETAINED_6, RETAINED_6_NUM = anniversary(6)
RETAINED_12, RETAINED_12_NUM = anniversary(12)
TWELVE_MONTHS = "(s.entry_date + interval '12 months')::date"
# The phases the pathways of the period moved on from in the period.
PHASES_LEFT = f"""(
    SELECT x.company_id, x.phase_id, x.date_start, x.date_end
      FROM emploi_phase_period x JOIN scope ON scope.id = x.pathway_id
     WHERE x.date_end BETWEEN %(date_from)s AND %(date_to)s
) s {coded('emploi_phase', 'ph', 's.phase_id')}"""
# The months of the period: first and last day (the period's last day for the
# last month).
MONTHS = """(
    SELECT to_char(d, 'YYYY-MM') AS key, d::date AS first,
           LEAST((d + interval '1 month - 1 day')::date, %(date_to)s) AS last
      FROM generate_series(date_trunc('month', %(date_from)s::date),
                           %(date_to)s::date, interval '1 month') d
) m"""


def months(env, period):
    """Keys of a monthly breakdown: the months of the period."""
    if not period:
        return []
    first, last = period
    keys, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        keys.append((f"{year}-{month:02d}", f"{month:02d}/{year}"))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys


# The quarters of the period (IPS outcomes): first and last day, within the
# period.
QUARTERS = """(
    SELECT to_char(d, 'YYYY-"Q"Q') AS key,
           GREATEST(d::date, %(date_from)s) AS first,
           LEAST((d + interval '3 months - 1 day')::date, %(date_to)s) AS last
      FROM generate_series(date_trunc('quarter', %(date_from)s::date),
                           %(date_to)s::date, interval '3 months') d
) q"""
# One row per pathway and quarter it is open: the people served, whether they
# worked in a competitive job during the quarter, and whether they were out of
# work on its first day (IPS Grow counts over them).
SERVED_CTE = f"""
    SELECT s.company_id, s.beneficiary_id, q.key,
           COALESCE(bool_or(j.is_competitive AND j.start_date <= q.last
                            AND (j.end_date IS NULL OR j.end_date >= q.first)),
                    FALSE) AS worked,
           NOT COALESCE(bool_or(j.start_date <= q.first
                                AND (j.end_date IS NULL OR j.end_date >= q.first)),
                        FALSE) AS out_of_work
      FROM scope s JOIN {QUARTERS}
        ON s.entry_date <= q.last AND (s.exit_date IS NULL OR s.exit_date >= q.first)
      LEFT JOIN emploi_job j ON j.pathway_id = s.id
     GROUP BY s.id, s.company_id, s.beneficiary_id, q.key
"""
SERVED = "served s"
WORKED = "count(DISTINCT s.beneficiary_id) FILTER (WHERE s.worked"
COMPETITIVE_JOBS = f"""scope s JOIN emploi_job j
    ON j.pathway_id = s.id AND j.is_competitive JOIN {QUARTERS}"""
FIRST_COMPETITIVE_JOBS = f"""(
    SELECT s.company_id, s.entry_date, min(j.start_date) AS start
      FROM scope s JOIN emploi_job j
        ON j.pathway_id = s.id AND j.is_competitive AND j.start_date >= s.entry_date
     GROUP BY s.id, s.company_id, s.entry_date
) s JOIN {QUARTERS} ON s.start BETWEEN q.first AND q.last"""
SUSTAINED_DAYS = 91  # 13 weeks
IPS_BENCHMARKS = _lt(
    "IPS benchmarks: 31 %% minimum, 41 %% average, 50 %% excellent (over all "
    "the people served); IPS Grow: 40 %% over the people out of work at the "
    "start of the quarter"
)


def quarter_key(day):
    """The key of the quarter of ``day`` ("2026-Q1"), as SQL writes it."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def quarter_label(env, day):
    return env._(
        "Q%(quarter)s %(year)s", quarter=(day.month - 1) // 3 + 1, year=day.year
    )


def quarters(env, period):
    """Keys of a quarterly breakdown: the quarters of the period."""
    if not period:
        return []
    first, last = period
    keys, day = [], first.replace(day=1, month=(first.month - 1) // 3 * 3 + 1)
    while day <= last:
        keys.append((quarter_key(day), quarter_label(env, day)))
        day += relativedelta(months=3)
    return keys


def quarterly(code, label, definition, select, source, **options):
    """An indicator broken down by the quarters of the period (IPS outcomes):
    people counted in each quarter, no total over the quarters."""
    return Indicator(
        code,
        label,
        definition,
        select,
        source,
        kind="breakdown",
        keys=quarters,
        total=False,
        **options,
    )


def quarterly_rate(condition):
    """SQL: the share of the people served in the quarter (those for whom
    ``condition`` holds) who worked in a competitive job."""
    return (
        f"s.key, round({WORKED}{condition})::numeric / NULLIF("
        f"count(DISTINCT s.beneficiary_id) FILTER (WHERE TRUE{condition}), 0), 4)"
    )


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
        "A4",
        _lt("Referrals received"),
        _lt("referrals whose reception date is in the period"),
        "NULL, count(*)",
        f"{REFERRALS} WHERE s.referral_date BETWEEN %(date_from)s AND %(date_to)s",
    ),
    Indicator(
        "A4_status",
        _lt("Referrals received, by status today"),
        _lt(
            "referrals received in the period, by their status when the report is made"
        ),
        "s.state, count(*)",
        f"{REFERRALS} WHERE s.referral_date BETWEEN %(date_from)s AND %(date_to)s",
        kind="breakdown",
        keys=selection("emploi.referral", "state"),
        total_code="A4",
    ),
    Indicator(
        "A4_waiting",
        _lt("On the waiting list at the end of the period"),
        _lt(
            "referrals placed on the waiting list on or before the last day and not "
            "admitted by then"
        ),
        "NULL, count(*)",
        f"""{REFERRALS} WHERE s.decision_date <= %(date_to)s
           AND (s.state = 'waiting_list'
                OR (s.state = 'admitted' AND s.admission_date > %(date_to)s
                    AND s.admission_date > s.decision_date))""",
    ),
    Indicator(
        "A4_admitted",
        _lt("Admissions in the period"),
        _lt("referrals whose person was admitted (pathway opened) in the period"),
        "NULL, count(*)",
        f"{REFERRALS} WHERE s.admission_date BETWEEN %(date_from)s AND %(date_to)s",
    ),
    Indicator(
        "A4_wait_median",
        _lt("Median wait from referral to admission (days)"),
        _lt(
            "median of the days from the referral's reception to the admission, "
            "admissions in the period"
        ),
        "NULL, percentile_cont(0.5) WITHIN GROUP "
        "(ORDER BY s.admission_date - s.referral_date)",
        f"{REFERRALS} WHERE s.admission_date BETWEEN %(date_from)s AND %(date_to)s",
        people=False,
        unit="days",
        over="A4_admitted",
    ),
    Indicator(
        "A6",
        _lt("Re-entries"),
        _lt("entries of people who had an earlier pathway"),
        "NULL, count(*)",
        f"{ENTERED} AND s.is_reentry",
    ),
    Indicator(
        "A11",
        _lt("Advice requests (appui-conseil)"),
        _lt(
            "requests for advice about a situation, before any referral, received "
            "in the period"
        ),
        "NULL, count(*)",
        ADVICE,
        people=False,
    ),
    Indicator(
        "A11_requester",
        _lt("Advice requests, by who asked"),
        _lt("advice requests received in the period, by the kind of partner"),
        "s.requester_type, count(*)",
        ADVICE,
        kind="breakdown",
        keys=selection("emploi.advice.request", "requester_type"),
        people=False,
        total_code="A11",
    ),
    Indicator(
        "A11_hours",
        _lt("Time spent on advice requests (hours)"),
        _lt("hours recorded on the advice requests received in the period"),
        "NULL, sum(s.hours)",
        ADVICE,
        people=False,
        unit="h",
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
        "A10_fte",
        _lt("Job coaches' full-time equivalents at the end of the period"),
        _lt(
            "sum of the full-time equivalents of the job coaches' staffing on the "
            "last day (Configuration > Job coach staffing); not counted for one "
            "funder's pathways"
        ),
        "NULL, sum(s.fte)",
        """(SELECT st.company_id, st.fte FROM emploi_coach_staffing st
             WHERE st.company_id = ANY(%(companies)s)
               AND %(pathways)s::int[] IS NULL
               AND st.date_start <= %(date_to)s
               AND (st.date_end IS NULL OR st.date_end >= %(date_to)s)) s""",
        people=False,
        unit="ratio",
    ),
    Indicator(
        "A10_caseload_fte",
        _lt("Caseload per full-time equivalent at the end of the period"),
        _lt(
            "people with a pathway open on the last day, over the job coaches' "
            "full-time equivalents"
        ),
        derive=ratio("A2", "A10_fte", 1),
        people=False,
        unit="ratio",
        over="A2",
    ),
    Indicator(
        "A10_caseload",
        _lt("Average caseload per job coach at the end of the period"),
        _lt(
            "people with a pathway open on the last day, over the coaches referent "
            "of at least one of them"
        ),
        derive=ratio("A2", "A10_coaches", 1),
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
    Indicator(
        "C8_hours",
        _lt("Weekly hours"),
        NEW_JOBS_TEXT,
        "CASE WHEN j.weekly_hours < 12 THEN 'a_under_12' "
        "WHEN j.weekly_hours < 24 THEN 'b_12_23' "
        "WHEN j.weekly_hours < 35 THEN 'c_24_34' ELSE 'd_35_plus' END, count(*)",
        NEW_JOBS,
        kind="breakdown",
        keys=fixed(
            ("a_under_12", _lt("Under 12 hours")),
            ("b_12_23", _lt("12 to 23 hours")),
            ("c_24_34", _lt("24 to 34 hours")),
            ("d_35_plus", _lt("35 hours or more")),
        ),
        total_code="C_new_jobs",
    ),
    Indicator(
        "C10_size",
        _lt("Employer size"),
        NEW_JOBS_TEXT,
        "COALESCE(e.emploi_size_band, 'unknown'), count(*)",
        """scope s JOIN emploi_job j ON j.pathway_id = s.id
           JOIN res_partner e ON e.id = j.employer_id
           WHERE j.start_date BETWEEN %(date_from)s AND %(date_to)s""",
        kind="breakdown",
        keys=selection(
            "res.partner", "emploi_size_band", extra=[("unknown", _lt("Size unknown"))]
        ),
        total_code="C_new_jobs",
    ),
    Indicator(
        "C5_6m_den",
        _lt("Jobs 6 months old in the period"),
        _lt("jobs whose start was 6 months before a day of the period"),
        "NULL, count(*)",
        RETAINED_6,
        people=False,
    ),
    Indicator(
        "C5_6m",
        _lt("... still held 6 months after they started"),
        _lt("of those jobs, those not ended 6 months after they started"),
        "NULL, count(*)",
        RETAINED_6_NUM,
        people=False,
    ),
    Indicator(
        "C5_6m_rate",
        _lt("Job retention at 6 months"),
        _lt("jobs still held 6 months after they started, over the jobs 6 months old"),
        kind="rate",
        people=False,
        unit="%",
        num="C5_6m",
        den="C5_6m_den",
    ),
    Indicator(
        "C5_12m_den",
        _lt("Jobs 12 months old in the period"),
        _lt("jobs whose start was 12 months before a day of the period"),
        "NULL, count(*)",
        RETAINED_12,
        people=False,
    ),
    Indicator(
        "C5_12m",
        _lt("... still held 12 months after they started"),
        _lt("of those jobs, those not ended 12 months after they started"),
        "NULL, count(*)",
        RETAINED_12_NUM,
        people=False,
    ),
    Indicator(
        "C5_12m_rate",
        _lt("Job retention at 12 months"),
        _lt(
            "jobs still held 12 months after they started, over the jobs 12 months old"
        ),
        kind="rate",
        people=False,
        unit="%",
        num="C5_12m",
        den="C5_12m_den",
    ),
    Indicator(
        "C5_tenure",
        _lt("Average tenure of the jobs ended (months)"),
        _lt("months from start to end of the jobs that ended in the period"),
        "NULL, round(avg((s.end_date - s.start_date) / 30.4375), 1)",
        f"{ALL_JOBS} WHERE s.end_date BETWEEN %(date_from)s AND %(date_to)s",
        people=False,
        unit="months",
    ),
    Indicator(
        "C11_exit_den",
        _lt("Exits of people employed at entry"),
        _lt("pathways ended in the period whose person was employed at entry"),
        "NULL, count(*)",
        f"{EXITED} AND s.employed_at_entry",
    ),
    Indicator(
        "C11_exit",
        _lt("... still employed at exit"),
        _lt("of those pathways, those with a job ongoing on the exit date"),
        "NULL, count(*)",
        f"{EXITED} AND s.employed_at_entry AND {job_on('s.id', 's.exit_date')}",
    ),
    Indicator(
        "C11_12m_den",
        _lt("People employed at entry, 12 months on"),
        _lt(
            "pathways whose person was employed at entry and entered 12 months "
            "before a day of the period"
        ),
        "NULL, count(*)",
        f"{ALL_PATHWAYS} WHERE s.employed_at_entry "
        f"AND {TWELVE_MONTHS} BETWEEN %(date_from)s AND %(date_to)s",
    ),
    Indicator(
        "C11_12m",
        _lt("... still employed 12 months after entry"),
        _lt("of those pathways, those with a job ongoing 12 months after entry"),
        "NULL, count(*)",
        f"{ALL_PATHWAYS} WHERE s.employed_at_entry "
        f"AND {TWELVE_MONTHS} BETWEEN %(date_from)s AND %(date_to)s "
        f"AND {job_on('s.id', TWELVE_MONTHS)}",
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
        "C4_referral_count",
        _lt("First jobs after a referral recorded"),
        (_lt("%s, whose referral is recorded"), FIRST_JOBS_TEXT),
        "NULL, count(*)",
        """scope s JOIN emploi_referral r ON r.pathway_id = s.id
           WHERE s.first_job_date BETWEEN %(date_from)s AND %(date_to)s""",
    ),
    Indicator(
        "C4_referral_avg",
        _lt("Average delay from referral to first job (days)"),
        (
            _lt("days from the referral's reception to the first job, %s"),
            FIRST_JOBS_TEXT,
        ),
        "NULL, round(avg(s.first_job_date - r.referral_date), 1)",
        """scope s JOIN emploi_referral r ON r.pathway_id = s.id
           WHERE s.first_job_date BETWEEN %(date_from)s AND %(date_to)s""",
        people=False,
        unit="days",
        over="C4_referral_count",
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
    Indicator(
        "D_phase_count",
        _lt("Phases left in the period"),
        _lt("times a pathway moved on from a phase in the period"),
        "ph.code, count(*)",
        PHASES_LEFT,
        kind="breakdown",
        nomenclature="emploi.phase",
        total=False,
    ),
    Indicator(
        "D_phase",
        _lt("Average time spent per phase (days)"),
        _lt(
            "days from the start of a phase to the start of the next, phases left "
            "in the period"
        ),
        "ph.code, round(avg(s.date_end - s.date_start), 1)",
        PHASES_LEFT,
        kind="breakdown",
        nomenclature="emploi.phase",
        people=False,
        unit="days",
        total=False,
        over="D_phase_count",
    ),
    # Services
    Indicator(
        "A8_count_phase",
        _lt("Support actions held, by phase"),
        HELD,
        "ph.code, count(*)",
        f"{HELD_ACTIONS} {coded('emploi_phase', 'ph', 's.phase_id')}",
        kind="breakdown",
        nomenclature="emploi.phase",
        people=False,
    ),
    Indicator(
        "A8_hours_phase",
        _lt("Hours of support held, by phase"),
        (_lt("sum of the durations of the %s"), HELD),
        "ph.code, sum(s.duration)",
        f"{HELD_ACTIONS} {coded('emploi_phase', 'ph', 's.phase_id')}",
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
    Indicator(
        "A9_hours",
        _lt("Hours of support held with the people"),
        (_lt("sum of the durations of the %s"), HELD),
        "NULL, sum(s.duration)",
        HELD_ACTIONS,
        people=False,
        unit="h",
    ),
    Indicator(
        "A9_intensity",
        _lt("Hours per person per month"),
        _lt(
            "hours of support held with the people, over the active caseload of "
            "the period and the months of the period"
        ),
        derive=per_person_month("A9_hours", "A1"),
        people=False,
        unit="h",
        over="A1",
    ),
    Indicator(
        "A9_all_hours",
        _lt("Hours held, employer relations included"),
        (
            _lt("sum of the durations of the %s and of the employer relations held"),
            HELD,
        ),
        "NULL, sum(s.duration)",
        ALL_HELD_ACTIONS,
        people=False,
        unit="h",
    ),
    Indicator(
        "A9_employer_hours",
        _lt("... of which employer-side"),
        _lt(
            "hours held of the employer-side types (workplace visits, mediation, "
            "adjustments, prospecting, employer relations)"
        ),
        "NULL, sum(s.duration)",
        f"{ALL_HELD_ACTIONS} JOIN emploi_action_type t ON t.id = s.action_type_id "
        "WHERE t.employer_side",
        people=False,
        unit="h",
    ),
    Indicator(
        "A9_employer_share",
        _lt("Share of the time spent employer-side"),
        _lt("employer-side hours over all the hours held"),
        derive=ratio("A9_employer_hours", "A9_all_hours", 4),
        people=False,
        unit="%",
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
    # Trends
    Indicator(
        "M_caseload",
        _lt("Caseload by month"),
        _lt("people (counted once) with a pathway open at least one day of the month"),
        "m.key, count(DISTINCT s.beneficiary_id)",
        f"""scope s JOIN {MONTHS}
             ON s.entry_date <= m.last
            AND (s.exit_date IS NULL OR s.exit_date >= m.first)""",
        kind="breakdown",
        keys=months,
        total=False,
    ),
    Indicator(
        "M_entries",
        _lt("Entries by month"),
        ENTRIES,
        "to_char(s.entry_date, 'YYYY-MM'), count(*)",
        ENTERED,
        kind="breakdown",
        keys=months,
        total_code="A3",
    ),
    Indicator(
        "M_exits",
        _lt("Exits by month"),
        EXITS,
        "to_char(s.exit_date, 'YYYY-MM'), count(*)",
        EXITED,
        kind="breakdown",
        keys=months,
        total_code="A5",
    ),
    Indicator(
        "M_employed",
        _lt("People in employment at the end of each month"),
        _lt(
            "people with an open pathway and an ongoing job on the last day of the "
            "month"
        ),
        "m.key, count(DISTINCT s.beneficiary_id)",
        # A join on the jobs, not a lookup per pathway and month.
        f"""scope s JOIN emploi_job j ON j.pathway_id = s.id JOIN {MONTHS}
             ON s.entry_date <= m.last
            AND (s.exit_date IS NULL OR s.exit_date >= m.last)
            AND j.start_date <= m.last
            AND (j.end_date IS NULL OR j.end_date >= m.last)""",
        kind="breakdown",
        keys=months,
        total=False,
    ),
    # IPS outcomes, quarter by quarter
    quarterly(
        "IPS_served",
        _lt("People served in the quarter"),
        _lt(
            "people (counted once) with a pathway open at least one day of the quarter"
        ),
        "s.key, count(DISTINCT s.beneficiary_id)",
        SERVED,
    ),
    quarterly(
        "IPS_worked",
        _lt("People who worked in a competitive job in the quarter"),
        _lt(
            "people served who held a competitive job (open to anyone, at least "
            "the minimum wage, not reserved) at least one day of the quarter"
        ),
        f"s.key, {WORKED})",
        SERVED,
    ),
    quarterly(
        "IPS_rate",
        _lt("Competitive employment rate"),
        (
            _lt("people who worked in a competitive job over the people served; %s"),
            IPS_BENCHMARKS,
        ),
        quarterly_rate(""),
        SERVED,
        people=False,
        unit="%",
        over="IPS_worked",
    ),
    quarterly(
        "IPS_out_of_work",
        _lt("People served out of work at the start of the quarter"),
        _lt("people served with no job on the first day of the quarter"),
        "s.key, count(DISTINCT s.beneficiary_id) FILTER (WHERE s.out_of_work)",
        SERVED,
    ),
    quarterly(
        "IPS_worked_out_of_work",
        _lt("Of them, people who worked in a competitive job"),
        _lt(
            "people out of work at the start of the quarter who held a "
            "competitive job at least one day of it"
        ),
        f"s.key, {WORKED} AND s.out_of_work)",
        SERVED,
    ),
    quarterly(
        "IPS_rate_out_of_work",
        _lt("Competitive employment rate, people out of work at the start"),
        (
            _lt(
                "people out of work at the start of the quarter who worked in a "
                "competitive job, over the people out of work at the start; %s"
            ),
            IPS_BENCHMARKS,
        ),
        quarterly_rate(" AND s.out_of_work"),
        SERVED,
        people=False,
        unit="%",
        over="IPS_worked_out_of_work",
    ),
    quarterly(
        "IPS_jobs_started",
        _lt("Competitive jobs started"),
        _lt("competitive jobs whose start is in the quarter"),
        "q.key, count(*)",
        f"{COMPETITIVE_JOBS} ON j.start_date BETWEEN q.first AND q.last",
    ),
    quarterly(
        "IPS_jobs_sustained",
        _lt("Competitive jobs sustained 13 weeks"),
        _lt("competitive jobs that reached 13 weeks during the quarter"),
        "q.key, count(*)",
        f"""{COMPETITIVE_JOBS}
             ON j.start_date + {SUSTAINED_DAYS} BETWEEN q.first AND q.last
            AND (j.end_date IS NULL
                 OR j.end_date >= j.start_date + {SUSTAINED_DAYS})""",
    ),
    quarterly(
        "IPS_first_jobs",
        _lt("People who started their first competitive job"),
        _lt("pathways whose first competitive job since entry started in the quarter"),
        "q.key, count(*)",
        FIRST_COMPETITIVE_JOBS,
    ),
    quarterly(
        "IPS_days_to_job",
        _lt("Average days to the first competitive job"),
        _lt(
            "days from entry to the first competitive job, pathways whose first "
            "competitive job started in the quarter"
        ),
        "q.key, round(avg(s.start - s.entry_date), 1)",
        FIRST_COMPETITIVE_JOBS,
        people=False,
        unit="days",
        over="IPS_first_jobs",
    ),
    # Finance
    Indicator(
        "E_amount",
        _lt("Funding by funder"),
        YEARLY_AMOUNTS,
        method="_finance_figures",
        kind="breakdown",
        keys=selection(
            "emploi.convention",
            "funder",
            only={key for key, __ in FUNDERS if key not in SPE_OPERATORS},
        ),
        people=False,
        unit="€",
    ),
    Indicator(
        "E_total",
        _lt("Funding received"),
        YEARLY_AMOUNTS,
        derive=total_of("E_amount"),
        people=False,
        unit="€",
    ),
    Indicator(
        "E_per_fte",
        _lt("Funding per full-time equivalent"),
        _lt("funding received over the job coaches' full-time equivalents"),
        derive=ratio("E_total", "A10_fte", 2),
        people=False,
        unit="€",
    ),
    Indicator(
        "E_delegated",
        _lt("Funding delegated to partner operators"),
        (
            _lt("%s, times the funding shares of the conventions' partner operators"),
            YEARLY_AMOUNTS,
        ),
        method="_delegated_figures",
        people=False,
        unit="€",
    ),
    Indicator(
        "E_delegated_share",
        _lt("Share of the funding delegated to partner operators"),
        _lt("funding delegated to partner operators over the funding received"),
        derive=ratio("E_delegated", "E_total", 4),
        people=False,
        unit="%",
    ),
    Indicator(
        "E_per_person",
        _lt("Funding per person supported"),
        _lt("funding received over the active caseload of the period"),
        derive=ratio("E_total", "A1", 2, default=0),
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
            "A4",
            "A4_status",
            "A4_admitted",
            "A4_wait_median",
            "A4_waiting",
            "A6",
            "A11",
            "A11_requester",
            "A11_hours",
            "A5",
            "A5_reason",
            "A10_coaches",
            "A10_caseload",
            "A10_fte",
            "A10_caseload_fte",
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
            "C8_hours",
            "C9_sector",
            "C10_size",
            "C5_6m_den",
            "C5_6m",
            "C5_6m_rate",
            "C5_12m_den",
            "C5_12m",
            "C5_12m_rate",
            "C5_tenure",
            "C11_exit_den",
            "C11_exit",
            "C11_12m_den",
            "C11_12m",
        ),
    ),
    (
        _lt("Durations and delays"),
        (
            "C4_count",
            "C4_avg",
            "C4_median",
            "C4_within_6m",
            "C4_referral_count",
            "C4_referral_avg",
            "D_duration",
            "D_phase_count",
            "D_phase",
        ),
    ),
    (
        _lt("Services by phase"),
        (
            "A8_count_phase",
            "A8_hours_phase",
            "A8_count_type",
            "A8_hours_type",
            "A9_hours",
            "A9_intensity",
            "A9_all_hours",
            "A9_employer_hours",
            "A9_employer_share",
        ),
    ),
    (_lt("Employers"), ("A7", "A7_size")),
    (_lt("Trends"), ("M_caseload", "M_entries", "M_exits", "M_employed")),
    (
        _lt("Finance"),
        (
            "E_amount",
            "E_total",
            "E_per_person",
            "E_per_fte",
            "E_delegated",
            "E_delegated_share",
        ),
    ),
]
# The sheet of the platforms that follow IPS.
IPS_SHEET = (
    _lt("IPS outcomes"),
    (
        "IPS_served",
        "IPS_worked",
        "IPS_rate",
        "IPS_out_of_work",
        "IPS_worked_out_of_work",
        "IPS_rate_out_of_work",
        "IPS_jobs_started",
        "IPS_jobs_sustained",
        "IPS_first_jobs",
        "IPS_days_to_job",
    ),
)
