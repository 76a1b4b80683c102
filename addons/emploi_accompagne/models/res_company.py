from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    emploi_caseload_target = fields.Integer(
        string="Caseload target per coach",
        default=20,
        help="Number of people a full-time job coach follows at most.",
    )
    emploi_no_contact_days = fields.Integer(
        string="Days without contact before a reminder",
        default=30,
    )
    emploi_title_notice_days = fields.Integer(
        string="Days of notice before a title expires",
        default=90,
    )
    emploi_coach_team_access = fields.Boolean(
        string="Coaches see every file of the platform",
        help="When unchecked, a job coach only sees the files they are referent for.",
    )
