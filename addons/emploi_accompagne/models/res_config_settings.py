from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    emploi_caseload_target = fields.Integer(
        related="company_id.emploi_caseload_target", readonly=False
    )
    emploi_no_contact_days = fields.Integer(
        related="company_id.emploi_no_contact_days", readonly=False
    )
    emploi_title_notice_days = fields.Integer(
        related="company_id.emploi_title_notice_days", readonly=False
    )
    emploi_follows_ips = fields.Boolean(
        related="company_id.emploi_follows_ips", readonly=False
    )
    emploi_coach_team_access = fields.Boolean(
        related="company_id.emploi_coach_team_access", readonly=False
    )
    emploi_referral_reminder_days = fields.Integer(
        related="company_id.emploi_referral_reminder_days", readonly=False
    )
    emploi_referral_expiry_days = fields.Integer(
        related="company_id.emploi_referral_expiry_days", readonly=False
    )
    emploi_retention_months = fields.Integer(
        related="company_id.emploi_retention_months", readonly=False
    )
    emploi_archive_months = fields.Integer(
        related="company_id.emploi_archive_months", readonly=False
    )
    emploi_referral_purge_months = fields.Integer(
        related="company_id.emploi_referral_purge_months", readonly=False
    )
    emploi_notice_version = fields.Char(
        related="company_id.emploi_notice_version", readonly=False
    )
    emploi_dpo_contact = fields.Char(
        related="company_id.emploi_dpo_contact", readonly=False
    )
