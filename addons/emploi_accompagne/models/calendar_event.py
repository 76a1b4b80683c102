from odoo import api, fields, models
from odoo.exceptions import UserError

from .emploi_calendar_link_mixin import CALENDAR_SYNC

COMMITTEE_EVENT_TYPE = "emploi_accompagne.calendar_event_type_committee"
# The meeting's fields that its committee or support action follows.
SYNCED_FIELDS = {"start", "stop", "duration", "name", "location", "partner_ids"}


class CalendarEvent(models.Model):
    """Meetings that are committees or support actions follow their record.

    Everybody else's meetings must not notice this module: nothing here reads a
    model of ours with the user's rights unless the meeting is linked to it.
    """

    _inherit = "calendar.event"

    emploi_pathway_id = fields.Many2one(
        comodel_name="emploi.pathway",
        string="Supported employment pathway",
        index="btree_not_null",
        ondelete="set null",
        # Set by coaches only; copied below, as superuser (see copy_data).
        copy=False,
        groups="emploi_accompagne.group_emploi_coach",
    )

    def _get_activity_excluded_models(self):
        # The committee or action *is* the meeting: no "Meeting" activity on it.
        return super()._get_activity_excluded_models() + sorted(
            self._emploi_linked_models()
        )

    def _emploi_syncing(self):
        """Whether this is a record writing its own meeting (see _emploi_synced)."""
        return self.env.su and self.env.context.get(CALENDAR_SYNC)

    def _emploi_synced(self):
        """The meetings as their record writes them: the user was allowed to
        change the record, and its meeting may be private to its attendees
        (the organiser of a committee is one secretary among several)."""
        return self.sudo().with_context(**{CALENDAR_SYNC: True})

    def _emploi_linked_models(self):
        return self.env.registry["emploi.calendar.link.mixin"]._inherit_children

    def _emploi_linked_record(self):
        """The committee or support action this meeting is, if any.

        The link is read as superuser, only to tell our meetings from the others
        (it is hidden from those who do not attend a private meeting); the
        record itself is returned with the user's rights."""
        self.ensure_one()
        event = self.sudo()
        if event.res_model in self._emploi_linked_models() and event.res_id:
            return self.env[event.res_model].browse(event.res_id).exists()
        return None

    def copy_data(self, default=None):
        # A copy (an occurrence of a series, a duplicate) is another meeting:
        # the create below makes it another committee or appointment. The
        # pathway is read as superuser: Odoo's copy would read it with the
        # user's rights and refuse to copy anybody's meeting.
        vals_list = super().copy_data(default=default)
        for event, vals in zip(self, vals_list, strict=True):
            if event._emploi_linked_record() is not None:
                vals.pop("res_model_id", None)
                vals.pop("res_id", None)
            pathway = event.sudo().emploi_pathway_id
            if pathway and "emploi_pathway_id" not in (default or {}):
                vals["emploi_pathway_id"] = pathway.id
        return vals_list

    @api.model_create_multi
    def create(self, vals_list):
        events = super().create(vals_list)
        if not self._emploi_syncing():
            events._emploi_create_linked_records()
        return events

    def write(self, vals):
        syncing = self._emploi_syncing()
        if not syncing and vals.get("recurrence_update") in (
            "all_events",
            "future_events",
        ):
            self._emploi_check_one_at_a_time()
        res = super().write(vals)
        if syncing:
            return res
        if vals.get("active") is False:
            self._emploi_linked_records_removed()
            return res
        if "categ_ids" in vals:
            self._emploi_create_linked_records()
        if SYNCED_FIELDS & vals.keys():
            for event in self:
                record = event._emploi_linked_record()
                if record:
                    record._update_from_calendar_event(event)
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_emploi_linked_records(self):
        if not self._emploi_syncing():
            self._emploi_linked_records_removed()

    def _emploi_linked_records_removed(self):
        for event in self:
            record = event._emploi_linked_record()
            if record:
                record._calendar_event_removed()

    def _emploi_check_one_at_a_time(self):
        # Odoo rebuilds a whole series on such a change: committees would lose
        # their agendas, appointments their outcomes.
        if any(event._emploi_linked_record() for event in self):
            raise UserError(
                self.env._(
                    "Committees and appointments each have their own record: "
                    "change the meetings of a series one at a time (“This event”)."
                )
            )

    def _emploi_create_linked_records(self):
        """A meeting of type *Instance collégiale* is an admission committee; an
        appointment planned for a pathway is a support action."""
        new = self.filtered(lambda event: event._emploi_linked_record() is None)
        committee_type = self.env.ref(COMMITTEE_EVENT_TYPE, raise_if_not_found=False)
        committees = new.filtered(lambda event: committee_type in event.categ_ids)
        if committees:
            self.env["emploi.committee"]._create_from_calendar_events(committees)
        appointments = (new - committees).filtered(
            lambda event: event.sudo().emploi_pathway_id
        )
        if appointments:
            self.env["emploi.action"]._create_from_calendar_events(appointments)
