import base64
import hashlib
import json
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .emploi_analysis_mixin import MANAGER
from .funder_indicator import INDICATORS

# What may change on a certified report: archived or restored (by managers,
# through action_archive/action_unarchive), and its chatter.
CHANGEABLE = {"active"}


def sha256(data):
    return hashlib.sha256(data).hexdigest()


class EmploiFunderSnapshot(models.Model):
    """A closed reporting period: the figures as they were sent, for good.

    Files corrected afterwards do not change it; a new snapshot of the same
    period can be made, and both stay readable.

    Only the server makes one (``action_close_period`` of the funder report,
    for platform managers) and nobody, superuser included, changes its period,
    figures or file afterwards: no group may create or write, ``write`` refuses
    any field but ``active`` and the chatter's, and no context lifts it. The
    spreadsheet is a column of the record, not an attachment that
    ``ir.attachment`` could rewrite or shadow. SHA-256 fingerprints of the
    figures and of the file, taken at creation, show any change made behind
    the ORM (``intact``).
    """

    _name = "emploi.funder.snapshot"
    _inherit = ["emploi.funder.report.mixin", "mail.thread"]
    _description = "Certified funder report"
    _order = "create_date desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    active = fields.Boolean(default=True)
    # The counts under 5 are in there: the reporting role gets the file.
    figures = fields.Text(required=True, readonly=True, groups=MANAGER)
    spreadsheet = fields.Binary(attachment=False, readonly=True, copy=False)
    spreadsheet_name = fields.Char(readonly=True)
    figures_sha256 = fields.Char(
        string="Fingerprint of the figures",
        readonly=True,
        help="SHA-256 of the figures, taken when the report was certified.",
    )
    spreadsheet_sha256 = fields.Char(
        string="Fingerprint of the spreadsheet",
        readonly=True,
        help="SHA-256 of the spreadsheet file, taken when the report was certified.",
    )
    intact = fields.Boolean(
        string="Figures and file intact",
        compute="_compute_intact",
        help="Whether the figures and the file still have the fingerprints taken "
        "when the report was certified.",
    )
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

    def _compute_intact(self):
        for snapshot, intact in zip(self, self._check_integrity(), strict=True):
            snapshot.intact = intact

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(
                self.env._(
                    "A certified report is made by closing the period in the "
                    "funder report."
                )
            )
        for vals in vals_list:
            # Taken here, whatever the values given: nobody brings their own.
            vals["figures_sha256"] = sha256((vals.get("figures") or "").encode())
            vals["spreadsheet_sha256"] = sha256(
                base64.b64decode(vals.get("spreadsheet") or b"")
            )
        return super().create(vals_list)

    def write(self, vals):
        if any(
            name not in CHANGEABLE and not name.startswith("message_") for name in vals
        ):
            raise UserError(
                self.env._("A certified report cannot be changed: make a new one.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._("A certified report cannot be deleted; archive it instead.")
        )

    def action_archive(self):
        self._check_manager()
        return super(EmploiFunderSnapshot, self.sudo()).action_archive()

    def action_unarchive(self):
        self._check_manager()
        return super(EmploiFunderSnapshot, self.sudo()).action_unarchive()

    @api.model
    def _figures_to_json(self, figures):
        return json.dumps(
            [
                [code, key, list(values.items())]
                for (code, key), values in figures.items()
            ]
        )

    @api.model
    def _figures_from_json(self, figures):
        """The certified figures; those certified when breakdowns were keyed by
        the nomenclatures' ids read as the codes of those records."""
        nomenclatures = {i.code: i.nomenclature for i in INDICATORS if i.nomenclature}
        rows = json.loads(figures)
        ids = defaultdict(set)  # {model: ids used as keys}
        for code, key, __ in rows:
            if code in nomenclatures and isinstance(key, int):
                ids[nomenclatures[code]].add(key)
        codes = {
            model: dict(
                self.env[model]
                .sudo()
                .with_context(active_test=False)
                .search_fetch([("id", "in", list(keys))], ["code"])
                .mapped(lambda record: (record.id, record.code))
            )
            for model, keys in ids.items()
        }
        return {
            (code, codes.get(nomenclatures.get(code), {}).get(key, key)): dict(values)
            for code, key, values in rows
        }

    def _get_figures(self):
        self.ensure_one()
        return self._figures_from_json(self.figures)

    def _check_integrity(self):
        """Whether each report's figures and file still have the fingerprints
        taken when it was certified (list of booleans, in order)."""
        return [
            bool(snapshot.figures_sha256 and snapshot.spreadsheet)
            and sha256(snapshot.figures.encode()) == snapshot.figures_sha256
            and sha256(base64.b64decode(snapshot.spreadsheet))
            == snapshot.spreadsheet_sha256
            for snapshot in self.sudo().with_context(bin_size=False)
        ]

    def _check_manager(self):
        if not self.env.user.has_group(MANAGER):
            raise AccessError(
                self.env._(
                    "Only platform managers archive or restore certified reports."
                )
            )
        self.check_access("read")
