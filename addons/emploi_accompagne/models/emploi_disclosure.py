from odoo import api, fields, models
from odoo.tools.misc import format_date

RECIPIENT_KINDS = [
    ("employer", "Employer"),
    ("prescriber", "Prescriber"),
    ("public_employment", "Public employment service"),
    ("medico_social", "Medico-social or health service"),
    ("other", "Other partner"),
]


class EmploiDisclosure(models.Model):
    """What a person agrees to share with one partner, dated and changeable:
    the disclosure plan with an employer, the sharing agreement with a
    prescriber, the public employment service or another service.

    A new agreement for the same person and partner supersedes (archives) the
    previous one, which stays in the history. Without an agreement, nothing is
    shared.
    """

    _name = "emploi.disclosure"
    _description = "Sharing agreement"
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
    recipient_kind = fields.Selection(
        selection=RECIPIENT_KINDS,
        string="Shared with",
        required=True,
        default="employer",
        tracking=True,
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Partner",
        required=True,
        index=True,
        domain="[('is_company', '=', True)]",
        tracking=True,
    )
    contact_id = fields.Many2one(
        comodel_name="res.partner",
        string="Told to",
        domain="[('parent_id', '=', partner_id)]",
        help="The person at the partner the information may be shared with.",
        tracking=True,
    )
    date = fields.Date(
        string="Agreed on",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    disclose_progress = fields.Boolean(
        string="Progress of the support",
        tracking=True,
        help="Phase, appointments held, jobs and exit; never a health detail.",
    )
    disclose_disability = fields.Boolean(string="Disability", tracking=True)
    disclose_needs = fields.Boolean(string="Needs", tracking=True)
    disclose_accommodations = fields.Boolean(string="Accommodations", tracking=True)
    note = fields.Text()
    active = fields.Boolean(default=True, tracking=True)

    @api.depends("beneficiary_id", "partner_id", "date")
    def _compute_display_name(self):
        for plan in self:
            plan.display_name = " – ".join(
                filter(
                    None,
                    [
                        plan.beneficiary_id.display_name,
                        plan.partner_id.display_name,
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
                ("partner_id", "in", plans.partner_id.ids),
            ]
        )
        keys = {(p.beneficiary_id, p.partner_id) for p in plans}
        previous.filtered(
            lambda p: (p.beneficiary_id, p.partner_id) in keys
        ).active = False
        return plans

    @api.model
    def _agreed(self, beneficiaries, partners):
        """{(file, partner): the agreement in force} (one query)."""
        plans = self.search(
            [
                ("beneficiary_id", "in", beneficiaries.ids),
                ("partner_id", "in", partners.ids),
            ],
            order="date, id",
        )
        return {(plan.beneficiary_id, plan.partner_id): plan for plan in plans}

    def _shared_labels(self):
        self.ensure_one()
        return [
            label
            for flag, label in (
                (self.disclose_progress, self.env._("the progress of the support")),
                (self.disclose_disability, self.env._("the disability")),
                (self.disclose_needs, self.env._("the needs")),
                (self.disclose_accommodations, self.env._("the accommodations")),
            )
            if flag
        ]

    def _summary(self):
        self.ensure_one()
        shared = self._shared_labels()
        who = self.contact_id.name or self.partner_id.name
        if not shared:
            return self.env._(
                "Sharing agreement of %(date)s: the person shares nothing with "
                "%(who)s.",
                date=format_date(self.env, self.date),
                who=who,
            )
        return self.env._(
            "Sharing agreement of %(date)s: may be shared with %(who)s: %(what)s.",
            date=format_date(self.env, self.date),
            who=who,
            what=", ".join(shared),
        )

    def _anonymised_values(self):
        return {"note": False}
