from odoo import api, models
from odoo.exceptions import AccessError


class ReportSupportAgreement(models.AbstractModel):
    """The agreement's PDF holds the accommodations agreed, which follow from
    the person's disability: printed by the people who may read them."""

    _name = "report.emploi_accompagne.report_support_agreement"
    _description = "Individual support agreement (PDF)"

    @api.model
    def _get_report_values(self, docids, data=None):
        # The superuser prints the signed copy kept with an online signature.
        if not self.env.su and not self.env.user.has_group(
            "emploi_accompagne.group_emploi_coach"
        ):
            raise AccessError(
                self.env._(
                    "The support agreement holds health-related accommodations: "
                    "only job coaches and managers print it."
                )
            )
        docs = self.env["emploi.support.agreement"].browse(docids)
        docs.check_access("read")
        self.env["emploi.access.log"]._log(docs, {"accommodations"}, "print")
        return {"doc_ids": docids, "doc_model": docs._name, "docs": docs}
