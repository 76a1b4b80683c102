from odoo import fields, models


class EmploiFileExport(models.TransientModel):
    """The export of a person's file, held for its download only: managers
    reach it, nobody else (not the file's other readers, as an attachment of
    the file would let them), and Odoo's vacuum removes it."""

    _name = "emploi.file.export"
    _description = "Export of a person's file"

    beneficiary_id = fields.Many2one(
        comodel_name="emploi.beneficiary", required=True, ondelete="cascade"
    )
    data = fields.Binary(attachment=False, readonly=True)
    filename = fields.Char(readonly=True)
