from odoo import fields, models
from odoo.tools import SQL


class EmploiMonthAnalysis(models.Model):
    """Each pathway, once per month it was open: the caseload, entries, exits
    and people in employment month by month, for the graph view."""

    _name = "emploi.month.analysis"
    _inherit = ["emploi.analysis.mixin"]
    _description = "Monthly activity"
    _auto = False
    _order = "month desc, id desc"
    _rec_name = "month"

    company_id = fields.Many2one(
        comodel_name="res.company", string="Platform", readonly=True
    )
    month = fields.Date(readonly=True)
    open_count = fields.Integer(string="Pathways open", readonly=True, aggregator="sum")
    entry_count = fields.Integer(string="Entries", readonly=True, aggregator="sum")
    exit_count = fields.Integer(string="Exits", readonly=True, aggregator="sum")
    employed_count = fields.Integer(
        string="In employment at month end",
        readonly=True,
        aggregator="sum",
        help="Pathways with a job ongoing on the last day of the month (today for "
        "the current month).",
    )

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT row_number() OVER (ORDER BY p.id, m.month) AS id, p.company_id,
                   m.month::date AS month, 1 AS open_count,
                   (date_trunc('month', p.entry_date) = m.month)::int AS entry_count,
                   (date_trunc('month', p.exit_date) IS NOT DISTINCT FROM m.month)::int
                       AS exit_count,
                   EXISTS (
                       SELECT 1 FROM emploi_job j
                        WHERE j.pathway_id = p.id AND j.start_date <= m.last
                          AND (j.end_date IS NULL OR j.end_date >= m.last)
                   )::int AS employed_count
              FROM emploi_pathway p
              CROSS JOIN LATERAL (
                  SELECT d AS month,
                         LEAST((d + interval '1 month - 1 day')::date, CURRENT_DATE)
                             AS last
                    FROM generate_series(
                             date_trunc('month', p.entry_date),
                             date_trunc('month', COALESCE(p.exit_date, CURRENT_DATE)),
                             interval '1 month'
                         ) d
              ) m
             WHERE p.active AND NOT COALESCE(p.entry_pending, FALSE)
            """
        )
