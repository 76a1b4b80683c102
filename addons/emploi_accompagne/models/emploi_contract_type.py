from odoo import fields, models


class EmploiContractType(models.Model):
    _name = "emploi.contract.type"
    _inherit = "emploi.nomenclature.mixin"
    _description = "Employment contract type"

    is_durable = fields.Boolean(
        string="Durable employment",
        help="Durable employment as France Travail defines it: permanent contract, "
        "fixed-term or temporary work of 6 months or more, business creation.",
    )
