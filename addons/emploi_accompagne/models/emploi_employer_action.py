from odoo import api, fields, models
from odoo.exceptions import ValidationError


class EmploiEmployerAction(models.Model):
    """Work with an employer that concerns no one person yet: prospecting, an
    awareness session, the employer's own request for support. It counts in the
    employers supported and in the hours of services (A7, A8)."""

    _name = "emploi.employer.action"
    _description = "Employer relations action"
    _inherit = [
        "emploi.platform.mixin",
        "emploi.timed.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
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

    @api.constrains("action_type_id")
    def _check_employer_side(self):
        for action in self.filtered(lambda a: not a.action_type_id.employer_side):
            raise ValidationError(
                self.env._(
                    "%s is support given to a person: log it on their pathway.",
                    action.action_type_id.name,
                )
            )
