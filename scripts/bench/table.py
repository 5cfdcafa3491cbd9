#!/usr/bin/env python3
"""Renders retrofit-bench JSON as the Markdown tables of BENCHMARKS.md: python3 scripts/bench/table.py bench.json"""
import json
import sys


def ms(value):
    if value is None:
        return "-"
    return f"{value:,.1f} ms" if value < 10_000 else f"{value / 1000:,.1f} s"


def rate(value):
    return "-" if value is None else f"{value:,.0f} ev/s"


def main(path):
    report = json.load(open(path))
    machine = report["machine"]
    print(f"Run: `{report['command']}` — {report['startedAt']} to {report.get('finishedAt', '?')}")
    print(f"Machine: {machine['nproc']} cores, {machine['cpuModel']}, {machine['memoryGB']} GB, Linux {machine['kernel']}, "
          f"sqlite3 {machine['sqliteShell']}, load average at start {machine['loadAverageAtStart']}")
    print(f"Data: `retrofit demo {report['demoOptions']}`; binaries: "
          + ", ".join(f"{k} = `{v}`" for k, v in sorted(report["binaries"].items())))
    print()
    print("| scale | benchmark | kind | retrofit | sqlite3, same work | retrofit ÷ sqlite3 | peak MB | notes |")
    print("|---|---|---|---|---|---|---|---|")
    for r in report["results"]:
        name = r["name"] + (f" [{r['binary']}]" if r.get("binary") else "")
        if r["status"] != "ok":
            print(f"| {r['scale']} | {name} | {r['kind']} | {r['status'].upper()} | | | | {r.get('note', '')[:160]} |")
            continue
        if r.get("eventsPerSecond"):
            mine = f"{r['seconds']:.2f} s, {rate(r['eventsPerSecond'])}"
        else:
            mine = ms(r.get("perOperationMs"))
        sqlite = r.get("sqlite")
        if sqlite:
            theirs = f"{sqlite['seconds']:.2f} s, {rate(sqlite['eventsPerSecond'])}" if sqlite.get("eventsPerSecond") else ms(sqlite.get("perOperationMs"))
            theirs += f" ({sqlite['peakMB']:.0f} MB)"
        else:
            theirs = "-"
        ratio = f"×{r['ratio']:.2f}" if r.get("ratio") is not None else "-"
        if r["name"] == "long-case-advance":
            ratio += " of fresh"
        peak = f"{r['peakMB']:.1f}" if r.get("peakMB") is not None else "-"
        notes = []
        if r.get("events"):
            notes.append(f"{r['events']:,} events")
        if r.get("rows") is not None:
            notes.append(f"{r['rows']:,} rows")
        if r.get("operations") and r["operations"] > 1:
            notes.append(f"{r['operations']} " + ("transactions" if r["name"] == "bulk-append" else "runs (median)" if r["kind"] == "cli" or r["name"] in ("overdue", "queue", "long-case-advance") else "advances"))
        print(f"| {r['scale']} | {name} | {r['kind']} | {mine} | {theirs} | {ratio} | {peak} | {'; '.join(notes)} |")
    print()
    print("| target (issue 7) | measured | met |")
    print("|---|---|---|")
    for t in report["targets"]:
        met = {True: "yes", False: "**no**", None: "not measured"}[t.get("met")]
        print(f"| {t['target']} | {t['measured']} | {met} |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".build/bench/bench.json")
