from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import format_date

from .emploi_fidelity_item import FIDELITY_GROUPS

GOOD_FIDELITY = 100
NEXT_REVIEW = "emploi_accompagne_reports.mail_activity_next_fidelity_review"
# The bands of the total score (out of 125), from the top.
BANDS = [
    ("exemplary", "Exemplary fidelity", 115),
    ("good", "Good fidelity", GOOD_FIDELITY),
    ("fair", "Fair fidelity", 74),
    ("below", "Not yet IPS", 0),
]


class EmploiFidelityReview(models.Model):
    """A platform's IPS fidelity review on a date: the 25 items of the scale,
    pre-filled from the records where they speak, scored by the reviewers,
    with the total, its band and the action plan."""

    _name = "emploi.fidelity.review"
    _description = "IPS fidelity review"
    _inherit = ["emploi.platform.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    date = fields.Date(
        string="Review date",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
        help="The records are measured on this day, over the 12 months before.",
    )
    reviewers = fields.Char(
        tracking=True, help="Who reviewed: names and organisations."
    )
    state = fields.Selection(
        selection=[("draft", "In progress"), ("done", "Completed")],
        default="draft",
        required=True,
        tracking=True,
    )
    line_ids = fields.One2many(
        comodel_name="emploi.fidelity.review.line",
        inverse_name="review_id",
        string="Items",
    )
    total_score = fields.Integer(
        string="Total score", compute="_compute_scores", store=True, tracking=True
    )
    staffing_score = fields.Integer(compute="_compute_scores", store=True)
    organisation_score = fields.Integer(compute="_compute_scores", store=True)
    services_score = fields.Integer(compute="_compute_scores", store=True)
    band = fields.Selection(
        selection=[(key, label) for key, label, __ in BANDS],
        compute="_compute_scores",
        store=True,
    )
    scored_count = fields.Integer(
        string="Items scored", compute="_compute_scored_count"
    )
    strengths = fields.Html()
    action_plan = fields.Html(
        help="What the team will change before the next review: who, what, when."
    )

    _sql_constraints = [
        (
            "date_unique",
            "unique(company_id, date)",
            "A platform has one fidelity review a day.",
        ),
    ]

    @api.depends("company_id", "date")
    def _compute_name(self):
        for review in self:
            review.name = f"{review.company_id.name} {review.date}"

    @api.depends("company_id", "date")
    def _compute_display_name(self):
        for review in self:
            review.display_name = self.env._(
                "IPS fidelity review, %(platform)s, %(date)s",
                platform=review.company_id.name,
                date=format_date(self.env, review.date),
            )

    @api.depends("line_ids.score", "line_ids.group")
    def _compute_scores(self):
        for review in self:
            by_group = dict.fromkeys((key for key, __ in FIDELITY_GROUPS), 0)
            for line in review.line_ids:
                by_group[line.group] += line.score
            review.staffing_score = by_group["staffing"]
            review.organisation_score = by_group["organisation"]
            review.services_score = by_group["services"]
            review.total_score = sum(by_group.values())
            review.band = next(
                key for key, __, floor in BANDS if review.total_score >= floor
            )

    @api.depends("line_ids.score")
    def _compute_scored_count(self):
        for review in self:
            review.scored_count = len(review.line_ids.filtered("score"))

    @api.model_create_multi
    def create(self, vals_list):
        reviews = super().create(vals_list)
        items = self.env["emploi.fidelity.item"].search([])
        # Lines are made here only (no group creates one): no client forges a
        # figure.
        reviews.sudo().line_ids = [
            fields.Command.create({"review_id": review.id, "item_id": item.id})
            for review in reviews
            for item in items
        ]
        reviews.action_measure()
        return reviews

    def write(self, vals):
        if set(vals) - {"state", "message_main_attachment_id"}:
            self._check_in_progress()
        if vals.get("state") == "done":
            for review in self:
                missing = review.line_ids.filtered(lambda line: not line.score)
                if missing:
                    raise UserError(
                        self.env._(
                            "Score every item before completing the review: %s.",
                            ", ".join(missing.item_id.mapped("code")),
                        )
                    )
        result = super().write(vals)
        if {"company_id", "date"} & vals.keys():
            # The figures are the platform's on the review date.
            self.action_measure()
        return result

    def _check_in_progress(self):
        if any(review.state == "done" for review in self):
            raise UserError(
                self.env._(
                    "A completed review is not changed: set it back in progress "
                    "first."
                )
            )

    def action_measure(self):
        """Measure the records again on the review's date; the scores nobody
        overrode follow the figures."""
        self._check_in_progress()
        for review in self:
            lines = review.line_ids.filtered("item_id.measure")
            figures = self.env["emploi.fidelity.measure"]._measure_all(
                review.company_id, review.date, set(lines.item_id.mapped("measure"))
            )
            for line in lines:
                line._set_measure(figures[line.item_id.measure])

    def action_done(self):
        self.write({"state": "done"})
        for review in self:
            # Twice a year until good fidelity, then once a year.
            months = 12 if review.total_score >= GOOD_FIDELITY else 6
            review.activity_schedule(
                NEXT_REVIEW,
                date_deadline=review.date + relativedelta(months=months),
                user_id=self.env.uid,
            )

    def action_draft(self):
        self.write({"state": "draft"})
        self.activity_unlink([NEXT_REVIEW])

    def _previous_review(self):
        """The platform's review before this one, if any."""
        self.ensure_one()
        return self.search(
            [("company_id", "=", self.company_id.id), ("date", "<", self.date)],
            limit=1,
        )

    def _group_scores(self):
        """[{label, score, maximum, percent, lines}] group by group (the report)."""
        self.ensure_one()
        groups = []
        labels = self.env["emploi.fidelity.item"]._fields["group"]
        for key, label in labels._description_selection(self.env):
            lines = self.line_ids.filtered(lambda line, key=key: line.group == key)
            score, maximum = sum(lines.mapped("score")), 5 * len(lines)
            groups.append(
                {
                    "label": label,
                    "score": score,
                    "maximum": maximum,
                    "percent": round(100 * score / maximum) if maximum else 0,
                    "lines": lines,
                }
            )
        return groups

    def action_compare(self):
        """The platform's reviews side by side, group by group."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "emploi_accompagne_reports.emploi_fidelity_review_line_action"
        )
        action["domain"] = [("company_id", "in", self.company_id.ids)]
        return action
