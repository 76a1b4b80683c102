from odoo import api, fields, models
from odoo.exceptions import ValidationError


class EmploiConventionYear(models.Model):
    """Amount and targets of a convention for one calendar year, against the
    figures actually reached by the pathways it funds."""

    _name = "emploi.convention.year"
    _inherit = ["emploi.convention.line.mixin"]
    _description = "Convention yearly amount and targets"
    _order = "convention_id, year, id"
    _rec_name = "year"

    currency_id = fields.Many2one(related="convention_id.currency_id")
    year = fields.Integer(required=True)
    amount = fields.Monetary(aggregator="sum")
    target_caseload = fields.Integer(
        help="Distinct people to follow over the year (file active)."
    )
    target_entries = fields.Integer(help="New pathways to open over the year.")
    actual_caseload = fields.Integer(
        compute="_compute_actuals",
        help="People with a funded pathway active at some point of the year.",
    )
    actual_entries = fields.Integer(
        compute="_compute_actuals", help="Funded pathways opened during the year."
    )
    actual_employed = fields.Integer(
        string="In employment",
        compute="_compute_actuals",
        help="Funded pathways with a job ongoing on the last day of the year (today "
        "for the current year).",
    )
    remaining_capacity = fields.Integer(
        compute="_compute_actuals",
        help="Target caseload minus actual caseload; negative above target.",
    )
    amount_per_person = fields.Monetary(compute="_compute_actuals")
    above_target = fields.Boolean(compute="_compute_actuals")

    _sql_constraints = [
        (
            "year_unique",
            "UNIQUE(convention_id, year)",
            "A convention has a single line per year.",
        ),
        (
            "figures_positive",
            "CHECK(amount >= 0 AND target_caseload >= 0 AND target_entries >= 0)",
            "Amounts and targets cannot be negative.",
        ),
    ]

    @api.depends(
        "year",
        "amount",
        "target_caseload",
        "convention_id.date_start",
        "convention_id.date_end",
        "convention_id.company_id",
        "convention_id.rule_ids",
    )
    @api.depends_context("date_today")
    def _compute_actuals(self):
        today = fields.Date.context_today(self)
        Job = self.env["emploi.job"].sudo()
        for line in self:
            # Figures come from files the reporting role cannot read.
            convention = line.convention_id.sudo()
            pathways = (
                convention._get_funded_pathways(line.year)
                if convention and line.year
                else self.env["emploi.pathway"]
            )
            caseload = len(pathways.beneficiary_id)  # people, not pathways
            if pathways:
                first, last = convention._get_period(line.year)
                day = min(last, today) if first <= today else last
                employed = len(
                    Job._read_group(
                        [("pathway_id", "in", pathways.ids)] + Job._ongoing_domain(day),
                        ["pathway_id"],
                    )
                )
                entries = len(
                    pathways.filtered(
                        lambda p, f=first, la=last: f <= p.entry_date <= la
                    )
                )
            else:
                employed = entries = 0
            line.actual_caseload = caseload
            line.actual_entries = entries
            line.actual_employed = employed
            line.remaining_capacity = line.target_caseload - caseload
            line.amount_per_person = line.amount / caseload if caseload else 0.0
            line.above_target = caseload > line.target_caseload

    @api.constrains("year", "convention_id")
    def _check_year(self):
        for line in self:
            convention = line.convention_id
            if not (
                convention.date_start.year <= line.year <= convention.date_end.year
            ):
                raise ValidationError(
                    self.env._(
                        "The year %(year)s is outside the period of the convention "
                        "%(name)s.",
                        year=line.year,
                        name=convention.name,
                    )
                )
