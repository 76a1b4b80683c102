import pytz

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    emploi_caseload_target = fields.Integer(
        string="Caseload target per coach",
        default=20,
        help="Number of people a full-time job coach follows at most.",
    )
    emploi_no_contact_days = fields.Integer(
        string="Days without contact before a reminder",
        default=30,
    )
    emploi_title_notice_days = fields.Integer(
        string="Days of notice before a title expires",
        default=90,
    )
    emploi_referral_reminder_days = fields.Integer(
        string="Days before an incomplete referral is flagged",
        default=30,
    )
    emploi_referral_expiry_days = fields.Integer(
        string="Days before an incomplete referral expires",
        default=60,
    )
    emploi_retention_months = fields.Integer(
        string="Retention after the last contact (months)",
        default=24,
        help="Files are anonymised this long after the person's last contact "
        "(CNIL referential for the social and medico-social sector: 2 years).",
    )
    emploi_referral_purge_months = fields.Integer(
        string="Retention of referrals without support (months)",
        default=6,
        help="Referrals not admitted, redirected or expired are anonymised this "
        "long after their decision; their counts stay.",
    )
    emploi_archive_months = fields.Integer(
        string="Intermediate archive (months)",
        default=0,
        help="Only where a legal obligation requires it: files past their "
        "retention are archived this long, readable by the managers only and "
        "never changed, before they are anonymised. 0: anonymised at once.",
    )
    emploi_notice_version = fields.Char(
        string="Information notice version",
        default="1",
        help="Printed on the information notice and recorded with each consent: "
        "change it when the notice's content changes.",
    )
    emploi_dpo_contact = fields.Char(
        string="Data protection officer",
        help="Name and address (postal or e-mail) the people write to in order "
        "to exercise their rights; printed on the information notice.",
    )
    emploi_follows_ips = fields.Boolean(
        string="Follows IPS",
        help="Individual Placement and Support: zero exclusion, nobody is "
        "turned away because care or training should come first.",
    )
    emploi_coach_team_access = fields.Boolean(
        string="Coaches see every file of the platform",
        help="When unchecked, a job coach only sees the files they are referent for.",
    )

    @api.constrains(
        "emploi_caseload_target",
        "emploi_no_contact_days",
        "emploi_title_notice_days",
        "emploi_referral_reminder_days",
        "emploi_referral_expiry_days",
        "emploi_retention_months",
        "emploi_referral_purge_months",
        "emploi_archive_months",
    )
    def _check_emploi_settings(self):
        for company in self:
            if (
                min(
                    company.emploi_caseload_target,
                    company.emploi_no_contact_days,
                    company.emploi_title_notice_days,
                    company.emploi_referral_reminder_days,
                    company.emploi_referral_expiry_days,
                    company.emploi_retention_months,
                    company.emploi_referral_purge_months,
                )
                <= 0
            ):
                raise ValidationError(
                    self.env._(
                        "The caseload target and the reminder delays must be "
                        "positive numbers."
                    )
                )
            if company.emploi_archive_months < 0:
                raise ValidationError(
                    self.env._(
                        "The intermediate archive cannot last a negative "
                        "number of months."
                    )
                )

    def _emploi_local_date(self, moment):
        """The platform's calendar day of a UTC datetime, in the time zone of
        its working schedule: a meeting at 00:30 on 1 January in Paris is
        dated 1 January, not 31 December."""
        self.ensure_one()
        if not moment:
            return False
        tz = pytz.timezone(self.resource_calendar_id.tz or "Europe/Paris")
        return pytz.utc.localize(moment).astimezone(tz).date()
