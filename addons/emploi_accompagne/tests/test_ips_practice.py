from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError

from .common import EmploiCommon


class TestIpsPractice(EmploiCommon):
    """IPS practice in the records: competitive jobs, the person's job
    preferences, work-incentives planning, the care team, the first employer
    contact."""

    def test_a_job_is_competitive_unless_an_exception_is_recorded(self):
        pathway = self._pathway(self._beneficiary("Inès Compétitive"))
        job = self._job(pathway, date(2025, 3, 3))
        self.assertTrue(job.is_competitive)
        job.non_competitive_reason = "esat"
        self.assertFalse(job.is_competitive)
        self.assertEqual(
            self.env["emploi.job"].search_count(
                [("pathway_id", "=", pathway.id), ("is_competitive", "=", True)]
            ),
            0,
        )

    def test_admission_carries_the_wishes_into_the_job_preferences(self):
        referral = self.env["emploi.referral"].create(
            {
                "company_id": self.platform.id,
                "firstname": "Paul",
                "lastname": "Préférences",
                "birthdate": date(1991, 2, 3),
                "gender": "male",
                "prescriber_type": "cap_emploi",
                "boeth_title": "rqth",
                "consent_date": date(2025, 1, 6),
                "wishes": "Espaces verts, à temps partiel, pas de travail de nuit",
            }
        )
        referral.coach_id = self.coach
        referral._open_pathway(date(2025, 2, 1))
        self.assertEqual(
            referral.pathway_id.job_preferences,
            "Espaces verts, à temps partiel, pas de travail de nuit",
        )

    def test_benefits_counselling_is_an_action_and_the_plan_a_date(self):
        counselling = self.env.ref(
            "emploi_accompagne.emploi_action_type_benefits_counselling"
        )
        self.assertFalse(counselling.employer_side)
        pathway = self._pathway(
            self._beneficiary("Léo Prestations", coach=self.coach),
            job_preferences="Logistique",
        )
        pathway.with_user(self.coach).benefits_plan_date = date(2025, 4, 2)
        self.assertEqual(pathway.benefits_plan_date, date(2025, 4, 2))
        # The preferences are the person's words: anonymisation erases them.
        pathway._anonymise_records()
        self.assertFalse(pathway.job_preferences)

    def _action(self, pathway, day, action_type, **values):
        return self.env["emploi.action"].create(
            {
                "name": action_type.name,
                "pathway_id": pathway.id,
                "action_type_id": action_type.id,
                "start": datetime.combine(day, datetime.min.time()).replace(hour=9),
                "attendance": "held",
                "user_id": self.coach.id,
                **values,
            }
        )

    def test_the_care_team_is_health_data_of_the_persons_coach(self):
        person = self._beneficiary("Nora Soins", coach=self.coach)
        pathway = self._pathway(person)
        doctor = self.env["res.partner"].create({"name": "Dr Anne Lebrun"})
        member = (
            self.env["emploi.care.contact"]
            .with_user(self.coach)
            .create(
                {
                    "beneficiary_id": person.id,
                    "role": "psychiatrist",
                    "partner_id": doctor.id,
                    "agreed_date": date(2024, 1, 20),
                }
            )
        )
        self.assertEqual(member.display_name, "Dr Anne Lebrun (Psychiatrist)")
        liaison = self.env.ref("emploi_accompagne.emploi_action_type_care_liaison")
        self._action(pathway, date(2024, 2, 5), liaison, care_contact_id=member.id)
        self._action(
            pathway,
            date(2024, 3, 4),
            liaison,
            care_contact_id=member.id,
            attendance="planned",
        )
        self.assertEqual(member.last_contact_date, date(2024, 2, 5))
        # Not the secretariat, not the reporting role, not another coach.
        for user in (self.secretary, self.reporting):
            with self.assertRaises(AccessError):
                member.with_user(user).read(["partner_id"])
        self.assertFalse(
            self.env["emploi.care.contact"]
            .with_user(self.other_coach)
            .search([("beneficiary_id", "=", person.id)])
        )
        # A contact logged against someone else's care team is refused.
        other = self._pathway(self._beneficiary("Marc Autre", coach=self.coach))
        with self.assertRaisesRegex(ValidationError, "not in the care team"):
            self._action(other, date(2024, 2, 6), liaison, care_contact_id=member.id)
        # Anonymised: who cared for the person is gone.
        person._anonymise("test")
        self.assertFalse(member.exists())

    def test_the_first_employer_contact_is_face_to_face_and_dated_from_entry(self):
        pathway = self._pathway(
            self._beneficiary("Yanis Rapide", coach=self.coach),
            entry_date=date(2025, 3, 3),
        )
        visit = self.env.ref("emploi_accompagne.emploi_action_type_workplace_visit")
        self._action(
            pathway,
            date(2025, 3, 10),
            visit,
            employer_id=self.employer.id,
            location="remote",
        )
        self._action(pathway, date(2025, 3, 12), self.interview)
        self.assertFalse(pathway.first_employer_contact_date)
        self._action(
            pathway,
            date(2025, 3, 24),
            visit,
            employer_id=self.employer.id,
            location="workplace",
        )
        self.assertEqual(pathway.first_employer_contact_date, date(2025, 3, 24))
        self.assertEqual(pathway.employer_contact_days, 21)

    def test_ips_platforms_are_reminded_after_30_days_without_employer(self):
        activity_type = self.env.ref("emploi_accompagne.mail_activity_employer_contact")
        late = self._pathway(
            self._beneficiary("Léa Attente", coach=self.coach),
            entry_date=date(2025, 3, 1),
        )
        recent = self._pathway(
            self._beneficiary("Tom Récent", coach=self.coach),
            entry_date=date(2025, 3, 20),
        )
        Pathway = self.env["emploi.pathway"]
        with freeze_time("2025-04-05"):
            Pathway._cron_remind_employer_contact()
            self.assertFalse(late.activity_ids, "the platform does not follow IPS")
            self.platform.emploi_follows_ips = True
            Pathway._cron_remind_employer_contact()
            Pathway._cron_remind_employer_contact()
        self.assertEqual(late.activity_ids.activity_type_id, activity_type)
        self.assertEqual(late.activity_ids.user_id, self.coach)
        self.assertFalse(recent.activity_ids)
        # The contact held closes the reminder.
        self._action(
            late,
            date(2025, 4, 7),
            self.env.ref("emploi_accompagne.emploi_action_type_workplace_visit"),
            employer_id=self.employer.id,
            location="workplace",
        )
        self.assertFalse(late.activity_ids)

    def test_time_on_employment_services_is_a_percentage(self):
        staffing = self.env["emploi.coach.staffing"].create(
            {"user_id": self.coach.id, "company_id": self.platform.id, "fte": 0.8}
        )
        self.assertEqual(staffing.employment_share, 100.0)
        with self.assertRaisesRegex(ValidationError, "percentage"):
            staffing.employment_share = 120
