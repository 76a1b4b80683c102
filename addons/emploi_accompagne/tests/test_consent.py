import base64
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError

from .common import EmploiCommon


class TestConsent(EmploiCommon):
    """Each pathway records its consent: date, who gave it, on which notice,
    the signed notice; sharing with each partner has its own agreement."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.platform.write(
            {"emploi_notice_version": "2026-1", "emploi_dpo_contact": "dpo@example.org"}
        )
        cls.tutor = cls.env["res.partner"].create({"name": "UDAF du Rhône"})
        cls.person = cls._beneficiary(
            "Alix Consent", coach=cls.coach, consent_date=date(2024, 1, 2)
        )

    def _close(self, pathway, exit_date):
        pathway.write(
            {
                "state": "closed",
                "exit_date": exit_date,
                "exit_reason_id": self.reason_stabilised.id,
            }
        )

    def _print_notices(self, user):
        """The standard and the easy-to-read notices of a new pathway, as HTML."""
        pathway = self._pathway(self.person)
        Report = self.env["ir.actions.report"].with_user(user)
        return [
            Report._render_qweb_html(report, pathway.ids)[0].decode()
            for report in (
                "emploi_accompagne.action_report_information_notice",
                "emploi_accompagne.action_report_information_notice_easy_read",
            )
        ]

    def test_each_pathway_records_its_own_consent(self):
        first = self._pathway(self.person)
        self.assertEqual(
            (first.consent_date, first.consent_by, first.consent_notice_version),
            (date(2024, 1, 2), "person", "2026-1"),
        )
        self._close(first, date(2024, 6, 30))
        # A re-entry a year later: the person signs the notice again, this
        # time with their new guardian; the file tells the latest consent.
        self.person.write(
            {
                "legal_protection": "guardianship",
                "legal_representative_id": self.tutor.id,
            }
        )
        second = self._pathway(
            self.person,
            entry_date=date(2025, 9, 1),
            consent_date=date(2025, 8, 28),
            consent_by="representative",
            consent_notice="easy_read",
        )
        self.assertEqual(
            (self.person.consent_date, self.person.consent_by),
            (date(2025, 8, 28), "representative"),
        )
        self.assertEqual(first.consent_date, date(2024, 1, 2), "History stays.")
        second.with_user(self.coach).consent_document = base64.b64encode(b"%PDF")
        self.assertTrue(second.consent_document)
        # A consent is given before the support it allows, never after.
        with self.assertRaisesRegex(ValidationError, "on or before the entry date"):
            second.with_user(self.coach).consent_date = date(2025, 9, 2)
        with self.assertRaisesRegex(ValidationError, "on or before the entry date"):
            self.person.with_user(self.coach).consent_date = date(2025, 9, 2)
        with self.assertRaisesRegex(ValidationError, "dated in the future"):
            with freeze_time("2025-10-01"):
                second.with_user(self.coach).consent_date = date(2025, 10, 2)

    def test_a_representative_consent_needs_the_representative(self):
        person = self._beneficiary("Sam Représenté", coach=self.coach)
        with self.assertRaisesRegex(ValidationError, "record the representative"):
            self._pathway(person, consent_by="representative")

    def test_the_withdrawal_is_dated_on_the_pathway(self):
        pathway = self._pathway(self.person)
        with self.assertRaises(AccessError):
            pathway.with_user(self.secretary).action_withdraw_consent()
        with freeze_time("2025-03-04"):
            pathway.with_user(self.coach).action_withdraw_consent()
        self.assertEqual(pathway.consent_withdrawn_date, date(2025, 3, 4))
        self.assertEqual(pathway.state, "closed")
        with self.assertRaises(UserError):
            pathway.with_user(self.manager).consent_withdrawn_date = False

    def test_the_signed_notice_goes_with_the_anonymisation(self):
        pathway = self._pathway(self.person)
        pathway.write(
            {
                "consent_document": base64.b64encode(b"%PDF-1.4 notice"),
                "consent_document_name": "notice-alix.pdf",
            }
        )
        self._close(pathway, date(2024, 3, 10))
        self.person._anonymise("test")
        self.assertFalse(pathway.consent_document)
        self.assertFalse(pathway.consent_document_name)
        self.assertFalse(
            self.env["ir.attachment"].search(
                [
                    ("res_model", "=", "emploi.pathway"),
                    ("res_id", "=", pathway.id),
                    ("res_field", "=", "consent_document"),
                ]
            )
        )
        self.assertEqual(pathway.consent_date, date(2024, 1, 2))

    def test_the_information_notice_prints_in_two_versions(self):
        standard, easy = self._print_notices(self.secretary)
        for html in (standard, easy):
            for expected in ("Alix Consent", "Plateforme A", "2026-1", "24"):
                self.assertIn(expected, html)
        self.assertIn("dpo@example.org", standard)
        self.assertIn("www.cnil.fr", standard)
        self.assertIn("You can say stop at any time", easy)
        self.assertNotIn("article L. 5213-2-1", easy)

    def test_the_information_notice_prints_in_french(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"].search(
            [("name", "=", "emploi_accompagne")]
        )._update_translations(["fr_FR"])
        self.person.partner_id.lang = "fr_FR"
        standard, easy = self._print_notices(self.coach)
        self.assertIn("Vos droits", standard)
        self.assertIn("Vous pouvez dire stop", easy)

    def test_sharing_with_each_partner_has_its_own_agreement(self):
        prescriber = self.env["res.partner"].create(
            {"name": "France Travail Lyon", "is_company": True}
        )
        Disclosure = self.env["emploi.disclosure"].with_user(self.coach)
        with_prescriber = Disclosure.create(
            {
                "beneficiary_id": self.person.id,
                "recipient_kind": "prescriber",
                "partner_id": prescriber.id,
                "date": date(2024, 1, 10),
                "disclose_progress": True,
            }
        )
        with_employer = Disclosure.create(
            {
                "beneficiary_id": self.person.id,
                "partner_id": self.employer.id,
                "date": date(2024, 2, 1),
            }
        )
        # Each partner's agreement stands on its own.
        self.assertTrue(with_prescriber.active and with_employer.active)
        agreed = Disclosure._agreed(self.person, prescriber | self.employer)
        self.assertEqual(agreed[self.person, prescriber], with_prescriber)
        self.assertIn("the progress of the support", with_prescriber._summary())
        self.assertIn("shares nothing", with_employer._summary())
        self.assertEqual(
            self.person.with_user(self.coach).disclosure_ids,
            with_prescriber | with_employer,
        )
        # The secretariat reads neither.
        with self.assertRaises(AccessError):
            self.person.with_user(self.secretary).read(["disclosure_ids"])
