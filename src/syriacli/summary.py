"""An event's summary: its clause (the part of its sentence that holds its date, see
extract.events.clause_span) trimmed of attribution and cut to a line a reader can scan.

The corpus stores the clause's offsets, not the summary (issue #31: the summaries were a
twentieth of a corpus), so every reader makes it with :func:`summarise`: the timeline,
the exports, and Datasette (the SQL function ``syriacli_summary``, store.SUMMARY_FUNCTION).
This module imports nothing of syriacli's: a query command pays only for its regexes.
"""
from __future__ import annotations

import re

#: Attribution filler trimmed from the edges of a summary.
LEADING_FILLER = re.compile(
    r"^(?:however|but|and|also|meanwhile|yet|so|then|instead|in response"
    r"|according to [^,]{1,80})\s*,?\s+",
    re.I,
)
TRAILING_FILLER = re.compile(
    # after a comma anyone may be the source ("officials said", "the monitor said", "the
    # Defence Ministry told RIA Novosti"); without one, a capitalised name ("Akar said")
    r"""(?:[,;]\s*(?:["”']\s*)?(?:[\w.'’-]+\s+){0,6}"""
    r"""|[,;]?\s*(?:["”']\s*)?(?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4}\s+)?)"""
    r"""(?:said|says|reported|added|noted|stated|told [\w ]{1,40})\.?["”']?$"""
)
#: The verbs TRAILING_FILLER ends with: it can only match where one sits near the end
#: (at most "told " + 40 characters + a stop and a quote before it), and trying its
#: end-anchored pattern at every position of every clause was a tenth of extraction.
FILLER_VERB = re.compile(r"said|says|reported|added|noted|stated|told ")
FILLER_REACH = 60
SUMMARY_LENGTH = 160


def summarise(clause: str) -> str:
    """The summary of an event whose clause this is."""
    text = LEADING_FILLER.sub("", clause.strip())
    near_end = FILLER_VERB.search(text, max(0, len(text) - FILLER_REACH))
    trimmed = TRAILING_FILLER.sub("", text) if near_end else text
    text = trimmed if len(trimmed) >= 25 else text
    text = text.strip(" ,;:")
    if len(text) > SUMMARY_LENGTH:
        cut = text.rfind(" ", 0, SUMMARY_LENGTH - 1)
        text = text[: cut if cut > 0 else SUMMARY_LENGTH - 1].rstrip(" ,;:") + "…"
    return text[:1].upper() + text[1:]
