from datetime import date, datetime, time, timedelta

from odoo.tests import HttpCase, new_test_user, tagged

from .common import EmploiCommon


@tagged("post_install", "-at_install")
class TestCoachUi(HttpCase, EmploiCommon):
    def test_coach_moves_a_pathway_through_the_pipeline(self):
        self.coach.password = "coach"
        pathway = self._pathway(
            self._beneficiary("Camille Tournesol", coach=self.coach)
        )
        self.start_tour("/odoo", "emploi_accompagne_coach_tour", login="coach")
        self.assertEqual(pathway.phase_id, self.phases["career_plan"])


@tagged("post_install", "-at_install")
class TestSecretaryUi(HttpCase, EmploiCommon):
    def test_secretary_runs_the_committee(self):
        self.secretary.password = "secretariat"
        partner = self.env["res.partner"].create({"name": "Conseillère Tour"})
        referral = self.env["emploi.referral"].create(
            {
                "company_id": self.platform.id,
                "firstname": "Rose",
                "lastname": "Tourneur",
                "birthdate": "1990-02-02",
                "gender": "female",
                "prescriber_type": "cap_emploi",
                "advisor_id": partner.id,
                "boeth_title": "rqth",
                "consent_date": "2026-01-05",
                "state": "ready",
            }
        )
        self.env["emploi.committee"].create(
            {
                "company_id": self.platform.id,
                "date": "2030-01-08 09:00:00",
                "location": "Salle Tour",
                "user_id": self.secretary.id,
            }
        )
        self.start_tour(
            "/odoo", "emploi_accompagne_secretary_tour", login="secretariat"
        )
        self.assertEqual(referral.state, "waiting_list")
        self.assertFalse(referral.pathway_id)


@tagged("post_install", "-at_install")
class TestCalendarUi(HttpCase, EmploiCommon):
    """Meetings dragged in the Calendar, in Chromium."""

    def _tomorrow_at(self, hour):
        return datetime.combine(date.today() + timedelta(days=1), time(hour))

    def test_secretary_drags_the_next_committee_to_another_day(self):
        self.secretary.password = "secretariat"
        member = self.env["res.partner"].create(
            {"name": "Représentant MDPH", "email": "mdph@example.com"}
        )
        committee = (
            self.env["emploi.committee"]
            .with_user(self.secretary)
            .create(
                {
                    "company_id": self.platform.id,
                    "title": "Instance collégiale Tour",
                    "date": self._tomorrow_at(9),
                    "member_ids": member.ids,
                }
            )
        )
        referral = self.env["emploi.referral"].create(
            {
                "company_id": self.platform.id,
                "firstname": "Rose",
                "lastname": "Tourneur",
                "birthdate": "1990-02-02",
                "gender": "female",
                "prescriber_type": "cap_emploi",
                "boeth_title": "rqth",
                "consent_date": "2026-01-05",
                "state": "ready",
            }
        )
        committee.action_build_agenda()
        event = committee.calendar_event_id
        messages = [
            ("model", "=", "calendar.event"),
            ("res_id", "=", event.id),
            ("partner_ids", "in", member.ids),
        ]
        told = self.env["mail.message"].search_count(messages)
        self.start_tour(
            "/odoo", "emploi_accompagne_committee_calendar_tour", login="secretariat"
        )
        self.env.invalidate_all()
        moved = self._tomorrow_at(9) + timedelta(days=1)
        self.assertEqual((committee.date, event.start), (moved, moved))
        self.assertEqual(referral.committee_date, moved)
        self.assertEqual(
            self.env["mail.message"].search_count(messages),
            told + 1,
            "The members receive the new date.",
        )

    def test_a_user_outside_the_suite_drags_their_meeting(self):
        user = new_test_user(
            self.env, login="salarie", password="salarie", groups="base.group_user"
        )
        event = (
            self.env["calendar.event"]
            .with_user(user)
            .create(
                {
                    "name": "Réunion d'équipe",
                    "start": self._tomorrow_at(10),
                    "stop": self._tomorrow_at(11),
                }
            )
        )
        self.start_tour(
            "/odoo", "emploi_accompagne_plain_calendar_tour", login="salarie"
        )
        self.assertEqual(event.start, self._tomorrow_at(10) + timedelta(days=1))
