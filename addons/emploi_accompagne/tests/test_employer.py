from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form

from .common import EmploiCommon


class TestEmployer(EmploiCommon):
    """Employer partners, job development and disclosure plans."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employer.write(
            {
                "emploi_is_employer": True,
                "emploi_sector": "private",
                "emploi_size_band": "under_20",
                "emploi_naf_code": "10.71C",
            }
        )
        cls.hr_contact = cls.env["res.partner"].create(
            {
                "name": "Mme Dupain",
                "parent_id": cls.employer.id,
                "emploi_contact_role": "hr",
            }
        )
        cls.mediation = cls.env.ref(
            "emploi_accompagne.emploi_action_type_employer_mediation"
        )
        cls.mine = cls._beneficiary("Personne Suivie", coach=cls.coach)
        cls.my_pathway = cls._pathway(cls.mine)
        cls.theirs = cls._beneficiary("Autre Personne", coach=cls.other_coach)
        cls.their_pathway = cls._pathway(cls.theirs)
        cls.opportunity = cls.env["emploi.opportunity"].create(
            {
                "name": "Vendeuse en boulangerie",
                "employer_id": cls.employer.id,
                "contact_id": cls.hr_contact.id,
                "company_id": cls.platform.id,
                "contract_type_id": cls.cdi.id,
                "weekly_hours": 28,
            }
        )
        cls.foreign_opportunity = cls.env["emploi.opportunity"].create(
            {
                "name": "Agent d'entretien",
                "employer_id": cls.employer.id,
                "company_id": cls.other_platform.id,
            }
        )

    def _propose(self, pathway, opportunity=None):
        return self.env["emploi.opportunity.candidate"].create(
            {
                "opportunity_id": (opportunity or self.opportunity).id,
                "pathway_id": pathway.id,
            }
        )

    # Classification

    def test_public_employer_needs_a_civil_service(self):
        town = self.env["res.partner"].create(
            {"name": "Mairie", "is_company": True, "emploi_is_employer": True}
        )
        with self.assertRaisesRegex(ValidationError, "civil service"):
            town.emploi_sector = "public"
        town.write({"emploi_sector": "public", "emploi_public_service": "territorial"})
        self.assertEqual(town.emploi_funder, "fiphfp")
        self.assertEqual(self.employer.emploi_funder, "agefiph")
        with self.assertRaisesRegex(ValidationError, "Only a public employer"):
            self.employer.emploi_public_service = "state"

    def test_under_20_is_outside_the_employment_obligation(self):
        self.assertFalse(self.employer.emploi_subject_to_obligation)
        self.employer.emploi_size_band = "20_49"
        self.assertTrue(self.employer.emploi_subject_to_obligation)

    def test_naf_code_format(self):
        for code in ("4711F", "47.11f", "47.1F", "A7.11F"):
            with self.subTest(code=code), self.assertRaises(ValidationError):
                self.employer.emploi_naf_code = code
        self.employer.emploi_naf_code = "47.11F"

    def test_job_sector_follows_the_employer(self):
        self.employer.write(
            {"emploi_sector": "public", "emploi_public_service": "state"}
        )
        job = self._job(self.my_pathway, "2024-05-01")
        self.assertEqual(job.sector, "public")

    # Job development

    def test_opportunity_flow_to_hiring(self):
        opportunity = self.opportunity
        self.assertEqual(opportunity.state, "lead")
        with self.assertRaises(UserError):
            opportunity.action_propose()
        mine = self._propose(self.my_pathway)
        theirs = self._propose(self.their_pathway)
        self.assertEqual(opportunity.state, "proposed")
        mine.action_interview()
        self.assertEqual(opportunity.state, "interview")
        action = mine.action_hire()
        self.assertEqual(opportunity.state, "hired")
        self.assertEqual(theirs.state, "not_retained")
        job_form = Form(self.env["emploi.job"].with_context(**action["context"]))
        job = job_form.save()
        self.assertEqual(job.pathway_id, self.my_pathway)
        self.assertEqual(job.employer_id, self.employer)
        self.assertEqual(job.contract_type_id, self.cdi)
        self.assertEqual(job.weekly_hours, 28)
        self.assertEqual(job.name, "Vendeuse en boulangerie")

    def test_opportunity_not_retained(self):
        candidate = self._propose(self.my_pathway)
        self.opportunity.action_interview()
        self.opportunity.action_not_retained()
        self.assertEqual(self.opportunity.state, "not_retained")
        self.assertEqual(candidate.state, "not_retained")
        self.opportunity.action_reset_lead()
        self.assertEqual(self.opportunity.state, "lead")

    def test_employer_file_counts_the_relationship(self):
        self._job(self.my_pathway, "2023-01-01", "2023-06-30")
        self._job(self.my_pathway, "2024-05-01")
        self._job(self.their_pathway, "2024-05-01")
        self.env["emploi.action"].create(
            {
                "name": "Sensibilisation de l'équipe",
                "pathway_id": self.my_pathway.id,
                "action_type_id": self.mediation.id,
                "employer_id": self.employer.id,
            }
        )
        self.env["emploi.action"].create(
            {
                "name": "Entretien",
                "pathway_id": self.my_pathway.id,
                "action_type_id": self.interview.id,
                "employer_id": self.employer.id,
            }
        )
        employer = self.employer.with_user(self.manager)
        self.assertEqual(employer.emploi_job_count, 3)
        self.assertEqual(employer.emploi_placed_count, 2)
        self.assertEqual(employer.emploi_action_count, 1)
        self.assertEqual(employer.emploi_opportunity_count, 1)
        self.assertEqual(
            self.env["emploi.job"].search(employer.action_view_emploi_jobs()["domain"]),
            self.env["emploi.job"].search([("employer_id", "=", self.employer.id)]),
        )

    # Disclosure plans

    def test_disclosure_shown_on_employer_side_action(self):
        action = self.env["emploi.action"].create(
            {
                "name": "Médiation",
                "pathway_id": self.my_pathway.id,
                "action_type_id": self.mediation.id,
                "employer_id": self.employer.id,
            }
        )
        self.assertIn("No sharing agreement", action.disclosure_summary)
        first = self.env["emploi.disclosure"].create(
            {
                "beneficiary_id": self.mine.id,
                "partner_id": self.employer.id,
                "contact_id": self.hr_contact.id,
                "date": "2024-03-01",
                "disclose_needs": True,
            }
        )
        action.invalidate_recordset(["disclosure_summary"])
        self.assertIn("the needs", action.with_user(self.coach).disclosure_summary)
        self.assertIn("Mme Dupain", action.disclosure_summary)
        second = self.env["emploi.disclosure"].create(
            {
                "beneficiary_id": self.mine.id,
                "partner_id": self.employer.id,
                "date": "2024-06-01",
            }
        )
        self.assertFalse(first.active, "The new plan supersedes the previous one.")
        self.assertTrue(second.active)
        action.invalidate_recordset(["disclosure_summary"])
        self.assertIn("shares nothing", action.disclosure_summary)

    # Access

    def test_coach_sees_employers_and_opportunities(self):
        Opportunity = self.env["emploi.opportunity"].with_user(self.coach)
        self.assertEqual(Opportunity.search([]), self.opportunity)
        # Another platform's opportunities stay invisible.
        self.assertEqual(
            self.env["emploi.opportunity"].with_user(self.foreign_coach).search([]),
            self.foreign_opportunity,
        )
        employer = self.employer.with_user(self.coach)
        self.assertTrue(employer.emploi_is_employer)
        self.assertEqual(employer.emploi_opportunity_count, 1)
        created = Opportunity.create(
            {"name": "Plongeur", "employer_id": self.employer.id}
        )
        self.assertEqual(created.company_id, self.platform)

    def test_coach_sees_only_own_people_proposed(self):
        mine = self._propose(self.my_pathway)
        self._propose(self.their_pathway)
        Candidate = self.env["emploi.opportunity.candidate"].with_user(self.coach)
        self.assertEqual(Candidate.search([]), mine)

    def test_secretariat_reads_opportunities_not_disclosures(self):
        self.assertEqual(
            self.env["emploi.opportunity"].with_user(self.secretary).search([]),
            self.opportunity,
        )
        with self.assertRaises(AccessError):
            self.opportunity.with_user(self.secretary).write({"name": "Autre"})
        with self.assertRaises(AccessError):
            self.env["emploi.disclosure"].with_user(self.secretary).search([])

    def test_reporting_does_not_read_opportunities(self):
        with self.assertRaises(AccessError):
            self.env["emploi.opportunity"].with_user(self.reporting).search([])
        with self.assertRaises(AccessError):
            self.employer.with_user(self.reporting).read(["emploi_job_count"])

    def test_coach_reads_disclosures_of_own_people_only(self):
        mine = self.env["emploi.disclosure"].create(
            {"beneficiary_id": self.mine.id, "partner_id": self.employer.id}
        )
        self.env["emploi.disclosure"].create(
            {"beneficiary_id": self.theirs.id, "partner_id": self.employer.id}
        )
        Disclosure = self.env["emploi.disclosure"].with_user(self.coach)
        self.assertEqual(Disclosure.search([]), mine)
