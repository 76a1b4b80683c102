from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form

from .common import EmploiCommon


class TestPathway(EmploiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.beneficiary = cls._beneficiary("Alice Martin", coach=cls.coach)

    def test_new_pathway_starts_in_assessment_with_a_reference(self):
        pathway = self._pathway(self.beneficiary)
        self.assertEqual(pathway.phase_id, self.phases["assessment"])
        self.assertEqual(pathway.state, "active")
        self.assertTrue(pathway.name.startswith("PAR/"))
        self.assertEqual(pathway.coach_id, self.coach)
        self.assertEqual(self.beneficiary.current_pathway_id, pathway)

    def test_phase_change_stamps_date_and_is_tracked(self):
        with freeze_time("2024-03-01"):
            pathway = self._pathway(self.beneficiary)
            tracked = self._tracked(
                pathway, {"phase_id": self.phases["career_plan"].id}, "phase_id"
            )
        self.assertEqual(pathway.date_phase_start, date(2024, 3, 1))
        with freeze_time("2024-03-11"):
            pathway.invalidate_recordset(["days_in_phase"])
            self.assertEqual(pathway.days_in_phase, 10)
        self.assertEqual(tracked.old_value_char, "Assessment")
        self.assertEqual(tracked.new_value_char, "Career plan")

    def test_pause_is_not_an_exit(self):
        pathway = self._pathway(self.beneficiary)
        pathway.action_pause()
        self.assertEqual(pathway.state, "paused")
        self.assertFalse(pathway.exit_date)
        pathway.action_resume()
        self.assertEqual(pathway.state, "active")

    def test_close_with_wizard_then_reenter(self):
        pathway = self._pathway(self.beneficiary)
        action = pathway.action_close()
        wizard_form = Form(
            self.env[action["res_model"]].with_context(**action["context"])
        )
        wizard_form.exit_date = date(2025, 6, 30)
        wizard_form.exit_reason_id = self.reason_stabilised
        wizard_form.exit_situation = "employed_durable"
        wizard_form.save().action_confirm()
        self.assertEqual(pathway.state, "closed")
        self.assertEqual(pathway.exit_date, date(2025, 6, 30))
        self.assertEqual(pathway.duration_days, 532)

        reentry = self._pathway(self.beneficiary, entry_date=date(2026, 1, 5))
        self.assertTrue(reentry.is_reentry)
        self.assertFalse(pathway.is_reentry)
        self.assertEqual(self.beneficiary.pathway_count, 2)
        self.assertEqual(self.beneficiary.current_pathway_id, reentry)

    def test_exit_rules(self):
        pathway = self._pathway(self.beneficiary)
        with self.assertRaisesRegex(ValidationError, "exit date and reason"):
            pathway.state = "closed"
        with self.assertRaisesRegex(ValidationError, "before the entry date"):
            pathway.write(
                {
                    "state": "closed",
                    "exit_date": date(2023, 1, 1),
                    "exit_reason_id": self.reason_stabilised.id,
                }
            )
        with self.assertRaisesRegex(ValidationError, "Only a closed pathway"):
            pathway.exit_date = date(2025, 1, 1)

    def test_only_one_open_pathway(self):
        self._pathway(self.beneficiary)
        with self.assertRaisesRegex(ValidationError, "already has an open pathway"):
            self._pathway(self.beneficiary, entry_date=date(2024, 6, 1))
        with self.assertRaisesRegex(UserError, "already has an open pathway"):
            self.beneficiary.action_new_pathway()

    def test_history_is_archived_not_deleted(self):
        pathway = self._pathway(self.beneficiary)
        with self.assertRaisesRegex(UserError, "archive it"):
            pathway.unlink()
        with self.assertRaisesRegex(UserError, "archive it"):
            self.beneficiary.unlink()
        self.beneficiary.action_archive()
        pathway.action_archive()
        self.assertFalse(self.beneficiary.active)
        self.assertTrue(pathway.exists())
        # A file opened by mistake, with no pathway, may be deleted.
        mistake = self._beneficiary("Erreur De Saisie")
        mistake.unlink()
        self.assertFalse(mistake.exists())

    def test_coach_reassignment_is_tracked(self):
        tracked = self._tracked(
            self.beneficiary, {"coach_id": self.other_coach.id}, "coach_id"
        )
        self.assertEqual(tracked.old_value_integer, self.coach.id)
        self.assertEqual(tracked.new_value_integer, self.other_coach.id)
