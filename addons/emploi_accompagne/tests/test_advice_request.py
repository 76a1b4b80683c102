from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError

from .common import EmploiCommon


class TestAdviceRequest(EmploiCommon):
    def _request(self, user=None, **values):
        return (
            self.env["emploi.advice.request"]
            .with_user(user or self.secretary)
            .create(
                {
                    "company_id": self.platform.id,
                    "requester_type": "mission_locale",
                    "question": "Un jeune en service civique peut-il être orienté ?",
                    **values,
                }
            )
        )

    def test_the_secretariat_answers_the_contact(self):
        contact = self.env["res.partner"].create(
            {"name": "Conseillère ML", "email": "ml@example.com"}
        )
        request = self._request(contact_id=contact.id, hours=0.5)
        self.assertRegex(request.name, r"^AC/\d{4}/\d{5}$")
        with self.assertRaisesRegex(UserError, "Write the answer first"):
            request.action_answer()
        request.answer = "Oui, dès le récépissé de la demande de RQTH."
        request.action_answer()
        self.assertEqual(request.state, "answered")
        self.assertEqual(request.user_id, self.secretary)
        self.assertEqual(request.answer_date, date.today())
        message = request.message_ids.filtered(lambda m: contact in m.partner_ids)
        self.assertIn("dès le récépissé", message.body)
        with self.assertRaisesRegex(UserError, "already answered"):
            request.action_answer()
        with self.assertRaisesRegex(UserError, "Answered on: recorded by the buttons"):
            request.answer_date = date(2020, 1, 1)
        with self.assertRaisesRegex(UserError, "through its buttons"):
            request.state = "new"
        request.action_close()
        self.assertEqual(request.state, "closed")

    def test_questions_and_answers_go_after_the_platform_delay(self):
        self.platform.emploi_referral_purge_months = 6
        request = self._request(request_date=date(2025, 1, 10), hours=1.0)
        request.answer = "Voir avec Cap emploi."
        request.action_answer()
        waiting = self._request(request_date=date(2025, 1, 10))
        Request = self.env["emploi.advice.request"]
        with freeze_time("2025-07-10"):
            Request._cron_purge_answered()
        self.assertFalse(request.anonymised_date)
        with freeze_time("2025-07-11"):
            Request._cron_purge_answered()
        self.assertEqual(request.question, "Anonymised")
        self.assertFalse(request.answer)
        self.assertEqual(
            (request.request_date, request.hours), (date(2025, 1, 10), 1.0)
        )
        self.assertFalse(waiting.anonymised_date)
