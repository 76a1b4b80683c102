# Copyright 2026 Emploi accompagné for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Emploi accompagné - Funder reporting",
    "summary": "Indicators and funder spreadsheets of supported employment platforms",
    "version": "18.0.1.3.0",
    "category": "Services/Emploi accompagné",
    "license": "AGPL-3",
    "author": "Emploi accompagné for Odoo contributors",
    "website": "https://github.com/emploi-accompagne/emploi-accompagne-odoo",
    "development_status": "Alpha",
    "maintainers": [],
    "depends": ["emploi_accompagne", "report_xlsx"],
    "data": [
        "security/ir.model.access.csv",
        "security/emploi_accompagne_reports_rules.xml",
        "data/emploi_fidelity_item_data.xml",
        "report/funder_reports.xml",
        "report/fidelity_review_report.xml",
        "views/emploi_pathway_analysis_views.xml",
        "views/emploi_activity_analysis_views.xml",
        "views/emploi_funder_report_views.xml",
        "views/emploi_fidelity_review_views.xml",
        "views/emploi_ips_quarter_views.xml",
        "views/menus.xml",
    ],
    "demo": ["demo/emploi_fidelity_review_demo.xml"],
    "installable": True,
}
