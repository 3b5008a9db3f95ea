"""Where a reported-speech frame runs: the layout of an article that decides which
sentences speak for a source named elsewhere.

News copy names its source once and lets the next sentences lean on it. The rules, in the
order claimants.py tries them after a sentence's own cue and quotation:

1. ``frame``: inside a paragraph, a sentence without a source of its own continues the
   nearest earlier sentence of the paragraph that has one ("X said 40 were killed.
   Another 25 were wounded."). Across a paragraph break the frame runs on only where the
   page says so: after a lead-in ending in a colon ("According to the ministry:"), the
   next paragraph and every list item after it ("- 31 militants", "• 12 vehicles", "1. 4");
   and into a paragraph that opens by going on ("Another 25 were wounded.", "Among the
   dead were 12 children."), as wire copy gives each sentence a paragraph. A sentence
   that states background ("before the war", "was home to") never inherits, and a stance
   ("X said Turkey would respond") opens no frame for the sentences after it.
2. ``label``: a paragraph that opens with a speaker's label ("Igor Konashenkov: Over the
   week ...") speaks for that speaker, and so does every paragraph up to the next label,
   in a transcript (a page with more than one label: "Q:" counts).
3. ``lede``: a figure of the headline, standfirst or lede with no source takes the first
   source the next paragraphs name: the body attributes what the top summarises.
4. ``document``: a page that presents itself as one source's text ("Press briefing by
   ...", "Statement of the ...") speaks for that source wherever nobody else is named.

Pure functions of the text and its sentences; who a name is stays speakers.py's business.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

from .. import vocab
from .mentions import ARTICLE_PARTICLE, CUES
from .sentences import Sentence

FRAMES = CUES["frames"]

#: A list item: a bullet, a dash or a number with its stop, then the item's words.
LIST_ITEM = re.compile(r"^\s*(?:[-–—•*·▪►]|\d{1,2}[.)])\s+\S")
#: "Igor Konashenkov: Over the past week ...": a capitalised name of up to six words and a
#: colon open the paragraph (a time, "Note:" or "Photo:" is no speaker: speakers.py says).
LABEL_STOPS = frozenset(FRAMES["label_stops"])
LABEL = re.compile(r"^\s*(?P<label>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|"
                   rf"{ARTICLE_PARTICLE}[A-Z][\w'’-]*"
                   r"|of|the|for|bin|de)){0,6})"
                   # asides before the colon, as a verbatim record prints them:
                   # "Mr. Kuznetsov (Russian Federation) (spoke in Russian):"
                   r"(?:\s*\([^()\n]{1,40}\))*\s*:\s+(?=\S)")
#: What a list's key heads, not a speaker's words: a count and what it counts, alone on its
#: line ("Hay'at Tahrir al-Sham: 3 civilians", "Idlib: about 40 families").
TALLY_ITEM = re.compile(r"(?:(?:about|some|at least|over|nearly)\s+)?\d[\d,.]*(?:\s+[\w'’-]+){0,4}"
                        r"\s*[.;]?\s*$")
STANCE = re.compile(rf"\b(?:{vocab.alternation(FRAMES['stance'])})\b")  # "May" is a month
#: A paragraph that opens by going on with the last ("Another 25 were wounded.").
CONTINUATION = re.compile(rf"^\W*(?:{vocab.alternation(FRAMES['continuations'])})\b", re.I)
#: A lasting state told in the present near the sentence's start ("Russia keeps ...").
LASTING_STATE = re.compile(rf"^\W*(?:[\w'’-]+\s+){{1,6}}?"
                           rf"(?:{vocab.alternation(FRAMES['lasting_states'])})\b")
BACKGROUND = re.compile(rf"\b(?:{vocab.alternation(FRAMES['background'])})\b", re.I)
DOCUMENT = re.compile(rf"\b(?:{vocab.alternation(FRAMES['document_kinds'])})\s+(?:by|of|from)\s+"
                      r"(?P<np>[^.:;\n]{3,120})", re.I)
#: "Turkish Defense Ministry statement on ...": the source before the kind, in a title.
DOCUMENT_AFTER = re.compile(rf"^\s*(?P<np>[A-Z][^:.;\n]{{2,80}}?)\s+"
                            rf"(?i:{vocab.alternation(FRAMES['document_kinds'])})\b")
#: "Syrian Observatory for Human Rights: daily report, 14 November": a title that labels
#: the page with its source and what it is.
_LABELLED_KINDS = vocab.alternation(FRAMES["document_kinds"] + ["report", "update"])
DOCUMENT_LABEL = re.compile(rf"^\s*(?P<np>[A-Z][^:.;\n]{{2,80}}?):\s+(?:[a-z]+\s+)?"
                            rf"(?i:{_LABELLED_KINDS})\b")
#: How many paragraphs the headline, standfirst and lede make, and how many after them a
#: lede's source may be named in.
LEDE_PARAGRAPHS = 3
LEDE_REACH = 2
#: How many paragraphs from the top a page names itself in ("Press briefing by ...").
DOCUMENT_PARAGRAPHS = 2
#: How far into a title its kind may stand ("Full text: press briefing by ...").
TITLE_LEAD = 40


@dataclass(frozen=True)
class Layout:
    """The paragraphs of an article as sentence indexes, and what each paragraph is."""

    paragraph_of: list[int]          # sentence index -> paragraph number
    first_sentence: list[int]        # paragraph number -> index of its first sentence
    list_items: frozenset[int]       # paragraphs written as list items
    labels: dict[int, str | None]    # paragraph -> the speaker label opening it (None: "Q:")

    def same_paragraph(self, a: int, b: int) -> bool:
        return self.paragraph_of[a] == self.paragraph_of[b]

    def siblings(self, a: int, b: int) -> bool:
        """Are sentences ``a`` and ``b`` in two items of a list?"""
        pa, pb = self.paragraph_of[a], self.paragraph_of[b]
        return pa != pb and pa in self.list_items and pb in self.list_items

    def in_lede(self, index: int) -> bool:
        return self.paragraph_of[index] < LEDE_PARAGRAPHS

    def lede_reach(self) -> int:
        """The first sentence after the paragraphs a lede's source may be named in."""
        end = LEDE_PARAGRAPHS + LEDE_REACH
        return self.first_sentence[end] if end < len(self.first_sentence) \
            else len(self.paragraph_of)

    def label_for(self, index: int) -> str | None:
        """The speaker label in force at sentence ``index``: the nearest opening its
        paragraph or an earlier one. A page with one label is no transcript ("SNHR: 40
        killed in March" as a headline): its label holds for its own paragraph only."""
        para = self.paragraph_of[index]
        opened = [p for p in self.labels if p <= para]
        if not opened or len(self.labels) == 1 and opened[0] != para:
            return None
        return self.labels[max(opened)]


def layout(text: str, sentences: list[Sentence], speaks: Callable[[str], bool],
           items: Collection[int] = ()) -> Layout:
    """The paragraphs of ``text``; ``speaks`` tells a speaker's label ("Igor Konashenkov:")
    from a list item's key ("Idlib: 23 civilians killed"), and so does what follows it: a
    count alone on its line is a list's ("Syrian Democratic Forces: 9 civilians").
    ``items``: where list items start whose marker cleaning took off (clean.py)."""
    items = frozenset(items)
    paragraph_of: list[int] = []
    first_sentence: list[int] = []
    list_items: set[int] = set()
    labels: dict[int, str | None] = {}
    previous_end = 0
    for i, s in enumerate(sentences):
        if i == 0 or "\n" in text[previous_end:s.start]:
            para = len(first_sentence)
            first_sentence.append(i)
            line_end = text.find("\n", s.start)
            line = text[s.start:len(text) if line_end < 0 else line_end]
            label = LABEL.match(line) if ":" in line else None   # its colon: a fast test first
            name = _label_name(label.group("label")) if label else None
            if s.start in items or LIST_ITEM.match(line) or label and (name and not speaks(name) or
                                                   TALLY_ITEM.match(line, label.end())):
                list_items.add(para)
            elif label:
                labels[para] = name
        paragraph_of.append(len(first_sentence) - 1)
        previous_end = s.end
    return Layout(paragraph_of, first_sentence, frozenset(list_items), labels)


def _label_name(label: str) -> str | None:
    """A label's name as a name is written ("LAVROV" -> "Lavrov"); None for "Q" or "Note"."""
    if label.lower() in LABEL_STOPS:
        return None
    return label.title() if label.isupper() and len(label) > 3 else label


def runs_on(sentences: list[Sentence], shape: Layout, index: int) -> bool:
    """Does the frame of the sentence before ``index`` run on into it across a paragraph
    break? After a lead-in's colon, into a paragraph that opens by going on, and from one
    list item, or its lead-in, to the next."""
    before = sentences[index - 1].text.rstrip()
    para = shape.paragraph_of[index]
    if before.endswith(":") or CONTINUATION.match(sentences[index].text):
        return True
    return para in shape.list_items and (
        shape.paragraph_of[index - 1] in shape.list_items
        or _lead_in_before(sentences, shape, para))


def _lead_in_before(sentences: list[Sentence], shape: Layout, para: int) -> bool:
    """Is the list that ``para`` belongs to introduced by a lead-in ending in a colon?"""
    while para > 0 and para in shape.list_items:
        para -= 1
    return para not in shape.list_items and \
        sentences[shape.first_sentence[para + 1] - 1].text.rstrip().endswith(":")


def background(sentence: str) -> bool:
    """A sentence that states background ("The town was home to 40,000 people before the
    war", "Russia keeps two bases in Syria") is nobody's claim, whatever frame it stands in."""
    return bool(BACKGROUND.search(sentence) or LASTING_STATE.match(sentence))


def stance(reported: str) -> bool:
    """Is a reported clause a stance ("Turkey would respond to any attack") rather than a
    report of facts? A stance's frame does not carry the sentences after it."""
    return bool(STANCE.search(reported))


def document_source(sentences: list[Sentence], shape: Layout) -> str | None:
    """The source a page presents itself as, as written, from a title line of its first
    paragraphs ("Press briefing by the Russian Defence Ministry spokesman ...", "Statement
    of the Russian Centre for Reconciliation"); None for an ordinary article. A title is a
    paragraph of one sentence without a full stop: a sentence that cites a statement is
    no title."""
    for para in range(min(DOCUMENT_PARAGRAPHS, len(shape.first_sentence))):
        first = shape.first_sentence[para]
        title = sentences[first].text
        whole = first + 1 == len(sentences) or shape.paragraph_of[first + 1] != para
        if not whole or title.endswith("."):
            continue
        m = DOCUMENT.search(title)
        if m and m.start() < TITLE_LEAD:
            return m.group("np").strip(" ,\"“”'")
        m = DOCUMENT_AFTER.match(title) or DOCUMENT_LABEL.match(title)
        if m:
            return m.group("np")
    return None
