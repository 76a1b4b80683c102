import base64
import io
import zipfile
from datetime import date

from odoo.addons.emploi_accompagne.tests.common import EmploiCommon

PERIOD = (date(2025, 10, 1), date(2026, 3, 31))


class TestIpsOutcomes(EmploiCommon):
    """Quarterly IPS outcomes on people counted by hand.

    Q1 2026, ten people served: A (competitive job since 3 November 2025,
    13 weeks on 2 February), B (first competitive job on 15 February, 259
    days after entry), C (competitive job ended on 10 January), D (entered on
    1 February, job on 2 March: 29 days), E (in sheltered work, not
    competitive), F to J (no job). 4 of 10 worked: 40 %; of the 7 out of work
    on 1 January (B, D, F-J), 2 worked. Q4 2025: the same eight who had entered
    and K (left on 15 December): 9 served, A and C worked.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.platform.emploi_follows_ips = True
        people = {}
        for name in "ABCEFGHJ":
            people[name] = cls._pathway(
                cls._beneficiary(name), entry_date=date(2025, 6, 1)
            )
        people["D"] = cls._pathway(cls._beneficiary("D"), entry_date=date(2026, 2, 1))
        people["I"] = cls._pathway(cls._beneficiary("I"), entry_date=date(2026, 2, 1))
        cls._pathway(
            cls._beneficiary("K"),
            entry_date=date(2025, 3, 1),
            exit_date=date(2025, 12, 15),
            state="closed",
            exit_reason_id=cls.reason_stabilised.id,
        )
        cls._job(people["A"], date(2025, 11, 3))
        cls._job(people["B"], date(2026, 2, 15))
        cls._job(people["C"], date(2025, 11, 20), end=date(2026, 1, 10))
        cls._job(people["D"], date(2026, 3, 2))
        cls._job(people["E"], date(2025, 9, 1)).non_competitive_reason = "esat"

    def _figures(self):
        return self.env["emploi.funder.indicators"]._compute_figures(
            *PERIOD, self.platform
        )

    def test_quarterly_figures_against_the_hand_count(self):
        figures = self._figures()
        expected = {
            "IPS_served": {"2025-Q4": 9, "2026-Q1": 10},
            "IPS_worked": {"2025-Q4": 2, "2026-Q1": 4},
            "IPS_rate": {"2025-Q4": round(2 / 9, 4), "2026-Q1": 0.4},
            "IPS_out_of_work": {"2026-Q1": 7},
            "IPS_worked_out_of_work": {"2026-Q1": 2},
            "IPS_rate_out_of_work": {"2026-Q1": round(2 / 7, 4)},
            "IPS_jobs_started": {"2025-Q4": 2, "2026-Q1": 2},
            "IPS_jobs_sustained": {"2026-Q1": 1},
            "IPS_first_jobs": {"2025-Q4": 2, "2026-Q1": 2},
            "IPS_days_to_job": {"2026-Q1": (259 + 29) / 2},
        }
        for code, by_quarter in expected.items():
            for quarter, value in by_quarter.items():
                with self.subTest(code=code, quarter=quarter):
                    self.assertAlmostEqual(
                        figures[code, quarter][self.platform.id], value, places=4
                    )

    def test_the_screen_shows_the_quarters_against_the_benchmarks(self):
        Quarter = self.env["emploi.ips.quarter"]
        rows = Quarter.with_user(self.manager)._refresh(
            self.platform, date(2026, 3, 31)
        )
        # Q2 2024 to Q1 2026: K alone in Q1 2025.
        self.assertEqual(rows.mapped("served"), [0, 0, 0, 1, 9, 9, 9, 10])
        last = rows.filtered(lambda row: row.date_start == date(2026, 1, 1))
        self.assertEqual(
            (last.quarter, last.served, last.worked, last.rate, last.benchmark),
            ("Q1 2026", 10, 4, 0.4, "minimum"),
        )
        self.assertEqual(
            rows.filtered(lambda row: row.date_start == date(2025, 10, 1)).benchmark,
            "below",
        )
        # Counted again, not added up.
        Quarter.with_user(self.manager)._refresh(self.platform, date(2026, 3, 31))
        self.assertEqual(Quarter.with_user(self.manager).search_count([]), 8)
        # Like the analyses, the reporting role gets the quarters of 5 people
        # served or more, counted for it: neither sees the other's rows.
        reporting_rows = Quarter.with_user(self.reporting)._refresh(
            self.platform, date(2026, 3, 31)
        )
        self.assertEqual(reporting_rows.mapped("served"), [9, 9, 9, 10])
        self.assertEqual(
            set(Quarter.with_user(self.reporting).search([]).ids),
            set(reporting_rows.ids),
        )
        self.assertEqual(Quarter.with_user(self.manager).search_count([]), 8)
        action = Quarter.with_user(self.reporting).action_open()
        self.assertEqual(action["res_model"], "emploi.ips.quarter")

    def test_the_spreadsheet_and_certified_report_have_an_ips_sheet(self):
        wizard = (
            self.env["emploi.funder.report.wizard"]
            .with_user(self.manager)
            .create(
                {
                    "company_ids": [self.platform.id],
                    "date_from": PERIOD[0],
                    "date_to": PERIOD[1],
                }
            )
        )
        titles = [title for title, __ in wizard._catalogue()]
        self.assertEqual(titles[-1], "IPS outcomes")
        self.platform.emploi_follows_ips = False
        self.assertNotIn("IPS outcomes", [title for title, __ in wizard._catalogue()])
        self.platform.emploi_follows_ips = True
        snapshot = wizard.action_close_period()
        snapshot = self.env["emploi.funder.snapshot"].browse(snapshot["res_id"])
        self.assertIn('"IPS_rate"', snapshot.figures)
        with zipfile.ZipFile(
            io.BytesIO(base64.b64decode(snapshot.spreadsheet))
        ) as xlsx:
            self.assertIn('name="IPS outcomes"', xlsx.read("xl/workbook.xml").decode())
