from odoo import fields, models


class EmploiConventionLineMixin(models.AbstractModel):
    """A line of a convention (year, rule, operator): it belongs to the
    convention's platform and goes with it."""

    _name = "emploi.convention.line.mixin"
    _description = "Convention line"

    convention_id = fields.Many2one(
        comodel_name="emploi.convention",
        string="Convention",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="convention_id.company_id", store=True, index=True
    )
