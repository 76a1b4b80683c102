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
        help="Distinct people to follow: over the year (file active), or on a "
        "given day, as the convention counts it."
    )
    target_caseload_kind = fields.Selection(
        selection=[
            ("flow", "Over the year (file active)"),
            ("stock", "On a given day"),
        ],
        string="Caseload target counts",
        required=True,
        default="flow",
        help="A file-active target of 100 may mean 100 people followed during the "
        "year, or 100 people followed on a day: the actual is counted the same "
        "way.",
    )
    target_caseload_date = fields.Date(
        string="Counted on",
        help="For a target on a given day: the day the people followed are "
        "counted (the last day of the year when empty).",
    )
    target_entries = fields.Integer(help="New pathways to open over the year.")
    actual_caseload = fields.Integer(
        compute="_compute_actuals",
        help="People with a funded pathway open at some point of the year, or on "
        "the day the target is counted.",
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
        "target_caseload_kind",
        "target_caseload_date",
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
                convention._get_funded_pathways(*convention._get_period(line.year))
                if convention and line.year
                else self.env["emploi.pathway"]
            )
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
            caseload = len(line._counted_pathways(pathways).beneficiary_id)  # people
            line.actual_caseload = caseload
            line.actual_entries = entries
            line.actual_employed = employed
            line.remaining_capacity = line.target_caseload - caseload
            line.amount_per_person = line.amount / caseload if caseload else 0.0
            line.above_target = caseload > line.target_caseload

    def _counted_pathways(self, pathways):
        """The funded pathways the caseload target counts: all of the year's,
        or those open on the day a target on a given day is counted."""
        self.ensure_one()
        if self.target_caseload_kind == "flow":
            return pathways
        day = self.target_caseload_date or self.convention_id._get_period(self.year)[1]
        return pathways.filtered(
            lambda p: p.entry_date <= day and (not p.exit_date or p.exit_date >= day)
        )

    @api.constrains("year", "target_caseload_date")
    def _check_target_caseload_date(self):
        for line in self.filtered("target_caseload_date"):
            if line.target_caseload_date.year != line.year:
                raise ValidationError(
                    self.env._(
                        "The caseload target of %(year)s is counted on a day of "
                        "%(year)s.",
                        year=line.year,
                    )
                )

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
