"""How a claimed value is written for a reader: "~7,000 sorties", ">50%", "2–5 km".

Below the views that show claims (views.py, chart.py, annotate.py), so they share it
without importing one another.
"""
from __future__ import annotations

#: The mark written before a value for its qualifier ("over 7,000" is ">7,000").
QUALIFIER_MARK = {
    "over": ">",
    "about": "~",
    "at least": "≥",
    "up to": "≤",
    "nearly": "≲",
    "under": "<",
}


def value_label(claim: dict) -> str:
    unit = f" {claim['unit']}" if claim.get("unit") and claim["unit"] != "percent" else ""
    pct = "%" if claim.get("unit") == "percent" else ""
    if claim.get("value") is None and claim.get("low") is not None:
        return f"{number_label(claim['low'])}–{number_label(claim['high'])}{pct}{unit}"
    if claim.get("qualifier") == "vague":
        return f"{claim.get('text') or number_label(claim['value'])} (vague)"
    mark = QUALIFIER_MARK.get(claim.get("qualifier") or "exact", "")
    return f"{mark}{number_label(claim['value'])}{pct}{unit}"


def number_label(value) -> str:
    if value is None:
        return "?"
    return (
        f"{value:,.0f}"
        if float(value).is_integer() or value >= 100
        else f"{value:,.2f}".rstrip("0").rstrip(".")
    )
