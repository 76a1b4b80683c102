from odoo.tests import HttpCase, tagged

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
