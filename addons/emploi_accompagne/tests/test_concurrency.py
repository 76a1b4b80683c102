import threading
import uuid
from datetime import date, datetime

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.service.model import retrying
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import SQL

GROUP = "emploi_accompagne.group_emploi_%s"


@tagged("post_install", "-at_install")
class TestConcurrentDecisions(TransactionCase):
    """Two secretaries record a decision on the same referral at the same
    moment, each in their own transaction, as two requests would: one wins,
    the other is told, and the person gets one pathway."""

    def setUp(self):
        super().setUp()
        tag = uuid.uuid4().hex[:8]
        # Committed data, seen by both transactions; removed afterwards.
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            company = env["res.company"].create({"name": f"Plateforme {tag}"})
            users = {
                name: new_test_user(
                    env,
                    login=f"{name}.{tag}",
                    groups=GROUP % role,
                    company_id=company.id,
                    company_ids=[company.id],
                )
                for name, role in (
                    ("first", "secretariat"),
                    ("second", "secretariat"),
                    ("coach", "coach"),
                )
            }
            referral = env["emploi.referral"].create(
                {
                    "company_id": company.id,
                    "firstname": "Julie",
                    "lastname": f"Concurrente {tag}",
                    "birthdate": date(1995, 6, 1),
                    "gender": "female",
                    "prescriber_type": "cap_emploi",
                    "referral_date": date(2025, 2, 3),
                    "boeth_title": "rqth",
                    "consent_date": date(2025, 1, 28),
                }
            )
            referral.action_mark_ready()
            committee = env["emploi.committee"].create(
                {"company_id": company.id, "date": datetime(2025, 3, 4, 9, 30)}
            )
            committee.action_build_agenda()
            self.company_id, self.referral_id = company.id, referral.id
            self.uids = {name: user.id for name, user in users.items()}
        self.addCleanup(self._remove_committed_data)

    def _remove_committed_data(self):
        with self.registry.cursor() as cr:
            cr.execute(
                SQL(
                    "DELETE FROM calendar_event WHERE id IN (SELECT calendar_event_id"
                    " FROM emploi_committee WHERE company_id = %s)",
                    self.company_id,
                )
            )
            for table in (
                "emploi_action",
                "emploi_support_agreement",
                "emploi_pathway",
                "emploi_referral",
                "emploi_committee",
                "emploi_beneficiary",
            ):
                cr.execute(
                    SQL(
                        "DELETE FROM %s WHERE company_id = %s",
                        SQL.identifier(table),
                        self.company_id,
                    )
                )
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["res.users"].browse(self.uids.values()).active = False
            env["res.company"].browse(self.company_id).active = False

    def _decide(self, name, barrier, outcome):
        """One request: the decision wizard, retried on a serialization
        failure as Odoo retries a request."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, self.uids[name], {})
            tries = []

            def decide():
                tries.append(1)
                wizard = env["emploi.referral.decision"].create(
                    {
                        "referral_ids": [self.referral_id],
                        "decision": "admitted",
                        "decision_date": date(2025, 3, 4),
                        "coach_id": self.uids["coach"],
                    }
                )
                if len(tries) == 1:
                    # Both have read the referral, still on the agenda.
                    wizard.referral_ids.mapped("state")
                    barrier.wait(timeout=20)
                wizard.action_confirm()

            try:
                retrying(decide, env)
                outcome[name] = "recorded"
            except UserError as error:
                cr.rollback()
                outcome[name] = str(error)

    def test_one_decision_wins_the_other_is_told(self):
        self.maxDiff = None
        barrier = threading.Barrier(2)
        outcome = {}
        threads = [
            threading.Thread(target=self._decide, args=(name, barrier, outcome))
            for name in ("first", "second")
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        self.assertEqual(
            sorted(outcome.values()),
            ["A decision was already recorded for some of them.", "recorded"],
        )
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            referral = env["emploi.referral"].browse(self.referral_id)
            self.assertEqual(referral.state, "admitted")
            self.assertEqual(len(referral.beneficiary_id.pathway_ids), 1)
            self.assertEqual(
                env["emploi.pathway"].search_count(
                    [("company_id", "=", self.company_id)]
                ),
                1,
            )
