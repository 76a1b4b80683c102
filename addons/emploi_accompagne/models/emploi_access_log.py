import logging

import psycopg2
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

_logger = logging.getLogger(__name__)


class EmploiAccessLog(models.Model):
    """Who read health data, when, which records, which fields: one line per
    request, refused reads included. The server writes it in SQL; no group may
    create or write a line (access rights); only the daily purge deletes the
    lines older than a year (CNIL guidance on logs)."""

    _name = "emploi.access.log"
    _description = "Health data access"
    _order = "date desc, id desc"

    date = fields.Datetime(readonly=True, index=True)
    user_id = fields.Many2one(
        comodel_name="res.users", readonly=True, index=True, ondelete="set null"
    )
    company_id = fields.Many2one(comodel_name="res.company", readonly=True)
    model = fields.Char(string="Kind of record", readonly=True)
    res_ids = fields.Char(string="Records", readonly=True)
    field_names = fields.Char(string="Fields", readonly=True)
    operation = fields.Selection(
        selection=[("read", "Read"), ("export", "Export"), ("print", "Print")],
        readonly=True,
    )
    refused = fields.Boolean(readonly=True)

    @api.ondelete(at_uninstall=False)
    def _unlink_by_purge_only(self):
        if not self.env.su:
            raise UserError(self.env._("The access log cannot be deleted."))

    @api.model
    def _log(self, records, field_names, operation, refused=False):
        """One line for ``records``; a refused read is written in a cursor of
        its own, as the request's transaction is rolled back."""
        query = SQL(
            """
            INSERT INTO emploi_access_log
                   (date, user_id, company_id, model, res_ids, field_names,
                    operation, refused)
            VALUES (now() at time zone 'UTC', %s, %s, %s, %s, %s, %s, %s)
            """,
            self.env.uid,
            self.env.company.id,
            records._name,
            ",".join(map(str, records.ids)),
            ",".join(sorted(field_names)),
            operation,
            refused,
        )
        if not refused:
            self.env.cr.execute(query)
            return
        try:
            with self.env.registry.cursor() as cr:
                cr.execute(query)
        except psycopg2.Error:
            # Never turn the refusal into another error (a user created in the
            # refused transaction itself cannot be logged from outside it).
            _logger.info("Refused read by uid %s not logged", self.env.uid)

    def _cron_purge(self):
        limit = fields.Datetime.now() - relativedelta(years=1)
        self.sudo().search([("date", "<", limit)]).unlink()
