from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date, format_datetime
from odoo.tools.mimetypes import guess_mimetype

from odoo.addons.emploi_accompagne.models.emploi_referral import OPEN_STATES

from .emploi_portal_organisation_mixin import MAX_TEXT

# What a prescriber fills in on the portal; anything else sent is ignored.
PORTAL_FIELDS = (
    "prescriber_type",
    "prescribed_by",
    "cdaph_decision_date",
    "cdaph_decision_number",
    "cdaph_orientation",
    "cdaph_valid_until",
    "firstname",
    "lastname",
    "birthdate",
    "gender",
    "phone",
    "email",
    "city",
    "entry_situation",
    "retention_unit_involved",
    "boeth_title",
    "boeth_decision_date",
    "boeth_expiry_date",
    "consent_date",
    "consent_by",
    "legal_protection",
    "needs_support_in_job",
    "support_length",
    "schemes_tried",
    "why_insufficient",
    "wishes",
    "preliminary_assessment",
    "disability_category_id",
)
# The legal representative, created as a contact of the platform.
REPRESENTATIVE_FIELDS = ("representative_name", "representative_email")
MAX_FILES = 5
MAX_FILE_BYTES = 10 * 1024 * 1024
ACCEPTED_MIMETYPES = {
    "application/pdf",
    "image/jpeg",
    "image/png",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/msword",
}
ANSWERABLE_STATES = ("new", "ready", "postponed")


class EmploiReferral(models.Model):
    _name = "emploi.referral"
    _inherit = ["emploi.referral", "emploi.portal.organisation.mixin"]
    _portal_organisation_field = "prescriber_id"
    _portal_order = "referral_date desc, id desc"
    # Who sent it on the portal, who asked for information.
    _button_fields = ("portal_user_id", "information_requested_by")

    portal_user_id = fields.Many2one(
        comodel_name="res.users",
        string="Sent on the portal by",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    missing_information = fields.Text(
        string="Information asked of the prescriber",
        tracking=True,
        copy=False,
        help="What the prescriber reads on the portal as missing; sent to the "
        "advisor with Ask the prescriber.",
    )
    information_requested_by = fields.Many2one(
        comodel_name="res.users", readonly=True, copy=False
    )

    # Back office

    def action_request_information(self):
        """Tell the advisor what is missing; the referral waits for them."""
        self.check_access("write")
        for referral in self:
            if referral.state not in ANSWERABLE_STATES:
                raise UserError(
                    self.env._(
                        "The referral %s is no longer waiting for information.",
                        referral.name,
                    )
                )
            if not referral.missing_information:
                raise UserError(
                    self.env._("Write first what the prescriber should send.")
                )
            if referral.state == "ready":
                referral._set_state("new")
            referral.sudo().information_requested_by = self.env.user
            referral.message_post(
                body=Markup("<p>%s</p><p>%s</p><p><a href='%s'>%s</a></p>")
                % (
                    self.env._("Information is missing to present this referral:"),
                    referral.missing_information,
                    referral._portal_url(),
                    self.env._("Answer on the portal"),
                ),
                subtype_xmlid="emploi_accompagne_portal.mt_referral_exchange",
                partner_ids=referral.advisor_id.ids,
            )

    def action_mark_ready(self):
        res = super().action_mark_ready()
        self.filtered(lambda r: r.state == "ready").missing_information = False
        return res

    def _portal_url(self):
        return f"{self.get_base_url()}/my/referrals/{self.id}"

    @api.model
    def _portal_default_form(self):
        """A new form starts with what the organisation sent last time."""
        last = self._portal_search(limit=1)
        return {"prescriber_type": last.prescriber_type} if last else {}

    def _portal_status(self):
        """What the prescriber reads of the referral's progress: the status, a
        detail, and what is missing. Nothing after admission but the coach."""
        self.ensure_one()
        referral = self.sudo()
        labels = dict(referral._fields["state"]._description_selection(referral.env))
        detail = ""
        missing = []
        state = referral.state
        if state in ANSWERABLE_STATES and state != "ready":
            if referral.missing_information:
                missing.append(referral.missing_information)
            if state == "new":
                missing += referral._eligibility_issues(
                    fields.Date.context_today(referral)
                )
        if state == "ready":
            detail = self.env._("Complete: it will go to the next committee.")
        elif state == "scheduled" and referral.committee_id:
            detail = self.env._(
                "On the agenda of the committee of %s.",
                format_datetime(
                    self.env,
                    referral.committee_id.date,
                    tz=referral.company_id.resource_calendar_id.tz or "Europe/Paris",
                    dt_format="short",
                ),
            )
        elif state == "admitted":
            detail = self.env._(
                "Referent job coach: %s.",
                referral.coach_id.name or self.env._("to be appointed"),
            )
        elif state == "redirected" and referral.redirected_to:
            detail = self.env._("Redirected to: %s.", referral.redirected_to)
        elif state in ("refused", "redirected") and referral.decision_reason_id:
            if referral.decision_reason_id.told_prescriber:
                detail = referral.decision_reason_id.name
        if state not in ("new", "ready", "scheduled") and referral.decision_date:
            detail = " ".join(
                part
                for part in (
                    self.env._(
                        "Decided on %s.", format_date(self.env, referral.decision_date)
                    ),
                    detail,
                )
                if part
            )
        return {"label": labels[state], "detail": detail, "missing": missing}

    def _portal_exchanges(self):
        """The messages exchanged with the prescriber, oldest first."""
        self.ensure_one()
        subtype = self.env.ref("emploi_accompagne_portal.mt_referral_exchange")
        return (
            self.env["mail.message"]
            .sudo()
            .search(
                [
                    ("model", "=", self._name),
                    ("res_id", "=", self.id),
                    ("subtype_id", "=", subtype.id),
                ],
                order="date, id",
            )
        )

    @api.model
    def _portal_eligibility(self, form):
        """The checks the back office runs, on the form as typed."""
        try:
            values = self._portal_clean_values(form, PORTAL_FIELDS)
        except ValidationError as error:
            return [error.args[0]]
        if (form.get("representative_name") or "").strip():
            values["legal_representative_id"] = self.env["res.partner"].new(
                {"name": form["representative_name"]}
            )
        draft = self.sudo().new(values)
        return draft._eligibility_issues(fields.Date.context_today(self))

    @api.model
    def _portal_files(self, files):
        """``files`` ([(name, bytes)]) checked against the portal's limits."""
        files = [(name, data) for name, data in files if name and data]
        if len(files) > MAX_FILES:
            raise ValidationError(
                self.env._("At most %s documents per sending.", MAX_FILES)
            )
        checked = []
        for name, data in files:
            if len(data) > MAX_FILE_BYTES:
                raise ValidationError(
                    self.env._(
                        "%(name)s is larger than %(size)s MB.",
                        name=name,
                        size=MAX_FILE_BYTES // (1024 * 1024),
                    )
                )
            mimetype = guess_mimetype(data)
            if mimetype not in ACCEPTED_MIMETYPES:
                raise ValidationError(
                    self.env._(
                        "%s: send a PDF, an image (JPEG, PNG) or a text document "
                        "(ODT, DOC, DOCX).",
                        name,
                    )
                )
            checked.append((name, data, mimetype))
        return checked

    def _portal_post(self, body, files):
        """Post ``body`` and ``files`` as the portal user, in the exchange."""
        self.ensure_one()
        self.sudo().message_post(
            body=body,
            author_id=self.env.user.partner_id.id,
            subtype_xmlid="emploi_accompagne_portal.mt_referral_exchange",
            attachments=[(name, data) for name, data, __ in files],
        )

    @api.model
    def _portal_submit(self, form, files=()):
        """Create the referral the prescriber sent: in the platform's queue,
        ready for the committee when complete."""
        user = self.env.user
        organisation = self._portal_organisation()
        self._portal_check_rate()
        values = self._portal_clean_values(form, PORTAL_FIELDS)
        company = self._portal_platform(form)
        missing = [
            self._fields[name]._description_string(self.env)
            for name in ("prescriber_type", "firstname", "lastname")
            if not values.get(name)
        ]
        if missing:
            raise ValidationError(
                self.env._("To send the referral, fill in: %s.", ", ".join(missing))
            )
        files = self._portal_files(files)
        Referral = self.sudo().with_company(company)
        Referral._portal_check_already_sent(organisation, company, values)
        representative = (form.get("representative_name") or "").strip()
        if representative:
            values["legal_representative_id"] = (
                self.env["res.partner"]
                .sudo()
                .create(
                    {
                        "name": representative[:200],
                        "email": (form.get("representative_email") or "")[:200],
                        "company_id": company.id,
                    }
                )
                .id
            )
        referral = Referral.with_context(mail_create_nolog=True).create(
            {
                **values,
                "company_id": company.id,
                "prescriber_id": organisation.id,
                "advisor_id": user.partner_id.id,
                "portal_user_id": user.id,
                "referral_date": fields.Date.context_today(self),
            }
        )
        referral.with_user(user)._portal_post(
            self.env._("Referral sent on the portal by %s.", user.partner_id.name),
            files,
        )
        if referral.is_eligible:
            referral.action_mark_ready()
        return referral

    def _portal_check_already_sent(self, organisation, company, values):
        """Refuse a second open referral of the same person by the same
        organisation; say nothing of anybody else's referrals."""
        if not values.get("birthdate"):
            return
        name = " ".join((values["firstname"], values["lastname"]))
        previous = self.search(
            [
                ("prescriber_id", "=", organisation.id),
                ("company_id", "=", company.id),
                ("state", "in", (*OPEN_STATES, "waiting_list")),
                ("person_name", "=ilike", name),
                ("birthdate", "=", values["birthdate"]),
            ],
            limit=1,
        )
        if previous:
            raise UserError(
                self.env._(
                    "Your organisation already sent the referral %(ref)s of "
                    "%(name)s on %(date)s: follow it in My referrals.",
                    ref=previous.name,
                    name=previous.person_name,
                    date=format_date(self.env, previous.referral_date),
                )
            )

    def _portal_answer(self, message, files=()):
        """The prescriber answers a request for information."""
        self.ensure_one()
        if self.state not in ANSWERABLE_STATES:
            raise UserError(
                self.env._("This referral is no longer waiting for information.")
            )
        message = (message or "").strip()[:MAX_TEXT]
        files = self._portal_files(files)
        if not message and not files:
            raise ValidationError(self.env._("Write an answer or attach a document."))
        self._portal_check_rate()
        self._portal_post(message or self.env._("Documents sent."), files)
        requester = self.information_requested_by
        if requester and not requester.share:
            self.sudo().activity_schedule(
                act_type_xmlid="mail.mail_activity_data_todo",
                summary=self.env._("Answer from the prescriber"),
                user_id=requester.id,
            )
