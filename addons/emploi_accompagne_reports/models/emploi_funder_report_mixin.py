from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.tools.misc import formatLang

from odoo.addons.emploi_accompagne.models.emploi_convention import FUNDERS

from ..report.funder_matrix import MASKS, FunderMatrix
from .emploi_analysis_mixin import MANAGER
from .funder_indicator import TOTAL


class EmploiFunderReportMixin(models.AbstractModel):
    """What a funder report is made of: platforms, period, funder or convention."""

    _name = "emploi.funder.report.mixin"
    _description = "Funder report parameters"

    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    company_ids = fields.Many2many(
        comodel_name="res.company",
        string="Platforms",
        required=True,
        domain="[('id', 'in', allowed_company_ids)]",
    )
    funder = fields.Selection(
        selection=FUNDERS,
        help="Only the pathways the signed conventions of this funder fund.",
    )
    convention_id = fields.Many2one(
        comodel_name="emploi.convention",
        string="Convention",
        domain="[('company_id', 'in', company_ids), "
        "('state', 'in', ('signed', 'expired')), ('parent_id', '=', False), "
        "('kind', '!=', 'management')]",
        help="Only the pathways this convention funds.",
    )
    mask_small_counts = fields.Boolean(
        string="Mask small counts",
        default=True,
        help='Counts of 1 to 4 people show as "< 5", and the figures that would '
        'give one back as "*": keep it for any file leaving the platform; untick '
        "it for internal use only (platform managers).",
    )
    report_filename = fields.Char(compute="_compute_report_filename")

    @api.depends("company_ids", "date_from", "date_to")
    def _compute_report_filename(self):
        for report in self:
            platforms = (
                report.company_ids.name
                if len(report.company_ids) == 1
                else self.env._("%s platforms", len(report.company_ids))
            )
            report.report_filename = self.env._(
                "Funder report - %(platforms)s - %(start)s to %(end)s",
                platforms=platforms,
                start=report.date_from,
                end=report.date_to,
            )

    def _masks_small_counts(self):
        """Whether small counts are masked: unless a platform manager unticked
        it, whatever the field says (it comes from the user's form)."""
        self.ensure_one()
        return self.mask_small_counts or not self.env.user.has_group(MANAGER)

    def _get_figures(self):
        """The figures of the report: ``{(code, key): {company_id: value}}``."""
        raise NotImplementedError

    def _get_conventions(self):
        """The convention or the funder's conventions chosen, else None."""
        conventions = self.convention_id._origin
        if not conventions and self.funder:
            Convention = self.env["emploi.convention"]
            conventions = Convention.search(
                Convention._funding_domain()
                + [
                    ("company_id", "in", self.company_ids._origin.ids),
                    ("funder", "=", self.funder),
                ]
            )
        if not conventions and not self.funder:
            return None
        return conventions

    def _convention_years(self):
        """The yearly amounts and targets of the conventions chosen (or of every
        convention that counts) for the years of the period."""
        conventions = self._get_conventions()
        if conventions is None:
            Convention = self.env["emploi.convention"]
            conventions = Convention.search(
                Convention._funding_domain()
                + [("company_id", "in", self.company_ids._origin.ids)]
            )
        return conventions.line_ids.filtered(
            lambda line: self.date_from.year <= line.year <= self.date_to.year
        )

    # The table between the figures and their two renderings, the screen (here)
    # and the spreadsheet (report/funder_xlsx.py).
    def _catalogue(self):
        """The indicators of the report's sheets (monthly series over its
        period), with the IPS outcomes when a platform follows IPS."""
        return self.env["emploi.funder.indicators"]._get_catalogue(
            (self.date_from, self.date_to),
            ips=any(self.company_ids._origin.mapped("emploi_follows_ips")),
        )

    def _funder_columns(self):
        """``[(column, name)]``: the platforms, then their total."""
        platforms = self.company_ids._origin.sorted("name")
        columns = [(platform.id, platform.name) for platform in platforms]
        if len(columns) > 1:
            columns.append((TOTAL, self.env._("Total")))
        return columns

    def _funder_matrix(self, figures, catalogue=None):
        """What the report shows, rounded, totalled and masked (FunderMatrix)."""
        return FunderMatrix(
            catalogue or self._catalogue(),
            figures,
            [column for column, __ in self._funder_columns()],
            mask=self._masks_small_counts(),
            total_column=TOTAL,
            total_label=self.env._("Total"),
            unknown=self.env._("Not recorded"),
        )

    def _summary_codes(self):
        """The indicators the summary needs (a rate needs its terms)."""
        rows = self._catalogue()[0][1]
        return {code for row in rows for code in (row["code"], row["num"], row["den"])}

    def _summary_html(self, figures):
        """The summary sheet as an HTML table: the same figures as the file."""
        columns = self._funder_columns()
        catalogue = self._catalogue()
        title, rows = catalogue[0]
        matrix = self._funder_matrix(figures, catalogue)
        head = Markup("").join(
            Markup("<th class='text-end'>%s</th>") % name for __, name in columns
        )
        body = Markup("")
        for row in rows:
            for label, values, __ in matrix.lines(row):
                cells = Markup("").join(
                    Markup("<td class='text-end'>%s</td>")
                    % self._format_figure(values[column], row["unit"])
                    for column, __ in columns
                )
                body += Markup("<tr><td>%s</td>%s</tr>") % (label, cells)
        return Markup(
            "<table class='table table-sm table-striped o_emploi_funder_summary'>"
            "<thead><tr><th>%s</th>%s</tr></thead><tbody>%s</tbody></table>"
        ) % (escape(title), head, body)

    def _format_figure(self, value, unit):
        if value in MASKS:
            return value
        if unit == "%":
            return f"{formatLang(self.env, value * 100, digits=1)} %"
        if unit == "€":
            return formatLang(self.env, value, digits=2) + " €"
        digits = 0 if float(value).is_integer() else 1
        return formatLang(self.env, value, digits=digits)
