"""Support actions and committee delays were dated in UTC: date them again in
the platform's time zone."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for model, field in (
        ("emploi.action", "date"),
        ("emploi.referral", "days_to_committee"),
    ):
        records = env[model].with_context(active_test=False).search([])
        env.add_to_compute(records._fields[field], records)
        records.flush_model()
