import base64
import io
import json
import zipfile
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError

from .test_referral import ReferralCommon


class TestRetention(ReferralCommon):
    """Files are anonymised 24 months after the last contact (CNIL), dates set
    by hand: a pathway closed on 10 March 2024 is anonymised from 11 March
    2026, not on the 10th."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls._beneficiary(
            "Camille Oubli",
            coach=cls.coach,
            birthdate=date(1990, 5, 17),
            legal_representative_id=cls.advisor.id,
            consent_date=date(2023, 1, 2),
        )
        cls.person.partner_id.write(
            {"email": "camille@example.com", "phone": "0601020304", "city": "Lyon"}
        )
        cls.pathway = cls._closed_pathway(cls.person)
        cls.action = cls.env["emploi.action"].create(
            {
                "name": "Entretien avec Camille",
                "pathway_id": cls.pathway.id,
                "action_type_id": cls.interview.id,
                "start": datetime(2024, 2, 1, 9, 0),
                "attendance": "held",
                "note": "<p>Fatigue, suivi CMP</p>",
            }
        )
        cls.agreement = cls.env["emploi.support.agreement"].create(
            {
                "pathway_id": cls.pathway.id,
                "date_start": date(2023, 1, 20),
                "objectives": "<p>Reprendre un emploi malgré la fatigue</p>",
                "date_signed_person": date(2023, 1, 22),
                "date_signed_platform": date(2023, 1, 22),
            }
        )
        cls.agreement.action_signed()
        cls.pathway.message_post(body="Point d'étape avec Camille")
        cls.env["ir.attachment"].create(
            {
                "name": "cv-camille.pdf",
                "raw": b"%PDF-1.4",
                "res_model": "emploi.pathway",
                "res_id": cls.pathway.id,
            }
        )
        cls.kept = cls._beneficiary(
            "Dominique Gardé", coach=cls.coach, consent_date=date(2023, 1, 2)
        )
        cls._closed_pathway(cls.kept)
        cls.kept.sudo().write(
            {"keep_until": date(2027, 3, 10), "keep_reason": "Litige"}
        )
        cls.followed = cls._beneficiary(
            "Sacha Suivi", coach=cls.coach, consent_date=date(2023, 1, 2)
        )
        cls._pathway(cls.followed, entry_date=date(2023, 1, 10))

    @classmethod
    def _closed_pathway(cls, person):
        pathway = cls._pathway(person, entry_date=date(2023, 1, 10))
        pathway.write(
            {
                "state": "closed",
                "exit_date": date(2024, 3, 10),
                "exit_reason_id": cls.reason_stabilised.id,
            }
        )
        return pathway

    def test_the_day_is_computed_from_the_last_contact(self):
        self.assertEqual(self.person.last_contact_date, date(2024, 3, 10))
        self.assertEqual(self.person.anonymisation_date, date(2026, 3, 11))
        self.assertEqual(self.kept.anonymisation_date, date(2027, 3, 11))

    def test_the_managers_list_shows_the_files_due_within_30_days(self):
        Files = self.env["emploi.beneficiary"].with_user(self.manager)
        self.assertNotIn(
            self.person, Files.search([("anonymisation_date", "<=", date(2026, 3, 10))])
        )
        due = Files.search([("anonymisation_date", "<=", date(2026, 3, 11))])
        # The kept file waits a year more; the followed one has an open pathway.
        self.assertIn(self.person, due)
        self.assertNotIn(self.kept, due)
        self.assertNotIn(self.followed, due)
        with self.assertRaises(UserError):
            Files.search([("anonymisation_date", "like", "2026")])

    def test_a_day_short_nothing_happens(self):
        with freeze_time("2026-03-10"):
            self.env["emploi.beneficiary"]._cron_anonymise()
        self.assertFalse(self.person.anonymised_date)
        self.assertEqual(self.person.name, "Camille Oubli")
        # The managers were told a month ahead.
        self.assertEqual(
            self.person.activity_ids.activity_type_id,
            self.env.ref("emploi_accompagne.mail_activity_anonymisation"),
        )

    def test_two_years_and_a_day_after_the_file_is_anonymised(self):
        with freeze_time("2026-03-11"):
            self.env["emploi.beneficiary"]._cron_anonymise()
        person = self.person.with_context(active_test=False)
        self.assertEqual(person.anonymised_date, date(2026, 3, 11))
        self.assertEqual(person.anonymisation_reason, "retention period over")
        partner = person.partner_id
        self.assertEqual(partner.name, f"Anonymised person {person.id}")
        self.assertEqual(
            (partner.email, partner.phone, partner.city, partner.active),
            (False, False, False, False),
        )
        self.assertEqual(person.birthdate, date(1990, 1, 1))
        # Born 17 May 1990, entered 10 January 2023: 32, not the 33 that
        # 1 January 1990 would give.
        self.assertEqual(self.pathway.entry_age, 32)
        self.assertFalse(person.legal_representative_id)
        self.assertEqual(self.action.name, self.interview.name)
        self.assertFalse(self.agreement.objectives)
        self.assertEqual(self.agreement.state, "signed")
        self.assertFalse(self.action.note)
        self.assertFalse(
            self.env["mail.message"].search(
                [("model", "=", "emploi.pathway"), ("res_id", "=", self.pathway.id)]
            )
        )
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", "emploi.pathway"), ("res_id", "=", self.pathway.id)]
            )
        )
        # What the figures need stays.
        self.assertEqual(
            (self.pathway.entry_date, self.pathway.exit_date, self.action.date),
            (date(2023, 1, 10), date(2024, 3, 10), date(2024, 2, 1)),
        )
        self.assertEqual(self.action.attendance, "held")
        # Nothing brings it back, and nobody marks a file anonymised by hand.
        with self.assertRaisesRegex(UserError, "recorded by their buttons only"):
            self.kept.with_user(self.manager).anonymised_date = date(2026, 3, 11)
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            person.with_user(self.manager).birthdate = date(1990, 5, 17)
        # The kept file and the followed one are untouched.
        self.assertFalse(self.kept.anonymised_date)
        self.assertFalse(self.followed.anonymised_date)

    def test_an_intermediate_archive_hides_the_file_then_anonymises_it(self):
        self.platform.emploi_archive_months = 6
        self.assertEqual(self.person.anonymisation_date, date(2026, 9, 11))
        Files = self.env["emploi.beneficiary"].with_context(active_test=False)
        with freeze_time("2026-03-10"):
            Files._cron_anonymise()
        self.assertFalse(self.person.archive_date)
        with freeze_time("2026-03-11"):
            Files._cron_anonymise()
        person = self.person.with_context(active_test=False)
        self.assertEqual(
            (person.archive_date, person.active), (date(2026, 3, 11), False)
        )
        self.assertFalse(person.anonymised_date)
        self.assertEqual(person.name, "Camille Oubli")
        # Out of the active base: the coach and the secretariat lose it.
        for user in (self.coach, self.secretary):
            self.assertFalse(Files.with_user(user).search([("id", "=", person.id)]))
            with self.assertRaises(AccessError):
                person.with_user(user).read(["name"])
            with self.assertRaises(AccessError):
                self.pathway.with_user(user).read(["entry_date"])
        with self.assertRaises(AccessError):
            self.action.with_user(self.coach).read(["name"])
        # The managers read it, nobody changes it.
        self.assertEqual(person.with_user(self.manager).name, "Camille Oubli")
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            person.with_user(self.manager).gender = "male"
        with self.assertRaisesRegex(UserError, "recorded by their buttons only"):
            self.kept.with_user(self.manager).archive_date = date(2026, 3, 11)
        due = Files.with_user(self.manager).search(
            [("anonymisation_date", "<=", date(2026, 9, 11))]
        )
        self.assertIn(person, due)
        with freeze_time("2026-09-10"):
            Files._cron_anonymise()
        self.assertFalse(person.anonymised_date)
        with freeze_time("2026-09-11"):
            Files._cron_anonymise()
        self.assertEqual(person.anonymised_date, date(2026, 9, 11))

    def test_preview_keep_and_erase(self):
        wizard = (
            self.env["emploi.anonymisation.wizard"]
            .with_user(self.manager)
            .create({"beneficiary_id": self.person.id, "reason": "Litige en cours"})
        )
        self.assertIn("1 × Support action", wizard.preview)
        self.assertIn("Subject", wizard.preview)
        self.assertFalse(self.person.anonymised_date, "A preview erases nothing.")
        with freeze_time("2026-03-01"):
            wizard.action_keep()
        self.assertEqual(self.person.sudo().keep_until, date(2027, 3, 11))
        self.assertEqual(self.person.anonymisation_date, date(2027, 3, 12))
        erase = (
            self.env["emploi.anonymisation.wizard"]
            .with_user(self.manager)
            .create(
                {
                    "beneficiary_id": self.kept.id,
                    "reason": "Demande d'effacement du 2 mars 2026",
                }
            )
        )
        erase.action_erase()
        self.assertTrue(self.kept.anonymised_date)
        self.assertEqual(
            self.kept.anonymisation_reason, "Demande d'effacement du 2 mars 2026"
        )

    def test_a_referral_without_support_keeps_only_its_counts(self):
        refused = self._referral("Léo", "Refusé", referral_date=date(2025, 8, 1))
        refused.action_mark_ready()
        self._committee(date=datetime(2025, 9, 1, 9, 0)).action_build_agenda()
        self._decide(
            refused,
            "refused",
            decision_date=date(2025, 9, 1),
            reason_id=self.env.ref(
                "emploi_accompagne.emploi_referral_reason_refused_out_of_area"
            ).id,
        )
        with freeze_time("2026-03-01"):
            self.env["emploi.referral"]._cron_purge_unadmitted()
        self.assertEqual(refused.lastname, "Refusé")
        with freeze_time("2026-03-02"):
            self.env["emploi.referral"]._cron_purge_unadmitted()
        self.assertEqual(refused.person_name, f"Anonymised {refused.name}")
        self.assertFalse(refused.email)
        self.assertEqual(refused.birthdate, date(1995, 1, 1))
        self.assertEqual(
            (refused.state, refused.referral_date, refused.decision_date),
            ("refused", date(2025, 8, 1), date(2025, 9, 1)),
        )

    def test_the_export_holds_the_person_and_nobody_else(self):
        with self.assertRaises(AccessError):
            self.person.with_user(self.coach).action_export_file()
        action = self.person.with_user(self.manager).action_export_file()
        export = self.env["emploi.file.export"].browse(int(action["url"].split("/")[4]))
        self.assertEqual(export.beneficiary_id, self.person)
        # Not an attachment of the file, which its other readers would reach.
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", self.person._name), ("res_id", "=", self.person.id)]
            )
        )
        with self.assertRaises(AccessError):
            export.with_user(self.secretary).read(["data"])
        with zipfile.ZipFile(io.BytesIO(base64.b64decode(export.data))) as archive:
            names = set(archive.namelist())
            self.assertLessEqual(
                {
                    "file.pdf",
                    "data.json",
                    "emploi.beneficiary.csv",
                    "emploi.action.csv",
                },
                names,
            )
            self.assertIn(
                f"attachments/emploi.pathway-{self.pathway.id}-cv-camille.pdf", names
            )
            data = json.loads(archive.read("data.json"))
            everything = "".join(
                archive.read(name).decode(errors="ignore") for name in names
            )
        [file_row] = data["Supported employment beneficiary"]
        self.assertEqual(file_row["Name"], "Camille Oubli")
        self.assertEqual(file_row["Date of birth"], "1990-05-17")
        [action_row] = data["Support action"]
        self.assertEqual(action_row["Subject"], "Entretien avec Camille")
        self.assertIn("Fatigue, suivi CMP", action_row["Note"])
        self.assertIn("Point d'étape avec Camille", everything)
        for other in ("Dominique Gardé", "Sacha Suivi"):
            self.assertNotIn(other, everything)

    def test_a_withdrawn_consent_stops_the_processing(self):
        person = self._beneficiary(
            "Noa Retrait", coach=self.coach, consent_date=date(2023, 1, 2)
        )
        pathway = self._pathway(person, entry_date=date(2023, 1, 10))
        with freeze_time("2025-06-02"):
            person.with_user(self.coach).action_withdraw_consent()
        self.assertEqual(person.consent_withdrawn_date, date(2025, 6, 2))
        self.assertEqual(
            (pathway.state, pathway.exit_date, pathway.exit_reason_id.code),
            ("closed", date(2025, 6, 2), "withdrawal"),
        )
        for user in (self.coach, self.manager):
            with self.assertRaisesRegex(UserError, "can no longer be changed"):
                person.with_user(user).gender = "male"
            with self.assertRaisesRegex(UserError, "can no longer be changed"):
                pathway.with_user(user).phase_id = self.phases["job_search"]
            with self.assertRaisesRegex(UserError, "can no longer be changed"):
                self.env["emploi.action"].with_user(user).create(
                    {
                        "name": "Relance",
                        "pathway_id": pathway.id,
                        "action_type_id": self.interview.id,
                    }
                )
        # Kept two years after the withdrawal, then anonymised.
        self.assertEqual(person.anonymisation_date, date(2027, 6, 3))
        with freeze_time("2027-06-03"):
            self.env["emploi.beneficiary"]._cron_anonymise()
        self.assertTrue(person.anonymised_date)

    def test_a_manager_reaches_the_files_of_their_platforms_only(self):
        foreign = self._beneficiary(
            "Hors Plateforme",
            company=self.other_platform,
            coach=self.foreign_coach,
            consent_date=date(2023, 1, 2),
        )
        wizard = (
            self.env["emploi.anonymisation.wizard"]
            .with_user(self.manager)
            .create({"beneficiary_id": foreign.id, "reason": "Essai"})
        )
        with self.assertRaises(AccessError):
            wizard.action_erase()
        with self.assertRaises(AccessError):
            wizard.action_keep()
        with self.assertRaises(AccessError):
            foreign.with_user(self.manager).action_export_file()
        self.assertFalse(foreign.anonymised_date)
