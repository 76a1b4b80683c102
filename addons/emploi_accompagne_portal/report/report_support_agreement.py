from odoo import api, models


class ReportSupportAgreement(models.AbstractModel):
    _inherit = "report.emploi_accompagne.report_support_agreement"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data)
        signatures = values["docs"]._online_signatures().filtered("signed_on")
        values["online_signatures"] = {
            (request.agreement_id.id, request.party): request for request in signatures
        }
        return values
