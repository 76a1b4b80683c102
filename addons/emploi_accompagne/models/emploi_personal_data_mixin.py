from odoo import models
from odoo.exceptions import UserError

# Set by the retention job, an erasure or a withdrawn consent, never by hand:
# a file marked anonymised would be skipped by the job and keep its data.
RETENTION_FIELDS = (
    "anonymised_date",
    "anonymisation_reason",
    "consent_withdrawn_date",
    "archive_date",
)


class EmploiPersonalDataMixin(models.AbstractModel):
    """A record that holds something about a person: what anonymising it
    erases is declared here, once per model.

    The figures the funders get (dates, phases, categories, durations, jobs)
    stay; names, contact details, free texts, messages, attachments and
    activities go.
    """

    _name = "emploi.personal.data.mixin"
    _description = "Record holding personal data"
    # Facts of the figures computed from the record (an age at a date): no
    # client writes them.
    _computed_facts = ()

    def write(self, vals):
        if not self.env.su and set(RETENTION_FIELDS) & vals.keys():
            raise UserError(
                self.env._(
                    "Anonymisation and withdrawn consent are recorded by their "
                    "buttons only."
                )
            )
        if not self.env.su and set(self._computed_facts) & vals.keys():
            raise UserError(
                self.env._("Ages at entry and at hiring are computed, not typed.")
            )
        return super().write(vals)

    def _anonymised_values(self):
        """The values that replace the personal data of this record."""
        return {}

    def _anonymise_records(self):
        """Erase the personal data of these records, as superuser (the caller
        decided: the retention job, or a manager's erasure)."""
        records = self.sudo()
        for record in records:
            values = record._anonymised_values()
            if values:
                record.write(values)
        domain = [("res_model", "=", self._name), ("res_id", "in", self.ids)]
        self.env["mail.message"].sudo().search(
            [("model", "=", self._name), ("res_id", "in", self.ids)]
        ).unlink()
        self.env["ir.attachment"].sudo().search(domain).unlink()
        self.env["mail.activity"].sudo().search(domain).unlink()

    def _anonymisation_preview(self):
        """What anonymising these records erases, in words (one line a kind)."""
        fields_erased = {
            self._fields[name].get_description(self.env)["string"]
            for record in self
            for name in record._anonymised_values()
        }
        return sorted(fields_erased)
