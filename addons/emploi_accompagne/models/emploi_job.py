from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .emploi_beneficiary import age_on


class EmploiJob(models.Model):
    """A job held by a person during a pathway."""

    _name = "emploi.job"
    _description = "Job of a supported person"
    _computed_facts = ("start_age",)
    _inherit = [
        "emploi.pathway.link.mixin",
        "mail.thread",
        "emploi.personal.data.mixin",
    ]
    _order = "start_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Job title", required=True, tracking=True)
    employer_id = fields.Many2one(
        comodel_name="res.partner",
        string="Employer",
        required=True,
        index=True,
        domain="[('is_company', '=', True)]",
        tracking=True,
    )
    contract_type_id = fields.Many2one(
        comodel_name="emploi.contract.type",
        string="Contract type",
        required=True,
        tracking=True,
    )
    is_durable = fields.Boolean(
        related="contract_type_id.is_durable", store=True, string="Durable"
    )
    sector = fields.Selection(
        selection=[("private", "Private"), ("public", "Public")],
        required=True,
        compute="_compute_sector",
        store=True,
        readonly=False,
        precompute=True,
    )
    non_competitive_reason = fields.Selection(
        selection=[
            ("esat", "Sheltered work (ESAT)"),
            ("reserved", "Post reserved for disabled people"),
            ("below_minimum_wage", "Paid below the minimum wage"),
            ("not_open", "Not open to any applicant"),
        ],
        string="Not a competitive job because",
        tracking=True,
        help="Leave empty for a competitive job: open on the ordinary labour "
        "market to anyone, paid at least the minimum wage, not reserved for "
        "disabled people (IPS).",
    )
    is_competitive = fields.Boolean(
        string="Competitive job",
        compute="_compute_is_competitive",
        store=True,
    )
    start_date = fields.Date(required=True, tracking=True, index=True)
    end_date = fields.Date(tracking=True, index=True)
    weekly_hours = fields.Float(default=35.0)
    part_time = fields.Boolean(compute="_compute_part_time", store=True)
    start_age = fields.Integer(
        string="Age at hiring",
        compute="_compute_start_age",
        store=True,
        aggregator="avg",
        help="Kept when the file is anonymised: the figures by age do not move.",
    )

    @api.depends("non_competitive_reason")
    def _compute_is_competitive(self):
        for job in self:
            job.is_competitive = not job.non_competitive_reason

    @api.model_create_multi
    def create(self, vals_list):
        jobs = super().create(vals_list)
        self.env["emploi.support.agreement"]._version_for_new_jobs(jobs)
        return jobs

    @api.depends("employer_id")
    def _compute_sector(self):
        for job in self:
            job.sector = job.employer_id.emploi_sector or job.sector or "private"

    @api.depends("start_date", "beneficiary_id.birthdate")
    def _compute_start_age(self):
        for job in self:
            job.start_age = age_on(job.beneficiary_id.birthdate, job.start_date)

    @api.depends("weekly_hours")
    def _compute_part_time(self):
        for job in self:
            job.part_time = job.weekly_hours < 35

    @api.model
    def _ongoing_domain(self, day):
        return [
            ("start_date", "<=", day),
            "|",
            ("end_date", "=", False),
            ("end_date", ">=", day),
        ]

    @api.constrains("start_date", "end_date")
    def _check_dates(self):
        for job in self:
            if job.end_date and job.end_date < job.start_date:
                raise ValidationError(
                    self.env._("The job %s ends before it starts.", job.name)
                )

    @api.constrains("weekly_hours")
    def _check_weekly_hours(self):
        for job in self:
            if not 0 < job.weekly_hours <= 48:
                raise ValidationError(
                    self.env._("Weekly hours must be above 0 and at most 48.")
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        raise UserError(
            self.env._("A job is part of the person's history: it cannot be deleted.")
        )
