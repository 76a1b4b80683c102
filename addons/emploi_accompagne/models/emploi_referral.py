from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools import format_date

from .emploi_beneficiary import (
    BOETH_TITLES,
    CDAPH_ORIENTATIONS,
    CONSENT_BY,
    GENDERS,
    HEALTH_GROUP,
    LEGAL_PROTECTIONS,
    REPRESENTED,
    check_consent_date,
)
from .emploi_pathway import ENTRY_SITUATIONS, MIN_AGE

WAITING_PRIORITIES = [("0", "Normal"), ("1", "High"), ("2", "Very high")]
OPEN_STATES = ("new", "ready", "scheduled", "postponed", "assessment")
DECISIONS = [
    ("admitted", "Admitted"),
    ("waiting_list", "Admitted, waiting list"),
    ("postponed", "Postponed for more information"),
    ("redirected", "Redirected"),
    ("refused", "Not admitted"),
    ("assessment", "Preliminary assessment requested"),
]
# Who prescribes supported employment (article L. 5213-2-1 of the Labour Code).
PRESCRIBERS = [
    ("mdph", "CDAPH (MDPH)"),
    ("france_travail", "France Travail"),
    ("cap_emploi", "Cap emploi"),
    ("mission_locale", "Mission locale"),
]
# Who else sends someone: recorded as a source, never as a prescriber.
SOURCES = [
    ("medico_social", "Medico-social service"),
    ("employer", "Employer"),
    ("person", "The person"),
    ("other", "Other source"),
]


class EmploiReferral(models.Model):
    """A referral form (fiche de liaison) received from a prescriber."""

    _name = "emploi.referral"
    _description = "Referral"
    _inherit = [
        "emploi.workflow.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "emploi.platform.mixin",
        "emploi.personal.data.mixin",
        "emploi.reference.mixin",
        "emploi.health.access.mixin",
    ]
    _reference_code = "emploi.referral"
    _health_fields = ("disability_category_id",)
    _order = "urgent desc, waiting_priority desc, referral_date, id"

    name = fields.Char(string="Reference", required=True, copy=False, default="/")
    state = fields.Selection(
        selection=[
            ("new", "Received, incomplete"),
            ("ready", "Ready for committee"),
            ("scheduled", "On a committee agenda"),
            *DECISIONS,
            ("expired", "Expired"),
        ],
        string="Status",
        default="new",
        required=True,
        copy=False,
        tracking=True,
        index=True,
        group_expand="_read_group_state",
    )
    referral_date = fields.Date(
        string="Received on", required=True, default=fields.Date.context_today
    )
    urgent = fields.Boolean(tracking=True)
    # Prescriber
    prescriber_type = fields.Selection(
        selection=PRESCRIBERS + SOURCES,
        string="Referred by",
        required=True,
        tracking=True,
        help="Only the CDAPH and the public employment service operators prescribe "
        "(article L. 5213-2-1 of the Labour Code); anyone else is a source.",
    )
    prescribed_by = fields.Selection(
        selection=PRESCRIBERS,
        string="Prescription by",
        tracking=True,
        help="A referral from another source needs the prescription of the CDAPH "
        "or of the public employment service before the committee.",
    )
    prescription = fields.Selection(
        selection=PRESCRIBERS,
        string="Prescriber",
        compute="_compute_prescription",
        store=True,
    )
    prescriber_id = fields.Many2one(
        comodel_name="res.partner",
        string="Referring organisation",
        domain="[('is_company', '=', True)]",
        tracking=True,
    )
    advisor_id = fields.Many2one(
        comodel_name="res.partner",
        string="Advisor",
        help="The person who referred, who receives the decision.",
    )
    prescriber_type_label = fields.Char(compute="_compute_prescriber_type_label")
    cdaph_decision_date = fields.Date(string="CDAPH decision date")
    cdaph_decision_number = fields.Char(string="CDAPH decision number")
    cdaph_orientation = fields.Selection(
        selection=CDAPH_ORIENTATIONS, string="Linked orientation"
    )
    cdaph_valid_until = fields.Date(string="CDAPH decision valid until")
    # Person
    firstname = fields.Char(string="First name", required=True)
    lastname = fields.Char(string="Last name", required=True)
    person_name = fields.Char(compute="_compute_person_name", store=True, index=True)
    birthdate = fields.Date(string="Date of birth")
    gender = fields.Selection(selection=GENDERS)
    phone = fields.Char()
    email = fields.Char()
    city = fields.Char()
    boeth_title = fields.Selection(
        selection=BOETH_TITLES, string="Employment obligation title"
    )
    boeth_decision_date = fields.Date(string="Title decision date")
    boeth_expiry_date = fields.Date(string="Title expiry date")
    consent_date = fields.Date()
    consent_by = fields.Selection(
        selection=CONSENT_BY,
        string="Consent given by",
        default="person",
    )
    legal_protection = fields.Selection(
        selection=LEGAL_PROTECTIONS, default="none", groups=HEALTH_GROUP
    )
    legal_representative_id = fields.Many2one(
        comodel_name="res.partner", string="Legal representative"
    )
    representative_required = fields.Boolean(
        compute="_compute_representative_required",
        store=True,
        compute_sudo=True,
        help="The consent is given by a representative, or the protection "
        "measure makes someone else consent for the person.",
    )
    entry_situation = fields.Selection(
        selection=ENTRY_SITUATIONS,
        string="Situation",
        required=True,
        default="job_seeker",
    )
    current_employer_id = fields.Many2one(
        comodel_name="res.partner",
        string="Current employer",
        domain="[('is_company', '=', True)]",
    )
    retention_unit_involved = fields.Boolean(
        string="Cap emploi job-retention unit involved"
    )
    # Needs-spotting form (fiche d'aide au repérage des besoins)
    needs_support_in_job = fields.Boolean(string="Needs support in the job")
    support_length = fields.Selection(
        selection=[("occasional", "Occasional"), ("long_term", "Long term")],
    )
    schemes_tried = fields.Text(string="Schemes already tried")
    why_insufficient = fields.Text(string="Why they are not enough")
    wishes = fields.Text(string="The person's wishes")
    preliminary_assessment = fields.Boolean(
        string="Preliminary assessment requested by the prescriber"
    )
    disability_category_id = fields.Many2one(
        comodel_name="emploi.disability.category",
        string="Main disability",
        groups=HEALTH_GROUP,
    )
    # Checks
    eligibility_issues = fields.Text(compute="_compute_eligibility_issues")
    is_eligible = fields.Boolean(
        compute="_compute_eligibility_issues", search="_search_is_eligible"
    )
    beneficiary_id = fields.Many2one(
        comodel_name="emploi.beneficiary",
        string="Known person",
        check_company=True,
        tracking=True,
        help="The file of this person on the platform, found by name and birth date.",
    )
    duplicate_referral_ids = fields.Many2many(
        comodel_name="emploi.referral",
        compute="_compute_duplicate_referral_ids",
        string="Other referrals of this person",
    )
    # Committee and decision
    committee_id = fields.Many2one(
        comodel_name="emploi.committee",
        index=True,
        tracking=True,
        check_company=True,
        copy=False,
    )
    committee_date = fields.Datetime(related="committee_id.date", store=True)
    decision_date = fields.Date(tracking=True, copy=False)
    decision_reason_id = fields.Many2one(
        comodel_name="emploi.referral.reason", tracking=True, copy=False
    )
    redirected_to = fields.Char(copy=False)
    decision_note = fields.Text(copy=False)
    anonymised_date = fields.Date(string="Anonymised on", readonly=True, copy=False)
    waiting_priority = fields.Selection(
        selection=WAITING_PRIORITIES,
        default="0",
        copy=False,
    )
    coach_id = fields.Many2one(
        comodel_name="res.users",
        string="Job coach",
        tracking=True,
        copy=False,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    pathway_id = fields.Many2one(
        comodel_name="emploi.pathway", copy=False, readonly=True, check_company=True
    )
    days_to_committee = fields.Integer(
        compute="_compute_delays", store=True, aggregator="avg"
    )
    first_appointment_date = fields.Date(
        related="pathway_id.first_action_date", store=True
    )
    days_to_first_appointment = fields.Integer(
        compute="_compute_delays", store=True, aggregator="avg"
    )

    @api.model
    def _read_group_state(self, states, domain):
        return [key for key, __ in self._fields["state"].selection]

    @api.depends("prescriber_type")
    def _compute_prescriber_type_label(self):
        labels = dict(self._fields["prescriber_type"]._description_selection(self.env))
        for referral in self:
            referral.prescriber_type_label = labels.get(referral.prescriber_type, "")

    @api.depends("firstname", "lastname")
    def _compute_person_name(self):
        for referral in self:
            referral.person_name = " ".join(
                part for part in (referral.firstname, referral.lastname) if part
            )

    @api.depends("prescriber_type", "prescribed_by")
    def _compute_prescription(self):
        prescribers = dict(PRESCRIBERS)
        for referral in self:
            referral.prescription = (
                referral.prescriber_type
                if referral.prescriber_type in prescribers
                else referral.prescribed_by
            )

    @api.depends("consent_by", "legal_protection")
    def _compute_representative_required(self):
        for referral in self:
            referral.representative_required = (
                referral.consent_by == "representative"
                or referral.legal_protection in REPRESENTED
            )

    @api.depends(
        "birthdate",
        "gender",
        "boeth_title",
        "boeth_expiry_date",
        "consent_date",
        "representative_required",
        "legal_representative_id",
        "prescription",
    )
    @api.depends_context("date_today")
    def _compute_eligibility_issues(self):
        today = fields.Date.context_today(self)
        for referral in self:
            issues = referral._eligibility_issues(today)
            referral.eligibility_issues = "\n".join(issues)
            referral.is_eligible = not issues

    def _eligibility_issues(self, day):
        self.ensure_one()
        issues = []
        if not self.birthdate:
            issues.append(self.env._("Date of birth missing."))
        elif relativedelta(day, self.birthdate).years < MIN_AGE:
            issues.append(self.env._("Under %s.", MIN_AGE))
        if not self.boeth_title:
            issues.append(self.env._("No employment obligation title."))
        elif self.boeth_expiry_date and self.boeth_expiry_date < day:
            issues.append(self.env._("Title expired."))
        if not self.consent_date:
            issues.append(self.env._("Consent not recorded."))
        if self.representative_required and not self.legal_representative_id:
            issues.append(self.env._("Legal representative missing."))
        if not self.gender:
            issues.append(self.env._("Gender missing."))
        if not self.prescription:
            issues.append(
                self.env._(
                    "No prescription yet: the CDAPH, France Travail, Cap emploi or "
                    "a Mission locale prescribes."
                )
            )
        return issues

    def _search_is_eligible(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on eligibility."))
        today = fields.Date.context_today(self)
        adult_birthdate = today - relativedelta(years=MIN_AGE)
        domain = [
            ("birthdate", "<=", adult_birthdate),
            ("boeth_title", "!=", False),
            ("consent_date", "!=", False),
            ("gender", "!=", False),
            ("prescription", "!=", False),
            "|",
            ("boeth_expiry_date", "=", False),
            ("boeth_expiry_date", ">=", today),
            "|",
            ("representative_required", "=", False),
            ("legal_representative_id", "!=", False),
        ]
        if (operator == "=") == value:
            return domain
        return ["!", *expression.normalize_domain(domain)]

    @api.depends("person_name", "birthdate", "company_id")
    def _compute_duplicate_referral_ids(self):
        for referral in self:
            if not referral.birthdate or not referral.person_name:
                referral.duplicate_referral_ids = False
                continue
            referral.duplicate_referral_ids = self.search(
                [
                    ("id", "not in", referral.ids),
                    ("company_id", "=", referral.company_id.id),
                    ("person_name", "=ilike", referral.person_name),
                    ("birthdate", "=", referral.birthdate),
                ]
            )

    @api.depends("referral_date", "committee_date", "first_appointment_date")
    def _compute_delays(self):
        for referral in self:
            committee_day = referral.company_id._emploi_local_date(
                referral.committee_date
            )
            referral.days_to_committee = (
                (committee_day - referral.referral_date).days if committee_day else 0
            )
            first = referral.first_appointment_date
            referral.days_to_first_appointment = (
                (first - committee_day).days if first and committee_day else 0
            )

    @api.constrains("consent_date", "referral_date", "decision_date")
    def _check_dates(self):
        for referral in self:
            check_consent_date(referral, referral.consent_date, referral.person_name)
            if (
                referral.decision_date
                and referral.referral_date
                and referral.decision_date < referral.referral_date
            ):
                raise ValidationError(
                    self.env._(
                        "The decision on the referral of %(name)s (%(decision)s) "
                        "cannot come before it was received (%(received)s).",
                        name=referral.person_name,
                        decision=format_date(self.env, referral.decision_date),
                        received=format_date(self.env, referral.referral_date),
                    )
                )

    def _find_known_beneficiary(self):
        """The file of the same person (name and birth date) on the platform."""
        self.ensure_one()
        if not self.birthdate:
            return self.env["emploi.beneficiary"]
        return (
            self.env["emploi.beneficiary"]
            .with_context(active_test=False)
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("name", "=ilike", self.person_name),
                    ("birthdate", "=", self.birthdate),
                ],
                limit=1,
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        referrals = super().create(vals_list)
        referrals._link_known_beneficiary()
        return referrals

    def write(self, vals):
        res = super().write(vals)
        if {"firstname", "lastname", "birthdate"} & vals.keys():
            self._link_known_beneficiary()
        return res

    def _link_known_beneficiary(self):
        for referral in self.filtered(lambda r: not r.beneficiary_id):
            known = referral.sudo()._find_known_beneficiary()
            if known:
                referral.beneficiary_id = known
                referral.message_post(
                    body=self.env._(
                        "This person is already known to the platform: the referral "
                        "is linked to the existing file."
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_decided(self):
        if any(referral.state not in ("new", "ready") for referral in self):
            raise UserError(
                self.env._(
                    "A referral that went to a committee is part of the history: "
                    "it cannot be deleted."
                )
            )

    def action_mark_ready(self):
        for referral in self:
            if referral.state != "new":
                continue
            if not referral.is_eligible:
                raise UserError(
                    self.env._(
                        "The referral of %(name)s is not complete:\n%(issues)s",
                        name=referral.person_name,
                        issues=referral.eligibility_issues,
                    )
                )
            referral._set_state("ready")

    def action_decide(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Committee decision"),
            "res_model": "emploi.referral.decision",
            "view_mode": "form",
            "target": "new",
            "context": {"default_referral_ids": self.ids},
        }

    def action_assign_from_waiting_list(self):
        """Open the pathway of a person on the waiting list once a coach is set."""
        for referral in self:
            if referral.state != "waiting_list":
                raise UserError(self.env._("Only a waiting referral can be assigned."))
            if not referral.coach_id:
                raise UserError(
                    self.env._(
                        "Choose the job coach of %s first.", referral.person_name
                    )
                )
            referral._open_pathway(fields.Date.context_today(self))
            referral._set_state("admitted")

    def _beneficiary_values(self):
        self.ensure_one()
        return {
            "company_id": self.company_id.id,
            "birthdate": self.birthdate,
            "gender": self.gender,
            "boeth_title": self.boeth_title,
            "boeth_decision_date": self.boeth_decision_date,
            "boeth_expiry_date": self.boeth_expiry_date,
            "consent_date": self.consent_date,
            "consent_by": self.consent_by,
            "legal_representative_id": self.legal_representative_id.id,
            "cdaph_decision_date": self.cdaph_decision_date,
            "cdaph_decision_number": self.cdaph_decision_number,
            "cdaph_orientation": self.cdaph_orientation,
            "cdaph_valid_until": self.cdaph_valid_until,
        }

    def _open_pathway(self, admission_date):
        """Admission: the file (found or created) and a new pathway, no retyping."""
        self.ensure_one()
        beneficiary = self.beneficiary_id
        values = self._beneficiary_values()
        if beneficiary:
            beneficiary.write(
                {k: v for k, v in values.items() if v and k != "company_id"}
            )
        else:
            partner = self.env["res.partner"].create(
                {
                    # The person's contact belongs to the platform only.
                    "company_id": self.company_id.id,
                    "name": self.person_name,
                    "phone": self.phone,
                    "email": self.email,
                    "city": self.city,
                }
            )
            beneficiary = self.env["emploi.beneficiary"].create(
                {**values, "partner_id": partner.id}
            )
            self.beneficiary_id = beneficiary
        # The category and the protection measure move from the form to the
        # file without the secretariat reading them.
        referral = self.sudo()
        if referral.disability_category_id:
            beneficiary.sudo().disability_category_id = referral.disability_category_id
        if referral.legal_protection != "none":
            beneficiary.sudo().legal_protection = referral.legal_protection
        beneficiary.coach_id = self.coach_id
        self.pathway_id = self.env["emploi.pathway"].create(
            {
                "beneficiary_id": beneficiary.id,
                # Until the first held appointment sets it.
                "entry_date": admission_date,
                "admission_date": admission_date,
                "entry_pending": True,
                "entry_situation": self.entry_situation,
                "job_preferences": self.wishes,
            }
        )

    def _cron_expire_incomplete(self):
        """Flag referrals left incomplete, then expire them and tell the prescriber."""
        today = fields.Date.context_today(self)
        for company in self.env["res.company"].search([]):
            reminder = today - relativedelta(days=company.emploi_referral_reminder_days)
            expiry = today - relativedelta(days=company.emploi_referral_expiry_days)
            stale = self.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "new"),
                    ("referral_date", "<", reminder),
                ]
            )
            expired = stale.filtered_domain([("referral_date", "<", expiry)])
            expired._set_state("expired", {"decision_date": today})
            expired._notify_prescriber()
            (stale - expired).filtered(lambda r: not r.activity_ids).activity_schedule(
                act_type_xmlid="emploi_accompagne.mail_activity_referral_incomplete",
                date_deadline=today,
            )

    def _notify_prescriber(self):
        """E-mail the decision to the prescriber's advisor, and to nobody else:
        an internal note, so that the referral's followers are not mailed."""
        template = self.env.ref("emploi_accompagne.mail_template_referral_decision")
        for referral in self.filtered("advisor_id.email"):
            referral.message_post_with_source(
                template,
                subtype_xmlid="mail.mt_note",
                partner_ids=referral.advisor_id.ids,
            )

    def _anonymised_values(self):
        return {
            "firstname": self.env._("Anonymised"),
            "lastname": self.name,
            "birthdate": self.birthdate and date(self.birthdate.year, 1, 1),
            "phone": False,
            "email": False,
            "city": False,
            "schemes_tried": False,
            "why_insufficient": False,
            "wishes": False,
            "decision_note": False,
            "redirected_to": False,
            "legal_representative_id": False,
            "cdaph_decision_number": False,
            "anonymised_date": fields.Date.context_today(self),
        }

    def _cron_purge_unadmitted(self):
        """Referrals that led to no support (not admitted, redirected, expired)
        keep only what the counts need once their delay is over."""
        today = fields.Date.context_today(self)
        for company in self.env["res.company"].search([]):
            limit = today - relativedelta(months=company.emploi_referral_purge_months)
            self.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "in", ("refused", "redirected", "expired")),
                    ("decision_date", "<", limit),
                    ("anonymised_date", "=", False),
                ]
            )._anonymise_records()
