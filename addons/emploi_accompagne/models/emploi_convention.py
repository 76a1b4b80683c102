from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

FUNDERS = [
    ("ars", "ARS (State, programme 157)"),
    ("agefiph", "Agefiph"),
    ("fiphfp", "FIPHFP"),
    ("france_travail", "France Travail"),
    ("cap_emploi", "Cap emploi"),
    ("mission_locale", "Mission locale"),
    ("departement", "Departmental council"),
    ("other", "Other"),
]
# Parties to the management convention with the platform, never its funders.
SPE_OPERATORS = ("france_travail", "cap_emploi", "mission_locale")


class EmploiConvention(models.Model):
    """A management or financing convention of the platform, or a CPOM amendment.

    Yearly lines carry the amounts and targets; attribution rules decide which
    pathways the convention funds, hence its actual figures.
    """

    _name = "emploi.convention"
    _description = "Management or financing convention"
    _inherit = ["mail.thread", "mail.activity.mixin", "emploi.platform.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    reference = fields.Char(copy=False, index="trigram")
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Manager",
        required=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        tracking=True,
        help="Receives the renewal and reporting reminders.",
    )
    kind = fields.Selection(
        selection=[
            ("management", "Management convention"),
            ("financing", "Financing convention"),
            ("cpom_amendment", "CPOM amendment"),
        ],
        required=True,
        default="financing",
        tracking=True,
    )
    funder = fields.Selection(
        selection=FUNDERS,
        index=True,
        tracking=True,
        help="Who pays. A management convention binds the platform to the public "
        "employment service operators (its parties) and funds nothing.",
    )
    funder_partner_id = fields.Many2one(
        comodel_name="res.partner", string="Funder organisation", tracking=True
    )
    party_ids = fields.Many2many(
        comodel_name="res.partner",
        string="Other parties",
        help="Co-signatories: employment service operators, ESMS, other funders.",
    )
    signature_date = fields.Date(tracking=True, copy=False)
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="End", required=True, tracking=True)
    state = fields.Selection(
        selection=[("draft", "Draft"), ("signed", "Signed"), ("expired", "Expired")],
        string="Status",
        required=True,
        default="draft",
        copy=False,
        tracking=True,
        index=True,
    )
    parent_id = fields.Many2one(
        comodel_name="emploi.convention",
        string="Amendment of",
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    amendment_ids = fields.One2many(
        comodel_name="emploi.convention",
        inverse_name="parent_id",
        string="Amendments",
    )
    amendment_count = fields.Integer(compute="_compute_amendment_count")
    line_ids = fields.One2many(
        comodel_name="emploi.convention.year",
        inverse_name="convention_id",
        string="Yearly amounts and targets",
        copy=True,
    )
    rule_ids = fields.One2many(
        comodel_name="emploi.convention.rule",
        inverse_name="convention_id",
        string="Attribution rules",
        copy=True,
        help="A pathway is funded by the convention when it matches one of the "
        "rules. Without any rule, the convention funds every pathway of the "
        "platform.",
    )
    operator_ids = fields.One2many(
        comodel_name="emploi.convention.operator",
        inverse_name="convention_id",
        string="Operators",
        copy=True,
        help="Platform mode: the share of the caseload and of the funding "
        "delegated to each partner operator.",
    )
    amount_total = fields.Monetary(
        string="Total amount", compute="_compute_amount_total"
    )
    renewal_notice_days = fields.Integer(
        string="Renewal notice (days)",
        default=90,
        help="The manager is asked to renew the convention this many days before "
        "its end.",
    )
    reporting_deadline = fields.Date(
        tracking=True, help="Date by which the activity report is due."
    )
    reporting_notice_days = fields.Integer(
        string="Reporting notice (days)",
        default=30,
        help="The manager is asked to send the activity report this many days "
        "before the reporting deadline.",
    )
    renewal_reminded = fields.Boolean(copy=False, readonly=True)
    reporting_reminded = fields.Boolean(copy=False, readonly=True)
    notes = fields.Html()

    _sql_constraints = [
        (
            "notice_days_positive",
            "CHECK(renewal_notice_days >= 0 AND reporting_notice_days >= 0)",
            "Notice periods cannot be negative.",
        ),
    ]

    @api.depends("amendment_ids")
    def _compute_amendment_count(self):
        counts = dict(
            self._read_group(
                [("parent_id", "in", self.ids)], ["parent_id"], ["__count"]
            )
        )
        for convention in self:
            convention.amendment_count = counts.get(convention, 0)

    @api.depends("line_ids.amount")
    def _compute_amount_total(self):
        for convention in self:
            convention.amount_total = sum(convention.line_ids.mapped("amount"))

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for convention in self:
            if convention.date_end < convention.date_start:
                raise ValidationError(
                    self.env._(
                        "The convention %s ends before it starts.", convention.name
                    )
                )

    @api.constrains("kind", "funder")
    def _check_funder(self):
        for convention in self.filtered(lambda c: c.kind != "management"):
            if not convention.funder:
                raise ValidationError(
                    self.env._("%s: say who funds the convention.", convention.name)
                )
            if convention.funder in SPE_OPERATORS:
                raise ValidationError(
                    self.env._(
                        "%s: France Travail, Cap emploi and the Missions locales are "
                        "parties to the management convention, not funders; record "
                        "them as its parties.",
                        convention.name,
                    )
                )

    @api.constrains("parent_id")
    def _check_parent(self):
        if self._has_cycle():
            raise ValidationError(
                self.env._("A convention cannot be an amendment of itself.")
            )

    def write(self, vals):
        # A new end or reporting date deserves a new reminder.
        if "date_end" in vals or "renewal_notice_days" in vals:
            vals.setdefault("renewal_reminded", False)
        if "reporting_deadline" in vals or "reporting_notice_days" in vals:
            vals.setdefault("reporting_reminded", False)
        return super().write(vals)

    def action_sign(self):
        for convention in self.filtered(lambda c: c.state == "draft"):
            convention.write(
                {
                    "state": "signed",
                    "signature_date": convention.signature_date
                    or fields.Date.context_today(self),
                }
            )

    def action_draft(self):
        self.write({"state": "draft"})

    def action_view_amendments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "emploi_accompagne.emploi_convention_action"
        )
        action["domain"] = [("parent_id", "=", self.id)]
        action["context"] = {
            "default_parent_id": self.id,
            "default_funder": self.funder,
            "default_funder_partner_id": self.funder_partner_id.id,
            "default_company_id": self.company_id.id,
        }
        return action

    @api.model
    def _funding_domain(self):
        """The conventions whose money and pathways count: signed (or ended),
        financing ones (a management convention funds nothing), amendments
        counted through the convention they amend."""
        return [
            ("state", "in", ("signed", "expired")),
            ("parent_id", "=", False),
            ("kind", "!=", "management"),
        ]

    def _get_period(self, year):
        """First and last day of ``year`` within the convention's period."""
        self.ensure_one()
        return self._clip(date(year, 1, 1), date(year, 12, 31))

    def _clip(self, first, last):
        """The days from ``first`` to ``last`` within the convention's period."""
        self.ensure_one()
        return max(first, self.date_start), min(last, self.date_end)

    def _get_funded_pathways(self, first, last):
        """Pathways of the platform the convention funds from ``first`` to
        ``last`` (see ``_get_period`` and ``_clip``).

        A pathway counts when its file is active at some point of those days
        (entry on or before the last one, no exit before the first one) and it
        matches one of the attribution rules; without any rule, every pathway of
        the platform is funded. Callers without access to the files (reporting
        role) should call this method as superuser.
        """
        self.ensure_one()
        if first > last:
            return self.env["emploi.pathway"]
        domain = [
            ("company_id", "=", self.company_id.id),
            ("entry_pending", "=", False),
            ("entry_date", "<=", last),
            "|",
            ("exit_date", "=", False),
            ("exit_date", ">=", first),
        ]
        rule_domains = [rule._get_pathway_domain(first, last) for rule in self.rule_ids]
        if rule_domains:
            domain += ["|"] * (len(rule_domains) - 1) + [
                leaf for rule_domain in rule_domains for leaf in rule_domain
            ]
        return self.env["emploi.pathway"].search(domain)

    @api.model
    def _cron_schedule_deadlines(self):
        """Expire ended conventions; remind managers of renewals and reports."""
        today = fields.Date.context_today(self)
        self.search([("state", "=", "signed"), ("date_end", "<", today)]).write(
            {"state": "expired"}
        )
        signed = self.search([("state", "=", "signed")])
        for convention in signed.filtered(
            lambda c: not c.renewal_reminded
            and c.date_end - relativedelta(days=c.renewal_notice_days) <= today
        ):
            convention.activity_schedule(
                act_type_xmlid="emploi_accompagne.mail_activity_convention_renewal",
                date_deadline=convention.date_end,
                user_id=convention.user_id.id,
            )
            convention.renewal_reminded = True
        for convention in signed.filtered(
            lambda c: c.reporting_deadline
            and not c.reporting_reminded
            and c.reporting_deadline - relativedelta(days=c.reporting_notice_days)
            <= today
        ):
            convention.activity_schedule(
                act_type_xmlid="emploi_accompagne.mail_activity_convention_report",
                date_deadline=convention.reporting_deadline,
                user_id=convention.user_id.id,
            )
            convention.reporting_reminded = True
