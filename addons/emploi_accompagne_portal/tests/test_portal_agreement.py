from datetime import date, timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError

from .common import SIGNATURE, AgreementCommon


class TestAgreementSignature(AgreementCommon):
    def test_the_coach_sends_personal_links_that_stay_out_of_the_chatter(self):
        self.agreement.with_user(self.coach).action_sign_online()
        person, employer = self._requests().sorted("party", reverse=True)
        self.assertEqual(
            (person.party, person.partner_id),
            ("person", self.agreement.beneficiary_id.partner_id),
        )
        self.assertEqual(
            (employer.party, employer.partner_id), ("employer", self.signatory)
        )
        self.assertEqual(person.expiry_date, fields.Date.today() + timedelta(days=14))
        mails = self.env["mail.mail"].search(
            [("recipient_ids", "in", self.signatory.ids)]
        )
        self.assertIn(employer.access_token, mails.body_html)
        self.assertNotIn(person.access_token, mails.body_html)
        chatter = " ".join(self.agreement.message_ids.mapped("body"))
        self.assertIn("Signature link sent to", chatter)
        for request in (person, employer):
            self.assertNotIn(request.access_token, chatter)
        self.assertIn("link sent, valid until", self.agreement.online_signature_status)
        # Sending again withdraws the links not used.
        self.agreement.with_user(self.coach).action_sign_online()
        self.assertFalse(person.active)
        self.assertFalse(person._can_sign())

    def test_links_need_an_email_and_a_version_sent_for_signature(self):
        self.signatory.email = False
        with self.assertRaisesRegex(UserError, "Paul Patron has no e-mail"):
            self.agreement.with_user(self.coach).action_sign_online()
        self.agreement.action_back_to_draft()
        with self.assertRaisesRegex(UserError, "for signature first"):
            self.agreement.with_user(self.coach).action_sign_online()
        with self.assertRaises(UserError):
            self.agreement.with_user(self.foreign_coach).action_sign_online()

    def test_both_signatures_lock_the_version_and_keep_the_signed_copy(self):
        self.agreement.with_user(self.coach).action_sign_online()
        person, employer = self._requests().sorted("party", reverse=True)
        person._sign("Léa Signataire", SIGNATURE)
        self.assertEqual(self.agreement.date_signed_person, fields.Date.today())
        self.assertEqual(self.agreement.state, "to_sign")
        self.assertFalse(person.signed_copy_id)
        with self.assertRaisesRegex(UserError, "can no longer be signed"):
            person._sign("Léa Signataire", SIGNATURE)
        employer._sign("Paul Patron", SIGNATURE)
        self.assertEqual(self.agreement.state, "signed")
        self.assertEqual(self.agreement.date_signed_employer, fields.Date.today())
        for request in (person, employer):
            # Tests render reports as HTML; the signatures are in the copy.
            copy = request.signed_copy_id.raw.decode()
            self.assertIn("Signed online by Léa Signataire", copy)
            self.assertIn("Signed online by Paul Patron", copy)
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            self.agreement.objectives = "<p>Autre chose</p>"
        messages = self.agreement.message_ids.mapped("body")
        self.assertTrue(
            any("Signed online by Paul Patron" in body for body in messages)
        )

    def test_bad_or_late_signatures_are_refused(self):
        self.agreement.with_user(self.coach).action_sign_online()
        person = self._requests().filtered(lambda r: r.party == "person")
        for name, signature, message in (
            ("", SIGNATURE, "Write your name"),
            ("Léa", "pas du base64 !", "could not be read"),
            ("Léa", "R0lGODlhAQABAAAAACw=", "could not be read"),
        ):
            with (
                self.subTest(message),
                self.assertRaisesRegex(ValidationError, message),
            ):
                person._sign(name, signature)
        person.expiry_date = date.today() - timedelta(days=1)
        with self.assertRaisesRegex(UserError, "can no longer be signed"):
            person._sign("Léa", SIGNATURE)

    def test_the_employer_reads_accommodations_only_if_the_person_agreed(self):
        self.agreement.with_user(self.coach).action_sign_online()
        person, employer = self._requests().sorted("party", reverse=True)
        self.assertTrue(person._shows_accommodations())
        self.assertFalse(employer._shows_accommodations())
        self.env["emploi.disclosure"].create(
            {
                "beneficiary_id": self.agreement.beneficiary_id.id,
                "recipient_kind": "employer",
                "partner_id": self.employer.id,
                "date": date(2026, 3, 1),
                "disclose_accommodations": True,
            }
        )
        self.assertTrue(employer._shows_accommodations())

    def test_anonymisation_erases_the_signatures(self):
        self.agreement.with_user(self.coach).action_sign_online()
        requests = self._requests()
        requests[0]._sign("Léa Signataire", SIGNATURE)
        self.agreement._anonymise_records()
        self.assertFalse(requests.exists())
