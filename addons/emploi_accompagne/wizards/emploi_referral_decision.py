from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.emploi_referral import DECISIONS, OPEN_STATES, WAITING_PRIORITIES


class EmploiReferralDecision(models.TransientModel):
    _name = "emploi.referral.decision"
    _description = "Committee decision on referrals"

    referral_ids = fields.Many2many(comodel_name="emploi.referral", required=True)
    decision = fields.Selection(selection=DECISIONS, required=True)
    decision_date = fields.Date(required=True, default=fields.Date.context_today)
    coach_id = fields.Many2one(
        comodel_name="res.users",
        string="Job coach",
        domain="[('share', '=', False)]",
    )
    waiting_priority = fields.Selection(
        selection=WAITING_PRIORITIES,
        default="0",
    )
    reason_id = fields.Many2one(
        comodel_name="emploi.referral.reason",
        string="Reason",
        domain="[('decision', '=', decision)]",
    )
    follows_ips = fields.Boolean(string="Follows IPS", compute="_compute_follows_ips")
    redirected_to = fields.Char(help="The service or scheme the person is sent to.")
    note = fields.Text(help="Shared with the prescriber.")

    @api.depends("referral_ids.company_id.emploi_follows_ips")
    def _compute_follows_ips(self):
        for wizard in self:
            wizard.follows_ips = any(
                wizard.referral_ids.company_id.mapped("emploi_follows_ips")
            )

    @api.onchange("decision")
    def _onchange_decision(self):
        self.reason_id = False

    def _check_complete(self):
        self.ensure_one()
        if self.decision == "admitted" and not self.coach_id:
            raise UserError(
                self.env._(
                    "Choose the job coach, or place the person on the waiting list."
                )
            )
        if self.decision in ("refused", "redirected") and not self.reason_id:
            raise UserError(self.env._("Give the reason of the decision."))
        if self.follows_ips and self.reason_id.contrary_to_ips:
            raise UserError(
                self.env._(
                    "The platform follows IPS (zero exclusion): “%s” turns nobody "
                    "away; admit the person and plan it with them.",
                    self.reason_id.name,
                )
            )
        if self.decision == "redirected" and not self.redirected_to:
            raise UserError(self.env._("Say where the person is redirected to."))
        if self.decision == "postponed" and not self.note:
            raise UserError(self.env._("Say which information is missing."))
        if self.decision in ("admitted", "waiting_list"):
            ineligible = self.referral_ids.filtered(lambda r: not r.is_eligible)
            if ineligible:
                raise UserError(
                    self.env._(
                        "%s cannot be admitted: the referral is not complete.",
                        ", ".join(ineligible.mapped("person_name")),
                    )
                )

    def action_confirm(self):
        self.ensure_one()
        self._check_complete()
        decided = self.referral_ids.filtered(lambda r: r.state in OPEN_STATES)
        if decided != self.referral_ids:
            raise UserError(
                self.env._("A decision was already recorded for some of them.")
            )
        decided._set_state(
            self.decision,
            {
                "decision_date": self.decision_date,
                "decision_reason_id": self.reason_id.id,
                "redirected_to": self.redirected_to,
                "decision_note": self.note,
                "waiting_priority": self.waiting_priority,
                "coach_id": self.coach_id.id,
            },
        )
        if self.decision == "admitted":
            for referral in decided:
                referral._open_pathway(self.decision_date)
        decided._notify_prescriber()
        return {"type": "ir.actions.act_window_close"}
