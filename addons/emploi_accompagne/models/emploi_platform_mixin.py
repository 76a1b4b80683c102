from odoo import fields, models


class EmploiPlatformMixin(models.AbstractModel):
    """A record that belongs to one platform (a company), the current one by
    default, whose relations must stay within that platform."""

    _name = "emploi.platform.mixin"
    _description = "Belongs to a supported employment platform"
    _check_company_auto = True

    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Platform",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
