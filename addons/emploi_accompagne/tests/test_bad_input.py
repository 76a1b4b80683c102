from datetime import date

import psycopg2
from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tools import mute_logger

from .test_referral import ReferralCommon


@freeze_time("2025-03-10")
class TestBadInput(ReferralCommon):
    """Bad input gets a clear message and changes nothing."""

    def test_consent_cannot_be_given_in_the_future(self):
        with self.assertRaisesRegex(ValidationError, "consent of Julie Moreau"):
            self._referral(consent_date=date(2025, 3, 11))
        person = self._beneficiary("Lina Petit", coach=self.coach)
        with self.assertRaisesRegex(ValidationError, "consent of Lina Petit"):
            person.consent_date = date(2025, 4, 1)
        self.assertEqual(person.consent_date, date(2024, 1, 2))

    def test_a_decision_cannot_come_before_the_referral(self):
        referral = self._referral(referral_date=date(2025, 3, 5))
        referral.action_mark_ready()
        self._committee().action_build_agenda()
        with self.assertRaisesRegex(
            ValidationError, "cannot come before it was received"
        ):
            self._decide(referral, "waiting_list", waiting_priority="2")
        self.assertEqual(referral.state, "scheduled")

    def test_a_coach_of_another_platform_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "does not work for the platform"):
            self._beneficiary("Lina Petit", coach=self.foreign_coach)

    def test_one_open_pathway_a_person_in_the_database(self):
        person = self._beneficiary("Lina Petit", coach=self.coach)
        first = self._pathway(person)
        first.write(
            {
                "state": "closed",
                "exit_date": date(2024, 6, 1),
                "exit_reason_id": self.reason_stabilised.id,
            }
        )
        self._pathway(person, entry_date=date(2024, 9, 1))
        self.env.flush_all()
        # Two requests at once pass the Python check; the database does not.
        with (
            self.assertRaises(psycopg2.errors.ExclusionViolation),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self.cr.execute("SET CONSTRAINTS emploi_pathway_one_open_pathway IMMEDIATE")
            self.cr.execute(
                "UPDATE emploi_pathway SET state = 'active' WHERE id = %s", [first.id]
            )

    def test_references_are_given_by_the_platform(self):
        taken = self._referral()
        typed = (
            self.env["emploi.referral"]
            .with_user(self.secretary)
            .create(
                {
                    "name": taken.name,
                    "firstname": "Tom",
                    "lastname": "Copie",
                    "prescriber_type": "cap_emploi",
                }
            )
        )
        self.assertNotEqual(typed.name, taken.name)
        self.assertTrue(typed.name.startswith(taken.name[:4]))
        with self.assertRaisesRegex(UserError, "References are given by the platform"):
            typed.with_user(self.secretary).name = taken.name
        pathway = self._pathway(self._beneficiary("Lina Petit", coach=self.coach))
        with self.assertRaisesRegex(UserError, "References are given by the platform"):
            pathway.with_user(self.coach).name = "PAR-0001"
