from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _emploi_portal_organisation(self):
        """The organisation a portal user refers for (their contact's company),
        or an empty recordset: internal users and lone contacts have none."""
        self.ensure_one()
        organisation = self.partner_id.commercial_partner_id
        if not self.share or self._is_public() or organisation == self.partner_id:
            return self.env["res.partner"]
        return organisation
