from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.exceptions import UserError


class EmploiCommitteeSchedule(models.TransientModel):
    """Plan a year of monthly committees in one go."""

    _name = "emploi.committee.schedule"
    _description = "Schedule monthly committees"

    company_id = fields.Many2one(
        comodel_name="res.company", required=True, default=lambda self: self.env.company
    )
    first_date = fields.Datetime(string="First committee", required=True)
    count = fields.Integer(string="Number of monthly committees", default=12)
    duration = fields.Float(default=2.0)
    location = fields.Char()
    member_ids = fields.Many2many(comodel_name="res.partner", string="Members")

    def action_schedule(self):
        self.ensure_one()
        if not 1 <= self.count <= 24:
            raise UserError(self.env._("Plan between 1 and 24 committees at once."))
        committees = self.env["emploi.committee"].create(
            [
                {
                    "company_id": self.company_id.id,
                    "date": self.first_date + relativedelta(months=month),
                    "duration": self.duration,
                    "location": self.location,
                    "member_ids": [fields.Command.set(self.member_ids.ids)],
                }
                for month in range(self.count)
            ]
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "emploi_accompagne.emploi_committee_action"
        )
        action["domain"] = [("id", "in", committees.ids)]
        return action
