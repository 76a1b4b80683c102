from odoo import api, fields, models


class EmploiEmployerAction(models.Model):
    """Work with an employer that concerns no one person yet: prospecting, an
    awareness session, the employer's own request for support. It counts in the
    employers supported and in the hours of services (A7, A8)."""

    _name = "emploi.employer.action"
    _description = "Employer relations action"
    _inherit = ["emploi.platform.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "start desc, id desc"

    name = fields.Char(string="Subject", required=True)
    employer_id = fields.Many2one(
        comodel_name="res.partner",
        string="Employer",
        required=True,
        index=True,
        tracking=True,
        domain="[('is_company', '=', True)]",
    )
    contact_id = fields.Many2one(
        comodel_name="res.partner",
        string="Employer contact",
        domain="[('parent_id', '=', employer_id)]",
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Done by",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    action_type_id = fields.Many2one(
        comodel_name="emploi.action.type",
        string="Type",
        required=True,
        domain="[('employer_side', '=', True)]",
    )
    start = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    duration = fields.Float(default=1.0, help="Duration in hours.")
    date = fields.Date(compute="_compute_date", store=True, index=True)
    attendance = fields.Selection(
        selection=[
            ("planned", "Planned"),
            ("held", "Held"),
            ("cancelled", "Cancelled"),
        ],
        string="Outcome",
        required=True,
        default="planned",
        tracking=True,
    )
    note = fields.Html()

    _sql_constraints = [
        (
            "duration_positive",
            "CHECK(duration >= 0)",
            "The duration of an action cannot be negative.",
        )
    ]

    @api.depends("start", "company_id.resource_calendar_id.tz")
    def _compute_date(self):
        for action in self:
            action.date = action.company_id._emploi_local_date(action.start)
