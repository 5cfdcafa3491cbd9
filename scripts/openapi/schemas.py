"""The response and request schemas of retrofit's HTTP API, one function per Encodable type of RetrofitApp.

Each schema follows the Swift type's encoding as the CLI's JSONEncoder writes it: a key of an `@EncodeNil` property
or of a hand-written `encode(to:)` that encodes an optional is always present and may be null; a plain optional
property of a synthesized `Encodable` is left out when nil (so it is not required, and never null).
"""

CIVIL_DATE = {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "A day, YYYY-MM-DD (China Standard Time)."}
TIMESTAMP = {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}",
             "description": "A moment, ISO 8601 with the +08:00 offset, e.g. 2025-09-13T13:06:00+08:00."}
STRING = {"type": "string"}
INTEGER = {"type": "integer"}
BOOLEAN = {"type": "boolean"}
ROLE = {"type": "string", "enum": ["helper", "manager", "auditor", "admin"]}
PRIORITY = {"type": "string", "enum": ["urgent", "normal"]}
DIFFICULTY = {"type": "string", "enum": ["easy", "normal", "hard"]}
STATUS = {"type": "string", "enum": ["active", "suspended", "withdrawn", "completed"]}
SUSPENSION_REASON = {"type": "string", "enum": ["mediation", "litigation", "funding", "other"]}
BALLOT_CHOICE = {"type": "string", "enum": ["agree", "object", "abstain"]}
OBJECTION_OUTCOME = {"type": "string", "enum": ["withdrawn", "mediated", "overruled"]}
CATEGORIES = ["bad-input", "not-found", "forbidden", "refused", "conflict", "unavailable", "findings",
              "unauthenticated", "throttled"]


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema):
    """The schema, or null: for keys that are always written and may be null."""
    if "$ref" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    copy = dict(schema)
    kind = copy.get("type")
    copy["type"] = [kind, "null"]
    if "enum" in copy:
        copy["enum"] = copy["enum"] + [None]
    return copy


def array(items):
    return {"type": "array", "items": items}


def string_map(values=STRING):
    return {"type": "object", "additionalProperties": values}


def closed(required, optional=None, description=None):
    """An object whose keys are exactly `required` plus any of `optional`: no other key."""
    properties = dict(required)
    properties.update(optional or {})
    schema = {"type": "object", "required": sorted(required), "properties": properties, "additionalProperties": False}
    if description:
        schema["description"] = description
    return schema


def open_object(required, optional=None, description=None):
    """A request body: these keys, typed; other keys are not forbidden by the document."""
    properties = dict(required)
    properties.update(optional or {})
    schema = {"type": "object", "properties": properties}
    if required:
        schema["required"] = sorted(required)
    if description:
        schema["description"] = description
    return schema


def response_schemas():
    """Every schema a success or problem response refers to, by component name."""
    s = {}
    s["Health"] = closed({"status": {"type": "string", "const": "ok"}})
    s["Ready"] = closed({"status": {"type": "string", "const": "ready"}})
    s["Session"] = closed({
        "name": STRING, "role": ROLE, "districts": array(STRING), "csrfToken": STRING, "expiresAt": nullable(TIMESTAMP),
    }, description="The signed-in person and the CSRF token that cookie-authenticated writes send in X-CSRF-Token.")

    # Problems (RFC 9457) and the structured hints (RetrofitCore InputHint).
    s["InputArgument"] = closed({"parameter": STRING, "value": STRING})
    s["InputChoice"] = closed({"value": STRING}, {"detail": STRING})
    s["SuggestedOperation"] = closed({"operation": STRING, "arguments": array(ref("InputArgument"))})
    s["InputHint"] = closed({"kind": {"type": "string", "enum": [
        "choose-one", "give", "give-at-least-one", "give-another", "give-instead", "out-of-order", "contradicts",
        "run", "create-by", "closest-names", "first-allowed-date"]}}, {
        "parameter": STRING, "choices": array(ref("InputChoice")), "values": array(STRING),
        "inputs": array(ref("InputArgument")), "found": STRING, "operation": STRING,
        "arguments": array(ref("InputArgument")), "operations": array(ref("SuggestedOperation")),
        "names": array(STRING), "date": CIVIL_DATE,
    }, description="What a person can do about the problem; the keys beside `kind` depend on the kind.")
    s["Problem"] = closed({
        "type": {"type": "string", "format": "uri"}, "title": STRING, "status": {"type": "integer", "minimum": 400, "maximum": 599},
        "detail": STRING, "category": {"type": "string", "enum": CATEGORIES}, "hints": array(ref("InputHint")),
    }, {"currentVersion": INTEGER}, description="An RFC 9457 problem; `currentVersion` only on 412.")

    # Cases.
    s["CaseRow"] = closed({
        "id": STRING, "workflow": STRING, "workflowVersion": INTEGER, "stage": STRING, "status": STATUS,
        "version": INTEGER, "priority": PRIORITY, "difficulty": DIFFICULTY,
        "helper": nullable(STRING), "district": nullable(STRING), "deadline": nullable(CIVIL_DATE),
    }, description="One row of `case list --json`.")
    s["ObjectionSummary"] = closed({"number": INTEGER, "from": STRING, "text": STRING, "raisedAt": TIMESTAMP})
    s["SuspensionSummary"] = closed({"reason": SUSPENSION_REASON, "from": TIMESTAMP, "until": nullable(TIMESTAMP), "note": nullable(STRING)})
    s["VisitSummary"] = closed({"stage": STRING, "entered": TIMESTAMP, "left": nullable(TIMESTAMP), "suspendedDays": INTEGER,
                                "suspensions": array(ref("SuspensionSummary"))})
    s["CaseSummary"] = closed({
        "id": STRING, "workflow": STRING, "workflowVersion": INTEGER, "stage": STRING, "stageTitle": STRING,
        "stageEnteredAt": TIMESTAMP, "status": STATUS, "version": {"type": "integer", "minimum": 1},
        "helper": nullable(STRING), "priority": PRIORITY, "difficulty": DIFFICULTY,
        "deadline": nullable(CIVIL_DATE), "deadlineRule": nullable(STRING), "deadlineProblem": nullable(STRING),
        "deadlineProvisional": BOOLEAN, "overdue": BOOLEAN, "daysLate": INTEGER, "dueSoon": BOOLEAN,
        "suspendedSince": nullable(TIMESTAMP), "suspensionReason": nullable(SUSPENSION_REASON),
        "fields": string_map(), "milestones": string_map(), "openObjections": array(ref("ObjectionSummary")),
        "homesRegistered": INTEGER, "visits": array(ref("VisitSummary")),
    }, description="One case, as `case show --json` prints it.")
    s["Event"] = closed({
        "sequence": INTEGER, "version": INTEGER, "type": STRING, "occurredAt": TIMESTAMP, "recordedAt": TIMESTAMP,
        "actor": STRING, "payload": {"description": "The event's stored JSON payload, as recorded."},
        "workflow": STRING, "workflowVersion": INTEGER, "hash": STRING,
    }, description="One event of `case history --json`.")
    s["ConditionAdvice"] = closed({"condition": STRING, "numerator": INTEGER, "denominator": INTEGER, "sentence": STRING})
    s["BlockerAdvice"] = closed({"kind": {"type": "string", "enum": [
        "role", "minimum-duration", "minimum-unknown", "open-objections", "missing-fields", "missing-value",
        "guard", "tally", "vote"]}, "text": STRING}, {
        "fields": array(STRING), "roles": array(STRING), "firstAllowed": CIVIL_DATE, "objections": array(INTEGER),
        "conditions": array(ref("ConditionAdvice")),
    })
    s["MoveAdvice"] = closed({"move": STRING, "to": STRING, "ready": BOOLEAN, "blockers": array(ref("BlockerAdvice"))})
    s["NamedDay"] = closed({"date": CIVIL_DATE, "name": STRING})
    s["SuspendedDay"] = closed({"date": CIVIL_DATE, "reason": STRING})
    s["CaseExplanation"] = closed({
        "id": STRING, "stage": STRING, "status": STATUS, "entered": nullable(CIVIL_DATE), "rule": nullable(STRING),
        "deadline": nullable(CIVIL_DATE), "deadlineProvisional": BOOLEAN, "provisionalYears": array(INTEGER),
        "holidaysSkipped": array(ref("NamedDay")), "makeUpWorkingDaysCounted": array(ref("NamedDay")),
        "suspendedDays": array(ref("SuspendedDay")), "overdue": BOOLEAN, "daysLate": INTEGER, "dueSoon": BOOLEAN,
        "dueSoonFrom": nullable(CIVIL_DATE), "warnBefore": nullable(INTEGER), "moves": array(ref("MoveAdvice")),
        "explanation": array(STRING),
    }, description="`case explain --json`.")
    s["OverdueEntry"] = closed({
        "id": STRING, "workflow": STRING, "stage": STRING, "deadline": CIVIL_DATE, "daysLate": INTEGER,
        "dueSoon": BOOLEAN, "helper": nullable(STRING), "district": nullable(STRING), "priority": PRIORITY,
        "difficulty": DIFFICULTY, "deadlineProvisional": BOOLEAN,
    })
    s["QueueEntry"] = closed({
        "id": STRING, "stage": STRING, "deadline": nullable(CIVIL_DATE), "daysLate": INTEGER, "dueSoon": BOOLEAN,
        "priority": PRIORITY, "difficulty": DIFFICULTY, "helper": nullable(STRING), "district": nullable(STRING),
        "action": STRING, "deadlineProvisional": BOOLEAN, "next": nullable(ref("MoveAdvice")),
        "dueSoonFrom": nullable(CIVIL_DATE),
    })

    # Consultation.
    s["HomeEntry"] = closed({"home": STRING, "floor": INTEGER, "area": STRING, "owner": STRING}, {"vote": BALLOT_CHOICE})
    s["ObjectionEntry"] = closed({"number": INTEGER, "from": STRING, "text": STRING, "raisedAt": TIMESTAMP},
                                 {"outcome": OBJECTION_OUTCOME, "resolvedAt": TIMESTAMP, "note": STRING})
    s["TallyShare"] = closed({"of": STRING, "fraction": STRING, "exact": STRING, "percentage": STRING})
    s["TallyFigure"] = closed({"owners": INTEGER, "area": STRING}, {"ownersShare": ref("TallyShare"), "areaShare": ref("TallyShare")})
    s["TallyRule"] = closed({"title": STRING, "stage": STRING})
    s["TallyCondition"] = closed({
        "condition": STRING, "passes": BOOLEAN, "sentence": STRING, "measure": STRING, "comparison": STRING, "value": STRING,
    }, {"threshold": STRING, "of": STRING, "limit": STRING, "base": STRING, "share": STRING, "percentage": STRING})
    groups = ["total", "participating", "agreeing", "objecting", "abstaining", "absent"]
    s["Tally"] = closed({
        "case": STRING, "workflow": STRING, "workflowVersion": INTEGER, "homes": INTEGER,
        "figures": closed({group: ref("TallyFigure") for group in groups}),
        "conditions": array(ref("TallyCondition")),
    }, {"rule": ref("TallyRule"), "rulePasses": BOOLEAN}, description="`consult tally --json`.")
    s["RegisterSize"] = closed({"homes": INTEGER, "owners": INTEGER, "area": STRING, "voted": INTEGER})
    s["ConsultationWrite"] = closed({"caseID": STRING, "changed": BOOLEAN, "summary": ref("CaseSummary"),
                                     "register": ref("RegisterSize")})
    s["HomesImported"] = closed({"write": ref("ConsultationWrite"), "file": STRING, "recorded": INTEGER, "corrected": INTEGER})
    s["BallotsImported"] = closed({"write": ref("ConsultationWrite"), "file": STRING, "recorded": INTEGER, "replacing": INTEGER})

    # Reports.
    s["DurationSummary"] = closed({"count": INTEGER, "median": nullable(INTEGER), "p90": nullable(INTEGER), "maximum": nullable(INTEGER)})
    s["BottleneckStage"] = closed({
        "stage": STRING, "title": STRING, "inStage": INTEGER, "overdue": INTEGER, "suspended": INTEGER,
        "workingDays": ref("DurationSummary"), "suspendedDays": INTEGER, "rework": INTEGER, "waitingDays": INTEGER,
        "waitingPercent": nullable(INTEGER),
    })
    s["BottleneckGroup"] = closed({"key": nullable(STRING), "headline": STRING, "busiestStage": nullable(STRING),
                                   "totalWaitingDays": INTEGER, "stages": array(ref("BottleneckStage"))})
    s["BottleneckWorkflow"] = closed({"workflow": STRING, "title": STRING, "overall": ref("BottleneckGroup"),
                                      "groups": array(ref("BottleneckGroup"))})
    s["BottleneckReport"] = closed({
        "asOf": CIVIL_DATE, "from": nullable(CIVIL_DATE), "to": CIVIL_DATE,
        "by": nullable({"type": "string", "enum": ["district", "helper"]}),
        "workflows": array(ref("BottleneckWorkflow")), "notes": array(STRING),
    }, description="`report bottlenecks --json`.")
    s["ProgressMonth"] = closed({"month": STRING, "commissioned": INTEGER, "cumulative": nullable(INTEGER), "targetPace": INTEGER})
    s["ProgressDistrict"] = closed({"district": nullable(STRING), "commissioned": INTEGER})
    s["PipelineStage"] = closed({"stage": STRING, "title": STRING, "cases": INTEGER, "suspended": INTEGER})
    s["StageEstimate"] = closed({"stage": STRING, "title": STRING, "visits": INTEGER,
                                 "basis": {"type": "string", "enum": ["median", "deadline", "few-visits", "none"]}, "period": STRING})
    s["ForecastCase"] = closed({
        "id": STRING, "stage": STRING, "status": STATUS, "district": nullable(STRING), "helper": nullable(STRING),
        "path": array(STRING), "expected": nullable(CIVIL_DATE), "inYear": BOOLEAN, "daysAfterYearEnd": INTEGER,
    })
    s["ProgressForecast"] = closed({
        "estimates": array(ref("StageEstimate")), "cases": array(ref("ForecastCase")), "expectedInYear": INTEGER,
        "expectedByYearEnd": INTEGER, "needed": INTEGER, "mustMove": array(ref("ForecastCase")), "shortBy": INTEGER,
        "summary": STRING,
    })
    s["ProgressReport"] = closed({
        "year": INTEGER, "asOf": CIVIL_DATE, "workflow": STRING, "title": STRING, "target": INTEGER,
        "commissioned": INTEGER, "remaining": INTEGER, "months": array(ref("ProgressMonth")),
        "districts": array(ref("ProgressDistrict")), "pipeline": array(ref("PipelineStage")),
        "forecast": nullable(ref("ProgressForecast")), "notes": array(STRING),
    }, description="`report progress --json`.")
    s["AuditHead"] = closed({"sequence": INTEGER, "hash": STRING}, description="`audit head --json`.")
    s["AuditCheckpointStanding"] = closed({"number": INTEGER, "sequence": INTEGER, "hash": STRING, "signedAt": STRING,
                                           "matches": BOOLEAN, "storedHash": nullable(STRING)})
    s["AuditFinding"] = closed({
        "case": STRING, "kind": {"type": "string", "enum": ["missing-evidence", "duplicate-identifier",
                                                            "commissioned-before-inspection", "recorded-late"]},
        "field": nullable(STRING), "event": nullable(INTEGER), "otherCases": array(STRING), "text": STRING,
    })
    s["StageDates"] = closed({"stage": STRING, "entered": CIVIL_DATE, "left": nullable(CIVIL_DATE)})
    s["VoteSummary"] = closed({"passes": BOOLEAN, "agreeingOwners": INTEGER, "participatingOwners": INTEGER, "totalOwners": INTEGER})
    s["CommissionedCase"] = closed({
        "id": STRING, "workflow": STRING, "address": nullable(STRING), "district": nullable(STRING),
        "unit": nullable(STRING), "homes": nullable(INTEGER), "helper": nullable(STRING), "commissionedOn": CIVIL_DATE,
        "stages": array(ref("StageDates")), "workingDays": nullable(INTEGER), "suspendedDays": INTEGER,
        "useRegistrationNo": nullable(STRING), "registrationCode": nullable(STRING), "equipmentCode": nullable(STRING),
        "vote": nullable(ref("VoteSummary")), "subsidyAmount": nullable(STRING), "subsidyPaidOn": nullable(STRING),
    })
    s["DistrictTotal"] = closed({"district": nullable(STRING), "elevators": INTEGER, "homes": INTEGER, "subsidy": STRING})
    s["CommissionedReport"] = closed({
        "asOf": CIVIL_DATE, "auditCheckpoint": nullable(ref("AuditCheckpointStanding")), "auditHead": ref("AuditHead"),
        "cases": array(ref("CommissionedCase")), "districts": array(ref("DistrictTotal")),
        "findings": array(ref("AuditFinding")), "notes": array(STRING), "total": ref("DistrictTotal"),
        "workflow": nullable(STRING), "year": INTEGER,
    }, description="`report commissioned --format json`.")
    s["AuditCheckpointCheck"] = closed({"number": INTEGER, "sequence": INTEGER, "hash": STRING, "signedAt": STRING,
                                        "matches": BOOLEAN, "problem": nullable(STRING), "signature": STRING})
    s["ExpectedHeadCheck"] = closed({"sequence": INTEGER, "hash": STRING, "matches": BOOLEAN, "problem": nullable(STRING)})
    s["AuditVerification"] = closed({
        "ok": BOOLEAN, "events": INTEGER, "head": STRING, "brokenAt": nullable(INTEGER), "brokenCase": nullable(STRING),
        "brokenType": nullable(STRING), "problem": nullable(STRING), "checkpoints": array(ref("AuditCheckpointCheck")),
        "expectedHead": nullable(ref("ExpectedHeadCheck")), "advice": nullable(STRING),
    }, description="`audit verify --json`: a chain that does not hold is still a 200 whose `ok` is false.")

    # Catalog.
    s["WorkflowSummary"] = closed({"id": STRING, "version": INTEGER, "title": STRING, "file": STRING})
    s["WorkflowField"] = closed({"name": STRING, "title": STRING, "type": STRING, "values": nullable(array(STRING)),
                                 "requiredFrom": nullable(STRING)})
    s["WorkflowTransition"] = closed({"name": STRING, "to": STRING, "roles": array(STRING), "requires": array(STRING),
                                      "guard": nullable(STRING), "vote": BOOLEAN})
    s["WorkflowStage"] = closed({
        "id": STRING, "title": STRING, "roles": array(STRING), "deadline": nullable(STRING), "minimum": nullable(STRING),
        "milestones": array(STRING), "terminal": BOOLEAN, "objections": BOOLEAN, "voteRule": nullable(array(STRING)),
        "transitions": array(ref("WorkflowTransition")),
    })
    s["Workflow"] = closed({"id": STRING, "version": INTEGER, "title": STRING, "calendar": STRING, "target": INTEGER,
                            "fields": array(ref("WorkflowField")), "stages": array(ref("WorkflowStage"))},
                           description="`workflow show --format json`.")
    s["Holiday"] = closed({"name": STRING, "from": CIVIL_DATE, "to": CIVIL_DATE, "days": INTEGER})
    s["MakeUpDay"] = closed({"date": CIVIL_DATE, "for": STRING})
    s["CalendarYear"] = closed({"calendar": STRING, "year": INTEGER, "provisional": BOOLEAN, "file": nullable(STRING),
                                "holidays": array(ref("Holiday")), "makeUpWorkingDays": array(ref("MakeUpDay"))},
                               description="`calendar show YEAR --json`.")

    # People and credentials.
    s["Person"] = closed({"name": STRING, "role": ROLE, "district": nullable(STRING), "active": BOOLEAN})
    s["TokenEntry"] = closed({"label": STRING, "createdAt": TIMESTAMP, "revoked": BOOLEAN}, {"expiresOn": CIVIL_DATE})
    s["IssuedToken"] = closed({"token": STRING, "label": STRING}, {"expiresOn": CIVIL_DATE},
                              description="The token is shown once; only its SHA-256 is kept.")
    return s


def request_schemas():
    """The JSON bodies the API accepts."""
    at = {"type": "string", "description": "When it happened, YYYY-MM-DD or YYYY-MM-DDTHH:MM (China Standard Time); default now."}
    note = {"type": "string"}
    expected = {"type": "integer", "description": "The case version the write was decided on (as If-Match); 412 when the case moved on."}
    fields = {"type": "object", "additionalProperties": {"type": "string"}, "description": "Field values by field name."}
    move = {"note": note, "at": at, "expectedVersion": expected}
    s = {}
    s["SignIn"] = open_object({"name": STRING, "password": STRING})
    s["OpenCase"] = open_object({}, {"workflow": STRING, "id": STRING, "fields": fields, "note": note, "at": at})
    s["Advance"] = open_object({}, {"to": {"type": "string", "description": "The target stage or transition name."},
                                    "fields": fields, **move})
    s["SetFields"] = open_object({}, {"fields": fields, **move})
    s["ClearFields"] = open_object({}, {"fields": array(STRING), **move})
    s["Assign"] = open_object({}, {"helper": STRING, "anyDistrict": BOOLEAN, **move})
    s["Classify"] = open_object({}, {"priority": PRIORITY, "difficulty": DIFFICULTY, **move})
    s["Suspend"] = open_object({}, {"reason": SUSPENSION_REASON, **move})
    s["Resume"] = open_object({}, dict(move))
    s["Withdraw"] = open_object({}, {"reason": STRING, **move})
    s["Note"] = open_object({"text": STRING}, {"at": at, "expectedVersion": expected})
    s["RecordHome"] = open_object({"home": STRING, "floor": INTEGER, "area": {"type": "string", "description": "m², e.g. 89.53"},
                                   "owner": STRING}, {"at": at})
    s["CastBallot"] = open_object({"vote": BALLOT_CHOICE}, {"home": STRING, "owner": STRING, "at": at},
                                  description="Give `home`, or `owner` to cast the ballot for every home they own.")
    s["RaiseObjection"] = open_object({"from": STRING, "text": STRING}, {"at": at})
    s["ResolveObjection"] = open_object({"outcome": OBJECTION_OUTCOME}, {"note": note, "at": at})
    s["AddPerson"] = open_object({"name": STRING, "role": ROLE}, {"district": STRING})
    s["SetPassword"] = open_object({"password": {"type": "string", "minLength": 10}})
    s["IssueToken"] = open_object({}, {"label": STRING, "expiresOn": CIVIL_DATE})
    return s
