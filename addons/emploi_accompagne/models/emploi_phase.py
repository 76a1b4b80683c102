from odoo import fields, models


class EmploiPhase(models.Model):
    """One of the four modules of article D. 5213-90 of the Labour Code."""

    _name = "emploi.phase"
    _inherit = "emploi.nomenclature.mixin"
    _description = "Support phase"

    fold = fields.Boolean(help="Folded in the pathway pipeline.")
