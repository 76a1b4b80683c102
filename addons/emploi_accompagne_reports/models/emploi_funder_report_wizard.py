import base64

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from .emploi_analysis_mixin import MANAGER

REPORT = "emploi_accompagne_reports.action_report_funder_xlsx"


class EmploiFunderReportWizard(models.TransientModel):
    """Indicators on screen, the funder spreadsheet, and closing a period."""

    _name = "emploi.funder.report.wizard"
    _inherit = ["emploi.funder.report.mixin"]
    _description = "Funder report"

    date_from = fields.Date(
        default=lambda self: fields.Date.context_today(self).replace(month=1, day=1)
        - relativedelta(years=1)
    )
    date_to = fields.Date(
        default=lambda self: fields.Date.context_today(self).replace(month=12, day=31)
        - relativedelta(years=1)
    )
    company_ids = fields.Many2many(default=lambda self: self.env.companies)
    convention_year_ids = fields.Many2many(
        comodel_name="emploi.convention.year",
        string="Target versus actual",
        compute="_compute_convention_year_ids",
    )
    summary_html = fields.Html(
        string="Headline figures", compute="_compute_summary_html", sanitize=False
    )

    @api.depends("company_ids", "date_from", "date_to", "funder", "convention_id")
    def _compute_convention_year_ids(self):
        for wizard in self:
            wizard.convention_year_ids = (
                wizard._convention_years()
                if wizard.date_from and wizard.date_to
                else False
            )

    @api.constrains("convention_id")
    def _check_convention(self):
        Convention = self.env["emploi.convention"]
        for wizard in self.filtered("convention_id"):
            if not wizard.convention_id.filtered_domain(Convention._funding_domain()):
                raise ValidationError(
                    self.env._(
                        "%s funds no pathway of its own (a management convention, "
                        "an amendment or a draft): choose a signed financing "
                        "convention.",
                        wizard.convention_id.display_name,
                    )
                )

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for wizard in self:
            if wizard.date_to < wizard.date_from:
                raise ValidationError(self.env._("The period ends before it starts."))

    @api.onchange("funder")
    def _onchange_funder(self):
        if self.funder and self.convention_id.funder != self.funder:
            self.convention_id = False

    def _get_pathway_ids(self, conventions):
        """Pathways funded by ``conventions``, or None for every pathway."""
        if conventions is None:
            return None
        pathways = self.env["emploi.pathway"].sudo()
        for convention in conventions.sudo():
            pathways |= convention._get_funded_pathways(
                *convention._clip(self.date_from, self.date_to)
            )
        return pathways.ids

    def _get_figures(self, codes=None):
        self.ensure_one()
        conventions = self._get_conventions()
        return self.env["emploi.funder.indicators"]._compute_figures(
            self.date_from,
            self.date_to,
            self.company_ids,
            self._get_pathway_ids(conventions),
            codes=codes,
            convention_ids=None if conventions is None else conventions.ids,
        )

    @api.depends(
        "date_from",
        "date_to",
        "company_ids",
        "funder",
        "convention_id",
        "mask_small_counts",
    )
    def _compute_summary_html(self):
        for wizard in self:
            if not (wizard.date_from and wizard.date_to and wizard.company_ids):
                wizard.summary_html = False
                continue
            # Masks depend on every figure (a total masked in a breakdown is
            # masked in the summary too): all of them then.
            codes = None if wizard._masks_small_counts() else wizard._summary_codes()
            wizard.summary_html = wizard._summary_html(wizard._get_figures(codes=codes))

    def _render_xlsx(self):
        """The spreadsheet, as the Export button downloads it (bytes)."""
        content, __ = self.env["ir.actions.report"]._render_xlsx(REPORT, self.ids, None)
        return content

    def action_export(self):
        """Download the spreadsheet from a read-only route (the replica's)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/emploi_accompagne_reports/spreadsheet/report/{self.id}",
            "target": "download",
        }

    def action_close_period(self):
        """Certify the figures of the period: a snapshot that never changes.

        Managers only; the snapshot is then created as superuser, since no
        group may create one (see ``emploi.funder.snapshot``)."""
        self.ensure_one()
        if not self.env.user.has_group(MANAGER):
            raise AccessError(
                self.env._("Only platform managers close a reporting period.")
            )
        Snapshot = self.env["emploi.funder.snapshot"]
        # The file is made from the figures as stored, as a re-print would be.
        figures = Snapshot._figures_to_json(self._get_figures())
        content = self.env[
            "report.emploi_accompagne_reports.funder_xlsx"
        ]._render_spreadsheet(self, Snapshot._figures_from_json(figures))
        snapshot = Snapshot.sudo().create(
            {
                "date_from": self.date_from,
                "date_to": self.date_to,
                "company_ids": self.company_ids.ids,
                "funder": self.funder,
                "convention_id": self.convention_id.id,
                "mask_small_counts": self.mask_small_counts,
                "figures": figures,
                "spreadsheet": base64.b64encode(content),
                "spreadsheet_name": f"{self.report_filename}.xlsx",
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": snapshot._name,
            "res_id": snapshot.id,
            "view_mode": "form",
        }
