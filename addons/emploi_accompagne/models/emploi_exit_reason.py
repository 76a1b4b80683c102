from odoo import models


class EmploiExitReason(models.Model):
    _name = "emploi.exit.reason"
    _inherit = "emploi.nomenclature.mixin"
    _description = "Pathway exit reason"
