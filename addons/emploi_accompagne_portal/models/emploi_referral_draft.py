from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import MissingError, UserError

from .emploi_portal_organisation_mixin import MAX_TEXT
from .emploi_referral import PORTAL_FIELDS, REPRESENTATIVE_FIELDS

DRAFT_DAYS = 30
MAX_DRAFTS = 20


class EmploiReferralDraft(models.Model):
    """A referral a prescriber started on the portal and has not sent yet.

    Kept apart from the referrals so that it never reaches the platform's
    queue or figures; only its author reads or resumes it (as superuser,
    through the methods below), and it is purged after ``DRAFT_DAYS`` days
    without change.
    """

    _name = "emploi.referral.draft"
    _description = "Referral draft of a prescriber"
    _order = "write_date desc, id desc"

    user_id = fields.Many2one(
        comodel_name="res.users", required=True, index=True, ondelete="cascade"
    )
    name = fields.Char(string="Person")
    values = fields.Json()

    @api.model
    def _portal_drafts(self):
        return self.sudo().search([("user_id", "=", self.env.uid)])

    @api.model
    def _portal_get(self, draft_id):
        draft = self.sudo().search(
            [("user_id", "=", self.env.uid), ("id", "=", draft_id)]
        )
        if not draft:
            raise MissingError(self.env._("This draft does not exist."))
        return draft

    @api.model
    def _portal_save(self, form, draft_id=None):
        """Keep the form as typed, whatever is missing or wrong in it."""
        values = {
            name: str(form[name])[:MAX_TEXT]
            for name in (*PORTAL_FIELDS, *REPRESENTATIVE_FIELDS, "company_id")
            if form.get(name)
        }
        name = " ".join(
            values[part] for part in ("firstname", "lastname") if part in values
        )
        if draft_id:
            draft = self._portal_get(draft_id)
            draft.write({"name": name, "values": values})
            return draft
        if len(self._portal_drafts()) >= MAX_DRAFTS:
            raise UserError(
                self.env._(
                    "You already have %s drafts: send or delete some first.",
                    MAX_DRAFTS,
                )
            )
        return self.sudo().create(
            {"user_id": self.env.uid, "name": name, "values": values}
        )

    @api.model
    def _cron_purge(self):
        limit = fields.Datetime.now() - relativedelta(days=DRAFT_DAYS)
        self.search([("write_date", "<", limit)]).unlink()
