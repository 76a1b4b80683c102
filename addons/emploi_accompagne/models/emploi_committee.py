from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date


class EmploiCommittee(models.Model):
    """The monthly admission committee (instance collégiale), a calendar meeting."""

    _name = "emploi.committee"
    _description = "Admission committee"
    _inherit = ["mail.thread", "mail.activity.mixin", "emploi.platform.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(compute="_compute_name")
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
    calendar_event_id = fields.Many2one(
        comodel_name="calendar.event", string="Meeting", copy=False, readonly=True
    )
    referral_ids = fields.One2many(
        comodel_name="emploi.referral", inverse_name="committee_id", string="Agenda"
    )
    referral_count = fields.Integer(compute="_compute_referral_count")
    minutes_note = fields.Html(string="Minutes")

    @api.depends("date")
    @api.depends_context("lang")
    def _compute_name(self):
        for committee in self:
            committee.name = self.env._(
                "Admission committee of %s",
                format_date(self.env, committee.date) if committee.date else "",
            )

    @api.depends("referral_ids")
    def _compute_referral_count(self):
        for committee in self:
            committee.referral_count = len(committee.referral_ids)

    @api.model_create_multi
    def create(self, vals_list):
        committees = super().create(vals_list)
        for committee in committees:
            committee.calendar_event_id = self.env["calendar.event"].create(
                committee._calendar_event_values()
            )
        return committees

    def write(self, vals):
        res = super().write(vals)
        if {"date", "duration", "location", "member_ids"} & vals.keys():
            for committee in self.filtered("calendar_event_id"):
                committee.calendar_event_id.write(committee._calendar_event_values())
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_with_agenda(self):
        if self.referral_ids:
            raise UserError(
                self.env._("A committee with an agenda cannot be deleted: cancel it.")
            )

    def _calendar_event_values(self):
        self.ensure_one()
        return {
            "name": self.name,
            "start": self.date,
            "stop": self.date + timedelta(hours=self.duration or 2.0),
            "location": self.location,
            "user_id": self.user_id.id,
            "partner_ids": [
                fields.Command.set((self.member_ids | self.user_id.partner_id).ids)
            ],
            "description": self._agenda_html(),
        }

    def _agenda_html(self):
        """The agenda sent to members: who is presented, by whom; no health data."""
        self.ensure_one()
        items = Markup("").join(
            Markup("<li>%s – %s (%s)%s</li>")
            % (
                referral.name,
                referral.person_name,
                referral.prescriber_id.name or referral.prescriber_type_label,
                self.env._(", urgent") if referral.urgent else "",
            )
            for referral in self.referral_ids.sorted("name")
        )
        title = self.env._("Agenda")
        return Markup("<p><strong>%s</strong></p><ol>%s</ol>") % (title, items)

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
            ready.write({"committee_id": committee.id, "state": "scheduled"})
            committee.calendar_event_id.description = committee._agenda_html()

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
        self.state = "done"

    def action_cancel(self):
        self.referral_ids.filtered(lambda r: r.state == "scheduled").write(
            {"state": "ready", "committee_id": False}
        )
        self.calendar_event_id.action_archive()
        self.state = "cancelled"
