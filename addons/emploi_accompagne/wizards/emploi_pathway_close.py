from odoo import fields, models


class EmploiPathwayClose(models.TransientModel):
    _name = "emploi.pathway.close"
    _description = "Close a supported employment pathway"

    pathway_id = fields.Many2one(
        comodel_name="emploi.pathway", required=True, ondelete="cascade"
    )
    exit_date = fields.Date(required=True, default=fields.Date.context_today)
    exit_reason_id = fields.Many2one(comodel_name="emploi.exit.reason", required=True)
    exit_situation = fields.Selection(
        selection=lambda self: self.env["emploi.pathway"]
        ._fields["exit_situation"]
        ._description_selection(self.env),
        string="Situation at exit",
        required=True,
    )

    def action_confirm(self):
        self.ensure_one()
        self.pathway_id.write(
            {
                "state": "closed",
                "exit_date": self.exit_date,
                "exit_reason_id": self.exit_reason_id.id,
                "exit_situation": self.exit_situation,
            }
        )
        return {"type": "ir.actions.act_window_close"}
