from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError

from .common import EmploiCommon


@freeze_time("2025-03-10")
class TestEmployment(EmploiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pathway = cls._pathway(cls._beneficiary("Karim Benali", coach=cls.coach))

    def test_in_employment_follows_ongoing_jobs(self):
        self.assertFalse(self.pathway.in_employment)
        ended = self._job(self.pathway, date(2024, 3, 1), date(2024, 8, 31))
        self.assertFalse(self.pathway.in_employment)
        current = self._job(self.pathway, date(2025, 1, 6))
        self.pathway.invalidate_recordset(["in_employment"])
        self.assertTrue(self.pathway.in_employment)
        self.assertTrue(self.pathway.beneficiary_id.in_employment)
        Pathway = self.env["emploi.pathway"]
        self.assertIn(self.pathway, Pathway.search([("in_employment", "=", True)]))
        self.assertNotIn(self.pathway, Pathway.search([("in_employment", "=", False)]))
        current.end_date = date(2025, 3, 9)
        self.pathway.invalidate_recordset(["in_employment"])
        self.assertFalse(self.pathway.in_employment)
        self.assertIn(self.pathway, Pathway.search([("in_employment", "=", False)]))
        self.assertTrue(ended.exists())

    def test_first_job_date_ignores_job_held_before_entry(self):
        # A job held when the person entered is not an access to employment.
        self._job(self.pathway, date(2023, 9, 1), date(2024, 2, 28))
        self.assertFalse(self.pathway.first_job_date)
        self._job(self.pathway, date(2024, 11, 4), contract=self.short_cdd)
        self._job(self.pathway, date(2024, 6, 3), date(2024, 9, 30))
        self.assertEqual(self.pathway.first_job_date, date(2024, 6, 3))
        self.assertEqual(self.pathway.beneficiary_id.first_job_date, date(2024, 6, 3))

    def test_durable_flag_comes_from_contract_type(self):
        self.assertTrue(self._job(self.pathway, date(2024, 5, 1)).is_durable)
        short = self._job(self.pathway, date(2024, 5, 1), contract=self.short_cdd)
        self.assertFalse(short.is_durable)

    def test_job_checks_and_history(self):
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self._job(self.pathway, date(2024, 5, 1), date(2024, 4, 1))
        job = self._job(self.pathway, date(2024, 5, 1))
        with self.assertRaisesRegex(ValidationError, "Weekly hours"):
            job.weekly_hours = 60
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            job.unlink()
