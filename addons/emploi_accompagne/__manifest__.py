# Copyright 2026 Emploi accompagné for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Emploi accompagné",
    "summary": "Supported employment platforms: beneficiaries, pathways, "
    "job coaches' caseloads, support actions and jobs",
    "version": "18.0.1.0.0",
    "category": "Services/Emploi accompagné",
    "license": "AGPL-3",
    "author": "Emploi accompagné for Odoo contributors",
    "website": "https://github.com/emploi-accompagne/emploi-accompagne-odoo",
    "development_status": "Alpha",
    "maintainers": [],
    "depends": ["mail", "contacts", "calendar"],
    "data": [
        "security/emploi_accompagne_security.xml",
        "security/ir.model.access.csv",
        "security/emploi_accompagne_rules.xml",
        "data/ir_sequence_data.xml",
        "data/emploi_phase_data.xml",
        "data/emploi_action_type_data.xml",
        "data/emploi_contract_type_data.xml",
        "data/emploi_exit_reason_data.xml",
        "data/emploi_disability_category_data.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "wizards/emploi_pathway_close_views.xml",
        "views/emploi_beneficiary_views.xml",
        "views/emploi_pathway_views.xml",
        "views/emploi_action_views.xml",
        "views/emploi_job_views.xml",
        "views/emploi_caseload_views.xml",
        "views/emploi_nomenclature_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/res_company_demo.xml",
        "demo/res_users_demo.xml",
        "demo/emploi_beneficiary_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "emploi_accompagne/static/tests/tours/*.js",
        ],
    },
    "application": True,
    "installable": True,
}
