from odoo.tests import HttpCase, tagged

from .common import EmploiCommon


@tagged("post_install", "-at_install")
class TestCoachUi(HttpCase, EmploiCommon):
    def test_coach_moves_a_pathway_through_the_pipeline(self):
        self.coach.password = "coach"
        pathway = self._pathway(self._beneficiary("Camille Tournesol", coach=self.coach))
        self.start_tour("/odoo", "emploi_accompagne_coach_tour", login="coach")
        self.assertEqual(pathway.phase_id, self.phases["career_plan"])
