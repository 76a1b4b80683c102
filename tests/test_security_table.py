"""docs/security.md is the rule: every line of its tables is checked over
/jsonrpc, as a user of each role would find it with a plain client."""

import re
from pathlib import Path

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.emploi_accompagne.tests.common import JsonRpcMixin, RpcError

DOC = Path(__file__).resolve().parents[1] / "docs" / "security.md"
ROLES = {
    "Job coach": "emploi_accompagne.group_emploi_coach",
    "Secretariat": "emploi_accompagne.group_emploi_secretariat",
    "Platform manager": "emploi_accompagne.group_emploi_manager",
    "Funder reporting": "emploi_accompagne.group_emploi_reporting",
    "Other employee": "base.group_user",
}
OPERATIONS = {"R": "read", "W": "write", "C": "create", "D": "unlink"}


def _table(title):
    """The rows of the table under ``## title``: header, then one dict a row."""
    section = DOC.read_text().split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    return [
        dict(
            zip(
                header,
                (cell.strip() for cell in line.strip("|").split("|")),
                strict=True,
            )
        )
        for line in lines[2:]
    ]


def _code(cell):
    return re.fullmatch(r"`([^`]+)`", cell).group(1)


@tagged("post_install", "-at_install")
class TestSecurityTable(JsonRpcMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            role: new_test_user(cls.env, login=f"role.{index}", groups=group)
            for index, (role, group) in enumerate(ROLES.items())
        }
        cls._rpc_passwords(*cls.users.values())

    def test_every_model_of_the_suite_is_in_the_table(self):
        documented = {_code(row["Model"]) for row in _table("Model access")}
        models = {
            name
            for name in self.env.registry
            if name.startswith("emploi.") and not self.env[name]._abstract
        }
        self.assertEqual(documented, models)

    def test_model_access_as_written(self):
        for row in _table("Model access"):
            model = _code(row["Model"])
            for role, user in self.users.items():
                allowed = row[role].replace("—", "")
                for letter, operation in OPERATIONS.items():
                    with self.subTest(model=model, role=role, operation=operation):
                        self.assertEqual(
                            self.rpc(user, model, "has_access", [], operation),
                            letter in allowed,
                            f"{role} {operation} {model}",
                        )

    def test_restricted_fields_as_written(self):
        for row in _table("Health-related and restricted fields"):
            model, field = _code(row["Field"]).rsplit(".", 1)
            readers = {role.strip() for role in row["Readable by"].split(",")}
            self.assertLessEqual(readers, set(ROLES), row)
            for role, user in self.users.items():
                with self.subTest(field=f"{model}.{field}", role=role):
                    if role in readers:
                        self.assertEqual(self.rpc(user, model, "read", [], [field]), [])
                    else:
                        with self.assertRaises(RpcError):
                            self.rpc(user, model, "read", [], [field])
