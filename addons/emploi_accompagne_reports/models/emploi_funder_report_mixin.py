from odoo import api, fields, models

from odoo.addons.emploi_accompagne.models.emploi_convention import FUNDERS

from .emploi_analysis_mixin import MANAGER


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
