import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

NAF_PATTERN = re.compile(r"^\d{2}\.\d{2}[A-Z]$")
EA_GROUPS = (
    "emploi_accompagne.group_emploi_coach,emploi_accompagne.group_emploi_secretariat"
)
OPEN_OPPORTUNITY_STATES = ("lead", "proposed", "interview")


COMMITTEE_BODIES = [
    ("spe", "Public employment service (France Travail, Cap emploi, Mission locale)"),
    ("mdph", "MDPH"),
    ("platform", "The platform"),
    ("other", "Other partner"),
]


class ResPartner(models.Model):
    """Employers: companies the platform places people with and accompanies."""

    _inherit = "res.partner"

    emploi_is_employer = fields.Boolean(
        string="Employer partner",
        help="A company the platform places people with or accompanies.",
    )
    emploi_sector = fields.Selection(
        selection=[("private", "Private"), ("public", "Public")],
        string="Employer sector",
    )
    emploi_public_service = fields.Selection(
        selection=[
            ("state", "State civil service"),
            ("territorial", "Territorial civil service"),
            ("hospital", "Hospital civil service"),
        ],
        string="Civil service",
        help="For public employers: which of the three civil services.",
    )
    emploi_size_band = fields.Selection(
        selection=[
            ("under_20", "Under 20 employees"),
            ("20_49", "20 to 49 employees"),
            ("50_249", "50 to 249 employees"),
            ("250_plus", "250 employees or more"),
        ],
        string="Size",
    )
    emploi_naf_code = fields.Char(
        string="NAF code", help="Activity code of the employer, e.g. 47.11F."
    )
    emploi_contact_role = fields.Selection(
        selection=[
            ("manager", "Manager"),
            ("tutor", "Tutor"),
            ("hr", "Human resources"),
        ],
        string="Role for the platform",
        help="Role of this person at the employer, for the job coaches.",
    )
    emploi_committee_body = fields.Selection(
        selection=COMMITTEE_BODIES,
        string="Sits on the committee for",
        help="What this member represents at the admission committee: the minutes "
        "say whether the public employment service and the MDPH were there.",
    )
    emploi_subject_to_obligation = fields.Boolean(
        string="Subject to the employment obligation",
        compute="_compute_emploi_subject_to_obligation",
        store=True,
        help="Employers of 20 people or more must employ 6% of disabled workers.",
    )
    emploi_funder = fields.Selection(
        selection=[("agefiph", "Agefiph"), ("fiphfp", "FIPHFP")],
        string="Disability employment fund",
        compute="_compute_emploi_funder",
        store=True,
    )
    emploi_job_count = fields.Integer(
        string="Jobs", compute="_compute_emploi_counts", groups=EA_GROUPS
    )
    emploi_placed_count = fields.Integer(
        string="People placed", compute="_compute_emploi_counts", groups=EA_GROUPS
    )
    emploi_action_count = fields.Integer(
        string="Employer-side actions",
        compute="_compute_emploi_counts",
        groups=EA_GROUPS,
    )
    emploi_opportunity_count = fields.Integer(
        string="Open opportunities",
        compute="_compute_emploi_counts",
        groups=EA_GROUPS,
    )

    @api.depends("emploi_size_band")
    def _compute_emploi_subject_to_obligation(self):
        for partner in self:
            partner.emploi_subject_to_obligation = partner.emploi_size_band not in (
                False,
                "under_20",
            )

    @api.depends("emploi_sector")
    def _compute_emploi_funder(self):
        funders = {"private": "agefiph", "public": "fiphfp"}
        for partner in self:
            partner.emploi_funder = funders.get(partner.emploi_sector, False)

    def _emploi_count(self, model, domain, aggregate="__count"):
        Model = self.env[model]
        if not self.ids or not Model.has_access("read"):
            return {}
        return dict(
            Model._read_group(
                [("employer_id", "in", self.ids), *domain],
                ["employer_id"],
                [aggregate],
            )
        )

    def _compute_emploi_counts(self):
        jobs = self._emploi_count("emploi.job", [])
        placed = self._emploi_count("emploi.job", [], "beneficiary_id:count_distinct")
        actions = self._emploi_count("emploi.action", [("employer_side", "=", True)])
        opportunities = self._emploi_count(
            "emploi.opportunity", [("state", "in", OPEN_OPPORTUNITY_STATES)]
        )
        for partner in self:
            partner.emploi_job_count = jobs.get(partner, 0)
            partner.emploi_placed_count = placed.get(partner, 0)
            partner.emploi_action_count = actions.get(partner, 0)
            partner.emploi_opportunity_count = opportunities.get(partner, 0)

    @api.onchange("emploi_sector")
    def _onchange_emploi_sector(self):
        if self.emploi_sector != "public":
            self.emploi_public_service = False

    @api.constrains("emploi_sector", "emploi_public_service")
    def _check_emploi_public_service(self):
        for partner in self:
            if partner.emploi_sector == "public" and not partner.emploi_public_service:
                raise ValidationError(
                    self.env._(
                        "Say which civil service the public employer %s belongs to: "
                        "it decides whether the FIPHFP is concerned.",
                        partner.display_name,
                    )
                )
            if partner.emploi_sector != "public" and partner.emploi_public_service:
                raise ValidationError(
                    self.env._(
                        "Only a public employer belongs to a civil service (%s).",
                        partner.display_name,
                    )
                )

    @api.constrains("emploi_naf_code")
    def _check_emploi_naf_code(self):
        for partner in self:
            code = partner.emploi_naf_code
            if code and not NAF_PATTERN.match(code):
                raise ValidationError(
                    self.env._(
                        "The NAF code %s is not valid: expected two digits, a dot, "
                        "two digits and a capital letter, e.g. 47.11F.",
                        code,
                    )
                )

    def _emploi_open(self, xmlid, domain, context=None):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = domain
        action["context"] = context or {}
        return action

    def action_view_emploi_jobs(self):
        return self._emploi_open(
            "emploi_accompagne.emploi_job_action",
            [("employer_id", "=", self.id)],
            {"default_employer_id": self.id},
        )

    def action_view_emploi_placed(self):
        jobs = self.env["emploi.job"].search([("employer_id", "=", self.id)])
        return self._emploi_open(
            "emploi_accompagne.emploi_beneficiary_action",
            [("id", "in", jobs.beneficiary_id.ids)],
        )

    def action_view_emploi_actions(self):
        return self._emploi_open(
            "emploi_accompagne.emploi_action_action",
            [("employer_id", "=", self.id), ("employer_side", "=", True)],
            {"default_employer_id": self.id},
        )

    def action_view_emploi_opportunities(self):
        return self._emploi_open(
            "emploi_accompagne.emploi_opportunity_action",
            [("employer_id", "=", self.id)],
            {"default_employer_id": self.id},
        )
