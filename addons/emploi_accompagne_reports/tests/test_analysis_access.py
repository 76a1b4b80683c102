from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from odoo.addons.emploi_accompagne.tests.common import JsonRpcMixin, RpcError

from .common import FunderDataset

PATHWAYS = "emploi.pathway.analysis"
# What an attacker asks for: one row per person, with their disability.
ROW_FIELDS = {
    PATHWAYS: [
        "entry_date",
        "gender",
        "age_band",
        "disability_category_id",
        "coach_id",
    ],
    "emploi.action.analysis": ["date", "coach_id", "action_type_id", "attendance"],
    "emploi.job.analysis": ["start_date", "coach_id", "contract_type_id", "gender"],
}
ROWS_RESERVED = "reserved to platform managers"


@tagged("post_install", "-at_install")
class TestAnalysisRowsAreReserved(FunderDataset):
    """The analyses give the reporting role counts of at least 5, never a row.

    Hand counts (see FunderDataset): 8 pathways, 7 on Plateforme A and 1 on B
    (Gaston); 3 jobs, all on A; 3 support actions, all Anne's on A."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Even allowed to export, the reporting role exports no row.
        export = cls.env.ref("base.group_allow_export")
        (cls.reporting | cls.manager).groups_id = [Command.link(export.id)]

    def _as(self, user, model):
        return (
            self.env[model]
            .with_user(user)
            .with_context(allowed_company_ids=self.both.ids)
        )

    def _ids(self, model):
        return self.env[model].search([("company_id", "in", self.both.ids)]).ids

    def _row_reads(self, records, fields):
        """Every public way to get rows out of a model (name: call)."""
        model = records.browse()
        spec = {name: {} for name in fields}
        return {
            "search_read": lambda: model.search_read([], fields),
            "search": lambda: model.search([]),
            "search_count": lambda: model.search_count([]),
            "search_fetch": lambda: model.search_fetch([], fields),
            "read": lambda: records.read(fields),
            "web_search_read": lambda: model.web_search_read([], spec),
            "web_read": lambda: records.web_read(spec),
            "export_data": lambda: records.export_data(fields),
            "name_search": lambda: model.name_search(""),
            "mapped": lambda: records.mapped(fields[-1]),
            "filtered_domain": lambda: records.filtered_domain(
                [(fields[-1], "!=", False)]
            ),
        }

    def test_reporting_role_reads_no_row(self):
        for model, fields in ROW_FIELDS.items():
            ids = self._ids(model)
            self.assertTrue(ids, model)
            records = self._as(self.reporting, model).browse(ids)
            for name, call in self._row_reads(records, fields).items():
                with self.subTest(model=model, call=name):
                    with self.assertRaisesRegex(AccessError, ROWS_RESERVED):
                        call()

    def test_managers_keep_the_rows(self):
        for model, fields in ROW_FIELDS.items():
            ids = self._ids(model)
            records = self._as(self.manager, model).browse(ids)
            for name, call in self._row_reads(records, fields).items():
                with self.subTest(model=model, call=name):
                    call()
        rows = self._as(self.manager, PATHWAYS).search_read([], ["company_id"])
        self.assertEqual(len(rows), 8)

    def test_groups_under_five_are_not_returned(self):
        a, b = self.platform.id, self.other_platform.id

        def by_platform(user):
            groups = self._as(user, PATHWAYS).read_group(
                [], ["pathway_count:sum"], ["company_id"]
            )
            return {
                group["company_id"][0]: (
                    group["company_id_count"],
                    group["pathway_count"],
                )
                for group in groups
            }

        # Gaston is alone on Plateforme B: his group is not returned.
        self.assertEqual(by_platform(self.reporting), {a: (7, 7)})
        self.assertEqual(by_platform(self.manager), {a: (7, 7), b: (1, 1)})
        # Eager grouping, and the grand total of the 3 jobs (a pivot's "Total").
        Pathways = self._as(self.reporting, PATHWAYS)
        eager = Pathways.read_group(
            [], ["__count"], ["company_id", "employed_at_entry"], lazy=False
        )
        self.assertEqual(
            [(g["company_id"][0], g["employed_at_entry"], g["__count"]) for g in eager],
            [(a, False, 6)],  # Chloé (A, employed at entry) and Gaston are hidden
        )
        Jobs = self._as(self.reporting, "emploi.job.analysis")
        self.assertEqual(Jobs.read_group([], ["job_count:sum"], []), [])
        self.assertEqual(
            self._as(self.manager, "emploi.job.analysis").read_group(
                [], ["job_count:sum"], []
            )[0]["job_count"],
            3,
        )
        # The other ways to count go through the same filter.
        self.assertEqual(
            Pathways.web_read_group([], ["__count"], ["company_id"])["length"], 1
        )
        progress = Pathways.read_progress_bar(
            [],
            "company_id",
            {"field": "employed_at_entry", "colors": {False: "muted", True: "info"}},
        )
        self.assertEqual(progress, {str(a): {False: 6, True: 0}})

    def test_aggregates_that_list_rows_are_refused(self):
        Pathways = self._as(self.reporting, PATHWAYS)
        for spec in ("id:array_agg", "coach_id:recordset", "entry_date:min"):
            with self.subTest(spec=spec):
                with self.assertRaisesRegex(AccessError, "counts, sums and averages"):
                    Pathways.read_group([], [spec], ["disability_category_id"])
        # The measures of the pivot view remain.
        Pathways.read_group(
            [],
            ["pathway_count:sum", "duration_days:avg", "coach_id:count_distinct"],
            ["company_id"],
        )

    def test_reporting_menus_open_no_list(self):
        for xmlid in (
            "emploi_pathway_analysis_action",
            "emploi_action_analysis_action",
            "emploi_job_analysis_action",
        ):
            action = self.env.ref(f"emploi_accompagne_reports.{xmlid}")
            self.assertEqual(action.view_mode, "pivot,graph", xmlid)


@tagged("post_install", "-at_install")
class TestAnalysisOverRpc(JsonRpcMixin, HttpCase, FunderDataset):
    """The same, as an outside JSON-RPC client logged in as each role."""

    _ids = TestAnalysisRowsAreReserved._ids

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_passwords(cls.reporting, cls.manager)

    def test_reporting_role_gets_no_row_over_jsonrpc(self):
        for model, fields in ROW_FIELDS.items():
            for method, args in (
                ("search_read", ([], fields)),
                ("read", (self._ids(model), fields)),
                ("web_search_read", ([], {name: {} for name in fields})),
                ("search", ([],)),
            ):
                with self.subTest(model=model, method=method):
                    with self.assertRaisesRegex(RpcError, ROWS_RESERVED):
                        self.rpc(self.reporting, model, method, *args)
        rows = self.rpc(self.manager, PATHWAYS, "search_read", [], ROW_FIELDS[PATHWAYS])
        self.assertEqual(len(rows), 8)

    def test_reporting_role_gets_counts_of_five_or_more(self):
        groups = self.rpc(
            self.reporting, PATHWAYS, "read_group", [], ["__count"], ["company_id"]
        )
        self.assertEqual(
            [(g["company_id"][0], g["company_id_count"]) for g in groups],
            [(self.platform.id, 7)],
        )
        with self.assertRaisesRegex(RpcError, "counts, sums and averages"):
            self.rpc(
                self.reporting,
                PATHWAYS,
                "read_group",
                [],
                ["id:array_agg"],
                ["disability_category_id"],
            )
