from datetime import date

from .common import EmploiCommon


class TestIpsPractice(EmploiCommon):
    """IPS practice in the records: competitive jobs, the person's job
    preferences, work-incentives planning."""

    def test_a_job_is_competitive_unless_an_exception_is_recorded(self):
        pathway = self._pathway(self._beneficiary("Inès Compétitive"))
        job = self._job(pathway, date(2025, 3, 3))
        self.assertTrue(job.is_competitive)
        job.non_competitive_reason = "esat"
        self.assertFalse(job.is_competitive)
        self.assertEqual(
            self.env["emploi.job"].search_count(
                [("pathway_id", "=", pathway.id), ("is_competitive", "=", True)]
            ),
            0,
        )

    def test_admission_carries_the_wishes_into_the_job_preferences(self):
        referral = self.env["emploi.referral"].create(
            {
                "company_id": self.platform.id,
                "firstname": "Paul",
                "lastname": "Préférences",
                "birthdate": date(1991, 2, 3),
                "gender": "male",
                "prescriber_type": "cap_emploi",
                "boeth_title": "rqth",
                "consent_date": date(2025, 1, 6),
                "wishes": "Espaces verts, à temps partiel, pas de travail de nuit",
            }
        )
        referral.coach_id = self.coach
        referral._open_pathway(date(2025, 2, 1))
        self.assertEqual(
            referral.pathway_id.job_preferences,
            "Espaces verts, à temps partiel, pas de travail de nuit",
        )

    def test_benefits_counselling_is_an_action_and_the_plan_a_date(self):
        counselling = self.env.ref(
            "emploi_accompagne.emploi_action_type_benefits_counselling"
        )
        self.assertFalse(counselling.employer_side)
        pathway = self._pathway(
            self._beneficiary("Léo Prestations", coach=self.coach),
            job_preferences="Logistique",
        )
        pathway.with_user(self.coach).benefits_plan_date = date(2025, 4, 2)
        self.assertEqual(pathway.benefits_plan_date, date(2025, 4, 2))
        # The preferences are the person's words: anonymisation erases them.
        pathway._anonymise_records()
        self.assertFalse(pathway.job_preferences)
