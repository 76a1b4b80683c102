from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date, format_datetime


class EmploiSupportAgreement(models.Model):
    _inherit = "emploi.support.agreement"

    online_signature_status = fields.Html(
        string="Online signature",
        compute="_compute_online_signature_status",
        compute_sudo=True,
        sanitize=False,
    )

    def _online_signatures(self):
        return (
            self.env["emploi.agreement.signature"]
            .sudo()
            .with_context(active_test=False)
            .search([("agreement_id", "in", self.ids)])
        )

    def _compute_online_signature_status(self):
        requests = self._online_signatures()
        for agreement in self:
            lines = []
            for request in requests.filtered(
                lambda r, a=agreement: r.agreement_id == a and (r.active or r.signed_on)
            ):
                if request.signed_on:
                    state = self.env._(
                        "signed online on %(date)s by %(name)s",
                        date=format_datetime(self.env, request.signed_on),
                        name=request.signed_by,
                    )
                elif request._is_open():
                    state = self.env._(
                        "link sent, valid until %s",
                        format_date(self.env, request.expiry_date),
                    )
                else:
                    state = self.env._("link expired")
                lines.append(
                    Markup("<li>%s: %s</li>") % (request.partner_id.name, state)
                )
            agreement.online_signature_status = (
                Markup("<ul class='mb-0'>%s</ul>") % Markup("").join(lines)
                if lines
                else False
            )

    def _emploi_all_signed(self):
        self.ensure_one()
        return bool(
            self.date_signed_person
            and self.date_signed_platform
            and (self.date_signed_employer or not self.job_id)
        )

    def _online_signatories(self):
        """(party, partner) of those who have not signed yet."""
        self.ensure_one()
        signatories = [("person", self.beneficiary_id.partner_id)]
        if self.job_id:
            signatories.append(("employer", self.employer_signatory_id))
        return [
            (party, partner)
            for party, partner in signatories
            if not self[f"date_signed_{party}"]
        ]

    def action_sign_online(self):
        """Send the person and the employer a link to sign this version."""
        self.check_access("write")
        Signature = self.env["emploi.agreement.signature"].sudo()
        for agreement in self:
            if agreement.state != "to_sign":
                raise UserError(
                    self.env._(
                        "Send the agreement %s for signature first.", agreement.name
                    )
                )
            signatories = agreement._online_signatories()
            if agreement.job_id and not agreement.employer_signatory_id:
                raise UserError(self.env._("Choose who signs for the employer first."))
            if not signatories:
                raise UserError(self.env._("Everybody has signed already."))
            for __, partner in signatories:
                if not partner.email:
                    raise UserError(
                        self.env._(
                            "%s has no e-mail address: add it to their contact.",
                            partner.name,
                        )
                    )
            Signature.search(
                [("agreement_id", "=", agreement.id), ("signed_on", "=", False)]
            ).active = False
            requests = Signature.create(
                [
                    {
                        "agreement_id": agreement.id,
                        "party": party,
                        "partner_id": partner.id,
                        "expiry_date": Signature._new_expiry_date(),
                    }
                    for party, partner in signatories
                ]
            )
            for request in requests:
                request._portal_ensure_token()
            requests._send_link()
            agreement.message_post(
                body=self.env._(
                    "Signature link sent to %(names)s, valid until %(date)s.",
                    names=", ".join(requests.partner_id.mapped("name")),
                    date=format_date(self.env, requests[:1].expiry_date),
                )
            )

    def action_signed(self):
        res = super().action_signed()
        self._online_signatures().filtered("signed_on")._store_signed_copy()
        return res

    def _anonymise_records(self):
        self._online_signatures().unlink()
        return super()._anonymise_records()
