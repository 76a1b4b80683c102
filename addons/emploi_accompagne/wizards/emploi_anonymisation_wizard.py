from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models


class EmploiAnonymisationWizard(models.TransientModel):
    """Data protection on a file: what anonymising it erases (a dry run), and
    the manager's decision: keep it one more year, or erase it now (erasure
    request, art. 17), with the reason."""

    _name = "emploi.anonymisation.wizard"
    _description = "Anonymisation of a file"

    beneficiary_id = fields.Many2one(
        comodel_name="emploi.beneficiary", required=True, ondelete="cascade"
    )
    last_contact_date = fields.Date(related="beneficiary_id.last_contact_date")
    anonymisation_date = fields.Date(related="beneficiary_id.anonymisation_date")
    preview = fields.Html(compute="_compute_preview", sanitize=False)
    reason = fields.Char(required=True)

    @api.depends("beneficiary_id")
    def _compute_preview(self):
        for wizard in self:
            wizard.beneficiary_id.check_access("read")
            beneficiary = wizard.beneficiary_id.sudo()
            lines = [
                (
                    self.env._("The contact"),
                    self.env._(
                        "name, e-mail, phones, address, notes and photo; "
                        "the contact is archived"
                    ),
                ),
                (
                    self.env._("The file"),
                    self.env._(
                        "date of birth (only the year stays), legal representative"
                    ),
                ),
            ]
            for records in beneficiary._records_about_the_person():
                if records:
                    erased = records._anonymisation_preview()
                    lines.append(
                        (
                            f"{len(records)} × "
                            f"{self.env['ir.model']._get(records._name).name}",
                            ", ".join(
                                [
                                    *erased,
                                    self.env._("messages, attachments, activities"),
                                ]
                            ),
                        )
                    )
            items = Markup("").join(
                Markup("<li><strong>%s</strong> — %s</li>") % line for line in lines
            )
            kept = self.env._(
                "Kept for the figures: dates, phases, categories, jobs, durations."
            )
            wizard.preview = Markup("<ul>%s</ul><p>%s</p>") % (items, kept)

    def action_keep(self):
        """Keep the file one more year after its due date, for the reason given."""
        self.ensure_one()
        self.beneficiary_id.check_access("write")
        today = fields.Date.context_today(self)
        start = max(today, self.anonymisation_date or today)
        # The intermediate archive, where there is one, follows the kept date.
        archive = self.beneficiary_id.company_id.emploi_archive_months
        self.beneficiary_id.sudo().write(
            {
                "keep_until": start + relativedelta(years=1, months=-archive),
                "keep_reason": self.reason,
            }
        )

    def action_erase(self):
        """Erasure request (or withdrawn consent): anonymise at once."""
        self.ensure_one()
        self.beneficiary_id.check_access("write")
        self.beneficiary_id._anonymise(self.reason)
