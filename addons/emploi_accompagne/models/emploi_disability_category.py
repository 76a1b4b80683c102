from odoo import models


class EmploiDisabilityCategory(models.Model):
    """Deficiency types of the ANAP medico-social performance dashboard."""

    _name = "emploi.disability.category"
    _inherit = "emploi.nomenclature.mixin"
    _description = "Disability category"
