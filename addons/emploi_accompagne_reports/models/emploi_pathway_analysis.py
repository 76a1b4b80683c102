from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.emploi_accompagne.models.emploi_beneficiary import (
    BOETH_TITLES,
    GENDERS,
)
from odoo.addons.emploi_accompagne.models.emploi_pathway import (
    ENTRY_SITUATIONS,
    PATHWAY_STATES,
)

AGE_BANDS = [
    ("a_under_20", "Under 20"),
    ("b_20_24", "20-24"),
    ("c_25_29", "25-29"),
    ("d_30_39", "30-39"),
    ("e_40_49", "40-49"),
    ("f_50_plus", "50 and over"),
]


def age_band_sql(years):
    """SQL giving the age band (``AGE_BANDS``) of an age in whole years (an SQL
    expression: the stored age at entry or at hiring, which anonymisation
    keeps)."""
    limits = [(20, "a_under_20"), (25, "b_20_24"), (30, "c_25_29"), (40, "d_30_39")]
    limits.append((50, "e_40_49"))
    cases = " ".join(f"WHEN {years} < {limit} THEN '{band}'" for limit, band in limits)
    return f"CASE {cases} ELSE 'f_50_plus' END"


class EmploiPathwayAnalysis(models.Model):
    """Pathways as anonymous rows: what funders' indicators are counted from.

    No name, no contact, no free text: the reporting role reads this, never the
    files themselves. The disability category is health data: it is only ever
    shown counted, never beside anything that identifies a person.
    """

    _name = "emploi.pathway.analysis"
    _inherit = ["emploi.analysis.mixin"]
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
        selection=AGE_BANDS,
        string="Age at entry",
        readonly=True,
    )
    disability_category_id = fields.Many2one(
        comodel_name="emploi.disability.category",
        string="Main disability",
        readonly=True,
    )
    boeth_title = fields.Selection(
        selection=BOETH_TITLES, string="BOETH title", readonly=True
    )
    education_level = fields.Selection(
        selection=lambda self: self.env["emploi.beneficiary"]
        ._fields["education_level"]
        ._description_selection(self.env),
        readonly=True,
    )
    prescriber_type = fields.Selection(
        selection=lambda self: self.env["emploi.referral"]
        ._fields["prescription"]
        ._description_selection(self.env),
        string="Prescriber",
        readonly=True,
    )
    employed_at_entry = fields.Boolean(readonly=True)
    duration_days = fields.Integer(
        string="Duration (days)",
        readonly=True,
        aggregator="avg",
        help="From entry to exit, or to today for an open pathway.",
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
            f"""
            SELECT p.id, p.company_id, p.coach_id, p.phase_id, p.state,
                   p.entry_date, p.exit_date, p.exit_reason_id, p.entry_situation,
                   b.gender, p.is_reentry, b.disability_category_id, b.boeth_title,
                   b.education_level, p.employed_at_entry,
                   (SELECT r.prescription FROM emploi_referral r
                     WHERE r.pathway_id = p.id ORDER BY r.id LIMIT 1)
                       AS prescriber_type,
                   COALESCE(p.exit_date, CURRENT_DATE) - p.entry_date AS duration_days,
                   {age_band_sql("p.entry_age")} AS age_band,
                   p.first_job_date IS NOT NULL AS has_job,
                   p.first_job_date - p.entry_date AS days_to_first_job,
                   1 AS pathway_count
              FROM emploi_pathway p
              JOIN emploi_beneficiary b ON b.id = p.beneficiary_id
             WHERE p.active
            """
        )
