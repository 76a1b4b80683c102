# Copyright 2026 Emploi accompagné for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Emploi accompagné - Portal",
    "summary": "Prescribers send and follow their referrals on Odoo's portal",
    "version": "18.0.1.0.0",
    "category": "Services/Emploi accompagné",
    "license": "AGPL-3",
    "author": "Emploi accompagné for Odoo contributors",
    "website": "https://github.com/emploi-accompagne/emploi-accompagne-odoo",
    "development_status": "Alpha",
    "maintainers": [],
    "depends": ["emploi_accompagne", "portal", "auth_signup"],
    "data": [
        "security/ir.model.access.csv",
        "security/emploi_accompagne_portal_rules.xml",
        "data/mail_message_subtype_data.xml",
        "data/ir_cron_data.xml",
        "report/emploi_support_agreement_report.xml",
        "views/emploi_referral_views.xml",
        "views/emploi_committee_views.xml",
        "views/emploi_support_agreement_views.xml",
        "views/portal_templates.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/emploi_referral_demo.xml",
        "demo/emploi_agreement_signature_demo.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "emploi_accompagne_portal/static/src/js/*.js",
            "emploi_accompagne_portal/static/src/scss/*.scss",
        ],
        "web.assets_tests": [
            "emploi_accompagne_portal/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
