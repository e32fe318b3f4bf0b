"""Words typed in a hurry, mended before the search.

Staff type "darlington priorites going fwd" or "ofstead report": a question's word that no passage holds, and that
is no English word either (pyspellchecker's dictionary, British spellings allowed), is searched as the word one edit
away from it (a letter dropped, added, changed or two swapped: Norvig's candidate edits) that the passages do hold,
the most frequent if several. A real word the documents happen not to use ("faster", "actually") is left as typed:
one edit from it is another word ("foster"), not what was meant. Both sides search the mended question: MiniLM does
not read past a typo (its word pieces for "supervison" are far from "supervision"). Short words are left alone:
they are abbreviations ("fte", "lac", "sw") more often than typos.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from qa.terms import tokenize

LETTERS = "abcdefghijklmnopqrstuvwxyz"
MIN_LENGTH = 6
MAX_LENGTH = 20  # (a longer run of letters is no typed word; its candidate edits grow with its square)
MAX_WORDS = 5  # unknown words looked at per question
# The field's own words the dictionary lacks, as an edit may reach them: "ofstead" -> "ofsted"
FIELD_WORDS = frozenset({"ofsted", "wellbeing", "caseload", "caseloads", "multiagency", "ilacs", "sccif", "camhs",
                         "safeguarding"})
# British forms of words the (American) dictionary knows: "realise", "scrutinises", "behaviour", "centre"
BRITISH = [(re.compile(r"is(e|ed|es|ing|ation|ations)$"), r"iz\1"), (re.compile(r"our(s|ed|ing|able)?$"), r"or\1"),
           (re.compile(r"tre(s|d)?$"), r"ter\1"), (re.compile(r"ogue(s)?$"), r"og\1"), (re.compile(r"ll(ed|ing)$"), r"l\1")]


@lru_cache(maxsize=1)
def _dictionary():
    from spellchecker import SpellChecker  # (loaded on the first unknown word: about 0.3 s)

    return SpellChecker(language="en")


def is_english(word: str) -> bool:
    words = _dictionary()
    return word in words or any(rx.search(word) and rx.sub(us, word) in words for rx, us in BRITISH)


def edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in LETTERS]
    inserts = [a + c + b for a, b in splits for c in LETTERS]
    return set(deletes + transposes + replaces + inserts) - {word}


# A word written with a capital inside a sentence is a name ("what did Stannard say"): no typo to mend.
_CAPITALISED_RE = re.compile(r"(?<=[\w,;:'’\"“”)] )([A-Z][a-z]+)\b")


def spelling_fixes(text: str, stem: Callable[[str], list[str]],
                   document_frequency: Callable[[list[str]], dict[str, int]]) -> dict[str, str]:
    """{a word no passage holds: the most frequent indexed word one edit from it}, as typed (lower case). `stem`
    turns a word into its indexed terms (the index's tokenizer); `document_frequency` counts known terms' passages.
    The edit must itself be a word (English or the field's) with the same first letter (typos rarely change it):
    not "welleing", one edit from "wellbeing", whose stem "well" is in every passage, nor "north" for "worth"."""
    fixes: dict[str, str] = {}
    names = {m.lower() for m in _CAPITALISED_RE.findall(text)}
    words = sorted({w for w in tokenize(text, stem=False)
                    if MIN_LENGTH <= len(w) <= MAX_LENGTH and w.isalpha() and w not in names})
    looked = 0
    for word in words:
        terms = stem(word)
        if len(terms) != 1 or document_frequency(terms) or is_english(word) or word in FIELD_WORDS:
            continue
        looked += 1
        if looked > MAX_WORDS:
            break
        candidates: dict[str, str] = {}
        for edit in sorted(edits1(word)):
            if edit[0] != word[0] or not (edit in FIELD_WORDS or is_english(edit)):
                continue
            edited = stem(edit)
            if len(edited) == 1 and edited[0] != terms[0]:
                candidates.setdefault(edited[0], edit)
        known = document_frequency(sorted(candidates))
        if known:
            fixes[word] = candidates[max(known, key=lambda t: (known[t], t))]
    return fixes


def mended(text: str, fixes: dict[str, str]) -> str:
    """`text` with each mistyped word (a key, in any case) replaced (both sides of the search read the mended
    question: MiniLM's word pieces for "supervison" are far from "supervision"). `text` is read as tokenize reads
    it (NFKC; "_" separates words), where the mistyped words were found."""
    if not fixes:
        return text
    by_word = {typo.lower(): right for typo, right in fixes.items()}
    pattern = re.compile(r"(?<![^\W_])(" + "|".join(map(re.escape, by_word)) + r")(?![^\W_])", re.I)
    return pattern.sub(lambda m: by_word[m.group(1).lower()], unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=1)
def _place_words() -> dict[str, str]:
    """{lower-case one-word place name or alias: its surface form}, for mending a mistyped place."""
    from qa.documents.gazetteer import AUTHORITIES

    forms = {form for a in AUTHORITIES.values() for form in (a.name, *a.aliases)}
    return {f.lower(): f for f in forms if f.isalpha() and len(f) >= MIN_LENGTH}


_TITLED_NAME_RE = re.compile(r"\b(?i:mr|mrs|ms|miss|dr|cllr|councillor|sir|dame|lord|lady|professor|prof)\.?\s+"
                             r"(?:[A-Z][a-z]+\s+(?=[A-Z]))?([A-Za-z]+)")
# A capitalised word after another inside the question is a person's surname ("What did Sarah Hatton say?"), not a
# mistyped place ("Halton").
_SECOND_NAME_RE = re.compile(r"(?<=\S)\s+[A-Z][a-z]+\s+([A-Z][a-z]+)\b")


def _word(typo: str) -> re.Pattern:
    # (a token, as tokenize reads it: letters and digits, "_" a separator: "wakefild_ilacs_2024")
    return re.compile(rf"(?<![^\W_]){re.escape(typo)}(?![^\W_])", re.I)


def place_fixes(text: str, holds: Callable[[str], bool], covered: Callable[[str], bool] = lambda place: True
                ) -> dict[str, str]:
    """{a mistyped place, as typed: the authority's name}: "Liverpol" -> "Liverpool". A place is the question's
    filter, read before any search, so a typo in it would search every authority (or decline the question as about
    no place). A word is mended only when no passage holds it (`holds`), it is no English word, no person's name
    (after a title or a first name), and exactly one place name is one edit from it with the same first letter,
    a place the documents cover (`covered`: "Saltford", a village, is not mended to Salford in a corpus with nothing
    on Salford). Capitals are no bar otherwise: places are written with them. `text` is read as tokenize reads it
    (NFKC: a PDF's ligatures, full-width letters)."""
    text = unicodedata.normalize("NFKC", text)
    places = _place_words()
    fixes: dict[str, str] = {}
    names = {m.lower() for rx in (_TITLED_NAME_RE, _SECOND_NAME_RE) for m in rx.findall(text)}
    words = sorted({w for w in tokenize(text, stem=False) if MIN_LENGTH <= len(w) <= MAX_LENGTH and w.isalpha()}
                   - names)
    for word in words:
        if word in places or word in FIELD_WORDS or holds(word):
            continue
        near = {places[e] for e in edits1(word) if e in places and e[0] == word[0]}
        # (the dictionary last: it loads in about 0.3 s, and most words are one edit from no place)
        if len(near) == 1 and covered(next(iter(near))) and not is_english(word) \
                and (typed := _word(word).search(text)):
            fixes[typed.group(0)] = near.pop()
    return fixes

