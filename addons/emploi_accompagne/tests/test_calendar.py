import re
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import format_date

from .common import JsonRpcMixin, RpcError
from .test_referral import ReferralCommon

COMMITTEE_TYPE = "emploi_accompagne.calendar_event_type_committee"


class CalendarCommon(ReferralCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ready = cls._referral("Julie", "Moreau")
        cls.ready.action_mark_ready()

    def _changedate_mails(self, event, partner):
        """Messages of the meeting sent to ``partner`` (invitation, new date)."""
        return self.env["mail.message"].search_count(
            [
                ("model", "=", "calendar.event"),
                ("res_id", "=", event.id),
                ("partner_ids", "in", partner.ids),
            ]
        )


@freeze_time("2025-02-20 08:00:00")
class TestCommitteeFollowsItsMeeting(CalendarCommon):
    def test_moving_the_meeting_moves_the_committee_and_its_agenda(self):
        committee = self._committee()
        committee.action_build_agenda()
        event = committee.calendar_event_id
        self.assertEqual(self.ready.committee_date, datetime(2025, 3, 4, 9, 30))
        mails = self._changedate_mails(event, self.mdph)
        # Dragged to the next day and made longer in the Calendar.
        event.with_user(self.secretary).write(
            {
                "start": datetime(2025, 3, 5, 14, 0),
                "stop": datetime(2025, 3, 5, 17, 0),
                "location": "Salle B",
            }
        )
        self.assertEqual(committee.date, datetime(2025, 3, 5, 14, 0))
        self.assertEqual(committee.duration, 3.0)
        self.assertEqual(committee.location, "Salle B")
        self.assertEqual(self.ready.committee_date, datetime(2025, 3, 5, 14, 0))
        self.assertEqual(self.ready.days_to_committee, 30)  # 3 February → 5 March
        # The meeting is renamed after the new date, the members told.
        self.assertEqual(
            event.name,
            f"Admission committee of {format_date(self.env, date(2025, 3, 5))}",
        )
        self.assertEqual(self._changedate_mails(event, self.mdph), mails + 1)

    def test_renaming_the_meeting_titles_the_committee(self):
        committee = self._committee()
        event = committee.calendar_event_id
        event.with_user(self.secretary).name = "Instance collégiale exceptionnelle"
        self.assertEqual(committee.title, "Instance collégiale exceptionnelle")
        self.assertEqual(committee.name, "Instance collégiale exceptionnelle")
        # A later move keeps the title.
        event.with_user(self.secretary).write(
            {"start": datetime(2025, 3, 6, 9, 0), "stop": datetime(2025, 3, 6, 11, 0)}
        )
        self.assertEqual(event.name, "Instance collégiale exceptionnelle")

    def test_attendees_added_in_the_calendar_are_members(self):
        committee = self._committee()
        cap_emploi = self.env["res.partner"].create({"name": "Cap emploi 69"})
        committee.calendar_event_id.with_user(self.secretary).partner_ids = [
            (4, cap_emploi.id)
        ]
        self.assertEqual(committee.member_ids, self.mdph | cap_emploi)

    def test_changing_the_place_sends_no_new_date(self):
        committee = self._committee()
        event = committee.calendar_event_id
        mails = self._changedate_mails(event, self.mdph)
        committee.with_user(self.secretary).location = "Salle C"
        self.assertEqual(event.location, "Salle C")
        self.assertEqual(self._changedate_mails(event, self.mdph), mails)

    def test_members_answers_are_the_attendance(self):
        committee = self._committee()
        attendee = committee.attendee_ids.filtered(lambda a: a.partner_id == self.mdph)
        attendee.do_decline()
        self.assertEqual(attendee.state, "declined")
        self.assertEqual(
            committee.attendee_ids.filtered(lambda a: a.state == "declined").partner_id,
            self.mdph,
        )
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "emploi_accompagne.action_report_committee_minutes", committee.ids
            )[0]
            .decode()
        )
        secretary = re.escape(self.secretary.partner_id.display_name)
        self.assertRegex(html, f"Present:</strong>\\s*<span>{secretary}</span>")
        self.assertRegex(html, "Excused:</strong>\\s*<span>Représentant MDPH</span>")

    def test_deleting_the_meeting_cancels_an_undecided_committee(self):
        committee = self._committee()
        committee.action_build_agenda()
        committee.calendar_event_id.with_user(self.secretary).unlink()
        self.assertEqual(committee.state, "cancelled")
        self.assertEqual(self.ready.state, "ready")
        self.assertFalse(self.ready.committee_id)

    def test_archiving_the_meeting_cancels_the_committee(self):
        committee = self._committee()
        committee.calendar_event_id.with_user(self.secretary).action_archive()
        self.assertEqual(committee.state, "cancelled")

    def test_a_committee_that_decided_stays(self):
        committee = self._committee()
        committee.action_build_agenda()
        self._decide(self.ready, "waiting_list", waiting_priority="2")
        event = committee.calendar_event_id
        with self.assertRaisesRegex(UserError, "recorded decisions.*Julie Moreau"):
            event.with_user(self.secretary).unlink()
        with self.assertRaisesRegex(UserError, "recorded decisions"):
            event.with_user(self.secretary).action_archive()
        self.assertTrue(event.exists() and event.active)
        self.assertEqual(committee.state, "planned")

    def test_only_the_secretariat_moves_a_committee(self):
        # A coach invited as a member attends the (private) meeting.
        committee = self._committee(member_ids=(self.mdph | self.coach.partner_id).ids)
        event = committee.calendar_event_id
        employee = new_test_user(self.env, login="salarie", groups="base.group_user")
        with self.assertRaises(AccessError):
            event.with_user(employee).write(
                {
                    "start": datetime(2025, 3, 11, 9, 0),
                    "stop": datetime(2025, 3, 11, 11, 0),
                }
            )
        for user in (self.coach,):
            with self.assertRaisesRegex(UserError, "only the people who manage it"):
                event.with_user(user).write(
                    {
                        "start": datetime(2025, 3, 11, 9, 0),
                        "stop": datetime(2025, 3, 11, 11, 0),
                    }
                )
            with self.assertRaisesRegex(UserError, "only the people who manage it"):
                event.with_user(user).partner_ids = [(4, user.partner_id.id)]
            with self.assertRaisesRegex(UserError, "only the people who manage it"):
                event.with_user(user).unlink()
        self.assertEqual(committee.date, datetime(2025, 3, 4, 9, 30))
        self.assertEqual(event.start, datetime(2025, 3, 4, 9, 30))

    def test_a_meeting_of_type_instance_collegiale_is_a_committee(self):
        committee_type = self.env.ref(COMMITTEE_TYPE)
        event = (
            self.env["calendar.event"]
            .with_user(self.secretary)
            .with_company(self.platform)
            .create(
                {
                    "name": "Instance collégiale",
                    "categ_ids": [(6, 0, committee_type.ids)],
                    "start": datetime(2025, 4, 8, 9, 0),
                    "stop": datetime(2025, 4, 8, 11, 0),
                    "location": "Salle du conseil",
                    "partner_ids": [
                        (6, 0, (self.mdph | self.secretary.partner_id).ids)
                    ],
                }
            )
        )
        committee = self.env["emploi.committee"].search(
            [("calendar_event_id", "=", event.id)]
        )
        self.assertEqual(
            (
                committee.company_id,
                committee.date,
                committee.duration,
                committee.member_ids,
                committee.title,
            ),
            (self.platform, datetime(2025, 4, 8, 9, 0), 2.0, self.mdph, False),
        )
        self.assertEqual(
            (event.res_model, event.res_id), (committee._name, committee.id)
        )
        self.assertEqual(
            event.name,
            f"Admission committee of {format_date(self.env, date(2025, 4, 8))}",
        )
        # The meeting opens its committee, and is no activity on it.
        action = event.with_user(self.secretary).action_open_calendar_event()
        self.assertEqual(
            (action["res_model"], action["res_id"]), (committee._name, committee.id)
        )
        self.assertFalse(committee.activity_ids)
        # Tagging an existing meeting makes it a committee too.
        other = (
            self.env["calendar.event"]
            .with_user(self.secretary)
            .create(
                {
                    "name": "Réunion",
                    "start": datetime(2025, 5, 13, 9, 0),
                    "stop": datetime(2025, 5, 13, 10, 0),
                }
            )
        )
        other.categ_ids = committee_type
        self.assertEqual(other.res_model, "emploi.committee")

    def test_only_the_secretariat_plans_a_committee_in_the_calendar(self):
        with self.assertRaisesRegex(UserError, "only the platform's secretariat"):
            self.env["calendar.event"].with_user(self.coach).create(
                {
                    "name": "Instance",
                    "categ_ids": [(6, 0, self.env.ref(COMMITTEE_TYPE).ids)],
                    "start": datetime(2025, 4, 8, 9, 0),
                    "stop": datetime(2025, 4, 8, 11, 0),
                }
            )

    def test_a_copy_of_the_meeting_is_another_committee(self):
        committee = self._committee()
        copy = committee.calendar_event_id.with_user(self.secretary).copy(
            {"start": datetime(2025, 4, 1, 9, 30), "stop": datetime(2025, 4, 1, 11, 30)}
        )
        other = self.env["emploi.committee"].search(
            [("calendar_event_id", "=", copy.id)]
        )
        self.assertTrue(other)
        self.assertNotEqual(other, committee)
        self.assertEqual(other.date, datetime(2025, 4, 1, 9, 30))
        self.assertEqual(committee.date, datetime(2025, 3, 4, 9, 30))


class TestMonthlySeries(CalendarCommon):
    """Second Tuesday of 2026 at 9:30 in Paris, Bastille Day a public holiday."""

    def test_a_year_of_second_tuesdays_skipping_a_public_holiday(self):
        self.secretary.tz = "Europe/Paris"
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Fête nationale",
                "calendar_id": self.platform.resource_calendar_id.id,
                "date_from": datetime(2026, 7, 13, 22, 0),
                "date_to": datetime(2026, 7, 14, 21, 59, 59),
            }
        )
        wizard = (
            self.env["emploi.committee.schedule"]
            .with_user(self.secretary)
            .with_company(self.platform)
            .create(
                {
                    "start_date": date(2026, 1, 1),
                    "week_of_month": "2",
                    "weekday": "TUE",
                    "hour": 9.5,
                    "count": 12,
                    "member_ids": [self.mdph.id],
                }
            )
        )
        committees = self.env["emploi.committee"].search(
            wizard.action_schedule()["domain"], order="date"
        )
        # 9:30 in Paris is 8:30 UTC in winter and 7:30 UTC in summer.
        self.assertEqual(
            committees.mapped("date"),
            [
                datetime(2026, 1, 13, 8, 30),
                datetime(2026, 2, 10, 8, 30),
                datetime(2026, 3, 10, 8, 30),
                datetime(2026, 4, 14, 7, 30),
                datetime(2026, 5, 12, 7, 30),
                datetime(2026, 6, 9, 7, 30),
                datetime(2026, 7, 15, 7, 30),  # Tuesday 14 July is a holiday
                datetime(2026, 8, 11, 7, 30),
                datetime(2026, 9, 8, 7, 30),
                datetime(2026, 10, 13, 7, 30),
                datetime(2026, 11, 10, 8, 30),
                datetime(2026, 12, 8, 8, 30),
            ],
        )
        events = committees.calendar_event_id
        self.assertEqual(len(events.recurrence_id), 1)
        self.assertEqual(events.recurrence_id.rrule, events[0].recurrence_id.rrule)
        self.assertIn("BYDAY=+2TU", events.recurrence_id.rrule)
        self.assertEqual(committees.company_id, self.platform)
        self.assertEqual(committees.mapped("member_ids"), self.mdph)
        # One occurrence moves alone.
        march = committees[2]
        march.calendar_event_id.with_user(self.secretary).write(
            {
                "recurrence_update": "self_only",
                "start": datetime(2026, 3, 17, 8, 30),
                "stop": datetime(2026, 3, 17, 10, 30),
            }
        )
        self.assertEqual(march.date, datetime(2026, 3, 17, 8, 30))
        self.assertEqual(committees[3].date, datetime(2026, 4, 14, 7, 30))
        self.assertEqual(committees[1].date, datetime(2026, 2, 10, 8, 30))
        # The whole series cannot be rewritten: each committee has its agenda.
        with self.assertRaisesRegex(UserError, "one at a time"):
            committees[4].calendar_event_id.with_user(self.secretary).write(
                {"recurrence_update": "all_events", "location": "Salle B"}
            )


@freeze_time("2025-03-03 09:00:00")
class TestAppointmentFollowsItsMeeting(CalendarCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pathway = cls._pathway(cls._beneficiary("Lina Petit", coach=cls.coach))

    def _action(self, start):
        return (
            self.env["emploi.action"]
            .with_user(self.coach)
            .create(
                {
                    "name": "Entretien",
                    "pathway_id": self.pathway.id,
                    "action_type_id": self.interview.id,
                    "start": start,
                    "duration": 1.0,
                }
            )
        )

    def test_deleting_a_planned_appointment_deletes_its_action(self):
        action = self._action(datetime(2025, 3, 5, 14, 0))
        event = action.calendar_event_id
        self.assertEqual((event.res_model, event.res_id), (action._name, action.id))
        event.with_user(self.coach).unlink()
        self.assertFalse(action.exists())

    def test_an_appointment_whose_outcome_is_recorded_stays(self):
        action = self._action(datetime(2025, 3, 3, 8, 0))
        action.action_held()
        with self.assertRaisesRegex(UserError, "outcome of this appointment"):
            action.calendar_event_id.with_user(self.coach).unlink()
        self.assertTrue(action.calendar_event_id.exists())

    def test_deleting_the_action_deletes_its_appointment(self):
        action = self._action(datetime(2025, 3, 5, 14, 0))
        event = action.calendar_event_id
        action.with_user(self.coach).unlink()
        self.assertFalse(event.exists())

    def test_a_meeting_planned_for_the_pathway_is_private(self):
        event = (
            self.env["calendar.event"]
            .with_user(self.coach)
            .create(
                {
                    "name": "Point projet",
                    "start": datetime(2025, 3, 10, 9, 0),
                    "stop": datetime(2025, 3, 10, 10, 0),
                    "emploi_pathway_id": self.pathway.id,
                }
            )
        )
        self.assertEqual(event.privacy, "private")
        self.assertEqual(event.res_model, "emploi.action")


@tagged("post_install", "-at_install")
class TestCalendarOverRpc(JsonRpcMixin, HttpCase, CalendarCommon):
    """Installing the suite breaks nobody's calendar: as an outside client,
    among committees and coaches' private appointments."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.committee = (
            cls.env["emploi.committee"]
            .with_user(cls.secretary)
            .create({"date": datetime(2030, 6, 4, 9, 0), "member_ids": cls.mdph.ids})
        )
        cls.pathway = cls._pathway(cls._beneficiary("Lina Petit", coach=cls.coach))
        cls.env["emploi.action"].with_user(cls.coach).create(
            {
                "name": "Entretien",
                "pathway_id": cls.pathway.id,
                "action_type_id": cls.interview.id,
                "start": datetime(2030, 6, 4, 14, 0),
            }
        )
        cls.employee = new_test_user(cls.env, login="salarie", groups="base.group_user")
        # An MDPH representative who happens to have an internal account.
        cls.mdph_user = new_test_user(
            cls.env, login="mdph.membre", groups="base.group_user"
        )
        cls.committee.member_ids |= cls.mdph_user.partner_id
        cls._rpc_passwords(cls.employee, cls.mdph_user, cls.secretary, cls.coach)

    def test_a_user_outside_the_suite_keeps_their_calendar(self):
        self.assertCalendarWorksFor(self.employee)

    def test_the_secretariat_keeps_their_calendar(self):
        self.assertCalendarWorksFor(self.secretary)

    def test_a_coach_keeps_their_calendar(self):
        self.assertCalendarWorksFor(self.coach)

    def test_nobody_else_reads_moves_or_joins_a_committee(self):
        event_id = self.committee.calendar_event_id.id
        # Someone outside: the meeting is private, its agenda hidden.
        [row] = self.rpc(
            self.employee, "calendar.event", "read", [event_id], ["name", "description"]
        )
        self.assertEqual((row["name"], row["description"]), ("Busy", False))
        for values in (
            {"start": "2030-06-11 09:00:00", "stop": "2030-06-11 11:00:00"},
            {"partner_ids": [(4, self.employee.partner_id.id)]},
        ):
            with self.assertRaisesRegex(RpcError, "write"):
                self.rpc(self.employee, "calendar.event", "write", [event_id], values)
        # A member who attends it may answer the invitation, not move it.
        member = self.mdph_user
        for values in (
            {"start": "2030-06-11 09:00:00", "stop": "2030-06-11 11:00:00"},
            {"partner_ids": [(4, self.employee.partner_id.id)]},
        ):
            with self.assertRaisesRegex(RpcError, "only the people who manage it"):
                self.rpc(member, "calendar.event", "write", [event_id], values)
        with self.assertRaisesRegex(RpcError, "only the people who manage it"):
            self.rpc(member, "calendar.event", "unlink", [event_id])
        # Sending the context key the code uses changes nothing.
        with self.assertRaisesRegex(RpcError, "only the people who manage it"):
            self.rpc(
                member,
                "calendar.event",
                "write",
                [event_id],
                {"start": "2030-06-11 09:00:00", "stop": "2030-06-11 11:00:00"},
                context={"emploi_calendar_sync": True},
            )
        self.assertEqual(self.committee.date, datetime(2030, 6, 4, 9, 0))
        # The secretariat moves it the same way, and the committee follows.
        self.rpc(
            self.secretary,
            "calendar.event",
            "write",
            [event_id],
            {"start": "2030-06-11 09:00:00", "stop": "2030-06-11 11:00:00"},
        )
        self.assertEqual(self.committee.date, datetime(2030, 6, 11, 9, 0))
