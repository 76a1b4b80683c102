#!/usr/bin/env python3
"""Fail on bad lines in an Odoo log file (in the spirit of OCA's checklog-odoo).

A log record starts with Odoo's prefix ``YYYY-MM-DD HH:MM:SS,mmm PID LEVEL db
logger: message``; the lines that follow it without a prefix (tracebacks,
multi-line messages) belong to the same record.

Offending records:
* every ERROR or CRITICAL record;
* WARNING records whose text matches --pattern (by default our addons'
  technical names and models: ``emploi_accompagne``, ``emploi.xxx``), so that
  warnings raised by core addons we only depend on don't fail our build.

Records matching --ignore (a regular expression, may be given several times)
are never reported. Prints the offending records and exits 1 if there are any.
"""

import argparse
import re
import sys

RECORD_START = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} \d+ "
    r"(?P<level>DEBUG|INFO|WARNING|ERROR|CRITICAL|\w+) "
)
DEFAULT_PATTERN = r"emploi[._]"
# Long records (tracebacks) are shortened to their start, the exception lines
# and their end.
HEAD_LINES, TAIL_LINES = 4, 25
EXCEPTION_LINE = re.compile(r"^[\w.]*(Error|Exception)\b.*")


def records(lines):
    """Yield (level, [lines]) for each log record."""
    level, current = None, []
    for line in lines:
        match = RECORD_START.match(line)
        if match:
            if current:
                yield level, current
            level, current = match["level"], [line.rstrip("\n")]
        elif current:
            current.append(line.rstrip("\n"))
        else:
            # Text before the first record (e.g. a crash of odoo-bin itself).
            yield "OUTPUT", [line.rstrip("\n")]
    if current:
        yield level, current


def offending(lines, pattern, ignores):
    for level, text in records(lines):
        body = "\n".join(text)
        if any(ignore.search(body) for ignore in ignores):
            continue
        if level in ("ERROR", "CRITICAL") or (
            level == "WARNING" and pattern.search(body)
        ):
            yield level, text
        elif level == "OUTPUT" and "Traceback" in body:
            yield level, text


def shorten(text):
    if len(text) <= HEAD_LINES + TAIL_LINES:
        return text
    middle = text[HEAD_LINES:-TAIL_LINES]
    errors = [line for line in middle if EXCEPTION_LINE.match(line)]
    return [
        *text[:HEAD_LINES],
        f"    [... {len(middle)} lines, exception lines among them:]",
        *errors,
        "    [...]",
        *text[-TAIL_LINES:],
    ]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("logfile")
    parser.add_argument(
        "--pattern",
        default=DEFAULT_PATTERN,
        help="regex selecting the WARNING records that fail (default: %(default)s)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        help="regex of records to ignore (repeatable)",
    )
    args = parser.parse_args(argv)
    pattern = re.compile(args.pattern)
    ignores = [re.compile(expr) for expr in args.ignore if expr]
    with open(args.logfile, encoding="utf-8", errors="replace") as handle:
        bad = list(offending(handle, pattern, ignores))
    if not bad:
        print(f"Log check OK: no ERROR/CRITICAL, no WARNING matching {args.pattern!r}")
        return 0
    print(f"Log check FAILED: {len(bad)} offending record(s) in {args.logfile}:")
    for _level, text in bad:
        print("\n".join(shorten(text)))
    return 1


if __name__ == "__main__":
    sys.exit(main())
