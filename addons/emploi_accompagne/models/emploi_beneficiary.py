import base64
import csv
import io
import json
import operator
import zipfile
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, format_date, html2plaintext

HEALTH_GROUP = "emploi_accompagne.group_emploi_coach"
MANAGER_GROUP = "emploi_accompagne.group_emploi_manager"
# What an export of a person's file leaves out: the machinery, not the person.
EXPORT_SKIPPED = ("message_", "activity_", "website_", "rating_", "__")
EXPORT_SKIPPED_FIELDS = {"create_uid", "write_uid", "write_date", "display_name"}
DATE_OPERATORS = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "=": operator.eq,
}

BOETH_TITLES = [
    ("rqth", "RQTH (recognition of disabled worker status)"),
    ("at_mp", "Work accident or occupational disease annuity (10% or more)"),
    ("invalidity_pension", "Invalidity pension"),
    ("military_pension", "Military invalidity pension"),
    ("firefighter", "Volunteer firefighter invalidity allowance"),
    ("cmi_invalidity", "Mobility inclusion card, invalidity mention"),
    ("aah", "Disabled adult allowance (AAH)"),
]


GENDERS = [("female", "Woman"), ("male", "Man"), ("other", "Other")]
LEGAL_PROTECTIONS = [
    ("none", "None"),
    ("safeguard", "Safeguard of justice"),
    ("curatorship", "Curatorship"),
    ("reinforced_curatorship", "Reinforced curatorship"),
    ("guardianship", "Guardianship"),
    ("family_authorisation", "Family authorisation"),
]
# Measures under which someone else consents for the person.
REPRESENTED = ("guardianship", "family_authorisation")
CDAPH_ORIENTATIONS = [
    ("ordinary", "Ordinary work"),
    ("esat", "ESAT (sheltered work)"),
    ("adapted", "Adapted company"),
    ("rehabilitation", "Vocational rehabilitation (CRP, CPO, UEROS)"),
    ("other", "Other"),
]


def check_consent_date(record, consent_date, name):
    """A consent is given, not promised: never dated in the future."""
    if consent_date and consent_date > fields.Date.context_today(record):
        raise ValidationError(
            record.env._("The consent of %s is dated in the future.", name)
        )


def copy_consent(target, source):
    """Give ``target`` the consent of ``source`` where it differs: a file and
    its current pathway tell the same consent."""
    changed = {
        name: source[name]
        for name in ("consent_date", "consent_by")
        if target[name] != source[name]
    }
    if changed:
        target.write(changed)


def age_on(birthdate, day):
    """Whole years of someone born on ``birthdate`` on ``day`` (0 if unknown)."""
    return relativedelta(day, birthdate).years if birthdate and day else 0


CONSENT_BY = [("person", "The person"), ("representative", "Legal representative")]


class EmploiBeneficiary(models.Model):
    """The file of a person the platform accompanies.

    Identity stays on the contact; everything the scheme needs to know about the
    person (title, disability, legal protection, education) lives here, so that the
    rest of Odoo never sees it. Health fields are restricted to job coaches.
    """

    _name = "emploi.beneficiary"
    _description = "Supported employment beneficiary"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "emploi.platform.mixin",
        "emploi.personal.data.mixin",
        "emploi.health.access.mixin",
    ]
    _order = "name, id"
    _health_fields = (
        "disability_category_id",
        "associated_disability_ids",
        "medical_follow_up",
        "legal_protection",
        "main_benefit",
    )

    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Contact",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
    )
    name = fields.Char(related="partner_id.name", store=True, index="trigram")
    phone = fields.Char(related="partner_id.phone")
    email = fields.Char(related="partner_id.email")
    active = fields.Boolean(default=True, tracking=True)
    coach_id = fields.Many2one(
        comodel_name="res.users",
        string="Job coach",
        index=True,
        tracking=True,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
        help="The referent (conseiller en emploi accompagné) of the person.",
    )
    operator_partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Delegated to",
        index=True,
        tracking=True,
        domain="[('is_company', '=', True)]",
        help="Platform mode: the partner structure that follows this person; its "
        "staff see only the files delegated to it. Empty: the lead operator.",
    )
    birthdate = fields.Date(string="Date of birth", required=True)
    age = fields.Integer(compute="_compute_age")
    gender = fields.Selection(
        selection=GENDERS,
        required=True,
    )
    education_level = fields.Selection(
        selection=[
            ("none", "No diploma / below level 3"),
            ("3", "Level 3 (CAP, BEP)"),
            ("4", "Level 4 (baccalauréat)"),
            ("5", "Level 5 (bac+2)"),
            ("6", "Level 6 (bac+3, bac+4)"),
            ("7", "Level 7 (bac+5)"),
            ("8", "Level 8 (doctorate)"),
        ],
    )
    boeth_title = fields.Selection(
        selection=BOETH_TITLES,
        string="Employment obligation title",
        tracking=True,
        help="Title that makes the person a beneficiary of the employment "
        "obligation (article L. 5212-13 of the Labour Code).",
    )
    boeth_decision_date = fields.Date(string="Title decision date", tracking=True)
    cdaph_decision_date = fields.Date(string="CDAPH decision date", tracking=True)
    cdaph_decision_number = fields.Char(string="CDAPH decision number", tracking=True)
    cdaph_orientation = fields.Selection(
        selection=CDAPH_ORIENTATIONS,
        string="Linked orientation",
        tracking=True,
        help="The orientation decision the CDAPH's supported-employment decision "
        "completes.",
    )
    cdaph_valid_until = fields.Date(string="CDAPH decision valid until", tracking=True)
    boeth_expiry_date = fields.Date(
        string="Title expiry date",
        tracking=True,
        help="Leave empty for a title granted without time limit.",
    )
    consent_date = fields.Date(
        tracking=True, help="Date the person agreed to be accompanied."
    )
    consent_by = fields.Selection(
        selection=CONSENT_BY,
        string="Consent given by",
        default="person",
    )
    legal_protection = fields.Selection(
        selection=LEGAL_PROTECTIONS,
        default="none",
        groups=HEALTH_GROUP,
    )
    legal_representative_id = fields.Many2one(
        comodel_name="res.partner", string="Legal representative"
    )
    main_benefit = fields.Selection(
        selection=[
            ("none", "None"),
            ("aah", "AAH"),
            ("invalidity_pension", "Invalidity pension"),
            ("rsa", "RSA"),
            ("unemployment", "Unemployment benefit (ARE)"),
            ("other", "Other"),
        ],
        groups=HEALTH_GROUP,
    )
    disability_category_id = fields.Many2one(
        comodel_name="emploi.disability.category",
        string="Main disability",
        groups=HEALTH_GROUP,
        tracking=True,
    )
    associated_disability_ids = fields.Many2many(
        comodel_name="emploi.disability.category",
        string="Associated disabilities",
        groups=HEALTH_GROUP,
    )
    medical_follow_up = fields.Boolean(
        groups=HEALTH_GROUP,
        help="The person has a medical or psychiatric follow-up. "
        "Record the fact only, never a diagnosis.",
    )
    pathway_ids = fields.One2many(
        comodel_name="emploi.pathway", inverse_name="beneficiary_id", string="Pathways"
    )
    disclosure_ids = fields.One2many(
        comodel_name="emploi.disclosure",
        inverse_name="beneficiary_id",
        string="Sharing agreements",
        groups=HEALTH_GROUP,
    )
    care_contact_ids = fields.One2many(
        comodel_name="emploi.care.contact",
        inverse_name="beneficiary_id",
        string="Care team",
        groups=HEALTH_GROUP,
    )
    pathway_count = fields.Integer(compute="_compute_pathway_count")
    current_pathway_id = fields.Many2one(
        comodel_name="emploi.pathway",
        compute="_compute_current_pathway_id",
        store=True,
        index=True,
        help="The open pathway, or else the latest one.",
    )
    phase_id = fields.Many2one(related="current_pathway_id.phase_id", store=True)
    pathway_state = fields.Selection(
        related="current_pathway_id.state", store=True, string="Pathway status"
    )
    in_employment = fields.Boolean(
        compute="_compute_in_employment", search="_search_in_employment"
    )
    first_job_date = fields.Date(
        compute="_compute_first_job_date",
        store=True,
        help="First job started since the person entered the scheme.",
    )
    title_expires_soon = fields.Boolean(
        compute="_compute_title_expires_soon", search="_search_title_expires_soon"
    )

    last_contact_date = fields.Date(
        compute="_compute_retention",
        help="The latest entry, exit, held action or referral of the person.",
    )
    anonymisation_date = fields.Date(
        string="To be anonymised on",
        compute="_compute_retention",
        search="_search_anonymisation_date",
        help="The day after the retention period that follows the last contact "
        "(platform setting), or after the date the file is kept until.",
    )
    keep_until = fields.Date(
        string="Kept until",
        tracking=True,
        copy=False,
        groups=MANAGER_GROUP,
        help="A manager kept the file beyond its retention period, for a reason.",
    )
    keep_reason = fields.Char(
        string="Reason for keeping", tracking=True, copy=False, groups=MANAGER_GROUP
    )
    consent_withdrawn_date = fields.Date(
        string="Consent withdrawn on",
        readonly=True,
        copy=False,
        tracking=True,
        help="From this day the file is read-only and leaves the lists and "
        "reminders; it is anonymised at the end of its retention period.",
    )
    archive_date = fields.Date(
        string="In intermediate archive since",
        readonly=True,
        copy=False,
        tracking=True,
        help="Set by the retention job where the platform keeps an intermediate "
        "archive: the file is read by the managers only and never changed until "
        "it is anonymised.",
    )
    anonymised_date = fields.Date(string="Anonymised on", readonly=True, copy=False)
    anonymisation_reason = fields.Char(readonly=True, copy=False)

    _sql_constraints = [
        (
            "partner_company_unique",
            "UNIQUE(partner_id, company_id)",
            "This person already has a file on this platform.",
        ),
    ]

    @api.depends("birthdate")
    @api.depends_context("date_today")
    def _compute_age(self):
        today = fields.Date.context_today(self)
        for beneficiary in self:
            beneficiary.age = age_on(beneficiary.birthdate, today)

    @api.depends("pathway_ids")
    def _compute_pathway_count(self):
        for beneficiary in self:
            beneficiary.pathway_count = len(beneficiary.pathway_ids)

    @api.depends("pathway_ids.state", "pathway_ids.entry_date")
    def _compute_current_pathway_id(self):
        for beneficiary in self:
            pathways = beneficiary.pathway_ids.sorted(
                lambda p: (p.state != "closed", p.entry_date, p.id), reverse=True
            )
            beneficiary.current_pathway_id = pathways[:1]

    def _compute_in_employment(self):
        employed = self.search([("id", "in", self.ids), ("in_employment", "=", True)])
        for beneficiary in self:
            beneficiary.in_employment = beneficiary in employed

    def _search_in_employment(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on employment status."))
        jobs = self.env["emploi.job"]._ongoing_domain(fields.Date.context_today(self))
        positive = (operator == "=") == value
        return [("pathway_ids.job_ids", "any" if positive else "not any", jobs)]

    @api.depends("pathway_ids.first_job_date")
    def _compute_first_job_date(self):
        for beneficiary in self:
            dates = beneficiary.pathway_ids.filtered("first_job_date").mapped(
                "first_job_date"
            )
            beneficiary.first_job_date = min(dates) if dates else False

    def _title_notice_limit(self, company):
        return fields.Date.context_today(self) + relativedelta(
            days=company.emploi_title_notice_days
        )

    @api.depends("boeth_expiry_date", "company_id.emploi_title_notice_days")
    def _compute_title_expires_soon(self):
        today = fields.Date.context_today(self)
        for beneficiary in self:
            expiry = beneficiary.boeth_expiry_date
            limit = self._title_notice_limit(beneficiary.company_id)
            beneficiary.title_expires_soon = bool(expiry) and today <= expiry <= limit

    def _search_title_expires_soon(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on title expiry."))
        domain = [
            ("boeth_expiry_date", ">=", fields.Date.context_today(self)),
            ("boeth_expiry_date", "<=", self._title_notice_limit(self.env.company)),
        ]
        positive = (operator == "=") == value
        return domain if positive else ["!", "&", *domain]

    @api.depends(
        "pathway_ids.entry_date",
        "pathway_ids.exit_date",
        "pathway_ids.last_action_date",
        "keep_until",
    )
    def _compute_retention(self):
        last_contacts = self._last_contact_dates()
        for beneficiary in self:
            last = last_contacts.get(beneficiary.id)
            beneficiary.last_contact_date = last
            beneficiary.anonymisation_date = (
                beneficiary._anonymisation_day(last)
                if last and not beneficiary.anonymised_date
                else False
            )

    def _search_anonymisation_date(self, operator, value):
        compare = DATE_OPERATORS.get(operator)
        if not compare or not value:
            raise UserError(self.env._("Unsupported search on the anonymisation date."))
        day = fields.Date.to_date(value)
        candidates = self.with_context(active_test=False).search(
            self._retention_candidates_domain()
        )
        files = candidates.filtered(
            lambda b: b.anonymisation_date and compare(b.anonymisation_date, day)
        )
        return [("id", "in", files.ids)]

    @api.model
    def _retention_candidates_domain(self):
        """Files whose retention period runs: not anonymised, every pathway
        closed."""
        return [
            ("anonymised_date", "=", False),
            ("pathway_ids", "!=", False),
            ("pathway_ids", "not any", [("state", "!=", "closed")]),
        ]

    def _archive_day(self, last_contact):
        """The day the file leaves the active base: the day after its retention
        period (or after the date a manager kept it until)."""
        self.ensure_one()
        months = self.company_id.emploi_retention_months
        due = last_contact + relativedelta(months=months, days=1)
        keep = self.sudo().keep_until
        return max(due, keep + relativedelta(days=1)) if keep else due

    def _anonymisation_day(self, last_contact):
        """The first day the file may be anonymised: once out of the active
        base, after the intermediate archive where the platform keeps one."""
        months = self.company_id.emploi_archive_months
        return self._archive_day(last_contact) + relativedelta(months=months)

    def _last_contact_dates(self):
        """{file id: date of its last contact}: entries, exits, held actions,
        referrals (one query)."""
        if not self.ids:
            return {}
        self.env.flush_all()
        rows = self.env.execute_query(
            SQL(
                """
                SELECT b.id, GREATEST(
                         (SELECT max(GREATEST(p.entry_date, p.exit_date))
                            FROM emploi_pathway p WHERE p.beneficiary_id = b.id),
                         (SELECT max(a.date) FROM emploi_action a
                           WHERE a.beneficiary_id = b.id AND a.attendance = 'held'),
                         (SELECT max(r.referral_date) FROM emploi_referral r
                           WHERE r.beneficiary_id = b.id),
                         b.consent_withdrawn_date)
                  FROM emploi_beneficiary b
                 WHERE b.id IN %s
                """,
                tuple(self.ids),
            )
        )
        return dict(rows)

    @api.constrains("operator_partner_id", "company_id")
    def _check_operator(self):
        Operator = self.env["emploi.convention.operator"].sudo()
        for beneficiary in self.filtered("operator_partner_id"):
            if not Operator.search_count(
                [
                    ("company_id", "=", beneficiary.company_id.id),
                    ("operator_partner_id", "=", beneficiary.operator_partner_id.id),
                ],
                limit=1,
            ):
                raise ValidationError(
                    self.env._(
                        "%(operator)s is not an operator of any convention of the "
                        "platform %(platform)s: the file of %(name)s cannot be "
                        "delegated to it.",
                        operator=beneficiary.operator_partner_id.display_name,
                        platform=beneficiary.company_id.name,
                        name=beneficiary.name,
                    )
                )

    @api.constrains("consent_date")
    def _check_consent_date(self):
        for beneficiary in self:
            check_consent_date(beneficiary, beneficiary.consent_date, beneficiary.name)

    @api.constrains("coach_id", "company_id")
    def _check_coach_platform(self):
        for beneficiary in self.filtered("coach_id"):
            if beneficiary.company_id not in beneficiary.coach_id.company_ids:
                raise ValidationError(
                    self.env._(
                        "%(coach)s does not work for the platform %(platform)s: "
                        "they cannot be the job coach of %(name)s.",
                        coach=beneficiary.coach_id.name,
                        platform=beneficiary.company_id.name,
                        name=beneficiary.name,
                    )
                )

    @api.constrains("birthdate")
    def _check_birthdate(self):
        today = fields.Date.context_today(self)
        for beneficiary in self:
            if beneficiary.birthdate > today:
                raise ValidationError(
                    self.env._(
                        "The date of birth of %s is in the future.", beneficiary.name
                    )
                )
            beneficiary.pathway_ids._check_entry_age()

    @api.constrains("boeth_decision_date", "boeth_expiry_date")
    def _check_title_dates(self):
        for beneficiary in self:
            decision = beneficiary.boeth_decision_date
            expiry = beneficiary.boeth_expiry_date
            if decision and expiry and expiry < decision:
                raise ValidationError(
                    self.env._(
                        "The title of %s expires before its decision date.",
                        beneficiary.name,
                    )
                )

    @api.constrains("boeth_title", "boeth_expiry_date", "consent_date")
    def _check_pathway_eligibility(self):
        self.pathway_ids._check_eligibility()

    @api.constrains("legal_protection", "legal_representative_id", "consent_by")
    def _check_legal_representative(self):
        # An anonymised file names nobody, its representative included.
        for beneficiary in self.filtered(lambda b: not b.anonymised_date):
            if not beneficiary.legal_representative_id and (
                beneficiary.consent_by == "representative"
                or beneficiary.legal_protection in REPRESENTED
            ):
                raise ValidationError(
                    self.env._(
                        "%s is represented (guardianship, family authorisation or "
                        "consent given by a representative): record the legal "
                        "representative.",
                        beneficiary.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if self.env.user.has_group(
            "emploi_accompagne.group_emploi_coach"
        ) and not self.env.user.has_group("emploi_accompagne.group_emploi_manager"):
            for vals in vals_list:
                vals.setdefault("coach_id", self.env.uid)
        if any(vals.get("operator_partner_id") for vals in vals_list):
            self._check_delegation_rights()
        return super().create(vals_list)

    def write(self, vals):
        if "operator_partner_id" in vals:
            self._check_delegation_rights()
        self._check_processing_allowed()
        result = super().write(vals)
        if {"consent_date", "consent_by"} & vals.keys():
            # A consent recorded on the file is the one of its open pathway.
            for beneficiary in self:
                pathway = beneficiary.current_pathway_id
                if pathway.state in ("active", "paused"):
                    copy_consent(pathway, beneficiary)
        return result

    def _check_processing_allowed(self):
        """Once the consent is withdrawn or the file anonymised, its data is
        kept, not processed: nobody changes it (but the retention job)."""
        if self.env.su:
            return
        stopped = self.filtered(
            lambda b: b.anonymised_date or b.consent_withdrawn_date or b.archive_date
        )
        if stopped:
            raise UserError(
                self.env._(
                    "%s: the consent was withdrawn or the file archived or "
                    "anonymised; its data can no longer be changed.",
                    ", ".join(stopped.mapped("name")),
                )
            )

    def action_withdraw_consent(self):
        """The person withdraws their consent: the open pathway closes (exit
        reason: the person's choice), the file becomes read-only."""
        if not self.env.user.has_group(HEALTH_GROUP):
            raise AccessError(
                self.env._("The person's job coach records a withdrawn consent.")
            )
        today = fields.Date.context_today(self)
        reason = self.env.ref("emploi_accompagne.emploi_exit_reason_withdrawal")
        self.pathway_ids.filtered(lambda p: p.state != "closed").write(
            {"state": "closed", "exit_date": today, "exit_reason_id": reason.id}
        )
        self.check_access("write")
        self.sudo().write({"consent_withdrawn_date": today})
        self.sudo().current_pathway_id.consent_withdrawn_date = today

    def _check_delegation_rights(self):
        """Delegating a file to a partner operator opens it to that structure's
        staff: the platform's managers decide it."""
        if not (self.env.su or self.env.user.has_group(MANAGER_GROUP)):
            raise AccessError(
                self.env._(
                    "Only the platform's managers delegate a file to a partner "
                    "operator."
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_with_pathway(self):
        if self.pathway_ids:
            raise UserError(
                self.env._(
                    "A file with a pathway keeps the platform's history: "
                    "archive it instead of deleting it."
                )
            )

    def action_new_pathway(self):
        """Open a new pathway form (first entry or re-entry after an exit)."""
        self.ensure_one()
        if self.pathway_ids.filtered(lambda p: p.state != "closed"):
            raise UserError(self.env._("%s already has an open pathway.", self.name))
        return {
            "type": "ir.actions.act_window",
            "res_model": "emploi.pathway",
            "view_mode": "form",
            "target": "current",
            "context": {"default_beneficiary_id": self.id},
        }

    def action_view_access_log(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "emploi_accompagne.emploi_access_log_action"
        )
        action["domain"] = [("beneficiary_ids", "in", self.ids)]
        return action

    def action_view_pathways(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "emploi_accompagne.emploi_pathway_action"
        )
        action["domain"] = [("beneficiary_id", "=", self.id)]
        action["context"] = {
            "default_beneficiary_id": self.id,
            "active_test": False,
        }
        return action

    def _cron_remind_title_expiry(self):
        """Ask each coach to renew the titles that expire soon."""
        activity_type = self.env.ref("emploi_accompagne.mail_activity_title_renewal")
        for company in self.env["res.company"].search([]):
            beneficiaries = self.with_company(company).search(
                [
                    ("company_id", "=", company.id),
                    ("title_expires_soon", "=", True),
                    ("pathway_state", "in", ("active", "paused")),
                    ("coach_id", "!=", False),
                    (
                        "activity_ids",
                        "not any",
                        [("activity_type_id", "=", activity_type.id)],
                    ),
                ]
            )
            for beneficiary in beneficiaries:
                beneficiary.activity_schedule(
                    act_type_xmlid="emploi_accompagne.mail_activity_title_renewal",
                    date_deadline=beneficiary.boeth_expiry_date,
                    user_id=beneficiary.coach_id.id,
                )

    def _anonymised_values(self):
        return {
            "birthdate": date(self.birthdate.year, 1, 1),
            "legal_representative_id": False,
            "cdaph_decision_number": False,
            "keep_until": False,
            "keep_reason": False,
            "anonymised_date": fields.Date.context_today(self),
        }

    def _anonymise(self, reason):
        """Anonymise the files for good: the person's contact, their free texts,
        messages, attachments and meetings go; what the funders' figures need
        (dates, phases, categories, jobs, durations) stays."""
        files = self.filtered(lambda b: not b.anonymised_date)
        if not files:
            return
        records = files._records_about_the_person()
        for model_records in records:
            model_records._anonymise_records()
        # The ages at entry and at hiring are facts of the figures: the date of
        # birth keeping its year only must not move them.
        pathways, jobs = records[0], records[2]
        with (
            self.env.protecting([pathways._fields["entry_age"]], pathways),
            self.env.protecting([jobs._fields["start_age"]], jobs),
        ):
            files._anonymise_records()
        for beneficiary in files.sudo():
            beneficiary.partner_id.write(
                {
                    "name": self.env._("Anonymised person %s", beneficiary.id),
                    "email": False,
                    "phone": False,
                    "mobile": False,
                    "street": False,
                    "street2": False,
                    "zip": False,
                    "city": False,
                    "comment": False,
                    "image_1920": False,
                    "active": False,
                }
            )
        files.sudo().anonymisation_reason = reason

    def _records_about_the_person(self):
        """Every record of the suite that holds something about these people."""
        pathways = self.sudo().with_context(active_test=False).pathway_ids
        return [
            pathways,
            self.env["emploi.action"]
            .sudo()
            .search([("pathway_id", "in", pathways.ids)]),
            pathways.job_ids,
            self.env["emploi.support.agreement"]
            .sudo()
            .with_context(active_test=False)
            .search([("pathway_id", "in", pathways.ids)]),
            self.env["emploi.referral"]
            .sudo()
            .search([("beneficiary_id", "in", self.ids)]),
            self.env["emploi.disclosure"]
            .sudo()
            .with_context(active_test=False)
            .search([("beneficiary_id", "in", self.ids)]),
            self.env["emploi.opportunity.candidate"]
            .sudo()
            .search([("pathway_id", "in", pathways.ids)]),
            self.env["emploi.care.contact"]
            .sudo()
            .with_context(active_test=False)
            .search([("beneficiary_id", "in", self.ids)]),
        ]

    def _cron_anonymise(self):
        """Anonymise the files past their retention period; tell the managers
        a month ahead."""
        today = fields.Date.context_today(self)
        candidates = self.with_context(active_test=False).search(
            self._retention_candidates_domain()
        )
        due = candidates.filtered(
            lambda b: b.anonymisation_date and b.anonymisation_date <= today
        )
        due._anonymise(self.env._("retention period over"))
        (candidates - due).filtered(
            lambda b: not b.archive_date
            and b.company_id.emploi_archive_months
            and b._archive_day(b.last_contact_date) <= today
        )._archive_for_retention()
        soon = (candidates - due).filtered(
            lambda b: b.anonymisation_date
            and b.anonymisation_date <= today + relativedelta(days=30)
            and not b.activity_ids
        )
        managers = self.env.ref(MANAGER_GROUP).users
        for beneficiary in soon:
            manager = managers.filtered(
                lambda u, b=beneficiary: b.company_id in u.company_ids
                and not u.has_group("base.group_system")
            )[:1]
            beneficiary.activity_schedule(
                act_type_xmlid="emploi_accompagne.mail_activity_anonymisation",
                date_deadline=beneficiary.anonymisation_date,
                user_id=(manager or self.env.user).id,
            )

    def _archive_for_retention(self):
        """Move files out of the active base into the intermediate archive:
        hidden from every list, read by the managers only, never changed."""
        for beneficiary in self.sudo():
            beneficiary.write(
                {"archive_date": fields.Date.context_today(self), "active": False}
            )
            beneficiary.message_post(
                body=self.env._(
                    "Retention period over: the file is in the intermediate "
                    "archive until %s.",
                    format_date(self.env, beneficiary.anonymisation_date),
                )
            )

    def action_export_file(self):
        """Right of access and portability (art. 15/20): one ZIP with a readable
        PDF of everything held about the person, the same data as JSON and CSV,
        and the attachments; logged on the file."""
        self.ensure_one()
        if not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._("Only the platform's managers export a person's file.")
            )
        self.check_access("read")
        self.env["emploi.access.log"]._log(self, self._health_fields, "export")
        export = self.env["emploi.file.export"].create(
            {
                "beneficiary_id": self.id,
                "filename": self.env._("Data of %s.zip", self.name),
                "data": base64.b64encode(self._file_export_zip()),
            }
        )
        self.message_post(
            body=self.env._("File exported for the person (right of access)."),
            subtype_xmlid="mail.mt_note",
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{export._name}/{export.id}/data/"
            f"{export.filename}?download=true",
            "target": "self",
        }

    def _file_export_records(self):
        """[(title, records)] of everything held about the person."""
        self.ensure_one()
        groups = [self.sudo(), *self._records_about_the_person()]
        return [
            (self.env["ir.model"]._get(records._name).name, records)
            for records in groups
            if records
        ]

    @api.model
    def _file_export_fields(self, records):
        return [
            name
            for name, field in records._fields.items()
            if field.store
            and field.type != "binary"
            and name not in EXPORT_SKIPPED_FIELDS
            and not name.startswith(EXPORT_SKIPPED)
        ]

    def _file_export_rows(self, records):
        """One list of (label, text) a record, messages included."""
        names = self._file_export_fields(records)
        messages = (
            self.env["mail.message"]
            .sudo()
            .search(
                [("model", "=", records._name), ("res_id", "in", records.ids)],
                order="date, id",
            )
        )
        rows = []
        for record in records:
            row = []
            for name in names:
                field = records._fields[name]
                value = field.convert_to_export(record[name], record)
                if field.type == "html":
                    value = html2plaintext(value or "")
                elif field.type == "boolean":
                    value = self.env._("Yes") if value else False
                if value not in (False, None, ""):
                    row.append((field.get_description(self.env)["string"], str(value)))
            for message in messages.filtered(lambda m, r=record: m.res_id == r.id):
                text = html2plaintext(message.body or "") or ", ".join(
                    message.tracking_value_ids.mapped("field_id.field_description")
                )
                row.append(
                    (
                        self.env._("Message of %s", message.date),
                        f"{message.author_id.name or ''}: {text}",
                    )
                )
            rows.append(row)
        return rows

    def _file_export_sections(self):
        return [
            {"title": title, "rows": self._file_export_rows(records)}
            for title, records in self._file_export_records()
        ]

    def _file_export_zip(self):
        self.ensure_one()
        sections = self._file_export_sections()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            pdf, _type = self.env["ir.actions.report"]._render_qweb_pdf(
                "emploi_accompagne.action_report_beneficiary_export", self.ids
            )
            archive.writestr("file.pdf", pdf)
            data = {
                section["title"]: [dict(row) for row in section["rows"]]
                for section in sections
            }
            archive.writestr(
                "data.json", json.dumps(data, ensure_ascii=False, indent=2)
            )
            for _title, records in self._file_export_records():
                names = self._file_export_fields(records)
                text = io.StringIO()
                writer = csv.writer(text)
                writer.writerow(names)
                for record in records:
                    writer.writerow(
                        [
                            records._fields[name].convert_to_export(
                                record[name], record
                            )
                            for name in names
                        ]
                    )
                archive.writestr(f"{records._name}.csv", text.getvalue())
                attachments = (
                    self.env["ir.attachment"]
                    .sudo()
                    .search(
                        [
                            ("res_model", "=", records._name),
                            ("res_id", "in", records.ids),
                        ]
                    )
                )
                for attachment in attachments:
                    archive.writestr(
                        f"attachments/{records._name}-{attachment.res_id}-"
                        f"{attachment.name}",
                        attachment.raw or b"",
                    )
        return buffer.getvalue()
