from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import FunderDataset

ANALYSES = (
    "emploi.pathway.analysis",
    "emploi.action.analysis",
    "emploi.job.analysis",
    "emploi.month.analysis",
)


@tagged("post_install", "-at_install")
class TestAnalysis(FunderDataset):
    """The on-screen analyses, on the hand-counted dataset of the funder report."""

    def _groups(self, model, groupby, aggregate, domain=()):
        records = self.env[model].with_user(self.reporting)
        records = records.with_context(allowed_company_ids=self.both.ids)
        return dict(records._read_group(list(domain), [groupby], [aggregate]))

    def test_pathways_by_breakdown(self):
        by_age = self._groups(
            "emploi.pathway.analysis", "age_band", "pathway_count:sum"
        )
        # Born 17 May 1990: 33 at the 2024 entries, 34 or 35 at the later ones.
        self.assertEqual(by_age, {"d_30_39": 8})
        employed = self._groups(
            "emploi.pathway.analysis", "employed_at_entry", "pathway_count:sum"
        )
        self.assertEqual(employed, {False: 7, True: 1})

    def test_month_by_month_on_screen(self):
        Months = (
            self.env["emploi.month.analysis"]
            .with_user(self.manager)
            .with_context(allowed_company_ids=self.both.ids)
        )
        measures = ["open_count:sum", "entry_count:sum", "exit_count:sum"]
        rows = Months._read_group(
            [
                ("company_id", "=", self.platform.id),
                ("month", ">=", "2025-01-01"),
                ("month", "<=", "2025-12-01"),
            ],
            ["month:month"],
            [*measures, "employed_count:sum"],
        )
        by_month = {month.month: values for month, *values in rows}
        # The same as the funder spreadsheet's monthly series.
        self.assertEqual(
            [by_month[m][0] for m in range(1, 13)], [2, 2, 2, 2, 2, 3, 3, 3, 4, 4, 4, 4]
        )
        self.assertEqual(
            [by_month[m][1] for m in range(1, 13)], [0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0]
        )
        self.assertEqual(by_month[2][2], 1)
        self.assertEqual(
            [by_month[m][3] for m in range(1, 13)], [0, 0, 1, 2, 2, 2, 2, 2, 2, 3, 3, 2]
        )
        # The reporting role's graph keeps the months of 5 pathways or more.
        graph = (
            self.env["emploi.month.analysis"]
            .with_user(self.reporting)
            .with_context(allowed_company_ids=self.both.ids)
            .read_group(
                [("month", ">=", "2025-01-01"), ("month", "<=", "2025-12-01")],
                ["open_count:sum"],
                ["month:month"],
            )
        )
        self.assertEqual(
            [group["open_count"] for group in graph], [5, 5, 5, 5]
        )  # September to December: Gaston and the 4 of A

    def test_jobs_by_working_time_and_durability(self):
        # Anne (CDI), Chloé (CDI, from before her entry), Denis (short CDD): 24 h.
        self.assertEqual(
            self._groups("emploi.job.analysis", "working_time_band", "job_count:sum"),
            {"c_24_34": 3},
        )
        self.assertEqual(
            self._groups("emploi.job.analysis", "is_durable", "job_count:sum"),
            {True: 2, False: 1},
        )
        self.assertEqual(
            self._groups("emploi.job.analysis", "ongoing", "job_count:sum"),
            {True: 2, False: 1},
        )

    def test_actions_by_outcome(self):
        self.assertEqual(
            self._groups("emploi.action.analysis", "attendance", "duration:sum"),
            {"held": 3.0, "no_show": 1.5},
        )

    def test_another_platform_is_invisible(self):
        reporting_b = self._new_user("reporting", self.other_platform, "reporting_b")
        # Counted in Python (_read_group): the reporting role may not list rows,
        # and read_group would hide Gaston, alone on Plateforme B.
        # Gaston's pathway, open since January 2025: one row a month to date.
        months = (date.today().year - 2025) * 12 + date.today().month
        for model, count in zip(ANALYSES, (1, 0, 0, months), strict=True):
            groups = (
                self.env[model]
                .with_user(reporting_b)
                ._read_group([], ["company_id"], ["__count"])
            )
            expected = [(self.other_platform, count)] if count else []
            self.assertEqual(groups, expected, model)

    def test_no_identifying_column(self):
        for model in ANALYSES:
            fields = self.env[model]._fields
            for name in ("name", "beneficiary_id", "partner_id", "pathway_id"):
                self.assertNotIn(name, fields, model)
            self.env[model].with_user(self.reporting).get_views(
                [(False, "pivot"), (False, "graph"), (False, "list"), (False, "search")]
            )

    def test_reporting_role_reads_no_file(self):
        with self.assertRaises(AccessError):
            self.env["emploi.beneficiary"].with_user(self.reporting).search([])
