from odoo import fields, models


class EmploiPhasePeriod(models.Model):
    """The days a pathway spent in one phase: written when the phase changes,
    kept when the file is anonymised (the time spent per phase is a figure)."""

    _name = "emploi.phase.period"
    _description = "Time spent in a phase"
    _order = "pathway_id, date_start, id"

    pathway_id = fields.Many2one(
        comodel_name="emploi.pathway",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="pathway_id.company_id", store=True, index=True
    )
    phase_id = fields.Many2one(
        comodel_name="emploi.phase", required=True, ondelete="restrict"
    )
    date_start = fields.Date(string="From", required=True)
    date_end = fields.Date(
        string="Until",
        help="The day the next phase started; empty for the current one.",
    )
