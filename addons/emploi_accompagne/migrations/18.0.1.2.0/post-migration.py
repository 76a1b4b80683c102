"""The prescriber's e-mail names nobody in its subject and gives no reason that
speaks of health. Templates are editable: only what a platform left as shipped
is changed, in every language (the JSON of each translated field)."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL

REPLACEMENTS = {
    "subject": ("{{ object.person_name }}", "{{ object.company_id.name }}"),
    "body_html": (
        't-if="object.decision_reason_id"',
        't-if="object.decision_reason_id.told_prescriber"',
    ),
}


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env.ref("emploi_accompagne.emploi_referral_reason_redirected_care").write(
        {"told_prescriber": False}
    )
    template = env.ref("emploi_accompagne.mail_template_referral_decision")
    for field, (old, new) in REPLACEMENTS.items():
        cr.execute(
            SQL(
                """
                UPDATE mail_template
                   SET %(field)s = (
                       SELECT jsonb_object_agg(key, replace(value, %(old)s, %(new)s))
                         FROM jsonb_each_text(%(field)s))
                 WHERE id = %(id)s
                """,
                field=SQL.identifier(field),
                old=old,
                new=new,
                id=template.id,
            )
        )
    template.invalidate_recordset()
