"""Certified reports become tamper-evident.

Before 18.0.1.1.0 the spreadsheet of a certified report was an attachment
(which ir.attachment could rewrite) and a consolidated report was readable with
access to any one of its platforms. Move each file into its record, take the
fingerprints of the figures and file as they are now, drop the attachments, and
give the platform rule (noupdate) its new domain."""

import base64
import hashlib

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env.ref("emploi_accompagne_reports.emploi_funder_snapshot_rule_company").write(
        {
            "name": "emploi.funder.snapshot: every platform is the user's",
            "domain_force": "[('company_ids', 'not any', "
            "[('id', 'not in', company_ids)])]",
        }
    )
    attachments = (
        env["ir.attachment"]
        .with_context(active_test=False)
        .search(
            [
                ("res_model", "=", "emploi.funder.snapshot"),
                ("res_field", "=", "spreadsheet"),
            ],
            order="id",
        )
    )
    files = {attachment.res_id: attachment.raw for attachment in attachments}
    cr.execute("SELECT id, figures FROM emploi_funder_snapshot")
    for snapshot_id, figures in cr.fetchall():
        content = files.get(snapshot_id) or b""
        cr.execute(
            SQL(
                """
                UPDATE emploi_funder_snapshot
                   SET spreadsheet = %(file)s, figures_sha256 = %(figures_sha256)s,
                       spreadsheet_sha256 = %(file_sha256)s
                 WHERE id = %(id)s
                """,
                file=base64.b64encode(content) if content else None,
                figures_sha256=hashlib.sha256(figures.encode()).hexdigest(),
                file_sha256=hashlib.sha256(content).hexdigest() if content else None,
                id=snapshot_id,
            )
        )
    attachments.unlink()
