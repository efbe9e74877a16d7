#!/usr/bin/env python3
"""Validates Cosolicit's OCDS release packages offline against the OCDS 1.1.5 schemas in schema/.

    python3 Tests/OCDS/validate_ocds.py FILE...

Each FILE is a release package. Three checks, every problem reported, exit status 1 if any:
1. each release in `releases[]` against patched-release-schema.json (OCDS 1.1.5 with the lots, techniques,
   contract buyer and bids extensions merged in), with Draft4Validator and a FormatChecker (date-time, uri);
2. the package against core-release-package-schema.json, the release schema registered under its id in a
   `referencing.Registry`, so that its `$ref` resolves without a network;
3. STRICT: each release (and the package) against a copy of its schema in which every object schema with `properties`
   also says `additionalProperties: false`, so that a field the schema does not define (a misspelling such as
   `tender.tenderPeriods`) fails. OCDS itself never sets it: extensions and local fields are allowed there, and
   Cosolicit writes neither.

Needs `jsonschema` 4.x, `referencing` and `rfc3339-validator` (without it the FormatChecker silently accepts
any date-time, so the script refuses to run).
"""

import copy
import json
import os
import re
import sys

import jsonschema
import referencing
from jsonschema import Draft4Validator, FormatChecker
from referencing.jsonschema import DRAFT4

try:
    import rfc3339_validator  # noqa: F401  (jsonschema's date-time format check needs it)
except ImportError:
    sys.exit("validate_ocds.py: rfc3339-validator is not installed; pip install rfc3339-validator")

SCHEMA_FOLDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schema")
RELEASE_SCHEMA_ID = "https://standard.open-contracting.org/schema/1__1__5/release-schema.json"


def load(name):
    with open(os.path.join(SCHEMA_FOLDER, name), encoding="utf-8") as handle:
        return json.load(handle)


def strict_copy(schema):
    """A copy of `schema` with `additionalProperties: false` on every object schema that lists properties.

    Local `$ref`s (`#/definitions/…`) resolve inside the copy, so referenced definitions are strict too.
    """
    strict = copy.deepcopy(schema)

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("properties"), dict) and "additionalProperties" not in node:
                node["additionalProperties"] = False
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(strict)
    return strict


def location(error, prefix):
    path = prefix + "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in error.absolute_path)
    return path.lstrip(".") or "(root)"


def message(error):
    """The error's message; for a field the strict schema does not define, just the field names."""
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = error.schema.get("properties", {})
        patterns = list(error.schema.get("patternProperties", {}))
        extra = [
            key for key in error.instance if key not in known and not any(re.search(p, key) for p in patterns)
        ]
        return "field(s) not defined by the schema: " + ", ".join(repr(key) for key in extra)
    return error.message


def problems(validator, instance, prefix, label, seen):
    """Each error as `label path: message`, leaving out one already reported at the same place."""
    found = []
    for error in sorted(validator.iter_errors(instance), key=lambda e: list(map(str, e.absolute_path))):
        where = location(error, prefix)
        text = message(error)
        if (where, text) in seen:
            continue
        seen.add((where, text))
        found.append(f"{label} {where}: {text}")
    return found


def main(paths):
    if not paths:
        sys.exit("usage: validate_ocds.py FILE...")
    release_schema = load("patched-release-schema.json")
    package_schema = load("core-release-package-schema.json")
    Draft4Validator.check_schema(release_schema)
    checker = FormatChecker()
    release_validator = Draft4Validator(release_schema, format_checker=checker)
    strict_validator = Draft4Validator(strict_copy(release_schema), format_checker=checker)
    registry = referencing.Registry().with_resource(
        RELEASE_SCHEMA_ID, referencing.Resource.from_contents(release_schema, default_specification=DRAFT4)
    )
    package_validator = Draft4Validator(package_schema, registry=registry, format_checker=checker)
    strict_package_validator = Draft4Validator(strict_copy(package_schema), registry=registry, format_checker=checker)

    failed = False
    for path in paths:
        try:
            with open(path, encoding="utf-8") as handle:
                package = json.load(handle)
        except (OSError, ValueError) as error:
            print(f"{path}: cannot be read as JSON: {error}")
            failed = True
            continue
        found = []
        seen = set()
        releases = package.get("releases") if isinstance(package, dict) else None
        if not isinstance(releases, list) or not releases:
            found.append("package: no releases[]; expected a release package with at least one release")
            releases = []
        for index, release in enumerate(releases):
            prefix = f"releases[{index}]"
            found += problems(release_validator, release, prefix, "schema", seen)
            found += problems(strict_validator, release, prefix, "strict", seen)
        found += problems(package_validator, package, "", "package", seen)
        found += problems(strict_package_validator, package, "", "strict package", seen)
        if found:
            failed = True
            print(f"{path}: {len(found)} problem(s)")
            for line in found:
                print("  " + line)
        else:
            print(f"{path}: valid ({len(releases)} release(s))")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
