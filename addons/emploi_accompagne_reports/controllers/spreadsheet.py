import psycopg2

from odoo import http
from odoo.exceptions import AccessError
from odoo.http import content_disposition, request

MODELS = {
    "report": ("emploi.funder.report.wizard", "action_report_funder_xlsx"),
    "certified": ("emploi.funder.snapshot", "action_report_funder_snapshot_xlsx"),
}


class FunderSpreadsheet(http.Controller):
    """The funder spreadsheet, on a read-only cursor: with a replica
    (`db_replica_host`), Odoo 18 serves it from the replica, never the
    primary; Odoo's `/report/download` is a read/write route."""

    @http.route(
        "/emploi_accompagne_reports/spreadsheet/<string:kind>/<int:record_id>",
        type="http",
        auth="user",
        readonly=True,
    )
    def funder_spreadsheet(self, kind, record_id, **kw):
        if kind not in MODELS:
            raise request.not_found()
        model, report = MODELS[kind]
        record = request.env[model].browse(record_id)
        if not record.exists():
            # Made a moment ago on the primary, not on the replica yet: Odoo
            # serves the request again from the primary.
            raise psycopg2.errors.ReadOnlySqlTransaction(
                f"{model} {record_id} not replicated yet"
            )
        record.check_access("read")
        action = request.env.ref(f"emploi_accompagne_reports.{report}")
        if action.groups_id and not action.groups_id & request.env.user.groups_id:
            raise AccessError(request.env._("You may not print this spreadsheet."))
        content, __ = request.env["ir.actions.report"]._render_xlsx(
            f"emploi_accompagne_reports.{report}", record.ids, None
        )
        return request.make_response(
            content,
            headers=[
                (
                    "Content-Type",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
                (
                    "Content-Disposition",
                    content_disposition(f"{record.report_filename}.xlsx"),
                ),
            ],
        )
