"""The coaches' rule on support actions changes (no more "actions I did"):
records of noupdate files are never reloaded, so the old rule goes and the
module's file creates the new one."""

from odoo.tools import SQL


def migrate(cr, version):
    cr.execute(
        SQL(
            """
            DELETE FROM ir_rule WHERE id IN (
                SELECT res_id FROM ir_model_data
                 WHERE module = 'emploi_accompagne' AND name = %s)
            """,
            "emploi_action_rule_coach",
        )
    )
    cr.execute(
        SQL(
            "DELETE FROM ir_model_data "
            "WHERE module = 'emploi_accompagne' AND name = %s",
            "emploi_action_rule_coach",
        )
    )
