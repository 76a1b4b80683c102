from collections import namedtuple
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools.misc import format_date, formatLang

# A figure of the records: its value, the score it proposes (0: none) and the
# facts it was computed from (numbers, ISO dates), which say in words, in the
# reader's language, what it is and how it was computed.
Measure = namedtuple("Measure", "value score facts")

# The referrals a platform may turn away without breaking zero exclusion: the
# law's conditions, or a mainstream service that suits the person.
LAWFUL_REASONS = (
    "refused_no_title",
    "refused_no_consent",
    "refused_out_of_area",
    "redirected_mainstream",
)
DECIDED = ("admitted", "waiting_list", "redirected", "refused")
PHASES = ("assessment", "career_plan", "job_search", "in_job")
# Score 5, 4, 3, 2 from these limits (else 1): at least (higher is better)…
SHARE_LIMITS = (0.90, 0.75, 0.50, 0.25)
GENERALIST_LIMITS = (1.0, 0.75, 0.50, 0.25)
DIVERSITY_LIMITS = (0.90, 0.80, 0.70, 0.60)
COMPETITIVE_LIMITS = (0.95, 0.85, 0.75, 0.65)
COMMUNITY_LIMITS = (0.65, 0.50, 0.35, 0.20)
EMPLOYMENT_SHARE_LIMITS = (0.96, 0.90, 0.75, 0.60)
CONTACTS_LIMITS = (6, 5, 4, 3)
# … or at most (lower is better).
CASELOAD_LIMITS = (20, 25, 30, 40)
DAYS_LIMITS = (30, 60, 90, 365)
EXCLUSION_LIMITS = (0, 0.05, 0.10, 0.20)
CARE_DAYS = 90
FOLLOW_DAYS = 90
OUTREACH_DAYS = 14
CONTACT_WEEKS = 12
RAPID_DAYS = 30


def score_at_least(value, limits):
    return next((5 - i for i, limit in enumerate(limits) if value >= limit), 1)


def score_at_most(value, limits):
    return next((5 - i for i, limit in enumerate(limits) if value <= limit), 1)


class EmploiFidelityMeasure(models.AbstractModel):
    """The figures of a platform's records that pre-fill the IPS fidelity
    review on a date, each with the score it proposes and how it was computed.

    The year measured is the 12 months up to the review's date. Reviewers get
    aggregates only, computed as superuser over the one platform reviewed.
    ``_measure_<name>`` counts, ``_explain_<name>`` says how in words."""

    _name = "emploi.fidelity.measure"
    _description = "IPS fidelity measures"

    @api.model
    def _measure_all(self, company, day, measures):
        """``{measure: Measure}`` for the ``measures`` asked."""
        context = self._context_for(company, day)
        return {
            measure: getattr(self, f"_measure_{measure}")(context)
            for measure in measures
        }

    @api.model
    def _describe(self, measure, facts):
        """(figure, computation) in words, in the user's language."""
        return self._figure_text(facts), getattr(self, f"_explain_{measure}")(facts)

    def _context_for(self, company, day):
        env = self.sudo().env
        open_pathways = env["emploi.pathway"].search(
            [
                ("company_id", "=", company.id),
                ("entry_pending", "=", False),
                ("entry_date", "<=", day),
                "|",
                ("exit_date", "=", False),
                ("exit_date", ">=", day),
            ]
        )
        staffing = env["emploi.coach.staffing"].search(
            [
                ("company_id", "=", company.id),
                ("date_start", "<=", day),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", day),
            ]
        )
        return {
            "env": env,
            "company": company,
            "day": day,
            "year_start": day - relativedelta(years=1) + timedelta(days=1),
            "open": open_pathways,
            "staffing": staffing,
            "fte": sum(staffing.mapped("fte")),
        }

    # ------------------------------------------------------------ words
    def _date(self, iso_day):
        return format_date(self.env, fields.Date.to_date(iso_day))

    def _number(self, value, digits):
        return formatLang(self.env, value, digits=digits)

    def _figure_text(self, facts):
        _ = self.env._
        kind, value = facts["kind"], facts.get("value")
        if value is None:
            return _("No staffing") if facts.get("fte") == 0 else _("No case")
        percent = f"{self._number(value * 100, 0)} %"
        if kind == "share":
            return _(
                "%(share)s (%(num)s of %(den)s)",
                share=percent,
                num=facts["num"],
                den=facts["den"],
            )
        if kind == "percent":
            return percent
        if kind == "caseload":
            return _("%s people per coach", self._number(value, 1))
        if kind == "days":
            return _("%s days on average", self._number(value, 0))
        return _("%s contacts per coach per week", self._number(value, 1))

    def _nothing_to_count(self, facts, text):
        if facts.get("value") is None:
            nothing = self.env._("Nothing to count: the reviewers score it.")
            return f"{text} {nothing}"
        return text

    def _share(self, numerator, denominator, limits, **facts):
        """A share (a Measure), none without a denominator."""
        value = numerator / denominator if denominator else None
        return Measure(
            value,
            score_at_least(value, limits) if denominator else 0,
            {"kind": "share", "value": value, "num": numerator, "den": denominator}
            | facts,
        )

    def _period(self, ctx, **facts):
        """The dates of the measure, for its words."""
        return {
            "day": ctx["day"].isoformat(),
            "start": ctx["year_start"].isoformat(),
        } | {name: day.isoformat() for name, day in facts.items()}

    def _jobs_started(self, ctx):
        return ctx["env"]["emploi.job"].search(
            [
                ("company_id", "=", ctx["company"].id),
                ("start_date", ">=", ctx["year_start"]),
                ("start_date", "<=", ctx["day"]),
            ]
        )

    def _held_domain(self, ctx, domain, since=None):
        return [
            ("company_id", "=", ctx["company"].id),
            ("attendance", "=", "held"),
            ("date", ">=", since or ctx["year_start"]),
            ("date", "<=", ctx["day"]),
            *domain,
        ]

    def _held_actions(self, ctx, domain, since=None):
        return ctx["env"]["emploi.action"].search(self._held_domain(ctx, domain, since))

    # ------------------------------------------------------------ staffing
    def _measure_caseload(self, ctx):
        people = len(ctx["open"].beneficiary_id)
        value = people / ctx["fte"] if ctx["fte"] else None
        return Measure(
            value,
            score_at_most(round(value), CASELOAD_LIMITS) if ctx["fte"] else 0,
            {"kind": "caseload", "value": value, "people": people, "fte": ctx["fte"]}
            | self._period(ctx),
        )

    def _explain_caseload(self, facts):
        return self.env._(
            "%(people)s people with a pathway open on %(day)s, over %(fte)s "
            "full-time equivalents of job coaches staffed that day.",
            people=facts["people"],
            day=self._date(facts["day"]),
            fte=self._number(facts["fte"], 2),
        )

    def _measure_employment_share(self, ctx):
        fte = ctx["fte"]
        value = (
            sum(line.fte * line.employment_share for line in ctx["staffing"])
            / fte
            / 100
            if fte
            else None
        )
        return Measure(
            value,
            score_at_least(round(value, 2), EMPLOYMENT_SHARE_LIMITS) if fte else 0,
            {"kind": "percent", "value": value, "fte": fte} | self._period(ctx),
        )

    def _explain_employment_share(self, facts):
        return self.env._(
            "The coaches' time on employment services, weighted by their "
            "full-time equivalents, on the staffing lines of %s.",
            self._date(facts["day"]),
        )

    def _measure_generalists(self, ctx):
        coaches = ctx["staffing"].user_id
        phases = {coach: set() for coach in coaches}
        for coach, phase in ctx["env"]["emploi.action"]._read_group(
            self._held_domain(ctx, [("user_id", "in", coaches.ids)]),
            ["user_id", "phase_id"],
        ):
            phases[coach].add(phase.code)
        complete = sum(1 for codes in phases.values() if set(PHASES) <= codes)
        return self._share(
            complete, len(coaches), GENERALIST_LIMITS, **self._period(ctx)
        )

    def _explain_generalists(self, facts):
        return self._nothing_to_count(
            facts,
            self.env._(
                "Coaches staffed on %(day)s who held actions in each of the four "
                "phases (assessment, career plan, job search, support in the "
                "job) since %(start)s.",
                day=self._date(facts["day"]),
                start=self._date(facts["start"]),
            ),
        )

    # ------------------------------------------------------------ organisation
    def _measure_care_contact(self, ctx):
        people = ctx["open"].beneficiary_id.filtered("care_contact_ids")
        since = ctx["day"] - timedelta(days=CARE_DAYS - 1)
        contacted = self._held_actions(
            ctx,
            [
                ("care_contact_id", "!=", False),
                ("beneficiary_id", "in", people.ids),
            ],
            since=since,
        ).beneficiary_id
        return self._share(
            len(contacted),
            len(people),
            SHARE_LIMITS,
            **self._period(ctx, since=since),
        )

    def _explain_care_contact(self, facts):
        return self._nothing_to_count(
            facts,
            self.env._(
                "People with a pathway open on %(day)s and a care team, whose "
                "coach logged a held contact with it since %(since)s.",
                day=self._date(facts["day"]),
                since=self._date(facts["since"]),
            ),
        )

    def _measure_zero_exclusion(self, ctx):
        referrals = ctx["env"]["emploi.referral"].search(
            [
                ("company_id", "=", ctx["company"].id),
                ("state", "in", DECIDED),
                ("decision_date", ">=", ctx["year_start"]),
                ("decision_date", "<=", ctx["day"]),
            ]
        )
        excluded = referrals.filtered(
            lambda r: r.state in ("redirected", "refused")
            and r.decision_reason_id.code not in LAWFUL_REASONS
        )
        measure = self._share(len(excluded), len(referrals), (), **self._period(ctx))
        if not referrals:
            return measure
        return measure._replace(score=score_at_most(measure.value, EXCLUSION_LIMITS))

    def _explain_zero_exclusion(self, facts):
        return self._nothing_to_count(
            facts,
            self.env._(
                "Referrals decided since %s, turned away for a reason other than "
                "the law's conditions (no title, no consent, outside the area) or "
                "a mainstream service that suits the person.",
                self._date(facts["start"]),
            ),
        )

    # ------------------------------------------------------------ services
    def _measure_benefits_plan(self, ctx):
        pathways = ctx["env"]["emploi.pathway"].search(
            [
                ("company_id", "=", ctx["company"].id),
                ("first_job_date", ">=", ctx["year_start"]),
                ("first_job_date", "<=", ctx["day"]),
            ]
        )
        planned = pathways.filtered(
            lambda p: p.benefits_plan_date and p.benefits_plan_date <= p.first_job_date
        )
        return self._share(
            len(planned), len(pathways), SHARE_LIMITS, **self._period(ctx)
        )

    def _explain_benefits_plan(self, facts):
        return self._nothing_to_count(
            facts,
            self.env._(
                "Pathways whose first job started since %s: the benefits plan "
                "was done on or before that day.",
                self._date(facts["start"]),
            ),
        )

    def _measure_disclosure(self, ctx):
        people = self._jobs_started(ctx).beneficiary_id
        agreed = (
            ctx["env"]["emploi.disclosure"]
            .with_context(active_test=False)
            .search(
                [
                    ("beneficiary_id", "in", people.ids),
                    ("recipient_kind", "=", "employer"),
                    ("date", "<=", ctx["day"]),
                ]
            )
            .beneficiary_id
        )
        return self._share(len(agreed), len(people), SHARE_LIMITS, **self._period(ctx))

    def _explain_disclosure(self, facts):
        return self._nothing_to_count(
            facts,
            self.env._(
                "People who started a job since %s with a sharing agreement "
                "with an employer recorded (what they choose to reveal).",
                self._date(facts["start"]),
            ),
        )

    def _measure_rapid_search(self, ctx):
        pathways = ctx["env"]["emploi.pathway"].search(
            [
                ("company_id", "=", ctx["company"].id),
                ("entry_pending", "=", False),
                ("employed_at_entry", "=", False),
                ("entry_date", ">=", ctx["year_start"]),
                ("entry_date", "<=", ctx["day"]),
            ]
        )
        delays, within = [], 0
        for pathway in pathways:
            contact = pathway.first_employer_contact_date
            if contact and contact <= ctx["day"]:
                delays.append((contact - pathway.entry_date).days)
                within += delays[-1] <= RAPID_DAYS
            else:  # still waiting: at least this long
                delays.append((ctx["day"] - pathway.entry_date).days)
        value = sum(delays) / len(delays) if delays else None
        return Measure(
            value,
            score_at_most(round(value), DAYS_LIMITS) if delays else 0,
            {"kind": "days", "value": value, "within": within, "count": len(delays)}
            | self._period(ctx),
        )

    def _explain_rapid_search(self, facts):
        return self._nothing_to_count(
            facts,
            self.env._(
                "People out of work who entered since %(start)s: days from entry "
                "to the first face-to-face employer contact, or to %(day)s for "
                "those still waiting; %(within)s of %(count)s met an employer "
                "within 30 days.",
                start=self._date(facts["start"]),
                day=self._date(facts["day"]),
                within=facts["within"],
                count=facts["count"],
            ),
        )

    def _measure_preferences(self, ctx):
        searching = ctx["open"].filtered(
            lambda p: p.phase_id.code in ("job_search", "in_job")
        )
        return self._share(
            len(searching.filtered("job_preferences")),
            len(searching),
            SHARE_LIMITS,
            **self._period(ctx),
        )

    def _explain_preferences(self, facts):
        return self._nothing_to_count(
            facts,
            self.env._(
                "Pathways open on %s in job search or in a job whose job "
                "preferences are recorded.",
                self._date(facts["day"]),
            ),
        )

    def _measure_employer_contacts(self, ctx):
        since = ctx["day"] - timedelta(weeks=CONTACT_WEEKS) + timedelta(days=1)
        Action = ctx["env"]["emploi.action"]
        for_people = Action.search_count(
            self._held_domain(ctx, Action._employer_contact_domain(), since)
        )
        relations = ctx["env"]["emploi.employer.action"].search_count(
            [
                ("company_id", "=", ctx["company"].id),
                ("attendance", "=", "held"),
                ("date", ">=", since),
                ("date", "<=", ctx["day"]),
            ]
        )
        fte = ctx["fte"]
        value = (for_people + relations) / CONTACT_WEEKS / fte if fte else None
        return Measure(
            value,
            score_at_least(round(value, 1), CONTACTS_LIMITS) if fte else 0,
            {
                "kind": "contacts",
                "value": value,
                "people": for_people,
                "relations": relations,
                "fte": fte,
            }
            | self._period(ctx, since=since),
        )

    def _explain_employer_contacts(self, facts):
        return self.env._(
            "Employer contacts held since %(since)s (%(people)s for a person, "
            "face to face, and %(relations)s employer relations actions), over "
            "%(weeks)s weeks and %(fte)s full-time coaches.",
            since=self._date(facts["since"]),
            people=facts["people"],
            relations=facts["relations"],
            weeks=CONTACT_WEEKS,
            fte=self._number(facts["fte"], 2),
        )

    def _measure_job_types(self, ctx):
        jobs = self._jobs_started(ctx)
        return self._share(
            len({job.name.strip().lower() for job in jobs}),
            len(jobs),
            DIVERSITY_LIMITS,
            **self._period(ctx),
        )

    def _explain_job_types(self, facts):
        return self._nothing_to_count(
            facts,
            self.env._(
                "Different job titles among the jobs started since %s.",
                self._date(facts["start"]),
            ),
        )

    def _measure_employers(self, ctx):
        jobs = self._jobs_started(ctx)
        return self._share(
            len(jobs.employer_id), len(jobs), DIVERSITY_LIMITS, **self._period(ctx)
        )

    def _explain_employers(self, facts):
        return self._nothing_to_count(
            facts,
            self.env._(
                "Different employers among the jobs started since %s.",
                self._date(facts["start"]),
            ),
        )

    def _measure_competitive(self, ctx):
        jobs = self._jobs_started(ctx)
        return self._share(
            len(jobs.filtered("is_competitive")),
            len(jobs),
            COMPETITIVE_LIMITS,
            **self._period(ctx),
        )

    def _explain_competitive(self, facts):
        return self._nothing_to_count(
            facts,
            self.env._(
                "Competitive jobs (open to anyone, at least the minimum wage, "
                "not reserved) among the jobs started since %s.",
                self._date(facts["start"]),
            ),
        )

    def _measure_follow_along(self, ctx):
        year_ago = ctx["day"] - relativedelta(years=1)
        jobs = ctx["env"]["emploi.job"].search(
            [
                ("pathway_id", "in", ctx["open"].ids),
                ("start_date", "<=", year_ago),
                "|",
                ("end_date", "=", False),
                ("end_date", ">=", ctx["day"]),
            ]
        )
        since = ctx["day"] - timedelta(days=FOLLOW_DAYS - 1)
        met = self._held_actions(
            ctx, [("pathway_id", "in", jobs.pathway_id.ids)], since=since
        ).pathway_id
        return self._share(
            len(met),
            len(jobs.pathway_id),
            SHARE_LIMITS,
            **self._period(ctx, year_ago=year_ago, since=since),
        )

    def _explain_follow_along(self, facts):
        return self._nothing_to_count(
            facts,
            self.env._(
                "People in a job that started on or before %(year_ago)s, still "
                "met by their coach since %(since)s.",
                year_ago=self._date(facts["year_ago"]),
                since=self._date(facts["since"]),
            ),
        )

    def _measure_community(self, ctx):
        Action = ctx["env"]["emploi.action"]
        with_person = self._held_domain(ctx, [("with_beneficiary", "=", True)])
        outside = [("location", "in", ("workplace", "home", "other"))]
        return self._share(
            Action.search_count(with_person + outside),
            Action.search_count(with_person),
            COMMUNITY_LIMITS,
            **self._period(ctx),
        )

    def _explain_community(self, facts):
        return self._nothing_to_count(
            facts,
            self.env._(
                "Actions held with the person since %s at the workplace, at "
                "home or elsewhere (not at the office, not by phone or video).",
                self._date(facts["start"]),
            ),
        )

    def _measure_outreach(self, ctx):
        # One statement: a no-show is followed when another action of the
        # pathway is dated within the days after it.
        self.env.flush_all()
        self.env.cr.execute(
            """
            SELECT count(*),
                   count(*) FILTER (WHERE EXISTS (
                       SELECT 1 FROM emploi_action n
                        WHERE n.pathway_id = a.pathway_id AND n.id != a.id
                          AND n.date > a.date AND n.date <= a.date + %(days)s))
              FROM emploi_action a
             WHERE a.company_id = %(company)s AND a.attendance = 'no_show'
               AND a.date BETWEEN %(start)s AND %(day)s
            """,
            {
                "days": OUTREACH_DAYS,
                "company": ctx["company"].id,
                "start": ctx["year_start"],
                "day": ctx["day"],
            },
        )
        no_shows, followed = self.env.cr.fetchone()
        return self._share(followed, no_shows, SHARE_LIMITS, **self._period(ctx))

    def _explain_outreach(self, facts):
        return self._nothing_to_count(
            facts,
            self.env._(
                "No-shows since %(start)s followed by another contact with the "
                "person within %(days)s days.",
                start=self._date(facts["start"]),
                days=OUTREACH_DAYS,
            ),
        )
