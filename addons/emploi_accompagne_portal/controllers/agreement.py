from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class EmploiAgreementPortal(CustomerPortal):
    """The person's and the employer's link to read and sign a support
    agreement, with no account: Odoo's portal access token."""

    def _get_signature(self, signature_id, access_token):
        try:
            return self._document_check_access(
                "emploi.agreement.signature", signature_id, access_token
            )
        except (AccessError, MissingError):
            raise request.not_found() from None

    @http.route(
        "/agreement/sign/<int:signature_id>", type="http", auth="public", website=True
    )
    def emploi_agreement_sign(self, signature_id, access_token=None, **kw):
        signature = self._get_signature(signature_id, access_token)
        # Appointments are told in the platform's time, not in UTC.
        request.update_context(
            tz=signature.company_id.resource_calendar_id.tz or "Europe/Paris"
        )
        values = {
            "signature_request": signature,
            "agreement": signature.agreement_id,
            "access_token": access_token,
            "open": signature._is_open(),
            "can_sign": signature._can_sign(),
            "show_accommodations": signature._shows_accommodations(),
            "disclosure": signature._disclosure(),
            "appointments": signature._next_appointments(),
        }
        return request.render("emploi_accompagne_portal.portal_agreement_sign", values)

    @http.route(
        "/agreement/sign/<int:signature_id>/accept",
        type="json",
        auth="public",
        website=True,
    )
    def emploi_agreement_accept(
        self, signature_id, access_token=None, name=None, signature=None
    ):
        access_token = access_token or request.httprequest.args.get("access_token")
        request_sudo = self._get_signature(signature_id, access_token)
        try:
            request_sudo._sign(name, signature)
        except (UserError, ValidationError) as error:
            return {"error": error.args[0]}
        return {
            "force_refresh": True,
            "redirect_url": request_sudo.get_portal_url(),
        }

    @http.route(
        "/agreement/sign/<int:signature_id>/pdf",
        type="http",
        auth="public",
        website=True,
    )
    def emploi_agreement_signed_copy(self, signature_id, access_token=None, **kw):
        signature = self._get_signature(signature_id, access_token)
        copy = signature.signed_copy_id
        if not copy or not signature._is_open():
            raise request.not_found()
        return request.make_response(
            copy.raw,
            headers=[
                ("Content-Type", "application/pdf"),
                ("Content-Disposition", http.content_disposition(copy.name)),
            ],
        )
