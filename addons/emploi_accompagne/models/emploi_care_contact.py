from odoo import api, fields, models

CARE_ROLES = [
    ("psychiatrist", "Psychiatrist"),
    ("general_practitioner", "General practitioner"),
    ("psychologist", "Psychologist"),
    ("nurse", "Nurse"),
    ("medico_social", "Medico-social service"),
    ("other", "Other care professional"),
]


class EmploiCareContact(models.Model):
    """A professional or service of the person's care team (IPS: employment
    and care work together). That someone sees a psychiatrist is health data:
    job coaches and managers only, gone when the file is anonymised."""

    _name = "emploi.care.contact"
    _description = "Care team member"
    _inherit = ["emploi.personal.data.mixin"]
    _order = "sequence, id"
    _check_company_auto = True

    beneficiary_id = fields.Many2one(
        comodel_name="emploi.beneficiary",
        string="Person",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="beneficiary_id.company_id", store=True, index=True
    )
    sequence = fields.Integer(default=10)
    role = fields.Selection(selection=CARE_ROLES, required=True)
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Professional or service",
        required=True,
        index=True,
    )
    phone = fields.Char(related="partner_id.phone")
    email = fields.Char(related="partner_id.email")
    agreed_date = fields.Date(
        string="Person agreed on",
        help="The day the person agreed that their coach and this professional "
        "talk to each other.",
    )
    active = fields.Boolean(default=True)
    last_contact_date = fields.Date(
        string="Last contact",
        compute="_compute_last_contact_date",
        help="The latest contact with this member logged as a support action.",
    )

    @api.depends("partner_id")
    def _compute_display_name(self):
        roles = dict(self._fields["role"]._description_selection(self.env))
        for contact in self:
            contact.display_name = (
                f"{contact.partner_id.name} ({roles.get(contact.role, '')})"
            )

    def _compute_last_contact_date(self):
        last = dict(
            self.env["emploi.action"]._read_group(
                [("care_contact_id", "in", self.ids), ("attendance", "=", "held")],
                ["care_contact_id"],
                ["date:max"],
            )
        )
        for contact in self:
            contact.last_contact_date = last.get(contact, False)

    def _anonymise_records(self):
        # Who cares for the person says what they suffer from: nothing stays.
        result = super()._anonymise_records()
        self.sudo().unlink()
        return result
