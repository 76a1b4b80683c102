from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import MissingError, UserError, ValidationError
from odoo.osv import expression

# Portal actions (referrals, answers, advice requests) per user and per hour,
# unless the system parameter says otherwise.
ACTIONS_PER_HOUR_PARAM = "emploi_accompagne_portal.actions_per_hour"
ACTIONS_PER_HOUR = 30
MAX_TEXT = 5000


class EmploiPortalOrganisationMixin(models.AbstractModel):
    """Records an organisation sends on the portal: its portal users read
    them (as superuser, within ``_portal_domain`` only), nobody else.

    Every method runs for the portal user of ``self.env``.
    """

    _name = "emploi.portal.organisation.mixin"
    _description = "Sent by an organisation on the portal"
    _portal_organisation_field = None
    _portal_order = "id desc"

    @api.model
    def _portal_domain(self):
        """The records of the user's organisation on the user's platforms."""
        user = self.env.user
        organisation = user._emploi_portal_organisation()
        if not organisation:
            return expression.FALSE_DOMAIN
        return [
            (self._portal_organisation_field, "=", organisation.id),
            ("company_id", "in", user.company_ids.ids),
        ]

    @api.model
    def _portal_search(self, offset=0, limit=None):
        return self.sudo().search(
            self._portal_domain(), offset=offset, limit=limit, order=self._portal_order
        )

    @api.model
    def _portal_count(self):
        return self.sudo().search_count(self._portal_domain())

    @api.model
    def _portal_get(self, record_id):
        """The record ``record_id`` if the user's organisation sent it;
        otherwise MissingError, the same whether it exists or not."""
        record = self.sudo().search(
            expression.AND([self._portal_domain(), [("id", "=", record_id)]])
        )
        if not record:
            raise MissingError(self.env._("This record does not exist."))
        return record

    @api.model
    def _portal_organisation(self):
        """The user's organisation; refused to anybody without one."""
        organisation = self.env.user._emploi_portal_organisation()
        if not organisation:
            raise UserError(
                self.env._(
                    "Your account is not linked to an organisation: ask the "
                    "platform to invite you from your organisation's contact."
                )
            )
        return organisation

    @api.model
    def _portal_platform(self, form):
        """The platform the record goes to: one of the user's."""
        user = self.env.user
        raw = form.get("company_id")
        company_id = int(raw) if str(raw or "").isdigit() else user.company_id.id
        if company_id not in user.company_ids.ids:
            raise ValidationError(self.env._("Choose one of your platforms."))
        return self.env["res.company"].browse(company_id)

    @api.model
    def _portal_check_rate(self):
        """Refuse a user who posted too much in the last hour: every portal
        action is a message they author."""
        limit = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(ACTIONS_PER_HOUR_PARAM, ACTIONS_PER_HOUR)
        )
        recent = (
            self.env["mail.message"]
            .sudo()
            .search_count(
                [
                    ("author_id", "=", self.env.user.partner_id.id),
                    ("date", ">", fields.Datetime.now() - timedelta(hours=1)),
                ]
            )
        )
        if recent >= limit:
            raise UserError(
                self.env._(
                    "You have sent %s referrals, requests or answers in the last "
                    "hour: please wait before sending more.",
                    recent,
                )
            )

    @api.model
    def _portal_clean_values(self, form, names):
        """The values of the fields ``names`` from the portal form ``form``
        (strings, as posted): typed and checked, anything else ignored; a
        clear error otherwise."""
        values = {}
        for name in names:
            raw = form.get(name)
            field = self._fields[name]
            if field.type == "boolean":
                values[name] = raw in ("on", "1", "true", True)
                continue
            raw = raw.strip() if isinstance(raw, str) else raw
            if not raw:
                continue
            label = field._description_string(self.env)
            if field.type in ("char", "text"):
                values[name] = raw[:MAX_TEXT]
            elif field.type == "date":
                try:
                    values[name] = fields.Date.to_date(raw)
                except ValueError:
                    raise ValidationError(
                        self.env._("%s: this is not a date.", label)
                    ) from None
            elif field.type == "selection":
                if raw not in dict(field._description_selection(self.env)):
                    raise ValidationError(self.env._("%s: unknown choice.", label))
                values[name] = raw
            elif field.type == "many2one":
                record = (
                    self.env[field.comodel_name]
                    .sudo()
                    .browse(int(raw) if str(raw).isdigit() else 0)
                    .exists()
                )
                if not record:
                    raise ValidationError(self.env._("%s: unknown choice.", label))
                values[name] = record.id
        return values
