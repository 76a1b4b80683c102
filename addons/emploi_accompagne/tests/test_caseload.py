from odoo.exceptions import ValidationError
from odoo.tests import users, warmup

from .common import EmploiCommon


class TestCaseload(EmploiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.platform.emploi_caseload_target = 3
        for index in range(4):
            cls._pathway(cls._beneficiary(f"Personne {index}", coach=cls.coach))
        paused = cls._pathway(cls._beneficiary("En Veille", coach=cls.other_coach))
        paused.action_pause()
        closed = cls._pathway(cls._beneficiary("Sortie", coach=cls.other_coach))
        closed.write(
            {
                "state": "closed",
                "exit_date": "2024-12-31",
                "exit_reason_id": cls.reason_stabilised.id,
            }
        )

    def _caseload(self, user):
        return self.env["emploi.caseload"].search(
            [("user_id", "=", user.id), ("company_id", "=", self.platform.id)]
        )

    def test_figures_against_target(self):
        full = self._caseload(self.coach)
        self.assertEqual(
            (full.active_count, full.paused_count, full.caseload), (4, 0, 4)
        )
        self.assertEqual((full.target, full.available), (3, -1))
        self.assertTrue(full.above_target)
        self.assertAlmostEqual(full.load, 133.33, places=2)

        light = self._caseload(self.other_coach)
        # The paused pathway counts, the closed one does not.
        self.assertEqual((light.active_count, light.paused_count), (0, 1))
        self.assertEqual(light.available, 2)
        self.assertFalse(light.above_target)

    def test_coach_without_people_can_take_the_next_admission(self):
        newcomer = self._new_user("coach", self.platform, login="coach_new")
        free = self._caseload(newcomer)
        self.assertEqual((free.caseload, free.available), (0, 3))
        available = self.env["emploi.caseload"].search(
            [("company_id", "=", self.platform.id), ("available", ">", 0)]
        )
        # Most places first: the newcomer, then the coach in light follow-up.
        self.assertEqual(available[:2].user_id, newcomer | self.other_coach)
        self.assertEqual(available[0].user_id, newcomer)

    def test_coach_sees_own_caseload_only(self):
        rows = self.env["emploi.caseload"].with_user(self.coach).search([])
        self.assertEqual(rows.user_id, self.coach)
        rows = self.env["emploi.caseload"].with_user(self.manager).search([])
        self.assertLessEqual(self.coach | self.other_coach, rows.user_id)


class TestListQueryCounts(EmploiCommon):
    """The caseload and beneficiary lists do not grow in queries with rows."""

    def _read_lists(self):
        self.env.flush_all()
        self.env.invalidate_all()
        caseload = self.env["emploi.caseload"]
        caseload.web_search_read(
            [], {f: {} for f in ("user_id", "company_id", "caseload", "available")}
        )
        beneficiary = self.env["emploi.beneficiary"]
        beneficiary.web_search_read(
            [],
            {
                f: {}
                for f in (
                    "name",
                    "age",
                    "coach_id",
                    "phase_id",
                    "pathway_state",
                    "boeth_expiry_date",
                    "title_expires_soon",
                    "first_job_date",
                    "company_id",
                )
            },
        )

    def _add_people(self, count, start):
        for index in range(start, start + count):
            self._pathway(self._beneficiary(f"Personne {index}", coach=self.coach))

    @users("manager")
    @warmup
    def test_query_count_independent_of_rows(self):
        self._add_people(2, 0)
        self._read_lists()
        start = self.cr.sql_log_count
        self._read_lists()
        small = self.cr.sql_log_count - start
        self._add_people(20, 2)
        with self.assertQueryCount(manager=small):
            self._read_lists()


class TestSettings(EmploiCommon):
    def test_settings_must_be_positive(self):
        with self.assertRaisesRegex(ValidationError, "positive"):
            self.platform.emploi_caseload_target = 0
        with self.assertRaisesRegex(ValidationError, "positive"):
            self.platform.emploi_no_contact_days = -5
