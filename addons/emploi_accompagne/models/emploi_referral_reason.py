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
    told_prescriber = fields.Boolean(
        string="Told to the prescriber",
        default=True,
        help="Untick for reasons that speak of the person's health: the "
        "prescriber's e-mail then gives the decision without its reason.",
    )
