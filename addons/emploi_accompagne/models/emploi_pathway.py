from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .emploi_beneficiary import (
    CONSENT_BY,
    MANAGER_GROUP,
    age_on,
    check_consent_date,
    copy_consent,
)

MIN_AGE = 16
# IPS: the first employer is met for the person within 30 days of entry.
EMPLOYER_CONTACT = "emploi_accompagne.mail_activity_employer_contact"
EMPLOYER_CONTACT_DAYS = 30
CONSENT_FIELDS = {"consent_date", "consent_by"}
# Taken from the file when the pathway opens, then the pathway's own.
CONSENT_COMPUTED = {
    "compute": "_compute_consent",
    "store": True,
    "readonly": False,
    "precompute": True,
    "copy": False,
    "tracking": True,
}
PATHWAY_STATES = [
    ("active", "Active"),
    ("paused", "Paused / light follow-up"),
    ("closed", "Closed"),
]
CONSENT_NOTICES = [
    ("standard", "Information notice"),
    ("easy_read", "Information notice in easy-to-read French (FALC)"),
]
ENTRY_SITUATIONS = [
    ("job_seeker", "Job seeker"),
    ("esat", "ESAT worker"),
    ("employee", "Employee in an ordinary job, at risk"),
    ("student", "Student or in training"),
    ("other", "Other"),
]


class EmploiPathway(models.Model):
    """One episode of support: from entry to exit, with no time limit.

    A person may have several successive pathways (re-entry after an exit).
    """

    _name = "emploi.pathway"
    _description = "Supported employment pathway"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "mail.tracking.duration.mixin",
        "emploi.personal.data.mixin",
        "emploi.reference.mixin",
        "emploi.health.access.mixin",
    ]
    _reference_code = "emploi.pathway"
    _health_fields = ("exit_reason_id",)
    _computed_facts = ("entry_age",)
    _order = "entry_date desc, id desc"
    _sql_constraints = [
        (
            "one_open_pathway",
            # Checked at commit: closing a pathway and opening the next one
            # may reach the database in either order within a transaction.
            "EXCLUDE USING btree (beneficiary_id WITH =) WHERE (state != 'closed') "
            "DEFERRABLE INITIALLY DEFERRED",
            "This person already has an open pathway: close it before a re-entry.",
        ),
    ]
    _check_company_auto = True
    _track_duration_field = "phase_id"

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/"
    )
    beneficiary_id = fields.Many2one(
        comodel_name="emploi.beneficiary",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    partner_id = fields.Many2one(related="beneficiary_id.partner_id")
    company_id = fields.Many2one(
        related="beneficiary_id.company_id", store=True, index=True, string="Platform"
    )
    coach_id = fields.Many2one(
        related="beneficiary_id.coach_id", store=True, index=True, readonly=False
    )
    active = fields.Boolean(default=True, tracking=True)
    phase_id = fields.Many2one(
        comodel_name="emploi.phase",
        string="Phase",
        index=True,
        copy=False,
        tracking=True,
        ondelete="restrict",
        group_expand="_read_group_phase_ids",
        default=lambda self: self.env["emploi.phase"].search([], limit=1),
    )
    date_phase_start = fields.Date(
        string="Phase started on",
        default=fields.Date.context_today,
        copy=False,
        readonly=True,
    )
    days_in_phase = fields.Integer(compute="_compute_days_in_phase")
    state = fields.Selection(
        selection=PATHWAY_STATES,
        string="Status",
        default="active",
        required=True,
        copy=False,
        tracking=True,
        index=True,
    )
    entry_date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        tracking=True,
        help="First support appointment after the admission: set by the first "
        "held appointment, changed by a manager only.",
    )
    admission_date = fields.Date(
        string="Admitted on",
        tracking=True,
        copy=False,
        help="The day the committee admitted the person.",
    )
    entry_pending = fields.Boolean(
        string="Waiting for the first appointment",
        readonly=True,
        copy=False,
        help="Admitted, not yet met: the entry date is the admission's until the "
        "first held appointment sets it.",
    )
    referral_date = fields.Date(
        string="Referral received on", compute="_compute_milestones"
    )
    agreement_signed_date = fields.Date(
        string="Agreement signed on", compute="_compute_milestones"
    )
    entry_situation = fields.Selection(
        selection=ENTRY_SITUATIONS,
        string="Situation at entry",
        required=True,
        default="job_seeker",
    )
    employed_at_entry = fields.Boolean(compute="_compute_employed_at_entry", store=True)
    entry_age = fields.Integer(
        string="Age at entry",
        compute="_compute_entry_age",
        store=True,
        aggregator="avg",
        help="Kept when the file is anonymised (the date of birth then keeps its "
        "year only): the figures by age do not move.",
    )
    consent_date = fields.Date(
        **CONSENT_COMPUTED,
        help="Day the person, or their legal representative, agreed to this "
        "pathway after receiving the information notice. A new pathway starts "
        "from the file's latest consent.",
    )
    consent_by = fields.Selection(
        selection=CONSENT_BY,
        string="Consent given by",
        **CONSENT_COMPUTED,
    )
    consent_notice = fields.Selection(
        selection=CONSENT_NOTICES,
        string="Notice handed over",
        default="standard",
        copy=False,
        tracking=True,
    )
    consent_notice_version = fields.Char(
        string="Notice version",
        **CONSENT_COMPUTED,
    )
    consent_document = fields.Binary(
        string="Signed notice", attachment=True, copy=False
    )
    consent_document_name = fields.Char(copy=False)
    consent_withdrawn_date = fields.Date(
        string="Consent withdrawn on",
        readonly=True,
        copy=False,
        tracking=True,
    )
    exit_date = fields.Date(tracking=True, copy=False)
    exit_reason_id = fields.Many2one(
        comodel_name="emploi.exit.reason",
        string="Exit reason",
        tracking=True,
        copy=False,
        ondelete="restrict",
        # Some reasons speak of health ("Health reasons", "Deceased").
        groups="emploi_accompagne.group_emploi_coach",
    )
    exit_situation = fields.Selection(
        selection=[
            ("employed_durable", "In durable employment"),
            ("employed_other", "In other employment"),
            ("training", "In training"),
            ("job_seeker", "Job seeker"),
            ("sheltered", "ESAT or adapted company"),
            ("inactive", "Inactive"),
            ("unknown", "Unknown"),
        ],
        string="Situation at exit",
        tracking=True,
        copy=False,
    )
    is_reentry = fields.Boolean(
        string="Re-entry",
        compute="_compute_is_reentry",
        store=True,
        help="The person had an earlier pathway.",
    )
    action_ids = fields.One2many(
        comodel_name="emploi.action", inverse_name="pathway_id", string="Actions"
    )
    action_count = fields.Integer(compute="_compute_action_count")
    first_action_date = fields.Date(
        compute="_compute_action_dates",
        store=True,
        help="Date of the first held support action.",
    )
    job_preferences = fields.Text(
        string="Job preferences",
        tracking=True,
        help="What the person wants: sectors, hours, places, and what they "
        "avoid (IPS: the job search follows the person's preferences). Taken "
        "from the referral's wishes at admission.",
    )
    benefits_plan_date = fields.Date(
        string="Benefits plan done on",
        tracking=True,
        help="The day the person was told how working would change their "
        "benefits (work-incentives planning, IPS).",
    )
    first_employer_contact_date = fields.Date(
        string="First employer contact",
        compute="_compute_first_employer_contact",
        store=True,
        help="The first meeting with an employer on the person's behalf, face to "
        "face (a held action with an employer, not by phone or video).",
    )
    employer_contact_days = fields.Integer(
        string="Days to first employer contact",
        compute="_compute_employer_contact_days",
        help="From the entry to the first employer contact (IPS: rapid job "
        "search, within 30 days).",
    )
    last_action_date = fields.Date(
        compute="_compute_action_dates",
        store=True,
        help="Date of the latest held support action.",
    )
    job_ids = fields.One2many(
        comodel_name="emploi.job", inverse_name="pathway_id", string="Jobs"
    )
    first_job_date = fields.Date(
        compute="_compute_first_job_date",
        store=True,
        help="Start of the first job that began on or after the entry date.",
    )
    in_employment = fields.Boolean(
        compute="_compute_in_employment", search="_search_in_employment"
    )
    duration_days = fields.Integer(
        string="Duration (days)", compute="_compute_duration_days"
    )
    funding_convention_ids = fields.Many2many(
        comodel_name="emploi.convention",
        string="Funded by",
        compute="_compute_funding_convention_ids",
        search="_search_funding_convention_ids",
        groups="emploi_accompagne.group_emploi_manager",
        help="Signed conventions whose attribution rules match this pathway this "
        "year.",
    )
    agreement_ids = fields.One2many(
        comodel_name="emploi.support.agreement",
        inverse_name="pathway_id",
        string="Support agreements",
    )
    agreement_count = fields.Integer(compute="_compute_agreement_count")
    meeting_ids = fields.One2many(
        comodel_name="calendar.event",
        inverse_name="emploi_pathway_id",
        string="Appointments",
    )
    color = fields.Integer()

    @api.model
    def _read_group_phase_ids(self, phases, domain):
        return phases.search([])

    @api.depends("date_phase_start")
    @api.depends_context("date_today")
    def _compute_days_in_phase(self):
        today = fields.Date.context_today(self)
        for pathway in self:
            start = pathway.date_phase_start or today
            pathway.days_in_phase = (today - start).days

    @api.depends("entry_date", "beneficiary_id.birthdate")
    def _compute_entry_age(self):
        for pathway in self:
            pathway.entry_age = age_on(
                pathway.beneficiary_id.birthdate, pathway.entry_date
            )

    @api.depends("beneficiary_id")
    def _compute_consent(self):
        for pathway in self:
            beneficiary = pathway.beneficiary_id
            if not pathway.consent_date:
                pathway.consent_date = beneficiary.consent_date
                pathway.consent_by = beneficiary.consent_by
            if not pathway.consent_notice_version:
                pathway.consent_notice_version = (
                    beneficiary.company_id.emploi_notice_version
                )

    @api.depends("entry_situation")
    def _compute_employed_at_entry(self):
        for pathway in self:
            pathway.employed_at_entry = pathway.entry_situation == "employee"

    @api.depends("beneficiary_id.pathway_ids.entry_date")
    def _compute_is_reentry(self):
        for pathway in self:
            pathway.is_reentry = any(
                other.entry_date < pathway.entry_date
                for other in pathway.beneficiary_id.pathway_ids - pathway
                if other.entry_date and pathway.entry_date
            )

    @api.depends("action_ids")
    def _compute_action_count(self):
        counts = dict(
            self.env["emploi.action"]._read_group(
                [("pathway_id", "in", self.ids)], ["pathway_id"], ["__count"]
            )
        )
        for pathway in self:
            pathway.action_count = counts.get(pathway, 0)

    def _compute_milestones(self):
        referrals = dict(
            self.env["emploi.referral"]
            .sudo()
            ._read_group(
                [("pathway_id", "in", self.ids)], ["pathway_id"], ["referral_date:min"]
            )
        )
        for pathway in self:
            pathway.referral_date = referrals.get(pathway.sudo())
            signed = [
                max(a.date_signed_person, a.date_signed_platform)
                for a in pathway.agreement_ids
                if a.date_signed_person and a.date_signed_platform
            ]
            pathway.agreement_signed_date = min(signed) if signed else False

    def _start_pending_entries(self):
        """The first appointment held after the admission is the entry (A3)."""
        for pathway in self.sudo().filtered("entry_pending"):
            held = [
                action.date
                for action in pathway.action_ids
                if action.attendance == "held"
                and action.date >= (pathway.admission_date or action.date)
            ]
            if held:
                pathway.write({"entry_date": min(held), "entry_pending": False})

    @api.depends("action_ids.date", "action_ids.attendance")
    def _compute_action_dates(self):
        for pathway in self:
            dates = [a.date for a in pathway.action_ids if a.attendance == "held"]
            pathway.first_action_date = min(dates) if dates else False
            pathway.last_action_date = max(dates) if dates else False

    @api.depends(
        "entry_date",
        "action_ids.date",
        "action_ids.attendance",
        "action_ids.employer_side",
        "action_ids.employer_id",
        "action_ids.location",
    )
    def _compute_first_employer_contact(self):
        contact = self.env["emploi.action"]._employer_contact_domain()
        for pathway in self:
            dates = pathway.action_ids.filtered_domain(contact).mapped("date")
            pathway.first_employer_contact_date = min(dates) if dates else False

    @api.depends("entry_date", "first_employer_contact_date")
    def _compute_employer_contact_days(self):
        # Not stored: an average over the pathways without a contact (0)
        # would mean nothing; the fidelity review computes its own.
        for pathway in self:
            first = pathway.first_employer_contact_date
            pathway.employer_contact_days = (
                (first - pathway.entry_date).days if first and pathway.entry_date else 0
            )

    def _close_employer_contact_reminders(self):
        self.filtered("first_employer_contact_date").activity_feedback(
            [EMPLOYER_CONTACT]
        )

    @api.depends("job_ids.start_date", "entry_date")
    def _compute_first_job_date(self):
        for pathway in self:
            starts = [
                job.start_date
                for job in pathway.job_ids
                if job.start_date and job.start_date >= pathway.entry_date
            ]
            pathway.first_job_date = min(starts) if starts else False

    def _compute_in_employment(self):
        employed = self.search([("id", "in", self.ids), ("in_employment", "=", True)])
        for pathway in self:
            pathway.in_employment = pathway in employed

    def _search_in_employment(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on employment status."))
        jobs = self.env["emploi.job"]._ongoing_domain(fields.Date.context_today(self))
        positive = (operator == "=") == value
        return [("job_ids", "any" if positive else "not any", jobs)]

    @api.depends("entry_date", "exit_date")
    @api.depends_context("date_today")
    def _compute_duration_days(self):
        today = fields.Date.context_today(self)
        for pathway in self:
            end = pathway.exit_date or today
            pathway.duration_days = (
                (end - pathway.entry_date).days if pathway.entry_date else 0
            )

    @api.constrains("entry_date", "beneficiary_id")
    def _check_entry_age(self):
        for pathway in self:
            birthdate = pathway.beneficiary_id.birthdate
            if (
                birthdate
                and relativedelta(pathway.entry_date, birthdate).years < MIN_AGE
            ):
                raise ValidationError(
                    self.env._(
                        "%(name)s is under %(age)s at the entry date: "
                        "supported employment starts at %(age)s.",
                        name=pathway.beneficiary_id.name,
                        age=MIN_AGE,
                    )
                )

    @api.constrains("entry_date", "beneficiary_id", "consent_date")
    def _check_eligibility(self):
        for pathway in self:
            beneficiary = pathway.beneficiary_id
            if not beneficiary.boeth_title:
                raise ValidationError(
                    self.env._(
                        "%s has no employment obligation title (RQTH or another "
                        "title): record it before opening a pathway.",
                        beneficiary.name,
                    )
                )
            expiry = beneficiary.boeth_expiry_date
            if expiry and expiry < pathway.entry_date:
                raise ValidationError(
                    self.env._(
                        "The title of %(name)s expired on %(date)s, before the entry "
                        "date.",
                        name=beneficiary.name,
                        date=expiry,
                    )
                )
            consent = pathway.consent_date
            if not consent or consent > pathway.entry_date:
                raise ValidationError(
                    self.env._(
                        "The consent of %s to be accompanied must be recorded "
                        "on or before the entry date.",
                        beneficiary.name,
                    )
                )

    @api.constrains("consent_date")
    def _check_consent_date(self):
        for pathway in self:
            check_consent_date(
                pathway, pathway.consent_date, pathway.beneficiary_id.name
            )

    @api.constrains("consent_by", "beneficiary_id")
    def _check_consent_representative(self):
        for pathway in self.filtered(lambda p: p.consent_by == "representative"):
            if not pathway.beneficiary_id.legal_representative_id:
                raise ValidationError(
                    self.env._(
                        "The consent of %s was given by a legal representative: "
                        "record the representative on the file.",
                        pathway.beneficiary_id.name,
                    )
                )

    @api.constrains("state", "exit_date", "exit_reason_id", "entry_date")
    def _check_exit(self):
        for pathway in self:
            if pathway.state == "closed" and not (
                pathway.exit_date and pathway.exit_reason_id
            ):
                raise ValidationError(
                    self.env._("A closed pathway needs an exit date and reason.")
                )
            if pathway.state != "closed" and pathway.exit_date:
                raise ValidationError(
                    self.env._("Only a closed pathway has an exit date.")
                )
            if pathway.exit_date and pathway.exit_date < pathway.entry_date:
                raise ValidationError(
                    self.env._("The exit date is before the entry date.")
                )

    @api.constrains("state", "beneficiary_id")
    def _check_single_open_pathway(self):
        # Early and in words; the database holds the rule under concurrency
        # (one_open_pathway). As superuser: another coach's pathway counts too.
        for pathway in self.filtered(lambda p: p.state != "closed"):
            open_pathways = pathway.sudo().beneficiary_id.pathway_ids.filtered(
                lambda p: p.state != "closed"
            )
            if len(open_pathways) > 1:
                raise ValidationError(
                    self.env._(
                        "%s already has an open pathway: close it before a re-entry.",
                        pathway.beneficiary_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        pathways = super().create(vals_list)
        pathways._share_consent_with_file()
        self.env["emploi.phase.period"].sudo().create(
            [
                {
                    "pathway_id": pathway.id,
                    "phase_id": pathway.phase_id.id,
                    "date_start": min(pathway.entry_date, pathway.date_phase_start),
                }
                for pathway in pathways.filtered("phase_id")
            ]
        )
        return pathways

    def _start_phase_period(self, day):
        """Close the periods of the phases left on ``day``, open the new ones."""
        Period = self.env["emploi.phase.period"].sudo()
        Period.search(
            [("pathway_id", "in", self.ids), ("date_end", "=", False)]
        ).date_end = day
        Period.create(
            [
                {
                    "pathway_id": pathway.id,
                    "phase_id": pathway.phase_id.id,
                    "date_start": day,
                }
                for pathway in self.filtered("phase_id")
            ]
        )

    def _share_consent_with_file(self):
        """The file keeps the latest consent: the one of its current pathway."""
        for pathway in self.filtered(
            lambda p: p == p.beneficiary_id.current_pathway_id
        ):
            copy_consent(pathway.beneficiary_id, pathway)

    def write(self, vals):
        self.beneficiary_id._check_processing_allowed()
        if {"entry_date", "entry_pending", "admission_date"} & vals.keys() and not (
            self.env.su or self.env.user.has_group(MANAGER_GROUP)
        ):
            raise AccessError(
                self.env._(
                    "The entry date follows the first held appointment; only a "
                    "manager changes it."
                )
            )
        if "entry_date" in vals:
            vals["entry_pending"] = False
        if "phase_id" in vals:
            vals.setdefault("date_phase_start", fields.Date.context_today(self))
            changed = self.filtered(lambda p: p.phase_id.id != vals["phase_id"])
        result = super().write(vals)
        if "phase_id" in vals and changed:
            changed._start_phase_period(fields.Date.to_date(vals["date_phase_start"]))
        if CONSENT_FIELDS & vals.keys():
            self._share_consent_with_file()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        raise UserError(
            self.env._(
                "A pathway is part of the platform's history: archive it instead "
                "of deleting it."
            )
        )

    def action_withdraw_consent(self):
        return self.beneficiary_id.action_withdraw_consent()

    def _anonymised_values(self):
        return {
            "consent_document": False,
            "consent_document_name": False,
            "job_preferences": False,
        }

    def action_pause(self):
        self.filtered(lambda p: p.state == "active").state = "paused"

    def action_resume(self):
        self.filtered(lambda p: p.state == "paused").state = "active"

    def action_close(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Close the pathway"),
            "res_model": "emploi.pathway.close",
            "view_mode": "form",
            "target": "new",
            "context": {"default_pathway_id": self.id},
        }

    def _get_funding_conventions(self):
        """{convention: pathways it funds this year}, amendments left out."""
        year = fields.Date.context_today(self).year
        Convention = self.env["emploi.convention"]
        conventions = Convention.search(
            Convention._funding_domain()
            + [
                ("state", "=", "signed"),
                ("date_start", "<=", f"{year}-12-31"),
                ("date_end", ">=", f"{year}-01-01"),
            ]
        )
        return {
            convention: convention._get_funded_pathways(*convention._get_period(year))
            for convention in conventions
        }

    @api.depends_context("date_today")
    def _compute_funding_convention_ids(self):
        funded = {
            convention: set(pathways.ids)
            for convention, pathways in self._get_funding_conventions().items()
        }
        for pathway in self:
            pathway.funding_convention_ids = self.env["emploi.convention"].union(
                *(c for c, ids in funded.items() if pathway._origin.id in ids)
            )

    def _search_funding_convention_ids(self, operator, value):
        if operator not in ("in", "="):
            raise UserError(self.env._("Search the funding conventions with = or in."))
        funded = self._get_funding_conventions()
        if not value:  # not funded by any convention
            return [("id", "not in", self.browse().union(*funded.values()).ids)]
        wanted = self.env["emploi.convention"].browse(value)
        pathways = self.browse().union(
            *(pathways for c, pathways in funded.items() if c in wanted)
        )
        return [("id", "in", pathways.ids)]

    @api.depends("agreement_ids")
    def _compute_agreement_count(self):
        counts = dict(
            self.env["emploi.support.agreement"]._read_group(
                [("pathway_id", "in", self.ids)], ["pathway_id"], ["__count"]
            )
        )
        for pathway in self:
            pathway.agreement_count = counts.get(pathway, 0)

    def action_view_agreements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "emploi_accompagne.emploi_support_agreement_action"
        )
        action["domain"] = [("pathway_id", "=", self.id)]
        action["context"] = {"default_pathway_id": self.id}
        return action

    def action_view_actions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "emploi_accompagne.emploi_action_action"
        )
        action["domain"] = [("pathway_id", "=", self.id)]
        action["context"] = {"default_pathway_id": self.id}
        return action

    def action_schedule_meeting(self):
        """Plan an appointment in Odoo's calendar, linked to this pathway."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "calendar.action_calendar_event"
        )
        action["context"] = {
            "default_emploi_pathway_id": self.id,
            "default_name": self.beneficiary_id.name,
            "default_partner_ids": self.env.user.partner_id.ids,
            "search_default_emploi_pathway_id": self.id,
        }
        return action

    def _remind_coaches(self, activity_xmlid, domain):
        """Give the coach of the open pathways matching ``domain`` the activity
        ``activity_xmlid``, once (not while one is still to do)."""
        activity_type = self.env.ref(activity_xmlid)
        pathways = self.search(
            [
                ("state", "=", "active"),
                ("coach_id", "!=", False),
                *domain,
                (
                    "activity_ids",
                    "not any",
                    [("activity_type_id", "=", activity_type.id)],
                ),
            ]
        )
        for pathway in pathways:
            pathway.activity_schedule(activity_xmlid, user_id=pathway.coach_id.id)

    def _cron_remind_employer_contact(self):
        """IPS platforms: ask the coach to meet employers for the people who
        entered more than 30 days ago and for whom no employer was met yet."""
        limit = fields.Date.context_today(self) - relativedelta(
            days=EMPLOYER_CONTACT_DAYS
        )
        self._remind_coaches(
            EMPLOYER_CONTACT,
            [
                ("company_id.emploi_follows_ips", "=", True),
                ("entry_pending", "=", False),
                ("entry_date", "<", limit),
                ("first_employer_contact_date", "=", False),
                ("employed_at_entry", "=", False),
            ],
        )

    def _cron_remind_no_contact(self):
        """Remind coaches of the people they have not met for too long."""
        for company in self.env["res.company"].search([]):
            limit = fields.Date.context_today(self) - relativedelta(
                days=company.emploi_no_contact_days
            )
            self._remind_coaches(
                "emploi_accompagne.mail_activity_no_contact",
                [
                    ("company_id", "=", company.id),
                    ("entry_date", "<", limit),
                    "|",
                    ("last_action_date", "=", False),
                    ("last_action_date", "<", limit),
                ],
            )
