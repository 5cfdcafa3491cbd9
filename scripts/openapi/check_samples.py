#!/usr/bin/env python3
"""Checks the document's response schemas against the JSON the CLI really prints, on a fresh demo database.

Usage: check_samples.py RETROFIT_BINARY [--all]
  Needs `jsonschema_rs` (schemathesis installs it) or `jsonschema`: run it with the venv's python.
  Without --all, one case of each stage and status is read (about a minute); --all reads every demo case.

Each CLI `--json` output that an API route returns byte for byte is validated against the schema of that route's
200 response; any mismatch is printed and the exit code is 1.
"""
import json
import os
import subprocess
import sys
import tempfile

try:
    from jsonschema_rs import Draft202012Validator

    def schema_errors(schema, instance):
        return [("/".join(str(part) for part in error.instance_path), error.message)
                for error in Draft202012Validator(schema).iter_errors(instance)]
except ImportError:
    from jsonschema import Draft202012Validator

    def schema_errors(schema, instance):
        return [("/".join(str(part) for part in error.absolute_path), error.message)
                for error in Draft202012Validator(schema).iter_errors(instance)]

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DOCUMENT = os.path.join(ROOT, "Sources", "RetrofitServer", "OpenAPI", "openapi.json")


def main():
    arguments = [argument for argument in sys.argv[1:] if argument != "--all"]
    if len(arguments) != 1:
        print("usage: check_samples.py RETROFIT_BINARY [--all]", file=sys.stderr)
        return 64
    binary = os.path.abspath(arguments[0])
    with open(DOCUMENT, encoding="utf-8") as file:
        document = json.load(file)

    def response_schema(path, method="get"):
        content = document["paths"][path][method]["responses"]["200"]["content"]
        return content["application/json"]["schema"]

    with tempfile.TemporaryDirectory() as folder:
        environment = dict(os.environ, RETROFIT_DB=os.path.join(folder, "demo.sqlite"), RETROFIT_NOW="2025-12-15T17:00",
                           RETROFIT_ACTOR="张伟")

        def cli(*arguments):
            result = subprocess.run([binary, *arguments], cwd=folder, env=environment, capture_output=True, text=True)
            if result.returncode == 3:
                return None  # refused (a tally without homes): the API answers a 409 problem, not this schema
            if result.returncode not in (0, 1):
                raise SystemExit(f"retrofit {' '.join(arguments)} exited {result.returncode}: {result.stderr}")
            return json.loads(result.stdout)

        subprocess.run([binary, "demo", "--quiet"], cwd=folder, env=environment, check=True, capture_output=True)
        cases = cli("case", "list", "--json")
        samples = [("/api/v1/cases", cases), ("/api/v1/overdue", cli("overdue", "--json")),
                   ("/api/v1/overdue", cli("overdue", "--due-soon", "--json")),
                   ("/api/v1/audit/head", cli("audit", "head", "--json")),
                   ("/api/v1/audit/verify", cli("audit", "verify", "--json")),
                   ("/api/v1/workflows", cli("workflow", "list", "--json")),
                   ("/api/v1/people", cli("people", "list", "--json")),
                   ("/api/v1/calendars/{year}", cli("calendar", "show", "2025", "--json")),
                   ("/api/v1/calendars/{year}", cli("calendar", "show", "2027", "--json")),
                   ("/api/v1/reports/bottlenecks", cli("report", "bottlenecks", "--json")),
                   ("/api/v1/reports/bottlenecks", cli("report", "bottlenecks", "--by", "district", "--json")),
                   ("/api/v1/reports/progress", cli("report", "progress", "--json")),
                   ("/api/v1/reports/progress", cli("report", "progress", "--year", "2024", "--json"))]
        commissioned = subprocess.run([binary, "report", "commissioned", "--year", "2025", "--format", "json"], cwd=folder,
                                      env=environment, capture_output=True, text=True, check=True)
        samples.append(("/api/v1/reports/commissioned", json.loads(commissioned.stdout)))
        for workflow in cli("workflow", "list", "--json"):
            samples.append(("/api/v1/workflows/{id}", cli("workflow", "show", workflow["id"], "--format", "json")))
        for person in cli("people", "list", "--json"):
            if person["role"] == "helper":
                samples.append(("/api/v1/queue", cli("queue", "--helper", person["name"], "--json")))
        chosen = cases
        if "--all" not in sys.argv:
            firsts = {}
            for row in cases:
                firsts.setdefault((row["stage"], row["status"]), row)
            chosen = list(firsts.values())
        for row in chosen:
            case_id = row["id"]
            samples += [("/api/v1/cases/{id}", cli("case", "show", case_id, "--json")),
                        ("/api/v1/cases/{id}/history", cli("case", "history", case_id, "--json")),
                        ("/api/v1/cases/{id}/explain", cli("case", "explain", case_id, "--json")),
                        ("/api/v1/cases/{id}/homes", cli("consult", "home", "list", case_id, "--json")),
                        ("/api/v1/cases/{id}/objections", cli("consult", "objection", "list", case_id, "--json")),
                        ("/api/v1/cases/{id}/tally", cli("consult", "tally", case_id, "--json"))]

    failures = 0
    samples = [(path, sample) for path, sample in samples if sample is not None]
    for path, sample in samples:
        schema = dict(response_schema(path))
        schema["components"] = document["components"]
        for location, message in schema_errors(schema, sample):
            failures += 1
            print(f"{path}: at '{location}': {message[:300]}")
    print(f"{len(samples)} CLI outputs checked against the document, {failures} mismatches")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
