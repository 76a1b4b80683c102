from odoo import api, fields, models
from odoo.exceptions import UserError

# Context key of a meeting written by its record, as superuser: the meeting does
# not send it back. Without superuser rights it means nothing (any client can
# send a context key).
CALENDAR_SYNC = "emploi_calendar_sync"


class EmploiCalendarLinkMixin(models.AbstractModel):
    """A record that is a meeting in Odoo's Calendar (a committee, an appointment).

    One rule for both directions: changing the record moves its meeting, and
    moving, renaming or deleting the meeting in the Calendar changes the record,
    or is refused with the reason. The meeting points back to its record through
    the Calendar's own document link (``res_model``/``res_id``), which opens the
    record from the meeting.
    """

    _name = "emploi.calendar.link.mixin"
    _description = "Record kept in step with its calendar meeting"

    calendar_event_id = fields.Many2one(
        comodel_name="calendar.event",
        string="Meeting",
        copy=False,
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
    )

    def _calendar_event_values(self):
        """The meeting's values that the record decides."""
        raise NotImplementedError

    def _calendar_trigger_fields(self):
        """The record's fields whose change moves the meeting."""
        raise NotImplementedError

    def _values_from_calendar_event(self, event):
        """The record's values after its meeting was changed in the Calendar."""
        raise NotImplementedError

    def _calendar_event_removed(self):
        """The meeting was deleted or archived in the Calendar."""
        raise NotImplementedError

    def write(self, vals):
        res = super().write(vals)
        if self._calendar_trigger_fields() & vals.keys():
            self._calendar_push()
        return res

    def unlink(self):
        events = self.calendar_event_id
        res = super().unlink()
        # Unless the meeting is the one being deleted (see _calendar_event_removed).
        if not self.env.context.get(CALENDAR_SYNC):
            events._emploi_synced().unlink()
        return res

    def _link_calendar_event(self, event):
        """Make ``event`` this record's meeting, and the record its document."""
        self.ensure_one()
        self.calendar_event_id = event
        event._emploi_synced().write(
            {
                "res_model_id": self.env["ir.model"]._get_id(self._name),
                "res_id": self.id,
            }
        )
        self._calendar_push()

    def _calendar_push(self):
        """Write on the meetings what differs from their records, and only that:
        the Calendar mails the attendees when the time of a meeting changes."""
        for record in self.filtered("calendar_event_id"):
            event = record.calendar_event_id
            changes = {
                name: value
                for name, value in record._calendar_event_values().items()
                if not _same_value(event, name, value)
            }
            if changes:
                event._emploi_synced().write(changes)

    def _update_from_calendar_event(self, event):
        """The meeting was changed in the Calendar: the record follows, if the
        user may change it, and the meeting then shows what the record decides
        (its name, its agenda)."""
        self.ensure_one()
        self._check_calendar_write_access()
        self.write(self._values_from_calendar_event(event))

    def _check_calendar_write_access(self):
        if not self.has_access("write"):
            raise UserError(
                self.env._(
                    "This meeting is “%(record)s” (%(kind)s): only the people who "
                    "manage it on the platform can change or delete it.",
                    record=self.sudo().display_name,
                    kind=self._description,
                )
            )

    @api.model
    def _create_from_calendar_events(self, events):
        """Meetings planned straight in the Calendar that are records of ours."""
        raise NotImplementedError


def _same_value(record, name, value):
    """Whether writing ``value`` (write format) on ``record.name`` changes it."""
    field = record._fields[name]
    current = record[name]
    if field.type == "many2many":
        return set(value[0][2]) == set(current.ids)
    if field.type == "many2one":
        return (value or False) == current.id
    if field.type == "html":
        return str(value or "") == str(current or "")
    return (value or False) == (current or False)
