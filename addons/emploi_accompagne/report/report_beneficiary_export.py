from odoo import api, models
from odoo.exceptions import AccessError


class ReportBeneficiaryExport(models.AbstractModel):
    """The readable part of the export of a person's file (art. 15/20 GDPR):
    everything held about the person, one section a kind of record."""

    _name = "report.emploi_accompagne.report_beneficiary_export"
    _description = "Everything held about a person (PDF)"

    @api.model
    def _get_report_values(self, docids, data=None):
        if not self.env.user.has_group("emploi_accompagne.group_emploi_manager"):
            raise AccessError(
                self.env._("Only the platform's managers export a person's file.")
            )
        docs = self.env["emploi.beneficiary"].browse(docids)
        docs.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": docs._name,
            "docs": docs,
            "sections": {doc.id: doc._file_export_sections() for doc in docs},
        }
