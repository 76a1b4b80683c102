from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .emploi_calendar_link_mixin import CALENDAR_SYNC

RECORD_OUTCOME = "emploi_accompagne.mail_activity_record_outcome"


class EmploiAction(models.Model):
    """A support action: an appointment, a workplace visit, a step taken."""

    _name = "emploi.action"
    _description = "Support action"
    _inherit = [
        "emploi.pathway.link.mixin",
        "emploi.timed.mixin",
        "emploi.calendar.link.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "emploi.personal.data.mixin",
    ]
    _order = "start desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Subject", required=True)
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Done by",
        required=True,
        index=True,
        default=lambda self: self.env.user,
    )
    action_type_id = fields.Many2one(
        comodel_name="emploi.action.type", string="Type", required=True
    )
    employer_side = fields.Boolean(related="action_type_id.employer_side", store=True)
    care_side = fields.Boolean(related="action_type_id.care_side")
    phase_id = fields.Many2one(
        comodel_name="emploi.phase",
        string="Phase served",
        compute="_compute_phase_id",
        store=True,
        readonly=False,
        index=True,
    )
    location = fields.Selection(
        selection=[
            ("office", "Platform office"),
            ("workplace", "Workplace"),
            ("home", "Home"),
            ("remote", "Phone or video"),
            ("other", "Other place"),
        ],
        default="office",
        required=True,
    )
    with_beneficiary = fields.Boolean(string="With the person", default=True)
    employer_id = fields.Many2one(
        comodel_name="res.partner",
        string="Employer",
        domain="[('is_company', '=', True)]",
    )
    care_contact_id = fields.Many2one(
        comodel_name="emploi.care.contact",
        string="Care team member",
        index="btree_not_null",
        ondelete="set null",
        domain="[('beneficiary_id', '=', beneficiary_id)]",
    )
    attendance = fields.Selection(
        selection=[
            ("planned", "Planned"),
            ("held", "Held"),
            ("excused", "Excused absence"),
            ("no_show", "No-show"),
        ],
        string="Outcome",
        required=True,
        default="planned",
        tracking=True,
    )
    outcome_overdue = fields.Boolean(
        string="Outcome to record",
        compute="_compute_outcome_overdue",
        search="_search_outcome_overdue",
    )
    note = fields.Html()
    calendar_event_id = fields.Many2one(string="Appointment")
    disclosure_summary = fields.Char(
        string="Sharing agreement",
        compute="_compute_disclosure_summary",
        help="What the person agreed to reveal to this employer.",
    )

    @api.depends("pathway_id")
    def _compute_phase_id(self):
        for action in self:
            action.phase_id = action.phase_id or action.pathway_id.phase_id

    @api.depends("beneficiary_id", "employer_id")
    def _compute_disclosure_summary(self):
        Disclosure = self.env["emploi.disclosure"]
        with_employer = self.filtered(lambda a: a.employer_id and a.beneficiary_id)
        plans = {}
        if with_employer and Disclosure.has_access("read"):
            plans = Disclosure._agreed(
                with_employer.beneficiary_id, with_employer.employer_id
            )
        for action in self:
            plan = plans.get((action.beneficiary_id, action.employer_id))
            if plan:
                action.disclosure_summary = plan._summary()
            elif action in with_employer:
                action.disclosure_summary = self.env._(
                    "No sharing agreement with this employer: reveal nothing about "
                    "the person's disability."
                )
            else:
                action.disclosure_summary = False

    @api.depends("attendance", "start")
    def _compute_outcome_overdue(self):
        now = fields.Datetime.now()
        for action in self:
            action.outcome_overdue = (
                action.attendance == "planned" and action.start < now
            )

    def _search_outcome_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on outcomes."))
        domain = [("attendance", "=", "planned"), ("start", "<", fields.Datetime.now())]
        return domain if (operator == "=") == value else ["!", "&", *domain]

    @api.model
    def _employer_contact_domain(self):
        """Face-to-face meetings with an employer (IPS job development)."""
        return [
            ("attendance", "=", "held"),
            ("employer_side", "=", True),
            ("employer_id", "!=", False),
            ("location", "!=", "remote"),
        ]

    @api.constrains("attendance", "start")
    def _check_outcome_in_past(self):
        now = fields.Datetime.now()
        for action in self:
            if action.attendance != "planned" and action.start > now + timedelta(
                hours=1
            ):
                raise ValidationError(
                    self.env._(
                        "The outcome of a future appointment cannot be recorded."
                    )
                )

    @api.constrains("care_contact_id", "pathway_id")
    def _check_care_contact(self):
        for action in self.filtered("care_contact_id"):
            if action.care_contact_id.beneficiary_id != action.beneficiary_id:
                raise ValidationError(
                    self.env._(
                        "%s is not in the care team of the person of this action.",
                        action.care_contact_id.partner_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        actions = super().create(vals_list)
        actions.beneficiary_id._check_processing_allowed()
        actions.filtered(
            lambda a: a.attendance == "planned" and not a.calendar_event_id
        )._create_calendar_events()
        actions.pathway_id._start_pending_entries()
        actions.pathway_id._close_employer_contact_reminders()
        return actions

    def write(self, vals):
        res = super().write(vals)
        if "attendance" in vals and vals["attendance"] != "planned":
            self.activity_feedback([RECORD_OUTCOME])
        if {"attendance", "start"} & vals.keys():
            self.pathway_id._start_pending_entries()
            self.pathway_id._close_employer_contact_reminders()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_recorded(self):
        if any(action.attendance != "planned" for action in self):
            raise UserError(
                self.env._(
                    "An action whose outcome is recorded counts in the reports: "
                    "it cannot be deleted."
                )
            )

    def _calendar_event_values(self):
        self.ensure_one()
        return {
            "name": self.name,
            "start": self.start,
            "stop": self.start + timedelta(hours=self.duration or 1.0),
            # Who meets the job coach is nobody else's business.
            "privacy": "private",
        }

    def _calendar_trigger_fields(self):
        return {"name", "start", "duration"}

    def _values_from_calendar_event(self, event):
        return {"name": event.name, "start": event.start, "duration": event.duration}

    def _calendar_event_removed(self):
        """An appointment deleted in the Calendar did not happen: its planned
        action goes; one whose outcome is recorded stays, and so does the
        meeting."""
        self._check_calendar_write_access()
        if self.attendance != "planned":
            raise UserError(
                self.env._(
                    "The outcome of this appointment is recorded (%(outcome)s): it "
                    "counts in the reports and cannot be deleted from the calendar.",
                    outcome=dict(
                        self._fields["attendance"]._description_selection(self.env)
                    )[self.attendance],
                )
            )
        self.with_context(**{CALENDAR_SYNC: True}).unlink()

    def _create_calendar_events(self):
        model_id = self.env["ir.model"]._get_id(self._name)
        events = (
            self.env["calendar.event"]
            ._emploi_synced()
            .create(
                [
                    {
                        **action._calendar_event_values(),
                        "user_id": action.user_id.id,
                        "partner_ids": action.user_id.partner_id.ids,
                        "emploi_pathway_id": action.pathway_id.id,
                        "res_model_id": model_id,
                        "res_id": action.id,
                    }
                    for action in self
                ]
            )
        )
        for action, event in zip(self, events, strict=True):
            action.calendar_event_id = event

    @api.model
    def _create_from_calendar_events(self, events):
        """An appointment planned in the calendar is a planned support action."""
        interview = self.env.ref("emploi_accompagne.emploi_action_type_interview")
        actions = self.create(
            [
                {
                    "name": event.name,
                    "pathway_id": event.sudo().emploi_pathway_id.id,
                    "action_type_id": interview.id,
                    "start": event.start,
                    "duration": event.duration,
                    "user_id": event.user_id.id or self.env.uid,
                    "calendar_event_id": event.id,
                }
                for event in events
            ]
        )
        for action, event in zip(actions, events, strict=True):
            action._link_calendar_event(event)
        return actions

    def action_held(self):
        self.attendance = "held"

    def action_excused(self):
        self.attendance = "excused"

    def action_no_show(self):
        self.attendance = "no_show"

    def _cron_remind_outcome(self):
        """Nag coaches until past appointments have an outcome."""
        activity_type = self.env.ref(RECORD_OUTCOME)
        actions = self.search(
            [
                ("outcome_overdue", "=", True),
                (
                    "activity_ids",
                    "not any",
                    [("activity_type_id", "=", activity_type.id)],
                ),
            ]
        )
        for action in actions:
            action.activity_schedule(RECORD_OUTCOME, user_id=action.user_id.id)

    def _anonymised_values(self):
        return {"name": self.action_type_id.name, "note": False}

    def _anonymise_records(self):
        # The coach's meeting said who was met, and why.
        for action in self.sudo().filtered("calendar_event_id"):
            action.calendar_event_id._emploi_synced().write(
                {"name": action.action_type_id.name, "description": False}
            )
        return super()._anonymise_records()
