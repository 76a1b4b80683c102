from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import MissingError, UserError
from odoo.osv import expression
from odoo.tools import format_date

from odoo.addons.emploi_accompagne.models.emploi_beneficiary import age_on

ATTENDANCE_ANSWERS = ("accepted", "declined")


class EmploiCommittee(models.Model):
    _inherit = "emploi.committee"
    _button_fields = ("minutes_approved_date",)

    minutes_approved_date = fields.Date(
        string="Minutes approved on",
        readonly=True,
        copy=False,
        tracking=True,
        help="Approved minutes no longer change and are shown to the members on "
        "the portal.",
    )

    def write(self, vals):
        if "minutes_note" in vals and self.filtered("minutes_approved_date"):
            raise UserError(self.env._("Approved minutes cannot be changed any more."))
        return super().write(vals)

    def action_approve_minutes(self):
        self.check_access("write")
        for committee in self:
            if committee.state != "done":
                raise UserError(
                    self.env._("Only the minutes of a held committee are approved.")
                )
            if not committee.minutes_note:
                raise UserError(self.env._("Write the minutes first."))
        self.sudo().minutes_approved_date = fields.Date.context_today(self)

    # Portal: for the portal user of ``self.env``, as superuser within
    # ``_portal_domain`` only.

    @api.model
    def _portal_domain(self):
        """The committees the user sits on, on the user's platforms."""
        user = self.env.user
        if not user.share:
            return expression.FALSE_DOMAIN
        return [
            ("member_ids", "in", user.partner_id.ids),
            ("company_id", "in", user.company_ids.ids),
            ("state", "!=", "cancelled"),
        ]

    @api.model
    def _portal_search(self):
        return self.sudo().search(self._portal_domain())

    @api.model
    def _portal_get(self, committee_id):
        committee = self.sudo().search(
            expression.AND([self._portal_domain(), [("id", "=", committee_id)]])
        )
        if not committee:
            raise MissingError(self.env._("This committee does not exist."))
        return committee

    def _portal_attendee(self):
        """The user's invitation to the committee's meeting."""
        self.ensure_one()
        return self.sudo().attendee_ids.filtered(
            lambda a: a.partner_id == self.env.user.partner_id
        )

    def _portal_answer_invitation(self, answer):
        """The member says whether they will attend; logged on the committee."""
        self.ensure_one()
        if answer not in ATTENDANCE_ANSWERS:
            raise UserError(self.env._("Unknown answer."))
        if self.state != "planned" or self.date < fields.Datetime.now():
            raise UserError(
                self.env._("This committee has taken place: ask the secretariat.")
            )
        attendee = self._portal_attendee()
        if not attendee:
            raise UserError(
                self.env._("You are not invited to this committee's meeting.")
            )
        if answer == "accepted":
            attendee.do_accept()
        else:
            attendee.do_decline()
        partner = self.env.user.partner_id
        self.sudo().message_post(
            body=(
                self.env._("%s will attend (answered on the portal).", partner.name)
                if answer == "accepted"
                else self.env._(
                    "%s will not attend (answered on the portal).", partner.name
                )
            ),
            author_id=partner.id,
        )

    def _portal_agenda(self):
        """The summary of each referral on the agenda, for its members: no
        name, no health detail beyond the main disability's category."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        return [
            {"referral": referral, "age": age_on(referral.birthdate, today)}
            for referral in self.sudo().referral_ids.sorted("name")
        ]

    def _portal_minutes(self):
        """Who attended for which organisation, the decisions, the minutes;
        once approved only."""
        self.ensure_one()
        committee = self.sudo()
        if not committee.minutes_approved_date:
            return None
        attended = committee.attendee_ids.filtered(lambda a: a.state == "accepted")
        return {
            "attendees": attended.partner_id,
            "spe": committee.spe_represented,
            "mdph": committee.mdph_represented,
            "note": committee.minutes_note or Markup(""),
            "approved": format_date(self.env, committee.minutes_approved_date),
        }
