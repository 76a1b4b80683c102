from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    emploi_operator_partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Partner operator",
        help="Platform mode: set for the staff of a partner structure. They only "
        "see the files delegated to it. Empty for the lead operator's staff.",
    )

    def write(self, vals):
        res = super().write(vals)
        if "emploi_operator_partner_id" in vals:
            # The record rules of the files depend on it.
            self.env.registry.clear_cache()
        return res
