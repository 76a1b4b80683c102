from odoo import fields, models


class CalendarAttendee(models.Model):
    """An invited committee member's answer, the attendance record: which
    organisation they came for, and what they sit for."""

    _inherit = "calendar.attendee"

    emploi_organisation_id = fields.Many2one(
        related="partner_id.parent_id", string="Organisation"
    )
    emploi_committee_body = fields.Selection(related="partner_id.emploi_committee_body")
