from odoo import fields, models


class EmploiPathwayLinkMixin(models.AbstractModel):
    """A record of a pathway (action, job, agreement): it follows the pathway's
    person and platform."""

    _name = "emploi.pathway.link.mixin"
    _description = "Record of a pathway"

    pathway_id = fields.Many2one(
        comodel_name="emploi.pathway",
        string="Pathway",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    beneficiary_id = fields.Many2one(
        related="pathway_id.beneficiary_id", store=True, index=True
    )
    company_id = fields.Many2one(
        related="pathway_id.company_id", store=True, index=True
    )
