from odoo import api, fields, models


class CalendarEvent(models.Model):
    _inherit = "calendar.event"

    emploi_pathway_id = fields.Many2one(
        comodel_name="emploi.pathway",
        string="Supported employment pathway",
        index="btree_not_null",
        ondelete="set null",
    )
    emploi_action_ids = fields.One2many(
        comodel_name="emploi.action", inverse_name="calendar_event_id"
    )

    @api.model_create_multi
    def create(self, vals_list):
        events = super().create(vals_list)
        if not self.env.context.get("emploi_from_action"):
            events.filtered("emploi_pathway_id")._create_emploi_actions()
        return events

    def write(self, vals):
        res = super().write(vals)
        if not self.env.context.get("emploi_from_action") and (
            {"start", "stop", "name"} & vals.keys()
        ):
            for event in self.filtered("emploi_action_ids"):
                event.emploi_action_ids.with_context(emploi_from_calendar=True).write(
                    {
                        "name": event.name,
                        "start": event.start,
                        "duration": event.duration,
                    }
                )
        return res

    def _create_emploi_actions(self):
        """An appointment planned in the calendar is a planned support action."""
        interview = self.env.ref("emploi_accompagne.emploi_action_type_interview")
        self.env["emploi.action"].with_context(emploi_from_action=True).create(
            [
                {
                    "name": event.name,
                    "pathway_id": event.emploi_pathway_id.id,
                    "action_type_id": interview.id,
                    "start": event.start,
                    "duration": event.duration,
                    "user_id": event.user_id.id or self.env.uid,
                    "calendar_event_id": event.id,
                }
                for event in self
            ]
        )
