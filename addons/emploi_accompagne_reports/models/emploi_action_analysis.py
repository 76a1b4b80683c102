from odoo import fields, models
from odoo.tools import SQL


class EmploiActionAnalysis(models.Model):
    """Support actions as anonymous rows: services by phase, type and place."""

    _name = "emploi.action.analysis"
    _inherit = ["emploi.analysis.mixin"]
    _description = "Support action analysis"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "date"

    company_id = fields.Many2one(
        comodel_name="res.company", string="Platform", readonly=True
    )
    coach_id = fields.Many2one(
        comodel_name="res.users", string="Job coach", readonly=True
    )
    date = fields.Date(readonly=True)
    phase_id = fields.Many2one(comodel_name="emploi.phase", readonly=True)
    action_type_id = fields.Many2one(
        comodel_name="emploi.action.type", string="Type", readonly=True
    )
    employer_side = fields.Boolean(string="Employer side", readonly=True)
    with_employer = fields.Boolean(string="With an employer", readonly=True)
    location = fields.Selection(
        selection=lambda self: self.env["emploi.action"]
        ._fields["location"]
        ._description_selection(self.env),
        string="Place",
        readonly=True,
    )
    attendance = fields.Selection(
        selection=lambda self: self.env["emploi.action"]
        ._fields["attendance"]
        ._description_selection(self.env),
        string="Outcome",
        readonly=True,
    )
    duration = fields.Float(string="Hours", readonly=True, aggregator="sum")
    action_count = fields.Integer(string="Actions", readonly=True, aggregator="sum")

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT a.id, a.company_id, a.user_id AS coach_id, a.date, a.phase_id,
                   a.action_type_id, a.employer_side,
                   a.employer_id IS NOT NULL AS with_employer, a.location,
                   a.attendance, a.duration, 1 AS action_count
              FROM emploi_action a
            """
        )
