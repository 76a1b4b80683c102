from odoo import fields, models


class EmploiReferralReason(models.Model):
    """Coded reasons of refusal and redirection, shared with the prescriber."""

    _name = "emploi.referral.reason"
    _inherit = "emploi.nomenclature.mixin"
    _description = "Referral decision reason"

    decision = fields.Selection(
        selection=[("refused", "Not admitted"), ("redirected", "Redirected")],
        required=True,
    )
