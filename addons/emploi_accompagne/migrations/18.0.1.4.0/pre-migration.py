"""The disclosure plan becomes the sharing agreement with any partner: its
employer becomes the partner, history and tracking kept."""

from odoo.tools import SQL
from odoo.tools.sql import column_exists, rename_column


def migrate(cr, version):
    if not column_exists(cr, "emploi_disclosure", "employer_id"):
        return
    rename_column(cr, "emploi_disclosure", "employer_id", "partner_id")
    cr.execute(
        SQL(
            """
            UPDATE ir_model_fields SET name = 'partner_id'
             WHERE model = 'emploi.disclosure' AND name = 'employer_id';
            UPDATE ir_model_data SET name = 'field_emploi_disclosure__partner_id'
             WHERE module = 'emploi_accompagne'
               AND name = 'field_emploi_disclosure__employer_id';
            """
        )
    )
