from datetime import date, datetime

from .common import EmploiCommon


class TestLocalDates(EmploiCommon):
    """A support action is dated in the platform's time zone (its working
    schedule's), not in UTC: the figures of a year start at midnight there."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.platform.resource_calendar_id.tz = "Europe/Paris"
        person = cls._beneficiary("Inès Minuit", coach=cls.coach)
        cls.pathway = cls._pathway(person, entry_date=date(2025, 1, 6))

    def _action(self, start):
        return self.env["emploi.action"].create(
            {
                "name": "Entretien",
                "pathway_id": self.pathway.id,
                "action_type_id": self.interview.id,
                "start": start,
            }
        )

    def test_an_appointment_after_midnight_belongs_to_the_new_year(self):
        # 00:30 on 1 January 2026 in Paris is 23:30 on 31 December in UTC.
        new_year = self._action(datetime(2025, 12, 31, 23, 30))
        self.assertEqual(new_year.date, date(2026, 1, 1))
        # 23:59 on 31 December in Paris stays in 2025.
        last = self._action(datetime(2025, 12, 31, 22, 59))
        self.assertEqual(last.date, date(2025, 12, 31))

    def test_a_platform_overseas_dates_in_its_own_time_zone(self):
        action = self._action(datetime(2025, 12, 31, 20, 30))
        self.assertEqual(action.date, date(2025, 12, 31))
        # La Réunion is 4 hours ahead of UTC: 00:30 on 1 January there.
        self.platform.resource_calendar_id.tz = "Indian/Reunion"
        self.assertEqual(action.date, date(2026, 1, 1))
