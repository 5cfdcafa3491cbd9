#!/usr/bin/env python3
"""Writes Sources/RetrofitServer/OpenAPI/openapi.json, the OpenAPI 3.1 document of retrofit's HTTP API (/work API.md).

The committed JSON is the contract; this script is how it is kept consistent (shared schemas, the same problem
responses on every operation). Run it from anywhere: `python3 scripts/openapi/generate.py`; `--check` only compares.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from schemas import CIVIL_DATE, INTEGER, STRING, STATUS, array, ref, request_schemas, response_schemas  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUTPUT = os.path.join(ROOT, "Sources", "RetrofitServer", "OpenAPI", "openapi.json")

PROBLEMS = {
    "400": "Bad input: a malformed body, wrong content type, an unknown or malformed value.",
    "401": "No one is signed in, or the session or token does not hold.",
    "403": "The role or district does not allow it, or a cookie-authenticated write without its X-CSRF-Token.",
    "404": "What the request names does not exist, or is not visible to this person.",
    "409": "Refused by the workflow: nothing was written.",
    "412": "The case moved on since the version given (If-Match or expectedVersion); `currentVersion` says where it is.",
    "413": "The request body is too large (1 MB JSON, 20 MB CSV).",
    "429": "Too many failed sign-ins: locked until Retry-After seconds have passed.",
    "503": "The database cannot be used now (locked past the busy timeout, missing, damaged).",
}
RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait before trying again.", "schema": {"type": "integer", "minimum": 0}}}
ETAG = {"ETag": {"description": "The case's version, quoted: \"VERSION\".", "schema": {"type": "string", "pattern": "^\"[0-9]+\"$"}}}

READ = [{"sessionCookie": []}, {"bearerToken": []}]
WRITE = [{"sessionCookie": [], "csrfToken": []}, {"bearerToken": []}]


def problem(code):
    response = {"description": PROBLEMS[code], "content": {"application/problem+json": {"schema": ref("Problem")}}}
    if code in ("429", "503"):
        response["headers"] = RETRY_AFTER
    return response


def json_response(description, schema, headers=None):
    response = {"description": description, "content": {"application/json": {"schema": schema}}}
    if headers:
        response["headers"] = headers
    return response


def text_response(description, media="text/plain"):
    return {"description": description, "content": {media: {"schema": {"type": "string"}}}}


def query(name, schema, description):
    return {"name": name, "in": "query", "required": False, "schema": schema, "description": description}


def path_parameter(name, schema, description, example=None):
    parameter = {"name": name, "in": "path", "required": True, "schema": schema, "description": description}
    if example is not None:
        parameter["example"] = example
    return parameter


CASE_ID = path_parameter("id", {"type": "string", "minLength": 1}, "The case id.", "ER-2025-0001")
IF_MATCH = {"name": "If-Match", "in": "header", "required": False, "schema": {"type": "string"},
            "description": "The case version the write was decided on, quoted: \"VERSION\"; 412 when the case moved on."}
IDEMPOTENCY_KEY = {"name": "Idempotency-Key", "in": "header", "required": False,
                   "schema": {"type": "string", "maxLength": 200},
                   "description": "A retried POST with the same key returns the first answer and writes nothing twice (kept 24 hours)."}
LIST_FILTERS = [
    query("stage", STRING, "Only cases in this stage."),
    query("status", STATUS, "Only cases with this status."),
    query("district", STRING, "Only this district."),
    query("helper", STRING, "Only this helper's cases."),
    query("workflow", STRING, "Only this workflow."),
]
AS_OF = query("asOf", CIVIL_DATE, "Answer as of this day (default: today).")


def operation(operation_id, summary, tag, responses, *, security=READ, parameters=None, body=None, problems=()):
    """One operation: its success responses plus the problem responses it can give."""
    result = {"operationId": operation_id, "summary": summary, "tags": [tag]}
    # An empty list: this operation needs no one signed in.
    result["security"] = security if security is not None else []
    if parameters:
        result["parameters"] = parameters
    if body is not None:
        result["requestBody"] = body
    all_responses = dict(responses)
    for code in problems:
        all_responses[code] = problem(code)
    result["responses"] = dict(sorted(all_responses.items()))
    return result


def json_body(name, required=True):
    return {"required": required, "content": {"application/json": {"schema": ref(name)}}}


def read(operation_id, summary, tag, responses, parameters=None, not_found=True, refused=False):
    problems = ["400", "401", "403"] + (["404"] if not_found else []) + (["409"] if refused else []) + ["503"]
    return operation(operation_id, summary, tag, responses, parameters=parameters, problems=problems)


def case_write(operation_id, summary, body_name, status="200", extra_headers=None):
    """A write on one case: answers with the case as `case show --json` prints it, and its ETag."""
    headers = dict(ETAG)
    headers.update(extra_headers or {})
    return operation(
        operation_id, summary, "cases",
        {status: json_response("The case after the write (as `case show --json`).", ref("CaseSummary"), headers)},
        security=WRITE, parameters=[CASE_ID, IF_MATCH, IDEMPOTENCY_KEY], body=json_body(body_name, required=False),
        problems=["400", "401", "403", "404", "409", "412", "413", "503"])


def consultation_write(operation_id, summary, body, response_schema, description, extra_parameters=()):
    return operation(
        operation_id, summary, "consultation", {"200": json_response(description, response_schema)},
        security=WRITE, parameters=[CASE_ID, *extra_parameters, IDEMPOTENCY_KEY], body=body,
        problems=["400", "401", "403", "404", "409", "413", "503"])


def csv_body():
    return {"required": True, "content": {"text/csv": {"schema": {"type": "string"}}},
            "description": "The CSV file, as `consult ... import` reads it (at most 20 MB)."}


def admin(operation_id, summary, responses, *, parameters=None, body=None, write=True, not_found=True):
    """An operation on the people register or credentials: admins only (403 for everyone else)."""
    problems = {"400", "401", "403", "503"}
    if not_found:
        problems.add("404")
    if write:
        problems.add("409")
    if body is not None:
        problems.add("413")
    return operation(operation_id, summary, "people", responses, security=WRITE if write else READ,
                     parameters=parameters, body=body, problems=sorted(problems))


def paths():
    person = path_parameter("name", {"type": "string", "minLength": 1}, "The person's name.", "李娜")
    label = path_parameter("label", {"type": "string", "minLength": 1}, "The token's label.")
    objection = path_parameter("number", {"type": "integer", "minimum": 1}, "The objection's number.", 1)
    no_content = {"204": {"description": "Done; no body."}}
    p = {}
    p["/healthz"] = {"get": operation("health", "The process is up.", "service",
                                      {"200": json_response("Up.", ref("Health"))}, security=None)}
    p["/readyz"] = {"get": operation("readiness", "The database is open and writable.", "service",
                                     {"200": json_response("Ready.", ref("Ready"))}, security=None, problems=["503"])}
    p["/metrics"] = {"get": operation("metrics", "Prometheus exposition: requests, latency, conflicts, sign-in failures.",
                                      "service", {"200": text_response("The metrics.")}, security=None)}
    p["/api/v1/openapi.json"] = {"get": operation("openAPIDocument", "This document.", "service",
                                                  {"200": json_response("The OpenAPI 3.1 document.", {"type": "object"})},
                                                  security=None)}
    session_cookie = {"Set-Cookie": {"description": "retrofit_session=…; HttpOnly; SameSite=Strict; Path=/ (Secure under TLS).",
                                     "schema": {"type": "string"}}}
    p["/api/v1/session"] = {
        "post": operation("signIn", "Sign in with name and password: a session cookie and the CSRF token.", "session",
                          {"200": json_response("Signed in.", ref("Session"), session_cookie)},
                          security=None, parameters=[IDEMPOTENCY_KEY], body=json_body("SignIn"),
                          problems=["400", "401", "413", "429", "503"]),
        "get": read("currentSession", "Who is signed in, and the CSRF token again.", "session",
                    {"200": json_response("The signed-in person.", ref("Session"))}, not_found=False),
        "delete": operation("signOut", "Sign out: the session ends and its cookie is cleared.", "session",
                            {"204": {"description": "Signed out.", "headers": session_cookie}},
                            security=WRITE, problems=["401", "403", "503"]),
    }
    p["/api/v1/cases"] = {
        "get": read("listCases", "Cases, with the filters and paging of `case list`.", "cases",
                    {"200": json_response("The cases, as `case list --json`.", array(ref("CaseRow")))},
                    parameters=LIST_FILTERS + [
                        query("limit", INTEGER, "At most this many cases."),
                        query("offset", INTEGER, "Skip this many cases first."),
                    ]),
        "post": operation(
            "openCase", "Open a case (as `case open`).", "cases",
            {"201": json_response("The new case (as `case show --json`).", ref("CaseSummary"), {
                **ETAG, "Location": {"description": "/api/v1/cases/{id} of the new case.", "schema": {"type": "string"}}})},
            security=WRITE, parameters=[IDEMPOTENCY_KEY], body=json_body("OpenCase", required=False),
            problems=["400", "401", "403", "404", "409", "413", "503"]),
    }
    p["/api/v1/cases/{id}"] = {"get": read("showCase", "One case (as `case show --json`).", "cases",
                                           {"200": json_response("The case.", ref("CaseSummary"), ETAG)}, parameters=[CASE_ID])}
    p["/api/v1/cases/{id}/history"] = {"get": read(
        "caseHistory", "The case's events (as `case history --json`).", "cases",
        {"200": json_response("The events, oldest first.", array(ref("Event")))},
        parameters=[CASE_ID, query("after", INTEGER, "Start after this case version."),
                    query("limit", INTEGER, "At most this many events.")])}
    p["/api/v1/cases/{id}/explain"] = {"get": read(
        "explainCase", "Why the deadline is what it is and what moves are possible (as `case explain --json`).", "cases",
        {"200": json_response("The explanation.", ref("CaseExplanation"))}, parameters=[CASE_ID])}
    for move, body_name, summary in [
        ("advance", "Advance", "Move the case to another stage (as `case advance`)."),
        ("set", "SetFields", "Set field values (as `case set`)."),
        ("clear", "ClearFields", "Clear fields (as `case clear`)."),
        ("assign", "Assign", "Assign a helper (as `case assign`)."),
        ("classify", "Classify", "Set priority and difficulty (as `case classify`)."),
        ("suspend", "Suspend", "Suspend the case (as `case suspend`)."),
        ("resume", "Resume", "Resume a suspended case (as `case resume`)."),
        ("withdraw", "Withdraw", "Withdraw the case (as `case withdraw`)."),
        ("note", "Note", "Add a note (as `case note`)."),
    ]:
        p[f"/api/v1/cases/{{id}}/{move}"] = {"post": case_write(f"{move}Case", summary, body_name)}

    consultation_result = "The case after the write (as the CLI's `--json`: `case show --json`)."
    p["/api/v1/cases/{id}/homes"] = {
        "get": read("listHomes", "The household register (as `consult home list --json`).", "consultation",
                    {"200": json_response("The homes.", array(ref("HomeEntry")))}, parameters=[CASE_ID]),
        "post": consultation_write("recordHome", "Record or correct one home (as `consult home add`).",
                                   json_body("RecordHome"), ref("CaseSummary"), consultation_result),
    }
    p["/api/v1/cases/{id}/homes/import"] = {"post": consultation_write(
        "importHomes", "Import the household register from a CSV upload (as `consult home import`).", csv_body(),
        ref("HomesImported"), "What was recorded.",
        [query("at", STRING, "When it happened, YYYY-MM-DD[THH:MM] (default now).")])}
    p["/api/v1/cases/{id}/ballots"] = {"post": consultation_write(
        "castBallot", "Cast one ballot (as `consult ballot`).", json_body("CastBallot"), ref("CaseSummary"), consultation_result)}
    p["/api/v1/cases/{id}/ballots/import"] = {"post": consultation_write(
        "importBallots", "Import ballots from a CSV upload (as `consult ballot import`).", csv_body(),
        ref("BallotsImported"), "What was recorded.",
        [query("at", STRING, "When undated ballots were signed, YYYY-MM-DD[THH:MM] (default now).")])}
    p["/api/v1/cases/{id}/tally"] = {"get": read(
        "tally", "The vote tally against the stage's rule (as `consult tally --json`).", "consultation",
        {"200": json_response("The tally.", ref("Tally"))},
        parameters=[CASE_ID, query("at", STRING, "Tally as of this moment, YYYY-MM-DD[THH:MM] (default now).")],
        refused=True)}
    p["/api/v1/cases/{id}/objections"] = {
        "get": read("listObjections", "The objections (as `consult objection list --json`).", "consultation",
                    {"200": json_response("The objections.", array(ref("ObjectionEntry")))}, parameters=[CASE_ID]),
        "post": consultation_write("raiseObjection", "Raise an objection (as `consult object`).",
                                   json_body("RaiseObjection"), ref("CaseSummary"), consultation_result),
    }
    p["/api/v1/cases/{id}/objections/{number}/resolve"] = {"post": consultation_write(
        "resolveObjection", "Resolve an objection (as `consult resolve`).", json_body("ResolveObjection"),
        ref("CaseSummary"), consultation_result, [objection])}

    p["/api/v1/overdue"] = {"get": read(
        "overdue", "Active cases past their stage deadline, most late first (as `overdue --json`).", "cases",
        {"200": json_response("The overdue cases.", array(ref("OverdueEntry")))},
        parameters=[AS_OF, query("asKnown", {"type": "boolean"}, "With asOf: also ignore events recorded after that day."),
                    query("dueSoon", {"type": "boolean"}, "Also list cases inside their warning window."),
                    query("stage", STRING, "Only cases in this stage."), query("district", STRING, "Only this district."),
                    query("helper", STRING, "Only this helper's cases."), query("workflow", STRING, "Only this workflow.")])}
    p["/api/v1/queue"] = {"get": read(
        "queue", "A helper's work list (as `queue --json`); the signed-in helper's by default.", "cases",
        {"200": json_response("The queue, most pressing first.", array(ref("QueueEntry")))},
        parameters=[query("helper", STRING, "This helper's queue (default: the signed-in helper)."),
                    query("district", STRING, "Only this district."), AS_OF])}

    p["/api/v1/reports/bottlenecks"] = {"get": read(
        "bottlenecks", "Where cases wait (as `report bottlenecks --json`).", "reports",
        {"200": json_response("The report.", ref("BottleneckReport"))},
        parameters=[query("from", CIVIL_DATE, "The period's first day (default: since the first case)."),
                    query("to", CIVIL_DATE, "The period's last day (default: today)."),
                    query("workflow", STRING, "Only this workflow."),
                    query("by", {"type": "string", "enum": ["district", "helper"]}, "Break every figure down by district or helper.")])}
    p["/api/v1/reports/progress"] = {"get": read(
        "progress", "Progress to the year's target (as `report progress --json`).", "reports",
        {"200": json_response("The report.", ref("ProgressReport"))},
        parameters=[query("year", INTEGER, "The calendar year (default: this year)."),
                    query("target", INTEGER, "Elevators to commission in the year."),
                    query("workflow", STRING, "The workflow.")])}
    p["/api/v1/reports/commissioned"] = {"get": read(
        "commissioned", "Elevators commissioned in a year (as `report commissioned`), as JSON or a CSV download.", "reports",
        {"200": {"description": "The report: JSON as `report commissioned --format json`, or CSV with format=csv or Accept: text/csv.",
                 "content": {"application/json": {"schema": ref("CommissionedReport")},
                             "text/csv": {"schema": {"type": "string"}}}}},
        parameters=[{"name": "year", "in": "query", "required": True,
                     "schema": INTEGER,
                     "description": "The calendar year of commissioning.", "example": 2025},
                    query("workflow", STRING, "Only this workflow."),
                    query("format", {"type": "string", "enum": ["json", "csv"]}, "json (default) or csv.")])}

    p["/api/v1/audit/head"] = {"get": read("auditHead", "The event log's head (as `audit head --json`).", "audit",
                                           {"200": json_response("The head.", ref("AuditHead"))}, not_found=False)}
    p["/api/v1/audit/verify"] = {"get": read(
        "auditVerify", "Recompute the hash chain and check the stored checkpoints (as `audit verify --json`).", "audit",
        {"200": json_response("The verification; a broken chain is `ok: false`, still 200.", ref("AuditVerification"))},
        not_found=False)}

    workflow_id = path_parameter("id", {"type": "string", "minLength": 1}, "The workflow id.", "elevator-retrofit")
    p["/api/v1/workflows"] = {"get": read("listWorkflows", "The workflows (as `workflow list --json`).", "catalog",
                                          {"200": json_response("The workflows.", array(ref("WorkflowSummary")))},
                                          not_found=False)}
    p["/api/v1/workflows/{id}"] = {"get": read("showWorkflow", "One workflow (as `workflow show --format json`).", "catalog",
                                               {"200": json_response("The workflow.", ref("Workflow"))}, parameters=[workflow_id])}
    p["/api/v1/workflows/{id}/diagram"] = {"get": read(
        "workflowDiagram", "The workflow's diagram source (as `workflow show --format mermaid|dot`).", "catalog",
        {"200": text_response("The diagram source.")},
        parameters=[workflow_id, query("format", {"type": "string", "enum": ["mermaid", "dot"]}, "mermaid (default) or dot.")])}
    p["/api/v1/calendars/{year}"] = {"get": read(
        "calendarYear", "A year's holidays and make-up working days (as `calendar show YEAR --json`).", "catalog",
        {"200": json_response("The year.", ref("CalendarYear"))},
        parameters=[path_parameter("year", {"type": "integer", "minimum": 1, "maximum": 9999}, "The year.", 2025),
                    query("calendar", STRING, "The calendar (default cn-mainland).")])}

    p["/api/v1/people"] = {
        "get": admin("listPeople", "The people register (as `people list --json`).",
                     {"200": json_response("The people.", array(ref("Person")))}, write=False, not_found=False),
        "post": admin("addPerson", "Add a person to the register (as `people add`).",
                      {"200": json_response("The person (already registered so).", ref("Person")),
                       "201": json_response("The person, added.", ref("Person"))},
                      parameters=[IDEMPOTENCY_KEY], body=json_body("AddPerson"), not_found=False),
    }
    p["/api/v1/people/{name}/password"] = {"post": admin(
        "setPassword", "Set or reset a person's password (as `people password`).", no_content,
        parameters=[person, IDEMPOTENCY_KEY], body=json_body("SetPassword"))}
    p["/api/v1/people/{name}/tokens"] = {
        "get": admin("listTokens", "A person's API tokens, never the tokens themselves (as `people tokens`).",
                     {"200": json_response("The tokens.", array(ref("TokenEntry")))}, parameters=[person], write=False),
        "post": admin("issueToken", "Issue an API token, shown once (as `people token`).",
                      {"201": json_response("The token.", ref("IssuedToken"))},
                      parameters=[person, IDEMPOTENCY_KEY], body=json_body("IssueToken", required=False)),
    }
    p["/api/v1/people/{name}/tokens/{label}"] = {"delete": admin(
        "revokeToken", "Revoke an API token (as `people revoke-token`).", no_content, parameters=[person, label])}
    p["/api/v1/people/{name}/disable"] = {"post": admin(
        "disablePerson", "Disable a person: their sessions and tokens stop working at once (as `people disable`).",
        no_content, parameters=[person, IDEMPOTENCY_KEY])}
    p["/api/v1/people/{name}/enable"] = {"post": admin(
        "enablePerson", "Enable a disabled person again (as `people enable`).", no_content,
        parameters=[person, IDEMPOTENCY_KEY])}
    return p


def document():
    schemas = response_schemas()
    schemas.update(request_schemas())
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "retrofit",
            "version": "1",
            "summary": "The case workflow engine for elevator retrofits, over HTTP.",
            "description": "Every success body is the JSON the CLI prints with `--json` for the same use case. Errors are "
                           "RFC 9457 problems (`application/problem+json`) whose `category` is the application's error "
                           "category. Sign in with POST /api/v1/session (a cookie; writes then send X-CSRF-Token) or "
                           "send `Authorization: Bearer TOKEN` (from `retrofit people token NAME`).",
        },
        "servers": [{"url": "/"}],
        "tags": [{"name": name} for name in ["service", "session", "cases", "consultation", "reports", "audit", "catalog", "people"]],
        "paths": paths(),
        "components": {
            "schemas": dict(sorted(schemas.items())),
            "securitySchemes": {
                "sessionCookie": {"type": "apiKey", "in": "cookie", "name": "retrofit_session",
                                  "description": "The session cookie POST /api/v1/session sets."},
                "csrfToken": {"type": "apiKey", "in": "header", "name": "X-CSRF-Token",
                              "description": "The session's CSRF token (`csrfToken` of the session JSON); required on cookie-authenticated writes."},
                "bearerToken": {"type": "http", "scheme": "bearer",
                                "description": "An API token from `retrofit people token NAME`."},
            },
        },
    }


def main():
    text = json.dumps(document(), indent=2, ensure_ascii=False) + "\n"
    if "--check" in sys.argv:
        with open(OUTPUT, encoding="utf-8") as existing:
            if existing.read() != text:
                print(f"{OUTPUT} is not what scripts/openapi/generate.py writes: run it and commit the result", file=sys.stderr)
                return 1
        return 0
    os.makedirs(os.path.dirname(OUTPUT), exist_ok=True)
    with open(OUTPUT, "w", encoding="utf-8") as out:
        out.write(text)
    print(f"wrote {os.path.relpath(OUTPUT, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
