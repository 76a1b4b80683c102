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
    contrary_to_ips = fields.Boolean(
        string="Contrary to zero exclusion",
        help="IPS turns nobody away for this reason (care or training first): "
        "platforms that follow IPS cannot give it.",
    )
