"""A platform's busy morning, played by Locust against a local Odoo (tools/loadtest.sh).

40 job coaches open their caseload, a pathway, log an action and save it; 5
secretaries work the referral queue, receive a referral and record the
committee's decision; 3 managers export the regional funder spreadsheet. Every
write the server confirms is appended to SAVED_FILE ("kind marker id"), so that
the database can be checked afterwards: each saved exactly once, none lost.
"""

import os
import random
import uuid
from datetime import date, datetime, timedelta

from locust import HttpUser, between, events, task

DB = os.environ.get("LOADTEST_DB", "emploi")
SAVED_FILE = os.environ["LOADTEST_SAVED"]
COACHES = ("coach.martin", "coach.roux", "coach.benali", "coach.girard")


class RpcError(Exception):
    pass


class OdooUser(HttpUser):
    abstract = True
    wait_time = between(1, 3)
    login = None

    def on_start(self):
        response = self.client.post(
            "/web/session/authenticate",
            json={"params": {"db": DB, "login": self.login, "password": self.login}},
            name="login",
        ).json()
        self.uid = response["result"]["uid"]

    def rpc(self, model, method, args, kwargs=None, name=None):
        with self.client.post(
            f"/web/dataset/call_kw/{model}/{method}",
            json={
                "jsonrpc": "2.0",
                "method": "call",
                "params": {
                    "model": model,
                    "method": method,
                    "args": args,
                    "kwargs": {"context": {"lang": "fr_FR", "tz": "Europe/Paris"}}
                    | (kwargs or {}),
                },
            },
            name=name or f"{model}.{method}",
            catch_response=True,
        ) as response:
            body = response.json()
            if "error" in body:
                response.failure(body["error"]["data"]["message"])
                raise RpcError(body["error"]["data"]["message"])
            return body.get("result")

    @staticmethod
    def saved(kind, marker, record_id):
        with open(SAVED_FILE, "a") as file:
            file.write(f"{kind} {marker} {record_id}\n")


class Coach(OdooUser):
    weight = 40

    def on_start(self):
        self.login = random.choice(COACHES)
        super().on_start()
        [self.action_type] = self.rpc(
            "emploi.action.type",
            "search",
            [[("employer_side", "=", False)]],
            {"limit": 1},
            name="coach: action types",
        )

    @task
    def morning(self):
        try:
            caseload = self.rpc(
                "emploi.pathway",
                "web_search_read",
                [[("coach_id", "=", self.uid), ("state", "!=", "closed")]],
                {
                    "specification": {
                        "name": {},
                        "beneficiary_id": {"fields": {"display_name": {}}},
                        "phase_id": {"fields": {"display_name": {}}},
                        "entry_date": {},
                        "last_action_date": {},
                    },
                    "limit": 80,
                },
                name="coach: caseload",
            )
            if not caseload["records"]:
                return
            pathway = random.choice(caseload["records"])
            self.rpc(
                "emploi.pathway",
                "web_read",
                [[pathway["id"]]],
                {
                    "specification": {
                        "name": {},
                        "beneficiary_id": {"fields": {"display_name": {}}},
                        "phase_id": {"fields": {"display_name": {}}},
                        "action_ids": {
                            "fields": {"name": {}, "start": {}, "attendance": {}}
                        },
                        "job_ids": {"fields": {"name": {}, "start_date": {}}},
                    }
                },
                name="coach: pathway",
            )
            marker = f"LT-{uuid.uuid4().hex[:12]}"
            start = datetime.now().replace(microsecond=0) - timedelta(hours=1)
            [saved] = self.rpc(
                "emploi.action",
                "web_save",
                [
                    [],
                    {
                        "name": marker,
                        "pathway_id": pathway["id"],
                        "start": start.strftime("%Y-%m-%d %H:%M:%S"),
                        "duration": 1.0,
                        "action_type_id": self.action_type,
                        "attendance": "held",
                    },
                ],
                {"specification": {"name": {}}},
                name="coach: save action",
            )
            self.saved("action", marker, saved["id"])
        except RpcError:
            pass


class Secretary(OdooUser):
    weight = 5
    login = "secretariat.lambert"

    @task
    def queue(self):
        try:
            self.rpc(
                "emploi.referral",
                "web_search_read",
                [[("state", "in", ["new", "ready", "scheduled"])]],
                {
                    "specification": {"name": {}, "person_name": {}, "state": {}},
                    "limit": 80,
                },
                name="secretary: queue",
            )
            marker = f"LT{uuid.uuid4().hex[:10]}"
            [referral] = self.rpc(
                "emploi.referral",
                "web_save",
                [
                    [],
                    {
                        "firstname": marker,
                        "lastname": "Charge",
                        "birthdate": "1990-05-17",
                        "gender": "female",
                        "prescriber_type": "france_travail",
                        "boeth_title": "rqth",
                        "consent_date": (date.today() - timedelta(days=3)).isoformat(),
                    },
                ],
                {"specification": {"name": {}}},
                name="secretary: save referral",
            )
            self.rpc(
                "emploi.referral",
                "action_mark_ready",
                [[referral["id"]]],
                name="secretary: ready",
            )
            [wizard] = self.rpc(
                "emploi.referral.decision",
                "web_save",
                [
                    [],
                    {
                        "referral_ids": [[6, 0, [referral["id"]]]],
                        "decision": "waiting_list",
                    },
                ],
                {"specification": {}},
                name="secretary: decision",
            )
            self.rpc(
                "emploi.referral.decision",
                "action_confirm",
                [[wizard["id"]]],
                name="secretary: confirm decision",
            )
            self.saved("decision", marker, referral["id"])
        except RpcError:
            pass


class Manager(OdooUser):
    weight = 3
    login = "manager.fontaine"
    wait_time = between(5, 15)

    @task
    def export(self):
        try:
            [wizard] = self.rpc(
                "emploi.funder.report.wizard",
                "web_save",
                [[], {}],
                {"specification": {}},
                name="manager: report",
            )
            action = self.rpc(
                "emploi.funder.report.wizard",
                "action_export",
                [[wizard["id"]]],
                name="manager: export",
            )
            self.client.get(action["url"], name="manager: spreadsheet")
        except RpcError:
            pass


@events.init.add_listener
def _reset(environment, **kwargs):
    open(SAVED_FILE, "w").close()
