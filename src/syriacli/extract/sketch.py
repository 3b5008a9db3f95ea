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
#: A sentence hash's size: four bytes, stored as SQLite's four-byte integer (eight were a
#: third more of the table and its index). Two unrelated sentences of a 100,000-article
#: corpus may share a hash, a few hundred pairs of them; a reprint needs three shared hashes
#: and half its sketch (reprints.MIN_SHARED), which chance does not give.
HASH_BYTES = 4


def sketch(sentences: list[Sentence]) -> list[int]:
    """The article's sketch: the :data:`SKETCH_SIZE` smallest sentence hashes."""
    hashes = set()
    for sentence in sentences:
        # the clean text has one space between words and folded quotes and dashes
        if sentence.text.count(" ") >= SENTENCE_WORDS - 1:
            digest = hashlib.blake2b(sentence.text.lower().encode(),
                                     digest_size=HASH_BYTES).digest()
            hashes.add(int.from_bytes(digest, "big", signed=True))
    return sorted(hashes)[:SKETCH_SIZE]
