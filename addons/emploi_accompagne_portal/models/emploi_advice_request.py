from odoo import api, fields, models
from odoo.exceptions import ValidationError


class EmploiAdviceRequest(models.Model):
    _name = "emploi.advice.request"
    _inherit = ["emploi.advice.request", "emploi.portal.organisation.mixin"]
    _portal_organisation_field = "organisation_id"
    _portal_order = "request_date desc, id desc"

    @api.model
    def _portal_submit(self, form):
        """A partner asks for advice on the portal: the request lands in the
        platform's list of requests to answer."""
        user = self.env.user
        organisation = self._portal_organisation()
        self._portal_check_rate()
        company = self._portal_platform(form)
        values = self._portal_clean_values(form, ("requester_type", "question"))
        if not values.get("question"):
            raise ValidationError(
                self.env._("Describe the situation and the question.")
            )
        if not values.get("requester_type"):
            raise ValidationError(self.env._("Say who asks."))
        request = (
            self.sudo()
            .with_company(company)
            .with_context(mail_create_nolog=True)
            .create(
                {
                    "company_id": company.id,
                    "requester_type": values["requester_type"],
                    "organisation_id": organisation.id,
                    "contact_id": user.partner_id.id,
                    "question": values["question"],
                    "request_date": fields.Date.context_today(self),
                }
            )
        )
        request.message_post(
            body=self.env._("Asked on the portal by %s.", user.partner_id.name),
            author_id=user.partner_id.id,
        )
        return request
