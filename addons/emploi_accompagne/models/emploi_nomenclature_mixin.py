from odoo import fields, models


class EmploiNomenclatureMixin(models.AbstractModel):
    """Shared shape of the sector's reference lists (coded, ordered, archivable)."""

    _name = "emploi.nomenclature.mixin"
    _description = "Emploi accompagné nomenclature"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="Stable code used by the funder reports; never change it once used.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)

    _sql_constraints = [
        ("code_unique", "UNIQUE(code)", "This code is already used in this list."),
    ]
