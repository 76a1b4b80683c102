from datetime import date, timedelta

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoData(TransactionCase):
    """The demo data tells a consistent story: the figures below are counted by
    hand in the demo files (dates there are relative to the install day)."""

    def _ref(self, name):
        return self.env.ref(f"emploi_accompagne.{name}")

    def test_employer_partners(self):
        employers = self.env["res.partner"].search([("emploi_is_employer", "=", True)])
        self.assertEqual(len(employers), 17)
        self.assertEqual(
            sorted(set(employers.mapped("emploi_public_service")) - {False}),
            ["hospital", "state", "territorial"],
        )
        self.assertEqual(
            set(employers.mapped("emploi_size_band")),
            {"under_20", "20_49", "50_249", "250_plus"},
        )
        self.assertEqual(set(employers.mapped("emploi_sector")), {"public", "private"})

    def test_opportunities_in_every_state(self):
        Opportunity = self.env["emploi.opportunity"]
        states = {key for key, __ in Opportunity._fields["state"].selection}
        self.assertEqual(set(Opportunity.search([]).mapped("state")), states)

    def test_conventions(self):
        conventions = self.env["emploi.convention"].search([("parent_id", "=", False)])
        self.assertEqual(
            set(conventions.mapped("funder")), {"ars", "agefiph", "fiphfp"}
        )
        for convention in conventions:
            self.assertGreaterEqual(len(convention.line_ids), 2, convention.name)
        self.assertEqual(
            self._ref("emploi_convention_ars_amendment_demo").parent_id,
            self._ref("emploi_convention_ars_demo"),
        )

    def test_ars_figures_reconcile_with_the_pathways(self):
        """The ARS convention funds every pathway of the Rhône platform.

        Rhône: 26 open pathways (26 people, among them Inès Benoit and Océane
        Marchand, back after an earlier exit) and 5 exits, 185, 308, 423, 581 and
        670 days before the install; only Olivier Fleury (185), Josiane Perrin
        (308) and Bernard Schmitt (423) are other people.
        """
        today = date.today()
        first_day = date(today.year, 1, 1)
        exited_this_year = sum(
            today - timedelta(days=days) >= first_day for days in (185, 308, 423)
        )
        line = self._ref("emploi_convention_ars_demo").line_ids.filtered(
            lambda line: line.year == today.year
        )
        self.assertEqual(line.actual_caseload, 26 + exited_this_year)
        self.assertEqual(line.remaining_capacity, 40 - 26 - exited_this_year)

    def test_partner_operator_split(self):
        """Clara Nguyen and Jérémy Perrot are followed by the SAMSAH (of 26)."""
        split = self._ref("emploi_convention_ars_demo").operator_ids
        self.assertEqual(split.operator_partner_id.name, "SAMSAH Les Tisserands")
        self.assertEqual(split.actual_caseload, 2)
        self.assertAlmostEqual(split.actual_share, 100 * 2 / 26, places=2)
        partner_coach = self._ref("user_coach_partner_demo")
        files = self.env["emploi.beneficiary"].with_user(partner_coach).search([])
        self.assertEqual(
            sorted(files.mapped("name")), ["Clara Nguyen", "Jérémy Perrot"]
        )

    def test_support_agreements(self):
        mathis = self._ref("emploi_pathway_mathis_carpentier_demo").agreement_ids
        self.assertEqual(
            [(a.version, a.state) for a in mathis.sorted("version")],
            [(1, "superseded"), (2, "signed")],
        )
