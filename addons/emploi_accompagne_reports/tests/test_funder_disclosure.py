import io
from datetime import date

import openpyxl
from lxml import html

from odoo import Command
from odoo.tests import tagged

from .common import FunderDataset

MASKS = ("< 5", "*")


@tagged("post_install", "-at_install")
class TestFunderSpreadsheetDisclosure(FunderDataset):
    """What the funder spreadsheet lets out: texts as texts, no small count for
    the reporting role, none given back by a total, a rate or an average."""

    def _workbook(self, wizard):
        return openpyxl.load_workbook(io.BytesIO(wizard._render_xlsx()))

    def _rows(self, workbook, sheet):
        """``{label: [Plateforme A, Plateforme B, Total]}``, first of each label."""
        rows = {}
        for row in workbook[sheet].iter_rows(min_row=8, values_only=True):
            rows.setdefault(row[0], list(row[1:4]))
        return rows

    def test_texts_typed_by_users_are_never_formulas(self):
        self.platform.name = "=2+3"
        self.other_platform.name = "@SUM(A1)"
        self.reason_stabilised.name = "+1+1"
        self.cdi.name = "-1+1"
        convention = self.env["emploi.convention"].create(
            {
                "name": '=HYPERLINK("https://example.com","Cliquez ici")',
                "funder": "fiphfp",
                "company_id": self.platform.id,
                "date_start": date(2025, 1, 1),
                "date_end": date(2025, 12, 31),
                "state": "signed",
                "line_ids": [Command.create({"year": 2025, "amount": 1000})],
            }
        )
        for wizard in (
            self._wizard(user=self.manager),
            self._wizard(user=self.manager, convention_id=convention.id),
        ):
            workbook = self._workbook(wizard)
            formulas = [
                (sheet.title, cell.coordinate, cell.value)
                for sheet in workbook.worksheets
                for row in sheet.iter_rows()
                for cell in row
                if cell.data_type == "f"
            ]
            self.assertEqual(formulas, [])
            header = [cell.value for cell in workbook["Summary"][7]]
            self.assertEqual(header, ["Indicator", "=2+3", "@SUM(A1)", "Total"])
            labels = {
                row[0] for row in workbook["Activity"].iter_rows(values_only=True)
            }
            self.assertIn("+1+1", labels)
            labels = {
                row[0]
                for row in workbook["Employment outcomes"].iter_rows(values_only=True)
            }
            self.assertIn("-1+1", labels)
        self.assertEqual(workbook["Summary"]["B4"].value, convention.display_name)
        self.assertEqual(workbook["Summary"]["B4"].data_type, "s")

    def test_reporting_role_cannot_unmask_small_counts(self):
        # Anne, Bruno, Chloé, Denis on A, Gaston on B: 4 and 1 people.
        for user, caseload in (
            (self.reporting, ["< 5", "< 5", 5]),
            (self.manager, [4, 1, 5]),
        ):
            wizard = self._wizard(user=user, mask_small_counts=False)
            rows = self._rows(self._workbook(wizard), "Summary")
            self.assertEqual(rows["Active caseload over the period"], caseload)
        screen = self._wizard(mask_small_counts=False).summary_html
        self.assertIn(
            "<td>Active caseload over the period</td>"
            "<td class='text-end'>&lt; 5</td>",
            screen,
        )
        # The box is not even shown to them.
        arch = (
            self.env["emploi.funder.report.wizard"]
            .with_user(self.reporting)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertNotIn("mask_small_counts", arch)

    def test_no_small_count_comes_back_from_a_total_rate_or_average(self):
        """Six more job seekers enter Plateforme B on 1 February 2025: 4 people
        on A, 7 on B, 11 in all. Masking 4 alone would give it back as 11 - 7:
        7 is masked too (as "*", 5 or more); the rates and averages over A's
        small counts are masked, and so are those that would give B's 7 back."""
        for index in range(6):
            self._pathway(
                self._beneficiary(
                    f"Personne {index}",
                    coach=self.foreign_coach,
                    company=self.other_platform,
                ),
                entry_date=date(2025, 2, 1),
            )
        wizard = self._wizard(mask_small_counts=True)
        workbook = self._workbook(wizard)
        summary = self._rows(workbook, "Summary")
        self.assertEqual(summary["Active caseload over the period"], ["< 5", "*", 11])
        self.assertEqual(
            summary["Active caseload at the end of the period"], ["< 5", "*", 11]
        )
        # Bruno's second pathway, Chloé and Denis on A; Gaston and the six on B.
        self.assertEqual(summary["Entries"], ["< 5", "*", 10])
        self.assertEqual(summary["Exits"], ["< 5", 0, "< 5"])
        # 2 of 3 on A (den. under 5); 0 of 7 on B and 2 of 10 in all would give
        # the masked 7 and 2 back.
        self.assertEqual(summary["Access to employment rate"], ["< 5", "*", "*"])
        # Over Anne's and Denis' first jobs only.
        self.assertEqual(
            summary["Average delay to first job (days)"], ["< 5", 0, "< 5"]
        )
        # 11 people, 2 coaches; per platform it would give 4 and 7 back.
        self.assertEqual(
            summary["Average caseload per job coach at the end of the period"],
            ["< 5", "*", 5.5],
        )
        self.assertEqual(summary["Employers supported"], [1, 0, 1])  # not people
        activity = self._rows(workbook, "Activity")
        # Entries by situation: 2 + 1 on A, 7 + 0 on B. In the total column,
        # the 1 (Chloé) alone masked would be 10 - 9: the 9 goes too.
        self.assertEqual(activity["Job seeker"], ["< 5", "*", "*"])
        self.assertEqual(
            activity["Employee in an ordinary job, at risk"], ["< 5", 0, "< 5"]
        )
        self.assertEqual(activity["Total"], ["< 5", "*", 10])
        profiles = self._rows(workbook, "Profiles")
        # Women: Anne, Chloé; Gaston and the six. Men: Bruno, Denis.
        self.assertEqual(profiles["Woman"], ["< 5", "*", "*"])
        self.assertEqual(profiles["Man"], ["< 5", 0, "< 5"])
        self.assertEqual(profiles["Total"], ["< 5", "*", 11])
        outcomes = self._rows(workbook, "Employment outcomes")
        self.assertEqual(outcomes["People not employed at entry"], ["< 5", "*", 10])
        self.assertEqual(
            outcomes["... of whom employed since their entry"], ["< 5", 0, "< 5"]
        )
        finance = self._rows(workbook, "Finance")
        self.assertEqual(finance["Funding per person supported"], ["< 5", "*", 0])
        # Whatever the sheet, no line leaves a single count masked beside its
        # total: the total minus the others would give it back.
        for sheet in workbook.worksheets[:-1]:
            for row in sheet.iter_rows(min_row=8, values_only=True):
                masked = [value for value in row[1:4] if value in MASKS]
                self.assertNotEqual(len(masked), 1, (sheet.title, row))
        # The screen shows the same masks as the file.
        table = html.fromstring(str(wizard.summary_html))
        for line in table.xpath("//tbody/tr"):
            label, *cells = (cell.text for cell in line)
            self.assertEqual(
                [cell in MASKS for cell in cells],
                [value in MASKS for value in summary[label]],
                label,
            )
