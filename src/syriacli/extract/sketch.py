"""What near-identical articles share: a small sketch of their sentences.

A wire story reprinted by several sites keeps its sentences and changes its page
furniture (headline, credits, a line or two). The sketch of an article is the
smallest hashes of its longer sentences, each in lower case; two
articles whose sketches share most of their hashes tell (mostly) the same sentences
(a bottom-k sketch: the same sentences give the same smallest hashes, whatever order
or furniture surrounds them).
"""
from __future__ import annotations

import hashlib

from .sentences import Sentence

#: Hashes kept per article, and the words a sentence needs to count (short ones,
#: "He said so.", are shared by unrelated articles).
SKETCH_SIZE, SENTENCE_WORDS = 16, 8


def sketch(sentences: list[Sentence]) -> list[int]:
    """The article's sketch: the :data:`SKETCH_SIZE` smallest sentence hashes."""
    hashes = set()
    for sentence in sentences:
        # the clean text has one space between words and folded quotes and dashes
        if sentence.text.count(" ") >= SENTENCE_WORDS - 1:
            digest = hashlib.blake2b(sentence.text.lower().encode(), digest_size=8).digest()
            hashes.add(int.from_bytes(digest, "big", signed=True))  # fits SQLite's integer
    return sorted(hashes)[:SKETCH_SIZE]
