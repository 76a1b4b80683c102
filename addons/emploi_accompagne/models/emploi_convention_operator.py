from odoo import api, fields, models
from odoo.exceptions import ValidationError


class EmploiConventionOperator(models.Model):
    """Platform mode: the share of a convention delegated to a partner operator."""

    _name = "emploi.convention.operator"
    _inherit = ["emploi.convention.line.mixin"]
    _description = "Convention operator split"
    _order = "convention_id, id"
    _rec_name = "operator_partner_id"

    operator_partner_id = fields.Many2one(
        comodel_name="res.partner", string="Operator", required=True
    )
    caseload_share = fields.Float(string="Caseload share (%)", digits=(5, 2))
    amount_share = fields.Float(string="Funding share (%)", digits=(5, 2))
    actual_caseload = fields.Integer(
        compute="_compute_actual_caseload",
        help="People with an open pathway whose file is delegated to this operator.",
    )
    actual_share = fields.Float(
        string="Actual caseload share (%)",
        compute="_compute_actual_caseload",
        digits=(5, 2),
    )

    _sql_constraints = [
        (
            "operator_unique",
            "UNIQUE(convention_id, operator_partner_id)",
            "An operator appears once per convention.",
        ),
        (
            "shares_range",
            "CHECK(caseload_share BETWEEN 0 AND 100 "
            "AND amount_share BETWEEN 0 AND 100)",
            "Shares are percentages between 0 and 100.",
        ),
    ]

    @api.depends("operator_partner_id", "company_id")
    @api.depends_context("date_today")
    def _compute_actual_caseload(self):
        # Figures come from files the reporting role cannot read.
        Beneficiary = self.env["emploi.beneficiary"].sudo()
        today = fields.Date.context_today(self)
        followed = [
            ("company_id", "in", self.company_id.ids),
            (
                "pathway_ids",
                "any",
                [
                    ("entry_date", "<=", today),
                    "|",
                    ("exit_date", "=", False),
                    ("exit_date", ">=", today),
                ],
            ),
        ]
        per_operator = {
            (company, operator): count
            for company, operator, count in Beneficiary._read_group(
                followed, ["company_id", "operator_partner_id"], ["__count"]
            )
        }
        totals = dict(Beneficiary._read_group(followed, ["company_id"], ["__count"]))
        for line in self:
            count = per_operator.get((line.company_id, line.operator_partner_id), 0)
            total = totals.get(line.company_id, 0)
            line.actual_caseload = count
            line.actual_share = 100.0 * count / total if total else 0.0

    @api.constrains("caseload_share", "amount_share", "convention_id")
    def _check_total_shares(self):
        for convention in self.convention_id:
            operators = convention.operator_ids
            if (
                sum(operators.mapped("caseload_share")) > 100
                or sum(operators.mapped("amount_share")) > 100
            ):
                raise ValidationError(
                    self.env._(
                        "The operators of %s share more than 100%% of the caseload "
                        "or of the funding.",
                        convention.name,
                    )
                )
