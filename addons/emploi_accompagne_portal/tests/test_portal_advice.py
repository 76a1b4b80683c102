from odoo.exceptions import MissingError, ValidationError

from .common import PortalCommon


class TestPortalAdvice(PortalCommon):
    def _ask(self, user, **form):
        return (
            self.env["emploi.advice.request"]
            .with_user(user)
            ._portal_submit(
                {
                    "requester_type": "france_travail",
                    "question": "Une personne en arrêt long peut-elle être orientée ?",
                    **form,
                }
            )
        )

    def test_a_prescriber_asks_and_reads_the_answer(self):
        advice = self._ask(self.prescriber)
        self.assertEqual(advice.state, "new")
        self.assertEqual(advice.company_id, self.platform)
        self.assertEqual(advice.organisation_id, self.agency)
        self.assertEqual(advice.contact_id, self.prescriber.partner_id)
        self.assertEqual(advice.message_ids.author_id, self.prescriber.partner_id)
        Advice = self.env["emploi.advice.request"]
        self.assertEqual(Advice.with_user(self.colleague)._portal_search(), advice)
        self.assertFalse(Advice.with_user(self.stranger)._portal_search())
        with self.assertRaises(MissingError):
            Advice.with_user(self.stranger)._portal_get(advice.id)
        answered = advice.with_user(self.secretary).sudo(False)
        answered.answer = "Oui, avec la cellule maintien dans l'emploi de Cap emploi."
        answered.action_answer()
        self.assertIn(
            self.prescriber.partner_id,
            advice.message_ids.filtered(lambda m: "cellule" in m.body).partner_ids,
        )

    def test_bad_requests_are_refused_in_words(self):
        for form, message in (
            ({"question": "  "}, "Describe the situation"),
            ({"requester_type": "robot"}, "unknown choice"),
            ({"company_id": str(self.other_platform.id)}, "one of your platforms"),
        ):
            with (
                self.subTest(message),
                self.assertRaisesRegex(ValidationError, message),
            ):
                self._ask(self.prescriber, **form)
