from datetime import datetime, time, timedelta

import pytz
from dateutil.rrule import MONTHLY, rrule, weekdays

from odoo import fields, models
from odoo.exceptions import UserError

from ..models.calendar_event import COMMITTEE_EVENT_TYPE

WEEKDAYS = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"]


class EmploiCommitteeSchedule(models.TransientModel):
    """Plan the monthly committees as one recurring series of Odoo's Calendar
    ("every month, on the 2nd Tuesday"): each occurrence is a committee."""

    _name = "emploi.committee.schedule"
    _description = "Schedule monthly committees"

    company_id = fields.Many2one(
        comodel_name="res.company", required=True, default=lambda self: self.env.company
    )
    start_date = fields.Date(
        string="From", required=True, default=fields.Date.context_today
    )
    week_of_month = fields.Selection(
        selection=[
            ("1", "First"),
            ("2", "Second"),
            ("3", "Third"),
            ("4", "Fourth"),
            ("-1", "Last"),
        ],
        string="Week of the month",
        required=True,
        default="2",
    )
    weekday = fields.Selection(
        selection=[
            ("MON", "Monday"),
            ("TUE", "Tuesday"),
            ("WED", "Wednesday"),
            ("THU", "Thursday"),
            ("FRI", "Friday"),
        ],
        string="Day",
        required=True,
        default="TUE",
    )
    hour = fields.Float(string="Time", required=True, default=9.5)
    count = fields.Integer(string="Number of monthly committees", default=12)
    duration = fields.Float(default=2.0)
    location = fields.Char()
    member_ids = fields.Many2many(comodel_name="res.partner", string="Members")

    def _first_start(self, tz):
        """The first committee: the chosen weekday of the chosen week, in the
        month of the start date or after, at the chosen local time (UTC)."""
        weekday = weekdays[WEEKDAYS.index(self.weekday)](int(self.week_of_month))
        day = rrule(MONTHLY, dtstart=self.start_date, byweekday=weekday, count=1)[0]
        minutes = round(self.hour * 60)
        local = tz.localize(
            datetime.combine(day.date(), time(minutes // 60, minutes % 60))
        )
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    def action_schedule(self):
        self.ensure_one()
        if not 1 <= self.count <= 24:
            raise UserError(self.env._("Plan between 1 and 24 committees at once."))
        if not 0 <= self.hour < 24 or not 0 < self.duration <= 12:
            raise UserError(
                self.env._("Choose a time of day and a duration of at most 12 hours.")
            )
        tz_name = self.env.user.tz or "Europe/Paris"
        start = self._first_start(pytz.timezone(tz_name))
        committee_type = self.env.ref(COMMITTEE_EVENT_TYPE)
        # The occurrences become committees as the Calendar creates them.
        event = (
            self.env["calendar.event"]
            .with_company(self.company_id)
            .create(
                {
                    "name": committee_type.name,
                    "categ_ids": [fields.Command.set(committee_type.ids)],
                    "start": start,
                    "stop": start + timedelta(hours=self.duration),
                    "location": self.location or False,
                    "user_id": self.env.uid,
                    "partner_ids": [
                        fields.Command.set(
                            (self.member_ids | self.env.user.partner_id).ids
                        )
                    ],
                    "recurrency": True,
                    "rrule_type": "monthly",
                    "interval": 1,
                    "month_by": "day",
                    "byday": self.week_of_month,
                    "weekday": self.weekday,
                    "end_type": "count",
                    "count": self.count,
                    "event_tz": tz_name,
                }
            )
        )
        committees = self.env["emploi.committee"].search(
            [("calendar_event_id", "in", event.recurrence_id.calendar_event_ids.ids)]
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "emploi_accompagne.emploi_committee_action"
        )
        action["domain"] = [("id", "in", committees.ids)]
        return action
