from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

AGREEMENT_TEXTS = (
    "objectives",
    "support_arrangements",
    "commitments",
    "accommodations",
)
AGREEMENT_STATES = [
    ("draft", "Draft"),
    ("to_sign", "Sent for signature"),
    ("signed", "Signed"),
    ("superseded", "Superseded"),
]
# What the parties signed: frozen once the version is signed.
SIGNED_CONTENT = {
    "pathway_id",
    "job_id",
    "employer_signatory_id",
    "date_start",
    "date_end",
    "objectives",
    "support_arrangements",
    "commitments",
    "accommodations",
    "date_signed_person",
    "date_signed_platform",
    "date_signed_employer",
}


class EmploiSupportAgreement(models.Model):
    """Individual support agreement (convention individuelle d'accompagnement).

    Signed by the platform and the person, and by the employer once there is a
    job. Each change of terms is a new version; a version stays in force until
    the next one is signed, which supersedes it.
    """

    _name = "emploi.support.agreement"
    _description = "Individual support agreement"
    _inherit = [
        "emploi.workflow.mixin",
        "emploi.pathway.link.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "emploi.personal.data.mixin",
        "emploi.health.access.mixin",
    ]
    _order = "pathway_id, version desc"
    _health_fields = ("accommodations",)
    _check_company_auto = True

    name = fields.Char(string="Reference", compute="_compute_name", store=True)
    beneficiary_id = fields.Many2one(string="Person")
    coach_id = fields.Many2one(related="pathway_id.coach_id", store=True, index=True)
    version = fields.Integer(readonly=True, copy=False, default=1)
    previous_id = fields.Many2one(
        comodel_name="emploi.support.agreement",
        string="Supersedes",
        readonly=True,
        copy=False,
    )
    active = fields.Boolean(default=True)
    state = fields.Selection(
        selection=AGREEMENT_STATES,
        string="Status",
        default="draft",
        required=True,
        copy=False,
        tracking=True,
        index=True,
    )
    job_id = fields.Many2one(
        comodel_name="emploi.job",
        string="Job",
        domain="[('pathway_id', '=', pathway_id)]",
        check_company=True,
        tracking=True,
    )
    employer_id = fields.Many2one(related="job_id.employer_id", string="Employer")
    employer_signatory_id = fields.Many2one(
        comodel_name="res.partner",
        string="Signing for the employer",
        domain="[('parent_id', '=', employer_id)]",
        tracking=True,
    )
    date_start = fields.Date(
        string="Start", required=True, default=fields.Date.context_today, tracking=True
    )
    date_end = fields.Date(
        string="End",
        tracking=True,
        help="Leave empty: supported employment has no time limit.",
    )
    objectives = fields.Html(string="The person's objectives")
    support_arrangements = fields.Html(
        help="Frequency and places of the contacts, who the person can call.",
    )
    commitments = fields.Html(
        help="What the platform, the person and, when there is a job, the employer "
        "undertake to do.",
    )
    # Workplace accommodations follow from the person's disability.
    accommodations = fields.Html(
        string="Accommodations agreed", groups="emploi_accompagne.group_emploi_coach"
    )
    date_signed_person = fields.Date(string="Signed by the person on", copy=False)
    date_signed_platform = fields.Date(string="Signed by the platform on", copy=False)
    date_signed_employer = fields.Date(string="Signed by the employer on", copy=False)

    _sql_constraints = [
        (
            "version_unique",
            "UNIQUE(pathway_id, version)",
            "A pathway has one agreement per version number.",
        ),
    ]

    @api.depends("pathway_id.name", "version")
    def _compute_name(self):
        for agreement in self:
            agreement.name = f"{agreement.pathway_id.name}-V{agreement.version}"

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for agreement in self:
            if agreement.date_end and agreement.date_end < agreement.date_start:
                raise ValidationError(
                    self.env._(
                        "The agreement %s ends before it starts.", agreement.name
                    )
                )

    @api.constrains("state", "pathway_id")
    def _check_one_version_per_state(self):
        """One version in force and one in preparation per pathway at most."""
        for agreement in self.filtered(lambda a: a.state != "superseded"):
            states = ["signed"] if agreement.state == "signed" else ["draft", "to_sign"]
            if self.search_count(
                [
                    ("pathway_id", "=", agreement.pathway_id.id),
                    ("state", "in", states),
                    ("id", "!=", agreement.id),
                ]
            ):
                raise ValidationError(
                    self.env._(
                        "The pathway %s already has an agreement in force or in "
                        "preparation: edit it or make a new version of it.",
                        agreement.pathway_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        next_version = {}
        for vals in vals_list:
            pathway_id = vals.get("pathway_id")
            if pathway_id not in next_version:
                last = self.with_context(active_test=False).search(
                    [("pathway_id", "=", pathway_id)], order="version desc", limit=1
                )
                next_version[pathway_id] = last.version + 1
            vals["version"] = next_version[pathway_id]
            next_version[pathway_id] += 1
        return super().create(vals_list)

    def write(self, vals):
        if SIGNED_CONTENT.intersection(vals) and self.filtered(
            lambda a: a.state in ("signed", "superseded")
        ):
            raise UserError(
                self.env._(
                    "A signed agreement cannot be changed: make a new version of it."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if self.filtered(lambda a: a.state != "draft"):
            raise UserError(
                self.env._("Only a draft agreement can be deleted; archive the others.")
            )

    def action_send_for_signature(self):
        self.filtered(lambda a: a.state == "draft")._set_state("to_sign")

    def action_back_to_draft(self):
        self.filtered(lambda a: a.state == "to_sign")._set_state("draft")

    def action_signed(self):
        """Record the signatures; the version in force until now is superseded."""
        for agreement in self:
            if agreement.state not in ("draft", "to_sign"):
                raise UserError(
                    self.env._("The agreement %s is already signed.", agreement.name)
                )
            missing = not (
                agreement.date_signed_person and agreement.date_signed_platform
            ) or (agreement.job_id and not agreement.date_signed_employer)
            if missing:
                raise UserError(
                    self.env._(
                        "Enter the date each party signed the agreement %s "
                        "(the employer's too when there is a job).",
                        agreement.name,
                    )
                )
            in_force = self.search(
                [("pathway_id", "=", agreement.pathway_id.id), ("state", "=", "signed")]
            )
            in_force._set_state("superseded")
            agreement._set_state("signed")

    def action_new_version(self):
        """Prepare the next version from this one; it is in force once signed."""
        self.ensure_one()
        agreement = self._new_version({})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": agreement.id,
            "view_mode": "form",
        }

    def _new_version(self, values):
        self.ensure_one()
        return self.copy(
            {"previous_id": self.id, "date_start": fields.Date.context_today(self)}
            | values
        )

    @api.model
    def _version_for_new_jobs(self, jobs):
        """A job starts: the agreement gets a version with the employer.

        The pathway's latest agreement is completed when it is still being
        prepared, otherwise a new version is drafted and the coach is asked to
        have it signed. Pathways without an agreement are left alone.
        """
        latest = {}
        for agreement in self.search(
            [("pathway_id", "in", jobs.pathway_id.ids)], order="version"
        ):
            latest[agreement.pathway_id] = agreement
        for job in jobs:
            agreement = latest.get(job.pathway_id)
            if not agreement or agreement.employer_id == job.employer_id:
                continue
            if agreement.state in ("draft", "to_sign"):
                agreement.job_id = job
                continue
            new_version = agreement._new_version({"job_id": job.id})
            new_version.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Have the agreement signed with the employer"),
                user_id=new_version.coach_id.id or self.env.uid,
            )
            latest[job.pathway_id] = new_version

    def _anonymise_records(self):
        """A signed agreement never changes, except that anonymisation erases
        its texts (in SQL: no write of a signed version goes through)."""
        if self:
            self.env.execute_query(
                SQL(
                    "UPDATE emploi_support_agreement SET %s WHERE id IN %s",
                    SQL(", ").join(
                        SQL("%s = NULL", SQL.identifier(name))
                        for name in AGREEMENT_TEXTS
                    ),
                    tuple(self.ids),
                )
            )
            self.invalidate_recordset(list(AGREEMENT_TEXTS))
        return super()._anonymise_records()

    def _anonymisation_preview(self):
        return sorted(
            self._fields[name].get_description(self.env)["string"]
            for name in AGREEMENT_TEXTS
        )
