from datetime import datetime, time, timedelta

import pytz
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from .calendar_event import COMMITTEE_EVENT_TYPE


class EmploiCommittee(models.Model):
    """The monthly admission committee (instance collégiale), a calendar meeting."""

    _name = "emploi.committee"
    _description = "Admission committee"
    _inherit = [
        "emploi.workflow.mixin",
        "emploi.calendar.link.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "emploi.platform.mixin",
    ]
    _order = "date desc, id desc"

    name = fields.Char(compute="_compute_name")
    title = fields.Char(
        help="Leave empty to name the committee after its date. Renaming its "
        "meeting in the Calendar sets it.",
    )
    date = fields.Datetime(required=True, tracking=True, index=True)
    duration = fields.Float(default=2.0, help="Duration in hours.")
    location = fields.Char()
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Organiser",
        required=True,
        default=lambda self: self.env.user,
    )
    member_ids = fields.Many2many(
        comodel_name="res.partner",
        string="Members",
        help="Platform, France Travail, Cap emploi, Mission locale and MDPH "
        "representatives. They are invited; they get no access to the files.",
    )
    state = fields.Selection(
        selection=[
            ("planned", "Planned"),
            ("done", "Held"),
            ("cancelled", "Cancelled"),
        ],
        default="planned",
        required=True,
        tracking=True,
    )
    attendee_ids = fields.One2many(
        related="calendar_event_id.attendee_ids",
        string="Answers to the invitation",
        readonly=False,
        help="Each member's answer, which is also the attendance record: "
        "correct it after the committee (accepted = present).",
    )
    spe_represented = fields.Boolean(
        string="Public employment service represented",
        compute="_compute_represented",
    )
    mdph_represented = fields.Boolean(
        string="MDPH represented", compute="_compute_represented"
    )
    referral_ids = fields.One2many(
        comodel_name="emploi.referral", inverse_name="committee_id", string="Agenda"
    )
    referral_count = fields.Integer(compute="_compute_referral_count")
    minutes_note = fields.Html(string="Minutes")

    @api.depends("date", "title")
    @api.depends_context("lang")
    def _compute_name(self):
        for committee in self:
            committee.name = committee.title or self.env._(
                "Admission committee of %s",
                format_date(self.env, committee.date) if committee.date else "",
            )

    @api.depends("referral_ids")
    @api.depends(
        "calendar_event_id.attendee_ids.state",
        "calendar_event_id.attendee_ids.partner_id.emploi_committee_body",
    )
    def _compute_represented(self):
        for committee in self:
            bodies = set(
                committee.attendee_ids.filtered(
                    lambda a: a.state == "accepted"
                ).partner_id.mapped("emploi_committee_body")
            )
            committee.spe_represented = "spe" in bodies
            committee.mdph_represented = "mdph" in bodies

    def _compute_referral_count(self):
        for committee in self:
            committee.referral_count = len(committee.referral_ids)

    @api.model_create_multi
    def create(self, vals_list):
        committees = super().create(vals_list)
        for committee in committees.filtered(lambda c: not c.calendar_event_id):
            committee._link_calendar_event(
                self.env["calendar.event"]
                ._emploi_synced()
                .create(committee._calendar_event_values())
            )
        return committees

    @api.ondelete(at_uninstall=False)
    def _unlink_except_with_agenda(self):
        if self.referral_ids:
            raise UserError(
                self.env._("A committee with an agenda cannot be deleted: cancel it.")
            )

    def _calendar_event_values(self):
        self.ensure_one()
        return {
            "name": self._meeting_name(),
            "start": self.date,
            "stop": self.date + timedelta(hours=self.duration or 2.0),
            "location": self.location or False,
            "user_id": self.user_id.id,
            "partner_ids": [
                fields.Command.set((self.member_ids | self.user_id.partner_id).ids)
            ],
            "categ_ids": [fields.Command.set(self.env.ref(COMMITTEE_EVENT_TYPE).ids)],
            "description": self._agenda_html(),
            # Who is presented is for the members and the admission staff only.
            "privacy": "private",
        }

    def _meeting_name(self):
        """The committee's name in its organiser's language: the meeting's name
        is one text for all its attendees."""
        return self.with_context(lang=self.user_id.lang or self.env.lang).name

    def _calendar_trigger_fields(self):
        return {"date", "duration", "location", "member_ids", "title", "user_id"}

    def _values_from_calendar_event(self, event):
        return {
            "date": event.start,
            "duration": event.duration,
            "location": event.location,
            "member_ids": [
                fields.Command.set((event.partner_ids - self.user_id.partner_id).ids)
            ],
            "title": self.title if event.name == self._meeting_name() else event.name,
        }

    def _calendar_event_removed(self):
        """Deleting the meeting cancels the committee, unless it has decided."""
        self._check_calendar_write_access()
        decided = self.referral_ids.filtered(lambda r: r.state != "scheduled")
        if self.state == "done" or decided:
            raise UserError(
                self.env._(
                    "%(committee)s has recorded decisions (%(people)s): it cannot "
                    "be cancelled or deleted from the calendar.",
                    committee=self.name,
                    people=", ".join(decided.mapped("person_name")) or "—",
                )
            )
        self.action_cancel()

    @api.model
    def _create_from_calendar_events(self, events):
        """A meeting of type *Instance collégiale* planned in the Calendar (or an
        occurrence of a monthly series) is a committee of the user's platform."""
        if not self.has_access("create"):
            raise UserError(
                self.env._(
                    "A meeting of type “Instance collégiale” is an admission "
                    "committee: only the platform's secretariat can plan one."
                )
            )
        generic_name = self.env.ref(COMMITTEE_EVENT_TYPE).name
        committees = self.create(
            [
                {
                    "date": event.start,
                    "duration": event.duration,
                    "location": event.location,
                    "user_id": event.user_id.id or self.env.uid,
                    "member_ids": [
                        fields.Command.set(
                            (event.partner_ids - event.user_id.partner_id).ids
                        )
                    ],
                    "title": event.name if event.name != generic_name else False,
                    "calendar_event_id": event.id,
                }
                for event in events
            ]
        )
        for committee, event in zip(committees, events, strict=True):
            committee._link_calendar_event(event)
        committees.filtered("calendar_event_id.recurrence_id")._move_off_closed_days()
        return committees

    def _move_off_closed_days(self):
        """A committee of a series that falls on a public holiday or a day the
        platform does not work (its working calendar) moves to the next working
        day, at the same local time; the rest of the series stays."""
        for committee in self:
            calendar = committee.company_id.resource_calendar_id
            if not calendar:
                continue
            tz = pytz.timezone(committee.calendar_event_id._get_mail_tz() or "UTC")
            local = pytz.utc.localize(committee.date).astimezone(tz)
            day = local.date()
            for _attempt in range(31):
                day_start = tz.localize(datetime.combine(day, time.min))
                day_end = tz.localize(datetime.combine(day, time.max))
                if calendar._work_intervals_batch(day_start, day_end, tz=tz)[False]:
                    break
                day += timedelta(days=1)
            if day != local.date():
                committee.date = (
                    tz.localize(datetime.combine(day, local.time()))
                    .astimezone(pytz.utc)
                    .replace(tzinfo=None)
                )

    def _agenda_html(self):
        """The agenda of the meeting, mailed to the members: the references and
        who refers, never a name nor health data (the names are on the
        committee, read by the platform's admission staff, and said in the
        meeting)."""
        self.ensure_one()
        items = Markup("").join(
            Markup("<li>%s (%s)%s</li>")
            % (
                referral.name,
                referral.prescriber_id.name or referral.prescriber_type_label,
                self.env._(", urgent") if referral.urgent else "",
            )
            for referral in self.referral_ids.sorted("name")
        )
        title = self.env._("Agenda")
        note = self.env._(
            "The people presented are named in the meeting, not in this invitation."
        )
        return Markup("<p><strong>%s</strong></p><ol>%s</ol><p>%s</p>") % (
            title,
            items,
            note,
        )

    def action_build_agenda(self):
        """Put every referral ready for committee on the agenda."""
        for committee in self:
            ready = self.env["emploi.referral"].search(
                [
                    ("company_id", "=", committee.company_id.id),
                    ("state", "in", ("ready", "postponed")),
                    ("is_eligible", "=", True),
                ]
            )
            ready._set_state("scheduled", {"committee_id": committee.id})
        self._calendar_push()

    def action_send_invitations(self):
        for committee in self:
            committee.calendar_event_id.attendee_ids._send_invitation_emails()

    def action_done(self):
        undecided = self.referral_ids.filtered(lambda r: r.state == "scheduled")
        if undecided:
            raise UserError(
                self.env._(
                    "Record a decision for every referral on the agenda first: %s.",
                    ", ".join(undecided.mapped("person_name")),
                )
            )
        self._set_state("done")

    def action_cancel(self):
        self.referral_ids.filtered(lambda r: r.state == "scheduled")._set_state(
            "ready", {"committee_id": False}
        )
        self.calendar_event_id._emploi_synced().action_archive()
        self._set_state("cancelled")
