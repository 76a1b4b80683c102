from datetime import date

from .common import YEAR_2025
from .test_certified_report import SNAPSHOT, CertifiedReportCommon


class TestAnonymisationKeepsFigures(CertifiedReportCommon):
    """Archiving then anonymising every file changes no figure of an earlier
    period, cell for cell, and no certified report."""

    def test_figures_and_certified_reports_do_not_move(self):
        files = self.env["emploi.beneficiary"].search(
            [("company_id", "in", self.both.ids)]
        )
        chloe = files.filtered(lambda b: b.name == "Chloé")
        # Born 1 June 2000, entered 1 March 2025: 24 (20-24); 1 January 2000,
        # the year the anonymised file keeps, would give 25 (25-29).
        chloe.birthdate = date(2000, 6, 1)
        Indicators = self.env["emploi.funder.indicators"]
        before = Indicators._compute_figures(*YEAR_2025, self.both)
        self.assertEqual(before[("B_age", "b_20_24")][self.platform.id], 1)
        snapshot = self._close()
        certified = snapshot.figures
        # Out of the active base first (intermediate archive), then anonymised.
        files._archive_for_retention()
        self.env.invalidate_all()
        self.assertEqual(Indicators._compute_figures(*YEAR_2025, self.both), before)
        files._anonymise("test")
        self.assertEqual(chloe.birthdate, date(2000, 1, 1))
        self.env.invalidate_all()
        self.assertEqual(Indicators._compute_figures(*YEAR_2025, self.both), before)
        snapshot = self.env[SNAPSHOT].browse(snapshot.id)
        self.assertEqual(snapshot.figures, certified)
        self.assertTrue(snapshot.intact)
