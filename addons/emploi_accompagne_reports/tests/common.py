from datetime import date, datetime

from odoo import Command

from odoo.addons.emploi_accompagne.tests.common import EmploiCommon

YEAR_2025 = (date(2025, 1, 1), date(2025, 12, 31))


class FunderDataset(EmploiCommon):
    """Funder figures over 2025 on a dataset counted by hand.

    Plateforme A:
    - Anne: entered 2024-03-01 (before the period), permanent job from 2025-04-01;
    - Bruno: left 2025-02-28 (stabilised), came back 2025-06-01, no job;
    - Chloé: entered 2025-03-01 already employed (job since 2024-01-01);
    - Denis: entered 2025-09-01, short fixed-term job 2025-10-15 to 2025-12-15;
    - Eve enters in 2026 and Fanny left in 2024: outside the period.
    Plateforme B: Gaston, entered 2025-01-15, no job.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reporting.company_ids = [Command.link(cls.other_platform.id)]
        cls.manager.company_ids = [Command.link(cls.other_platform.id)]
        coach_b = cls.foreign_coach
        anne = cls._pathway(
            cls._beneficiary("Anne", coach=cls.coach), entry_date=date(2024, 3, 1)
        )
        cls._job(anne, date(2025, 4, 1))
        bruno = cls._beneficiary("Bruno", coach=cls.coach, gender="male")
        cls._pathway(
            bruno,
            entry_date=date(2024, 6, 1),
            exit_date=date(2025, 2, 28),
            state="closed",
            exit_reason_id=cls.reason_stabilised.id,
        )
        cls._pathway(bruno, entry_date=date(2025, 6, 1))
        chloe = cls._pathway(
            cls._beneficiary("Chloé", coach=cls.coach),
            entry_date=date(2025, 3, 1),
            entry_situation="employee",
        )
        cls._job(chloe, date(2024, 1, 1))
        cls.denis = cls._pathway(
            cls._beneficiary("Denis", coach=cls.coach, gender="male"),
            entry_date=date(2025, 9, 1),
        )
        cls._job(cls.denis, date(2025, 10, 15), date(2025, 12, 15), cls.short_cdd)
        cls._pathway(
            cls._beneficiary("Eve", coach=cls.coach), entry_date=date(2026, 1, 10)
        )
        cls._pathway(
            cls._beneficiary("Fanny", coach=cls.coach, consent_date=date(2023, 1, 2)),
            entry_date=date(2023, 5, 2),
            exit_date=date(2024, 12, 15),
            state="closed",
            exit_reason_id=cls.reason_stabilised.id,
        )
        cls._pathway(
            cls._beneficiary("Gaston", coach=coach_b, company=cls.other_platform),
            entry_date=date(2025, 1, 15),
        )
        Action = cls.env["emploi.action"]
        for start, attendance in (
            (datetime(2025, 5, 12, 9), "held"),
            (datetime(2024, 11, 4, 9), "held"),
            (datetime(2025, 6, 2, 9), "no_show"),
        ):
            Action.create(
                {
                    "name": "Visite en entreprise",
                    "pathway_id": anne.id,
                    "action_type_id": cls.interview.id,
                    "start": start,
                    "duration": 1.5,
                    "attendance": attendance,
                    "employer_id": cls.employer.id,
                }
            )
        cls.both = cls.platform | cls.other_platform

    def _wizard(self, user=None, **values):
        return (
            self.env["emploi.funder.report.wizard"]
            .with_user(user or self.reporting)
            .create(
                {
                    "date_from": YEAR_2025[0],
                    "date_to": YEAR_2025[1],
                    "company_ids": [Command.set(self.both.ids)],
                    "mask_small_counts": False,
                    **values,
                }
            )
        )

    def _convention(self, name, funder, line=None, **values):
        """A convention of Plateforme A signed for 2025, with its 2025 line."""
        return self.env["emploi.convention"].create(
            {
                "name": name,
                "funder": funder,
                "company_id": self.platform.id,
                "date_start": date(2025, 1, 1),
                "date_end": date(2025, 12, 31),
                "state": "signed",
                "line_ids": [Command.create({"year": 2025, **(line or {})})],
                **values,
            }
        )

    @staticmethod
    def _family(figures, code):
        """``{key: {platform: value}}`` of one breakdown."""
        return {key: values for (name, key), values in figures.items() if name == code}

    def _figures(self, **values):
        return self._wizard(**values)._get_figures()
