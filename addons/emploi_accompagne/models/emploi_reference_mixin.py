from odoo import api, models
from odoo.exceptions import UserError


class EmploiReferenceMixin(models.AbstractModel):
    """A reference the platform gives from its sequence (``_reference_code``):
    what a client sends is ignored on creation and refused afterwards, so that
    no two records share one and none is typed to look like another."""

    _name = "emploi.reference.mixin"
    _description = "Reference given by the platform"
    _reference_code = None

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # Superuser writes (data files, migrations) may bring their own.
            if not self.env.su or vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(
                    self._reference_code
                )
        return super().create(vals_list)

    def write(self, vals):
        if "name" in vals and not self.env.su:
            raise UserError(
                self.env._("References are given by the platform: they do not change.")
            )
        return super().write(vals)
