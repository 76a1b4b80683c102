from datetime import datetime, timedelta

from odoo.exceptions import MissingError, UserError, ValidationError

from .common import PDF, PortalCommon


class TestPortalReferral(PortalCommon):
    def test_a_complete_referral_lands_ready_in_the_queue(self):
        referral = self._submit(self.prescriber, files=[("rqth.pdf", PDF)])
        self.assertEqual(referral.state, "ready")
        self.assertEqual(referral.company_id, self.platform)
        self.assertEqual(referral.prescriber_id, self.agency)
        self.assertEqual(referral.advisor_id, self.prescriber.partner_id)
        self.assertEqual(referral.portal_user_id, self.prescriber)
        self.assertEqual(referral.wishes, "Travailler en boulangerie")
        [message] = referral._portal_exchanges()
        self.assertEqual(message.author_id, self.prescriber.partner_id)
        self.assertEqual(message.attachment_ids.name, "rqth.pdf")
        self.assertEqual(message.attachment_ids.mimetype, "application/pdf")
        status = referral._portal_status()
        self.assertEqual(status["label"], "Ready for committee")
        self.assertFalse(status["missing"])

    def test_an_incomplete_referral_says_what_is_missing(self):
        referral = self._submit(self.prescriber, consent_date="", boeth_title="")
        self.assertEqual(referral.state, "new")
        status = referral._portal_status()
        self.assertEqual(status["label"], "Received, incomplete")
        self.assertEqual(
            status["missing"],
            ["No employment obligation title.", "Consent not recorded."],
        )

    def test_only_whitelisted_fields_are_taken(self):
        referral = self._submit(
            self.prescriber,
            decision_note="Admis d'office",
            urgent="on",
            coach_id=str(self.coach.id),
            prescriber_id=str(self.other_agency.id),
        )
        self.assertFalse(referral.decision_note)
        self.assertFalse(referral.urgent)
        self.assertFalse(referral.coach_id)
        self.assertEqual(referral.prescriber_id, self.agency)

    def test_bad_input_is_refused_in_words_and_creates_nothing(self):
        Referral = self.env["emploi.referral"]
        before = Referral.search_count([])
        cases = [
            ({"birthdate": "12/04/1990"}, "Date of birth: this is not a date."),
            ({"gender": "robot"}, "Gender: unknown choice."),
            ({"disability_category_id": "999999"}, "Main disability: unknown choice."),
            (
                {"company_id": str(self.other_platform.id)},
                "Choose one of your platforms.",
            ),
            ({"lastname": " "}, "To send the referral, fill in: Last name."),
            ({"consent_date": "2999-01-01"}, "consent"),
        ]
        for values, message in cases:
            with (
                self.subTest(values=values),
                self.assertRaisesRegex(ValidationError, message),
            ):
                self._submit(self.prescriber, **values)
        self.assertEqual(Referral.search_count([]), before)

    def test_documents_are_limited_in_number_size_and_kind(self):
        cases = [
            ([(f"doc{i}.pdf", PDF) for i in range(6)], "At most 5 documents"),
            ([("big.pdf", PDF + b"0" * (10 * 1024 * 1024))], "larger than 10 MB"),
            ([("setup.exe", b"MZ\x90\x00" + b"\x00" * 64)], "send a PDF"),
            ([("page.html", b"<html><script>alert(1)</script></html>")], "send a PDF"),
        ]
        for files, message in cases:
            with (
                self.subTest(message),
                self.assertRaisesRegex(ValidationError, message),
            ):
                self._submit(self.prescriber, files=files)

    def test_sending_is_rate_limited_per_user(self):
        self.env["ir.config_parameter"].set_param(
            "emploi_accompagne_portal.actions_per_hour", "2"
        )
        self._submit(self.prescriber, firstname="Un")
        self._submit(self.prescriber, firstname="Deux")
        with self.assertRaisesRegex(UserError, "in the last hour"):
            self._submit(self.prescriber, firstname="Trois")
        # A colleague has their own allowance.
        self._submit(self.colleague, firstname="Trois")

    def test_agency_colleagues_see_each_other_and_nobody_else(self):
        referral = self._submit(self.prescriber)
        foreign = self._submit(self.stranger, firstname="Autre")
        Referral = self.env["emploi.referral"]
        self.assertEqual(Referral.with_user(self.colleague)._portal_search(), referral)
        self.assertEqual(Referral.with_user(self.stranger)._portal_search(), foreign)
        self.assertEqual(Referral.with_user(self.stranger)._portal_count(), 1)
        # A new form starts with what the organisation sent last time.
        self.assertEqual(
            Referral.with_user(self.colleague)._portal_default_form(),
            {"prescriber_type": "france_travail"},
        )
        loner = self._portal_user("Dan Seul", self.other_agency, "dan")
        self.env["emploi.referral"].search(
            [("prescriber_id", "=", self.other_agency.id)]
        ).unlink()
        self.assertEqual(Referral.with_user(loner)._portal_default_form(), {})
        with self.assertRaises(MissingError):
            Referral.with_user(self.stranger)._portal_get(referral.id)
        # Nor a referral of the agency sent to a platform the user is not on.
        elsewhere = self._submit(self.prescriber, firstname="Loin")
        elsewhere.sudo().company_id = self.other_platform
        self.assertEqual(Referral.with_user(self.colleague)._portal_search(), referral)

    def test_internal_users_and_lone_contacts_have_no_referrals(self):
        self._submit(self.prescriber)
        loner = self._portal_user("Dan Seul", self.env["res.partner"], "dan")
        loner.partner_id.parent_id = False
        for user in (self.secretary, self.manager, loner):
            with self.subTest(user=user.login):
                Referral = self.env["emploi.referral"].with_user(user)
                self.assertFalse(Referral._portal_search())
        with self.assertRaisesRegex(UserError, "not linked to an organisation"):
            self._submit(loner)

    def test_the_same_agency_cannot_send_a_person_twice_others_learn_nothing(self):
        first = self._submit(self.prescriber)
        with self.assertRaisesRegex(UserError, first.name):
            self._submit(self.colleague, firstname="LINA")
        # Another agency sending the same person is told nothing; the
        # secretariat sees both.
        second = self._submit(self.stranger)
        self.assertEqual(second.state, "ready")
        self.assertEqual(second.duplicate_referral_ids, first)

    def test_after_admission_only_the_referent_is_told(self):
        referral = self._submit(self.prescriber)
        referral.referral_date = "2026-02-01"
        referral.sudo().write(
            {
                "state": "admitted",
                "decision_date": "2026-02-10",
                "coach_id": self.coach.id,
                "decision_note": "Suivi psychiatrique à coordonner",
            }
        )
        self.assertEqual(
            referral._portal_status(),
            {
                "label": "Admitted",
                "detail": "Decided on 02/10/2026. "
                f"Referent job coach: {self.coach.name}.",
                "missing": [],
            },
        )

    def test_the_agenda_date_is_given_in_the_platform_time_zone(self):
        referral = self._submit(self.prescriber)
        committee = self.env["emploi.committee"].create(
            {"company_id": self.platform.id, "date": datetime(2026, 3, 10, 8, 30)}
        )
        referral.sudo().write({"state": "scheduled", "committee_id": committee.id})
        self.assertEqual(
            referral._portal_status()["detail"],
            "On the agenda of the committee of 3/10/26, 9:30 AM.",
        )

    def test_the_secretariat_asks_and_the_prescriber_answers(self):
        referral = self._submit(self.prescriber)
        secretary_referral = referral.with_user(self.secretary).sudo(False)
        with self.assertRaisesRegex(UserError, "Write first"):
            secretary_referral.action_request_information()
        secretary_referral.missing_information = "La notification RQTH complète."
        secretary_referral.action_request_information()
        self.assertEqual(referral.state, "new")
        request = referral._portal_exchanges()[-1]
        self.assertEqual(request.partner_ids, self.prescriber.partner_id)
        self.assertIn("La notification RQTH complète.", request.body)
        self.assertIn(f"/my/referrals/{referral.id}", request.body)
        self.assertEqual(
            referral._portal_status()["missing"], ["La notification RQTH complète."]
        )
        answered = (
            self.env["emploi.referral"]
            .with_user(self.colleague)
            ._portal_get(referral.id)
        )
        answered._portal_answer("Voici la notification.", [("rqth.pdf", PDF)])
        answer = referral._portal_exchanges()[-1]
        self.assertEqual(answer.author_id, self.colleague.partner_id)
        self.assertEqual(answer.attachment_ids.name, "rqth.pdf")
        activity = referral.activity_ids
        self.assertEqual(activity.user_id, self.secretary)
        self.assertEqual(activity.summary, "Answer from the prescriber")
        secretary_referral.action_mark_ready()
        self.assertFalse(referral.missing_information)
        for field, value in (
            ("portal_user_id", self.stranger.id),
            ("information_requested_by", self.manager.id),
        ):
            with (
                self.subTest(field),
                self.assertRaisesRegex(UserError, "buttons of the Referral only"),
            ):
                secretary_referral.write({field: value})
        with self.assertRaisesRegex(UserError, "buttons of the Referral only"):
            self.env["emploi.referral"].with_user(self.secretary).create(
                {**self._form(firstname="Faux"), "portal_user_id": self.prescriber.id}
            )
        with self.assertRaisesRegex(ValidationError, "Write an answer"):
            answered._portal_answer("  ")

    def test_no_answer_once_decided(self):
        referral = self._submit(self.prescriber)
        referral.referral_date = "2026-02-01"
        referral.sudo().write({"state": "refused", "decision_date": "2026-02-10"})
        with self.assertRaisesRegex(UserError, "no longer waiting"):
            referral.with_user(self.prescriber)._portal_answer("Encore ceci")

    def test_the_checks_as_the_prescriber_types(self):
        Referral = self.env["emploi.referral"].with_user(self.prescriber)
        self.assertEqual(Referral._portal_eligibility(self._form()), [])
        self.assertEqual(
            Referral._portal_eligibility(self._form(consent_by="representative")),
            ["Legal representative missing."],
        )
        self.assertEqual(
            Referral._portal_eligibility(
                self._form(consent_by="representative", representative_name="M. Tuteur")
            ),
            [],
        )
        self.assertEqual(
            Referral._portal_eligibility(self._form(birthdate="demain")),
            ["Date of birth: this is not a date."],
        )
        referral = self._submit(
            self.prescriber,
            consent_by="representative",
            legal_protection="guardianship",
            representative_name="M. Tuteur",
            representative_email="tuteur@example.com",
        )
        self.assertEqual(referral.legal_representative_id.name, "M. Tuteur")
        self.assertEqual(referral.legal_representative_id.company_id, self.platform)
        self.assertEqual(referral.sudo().legal_protection, "guardianship")

    def test_drafts_belong_to_their_author_and_are_purged(self):
        Draft = self.env["emploi.referral.draft"]
        draft = Draft.with_user(self.prescriber)._portal_save(
            {"firstname": "Lina", "lastname": "Portail", "state": "admitted"}
        )
        self.assertEqual(draft.name, "Lina Portail")
        self.assertEqual(draft.values, {"firstname": "Lina", "lastname": "Portail"})
        self.assertEqual(Draft.with_user(self.prescriber)._portal_drafts(), draft)
        for user in (self.colleague, self.stranger):
            self.assertFalse(Draft.with_user(user)._portal_drafts())
            with self.assertRaises(MissingError):
                Draft.with_user(user)._portal_get(draft.id)
        self.env.cr.execute(
            "UPDATE emploi_referral_draft SET write_date = %s WHERE id = %s",
            (datetime.now() - timedelta(days=30, hours=1), draft.id),
        )
        recent = Draft.with_user(self.prescriber)._portal_save({"firstname": "Max"})
        Draft._cron_purge()
        self.assertFalse(draft.exists())
        self.assertTrue(recent.exists())

    def test_the_secretariat_invites_an_advisor_from_their_contact(self):
        advisor = self.env["res.partner"].create(
            {
                "name": "Denis Invité",
                "parent_id": self.agency.id,
                "email": "denis@example.com",
            }
        )
        referral = self._submit(self.prescriber)
        wizard = (
            self.env["portal.wizard"]
            .with_user(self.secretary)
            .with_context(active_ids=advisor.ids, active_model="res.partner")
            .create({})
        )
        wizard.user_ids.action_grant_access()
        user = advisor.user_ids
        self.assertTrue(user.has_group("base.group_portal"))
        self.assertEqual(user.company_ids, self.platform)
        self.assertEqual(
            self.env["emploi.referral"].with_user(user)._portal_search(), referral
        )
