"""The status page's HTML, from one status record: plain forms, no scripts, readable on a phone."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from installation.core.timeutil import format_duration

REFRESH_SECONDS = 5  # the page (and its picture) reload themselves this often
VOLUME_STEPS = (0.0, 0.25, 0.5, 0.75, 1.0)
NUDGE = 0.1
STYLE = """
body{font:16px/1.45 system-ui,sans-serif;margin:0;background:#101014;color:#e2dcd0}
main{max-width:42rem;margin:auto;padding:1rem}
h1{font-size:1.2rem;font-weight:400;letter-spacing:.08em;margin:.2rem 0 .8rem}
.now{font:600 2.4rem/1 ui-monospace,monospace;color:#fff}
.mode{color:#ff3ca0;margin-left:.5rem;font-size:1rem}
img{width:100%;height:auto;border:1px solid #333;margin:.8rem 0;background:#000}
table{width:100%;border-collapse:collapse}
th{text-align:left;font-weight:400;color:#8c8882;padding:.25rem .6rem .25rem 0;
   vertical-align:top;white-space:nowrap}
td{padding:.25rem 0}
.bad{color:#ff6b5a}.ok{color:#7fd39a}
form{display:flex;flex-wrap:wrap;gap:.4rem;margin:.6rem 0}
button{font:inherit;padding:.6rem .9rem;min-width:3.2rem;border:1px solid #555;
       border-radius:.4rem;background:#24242c;color:#fff}
button.on{border-color:#ff3ca0}
.label{align-self:center;color:#8c8882;min-width:4.2rem}
pre{white-space:pre-wrap;font-size:.8rem;color:#c9b8a8;margin:.2rem 0}
footer{color:#8c8882;font-size:.85rem;margin-top:1rem}
"""


def _text(value: Any) -> str:
    return "—" if value is None or value == "" else escape(str(value))


def _in(seconds: Any) -> str:
    return f" (in {format_duration(float(seconds))})" if isinstance(seconds, int | float) else ""


def _rows(status: Mapping[str, Any]) -> list[tuple[str, str]]:
    reload = status.get("last_reload") or {}
    reload_text = "—"
    if reload:
        verdict = '<span class="ok">ok</span>' if reload.get("ok") else \
            '<span class="bad">refused</span>'
        error = f"<pre>{escape(str(reload['error']))}</pre>" if reload.get("error") else ""
        reload_text = f"{verdict} {_text(reload.get('summary'))}{error}"
    warnings = status.get("warnings") or []
    underruns = status.get("audio_underruns")
    loudness = status.get("loudness_db")
    return [
        ("scene", _text(status.get("scene"))),
        ("next scene", _text(status.get("next_scene")) + _in(status.get("next_scene_in"))),
        ("next cue", _text(status.get("next_cue")) + _in(status.get("next_cue_in"))),
        ("countdown", _text(status.get("countdown"))),
        ("frames", f"{_text(status.get('fps'))} fps, p95 "
                   f"{_text(status.get('frame_time_p95_ms'))} ms"),
        ("sound", f"{_text(status.get('audio'))}, underruns "
                  + (f'<span class="bad">{underruns}</span>' if underruns else _text(underruns))
                  + (f", {loudness:.1f} dBFS" if isinstance(loudness, int | float) else "")),
        ("volume", f"{volume:.0%}" if isinstance(volume := status.get("volume"), int | float)
         else "—"),
        ("hours", _text((status.get("hours") or {}).get("state"))),
        ("last reload", reload_text),
        ("warnings", "<br>".join(f'<span class="bad">{escape(str(w))}</span>'
                                 for w in warnings[-5:]) or "none"),
    ]


def _button(value: str, label: str, on: bool) -> str:
    return f'<button name="value" value="{value}"{" class=on" if on else ""}>{label}</button>'


def _buttons(status: Mapping[str, Any]) -> str:
    """Volume (presets, and a step down and up from now) and the overlay, as plain forms."""
    volume = status.get("volume")
    level = float(volume) if isinstance(volume, int | float) else None
    presets = [_button(f"{v:g}", f"{v:.0%}", level is not None and abs(v - level) < 1e-6)
               for v in VOLUME_STEPS]
    nudges = [] if level is None else [
        _button(f"{max(0.0, level - NUDGE):.2f}", "−", False),
        _button(f"{min(1.0, level + NUDGE):.2f}", "+", False)]
    shown = status.get("overlay")
    overlay = [_button("1", "show", shown is True), _button("0", "hide", shown is False)]
    return (f'<form method="post" action="/volume" aria-label="volume">'
            f'<span class="label">volume</span>{"".join(nudges[:1] + presets + nudges[1:])}'
            f'</form><form method="post" action="/overlay" aria-label="operator overlay">'
            f'<span class="label">overlay</span>{"".join(overlay)}</form>')


def page(status: Mapping[str, Any]) -> str:
    """The whole page for one status record (any key may be missing: it shows a dash)."""
    stamp = escape(str(status.get("written_at", "")))
    mode = status.get("mode")
    mode_html = f'<span class="mode">{escape(str(mode))}</span>' if mode and mode != "play" \
        else ""
    rows = "".join(f"<tr><th>{name}</th><td>{value}</td></tr>" for name, value in _rows(status))
    uptime = status.get("uptime_seconds")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="{REFRESH_SECONDS}">
<title>Miracle Mile — {_text(status.get("story_time"))}</title>
<style>{STYLE}</style></head>
<body><main>
<h1>MIRACLE MILE</h1>
<div><span class="now">{_text(status.get("story_time"))}</span>{mode_html}</div>
<img src="/frame.png?at={stamp}" alt="the picture the show draws now">
<table>{rows}</table>
{_buttons(status)}
<footer>up {format_duration(float(uptime)) if isinstance(uptime, int | float) else "—"}
 · version {_text(status.get("version"))} · {_text(status.get("timeline"))}
 · this page reloads every {REFRESH_SECONDS} s</footer>
</main></body></html>
"""


def token_page() -> str:
    return ("<!doctype html><meta charset=utf-8><title>401</title>"
            "<p>This page needs the token from the show's config.toml "
            "(<code>[remote] token</code>): open it as <code>/?token=...</code>.</p>\n")


def refused_page(action: str, expected: str, found: str) -> str:
    return (f"<!doctype html><meta charset=utf-8><title>400</title>"
            f"<p>{escape(action)}: expected {escape(expected)}; found {escape(found)}. "
            f'<a href="/">Back</a></p>\n')
