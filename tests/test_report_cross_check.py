"""The funder figures against SQL written by hand from the definitions, on a
small region generated as the report benchmark does (tools/benchmark_reports.py
runs the same check at 2,000 and 20,000 people)."""

import importlib.util
import random
from pathlib import Path

from odoo.tests import TransactionCase, tagged

BENCHMARK = Path(__file__).resolve().parent.parent / "tools" / "benchmark_reports.py"


def load_benchmark():
    spec = importlib.util.spec_from_file_location("benchmark_reports", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestReportCrossCheck(TransactionCase):
    def test_engine_equals_hand_written_sql_on_a_generated_region(self):
        bench = load_benchmark()
        companies, reporting = bench.seed_region(
            self.env, 0.01, random.Random(7), platforms=3, coaches_per_platform=2
        )
        engine = self.env(user=reporting)["emploi.funder.indicators"]._compute_figures(
            *bench.PERIOD, companies
        )
        raw = bench.raw_figures(
            self.env.cr, companies, bench.RAW_SQL | bench.RAW_SQL_MORE
        )
        # 200 people, 250 pathways, 4,000 actions over 3 platforms.
        self.assertGreater(sum(raw["A1", None].values()), 50)
        self.assertGreater(len(raw), 40)  # series: every family, every key
        self.assertEqual(bench.compare(engine, raw), [])
