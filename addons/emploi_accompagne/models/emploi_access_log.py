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
    model_label = fields.Char(string="Kind", compute="_compute_labels")
    record_names = fields.Char(string="Read", compute="_compute_labels")
    field_labels = fields.Char(string="Health fields", compute="_compute_labels")
    beneficiary_ids = fields.Many2many(
        comodel_name="emploi.beneficiary",
        string="People",
        compute="_compute_labels",
        search="_search_beneficiary_ids",
    )

    def _logged_records(self):
        self.ensure_one()
        if self.model not in self.env:
            return None
        ids = [int(i) for i in (self.res_ids or "").split(",") if i]
        Model = self.env[self.model].sudo().with_context(active_test=False)
        return Model.browse(ids).exists()

    @api.depends("model", "res_ids", "field_names")
    def _compute_labels(self):
        People = self.env["emploi.beneficiary"]
        for line in self:
            records = line._logged_records()
            if records is None:
                line.update(
                    {
                        "model_label": line.model,
                        "record_names": line.res_ids,
                        "field_labels": line.field_names,
                        "beneficiary_ids": People,
                    }
                )
                continue
            names = records[:5].mapped("display_name")
            if len(records) > 5:
                names.append(self.env._("and %s more", len(records) - 5))
            line.model_label = self.env["ir.model"]._get(line.model).name
            line.record_names = ", ".join(names)
            line.field_labels = ", ".join(
                records._fields[name].get_description(self.env)["string"]
                for name in (line.field_names or "").split(",")
                if name in records._fields
            )
            line.beneficiary_ids = (
                records
                if records._name == People._name
                else records["beneficiary_id"]
                if "beneficiary_id" in records._fields
                else People
            )

    def _search_beneficiary_ids(self, operator, value):
        People = self.env["emploi.beneficiary"].sudo().with_context(active_test=False)
        if operator in ("ilike", "=ilike", "like", "=like") and isinstance(value, str):
            people = People.search([("name", operator, value)])
        elif operator in ("in", "="):
            people = People.browse(value if isinstance(value, list) else [value])
        else:
            raise UserError(self.env._("Unsupported search on the people read."))
        conditions = []
        for model in self.env.registry.descendants(
            ["emploi.health.access.mixin"], "_inherit"
        ):
            Model = self.env[model].sudo().with_context(active_test=False)
            if Model._abstract:
                continue
            records = (
                people
                if model == People._name
                else Model.search([("beneficiary_id", "in", people.ids)])
            )
            if records:
                conditions.append(
                    SQL(
                        "(model = %s AND string_to_array(res_ids, ',')::int[] && %s)",
                        model,
                        records.ids,
                    )
                )
        if not conditions:
            return [("id", "in", [])]
        rows = self.env.execute_query(
            SQL(
                "SELECT id FROM emploi_access_log WHERE %s",
                SQL(" OR ").join(conditions),
            )
        )
        return [("id", "in", [row[0] for row in rows])]

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
