import io
import zipfile
from datetime import date, datetime

import openpyxl

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.emploi_accompagne.tests.common import EmploiCommon

from .common import YEAR_2025, FunderDataset


@tagged("post_install", "-at_install")
class TestFunderReport(FunderDataset):
    def _sheet_rows(self, content, sheet):
        """``{label: [Plateforme A, Plateforme B, Total]}`` of a sheet."""
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        rows = {}
        for row in workbook[sheet].iter_rows(min_row=8, values_only=True):
            rows.setdefault(row[0], list(row[1:4]))
        return rows

    def test_headline_figures(self):
        f = self._figures()
        a, b, total = self.platform.id, self.other_platform.id, 0
        # Bruno counts once in the caseload, his two pathways count as an exit
        # and an entry; Anne, entered before 2025, is in the caseload only.
        self.assertEqual(f["A1", None], {a: 4, b: 1, total: 5})
        self.assertEqual(f["A2", None], {a: 4, b: 1, total: 5})
        self.assertEqual(f["A3", None], {a: 3, b: 1, total: 4})
        self.assertEqual(f["A5", None], {a: 1, total: 1})
        self.assertEqual(f["A5_reason", self.reason_stabilised.code], {a: 1, total: 1})
        self.assertEqual(f["A6", None], {a: 1, total: 1})
        # One coach per platform: 4 people on 31 December in A, 1 in B.
        self.assertEqual(f["A10_caseload", None], {a: 4.0, b: 1.0, total: 2.5})
        # Anne and Chloé work on 31 December; Denis' job ended on the 15th.
        self.assertEqual(f["C1", None], {a: 2, total: 2})
        self.assertEqual(f["C2", None], {a: 2, total: 2})
        # Chloé, employed at entry, is left out of the access rate: 2 of 3 in A,
        # Gaston (no job) in B.
        self.assertEqual(f["C3_den", None], {a: 3, b: 1, total: 4})
        self.assertEqual(f["C3_num", None], {a: 2, total: 2})
        # Anne: 396 days to her job, Denis: 44.
        self.assertEqual(f["C4_avg", None], {a: 220.0, total: 220.0})
        self.assertEqual(f["C4_median", None], {a: 220.0, total: 220.0})
        self.assertEqual(f["C4_within_6m", None], {a: 1, total: 1})
        self.assertEqual(f["C6_contract", self.cdi.code], {a: 1, total: 1})
        self.assertEqual(f["C6_contract", self.short_cdd.code], {a: 1, total: 1})
        self.assertEqual(f["C7", None], {a: 1, total: 1})
        self.assertEqual(f["B_gender", "female"], {a: 2, b: 1, total: 3})
        self.assertEqual(f["B_gender", "male"], {a: 2, total: 2})
        # One held action with the employer in 2025; the no-show does not count.
        self.assertEqual(f["A7", None], {a: 1, total: 1})
        phase = self._anne_phase()
        self.assertEqual(f["A8_hours_phase", phase], {a: 1.5, total: 1.5})

    def test_every_breakdown_family(self):
        """Each family of the spreadsheet, whole, on the dataset made diverse:
        Chloé born in 2000, Anne with a psychic disability, Denis with a
        baccalauréat, full time in the public sector, Gaston with the AAH."""
        a, b, total = self.platform.id, self.other_platform.id, 0
        people = self.env["emploi.beneficiary"].search(
            [("company_id", "in", self.both.ids)]
        )
        named = {person.name: person for person in people}
        named["Chloé"].birthdate = date(2000, 6, 1)
        psychic = self.env.ref("emploi_accompagne.emploi_disability_category_psychic")
        named["Anne"].disability_category_id = psychic
        named["Denis"].education_level = "4"
        named["Gaston"].boeth_title = "aah"
        self.denis.job_ids.write({"weekly_hours": 35, "sector": "public"})
        self.employer.emploi_size_band = "50_249"
        f = self._figures()

        def family(code):
            return self._family(f, code)

        # Profiles: the latest pathway of the 4 people of A and the 1 of B.
        self.assertEqual(
            family("B_age"),
            {"b_20_24": {a: 1, total: 1}, "d_30_39": {a: 3, b: 1, total: 4}},
        )
        self.assertEqual(
            family("B_disability"),
            {psychic.code: {a: 1, total: 1}, None: {a: 3, b: 1, total: 4}},
        )
        self.assertEqual(
            family("B_education"),
            {"4": {a: 1, total: 1}, None: {a: 3, b: 1, total: 4}},
        )
        self.assertEqual(
            family("B_title"), {"rqth": {a: 4, total: 4}, "aah": {b: 1, total: 1}}
        )
        self.assertEqual(
            family("B_situation"),
            {"job_seeker": {a: 3, b: 1, total: 4}, "employee": {a: 1, total: 1}},
        )
        # Entries: Bruno's return, Chloé, Denis; Gaston in B.
        self.assertEqual(
            family("A3_situation"),
            {"job_seeker": {a: 2, b: 1, total: 3}, "employee": {a: 1, total: 1}},
        )
        self.assertEqual(family("A3_prescriber"), {"none": {a: 3, b: 1, total: 4}})
        # Exits: Bruno's first pathway, 1 June 2024 to 28 February 2025.
        self.assertEqual(
            family("A5_reason"), {self.reason_stabilised.code: {a: 1, total: 1}}
        )
        self.assertEqual(
            family("D_duration"),
            {self.reason_stabilised.code: {a: 272.0, total: 272.0}},
        )
        # Jobs started in 2025: Anne's (permanent, 24 h, private) and Denis'.
        self.assertEqual(f["C4_count", None], {a: 2, total: 2})
        self.assertEqual(
            family("C6_contract"),
            {self.cdi.code: {a: 1, total: 1}, self.short_cdd.code: {a: 1, total: 1}},
        )
        self.assertEqual(
            family("C8_time"),
            {"part_time": {a: 1, total: 1}, "full_time": {a: 1, total: 1}},
        )
        self.assertEqual(
            family("C9_sector"),
            {"private": {a: 1, total: 1}, "public": {a: 1, total: 1}},
        )
        # Anne's workplace visit of 12 May 2025, 1.5 h; the no-show and the 2024
        # visit do not count.
        phase = self._anne_phase()
        self.assertEqual(family("A8_count_phase"), {phase: {a: 1, total: 1}})
        self.assertEqual(family("A8_hours_phase"), {phase: {a: 1.5, total: 1.5}})
        self.assertEqual(
            family("A8_count_type"), {self.interview.code: {a: 1, total: 1}}
        )
        self.assertEqual(
            family("A8_hours_type"), {self.interview.code: {a: 1.5, total: 1.5}}
        )
        self.assertEqual(family("A7_size"), {"50_249": {a: 1, total: 1}})
        # No convention in the dataset: no money, none per person.
        self.assertEqual(family("E_amount"), {})
        self.assertEqual(f["E_total", None], {a: 0, b: 0, total: 0})
        self.assertEqual(f["E_per_person", None], {a: 0.0, b: 0.0, total: 0.0})
        # The people whose disability is not recorded show as such (the
        # category "Not specified" is another line).
        content = self._wizard(user=self.manager)._render_xlsx()
        rows = self._sheet_rows(content, "Profiles")
        self.assertEqual(rows["Not recorded"], [3, 1, 4])
        self.assertEqual(rows["Not specified"], [0, 0, 0])
        self.assertEqual(rows["Psychic disorders"], [1, 0, 1])
        # A category archived since is no longer listed: its people join them.
        psychic.active = False
        rows = self._sheet_rows(
            self._wizard(user=self.manager)._render_xlsx(), "Profiles"
        )
        self.assertEqual(rows["Not recorded"], [4, 1, 5])
        self.assertNotIn("Psychic disorders", rows)

    def test_referrals_intensity_retention_and_people_employed_at_entry(self):
        """A4, A9, C4 from the referral, C5, C8 by weekly hours, C10 and C11,
        counted by hand."""
        a, b, total = self.platform.id, self.other_platform.id, 0
        Pathway = self.env["emploi.pathway"]
        eve = Pathway.search([("beneficiary_id.name", "=", "Eve")])
        self.denis.admission_date = date(2025, 8, 20)
        eve.admission_date = date(2026, 1, 5)
        base = {
            "company_id": self.platform.id,
            "lastname": "X",
            "gender": "female",
            "birthdate": date(1990, 5, 17),
            "boeth_title": "rqth",
            "prescriber_type": "france_travail",
            "consent_date": date(2024, 11, 4),
        }
        for name, received, state, decided, pathway in (
            ("Denis", date(2025, 6, 2), "admitted", date(2025, 8, 20), self.denis),
            ("Rita", date(2025, 3, 3), "waiting_list", date(2025, 4, 1), Pathway),
            ("Sam", date(2025, 11, 3), "new", False, Pathway),
            ("Ugo", date(2024, 12, 2), "refused", date(2024, 12, 10), Pathway),
            # Waiting since October 2025, admitted in January 2026.
            ("Eve", date(2025, 9, 1), "admitted", date(2025, 10, 1), eve),
        ):
            self.env["emploi.referral"].create(
                {
                    **base,
                    "firstname": name,
                    "referral_date": received,
                    "state": state,
                    "decision_date": decided,
                    "pathway_id": pathway.id,
                }
            )
        # Employed at entry: Hugo still works when he leaves and a year on; Inès
        # entered in September 2024, her job ended in June 2025.
        hugo = self._pathway(
            self._beneficiary("Hugo", coach=self.coach, gender="male"),
            entry_date=date(2024, 2, 1),
            entry_situation="employee",
        )
        self._job(hugo, date(2023, 6, 1))
        hugo.write(
            {
                "state": "closed",
                "exit_date": date(2025, 5, 31),
                "exit_reason_id": self.reason_stabilised.id,
            }
        )
        ines = self._pathway(
            self._beneficiary("Inès", coach=self.coach),
            entry_date=date(2024, 9, 1),
            entry_situation="employee",
        )
        self._job(ines, date(2024, 1, 1), date(2025, 6, 30))
        f = self._figures()

        def family(code):
            return self._family(f, code)

        self.assertEqual(f["A4", None], {a: 4, total: 4})
        self.assertEqual(
            family("A4_status"),
            {
                "admitted": {a: 2, total: 2},
                "waiting_list": {a: 1, total: 1},
                "new": {a: 1, total: 1},
            },
        )
        self.assertEqual(f["A4_waiting", None], {a: 2, total: 2})  # Rita, Eve
        self.assertEqual(f["A4_admitted", None], {a: 1, total: 1})  # Denis
        self.assertEqual(f["A4_wait_median", None], {a: 79.0, total: 79.0})
        # Denis: referred 2 June, first job 15 October.
        self.assertEqual(f["C4_referral_count", None], {a: 1, total: 1})
        self.assertEqual(f["C4_referral_avg", None], {a: 135.0, total: 135.0})
        # Anne's 1.5 h over 6 people of A (Hugo and Inès now) and 12 months.
        self.assertEqual(f["A9_hours", None], {a: 1.5, total: 1.5})
        self.assertEqual(f["A9_intensity", None], {a: 0.02, b: 0.0, total: 0.02})
        self.assertEqual(f["A9_employer_share", None], {a: 0.0, total: 0.0})
        # Jobs started in 2025: Anne's and Denis', 24 hours a week each, with an
        # employer of unknown size.
        self.assertEqual(family("C8_hours"), {"c_24_34": {a: 2, total: 2}})
        self.assertEqual(family("C10_size"), {"unknown": {a: 2, total: 2}})
        # 6 months on in 2025: Anne's job (April); 12 months on: Chloé's and
        # Inès' (January 2024; Inès' ended in June 2025, after its anniversary),
        # not Hugo's (June 2023).
        self.assertEqual(f["C5_6m_den", None], {a: 1, total: 1})
        self.assertEqual(f["C5_6m", None], {a: 1, total: 1})
        self.assertEqual(f["C5_12m_den", None], {a: 2, total: 2})
        self.assertEqual(f["C5_12m", None], {a: 2, total: 2})
        # Ended in 2025: Denis' (61 days) and Inès' (546 days): 2.0 and 17.9
        # months.
        self.assertEqual(f["C5_tenure", None], {a: 10.0, total: 10.0})
        self.assertEqual(f["C11_exit_den", None], {a: 1, total: 1})
        self.assertEqual(f["C11_exit", None], {a: 1, total: 1})
        # 12 months after entry in 2025: Hugo (February, employed), Inès
        # (September, no job any more).
        self.assertEqual(f["C11_12m_den", None], {a: 2, total: 2})
        self.assertEqual(f["C11_12m", None], {a: 1, total: 1})

    def test_time_spent_per_phase(self):
        a, total = self.platform.id, 0
        pathway = self._pathway(
            self._beneficiary("Jade", coach=self.coach), entry_date=date(2025, 1, 6)
        )
        self.assertEqual(pathway.phase_id, self.phases["assessment"])
        for phase, day in (
            ("career_plan", date(2025, 3, 3)),
            ("job_search", date(2025, 5, 5)),
        ):
            pathway.write({"phase_id": self.phases[phase].id, "date_phase_start": day})
        periods = self.env["emploi.phase.period"].search(
            [("pathway_id", "=", pathway.id)]
        )
        self.assertEqual(
            [(p.phase_id.code, p.date_start, p.date_end) for p in periods],
            [
                ("assessment", date(2025, 1, 6), date(2025, 3, 3)),
                ("career_plan", date(2025, 3, 3), date(2025, 5, 5)),
                ("job_search", date(2025, 5, 5), False),
            ],
        )
        f = self._figures()
        self.assertEqual(
            self._family(f, "D_phase"),
            {
                "assessment": {a: 56.0, total: 56.0},
                "career_plan": {a: 63.0, total: 63.0},
            },
        )
        # The periods stay when the file is anonymised: the figure does not move.
        pathway.write(
            {
                "state": "closed",
                "exit_date": date(2025, 6, 30),
                "exit_reason_id": self.reason_stabilised.id,
            }
        )
        pathway.beneficiary_id._anonymise("test")
        self.assertEqual(
            self._figures()["D_phase", "assessment"], {a: 56.0, total: 56.0}
        )

    def _anne_phase(self):
        return (
            self.env["emploi.action"]
            .search([("start", "=", datetime(2025, 5, 12, 9))])
            .phase_id.code
        )

    def test_an_admitted_person_enters_at_the_first_held_appointment(self):
        a, total = self.platform.id, 0
        pathway = self._pathway(
            self._beneficiary("Hélène Attente", coach=self.coach),
            entry_date=date(2025, 11, 20),
            admission_date=date(2025, 11, 20),
            entry_pending=True,
        )
        # Admitted in November, not met in 2025: no entry, not in the caseload.
        self.assertEqual(
            self._figures()["A3", None], {a: 3, self.other_platform.id: 1, total: 4}
        )
        self.env["emploi.action"].create(
            {
                "name": "Premier entretien",
                "pathway_id": pathway.id,
                "action_type_id": self.interview.id,
                "start": datetime(2025, 12, 3, 9, 0),
                "attendance": "held",
            }
        )
        self.assertEqual(pathway.entry_date, date(2025, 12, 3))
        f = self._figures()
        self.assertEqual(f["A3", None][a], 4)
        self.assertEqual(f["A1", None][a], 5)

    def test_entries_by_prescriber_and_by_source(self):
        a, b, total = self.platform.id, self.other_platform.id, 0
        Referral = self.env["emploi.referral"]
        values = {
            "company_id": self.platform.id,
            "gender": "female",
            "birthdate": date(1990, 5, 17),
            "boeth_title": "rqth",
            "consent_date": date(2025, 1, 2),
            "referral_date": date(2025, 1, 6),
        }
        chloe = self.denis.search([("beneficiary_id.name", "=", "Chloé")])
        # Chloé's employer asked for support: a source, Cap emploi prescribed.
        from_employer = Referral.create(
            {
                **values,
                "firstname": "Chloé",
                "lastname": "X",
                "prescriber_type": "employer",
            }
        )
        self.assertIn("No prescription yet", from_employer.eligibility_issues)
        from_employer.prescribed_by = "cap_emploi"
        self.assertTrue(from_employer.is_eligible)
        from_employer.pathway_id = chloe
        Referral.create(
            {
                **values,
                "firstname": "Denis",
                "lastname": "X",
                "prescriber_type": "mdph",
                "pathway_id": self.denis.id,
            }
        )
        f = self._figures()
        # Bruno's re-entry and Gaston have no referral recorded.
        self.assertEqual(f["A3_prescriber", "cap_emploi"], {a: 1, total: 1})
        self.assertEqual(f["A3_prescriber", "mdph"], {a: 1, total: 1})
        self.assertEqual(f["A3_prescriber", "none"], {a: 1, b: 1, total: 2})
        self.assertEqual(f["A3_source", "employer"], {a: 1, total: 1})
        self.assertNotIn(("A3_source", "mdph"), f)

    def test_employer_relations_count_in_employers_and_hours(self):
        a, total = self.platform.id, 0
        bakery = self.env["res.partner"].create(
            {
                "name": "Boulangerie Martin",
                "is_company": True,
                "emploi_size_band": "under_20",
            }
        )
        prospecting = self.env.ref(
            "emploi_accompagne.emploi_action_type_employer_contact"
        )
        Relations = self.env["emploi.employer.action"].with_user(self.coach)
        for start, attendance, employer in (
            (datetime(2025, 3, 10, 14), "held", bakery),
            (datetime(2025, 4, 7, 14), "held", self.employer),
            (datetime(2025, 5, 5, 14), "planned", bakery),
            (datetime(2024, 12, 2, 14), "held", bakery),
        ):
            Relations.create(
                {
                    "name": "Présentation du dispositif",
                    "employer_id": employer.id,
                    "action_type_id": prospecting.id,
                    "start": start,
                    "duration": 2.0,
                    "attendance": attendance,
                }
            )
        f = self._figures()
        # Anne's employer (a workplace visit) and the bakery, each once.
        self.assertEqual(f["A7", None], {a: 2, total: 2})
        self.assertEqual(f["A7_size", "under_20"], {a: 1, total: 1})
        self.assertEqual(f["A8_count_type", prospecting.code], {a: 2, total: 2})
        self.assertEqual(f["A8_hours_type", prospecting.code], {a: 4.0, total: 4.0})
        self.assertEqual(f["A8_hours_type", self.interview.code], {a: 1.5, total: 1.5})
        # Support given to a person is logged on their pathway, not here.
        with self.assertRaisesRegex(ValidationError, "log it on their pathway"):
            Relations.create(
                {
                    "name": "Entretien",
                    "employer_id": bakery.id,
                    "action_type_id": self.interview.id,
                }
            )
        # A funder's figures hold the pathways it funds: no employer alone.
        self.assertNotIn(
            ("A8_count_type", prospecting.code), self._figures(funder="fiphfp")
        )

    def test_advice_requests_count_in_the_activity(self):
        a, b, total = self.platform.id, self.other_platform.id, 0
        Advice = self.env["emploi.advice.request"]
        for company, received, asked_by, hours in (
            (self.platform, date(2025, 2, 3), "mission_locale", 0.5),
            (self.platform, date(2025, 9, 15), "employer", 1.0),
            (self.platform, date(2025, 12, 31), "mission_locale", 0.25),
            (self.platform, date(2024, 12, 31), "mission_locale", 2.0),
            (self.other_platform, date(2025, 6, 2), "medico_social", 0.0),
        ):
            Advice.create(
                {
                    "company_id": company.id,
                    "request_date": received,
                    "requester_type": asked_by,
                    "question": "Situation sans nom",
                    "hours": hours,
                }
            )
        f = self._figures()
        self.assertEqual(f["A11", None], {a: 3, b: 1, total: 4})
        self.assertEqual(
            self._family(f, "A11_requester"),
            {
                "mission_locale": {a: 2, total: 2},
                "employer": {a: 1, total: 1},
                "medico_social": {b: 1, total: 1},
            },
        )
        self.assertEqual(f["A11_hours", None], {a: 1.75, b: 0.0, total: 1.75})
        # About no one: a funder's pathways hold none.
        self.assertNotIn(("A11", None), self._figures(funder="fiphfp"))

    def test_month_by_month_in_figures_and_in_a_chart(self):
        a, b, total = self.platform.id, self.other_platform.id, 0
        f = self._figures()

        def series(code):
            return [f.get((code, f"2025-{m:02d}"), {}).get(a, 0) for m in range(1, 13)]

        # Anne all year, Bruno until February and from June, Chloé from March,
        # Denis from September.
        self.assertEqual(series("M_caseload"), [2, 2, 2, 2, 2, 3, 3, 3, 4, 4, 4, 4])
        self.assertEqual(f["M_caseload", "2025-01"], {a: 2, b: 1, total: 3})
        self.assertEqual(series("M_entries"), [0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0])
        self.assertEqual(series("M_exits"), [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        # Chloé works from her entry, Anne from April, Denis from 15 October to
        # 15 December.
        self.assertEqual(series("M_employed"), [0, 0, 1, 2, 2, 2, 2, 2, 2, 3, 3, 2])
        content = self._wizard(user=self.manager)._render_xlsx()
        rows = self._sheet_rows(content, "Trends")
        self.assertEqual(rows["09/2025"], [4, 1, 5])  # the caseload's, first
        with zipfile.ZipFile(io.BytesIO(content)) as xlsx:
            chart = xlsx.read("xl/charts/chart1.xml").decode()
        self.assertIn("<c:lineChart>", chart)
        self.assertIn("Trends!$D$", chart)  # the total column

    def test_spreadsheet_holds_the_same_figures(self):
        # Every figure, small counts shown: a platform manager's internal file
        # (the reporting role may not untick the masking any more).
        wizard = self._wizard(user=self.manager)
        content = wizard._render_xlsx()
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(
            workbook.sheetnames,
            [
                "Summary",
                "Activity",
                "Profiles",
                "Employment outcomes",
                "Durations and delays",
                "Services by phase",
                "Employers",
                "Trends",
                "Finance",
                "Definitions",
            ],
        )
        summary = workbook["Summary"]
        self.assertEqual(
            [c.value for c in summary[7]],
            ["Indicator", "Plateforme A", "Plateforme B", "Total"],
        )
        self.assertEqual(summary["B2"].value, datetime(2025, 1, 1))
        self.assertEqual(summary.freeze_panes, "B8")
        rows = self._sheet_rows(content, "Summary")
        self.assertEqual(rows["Active caseload over the period"], [4, 1, 5])
        self.assertEqual(rows["Entries"], [3, 1, 4])
        self.assertEqual(rows["Access to employment rate"], [2 / 3, 0, 0.5])
        outcomes = self._sheet_rows(content, "Employment outcomes")
        self.assertEqual(
            outcomes["People in employment at the end of the period"], [2, 0, 2]
        )
        self.assertEqual(outcomes["... of which durable employment"], [1, 0, 1])
        activity = self._sheet_rows(content, "Activity")
        self.assertEqual(activity["Re-entries"], [1, 0, 1])
        self.assertEqual(activity["Job seeker"], [2, 1, 3])
        self.assertEqual(activity["Employee in an ordinary job, at risk"], [1, 0, 1])
        # The on-screen summary shows the very same figures.
        self.assertIn("66.7", wizard.summary_html)
        # Nothing individual: no name of a person anywhere.
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(values_only=True):
                for name in ("Anne", "Bruno", "Chloé", "Denis", "Gaston"):
                    self.assertNotIn(name, " ".join(str(v) for v in row))
        self.assertEqual(
            wizard.report_filename,
            "Funder report - 2 platforms - 2025-01-01 to 2025-12-31",
        )

    def test_small_counts_are_masked(self):
        content = self._wizard(mask_small_counts=True)._render_xlsx()
        rows = self._sheet_rows(content, "Summary")
        self.assertEqual(rows["Active caseload over the period"], ["< 5", "< 5", 5])
        # Employers and hours are not people: never masked.
        self.assertEqual(rows["Employers supported"], [1, 0, 1])

    def test_funder_restricts_to_the_pathways_it_funds(self):
        self._convention(
            "FIPHFP 2025",
            "fiphfp",
            {"amount": 30000, "target_caseload": 2},
            rule_ids=[Command.create({"condition": "employed_at_entry"})],
        )
        wizard = self._wizard(funder="fiphfp")
        self.assertEqual(
            [
                (y.year, y.target_caseload, y.actual_caseload)
                for y in wizard.convention_year_ids
            ],
            [(2025, 2, 1)],
        )
        f = wizard._get_figures()
        self.assertEqual(f["A1", None], {self.platform.id: 1, 0: 1})  # Chloé
        self.assertEqual(
            f["E_amount", "fiphfp"], {self.platform.id: 30000.0, 0: 30000.0}
        )
        self.assertEqual(f["E_per_person", None][self.platform.id], 30000.0)

    def test_the_spreadsheet_compares_targets_and_actuals(self):
        self._convention(
            "ARS 2025",
            "ars",
            {
                "amount": 50000,
                "target_caseload": 3,
                "target_caseload_kind": "stock",
                "target_entries": 2,
            },
        )

        def targets(user):
            content = self._wizard(user=user)._render_xlsx()
            sheet = openpyxl.load_workbook(io.BytesIO(content))["Convention targets"]
            return [row for row in sheet.iter_rows(min_row=8, values_only=True)]

        # On 31 December: Anne, Bruno, Chloé, Denis; entries: Bruno's return,
        # Chloé, Denis; in employment: Anne and Chloé.
        self.assertEqual(
            targets(self.manager),
            [("ARS 2025", 2025, 50000, 3, "On a given day (31/12/2025)", 4, 2, 3, 2)],
        )
        # The funder-reporting role gets the counts under 5 masked.
        self.assertEqual(targets(self.reporting)[0][5:], ("< 5", 2, "< 5", "< 5"))

    def test_caseload_and_funding_per_full_time_equivalent(self):
        a, b, total = self.platform.id, self.other_platform.id, 0
        Staffing = self.env["emploi.coach.staffing"]
        for coach, company, fte, start, end in (
            (self.coach, self.platform, 0.8, date(2024, 1, 1), False),
            (self.other_coach, self.platform, 1.0, date(2024, 1, 1), date(2025, 5, 31)),
            (
                self.other_coach,
                self.platform,
                0.5,
                date(2025, 6, 1),
                date(2025, 12, 31),
            ),
            (self.foreign_coach, self.other_platform, 1.0, date(2025, 1, 1), False),
        ):
            Staffing.create(
                {
                    "user_id": coach.id,
                    "company_id": company.id,
                    "fte": fte,
                    "date_start": start,
                    "date_end": end,
                }
            )
        with self.assertRaisesRegex(ValidationError, "already has a staffing"):
            Staffing.create(
                {
                    "user_id": self.coach.id,
                    "company_id": self.platform.id,
                    "fte": 0.2,
                    "date_start": date(2025, 3, 1),
                }
            )
        with self.assertRaisesRegex(ValidationError, "at most 1"):
            Staffing.create(
                {
                    "user_id": self.manager.id,
                    "company_id": self.platform.id,
                    "fte": 1.5,
                    "date_start": date(2025, 3, 1),
                }
            )
        operator = self.env["res.partner"].create(
            {"name": "ESAT partenaire", "is_company": True}
        )
        self._convention(
            "ARS 2025",
            "ars",
            {"amount": 100000},
            operator_ids=[
                Command.create({"operator_partner_id": operator.id, "amount_share": 25})
            ],
        )
        f = self._figures()
        # On 31 December: 0.8 + 0.5 in A, 1 in B.
        self.assertEqual(f["A10_fte", None], {a: 1.3, b: 1.0, total: 2.3})
        # 4 people over 1.3, 1 over 1, 5 over 2.3.
        self.assertEqual(f["A10_caseload_fte", None], {a: 3.1, b: 1.0, total: 2.2})
        self.assertEqual(f["E_per_fte", None], {a: 76923.08, b: 0.0, total: 43478.26})
        self.assertEqual(f["E_delegated", None], {a: 25000.0, total: 25000.0})
        self.assertEqual(f["E_delegated_share", None], {a: 0.25, total: 0.25})
        # One funder's pathways: the staff is the platform's, not the funder's.
        self.assertNotIn(("A10_fte", None), self._figures(funder="ars"))

    def test_management_convention_parties_are_not_funders(self):
        before = self._figures()["E_total", None]
        Convention = self.env["emploi.convention"]
        values = {
            "company_id": self.platform.id,
            "date_start": date(2025, 1, 1),
            "date_end": date(2025, 12, 31),
            "state": "signed",
            "line_ids": [Command.create({"year": 2025, "amount": 5000})],
        }
        with self.assertRaisesRegex(ValidationError, "not funders"):
            Convention.create(
                {**values, "name": "France Travail 2025", "funder": "france_travail"}
            )
        with self.assertRaisesRegex(ValidationError, "who funds"):
            Convention.create({**values, "name": "Sans financeur"})
        management = Convention.create(
            {
                **values,
                "name": "Convention de gestion",
                "kind": "management",
                "party_ids": [Command.link(self.env.company.partner_id.id)],
            }
        )
        self.assertEqual(self._figures()["E_total", None], before)
        # Nor can a client report on it as if it funded pathways.
        with self.assertRaisesRegex(ValidationError, "funds no pathway"):
            self._wizard(convention_id=management.id)
        catalogue = dict(self.env["emploi.funder.indicators"]._get_catalogue())
        funding = next(r for r in catalogue["Finance"] if r["code"] == "E_amount")
        self.assertNotIn("france_travail", dict(funding["keys"]))
        self.assertIn("agefiph", dict(funding["keys"]))

    def test_finance_follows_the_funder_amendments_and_the_period(self):
        a, total = self.platform.id, 0
        Convention = self.env["emploi.convention"]
        common = {
            "company_id": self.platform.id,
            "date_start": date(2025, 1, 1),
            "date_end": date(2026, 12, 31),
            "state": "signed",
        }
        ars = Convention.create(
            {
                **common,
                "name": "ARS 2025-2026",
                "funder": "ars",
                "line_ids": [Command.create({"year": 2025, "amount": 100000})],
            }
        )
        Convention.create(
            {
                **common,
                "name": "FIPHFP 2025",
                "funder": "fiphfp",
                "rule_ids": [Command.create({"condition": "employed_at_entry"})],
                "line_ids": [Command.create({"year": 2025, "amount": 30000})],
            }
        )
        # The ARS amendment raises 2025 to 120,000.
        Convention.create(
            {
                **common,
                "name": "Avenant n°1",
                "kind": "cpom_amendment",
                "funder": "ars",
                "parent_id": ars.id,
                "signature_date": date(2025, 6, 1),
                "line_ids": [Command.create({"year": 2025, "amount": 120000})],
            }
        )
        f = self._figures()
        self.assertEqual(f["E_amount", "ars"], {a: 120000.0, total: 120000.0})
        self.assertEqual(f["E_total", None][a], 150000.0)
        # FIPHFP's report: its money over its people (Chloé), not the ARS's.
        f = self._figures(funder="fiphfp")
        self.assertNotIn(("E_amount", "ars"), f)
        self.assertEqual(f["E_total", None][a], 30000.0)
        self.assertEqual(f["E_per_person", None][a], 30000.0)
        # January to June 2025: 181 days of 365.
        f = self._figures(date_to=date(2025, 6, 30))
        self.assertEqual(f["E_amount", "ars"][a], 59506.85)  # 120,000 × 181 / 365
        self.assertEqual(f["E_amount", "fiphfp"][a], 14876.71)

    def test_a_funder_report_funds_over_its_own_days_not_whole_years(self):
        a = self.platform.id
        bruno = self.env["emploi.pathway"].search(
            [
                ("beneficiary_id.name", "=", "Bruno"),
                ("entry_date", "=", date(2025, 6, 1)),
            ]
        )
        self._job(bruno, date(2025, 9, 1))
        self._convention(
            "Agefiph 2025",
            "agefiph",
            {"amount": 36500},
            rule_ids=[Command.create({"condition": "private_sector_job"})],
        )
        # January to June: Anne's job (April) and Chloé's (2024) are private;
        # Bruno's starts in September, outside those days.
        f = self._figures(funder="agefiph", date_to=date(2025, 6, 30))
        self.assertEqual(f["A1", None][a], 2)
        self.assertEqual(f["E_total", None][a], 18100.0)  # 36,500 × 181 / 365
        # Over the year, Bruno counts too (and Denis, private from October).
        self.assertEqual(self._figures(funder="agefiph")["A1", None][a], 4)

    def test_certified_period_does_not_change(self):
        wizard = self._wizard(user=self.manager)
        action = wizard.action_close_period()
        first = self.env["emploi.funder.snapshot"].browse(action["res_id"])
        self.assertTrue(first.spreadsheet)
        self.assertEqual(first.create_uid, self.manager)
        # A file is corrected afterwards: Denis entered in 2026 in fact.
        self.denis.entry_date = date(2026, 1, 5)
        self.assertEqual(first._get_figures()["A3", None][self.platform.id], 3)
        self.assertEqual(self._figures()["A3", None][self.platform.id], 2)
        second_action = self._wizard(user=self.manager).action_close_period()
        second = self.env["emploi.funder.snapshot"].browse(second_action["res_id"])
        self.assertEqual(second._get_figures()["A3", None][self.platform.id], 2)
        content, __ = self.env["ir.actions.report"]._render_xlsx(
            "emploi_accompagne_reports.action_report_funder_snapshot_xlsx",
            first.ids,
            None,
        )
        self.assertEqual(self._sheet_rows(content, "Summary")["Entries"], [3, 1, 4])
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            first.with_user(self.manager).date_to = date(2025, 6, 30)
        with self.assertRaises(AccessError):
            first.with_user(self.manager).unlink()
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            first.unlink()
        # The reporting role reads the certified reports, cannot make one; these
        # two show the small counts (mask_small_counts is off): managers only.
        Snapshot = self.env["emploi.funder.snapshot"]
        self.assertEqual(Snapshot.with_user(self.manager).search([]), first | second)
        self.assertFalse(Snapshot.with_user(self.reporting).search([]))
        masked = self._wizard(user=self.manager, mask_small_counts=True)
        third = Snapshot.browse(masked.action_close_period()["res_id"])
        self.assertEqual(Snapshot.with_user(self.reporting).search([]), third)
        with self.assertRaises(AccessError):
            self._wizard().action_close_period()

    def test_reporting_role_never_reads_a_file(self):
        self.assertTrue(self._wizard()._render_xlsx())
        for model in ("emploi.beneficiary", "emploi.pathway", "emploi.job"):
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.reporting).search([])

    def test_period_must_be_in_order(self):
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self._wizard(date_to=date(2024, 12, 31))

    def test_platforms_outside_the_user_are_refused(self):
        self.reporting.company_ids = [Command.unlink(self.other_platform.id)]
        with self.assertRaisesRegex(AccessError, "Plateforme B"):
            self.env["emploi.funder.indicators"].with_user(
                self.reporting
            )._compute_figures(*YEAR_2025, self.both)

    def test_query_count_does_not_depend_on_rows(self):
        """The figures cost the same number of queries with 20 more people
        across coaches, platforms, employers, jobs, actions and referrals, and
        for a funder's report."""
        self._convention("FIPHFP 2025", "fiphfp", {"amount": 30000})

        def count(**values):
            wizard = self._wizard(**values)
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            figures = wizard._get_figures()
            return self.cr.sql_log_count - before, figures

        count(), count(funder="fiphfp")  # warm the caches of rules and fields
        few, __ = count()
        few_funder, __ = count(funder="fiphfp")
        coaches = self.coach | self.other_coach | self.foreign_coach
        for index in range(20):
            coach = coaches[index % 3]
            company = coach.company_id
            pathway = self._pathway(
                self._beneficiary(f"Personne {index}", coach=coach, company=company),
                entry_date=date(2025, 2, 1),
            )
            employer = self.env["res.partner"].create(
                {"name": f"Employeur {index}", "is_company": True}
            )
            self._job(pathway, date(2025, 3, 1)).employer_id = employer
            self.env["emploi.action"].create(
                {
                    "name": "Visite",
                    "pathway_id": pathway.id,
                    "action_type_id": self.interview.id,
                    "start": datetime(2025, 4, 1, 9),
                    "attendance": "held",
                    "employer_id": employer.id,
                }
            )
        many, figures = count()
        self.assertEqual(many, few)
        self.assertEqual(count(funder="fiphfp")[0], few_funder)
        # 7 of the 20 in A (coach and other coach: 14), 6 in B.
        self.assertEqual(figures["A1", None][self.platform.id], 4 + 14)
        self.assertEqual(figures["A1", None][self.other_platform.id], 1 + 6)
        self.assertEqual(figures["A7", None][0], 21)


@tagged("post_install", "-at_install")
class TestFunderReportDemo(EmploiCommon):
    def test_demo_platforms(self):
        """On the install day: 26 people followed in the Rhône, 13 in the Loire
        (open pathways of the demo data)."""
        delorme = self.env.ref("emploi_accompagne.user_reporting_delorme_demo")
        today = date.today()
        wizard = (
            self.env["emploi.funder.report.wizard"]
            .with_user(delorme)
            .create(
                {
                    "date_from": date(today.year, 1, 1),
                    "date_to": today,
                    "company_ids": [Command.set(delorme.company_ids.ids)],
                }
            )
        )
        figures = wizard._get_figures()
        rhone = self.env.ref("base.main_company")
        loire = self.env.ref("emploi_accompagne.res_company_loire_demo")
        self.assertEqual(figures["A2", None], {rhone.id: 26, loire.id: 13, 0: 39})
        rows = openpyxl.load_workbook(io.BytesIO(wizard._render_xlsx()))["Activity"]
        self.assertEqual(rows.max_column, 4)
