from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.emploi_accompagne.models.emploi_beneficiary import GENDERS

from .emploi_pathway_analysis import AGE_BANDS, age_band_sql

WORKING_TIME_BANDS = [
    ("a_under_15", "Under 15 h"),
    ("b_15_24", "15 to 24 h"),
    ("c_24_34", "24 to 34 h"),
    ("d_35_plus", "35 h or more"),
]


class EmploiJobAnalysis(models.Model):
    """Jobs as anonymous rows: contracts, working time, employers' sector and size."""

    _name = "emploi.job.analysis"
    _inherit = ["emploi.analysis.mixin"]
    _description = "Job analysis"
    _auto = False
    _order = "start_date desc, id desc"
    _rec_name = "start_date"

    company_id = fields.Many2one(
        comodel_name="res.company", string="Platform", readonly=True
    )
    coach_id = fields.Many2one(
        comodel_name="res.users", string="Job coach", readonly=True
    )
    start_date = fields.Date(readonly=True)
    end_date = fields.Date(readonly=True)
    ongoing = fields.Boolean(readonly=True, help="No end date, or one still ahead.")
    contract_type_id = fields.Many2one(
        comodel_name="emploi.contract.type", string="Contract type", readonly=True
    )
    is_durable = fields.Boolean(string="Durable", readonly=True)
    part_time = fields.Boolean(readonly=True)
    working_time_band = fields.Selection(
        selection=WORKING_TIME_BANDS, string="Weekly hours", readonly=True
    )
    sector = fields.Selection(
        selection=[("private", "Private"), ("public", "Public")], readonly=True
    )
    public_service = fields.Selection(
        selection=lambda self: self.env["res.partner"]
        ._fields["emploi_public_service"]
        ._description_selection(self.env),
        string="Civil service",
        readonly=True,
    )
    size_band = fields.Selection(
        selection=lambda self: self.env["res.partner"]
        ._fields["emploi_size_band"]
        ._description_selection(self.env),
        string="Employer size",
        readonly=True,
    )
    gender = fields.Selection(selection=GENDERS, readonly=True)
    age_band = fields.Selection(
        selection=AGE_BANDS, string="Age at hiring", readonly=True
    )
    weekly_hours = fields.Float(readonly=True, aggregator="avg")
    job_count = fields.Integer(string="Jobs", readonly=True, aggregator="sum")

    @property
    def _table_query(self):
        return SQL(
            f"""
            SELECT j.id, j.company_id, p.coach_id, j.start_date, j.end_date,
                   j.end_date IS NULL OR j.end_date >= CURRENT_DATE AS ongoing,
                   j.contract_type_id, j.is_durable, j.part_time,
                   CASE
                       WHEN j.weekly_hours < 15 THEN 'a_under_15'
                       WHEN j.weekly_hours < 24 THEN 'b_15_24'
                       WHEN j.weekly_hours < 35 THEN 'c_24_34'
                       ELSE 'd_35_plus'
                   END AS working_time_band,
                   j.sector, e.emploi_public_service AS public_service,
                   e.emploi_size_band AS size_band, b.gender,
                   {age_band_sql("j.start_age")} AS age_band,
                   j.weekly_hours, 1 AS job_count
              FROM emploi_job j
              JOIN emploi_pathway p ON p.id = j.pathway_id
              JOIN emploi_beneficiary b ON b.id = j.beneficiary_id
              LEFT JOIN res_partner e ON e.id = j.employer_id
            """
        )
