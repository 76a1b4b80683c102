from datetime import datetime

from freezegun import freeze_time

from odoo import SUPERUSER_ID, api
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import EmploiCommon, JsonRpcMixin, RpcError

LOG = "emploi.access.log"


class TestAccessLog(EmploiCommon):
    """Who read health data: one line per request, refusals included."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls._beneficiary("Camille Lue", coach=cls.coach)

    def _lines(self):
        return self.env[LOG].search(
            [
                ("model", "=", "emploi.beneficiary"),
                ("res_ids", "=", str(self.person.id)),
            ]
        )

    def test_a_coach_reading_health_fields_is_logged_once(self):
        self.person.with_user(self.coach).read(
            ["name", "disability_category_id", "medical_follow_up"]
        )
        [line] = self._lines()
        self.assertEqual(
            (line.user_id, line.operation, line.field_names, line.refused),
            (self.coach, "read", "disability_category_id,medical_follow_up", False),
        )
        # Identity alone is not health data: nothing more is logged.
        self.person.with_user(self.coach).read(["name", "birthdate"])
        self.assertEqual(len(self._lines()), 1)

    def test_a_refused_read_is_logged_beyond_its_rollback(self):
        # The refusal rolls the request back: its line is written in a cursor
        # of its own, committed; so it needs a user that is committed too.
        secretary = self.env.ref("emploi_accompagne.user_secretariat_lambert_demo")
        person = self.env.ref("emploi_accompagne.emploi_beneficiary_lea_bernard_demo")
        with self.assertRaises(AccessError):
            person.with_user(secretary).read(["disability_category_id"])
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            lines = env[LOG].search(
                [("user_id", "=", secretary.id), ("res_ids", "=", str(person.id))]
            )
            self.assertEqual(len(lines), 1)
            self.assertTrue(lines.refused)
            self.assertEqual(lines.field_names, "disability_category_id")
            lines.unlink()

    def test_exports_and_prints_are_logged(self):
        self.manager.groups_id |= self.env.ref("base.group_allow_export")
        self.person.with_user(self.manager).export_data(
            ["name", "disability_category_id/name"]
        )
        self.assertEqual(self._lines().operation, "export")
        agreement = self.env["emploi.support.agreement"].create(
            {"pathway_id": self._pathway(self.person).id, "date_start": "2024-01-20"}
        )
        self.env["ir.actions.report"].with_user(self.coach)._render_qweb_html(
            "emploi_accompagne.action_report_support_agreement", agreement.ids
        )
        line = self.env[LOG].search([("model", "=", "emploi.support.agreement")])
        self.assertEqual(
            (line.user_id, line.operation, line.res_ids),
            (self.coach, "print", str(agreement.id)),
        )

    def test_a_manager_reads_the_log_in_words_and_per_person(self):
        other = self._beneficiary("Dominique Autre", coach=self.coach)
        pathway = self._pathway(self.person)
        self.person.with_user(self.coach).read(["disability_category_id"])
        pathway.with_user(self.coach).read(["exit_reason_id"])
        other.with_user(self.coach).read(["medical_follow_up"])
        Log = self.env[LOG].with_user(self.manager)
        lines = Log.search([("beneficiary_ids", "in", self.person.ids)])
        self.assertEqual(
            sorted(lines.mapped("model")), ["emploi.beneficiary", "emploi.pathway"]
        )
        file_line = lines.filtered(lambda line: line.model == "emploi.beneficiary")
        self.assertEqual(
            (
                file_line.model_label,
                file_line.record_names,
                file_line.field_labels,
                file_line.beneficiary_ids,
            ),
            (
                "Supported employment beneficiary",
                "Camille Lue",
                "Main disability",
                self.person,
            ),
        )
        pathway_line = lines - file_line
        self.assertEqual(pathway_line.field_labels, "Exit reason")
        self.assertEqual(pathway_line.beneficiary_ids, self.person)
        self.assertEqual(
            Log.search([("beneficiary_ids", "ilike", "Dominique")]).beneficiary_ids,
            other,
        )
        action = self.person.with_user(self.manager).action_view_access_log()
        self.assertEqual(Log.search(action["domain"]), lines)

    def test_the_purge_keeps_a_year(self):
        self.person.with_user(self.coach).read(["medical_follow_up"])
        [line] = self._lines()
        self.env.cr.execute(
            "UPDATE emploi_access_log SET date = %s WHERE id = %s",
            [datetime(2025, 3, 10, 9, 0), line.id],
        )
        line.invalidate_recordset()
        with freeze_time("2026-03-10 08:59:00"):
            self.env[LOG]._cron_purge()
        self.assertTrue(line.exists(), "Not yet a year: kept.")
        with freeze_time("2026-03-10 09:01:00"):
            self.env[LOG]._cron_purge()
        self.assertFalse(line.exists())


@tagged("post_install", "-at_install")
class TestAccessLogOverRpc(JsonRpcMixin, HttpCase, EmploiCommon):
    def test_nobody_alters_the_log(self):
        person = self._beneficiary("Camille Lue", coach=self.coach)
        self._rpc_passwords(self.coach, self.manager)
        self.rpc(
            self.coach, "emploi.beneficiary", "read", [person.id], ["main_benefit"]
        )
        [line_id] = self.rpc(
            self.manager, LOG, "search", [("res_ids", "=", str(person.id))]
        )
        for method, args in (
            ("write", ([line_id], {"user_id": self.manager.id})),
            ("unlink", ([line_id],)),
            ("create", ({"model": "emploi.beneficiary"},)),
        ):
            for user in (self.manager, self.coach):
                with self.assertRaises(RpcError):
                    self.rpc(user, LOG, method, *args)
        self.assertEqual(
            self.rpc(self.manager, LOG, "read", [line_id], ["user_id"])[0]["user_id"][
                0
            ],
            self.coach.id,
        )
        # Coaches do not read it.
        with self.assertRaises(RpcError):
            self.rpc(self.coach, LOG, "search", [])
