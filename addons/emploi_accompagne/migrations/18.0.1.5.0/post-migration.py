"""The intermediate archive is read by the managers only: the record rules
(noupdate) are loaded again so that the coaches' and the secretariat's rules
leave the archived files out."""

from odoo import SUPERUSER_ID, api
from odoo.tools import convert_file


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    convert_file(
        env,
        "emploi_accompagne",
        "security/emploi_accompagne_rules.xml",
        {},
        mode="init",
    )
