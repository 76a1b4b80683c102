from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import EmploiCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-01")
class TestPlatformMode(EmploiCommon):
    """A lead operator delegates files to a partner structure, whose staff see
    those files only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.samsah = cls.env["res.partner"].create(
            {"name": "SAMSAH Les Tisserands", "is_company": True}
        )
        cls.convention = cls.env["emploi.convention"].create(
            {
                "name": "ARS 2026",
                "funder": "ars",
                "company_id": cls.platform.id,
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 12, 31),
                "operator_ids": [
                    Command.create(
                        {
                            "operator_partner_id": cls.samsah.id,
                            "caseload_share": 25,
                            "amount_share": 20,
                        }
                    )
                ],
            }
        )
        cls.partner_coach = cls._new_user("coach", cls.platform, login="samsah")
        cls.partner_coach.emploi_operator_partner_id = cls.samsah
        cls.delegated = cls._beneficiary(
            "Délégué", coach=cls.partner_coach, operator_partner_id=cls.samsah.id
        )
        cls.delegated_pathway = cls._pathway(cls.delegated)
        cls._job(cls.delegated_pathway, date(2025, 3, 1))
        # Files of the lead operator, one of them wrongly given to the partner's coach.
        cls.lead_file = cls._beneficiary("Principal", coach=cls.coach)
        cls.lead_pathway = cls._pathway(cls.lead_file)
        cls.misassigned = cls._beneficiary("Mal attribué", coach=cls.partner_coach)
        cls._pathway(cls.misassigned)

    def test_partner_staff_see_delegated_files_only(self):
        self.platform.emploi_coach_team_access = True
        as_partner = self.env(user=self.partner_coach)
        self.assertEqual(as_partner["emploi.beneficiary"].search([]), self.delegated)
        self.assertEqual(
            as_partner["emploi.pathway"].search([]), self.delegated_pathway
        )
        self.assertEqual(
            as_partner["emploi.job"].search([]).pathway_id, self.delegated_pathway
        )
        with self.assertRaises(AccessError):
            self.lead_file.with_user(self.partner_coach).read(["name"])
        with self.assertRaises(AccessError):
            self.misassigned.with_user(self.partner_coach).read(["name"])

    def test_lead_staff_see_every_file(self):
        self.platform.emploi_coach_team_access = True
        files = self.delegated | self.lead_file | self.misassigned
        for user in (self.coach, self.manager, self.secretary):
            self.assertEqual(
                self.env["emploi.beneficiary"].with_user(user).search([]), files
            )

    def test_delegation_needs_an_operator_of_the_platform(self):
        stranger = self.env["res.partner"].create(
            {"name": "Association inconnue", "is_company": True}
        )
        with self.assertRaisesRegex(ValidationError, "not an operator"):
            self.lead_file.operator_partner_id = stranger
        other = self._beneficiary("Ailleurs", company=self.other_platform)
        with self.assertRaisesRegex(ValidationError, "not an operator"):
            other.operator_partner_id = self.samsah

    def test_operator_split_against_actual_caseload(self):
        # Three people followed on 1 March 2026, one delegated to the SAMSAH.
        line = self.convention.operator_ids
        self.assertEqual(line.actual_caseload, 1)
        self.assertAlmostEqual(line.actual_share, 33.33, places=2)
        self.misassigned.operator_partner_id = self.samsah
        line.invalidate_recordset()
        self.assertEqual(line.actual_caseload, 2)
