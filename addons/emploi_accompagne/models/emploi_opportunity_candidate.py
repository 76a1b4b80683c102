from odoo import api, fields, models

CANDIDATE_STATES = [
    ("proposed", "Proposed"),
    ("interview", "Interview"),
    ("hired", "Hired"),
    ("not_retained", "Not retained"),
]


class EmploiOpportunityCandidate(models.Model):
    """A person put forward for a job opportunity."""

    _name = "emploi.opportunity.candidate"
    _description = "Person proposed for a job opportunity"
    _inherit = ["emploi.personal.data.mixin"]
    _order = "date desc, id desc"
    _rec_name = "pathway_id"
    _check_company_auto = True

    opportunity_id = fields.Many2one(
        comodel_name="emploi.opportunity",
        string="Opportunity",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="opportunity_id.company_id", store=True, index=True
    )
    employer_id = fields.Many2one(
        related="opportunity_id.employer_id", store=True, index=True
    )
    pathway_id = fields.Many2one(
        comodel_name="emploi.pathway",
        string="Pathway",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        domain="[('state', '!=', 'closed')]",
    )
    beneficiary_id = fields.Many2one(
        related="pathway_id.beneficiary_id", store=True, index=True
    )
    state = fields.Selection(
        selection=CANDIDATE_STATES,
        string="Status",
        required=True,
        default="proposed",
    )
    date = fields.Date(
        string="Proposed on", required=True, default=fields.Date.context_today
    )
    note = fields.Char()

    _sql_constraints = [
        (
            "pathway_unique",
            "UNIQUE(opportunity_id, pathway_id)",
            "This person is already proposed for this opportunity.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        candidates = super().create(vals_list)
        candidates.opportunity_id.filtered(lambda o: o.state == "lead").write(
            {"state": "proposed"}
        )
        return candidates

    def action_interview(self):
        self.state = "interview"
        self.opportunity_id.filtered(
            lambda o: o.state in ("lead", "proposed")
        ).state = "interview"

    def action_not_retained(self):
        self.state = "not_retained"

    def action_hire(self):
        """Mark the person hired and open the job to record, prefilled."""
        self.ensure_one()
        self.state = "hired"
        opportunity = self.opportunity_id
        (opportunity.candidate_ids - self).filtered(
            lambda c: c.state in ("proposed", "interview")
        ).state = "not_retained"
        opportunity.state = "hired"
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record the job"),
            "res_model": "emploi.job",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {
                "default_pathway_id": self.pathway_id.id,
                "default_employer_id": opportunity.employer_id.id,
                "default_name": opportunity.name,
                "default_contract_type_id": opportunity.contract_type_id.id,
                "default_weekly_hours": opportunity.weekly_hours,
                "default_start_date": fields.Date.context_today(self),
            },
        }

    def _anonymised_values(self):
        return {"note": False}
