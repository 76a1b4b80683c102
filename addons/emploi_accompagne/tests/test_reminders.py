from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError

from .common import EmploiCommon


class TestActionsAndReminders(EmploiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.beneficiary = cls._beneficiary(
            "Nadia Haddad", coach=cls.coach, boeth_expiry_date=date(2025, 5, 31)
        )
        cls.pathway = cls._pathway(cls.beneficiary)

    def _action(self, start, **values):
        return (
            self.env["emploi.action"]
            .with_user(self.coach)
            .create(
                {
                    "name": "Entretien",
                    "pathway_id": self.pathway.id,
                    "action_type_id": self.interview.id,
                    "start": start,
                    "duration": 1.5,
                    **values,
                }
            )
        )

    @freeze_time("2025-03-03 09:00:00")
    def test_planned_action_is_a_calendar_appointment(self):
        action = self._action(datetime(2025, 3, 5, 14, 0))
        event = action.calendar_event_id
        self.assertTrue(event)
        self.assertEqual(event.start, datetime(2025, 3, 5, 14, 0))
        self.assertEqual(event.stop, datetime(2025, 3, 5, 15, 30))
        self.assertEqual(event.emploi_pathway_id, self.pathway)
        self.assertEqual(event.partner_ids, self.coach.partner_id)
        self.assertEqual(event.privacy, "private")
        # Colleagues see a busy slot, not what the appointment is about.
        self.env.invalidate_all()
        [as_colleague] = event.with_user(self.other_coach).read(["name"])
        self.assertEqual(as_colleague["name"], "Busy")
        self.env.invalidate_all()
        [as_coach] = event.with_user(self.coach).read(["name"])
        self.assertEqual(as_coach["name"], "Entretien")
        self.assertEqual(action.phase_id, self.phases["assessment"])
        # Moving the appointment in the calendar moves the action.
        event.write(
            {"start": datetime(2025, 3, 6, 10, 0), "stop": datetime(2025, 3, 6, 11, 0)}
        )
        self.assertEqual(action.start, datetime(2025, 3, 6, 10, 0))
        self.assertEqual(action.duration, 1.0)
        # And rescheduling the action moves the appointment.
        action.start = datetime(2025, 3, 7, 10, 0)
        self.assertEqual(event.start, datetime(2025, 3, 7, 10, 0))

    @freeze_time("2025-03-03 09:00:00")
    def test_appointment_planned_in_calendar_is_logged(self):
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
        action = self.env["emploi.action"].search(
            [("calendar_event_id", "=", event.id)]
        )
        self.assertEqual(len(action), 1)
        self.assertEqual(
            (action.attendance, action.pathway_id, action.user_id),
            ("planned", self.pathway, self.coach),
        )
        self.assertEqual(self.pathway.action_count, 1)

    def test_unrecorded_past_appointment_nags_its_coach(self):
        with freeze_time("2025-03-03 09:00:00"):
            action = self._action(datetime(2025, 3, 4, 14, 0))
            self.env["emploi.action"]._cron_remind_outcome()
            self.assertFalse(action.activity_ids)
        with freeze_time("2025-03-05 08:00:00"):
            self.assertTrue(action.outcome_overdue)
            self.env["emploi.action"]._cron_remind_outcome()
            self.assertEqual(action.activity_ids.user_id, self.coach)
            # A second run does not pile up reminders.
            self.env["emploi.action"]._cron_remind_outcome()
            self.assertEqual(len(action.activity_ids), 1)
            action.with_user(self.coach).action_held()
            self.assertFalse(action.activity_ids)
            self.assertEqual(self.pathway.last_action_date, date(2025, 3, 4))

    @freeze_time("2025-03-03 09:00:00")
    def test_outcome_rules(self):
        with self.assertRaisesRegex(ValidationError, "future appointment"):
            self._action(datetime(2025, 3, 20, 9, 0), attendance="held")
        with self.assertRaisesRegex(ValidationError, "between 0 and 24"):
            self._action(datetime(2025, 3, 1, 9, 0), duration=30)
        held = self._action(datetime(2025, 3, 1, 9, 0), attendance="held")
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            held.unlink()
        planned = self._action(datetime(2025, 3, 20, 9, 0))
        planned.unlink()
        self.assertFalse(planned.exists())

    def test_title_expiry_reminder(self):
        with freeze_time("2025-01-15"):
            self.env["emploi.beneficiary"]._cron_remind_title_expiry()
            self.assertFalse(self.beneficiary.activity_ids)
            self.assertFalse(self.beneficiary.title_expires_soon)
        with freeze_time("2025-03-15"):
            self.beneficiary.invalidate_recordset(["title_expires_soon"])
            self.assertTrue(self.beneficiary.title_expires_soon)
            expiring = self.env["emploi.beneficiary"].search(
                [("title_expires_soon", "=", True)]
            )
            self.assertIn(self.beneficiary, expiring)
            self.env["emploi.beneficiary"]._cron_remind_title_expiry()
            self.env["emploi.beneficiary"]._cron_remind_title_expiry()
            activity = self.beneficiary.activity_ids
            self.assertEqual(len(activity), 1)
            self.assertEqual(activity.user_id, self.coach)
            self.assertEqual(activity.date_deadline, date(2025, 5, 31))

    def test_no_contact_reminder(self):
        with freeze_time("2024-02-01"):
            self._action(datetime(2024, 1, 20, 9, 0), attendance="held")
        with freeze_time("2024-02-15"):
            self.env["emploi.pathway"]._cron_remind_no_contact()
            self.assertFalse(self.pathway.activity_ids)
        with freeze_time("2024-02-25"):
            self.env["emploi.pathway"]._cron_remind_no_contact()
            self.assertEqual(self.pathway.activity_ids.user_id, self.coach)
