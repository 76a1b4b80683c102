#!/usr/bin/env python3
"""Turn Odoo's requirements.txt into a list pip can install on this interpreter.

Odoo 18.0 pins, for Python 3.11, several releases that only exist as source
distributions (psycopg2 2.9.5, lxml 4.9.3, gevent 22.10.2, reportlab 3.6.12, ...)
and need compilers and C headers to build. The pins it lists for Python 3.12
are recent enough to ship binary wheels for 3.11 too, and Odoo 18.0 runs fine
with them. So this script evaluates the environment markers as if the
interpreter were Python 3.12 and writes the matching lines without markers.

Two more adjustments:

* ``python-ldap`` is skipped (needs libldap headers; only the ``auth_ldap``
  addon uses it);
* ``psycopg2`` becomes ``psycopg2-binary`` at the same version, so no
  ``libpq-dev`` is needed.

Usage: odoo_requirements.py ODOO_SRC/requirements.txt > odoo-requirements.txt
Needs the ``packaging`` distribution (installed in the venv first).
"""

import argparse
import sys

from packaging.requirements import Requirement

# Marker environment used to pick the pins (see the module docstring).
MARKER_ENV = {
    "python_version": "3.12",
    "python_full_version": "3.12.0",
    "sys_platform": "linux",
    "platform_system": "Linux",
    "os_name": "posix",
}
SKIPPED = {"python-ldap"}
RENAMED = {"psycopg2": "psycopg2-binary"}


def convert(lines):
    """Yield the requirement strings to install, without markers."""
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        req = Requirement(line)
        name = req.name.lower()
        if name in SKIPPED:
            continue
        if req.marker is not None and not req.marker.evaluate(MARKER_ENV):
            continue
        req.marker = None
        req.name = RENAMED.get(name, req.name)
        yield str(req)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("requirements", help="Odoo's requirements.txt")
    args = parser.parse_args(argv)
    with open(args.requirements, encoding="utf-8") as handle:
        for requirement in convert(handle):
            sys.stdout.write(requirement + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
