from odoo import api, fields, models
from odoo.tools.misc import format_date


class EmploiDisclosure(models.Model):
    """What a person agrees to reveal to an employer, dated and changeable.

    A new plan for the same person and employer supersedes (archives) the
    previous one, which stays in the history.
    """

    _name = "emploi.disclosure"
    _description = "Disclosure plan"
    _inherit = ["mail.thread", "emploi.personal.data.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    beneficiary_id = fields.Many2one(
        comodel_name="emploi.beneficiary",
        string="Person",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
    )
    company_id = fields.Many2one(
        related="beneficiary_id.company_id", store=True, index=True
    )
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
        string="Told to",
        domain="[('parent_id', '=', employer_id)]",
        help="The person at the employer the information may be shared with.",
        tracking=True,
    )
    date = fields.Date(
        string="Agreed on",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    disclose_disability = fields.Boolean(string="Disability", tracking=True)
    disclose_needs = fields.Boolean(string="Needs", tracking=True)
    disclose_accommodations = fields.Boolean(string="Accommodations", tracking=True)
    note = fields.Text()
    active = fields.Boolean(default=True, tracking=True)

    @api.depends("beneficiary_id", "employer_id", "date")
    def _compute_display_name(self):
        for plan in self:
            plan.display_name = " – ".join(
                filter(
                    None,
                    [
                        plan.beneficiary_id.display_name,
                        plan.employer_id.display_name,
                        plan.date and fields.Date.to_string(plan.date),
                    ],
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        plans = super().create(vals_list)
        previous = self.search(
            [
                ("id", "not in", plans.ids),
                ("beneficiary_id", "in", plans.beneficiary_id.ids),
                ("employer_id", "in", plans.employer_id.ids),
            ]
        )
        keys = {(p.beneficiary_id, p.employer_id) for p in plans}
        previous.filtered(
            lambda p: (p.beneficiary_id, p.employer_id) in keys
        ).active = False
        return plans

    def _summary(self):
        self.ensure_one()
        shared = [
            label
            for flag, label in (
                (self.disclose_disability, self.env._("the disability")),
                (self.disclose_needs, self.env._("the needs")),
                (self.disclose_accommodations, self.env._("the accommodations")),
            )
            if flag
        ]
        who = self.contact_id.name or self.employer_id.name
        if not shared:
            return self.env._(
                "Disclosure plan of %(date)s: the person reveals nothing to %(who)s.",
                date=format_date(self.env, self.date),
                who=who,
            )
        return self.env._(
            "Disclosure plan of %(date)s: may be shared with %(who)s: %(what)s.",
            date=format_date(self.env, self.date),
            who=who,
            what=", ".join(shared),
        )

    def _anonymised_values(self):
        return {"note": False}
