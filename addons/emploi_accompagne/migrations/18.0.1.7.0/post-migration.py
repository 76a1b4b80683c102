""" "Care first" and "training first" contradict IPS's zero exclusion: flag the
shipped reasons (noupdate data)."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid in ("redirected_care", "redirected_training"):
        reason = env.ref(
            f"emploi_accompagne.emploi_referral_reason_{xmlid}",
            raise_if_not_found=False,
        )
        if reason:
            reason.contrary_to_ips = True
