from odoo import fields, models
from odoo.exceptions import UserError

from .emploi_referral import PRESCRIBERS, SOURCES


class EmploiAdviceRequest(models.Model):
    """A partner asks the platform for advice about a situation before any
    referral (appui-conseil): no identity needed, an answer, the time spent.
    It counts in the platform's activity."""

    _name = "emploi.advice.request"
    _description = "Advice request (appui-conseil)"
    _inherit = [
        "emploi.workflow.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "emploi.platform.mixin",
        "emploi.personal.data.mixin",
        "emploi.reference.mixin",
    ]
    _reference_code = "emploi.advice.request"
    _order = "request_date desc, id desc"
    _button_fields = ("answer_date",)

    name = fields.Char(string="Reference", required=True, copy=False, default="/")
    state = fields.Selection(
        selection=[
            ("new", "Received"),
            ("answered", "Answered"),
            ("closed", "Closed"),
        ],
        string="Status",
        default="new",
        required=True,
        tracking=True,
        index=True,
    )
    request_date = fields.Date(
        string="Received on", required=True, default=fields.Date.context_today
    )
    requester_type = fields.Selection(
        selection=PRESCRIBERS + SOURCES,
        string="Asked by",
        required=True,
        tracking=True,
    )
    organisation_id = fields.Many2one(
        comodel_name="res.partner",
        string="Organisation",
        domain="[('is_company', '=', True)]",
    )
    contact_id = fields.Many2one(
        comodel_name="res.partner",
        string="Contact",
        help="Who asked, and receives the answer.",
    )
    question = fields.Text(
        required=True,
        help="The situation and the question, without the person's name: advice "
        "needs no identity.",
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Handled by",
        tracking=True,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    answer = fields.Text()
    answer_date = fields.Date(string="Answered on", readonly=True, copy=False)
    hours = fields.Float(
        string="Time spent (hours)",
        help="Counts in the platform's activity (funder report).",
    )
    anonymised_date = fields.Date(string="Anonymised on", readonly=True, copy=False)

    def action_answer(self):
        """Send the answer to the contact; the request is answered."""
        for request in self:
            if request.state != "new":
                raise UserError(
                    self.env._("The request %s is already answered.", request.name)
                )
            if not request.answer:
                raise UserError(self.env._("Write the answer first."))
            request._set_state(
                "answered",
                {
                    "answer_date": fields.Date.context_today(self),
                    "user_id": request.user_id.id or self.env.uid,
                },
            )
            request.message_post(
                body=request.answer,
                subject=self.env._("Answer to your request %s", request.name),
                partner_ids=request.contact_id.ids,
                subtype_xmlid="mail.mt_comment",
            )

    def action_close(self):
        self.filtered(lambda r: r.state != "closed")._set_state("closed")

    def _anonymised_values(self):
        return {
            "question": self.env._("Anonymised"),
            "answer": False,
            "anonymised_date": fields.Date.context_today(self),
        }

    def _cron_purge_answered(self):
        """Questions and answers may name someone despite the advice: they go
        after the platform's delay for referrals without support; the count,
        the dates and the time spent stay for the figures."""
        today = fields.Date.context_today(self)
        for company in self.env["res.company"].search([]):
            limit = fields.Date.subtract(
                today, months=company.emploi_referral_purge_months
            )
            self.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "in", ("answered", "closed")),
                    ("request_date", "<", limit),
                    ("anonymised_date", "=", False),
                ]
            )._anonymise_records()
