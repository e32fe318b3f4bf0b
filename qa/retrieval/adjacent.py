"""Neighbouring passages of one document, both among the hits, shown as one excerpt.

A passage holds at most `max_words` words (qa/config.py), so a finding and the sentence that places it often fall
into neighbouring passages: "It was reported that between 10 and 21 October 2022 a full inspection ... was completed"
and, next, "Good ratings were received for ...". The first draws the question's place and date, the second holds the
answer. When both rank among the hits, the lower-ranked scoring at least `ratio` of the other's score, they are shown
as one excerpt in document order (still a verbatim slice, cited by both's paragraphs) where the higher stood: the
reader sees the finding with what places it. The answer then shows fewer, longer excerpts of the same passages: no
passage beyond those it would have shown is drawn in.

Only two passages join (an excerpt stays under about twice a passage's length), only within one group of the answer
(those leading it, those meeting the filters, those shown apart below them: the caller joins each group alone), and
never across text that cleaning removed between them (a neighbouring post, a page's furniture). The joined passage's
id names both ("doc#2+3"); its heading path is what the two share.
"""
from __future__ import annotations

from dataclasses import replace

from qa.datatypes import Hit, Passage
from qa.index.store import Index
from qa.passages.split import gap_between, gap_points, join_passages


def neighbours(index: Index, hit: Hit, other: Hit) -> tuple[Passage, Passage] | None:
    """The two passages in document order when `other`'s is just before or after `hit`'s, nothing cut between."""
    if other.document.doc_id != hit.document.doc_id:
        return None
    a, b = index.row_of(hit.passage.passage_id), index.row_of(other.passage.passage_id)
    if a is None or b is None or abs(a - b) != 1:
        return None
    first, second = sorted((hit.passage, other.passage), key=lambda p: p.start)
    return None if gap_between(gap_points(hit.document), first, second) else (first, second)


def _shared_headings(a: list[str], b: list[str]) -> list[str]:
    shared = []
    for x, y in zip(a, b):
        if x != y:
            break
        shared.append(x)
    return shared


def join_neighbours(hits: list[Hit], index: Index, ratio: float) -> list[Hit]:
    """`hits` (one group of an answer, best first) with each passage joined to a neighbour ranked below it that
    scores at least `ratio` of its score (`ratio` not above 0: none joined). The joined hit keeps the higher one's
    place, score and labels, and what both were also reported in."""
    if not ratio > 0:  # (NaN too)
        return hits
    joined: list[Hit] = []
    taken: set[int] = set()
    for i, hit in enumerate(hits):
        if id(hit) in taken:
            continue
        taken.add(id(hit))
        for other in hits[i + 1:]:
            if id(other) in taken or not hit.score > 0 or not other.score >= ratio * hit.score:
                continue
            if (pair := neighbours(index, hit, other)) is None:
                continue
            first, second = pair
            passage = replace(join_passages(first, second, hit.document),
                              passage_id=f"{first.passage_id}+{second.passage_id.rsplit('#', 1)[-1]}",
                              headings=_shared_headings(first.headings, second.headings))
            hit.passage = passage  # (in place: the answer's groups hold the hits by identity)
            hit.also_reported_in += [r for r in other.also_reported_in if r not in hit.also_reported_in]
            taken.add(id(other))
            break
        joined.append(hit)
    return joined
