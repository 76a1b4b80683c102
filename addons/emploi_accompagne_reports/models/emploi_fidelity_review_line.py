from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# What reviewers write; the rest comes from the records.
REVIEWERS_FIELDS = {"score_choice", "override_reason", "notes", "evidence"}
SCORES = [(str(score), str(score)) for score in range(1, 6)]


class EmploiFidelityReviewLine(models.Model):
    """An item of a fidelity review: the figure of the records and the score it
    proposes, then the reviewers' score, with their reason when they depart
    from the proposal, their notes and evidence."""

    _name = "emploi.fidelity.review.line"
    _description = "IPS fidelity review item"
    _order = "review_id, sequence, id"

    review_id = fields.Many2one(
        comodel_name="emploi.fidelity.review",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(related="review_id.company_id", store=True)
    review_date = fields.Date(related="review_id.date", store=True)
    item_id = fields.Many2one(
        comodel_name="emploi.fidelity.item", required=True, ondelete="restrict"
    )
    code = fields.Char(related="item_id.code")
    sequence = fields.Integer(related="item_id.sequence", store=True)
    group = fields.Selection(related="item_id.group", store=True)
    guidance = fields.Text(related="item_id.guidance")
    measured = fields.Boolean(compute="_compute_measured")
    figure = fields.Float(
        string="Measured value", readonly=True, digits=(16, 4), aggregator=None
    )
    facts = fields.Json(readonly=True, help="What the records gave: numbers and dates.")
    figure_text = fields.Char(string="Figure", compute="_compute_texts")
    computation = fields.Text(string="How it was computed", compute="_compute_texts")
    proposed_score = fields.Integer(string="Proposed", readonly=True, aggregator=None)
    score_choice = fields.Selection(selection=SCORES, string="Score")
    score = fields.Integer(
        string="Points", compute="_compute_score", store=True, aggregator="sum"
    )
    needs_reason = fields.Boolean(compute="_compute_needs_reason")
    override_reason = fields.Char(
        string="Reason for another score",
        help="Why the reviewers depart from the score the records propose.",
    )
    notes = fields.Text(string="Reviewers' notes")
    evidence = fields.Text(
        help="What the score rests on: interviews, documents, observation."
    )

    @api.depends("item_id.measure")
    def _compute_measured(self):
        for line in self:
            line.measured = bool(line.item_id.measure)

    @api.depends("facts", "item_id.measure")
    def _compute_texts(self):
        Measure = self.env["emploi.fidelity.measure"]
        for line in self:
            if line.facts and line.item_id.measure:
                line.figure_text, line.computation = Measure._describe(
                    line.item_id.measure, line.facts
                )
            else:
                line.figure_text = line.computation = False

    @api.depends("score_choice", "proposed_score")
    def _compute_needs_reason(self):
        for line in self:
            line.needs_reason = bool(
                line.score and line.proposed_score and line.score != line.proposed_score
            )

    @api.depends("score_choice")
    def _compute_score(self):
        for line in self:
            line.score = int(line.score_choice or 0)

    @api.constrains("score_choice", "proposed_score", "override_reason")
    def _check_override_reason(self):
        for line in self:
            if line.needs_reason and not (line.override_reason or "").strip():
                raise ValidationError(
                    self.env._(
                        "%(item)s: the records propose %(proposed)s; say why you "
                        "score %(score)s.",
                        item=line.item_id.name,
                        proposed=line.proposed_score,
                        score=line.score,
                    )
                )

    def write(self, vals):
        if not self.env.su and set(vals) - REVIEWERS_FIELDS:
            raise UserError(
                self.env._(
                    "The figures and proposed scores come from the records: "
                    "reviewers write the score, their reason, notes and evidence."
                )
            )
        self.review_id._check_in_progress()
        return super().write(vals)

    def _set_measure(self, measure):
        """Take a measure of the records; a score that followed the previous
        proposal (or none yet) follows the new one."""
        self.ensure_one()
        follows = not self.score or self.score == self.proposed_score
        values = {
            "figure": measure.value or 0.0,
            "facts": measure.facts,
            "proposed_score": measure.score,
        }
        if follows:
            values["score_choice"] = str(measure.score) if measure.score else False
            values["override_reason"] = False
        self.sudo().write(values)
