import base64
import binascii
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

SIGNATURE_DAYS_PARAM = "emploi_accompagne_portal.signature_days"
SIGNATURE_DAYS = 14
PARTIES = [("person", "The person"), ("employer", "The employer")]


class EmploiAgreementSignature(models.Model):
    """A link sent to the person or to the employer to read and sign a
    support agreement online, with no account: its token is the key, it
    expires, and it signs one version once."""

    _name = "emploi.agreement.signature"
    _description = "Online signature of a support agreement"
    _inherit = ["portal.mixin"]
    _order = "id desc"

    agreement_id = fields.Many2one(
        comodel_name="emploi.support.agreement",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="agreement_id.company_id", store=True, index=True
    )
    party = fields.Selection(selection=PARTIES, required=True)
    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Signatory", required=True
    )
    expiry_date = fields.Date(string="Link valid until", required=True)
    active = fields.Boolean(default=True)
    signed_on = fields.Datetime(readonly=True)
    signed_by = fields.Char(readonly=True)
    signature = fields.Binary(attachment=True, readonly=True)
    signed_copy_id = fields.Many2one(
        comodel_name="ir.attachment", string="Signed copy", readonly=True
    )

    def _compute_access_url(self):
        for request in self:
            request.access_url = f"/agreement/sign/{request.id}"

    def _is_open(self):
        """The link still works: not withdrawn, not expired."""
        self.ensure_one()
        return self.active and self.expiry_date >= fields.Date.context_today(self)

    def _can_sign(self):
        self.ensure_one()
        return (
            self._is_open()
            and not self.signed_on
            and self.agreement_id.state == "to_sign"
        )

    def _disclosure(self):
        """What the person agreed to share with the employer (none for the
        person's own link)."""
        self.ensure_one()
        if self.party != "employer":
            return self.env["emploi.disclosure"]
        agreement = self.agreement_id
        plans = (
            self.env["emploi.disclosure"]
            .sudo()
            ._agreed(agreement.beneficiary_id, agreement.employer_id)
        )
        return plans.get(
            (agreement.beneficiary_id, agreement.employer_id),
            self.env["emploi.disclosure"],
        )

    def _shows_accommodations(self):
        """The person reads the whole agreement; the employer reads the
        accommodations only where the person's sharing agreement allows it."""
        self.ensure_one()
        return self.party == "person" or self._disclosure().disclose_accommodations

    def _next_appointments(self):
        """The person's next appointments with their coach (their own link)."""
        self.ensure_one()
        if self.party != "person":
            return self.env["emploi.action"]
        return (
            self.env["emploi.action"]
            .sudo()
            .search(
                [
                    ("pathway_id", "=", self.agreement_id.pathway_id.id),
                    ("attendance", "=", "planned"),
                    ("with_beneficiary", "=", True),
                    ("start", ">=", fields.Datetime.now()),
                ],
                order="start",
                limit=5,
            )
        )

    def _sign(self, name, signature):
        """Record the signature; the agreement is signed once every party
        has signed, and its version locks as it does in the back office."""
        self.ensure_one()
        if not self._can_sign():
            raise UserError(
                self.env._("This agreement can no longer be signed with this link.")
            )
        name = (name or "").strip()
        if not name or not signature:
            raise ValidationError(self.env._("Write your name and sign."))
        try:
            image = base64.b64decode(signature, validate=True)
        except (binascii.Error, ValueError):
            raise ValidationError(
                self.env._("The signature could not be read.")
            ) from None
        if not image.startswith(b"\x89PNG"):
            raise ValidationError(self.env._("The signature could not be read."))
        request = self.sudo()
        request.write(
            {
                "signed_by": name[:200],
                "signed_on": fields.Datetime.now(),
                "signature": signature,
            }
        )
        agreement = request.agreement_id
        today = fields.Date.context_today(self)
        agreement.write({f"date_signed_{request.party}": today})
        party = dict(request._fields["party"]._description_selection(self.env))
        agreement.message_post(
            body=self.env._(
                "Signed online by %(name)s (%(party)s).",
                name=name,
                party=party[request.party],
            ),
            author_id=request.partner_id.id,
        )
        if agreement._emploi_all_signed():
            agreement.action_signed()

    def _store_signed_copy(self):
        """The signed version as a PDF, kept with each signature."""
        Report = self.env["ir.actions.report"].sudo()
        pdfs = {}
        for request in self.sudo():
            agreement = request.agreement_id
            if agreement not in pdfs:
                pdfs[agreement] = Report._render_qweb_pdf(
                    "emploi_accompagne.action_report_support_agreement", agreement.ids
                )[0]
            request.signed_copy_id = request.env["ir.attachment"].create(
                {
                    "name": f"{agreement.name}.pdf",
                    "raw": pdfs[agreement],
                    "mimetype": "application/pdf",
                    "res_model": self._name,
                    "res_id": request.id,
                }
            )

    @api.model
    def _new_expiry_date(self):
        days = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(SIGNATURE_DAYS_PARAM, SIGNATURE_DAYS)
        )
        return fields.Date.context_today(self) + timedelta(days=days)

    def _send_link(self):
        """E-mail the link to the signatory, in their language; the token is
        in no message of the chatter."""
        for request in self.sudo():
            partner = request.partner_id
            env = request.with_context(lang=partner.lang).env
            url = request.get_base_url() + request.get_portal_url()
            body = Markup("<p>%s</p><p>%s</p><p><a href='%s'>%s</a></p><p>%s</p>") % (
                env._("Hello %s,", partner.name),
                env._(
                    "%(platform)s invites you to read and sign the support "
                    "agreement %(agreement)s.",
                    platform=request.company_id.name,
                    agreement=request.agreement_id.name,
                ),
                url,
                env._("Read and sign the agreement"),
                env._(
                    "This link is personal and works until %s.",
                    format_date(env, request.expiry_date),
                ),
            )
            self.env["mail.mail"].sudo().create(
                {
                    "subject": env._(
                        "Support agreement to sign: %s", request.agreement_id.name
                    ),
                    "body_html": body,
                    "recipient_ids": partner.ids,
                    "email_from": request.company_id.email_formatted
                    or self.env.user.email_formatted,
                    "auto_delete": True,
                }
            )
