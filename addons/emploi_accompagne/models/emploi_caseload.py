from odoo import fields, models
from odoo.tools import SQL


class EmploiCaseload(models.Model):
    """Each job coach's caseload on each platform, against the platform's target."""

    _name = "emploi.caseload"
    _description = "Job coach caseload"
    _auto = False
    _order = "available desc, user_id, id"
    _rec_name = "user_id"

    user_id = fields.Many2one(
        comodel_name="res.users", string="Job coach", readonly=True
    )
    company_id = fields.Many2one(
        comodel_name="res.company", string="Platform", readonly=True
    )
    active_count = fields.Integer(string="Active", readonly=True)
    paused_count = fields.Integer(string="Light follow-up", readonly=True)
    caseload = fields.Integer(readonly=True, aggregator="sum")
    target = fields.Integer(readonly=True, aggregator="sum")
    available = fields.Integer(
        string="Places available",
        readonly=True,
        aggregator="sum",
        help="Target minus caseload; negative when the coach is above target.",
    )
    load = fields.Float(string="Load (%)", readonly=True, aggregator="avg")
    above_target = fields.Boolean(readonly=True)

    @property
    def _table_query(self):
        return SQL(
            """
            WITH counts AS (
                SELECT p.coach_id AS user_id, p.company_id,
                       COUNT(*) FILTER (WHERE p.state = 'active') AS active_count,
                       COUNT(*) FILTER (WHERE p.state = 'paused') AS paused_count
                  FROM emploi_pathway p
                 WHERE p.state != 'closed' AND p.active AND p.coach_id IS NOT NULL
                 GROUP BY p.coach_id, p.company_id
            ), coaches AS (
                -- Job coaches of each platform; managers only when they follow people.
                SELECT gu.uid AS user_id, cu.cid AS company_id
                  FROM res_groups_users_rel gu
                  JOIN res_company_users_rel cu ON cu.user_id = gu.uid
                  JOIN res_users u ON u.id = gu.uid AND u.active
                 WHERE gu.gid = %(coach)s
                   AND gu.uid NOT IN (
                       SELECT uid FROM res_groups_users_rel WHERE gid = %(manager)s
                   )
                 UNION
                SELECT user_id, company_id FROM counts
            )
            SELECT ROW_NUMBER() OVER (ORDER BY c.company_id, c.user_id) AS id,
                   c.user_id, c.company_id,
                   COALESCE(n.active_count, 0) AS active_count,
                   COALESCE(n.paused_count, 0) AS paused_count,
                   COALESCE(n.active_count + n.paused_count, 0) AS caseload,
                   rc.emploi_caseload_target AS target,
                   rc.emploi_caseload_target
                       - COALESCE(n.active_count + n.paused_count, 0) AS available,
                   CASE WHEN rc.emploi_caseload_target > 0
                        THEN 100.0 * COALESCE(n.active_count + n.paused_count, 0)
                             / rc.emploi_caseload_target
                   END AS load,
                   COALESCE(n.active_count + n.paused_count, 0)
                       > rc.emploi_caseload_target AS above_target
              FROM coaches c
              JOIN res_company rc ON rc.id = c.company_id
              LEFT JOIN counts n
                ON n.user_id = c.user_id AND n.company_id = c.company_id
            """,
            coach=self.env.ref("emploi_accompagne.group_emploi_coach").id,
            manager=self.env.ref("emploi_accompagne.group_emploi_manager").id,
        )
