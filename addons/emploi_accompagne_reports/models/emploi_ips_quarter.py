from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from .emploi_analysis_mixin import MANAGER, SMALL
from .funder_indicator import quarter_key, quarter_label

# The IPS benchmarks of the quarterly competitive employment rate, from the top.
BENCHMARKS = [
    ("excellent", "Excellent (50 % or more)", 0.50),
    ("average", "Average (41 % or more)", 0.41),
    ("minimum", "Minimum standard (31 % or more)", 0.31),
    ("below", "Below the minimum standard", 0.0),
]
QUARTERS_SHOWN = 8
# The engine's figure behind each column.
FIGURES = {
    "served": "IPS_served",
    "worked": "IPS_worked",
    "rate": "IPS_rate",
    "out_of_work": "IPS_out_of_work",
    "worked_out_of_work": "IPS_worked_out_of_work",
    "rate_out_of_work": "IPS_rate_out_of_work",
    "jobs_started": "IPS_jobs_started",
    "jobs_sustained": "IPS_jobs_sustained",
    "first_jobs": "IPS_first_jobs",
    "days_to_job": "IPS_days_to_job",
}


class EmploiIpsQuarter(models.Model):
    """A platform's IPS outcomes for a quarter, as the funder report counts them
    (``emploi.funder.indicators``): rewritten from the records for its reader
    each time the screen opens, never typed. Like the analyses, the
    funder-reporting role gets the quarters of 5 people served or more."""

    _name = "emploi.ips.quarter"
    _description = "IPS quarterly outcomes"
    _order = "company_id, date_start desc"
    _rec_name = "quarter"

    company_id = fields.Many2one(
        comodel_name="res.company", string="Platform", required=True, index=True
    )
    date_start = fields.Date(string="First day", required=True)
    quarter = fields.Char(required=True)
    served = fields.Integer(string="People served")
    worked = fields.Integer(string="Worked in a competitive job")
    rate = fields.Float(
        string="Competitive employment rate", digits=(5, 4), aggregator="avg"
    )
    out_of_work = fields.Integer(string="Out of work at the start")
    worked_out_of_work = fields.Integer(string="Of them, worked")
    rate_out_of_work = fields.Float(
        string="Rate, out of work at the start", digits=(5, 4), aggregator="avg"
    )
    jobs_started = fields.Integer(string="Competitive jobs started")
    jobs_sustained = fields.Integer(string="Jobs sustained 13 weeks")
    first_jobs = fields.Integer(string="First competitive jobs")
    days_to_job = fields.Float(
        string="Days to the first competitive job", digits=(16, 1), aggregator="avg"
    )
    benchmark = fields.Selection(
        selection=[(key, label) for key, label, __ in BENCHMARKS],
        compute="_compute_benchmark",
        store=True,
    )

    @api.depends("rate")
    def _compute_benchmark(self):
        for quarter in self:
            quarter.benchmark = next(
                key for key, __, floor in BENCHMARKS if quarter.rate >= floor
            )

    @api.model
    def _refresh(self, companies, day):
        """Count the last quarters up to ``day`` again for ``companies``."""
        first = fields.Date.start_of(day, "quarter") - relativedelta(
            months=3 * (QUARTERS_SHOWN - 1)
        )
        figures = self.env["emploi.funder.indicators"]._compute_figures(
            first, day, companies, codes=list(FIGURES.values())
        )
        rows = []
        smallest = 0 if self.env.user.has_group(MANAGER) else SMALL
        for company in companies:
            for index in range(QUARTERS_SHOWN):
                start = first + relativedelta(months=3 * index)
                key = quarter_key(start)
                values = {
                    name: figures.get((code, key), {}).get(company.id, 0) or 0
                    for name, code in FIGURES.items()
                }
                if values["served"] < smallest:
                    continue
                rows.append(
                    {
                        "company_id": company.id,
                        "date_start": start,
                        "quarter": quarter_label(self.env, start),
                        **values,
                    }
                )
        # Each reader's own rows (their create_uid: sudo keeps the user).
        records = self.sudo()
        records.search(
            [("company_id", "in", companies.ids), ("create_uid", "=", self.env.uid)]
        ).unlink()
        return records.create(rows).sudo(False)

    @api.model
    def action_open(self):
        """The screen: the platforms of the user that follow IPS, counted now."""
        companies = self.env.companies.filtered("emploi_follows_ips")
        self._refresh(companies, fields.Date.context_today(self))
        return self.env["ir.actions.act_window"]._for_xml_id(
            "emploi_accompagne_reports.emploi_ips_quarter_action"
        )
