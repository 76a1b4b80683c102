"""The funder report, the analyses and certified reports' printing run on a
read-only cursor: with `db_replica_host` set (`make replica`), Odoo 18 sends
them to the replica; without one, to the primary in a read-only transaction."""

import io

import openpyxl

from odoo.tests import HttpCase, tagged

from ..controllers.spreadsheet import FunderSpreadsheet
from .common import FunderDataset

ANALYSES = (
    "emploi.pathway.analysis",
    "emploi.action.analysis",
    "emploi.job.analysis",
    "emploi.month.analysis",
)


@tagged("post_install", "-at_install")
class TestReadOnlyRouting(HttpCase, FunderDataset):
    def _workbook(self, content):
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        return {
            sheet.title: list(sheet.iter_rows(values_only=True))
            for sheet in workbook.worksheets
        }

    def test_downloads_and_reads_are_routed_read_only(self):
        # The spreadsheet and a certified report's file are downloaded here.
        routing = FunderSpreadsheet.funder_spreadsheet.original_routing
        self.assertIs(routing["readonly"], True)
        # The analyses' pivot and graph, the report's on-screen figures.
        for model in (
            *ANALYSES,
            "emploi.funder.report.wizard",
            "emploi.funder.snapshot",
        ):
            for method in (
                "web_read_group",
                "read_group",
                "web_read",
                "web_search_read",
            ):
                self.assertTrue(
                    getattr(getattr(type(self.env[model]), method), "_readonly", False),
                    f"{model}.{method}",
                )

    def test_figures_and_files_are_the_same_on_a_read_only_cursor(self):
        wizard = self._wizard()
        figures, content = wizard._get_figures(), wizard._render_xlsx()
        manager_wizard = self._wizard(user=self.manager, mask_small_counts=True)
        manager_wizard.action_close_period()
        snapshot = self.env["emploi.funder.snapshot"].search([], limit=1)
        report = "emploi_accompagne_reports.action_report_funder_snapshot_xlsx"
        reprint, __ = (
            self.env["ir.actions.report"]
            .with_user(self.manager)
            ._render_xlsx(report, snapshot.ids, None)
        )
        with self.registry.cursor(readonly=True) as cr:
            self.assertTrue(cr.readonly)
            on_replica = wizard.with_env(wizard.env(cr=cr))
            self.assertEqual(on_replica._get_figures(), figures)
            self.assertEqual(
                self._workbook(on_replica._render_xlsx()), self._workbook(content)
            )
            Report = self.env(cr=cr, user=self.manager)["ir.actions.report"]
            self.assertEqual(
                self._workbook(Report._render_xlsx(report, snapshot.ids, None)[0]),
                self._workbook(reprint),
            )
            for model in ANALYSES:
                self.env(cr=cr, user=self.reporting)[model].read_group(
                    [], ["__count"], []
                )

    def test_the_spreadsheet_downloads_from_the_read_only_route(self):
        self.reporting.password = "reporting"
        wizard = self._wizard()
        action = wizard.action_export()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.authenticate("reporting", "reporting")
        # A write on the read-only cursor would be retried on the primary,
        # with a warning: there must be none.
        with self.assertNoLogs("odoo.http", "WARNING"):
            response = self.url_open(action["url"])
        self.assertEqual(response.status_code, 200)
        self.assertIn("Funder%20report", response.headers["Content-Disposition"])
        self.assertEqual(
            self._workbook(response.content), self._workbook(wizard._render_xlsx())
        )
        # Somebody else's report, a certified one's raw figures: refused.
        other = self._wizard(user=self.manager)
        self.assertEqual(
            self.url_open(
                f"/emploi_accompagne_reports/spreadsheet/report/{other.id}"
            ).status_code,
            403,
        )
        other.action_close_period()
        snapshot = self.env["emploi.funder.snapshot"].search([], limit=1)
        url = f"/emploi_accompagne_reports/spreadsheet/certified/{snapshot.id}"
        self.assertEqual(self.url_open(url).status_code, 403)
        self.manager.password = "manager"
        self.authenticate("manager", "manager")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            self.url_open("/emploi_accompagne_reports/spreadsheet/other/1").status_code,
            404,
        )
