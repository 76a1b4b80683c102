from odoo import api, fields, models
from odoo.exceptions import UserError

OPPORTUNITY_STATES = [
    ("lead", "Lead"),
    ("proposed", "Proposed to a person"),
    ("interview", "Interview"),
    ("hired", "Hired"),
    ("not_retained", "Not retained"),
]


class EmploiOpportunity(models.Model):
    """A job opening or lead at an employer, developed by the platform."""

    _name = "emploi.opportunity"
    _description = "Job opportunity"
    _inherit = ["mail.thread", "mail.activity.mixin", "emploi.platform.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(string="Job title", required=True, tracking=True)
    active = fields.Boolean(default=True)
    employer_id = fields.Many2one(
        comodel_name="res.partner",
        string="Employer",
        required=True,
        index=True,
        domain="[('emploi_is_employer', '=', True)]",
        tracking=True,
    )
    contact_id = fields.Many2one(
        comodel_name="res.partner",
        string="Employer contact",
        domain="[('parent_id', '=', employer_id)]",
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Job developer",
        index=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    date = fields.Date(
        string="Identified on", required=True, default=fields.Date.context_today
    )
    weekly_hours = fields.Float(default=35.0)
    contract_type_id = fields.Many2one(
        comodel_name="emploi.contract.type", string="Contract type"
    )
    state = fields.Selection(
        selection=OPPORTUNITY_STATES,
        string="Status",
        required=True,
        default="lead",
        copy=False,
        index=True,
        tracking=True,
        group_expand="_expand_states",
    )
    candidate_ids = fields.One2many(
        comodel_name="emploi.opportunity.candidate",
        inverse_name="opportunity_id",
        string="People proposed",
        copy=False,
    )
    candidate_count = fields.Integer(compute="_compute_candidate_count")
    description = fields.Html()
    color = fields.Integer()

    def _expand_states(self, states, domain):
        return [key for key, _label in OPPORTUNITY_STATES]

    @api.depends("candidate_ids")
    def _compute_candidate_count(self):
        for opportunity in self:
            opportunity.candidate_count = len(opportunity.candidate_ids)

    @api.onchange("employer_id")
    def _onchange_employer_id(self):
        if self.contact_id.parent_id != self.employer_id:
            self.contact_id = False

    def action_propose(self):
        if any(not opportunity.candidate_ids for opportunity in self):
            raise UserError(
                self.env._("Add the people proposed before marking it as proposed.")
            )
        self.state = "proposed"

    def action_interview(self):
        self.state = "interview"

    def action_not_retained(self):
        self.candidate_ids.filtered(
            lambda c: c.state in ("proposed", "interview")
        ).state = "not_retained"
        self.state = "not_retained"

    def action_reset_lead(self):
        self.state = "lead"
