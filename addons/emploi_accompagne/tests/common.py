import json
from contextlib import contextmanager
from datetime import date

from odoo.tests import TransactionCase, new_test_user

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

GROUP = "emploi_accompagne.group_emploi_%s"


class EmploiCommon(TransactionCase):
    """Two platforms, a user of each role, and helpers to open files."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.platform = cls.env["res.company"].create({"name": "Plateforme A"})
        cls.other_platform = cls.env["res.company"].create({"name": "Plateforme B"})
        cls.coach = cls._new_user("coach", cls.platform)
        cls.other_coach = cls._new_user("coach", cls.platform, login="coach2")
        cls.foreign_coach = cls._new_user("coach", cls.other_platform, login="coach3")
        cls.secretary = cls._new_user("secretariat", cls.platform)
        cls.manager = cls._new_user("manager", cls.platform)
        cls.reporting = cls._new_user("reporting", cls.platform)
        cls.phases = {
            code: cls.env.ref(f"emploi_accompagne.emploi_phase_{code}")
            for code in ("assessment", "career_plan", "job_search", "in_job")
        }
        cls.interview = cls.env.ref("emploi_accompagne.emploi_action_type_interview")
        cls.cdi = cls.env.ref("emploi_accompagne.emploi_contract_type_cdi")
        cls.short_cdd = cls.env.ref(
            "emploi_accompagne.emploi_contract_type_cdd_under_6m"
        )
        cls.reason_stabilised = cls.env.ref(
            "emploi_accompagne.emploi_exit_reason_stabilised"
        )
        cls.employer = cls.env["res.partner"].create(
            {"name": "Boulangerie Dupain", "is_company": True}
        )

    @classmethod
    def _new_user(cls, role, company, login=None):
        return new_test_user(
            cls.env,
            login=login or role,
            groups=GROUP % role,
            company_id=company.id,
            company_ids=[company.id],
        )

    @classmethod
    def _beneficiary(cls, name, coach=None, company=None, **values):
        partner = cls.env["res.partner"].create({"name": name})
        return cls.env["emploi.beneficiary"].create(
            {
                "partner_id": partner.id,
                "company_id": (company or cls.platform).id,
                "coach_id": coach.id if coach else False,
                "birthdate": date(1990, 5, 17),
                "gender": "female",
                "boeth_title": "rqth",
                "boeth_decision_date": date(2020, 1, 1),
                "consent_date": date(2024, 1, 2),
                **values,
            }
        )

    @classmethod
    def _pathway(cls, beneficiary, **values):
        return cls.env["emploi.pathway"].create(
            {
                "beneficiary_id": beneficiary.id,
                "entry_date": date(2024, 1, 15),
                **values,
            }
        )

    @classmethod
    def _job(cls, pathway, start, end=False, contract=None):
        return cls.env["emploi.job"].create(
            {
                "name": "Vendeuse",
                "pathway_id": pathway.id,
                "employer_id": cls.employer.id,
                "contract_type_id": (contract or cls.cdi).id,
                "start_date": start,
                "end_date": end,
                "weekly_hours": 24,
            }
        )

    def _tracked(self, record, values, field_name):
        """Write ``values`` on ``record`` with tracking on, as a user would; return
        the tracking values posted for ``field_name``."""
        # Post what creation left pending, as the end of a request would.
        self.env.flush_all()
        self.cr.flush()
        record.with_context(tracking_disable=False, mail_notrack=False).write(values)
        self.env.flush_all()
        self.cr.flush()
        messages = self.env["mail.message"].search(
            [("model", "=", record._name), ("res_id", "=", record.id)]
        )
        return messages.tracking_value_ids.filtered(
            lambda t: t.field_id.name == field_name
        )

    @contextmanager
    def assertRaisesRegex(self, exception, regex):
        """Like Odoo's ``assertRaises`` (rolled back to a savepoint), and checks
        the message."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertRegex(str(caught.exception), regex)


class RpcError(Exception):
    """The error an outside client gets back from /jsonrpc: its message, and
    the exception's class in ``kind`` (``odoo.exceptions.AccessError``…)."""

    def __init__(self, message, kind=""):
        super().__init__(message)
        self.kind = kind


class JsonRpcMixin:
    """Call the public API as an outside client would: /jsonrpc over HTTP,
    logged in with a login and a password, any method, any arguments (for an
    ``HttpCase``)."""

    def _jsonrpc(self, service, method, *args):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"service": service, "method": method, "args": args},
            "id": 1,
        }
        response = self.url_open(
            "/jsonrpc",
            data=json.dumps(payload, default=str),
            headers={"Content-Type": "application/json"},
        ).json()
        if "error" in response:
            data = response["error"]["data"]
            raise RpcError(data["message"], data["name"])
        return response["result"]

    @classmethod
    def _rpc_passwords(cls, *users):
        """Give ``users`` their login as password (in ``setUpClass``: a
        password set inside ``assertRaises`` would be rolled back with it)."""
        for user in users:
            user.sudo().password = user.login

    def rpc(self, user, model, method, *args, **kwargs):
        """``model.method(*args, **kwargs)`` as ``user`` (see _rpc_passwords)."""
        db = self.env.cr.dbname
        uids = self.__dict__.setdefault("_rpc_uids", {})
        if user.login not in uids:
            uids[user.login] = self._jsonrpc(
                "common", "login", db, user.login, user.login
            )
        uid = uids[user.login]
        return self._jsonrpc(
            "object", "execute_kw", db, uid, user.login, model, method, args, kwargs
        )

    def assertCalendarWorksFor(self, user):
        """``user`` creates, moves, renames, duplicates, reads and deletes a
        meeting of their own through /jsonrpc, among the platform's meetings."""
        event_id = self.rpc(
            user,
            "calendar.event",
            "create",
            {
                "name": "Point hebdo",
                "start": "2030-06-03 09:00:00",
                "stop": "2030-06-03 10:00:00",
            },
        )
        self.rpc(
            user,
            "calendar.event",
            "write",
            [event_id],
            {"start": "2030-06-04 14:00:00", "stop": "2030-06-04 15:30:00"},
        )
        self.rpc(user, "calendar.event", "write", [event_id], {"name": "Point mensuel"})
        [copy_id] = self.rpc(user, "calendar.event", "copy", [event_id])
        rows = self.rpc(user, "calendar.event", "search_read", [], [])
        self.assertIn(event_id, [row["id"] for row in rows])
        [moved] = self.rpc(
            user, "calendar.event", "read", [event_id], ["name", "start", "duration"]
        )
        self.assertEqual(
            (moved["name"], moved["start"], moved["duration"]),
            ("Point mensuel", "2030-06-04 14:00:00", 1.5),
        )
        self.rpc(user, "calendar.event", "unlink", [event_id, copy_id])
        self.assertFalse(
            self.env["calendar.event"].browse([event_id, copy_id]).exists()
        )
