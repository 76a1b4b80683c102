from odoo import fields, models

FIDELITY_GROUPS = [
    ("staffing", "Staffing"),
    ("organisation", "Organisation"),
    ("services", "Services"),
]
# What the records pre-fill (emploi.fidelity.measure), item by item.
MEASURES = [
    ("caseload", "People per full-time coach"),
    ("employment_share", "Time on employment services"),
    ("generalists", "Coaches working in every phase"),
    ("care_contact", "People whose care team was contacted in 90 days"),
    ("zero_exclusion", "Referrals turned away"),
    ("benefits_plan", "Benefits plan before the first job"),
    ("disclosure", "Sharing agreement with employers"),
    ("rapid_search", "Days from entry to the first employer contact"),
    ("preferences", "Job preferences recorded"),
    ("employer_contacts", "Employer contacts per coach per week"),
    ("job_types", "Diversity of job types"),
    ("employers", "Diversity of employers"),
    ("competitive", "Competitive jobs"),
    ("follow_along", "Support beyond a year in the job"),
    ("community", "Actions outside the office"),
    ("outreach", "Outreach after a no-show"),
]


class EmploiFidelityItem(models.Model):
    """An item of the IPS fidelity scale (25 items scored 1 to 5), with what
    each score looks like, and the measure of the records that pre-fills it."""

    _name = "emploi.fidelity.item"
    _description = "IPS fidelity scale item"
    _order = "sequence, id"

    code = fields.Char(required=True)
    name = fields.Char(string="Item", required=True, translate=True)
    group = fields.Selection(selection=FIDELITY_GROUPS, required=True)
    sequence = fields.Integer(required=True)
    guidance = fields.Text(
        string="What each score looks like", required=True, translate=True
    )
    measure = fields.Selection(
        selection=MEASURES,
        string="Pre-filled from",
        help="The figure of the records that proposes a score; empty: the "
        "reviewers score the item from interviews, documents and observation.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "An item's code is unique."),
    ]
