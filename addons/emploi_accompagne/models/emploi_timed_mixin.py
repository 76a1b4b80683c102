from odoo import api, fields, models
from odoo.exceptions import ValidationError


class EmploiTimedMixin(models.AbstractModel):
    """Work done at a time, for some hours, on a platform's day: the day the
    figures count is the one of the platform's time zone, not UTC's."""

    _name = "emploi.timed.mixin"
    _description = "Dated work of a platform"

    start = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    duration = fields.Float(default=1.0, help="Duration in hours.")
    date = fields.Date(compute="_compute_date", store=True, index=True)

    @api.depends("start", "company_id.resource_calendar_id.tz")
    def _compute_date(self):
        for record in self:
            company = record.company_id or self.env.company
            record.date = company._emploi_local_date(record.start)

    @api.constrains("duration")
    def _check_duration(self):
        for record in self:
            if not 0 <= record.duration <= 24:
                raise ValidationError(
                    self.env._("An action lasts between 0 and 24 hours.")
                )
