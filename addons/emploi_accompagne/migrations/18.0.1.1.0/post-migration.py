"""Committees and support actions become their meetings' documents.

Before 18.0.1.1.0 a meeting knew nothing of its committee or action: set the
Calendar's document link (res_model/res_id) on each, and the *Instance
collégiale* type on the committees' meetings."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for model in ("emploi.committee", "emploi.action"):
        cr.execute(
            SQL(
                """
                UPDATE calendar_event event
                   SET res_model_id = model.id, res_model = model.model,
                       res_id = rec.id
                  FROM %s rec, ir_model model
                 WHERE rec.calendar_event_id = event.id AND model.model = %s
                """,
                SQL.identifier(env[model]._table),
                model,
            )
        )
    committee_type = env.ref("emploi_accompagne.calendar_event_type_committee")
    cr.execute(
        """
        INSERT INTO meeting_category_rel (event_id, type_id)
        SELECT calendar_event_id, %s FROM emploi_committee
         WHERE calendar_event_id IS NOT NULL
        ON CONFLICT DO NOTHING
        """,
        [committee_type.id],
    )
