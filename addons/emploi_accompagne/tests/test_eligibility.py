from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tools import mute_logger

from .common import EmploiCommon


class TestEligibility(EmploiCommon):
    def test_entry_before_16_is_refused(self):
        young = self._beneficiary("Léa Jeune", birthdate=date(2008, 3, 1))
        with self.assertRaisesRegex(ValidationError, "under 16"):
            self._pathway(young, entry_date=date(2024, 2, 29))
        # The day after her 16th birthday she may enter.
        self.assertTrue(self._pathway(young, entry_date=date(2024, 3, 1)))

    def test_birthdate_change_rechecks_entry_age(self):
        beneficiary = self._beneficiary("Paul Erreur")
        self._pathway(beneficiary)
        with self.assertRaisesRegex(ValidationError, "under 16"):
            beneficiary.birthdate = date(2010, 1, 1)

    def test_title_is_required(self):
        beneficiary = self._beneficiary("Sans Titre", boeth_title=False)
        with self.assertRaisesRegex(ValidationError, "no employment obligation title"):
            self._pathway(beneficiary)

    def test_expired_title_is_refused(self):
        beneficiary = self._beneficiary(
            "Titre Expiré", boeth_expiry_date=date(2023, 12, 31)
        )
        with self.assertRaisesRegex(ValidationError, "expired on"):
            self._pathway(beneficiary)

    def test_consent_is_required_before_entry(self):
        no_consent = self._beneficiary("Sans Consentement", consent_date=False)
        with self.assertRaisesRegex(ValidationError, "consent"):
            self._pathway(no_consent)
        late = self._beneficiary("Consentement Tardif", consent_date=date(2024, 2, 1))
        with self.assertRaisesRegex(ValidationError, "consent"):
            self._pathway(late)

    def test_title_dates_and_birthdate_are_checked(self):
        with self.assertRaisesRegex(ValidationError, "expires before"):
            self._beneficiary(
                "Dates Inversées",
                boeth_decision_date=date(2024, 1, 1),
                boeth_expiry_date=date(2023, 1, 1),
            )
        with self.assertRaisesRegex(ValidationError, "in the future"):
            self._beneficiary("Pas Encore Né", birthdate=date(2999, 1, 1))

    def test_representative_consent_needs_a_representative(self):
        with self.assertRaisesRegex(ValidationError, "legal representative"):
            self._beneficiary("Sous Curatelle", consent_by="representative")
        with self.assertRaisesRegex(ValidationError, "legal representative"):
            self._beneficiary("Sous Tutelle", legal_protection="guardianship")
        tutor = self.env["res.partner"].create({"name": "UDAF du Rhône"})
        protected = self._beneficiary(
            "Sous Tutelle",
            legal_protection="guardianship",
            legal_representative_id=tutor.id,
        )
        self.assertEqual(protected.legal_representative_id, tutor)

    def test_title_and_consent_stay_valid_for_the_pathways(self):
        beneficiary = self._beneficiary("Titre Retiré")
        self._pathway(beneficiary)
        with self.assertRaisesRegex(ValidationError, "no employment obligation title"):
            beneficiary.boeth_title = False
        with self.assertRaisesRegex(ValidationError, "consent"):
            beneficiary.consent_date = date(2024, 6, 1)
        with self.assertRaisesRegex(ValidationError, "expired on"):
            beneficiary.boeth_expiry_date = date(2023, 12, 31)

    def test_one_file_per_person_and_platform(self):
        beneficiary = self._beneficiary("Double Dossier")
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self.env["emploi.beneficiary"].create(
                {
                    "partner_id": beneficiary.partner_id.id,
                    "company_id": self.platform.id,
                    "birthdate": date(1990, 1, 1),
                    "gender": "male",
                }
            )
