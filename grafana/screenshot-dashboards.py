#!/usr/bin/env python3
"""Renders each Grafana dashboard's panels from a real Prometheus and captures them with Chromium.

    grafana/screenshot-dashboards.py [--prometheus http://127.0.0.1:9090] [--out docs/dashboards] [--range 15m]

Grafana cannot run here, so this draws what a Grafana panel would: every target of every panel is
queried with /api/v1/query_range over the range, drawn as lines (legend from the target's
legendFormat) into an HTML page laid out like the dashboard's grid, and headless Chromium captures
the page as OUT/<dashboard-file>.png. A panel whose queries return nothing is drawn with a red
"no data", so a broken panel shows.
"""
import argparse
import glob
import html
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"]
UNITS = {"s": "s", "currencyUSD": "", "reqps": "/s", "short": ""}


def query_range(prometheus, expr, start, end, step):
    q = urllib.parse.urlencode({"query": expr, "start": start, "end": end, "step": step})
    with urllib.request.urlopen(prometheus.rstrip("/") + "/api/v1/query_range?" + q, timeout=30) as r:
        body = json.load(r)
    if body.get("status") != "success":
        raise ValueError(body.get("error"))
    return body["data"]["result"]


def legend(fmt, metric):
    if not fmt:
        return "{" + ", ".join(f'{k}="{v}"' for k, v in sorted(metric.items())) + "}"
    return re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: metric.get(m.group(1), ""), fmt)


def fmt_value(v, unit):
    if unit == "s":
        for scale, suffix in ((1, "s"), (1e-3, "ms"), (1e-6, "µs")):
            if abs(v) >= scale or scale == 1e-6:
                return f"{v / scale:.3g} {suffix}"
    return f"{v:.3g}{UNITS.get(unit, '')}"


def svg_panel(series, start, end, unit, w, h):
    pad_l, pad_r, pad_t, pad_b = 70, 10, 10, 24
    values = [v for _, pts, _ in series for _, v in pts]
    if not values:
        return (f'<svg width="{w}" height="{h}"><text x="{w / 2}" y="{h / 2}" fill="#c00" '
                f'font-size="20" text-anchor="middle">no data</text></svg>')
    lo, hi = min(values), max(values)
    if lo == hi:
        lo, hi = lo - 1, hi + 1
    span = hi - lo
    lo, hi = lo - 0.05 * span, hi + 0.05 * span
    pw, ph = w - pad_l - pad_r, h - pad_t - pad_b

    def x(t):
        return pad_l + (t - start) / (end - start) * pw

    def y(v):
        return pad_t + (hi - v) / (hi - lo) * ph

    out = [f'<svg width="{w}" height="{h}" font-family="sans-serif" font-size="11">']
    for i in range(5):
        v = lo + (hi - lo) * i / 4
        out.append(f'<line x1="{pad_l}" x2="{w - pad_r}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#e5e5e5"/>')
        out.append(f'<text x="{pad_l - 4}" y="{y(v) + 4:.1f}" text-anchor="end" fill="#555">{html.escape(fmt_value(v, unit))}</text>')
    for i in range(6):
        t = start + (end - start) * i / 5
        anchor = "start" if i == 0 else "end" if i == 5 else "middle"
        out.append(f'<text x="{x(t):.1f}" y="{h - 6}" text-anchor="{anchor}" fill="#555">{time.strftime("%H:%M", time.gmtime(t))}</text>')
    for n, (_, pts, _) in enumerate(series):
        color = COLORS[n % len(COLORS)]
        d, pen = [], "M"
        prev = None
        for t, v in pts:
            if prev is not None and t - prev > 30:
                pen = "M"  # a gap in the data stays a gap
            d.append(f"{pen}{x(t):.1f},{y(v):.1f}")
            pen, prev = "L", t
        out.append(f'<path d="{" ".join(d)}" fill="none" stroke="{color}" stroke-width="1.6"/>')
    out.append(f'<rect x="{pad_l}" y="{pad_t}" width="{pw}" height="{ph}" fill="none" stroke="#bbb"/></svg>')
    return "".join(out)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--prometheus", default="http://127.0.0.1:9090")
    ap.add_argument("--out", default=os.path.join(here, "..", "docs", "dashboards"))
    ap.add_argument("--range", default="15m", help="time range of every panel: 15m, 1h, ...")
    ap.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser") or "chromium")
    args = ap.parse_args()
    m = re.fullmatch(r"(\d+)([smh])", args.range)
    if not m:
        sys.exit(f"screenshot-dashboards: --range must look like 15m, got {args.range}")
    seconds = int(m.group(1)) * {"s": 1, "m": 60, "h": 3600}[m.group(2)]
    os.makedirs(args.out, exist_ok=True)

    end = time.time()
    start = end - seconds
    step = max(1, seconds // 300)
    col_px = 60  # Grafana's grid has 24 columns
    for path in sorted(glob.glob(os.path.join(here, "dashboards", "*.json"))):
        with open(path) as f:
            d = json.load(f)
        cells = []
        bottom = 0
        for p in d["panels"]:
            g = p["gridPos"]
            w, h = g["w"] * col_px - 10, g["h"] * 36 - 10
            series = []
            for t in p.get("targets", []):
                for r in query_range(args.prometheus, t["expr"], start, end, step):
                    pts = [(float(ts), float(v)) for ts, v in r["values"] if math.isfinite(float(v))]
                    if pts:
                        series.append((legend(t.get("legendFormat"), r["metric"]), pts, t["refId"]))
            unit = p.get("fieldConfig", {}).get("defaults", {}).get("unit", "short")
            legend_html = "".join(
                f'<span><i style="background:{COLORS[n % len(COLORS)]}"></i>{html.escape(name)}</span>'
                for n, (name, _, _) in enumerate(series))
            chart = svg_panel(series, start, end, unit, w - 12, h - 70)
            cells.append(
                f'<div class="panel" style="left:{g["x"] * col_px}px;top:{g["y"] * 36 + 48}px;'
                f'width:{w}px;height:{h}px"><h2>{html.escape(p["title"])}</h2>{chart}'
                f'<div class="legend">{legend_html}</div></div>')
            bottom = max(bottom, (g["y"] + g["h"]) * 36 + 48)
        page = os.path.join(tempfile.mkdtemp(prefix="mmlab-shots-"), "dashboard.html")
        with open(page, "w") as f:
            f.write(
                "<!doctype html><html><head><meta charset='utf-8'><style>"
                "body{margin:0;font-family:sans-serif;background:#f4f5f5;position:relative}"
                "h1{font-size:20px;margin:0;padding:12px 10px}"
                ".panel{position:absolute;background:#fff;border:1px solid #d8d9da;padding:4px 6px;"
                "box-sizing:border-box;overflow:hidden}"
                "h2{font-size:14px;margin:2px 0 4px}.legend{font-size:11px;color:#333}"
                ".legend span{margin-right:10px;white-space:nowrap}"
                ".legend i{display:inline-block;width:10px;height:3px;margin-right:4px;vertical-align:middle}"
                "</style></head><body><h1>%s &mdash; last %s from Prometheus (%s UTC)</h1>%s</body></html>"
                % (html.escape(d["title"]), args.range, time.strftime("%Y-%m-%d %H:%M", time.gmtime(end)),
                   "".join(cells)))
        out = os.path.abspath(os.path.join(args.out, os.path.splitext(os.path.basename(path))[0] + ".png"))
        cmd = [args.chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
               f"--window-size={24 * col_px},{bottom + 10}", f"--screenshot={out}", "file://" + page]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
        shutil.rmtree(os.path.dirname(page))
        if r.returncode != 0 or not os.path.isfile(out):
            sys.exit(f"screenshot-dashboards: chromium failed for {d['title']}: {r.stderr[-500:]}")
        print(f"screenshot-dashboards: {d['title']} -> {os.path.relpath(out)}")


if __name__ == "__main__":
    main()
