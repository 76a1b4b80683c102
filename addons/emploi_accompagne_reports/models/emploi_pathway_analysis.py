from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.emploi_accompagne.models.emploi_beneficiary import GENDERS
from odoo.addons.emploi_accompagne.models.emploi_pathway import (
    ENTRY_SITUATIONS,
    PATHWAY_STATES,
)


class EmploiPathwayAnalysis(models.Model):
    """Pathways as anonymous rows: what funders' indicators are counted from.

    No name, no contact, no free text: the reporting role reads this, never the
    files themselves.
    """

    _name = "emploi.pathway.analysis"
    _description = "Pathway analysis"
    _auto = False
    _order = "entry_date desc, id desc"
    _rec_name = "entry_date"

    company_id = fields.Many2one(
        comodel_name="res.company", string="Platform", readonly=True
    )
    coach_id = fields.Many2one(
        comodel_name="res.users", string="Job coach", readonly=True
    )
    phase_id = fields.Many2one(comodel_name="emploi.phase", readonly=True)
    state = fields.Selection(
        selection=PATHWAY_STATES,
        string="Status",
        readonly=True,
    )
    entry_date = fields.Date(readonly=True)
    exit_date = fields.Date(readonly=True)
    exit_reason_id = fields.Many2one(comodel_name="emploi.exit.reason", readonly=True)
    entry_situation = fields.Selection(
        selection=ENTRY_SITUATIONS,
        string="Situation at entry",
        readonly=True,
    )
    gender = fields.Selection(
        selection=GENDERS,
        readonly=True,
    )
    age_band = fields.Selection(
        selection=[
            ("a_under_20", "Under 20"),
            ("b_20_24", "20-24"),
            ("c_25_29", "25-29"),
            ("d_30_39", "30-39"),
            ("e_40_49", "40-49"),
            ("f_50_plus", "50 and over"),
        ],
        string="Age at entry",
        readonly=True,
    )
    is_reentry = fields.Boolean(string="Re-entry", readonly=True)
    has_job = fields.Boolean(string="Found a job", readonly=True)
    days_to_first_job = fields.Integer(
        string="Days to first job", readonly=True, aggregator="avg"
    )
    pathway_count = fields.Integer(string="Pathways", readonly=True, aggregator="sum")

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT p.id, p.company_id, p.coach_id, p.phase_id, p.state,
                   p.entry_date, p.exit_date, p.exit_reason_id, p.entry_situation,
                   b.gender, p.is_reentry,
                   CASE
                       WHEN age(p.entry_date, b.birthdate) < interval '20 years'
                           THEN 'a_under_20'
                       WHEN age(p.entry_date, b.birthdate) < interval '25 years'
                           THEN 'b_20_24'
                       WHEN age(p.entry_date, b.birthdate) < interval '30 years'
                           THEN 'c_25_29'
                       WHEN age(p.entry_date, b.birthdate) < interval '40 years'
                           THEN 'd_30_39'
                       WHEN age(p.entry_date, b.birthdate) < interval '50 years'
                           THEN 'e_40_49'
                       ELSE 'f_50_plus'
                   END AS age_band,
                   p.first_job_date IS NOT NULL AS has_job,
                   p.first_job_date - p.entry_date AS days_to_first_job,
                   1 AS pathway_count
              FROM emploi_pathway p
              JOIN emploi_beneficiary b ON b.id = p.beneficiary_id
             WHERE p.active
            """
        )
