import base64
import json

from odoo import api, fields, models
from odoo.exceptions import UserError

REPORT = "emploi_accompagne_reports.action_report_funder_snapshot_xlsx"


class EmploiFunderSnapshot(models.Model):
    """A closed reporting period: the figures as they were sent, for good.

    Files corrected afterwards do not change it; a new snapshot of the same
    period can be made, and both stay readable.
    """

    _name = "emploi.funder.snapshot"
    _inherit = ["emploi.funder.report.mixin", "mail.thread"]
    _description = "Certified funder report"
    _order = "create_date desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    active = fields.Boolean(default=True)
    figures = fields.Text(required=True, readonly=True)
    spreadsheet = fields.Binary(attachment=True, readonly=True, copy=False)
    spreadsheet_name = fields.Char(readonly=True)
    company_ids = fields.Many2many(readonly=True)
    date_from = fields.Date(readonly=True)
    date_to = fields.Date(readonly=True)
    funder = fields.Selection(readonly=True)
    convention_id = fields.Many2one(readonly=True)
    mask_small_counts = fields.Boolean(readonly=True)

    @api.depends("date_from", "date_to", "create_date")
    def _compute_name(self):
        for snapshot in self:
            snapshot.name = self.env._(
                "%(start)s to %(end)s, certified on %(date)s",
                start=snapshot.date_from,
                end=snapshot.date_to,
                date=fields.Date.to_date(snapshot.create_date or fields.Datetime.now()),
            )

    @api.model
    def _figures_to_json(self, figures):
        return json.dumps(
            [
                [code, key, list(values.items())]
                for (code, key), values in figures.items()
            ]
        )

    def _get_figures(self):
        self.ensure_one()
        return {
            (code, key): dict(values) for code, key, values in json.loads(self.figures)
        }

    def _attach_spreadsheet(self):
        for snapshot in self:
            content, __ = self.env["ir.actions.report"]._render_xlsx(
                REPORT, snapshot.ids, None
            )
            # Written as superuser: the certified fields are read-only for all.
            snapshot.sudo().with_context(snapshot_certifying=True).write(
                {
                    "spreadsheet": base64.b64encode(content),
                    "spreadsheet_name": f"{snapshot.report_filename}.xlsx",
                }
            )

    def write(self, vals):
        changed = {
            name
            for name in vals
            if name != "active" and not name.startswith("message_")
        }
        if changed and not self.env.context.get("snapshot_certifying"):
            raise UserError(
                self.env._("A certified report cannot be changed: make a new one.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._("A certified report cannot be deleted; archive it instead.")
        )
