from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged

from .common import EmploiCommon


class AgreementCommon(EmploiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls._beneficiary("Julie Moreau", coach=cls.coach)
        cls.pathway_a = cls._pathway(cls.person)
        cls.Agreement = cls.env["emploi.support.agreement"]

    def _agreement(self, **values):
        return self.Agreement.create(
            {
                "pathway_id": self.pathway_a.id,
                "date_start": date(2024, 1, 20),
                "objectives": "<p>Trouver un emploi de vendeuse</p>",
                **values,
            }
        )

    def _sign(self, agreement, day=date(2024, 1, 22)):
        agreement.write(
            {
                "date_signed_person": day,
                "date_signed_platform": day,
                "date_signed_employer": day if agreement.job_id else False,
            }
        )
        agreement.action_send_for_signature()
        agreement.action_signed()


class TestSupportAgreement(AgreementCommon):
    def test_versions_are_numbered_per_pathway(self):
        first = self._agreement()
        self.assertEqual(first.version, 1)
        self.assertEqual(first.name, f"{self.pathway_a.name}-V1")
        self._sign(first)
        second = first._new_version({})
        self.assertEqual((second.version, second.previous_id), (2, first))
        self.assertEqual(second.state, "draft")
        other = self._pathway(self._beneficiary("Paul Martin", coach=self.coach))
        self.assertEqual(self._agreement(pathway_id=other.id).version, 1)
        self.assertEqual(self.pathway_a.agreement_count, 2)

    def test_signing_supersedes_the_version_in_force(self):
        first = self._agreement()
        self._sign(first)
        self.assertEqual(first.state, "signed")
        second = first._new_version({})
        # The signed version stays in force while the next one is prepared.
        self.assertEqual(first.state, "signed")
        self._sign(second, date(2024, 6, 1))
        self.assertEqual((first.state, second.state), ("superseded", "signed"))

    def test_signature_dates_are_required(self):
        agreement = self._agreement()
        agreement.action_send_for_signature()
        with self.assertRaisesRegex(UserError, "date each party signed"):
            agreement.action_signed()
        self.assertEqual(agreement.state, "to_sign")

    def test_one_version_in_preparation(self):
        first = self._agreement()
        with self.assertRaisesRegex(ValidationError, "already has an agreement"):
            self._agreement()
        self._sign(first)
        first._new_version({})
        with self.assertRaisesRegex(ValidationError, "already has an agreement"):
            first._new_version({})

    def test_signed_version_is_read_only(self):
        agreement = self._agreement()
        self._sign(agreement)
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            agreement.objectives = "<p>Autre chose</p>"
        with self.assertRaisesRegex(UserError, "Only a draft agreement"):
            agreement.unlink()
        agreement.action_archive()
        self.assertFalse(agreement.active)

    def test_job_start_drafts_a_version_with_the_employer(self):
        first = self._agreement()
        self._sign(first)
        job = self._job(self.pathway_a, date(2024, 5, 2))
        second = self.pathway_a.agreement_ids - first
        self.assertEqual(second.version, 2)
        self.assertEqual((second.job_id, second.employer_id), (job, self.employer))
        self.assertEqual(second.state, "draft")
        self.assertEqual(second.activity_ids.user_id, self.coach)
        with self.assertRaisesRegex(UserError, "date each party signed"):
            second.write(
                {
                    "date_signed_person": date(2024, 5, 3),
                    "date_signed_platform": date(2024, 5, 3),
                }
            )
            second.action_signed()
        self._sign(second, date(2024, 5, 3))
        self.assertEqual(first.state, "superseded")

    def test_job_completes_a_version_in_preparation(self):
        draft = self._agreement()
        job = self._job(self.pathway_a, date(2024, 5, 2))
        self.assertEqual(self.pathway_a.agreement_ids, draft)
        self.assertEqual(draft.job_id, job)

    def test_no_agreement_no_version(self):
        self._job(self.pathway_a, date(2024, 5, 2))
        self.assertFalse(self.pathway_a.agreement_ids)

    def test_access(self):
        agreement = self._agreement()
        self.assertEqual(self.Agreement.with_user(self.coach).search([]), agreement)
        self.assertFalse(self.Agreement.with_user(self.other_coach).search([]))
        self.assertFalse(self.Agreement.with_user(self.foreign_coach).search([]))
        with self.assertRaises(AccessError):
            agreement.with_user(self.other_coach).read(["objectives"])
        with self.assertRaises(AccessError):
            self.Agreement.with_user(self.reporting).search([])
        # The secretariat prepares the paperwork of the whole platform.
        agreement.with_user(self.secretary).write({"date_end": date(2026, 1, 1)})
        self.assertEqual(agreement.date_end, date(2026, 1, 1))


@tagged("post_install", "-at_install")
class TestSupportAgreementPdf(HttpCase, AgreementCommon):
    """wkhtmltopdf fetches the report's assets from the server: an HttpCase."""

    def test_agreement_renders_as_pdf(self):
        first = self._agreement()
        self._sign(first)
        self._job(self.pathway_a, date(2024, 5, 2))
        second = self.pathway_a.agreement_ids - first
        report = self.env.ref("emploi_accompagne.action_report_support_agreement")
        html, __ = report._render_qweb_html(report.report_name, second.ids)
        for text in (
            b"Julie Moreau",
            b"Plateforme A",
            b"Boulangerie Dupain",
            b"Version",
        ):
            self.assertIn(text, html)
        self.assertIn(b"supersedes version", html)
        pdf, kind = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report.report_name, second.ids
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
