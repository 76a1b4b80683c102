"""Screenshots of the main views, as each role of the demo data sees them.

Usage: python tools/screenshots.py [--url http://localhost:8069] [--db NAME]
                                   [--out screenshots] [--only NAME_PART]

Needs a running Odoo with the demo data, Debian's chromium and the
``playwright`` package (pip install playwright; no browser download: it drives
/usr/bin/chromium). Demo users' passwords are their logins.
"""

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

ACTION = "action-emploi_accompagne.{}"
# (file name, login, action, view type or record to open, CSS class to wait for,
#  optionally {"cids": companies cookie, "click": CSS selector clicked then})
PAGES = [
    (
        "01_coach_caseload",
        "coach.martin",
        "emploi_pathway_action_my",
        None,
        "o_kanban_renderer",
    ),
    (
        "02_coach_pathway",
        "coach.martin",
        "emploi_pathway_action",
        (
            "emploi.pathway",
            [("coach_id.login", "=", "coach.martin"), ("job_ids", "!=", False)],
        ),
        "o_form_view",
    ),
    (
        "03_coach_beneficiary",
        "coach.martin",
        "emploi_beneficiary_action",
        ("emploi.beneficiary", [("coach_id.login", "=", "coach.martin")]),
        "o_form_view",
    ),
    (
        "04_secretary_beneficiary",
        "secretariat.lambert",
        "emploi_beneficiary_action",
        ("emploi.beneficiary", [("coach_id.login", "=", "coach.martin")]),
        "o_form_view",
    ),
    (
        "05_coach_actions_calendar",
        "coach.martin",
        "emploi_action_action",
        "calendar",
        "o_calendar_renderer",
    ),
    (
        "06_manager_beneficiaries",
        "manager.fontaine",
        "emploi_beneficiary_action",
        None,
        "o_list_renderer",
    ),
    (
        "07_manager_caseloads",
        "manager.fontaine",
        "emploi_caseload_action",
        None,
        "o_list_renderer",
    ),
    (
        "08_secretary_referrals",
        "secretariat.lambert",
        "emploi_referral_action",
        None,
        "o_kanban_renderer",
    ),
    (
        "09_secretary_referral",
        "secretariat.lambert",
        "emploi_referral_action",
        ("emploi.referral", [("state", "=", "new"), ("consent_date", "=", False)]),
        "o_form_view",
    ),
    (
        "10_secretary_committee",
        "secretariat.lambert",
        "emploi_committee_action",
        ("emploi.committee", [("state", "=", "planned")]),
        "o_form_view",
    ),
    (
        "11_secretary_waiting_list",
        "secretariat.lambert",
        "emploi_referral_action_waiting_list",
        None,
        "o_list_renderer",
    ),
    (
        "12_reporting_analysis",
        "reporting.delorme",
        "emploi_accompagne_reports.emploi_pathway_analysis_action",
        None,
        "o_pivot",
    ),
    (
        "13_coach_support_agreement",
        "coach.martin",
        "emploi_support_agreement_action",
        ("emploi.support.agreement", [("version", "=", 2), ("state", "=", "signed")]),
        "o_form_view",
    ),
    (
        "14_coach_employer",
        "coach.martin",
        "res_partner_action_employer",
        ("res.partner", [("name", "=", "EHPAD Les Glycines")]),
        "o_form_view",
    ),
    (
        "15_manager_convention",
        "manager.fontaine",
        "emploi_convention_action",
        ("emploi.convention", [("reference", "=", "ARS-EA-01")]),
        "o_form_view",
    ),
    (
        "16_partner_coach_files",
        "coach.partenaire",
        "emploi_beneficiary_action",
        None,
        "o_list_renderer",
    ),
    (
        "17_reporting_funder_report",
        "reporting.delorme",
        "emploi_accompagne_reports.emploi_funder_report_wizard_action",
        None,
        "o_form_view",
    ),
    (
        "29_reporting_monthly_activity",
        "reporting.delorme",
        "emploi_accompagne_reports.emploi_month_analysis_action",
        None,
        "o_graph_renderer",
    ),
    (
        "30_coach_employer_relations",
        "coach.martin",
        "emploi_employer_action_action",
        None,
        "o_list_renderer",
    ),
    (
        "21_secretary_committee_calendar",
        "secretariat.lambert",
        "calendar_event_action_committees",
        None,
        "o_calendar_renderer",
    ),
    (
        "22_secretary_schedule_committees",
        "secretariat.lambert",
        "emploi_committee_schedule_action",
        None,
        "modal-dialog",
    ),
    # The Loire platform follows IPS: these pages need it among the companies.
    (
        "40_manager_fidelity_review",
        "manager.fontaine",
        "emploi_accompagne_reports.emploi_fidelity_review_action",
        ("emploi.fidelity.review", [("company_id.emploi_follows_ips", "=", True)]),
        "o_form_view",
        {"cids": "2-1"},
    ),
    (
        "42_manager_fidelity_item",
        "manager.fontaine",
        "emploi_accompagne_reports.emploi_fidelity_review_action",
        ("emploi.fidelity.review", [("company_id.emploi_follows_ips", "=", True)]),
        "o_form_view",
        {"cids": "2-1", "click": ".o_field_one2many .o_data_row:nth-child(15) td"},
    ),
    (
        "43_reporting_fidelity_compared",
        "reporting.delorme",
        "emploi_accompagne_reports.emploi_fidelity_review_line_action",
        None,
        "o_graph_renderer",
        {"cids": "2-1"},
    ),
    (
        "44_reporting_ips_outcomes",
        "reporting.delorme",
        "emploi_accompagne_reports.emploi_ips_quarter_action_open",
        None,
        "o_graph_renderer",
        {"cids": "2-1"},
    ),
    (
        "45_coach_care_team",
        "coach.benali",
        "emploi_beneficiary_action",
        ("emploi.beneficiary", [("care_contact_ids", "!=", False)]),
        "o_form_view",
        {"cids": "2", "click": "a[name=care_team]"},
    ),
]

# Portal pages: (file name, login, path, CSS selector to wait for, width).
PORTAL_PAGES = [
    (
        "32_prescriber_referrals",
        "claire.vasseur",
        "/my/referrals",
        ".o_portal_my_doc_table",
        1440,
    ),
    (
        "33_prescriber_new_referral",
        "claire.vasseur",
        "/my/referrals/new",
        ".o_emploi_steps:not(.d-none)",
        1440,
    ),
    (
        "34_prescriber_referral_mobile",
        "claire.vasseur",
        ("emploi.referral", [("portal_user_id.login", "=", "claire.vasseur")]),
        ".o_emploi_missing",
        375,
    ),
    (
        "35_prescriber_new_referral_mobile",
        "claire.vasseur",
        "/my/referrals/new",
        ".o_emploi_steps:not(.d-none)",
        375,
    ),
    (
        "36_committee_member_agenda",
        "bruno.chevalier",
        ("emploi.committee", [("state", "=", "planned")]),
        ".o_emploi_agenda_item",
        1440,
    ),
    (
        "37_committee_member_minutes_mobile",
        "bruno.chevalier",
        ("emploi.committee", [("state", "=", "done")]),
        ".o_emploi_minutes",
        375,
    ),
    ("38_employer_signs_agreement", None, "employer", ".o_emploi_sign", 1440),
    ("39_person_signs_agreement_mobile", None, "person", ".o_emploi_sign", 375),
]


def _first_id(page, url, model, domain):
    response = page.request.post(
        f"{url}/web/dataset/call_kw",
        data={
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "model": model,
                "method": "search",
                "args": [domain],
                "kwargs": {"limit": 1},
            },
        },
    )
    return response.json()["result"][0]


def _login(page, args, login):
    db = f"?db={args.db}" if args.db else ""
    page.goto(f"{args.url}/web/login{db}")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", login)
    page.click("button[type=submit]")


def _signature_url(browser, args, party):
    """The personal link of a pending online signature (read as the manager)."""
    page = browser.new_page()
    _login(page, args, "manager.fontaine")
    page.wait_for_selector(".o_main_navbar")
    response = page.request.post(
        f"{args.url}/web/dataset/call_kw",
        data={
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "model": "emploi.agreement.signature",
                "method": "search_read",
                "args": [[("party", "=", party), ("signed_on", "=", False)]],
                "kwargs": {"fields": ["access_url", "access_token"], "limit": 1},
            },
        },
    )
    [row] = response.json()["result"]
    page.close()
    return f"{row['access_url']}?access_token={row['access_token']}"


def _portal_pages(browser, args, out):
    for name, login, target, marker, width in PORTAL_PAGES:
        if args.only and args.only not in name:
            continue
        page = browser.new_page(viewport={"width": width, "height": 900})
        if login:
            _login(page, args, login)
            page.wait_for_selector(".o_portal, #wrap")
            if isinstance(target, tuple):
                model = target[0]
                path = (
                    "/my/referrals/"
                    if model == "emploi.referral"
                    else "/my/committees/"
                )
                target = path + str(_first_id_as_manager(browser, args, *target))
        else:
            target = _signature_url(browser, args, target)
        page.goto(f"{args.url}{target}")
        page.wait_for_selector(marker)
        page.wait_for_timeout(1000)
        page.screenshot(path=out / f"{name}.png", full_page=True)
        page.close()
        print(out / f"{name}.png")


def _first_id_as_manager(browser, args, model, domain):
    page = browser.new_page()
    _login(page, args, "manager.fontaine")
    page.wait_for_selector(".o_main_navbar")
    record_id = _first_id(page, args.url, model, domain)
    page.close()
    return record_id


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://localhost:8069")
    parser.add_argument("--db", default=None)
    parser.add_argument("--out", default="screenshots")
    parser.add_argument("--only", help="take only the pages whose name contains this")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for name, login, action, target, marker, *extra in PAGES:
            if args.only and args.only not in name:
                continue
            options = extra[0] if extra else {}
            page = browser.new_page(viewport={"width": 1440, "height": 900})
            _login(page, args, login)
            page.wait_for_selector(".o_main_navbar")
            if "cids" in options:
                page.context.add_cookies(
                    [{"name": "cids", "value": options["cids"], "url": args.url}]
                )
            path = ACTION.format(action) if "." not in action else f"action-{action}"
            if isinstance(target, tuple):
                path += f"/{_first_id(page, args.url, *target)}"
            elif target:
                path += f"?view_type={target}"
            page.goto(f"{args.url}/odoo/{path}")
            page.wait_for_selector(f".{marker}")
            if "click" in options:
                page.click(options["click"])
            page.wait_for_timeout(1500)
            page.screenshot(path=out / f"{name}.png", full_page=True)
            page.close()
            print(out / f"{name}.png")
        _portal_pages(browser, args, out)
        browser.close()


if __name__ == "__main__":
    main()
