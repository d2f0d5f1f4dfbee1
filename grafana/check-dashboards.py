#!/usr/bin/env python3
"""Checks that every query of every Grafana dashboard panel returns data from a real Prometheus.

    grafana/check-dashboards.py [--prometheus http://127.0.0.1:9090] [--timeout 120] [DASHBOARD.json ...]

Each panel target's expr is sent to /api/v1/query until it returns at least one series with a
number (NaN and +-Inf do not count) or the timeout passes; then the check fails, naming the
dashboard, the panel and the query. Exits 0 when every query has data.
"""
import argparse
import glob
import json
import math
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


def query(prometheus, expr):
    url = prometheus.rstrip("/") + "/api/v1/query?" + urllib.parse.urlencode({"query": expr})
    with urllib.request.urlopen(url, timeout=10) as resp:
        body = json.load(resp)
    if body.get("status") != "success":
        raise ValueError(body.get("error", "query failed"))
    result = body["data"]["result"]
    if body["data"]["resultType"] == "scalar":
        result = [{"metric": {}, "value": result}]
    return [r for r in result if math.isfinite(float(r["value"][1]))]


def panels(dashboard):
    for p in dashboard.get("panels", []):
        if p.get("type") == "row":
            yield from p.get("panels", [])
        else:
            yield p


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--prometheus", default="http://127.0.0.1:9090")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds a query may take to have data")
    ap.add_argument("dashboards", nargs="*", default=sorted(glob.glob(os.path.join(here, "dashboards", "*.json"))))
    args = ap.parse_args()
    if not args.dashboards:
        sys.exit("check-dashboards: no dashboards given or found")

    checks = []
    for path in args.dashboards:
        with open(path) as f:
            d = json.load(f)
        for p in panels(d):
            targets = [t for t in p.get("targets", []) if t.get("expr")]
            if not targets:
                sys.exit(f"check-dashboards: {d['title']} / {p.get('title')}: panel has no Prometheus query")
            for t in targets:
                checks.append((d["title"], p["title"], t["refId"], t["expr"]))

    deadline = time.monotonic() + args.timeout
    pending = list(checks)
    counts = {}
    errors = {}
    while pending:
        still = []
        for c in pending:
            try:
                series = query(args.prometheus, c[3])
            except (urllib.error.URLError, ValueError, OSError) as e:
                errors[c] = str(e)
                series = []
            if series:
                counts[c] = len(series)
                errors.pop(c, None)
            else:
                still.append(c)
        pending = still
        if pending:
            if time.monotonic() > deadline:
                break
            time.sleep(5)

    for c in checks:
        if c in counts:
            print(f"ok    {c[0]} / {c[1]} [{c[2]}]: {counts[c]} series")
    for c in pending:
        why = errors.get(c, "no data")
        print(f"FAIL  {c[0]} / {c[1]} [{c[2]}]: {why}: {c[3]}", file=sys.stderr)
    if pending:
        sys.exit(f"check-dashboards: {len(pending)} of {len(checks)} panel queries returned no data")
    print(f"check-dashboards: all {len(checks)} panel queries of {len(args.dashboards)} dashboards return data")


if __name__ == "__main__":
    main()
