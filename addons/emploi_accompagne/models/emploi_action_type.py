from odoo import fields, models


class EmploiActionType(models.Model):
    _name = "emploi.action.type"
    _inherit = "emploi.nomenclature.mixin"
    _description = "Support action type"

    employer_side = fields.Boolean(
        help="Support given to the employer: counts in the employers accompanied."
    )
    care_side = fields.Boolean(
        string="With the care team",
        help="A contact between the job coach and the person's care team "
        "(integration of employment and care, IPS).",
    )
