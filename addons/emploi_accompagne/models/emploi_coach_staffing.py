from odoo import api, fields, models
from odoo.exceptions import ValidationError


class EmploiCoachStaffing(models.Model):
    """The full-time equivalent a job coach works for the platform, over dates:
    caseloads per FTE and costs per FTE are counted from it."""

    _name = "emploi.coach.staffing"
    _inherit = ["emploi.platform.mixin"]
    _description = "Job coach staffing"
    _order = "date_start desc, id desc"
    _rec_name = "user_id"

    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Job coach",
        required=True,
        index=True,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    fte = fields.Float(
        string="Full-time equivalent",
        required=True,
        default=1.0,
        digits=(3, 2),
        help="1 for full time, 0.8 for four days a week.",
    )
    employment_share = fields.Float(
        string="Time on employment services (%)",
        required=True,
        default=100.0,
        digits=(5, 1),
        help="Share of this time spent supporting people and employers towards "
        "and in work; the rest goes to other duties (case management, "
        "workshops, administration). IPS staffing item.",
    )
    date_start = fields.Date(
        string="From", required=True, default=fields.Date.context_today
    )
    date_end = fields.Date(string="To", help="Empty while it lasts.")

    @api.constrains(
        "fte", "employment_share", "date_start", "date_end", "user_id", "company_id"
    )
    def _check_staffing(self):
        for line in self:
            if not 0 <= line.employment_share <= 100:
                raise ValidationError(
                    self.env._(
                        "%s: the time on employment services is a percentage "
                        "between 0 and 100.",
                        line.user_id.name,
                    )
                )
            if not 0 < line.fte <= 1:
                raise ValidationError(
                    self.env._(
                        "%s: a full-time equivalent is more than 0 and at most 1.",
                        line.user_id.name,
                    )
                )
            if line.date_end and line.date_end < line.date_start:
                raise ValidationError(
                    self.env._(
                        "%s: the staffing ends before it starts.", line.user_id.name
                    )
                )
            overlapping = self.search_count(
                [
                    ("id", "!=", line.id),
                    ("user_id", "=", line.user_id.id),
                    ("company_id", "=", line.company_id.id),
                    (
                        "date_start",
                        "<=",
                        line.date_end or fields.Date.to_date("9999-12-31"),
                    ),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", line.date_start),
                ]
            )
            if overlapping:
                raise ValidationError(
                    self.env._(
                        "%s already has a staffing over these dates: end it first.",
                        line.user_id.name,
                    )
                )
