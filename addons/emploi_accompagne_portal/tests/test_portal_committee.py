from datetime import datetime, timedelta

from odoo.exceptions import MissingError, UserError

from .common import CommitteeCommon


class TestPortalCommittee(CommitteeCommon):
    def test_a_member_sees_the_committees_they_sit_on_only(self):
        Committee = self.env["emploi.committee"]
        self.assertEqual(
            Committee.with_user(self.member)._portal_search(), self.committee
        )
        for user in (self.prescriber, self.secretary):
            self.assertFalse(Committee.with_user(user)._portal_search())
            with self.assertRaises(MissingError):
                Committee.with_user(user)._portal_get(self.committee.id)
        self.committee.company_id = self.other_platform
        self.assertFalse(Committee.with_user(self.member)._portal_search())

    def test_the_agenda_gives_each_referral_with_its_age(self):
        committee = (
            self.env["emploi.committee"]
            .with_user(self.member)
            ._portal_get(self.committee.id)
        )
        [item] = committee._portal_agenda()
        self.assertEqual(item["referral"], self.referral)
        self.assertEqual(item["age"], 30)

    def test_a_member_confirms_and_it_is_logged(self):
        committee = (
            self.env["emploi.committee"]
            .with_user(self.member)
            ._portal_get(self.committee.id)
        )
        committee._portal_answer_invitation("accepted")
        self.assertEqual(committee._portal_attendee().state, "accepted")
        self.assertTrue(self.committee.mdph_represented)
        message = self.committee.message_ids[0]
        self.assertEqual(message.author_id, self.member.partner_id)
        self.assertIn("will attend", message.body)
        committee._portal_answer_invitation("declined")
        self.env.invalidate_all()
        self.assertFalse(self.committee.mdph_represented)
        with self.assertRaisesRegex(UserError, "Unknown answer"):
            committee._portal_answer_invitation("maybe")
        self.committee.date = datetime.now() - timedelta(hours=1)
        with self.assertRaisesRegex(UserError, "has taken place"):
            committee._portal_answer_invitation("accepted")

    def test_minutes_are_shown_once_approved_and_then_locked(self):
        committee = (
            self.env["emploi.committee"]
            .with_user(self.member)
            ._portal_get(self.committee.id)
        )
        committee._portal_answer_invitation("accepted")
        self.committee.minutes_note = "<p>Une orientation présentée.</p>"
        secretary_committee = self.committee.with_user(self.secretary)
        with self.assertRaisesRegex(UserError, "held committee"):
            secretary_committee.action_approve_minutes()
        self.assertIsNone(committee._portal_minutes())
        self.referral.sudo().write(
            {"state": "admitted", "decision_date": self.referral.referral_date}
        )
        self.committee.sudo().state = "done"
        secretary_committee.action_approve_minutes()
        minutes = committee._portal_minutes()
        self.assertEqual(minutes["attendees"], self.member.partner_id)
        self.assertTrue(minutes["mdph"])
        self.assertFalse(minutes["spe"])
        self.assertIn("Une orientation présentée.", minutes["note"])
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            secretary_committee.minutes_note = "<p>Réécrit</p>"
        # Nor unapproved to be rewritten: the date is the button's.
        with self.assertRaisesRegex(
            UserError, "buttons of the Admission committee only"
        ):
            secretary_committee.minutes_approved_date = False
