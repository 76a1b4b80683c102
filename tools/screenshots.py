"""Screenshots of the main views, as each role sees them.

Usage: python tools/screenshots.py [--url http://localhost:8069] [--db NAME]
                                    [--out screenshots] [--lang fr_FR]

Needs a running Odoo with the demo data, Debian's chromium and the
``playwright`` package (pip install playwright; no browser download: it drives
/usr/bin/chromium).
"""

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

# (file name, login, path of the page, text that must be on it)
PAGES = [
    ("01_coach_caseload_kanban", "coach.martin", "action-emploi_accompagne.emploi_pathway_action_my", "o_kanban_renderer"),
    ("02_coach_pathway_form", "coach.martin", "action-emploi_accompagne.emploi_pathway_action/{pathway}", "o_form_view"),
    ("03_coach_beneficiary_form", "coach.martin", "action-emploi_accompagne.emploi_beneficiary_action/{beneficiary}", "o_form_view"),
    ("04_secretary_beneficiary_form", "secretariat.durand", "action-emploi_accompagne.emploi_beneficiary_action/{beneficiary}", "o_form_view"),
    ("05_coach_actions_calendar", "coach.martin", "action-emploi_accompagne.emploi_action_action?view_type=calendar", "o_calendar_view"),
    ("06_manager_beneficiaries_list", "manager.bernard", "action-emploi_accompagne.emploi_beneficiary_action", "o_list_view"),
    ("07_manager_caseloads", "manager.bernard", "action-emploi_accompagne.emploi_caseload_action", "o_list_view"),
    ("08_reporting_pathway_analysis", "reporting.petit", "action-emploi_accompagne_reports.emploi_pathway_analysis_action", "o_pivot_view"),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://localhost:8069")
    parser.add_argument("--db", default=None)
    parser.add_argument("--out", default="screenshots")
    parser.add_argument("--pathway", type=int, default=1)
    parser.add_argument("--beneficiary", type=int, default=1)
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    ids = {"pathway": args.pathway, "beneficiary": args.beneficiary}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for name, login, path, marker in PAGES:
            page = browser.new_page(viewport={"width": 1440, "height": 900})
            db = f"?db={args.db}" if args.db else ""
            page.goto(f"{args.url}/web/login{db}")
            page.fill("input[name=login]", login)
            page.fill("input[name=password]", login)
            page.click("button[type=submit]")
            page.wait_for_selector(".o_main_navbar")
            page.goto(f"{args.url}/odoo/{path.format(**ids)}")
            page.wait_for_selector(f".{marker}")
            page.wait_for_timeout(1200)
            page.screenshot(path=out / f"{name}.png", full_page=True)
            page.close()
            print(out / f"{name}.png")
        browser.close()


if __name__ == "__main__":
    main()
