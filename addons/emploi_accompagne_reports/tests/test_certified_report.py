import base64
import hashlib
import io
import json
from datetime import date

import openpyxl

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.emploi_accompagne.tests.common import JsonRpcMixin, RpcError

from .common import FunderDataset

SNAPSHOT = "emploi.funder.snapshot"
# What the code used to accept as a key to rewrite a certified report.
UNLOCK = {"snapshot_certifying": True}


def sha256(data):
    return hashlib.sha256(data).hexdigest()


class CertifiedReportCommon(FunderDataset):
    def _close(self, user=None, **values):
        """Close 2025 as ``user`` (a manager by default): the certified report."""
        wizard = self._wizard(user=user or self.manager, **values)
        action = wizard.action_close_period()
        return self.env[SNAPSHOT].browse(action["res_id"])

    def _file(self, snapshot):
        return base64.b64decode(snapshot.with_context(bin_size=False).spreadsheet)


@tagged("post_install", "-at_install")
class TestCertifiedReport(CertifiedReportCommon):
    def test_only_managers_close_a_period_and_only_so(self):
        with self.assertRaisesRegex(AccessError, "Only platform managers"):
            self._close(user=self.reporting)
        for user in (self.manager, self.reporting):
            with self.assertRaisesRegex(AccessError, "closing the period"):
                self.env[SNAPSHOT].with_user(user).create(
                    {
                        "date_from": date(2025, 1, 1),
                        "date_to": date(2025, 12, 31),
                        "company_ids": [Command.set(self.platform.ids)],
                        "figures": "[]",
                    }
                )
        snapshot = self._close()
        self.assertEqual(snapshot.create_uid, self.manager)
        self.assertEqual(snapshot._get_figures()["A3", None][self.platform.id], 3)

    def test_no_context_key_unlocks_a_certified_report(self):
        snapshot = self._close()
        figures, file = snapshot.figures, self._file(snapshot)
        forged = json.dumps([["A3", None, [[self.platform.id, 30]]]])
        for values in (
            {"figures": forged},
            {"spreadsheet": base64.b64encode(b"forged")},
            {"date_to": date(2025, 6, 30)},
            {"company_ids": [Command.set(self.platform.ids)]},
            {"mask_small_counts": True},
            {"figures_sha256": sha256(forged.encode())},
        ):
            with self.subTest(values=list(values)):
                # Not the manager, not even the server, with or without the
                # old key.
                for records in (snapshot.with_user(self.manager), snapshot.sudo()):
                    for context in ({}, UNLOCK):
                        with self.assertRaisesRegex(UserError, "cannot be changed"):
                            records.with_context(**context).write(values)
        snapshot.invalidate_recordset()
        self.assertEqual(snapshot.figures, figures)
        self.assertEqual(self._file(snapshot), file)
        self.assertTrue(snapshot.intact)

    def test_archiving_is_a_managers_action_not_a_write(self):
        snapshot = self._close()
        as_manager = snapshot.with_user(self.manager)
        for user in (self.manager, self.reporting):
            with self.assertRaises(AccessError):
                snapshot.with_user(user).write({"active": False})
            with self.assertRaises(AccessError):
                snapshot.with_user(user).toggle_active()
        with self.assertRaisesRegex(AccessError, "Only platform managers"):
            snapshot.with_user(self.reporting).action_archive()
        as_manager.action_archive()
        self.assertFalse(snapshot.active)
        as_manager.action_unarchive()
        self.assertTrue(snapshot.active)
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            snapshot.sudo().unlink()

    def test_fingerprints_tell_whether_figures_and_file_are_intact(self):
        snapshot = self._close()
        self.assertEqual(snapshot.figures_sha256, sha256(snapshot.figures.encode()))
        self.assertEqual(snapshot.spreadsheet_sha256, sha256(self._file(snapshot)))
        self.assertEqual(self._file(snapshot)[:2], b"PK")  # an .xlsx (zip) file
        # The server takes them itself: fingerprints given are ignored.
        forged = snapshot.sudo().copy(
            {"spreadsheet": snapshot.spreadsheet, "figures_sha256": "0" * 64}
        )
        self.assertEqual(forged.figures_sha256, snapshot.figures_sha256)
        self.assertEqual(snapshot._check_integrity(), [True])
        self.assertTrue(snapshot.with_user(self.reporting).intact)
        # Changed behind the ORM, straight in the database: it shows.
        self.env.flush_all()
        forged = snapshot.figures.replace("[", "[ ", 1)  # same JSON, other text
        self.env.cr.execute(
            "UPDATE emploi_funder_snapshot SET figures = %s WHERE id = %s",
            [forged, snapshot.id],
        )
        snapshot.invalidate_recordset()
        self.assertEqual(snapshot._check_integrity(), [False])
        self.assertFalse(snapshot.with_user(self.reporting).intact)
        other = self._close(mask_small_counts=True)
        self.env.cr.execute(
            "UPDATE emploi_funder_snapshot SET spreadsheet = %s WHERE id = %s",
            [base64.b64encode(b"forged"), other.id],
        )
        other.invalidate_recordset()
        self.assertFalse(other.intact)
        # The form shows it.
        arch = self.env[SNAPSHOT].with_user(self.reporting).get_views([(False, "form")])
        self.assertIn('name="intact"', arch["views"]["form"]["arch"])

    def test_figures_are_for_managers_the_masked_file_for_reporting(self):
        internal = self._close(mask_small_counts=False)
        masked = self._close(mask_small_counts=True)
        as_reporting = self.env[SNAPSHOT].with_user(self.reporting)
        # An unmasked report stays inside: managers only.
        self.assertEqual(as_reporting.search([]), masked)
        self.assertEqual(
            self.env[SNAPSHOT].with_user(self.manager).search([]).ids,
            (masked | internal).ids,
        )
        with self.assertRaises(AccessError):
            internal.with_user(self.reporting).read(["spreadsheet"])
        # The masked file, yes; its raw figures (the counts under 5), no.
        [row] = masked.with_user(self.reporting).read(["name", "spreadsheet", "intact"])
        self.assertTrue(row["spreadsheet"] and row["intact"])
        with self.assertRaises(AccessError):
            masked.with_user(self.reporting).read(["figures"])
        with self.assertRaises(AccessError):
            as_reporting.search_read([], ["figures"])
        self.assertNotIn("figures", as_reporting.fields_get(attributes=["type"]))
        # Nor the spreadsheet re-made from the figures (the Print menu).
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.reporting)._render_xlsx(
                "emploi_accompagne_reports.action_report_funder_snapshot_xlsx",
                masked.ids,
                None,
            )

    def test_consolidated_report_needs_every_platform(self):
        consolidated = self._close(mask_small_counts=True)
        platform_b = self._close(
            mask_small_counts=True, company_ids=[Command.set(self.other_platform.ids)]
        )
        self.assertEqual(consolidated.company_ids, self.both)
        reporting_b = self._new_user("reporting", self.other_platform, "reporting_b")
        self.assertEqual(
            self.env[SNAPSHOT].with_user(reporting_b).search([]), platform_b
        )
        with self.assertRaises(AccessError):
            consolidated.with_user(reporting_b).read(["name"])
        self.assertEqual(
            self.env[SNAPSHOT].with_user(self.reporting).search([]),
            consolidated | platform_b,
        )

    def test_breakdowns_are_keyed_by_stable_codes(self):
        snapshot = self._close()
        reason = self.reason_stabilised
        self.assertEqual(
            snapshot._get_figures()["A5_reason", reason.code][self.platform.id], 1
        )
        # Renamed afterwards, the reason keeps its line when the certified
        # figures are printed again.
        reason.name = "Emploi stabilisé (nouvel intitulé)"
        content = self.env[
            "report.emploi_accompagne_reports.funder_xlsx"
        ]._render_spreadsheet(snapshot, snapshot._get_figures())
        rows = {
            row[0]: row[1]
            for row in openpyxl.load_workbook(io.BytesIO(content))[
                "Activity"
            ].iter_rows(values_only=True)
        }
        self.assertEqual(rows["Emploi stabilisé (nouvel intitulé)"], 1)
        self.assertNotIn("Not recorded", rows)
        # Reports certified when breakdowns were keyed by ids read the same.
        legacy = json.dumps([["A5_reason", reason.id, [[self.platform.id, 1]]]])
        self.assertEqual(
            self.env[SNAPSHOT]._figures_from_json(legacy),
            {("A5_reason", reason.code): {self.platform.id: 1}},
        )


@tagged("post_install", "-at_install")
class TestCertifiedReportOverRpc(JsonRpcMixin, HttpCase, CertifiedReportCommon):
    """What a manager with a plain JSON-RPC client can do to a certified report."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_passwords(cls.manager, cls.reporting)

    def test_figures_cannot_be_rewritten_over_jsonrpc(self):
        snapshot = self._close(mask_small_counts=True)
        figures = snapshot.figures
        forged = json.dumps([["A3", None, [[self.platform.id, 30]]]])
        with self.assertRaises(RpcError):
            self.rpc(
                self.manager,
                SNAPSHOT,
                "write",
                [snapshot.id],
                {"figures": forged},
                context=UNLOCK,
            )
        with self.assertRaisesRegex(RpcError, "closing the period"):
            self.rpc(
                self.manager,
                SNAPSHOT,
                "create",
                {
                    "date_from": "2025-01-01",
                    "date_to": "2025-12-31",
                    "company_ids": [Command.set(self.platform.ids)],
                    "figures": forged,
                },
                context=UNLOCK,
            )
        with self.assertRaises(RpcError):
            self.rpc(self.reporting, SNAPSHOT, "read", [snapshot.id], ["figures"])
        snapshot.invalidate_recordset()
        self.assertEqual(snapshot.figures, figures)

    def test_spreadsheet_cannot_be_replaced_through_attachments(self):
        snapshot = self._close(mask_small_counts=True)
        certified = self._file(snapshot)
        forged = base64.b64encode(b"forged spreadsheet").decode()
        bound = [
            ("res_model", "=", SNAPSHOT),
            ("res_id", "=", snapshot.id),
            ("res_field", "=", "spreadsheet"),
        ]

        def attempt(method, *args):
            try:
                return self.rpc(self.manager, "ir.attachment", method, *args)
            except RpcError:
                return None  # refused: just as good

        # The attachment holding the file, if any: rewritten or deleted.
        for attachment_id in attempt("search", bound) or []:
            attempt("write", [attachment_id], {"datas": forged})
            attempt("unlink", [attachment_id])
        # A new one bound to the record, at once or in two steps.
        attempt(
            "create",
            {"name": "forged.xlsx", "datas": forged, **{k: v for k, __, v in bound}},
        )
        second = attempt(
            "create",
            {
                "name": "forged.xlsx",
                "datas": forged,
                "res_model": SNAPSHOT,
                "res_field": "spreadsheet",
            },
        )
        if second:
            attempt("write", [second], {"res_id": snapshot.id})
        # Whichever way the file is read, it is the certified one.
        snapshot.invalidate_recordset()
        self.assertEqual(self._file(snapshot), certified)
        self.assertTrue(snapshot.intact)
        for user in (self.manager, self.reporting):
            self.authenticate(user.login, user.login)
            response = self.url_open(
                f"/web/content/{SNAPSHOT}/{snapshot.id}/spreadsheet?download=true"
            )
            self.assertEqual(response.status_code, 200)
            self.assertEqual(sha256(response.content), snapshot.spreadsheet_sha256)
