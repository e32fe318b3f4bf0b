"""BM25 tokeniser: lower-case word tokens, English stop words removed, Snowball-stemmed (PyStemmer).

Stemming and stop words were measured on SciFact's train split (README, "Retrieval quality").
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# A figure run into its unit, as staff type it ("decisions within 24hrs", "seen within 10wks"), is the figure and the
# unit a page writes out ("within 24 hours"); so is a unit's short plural on its own ("24 hrs")
TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)
_UNITS = {"h": "hours", "hr": "hours", "hrs": "hours", "hour": "hours", "hours": "hours", "day": "days", "days": "days",
          "wk": "weeks", "wks": "weeks", "week": "weeks", "weeks": "weeks", "mth": "months", "mths": "months",
          "mnths": "months", "month": "months", "months": "months", "yr": "years", "yrs": "years", "year": "years",
          "years": "years", "min": "minutes", "mins": "minutes"}
SHORT_UNITS = {"hrs": "hours", "wks": "weeks", "mths": "months", "mnths": "months", "yrs": "years", "mins": "minutes"}
_FIGURE_UNIT_RE = re.compile(rf"\b(\d+)({'|'.join(_UNITS)})\b")
_FIGURE_UNIT_HINT_RE = re.compile(r"[0-9](?:h|wk|mth|mnth|yr|min|day|week|month|year)")  # (a quick scan first)

STOP_WORDS = frozenset("""
a about above after again against all am an and any are aren't as at be because been before being below between
both but by can cannot could couldn't did didn't do does doesn't doing don't down during each few for from further
had hadn't has hasn't have haven't having he her here hers herself him himself his how i if in into is isn't it its
itself let's me more most mustn't my myself no nor not of off on once only or other ought our ours ourselves out over
own same shan't she should shouldn't so some such than that the their theirs them themselves then there these they
this those through to too under until up very was wasn't we were weren't what when where which while who whom why
with won't would wouldn't you your yours yourself yourselves s t d ll m re ve y also just may might must shall will
""".split())


# Past forms a stemmer cannot join to their verb: "Who led the inspection?" is answered by "Lead inspector:",
# "what did inspectors see" by "inspectors saw". Both the index and the questions go through this map. Forms that
# are also names or contractions ("Rose", "won't" -> "won") are left out.
IRREGULAR = {form: base for base, forms in {
    "lead": "led", "find": "found", "see": "saw seen", "tell": "told", "write": "wrote written",
    "take": "took taken", "give": "gave given", "meet": "met", "make": "made", "keep": "kept", "hold": "held",
    "bring": "brought", "seek": "sought", "begin": "began begun", "speak": "spoke spoken", "choose": "chose chosen",
    "fall": "fell fallen", "grow": "grew grown", "know": "knew known", "pay": "paid",
    "say": "said", "send": "sent", "spend": "spent", "think": "thought", "understand": "understood",
    "lose": "lost", "focused": "focussed focusses focussing"}.items() for form in forms.split()}


_BASE_FORMS = {**SHORT_UNITS, **IRREGULAR}


@lru_cache(maxsize=1)
def _stemmer():
    try:
        import Stemmer

        return Stemmer.Stemmer("english")
    except ImportError:  # degrade to unstemmed tokens rather than fail
        return None


def tokenize(text: str, stem: bool = True, stop_words: bool = True) -> list[str]:
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'")
    if _FIGURE_UNIT_HINT_RE.search(text):
        text = _FIGURE_UNIT_RE.sub(lambda m: f"{m.group(1)} {_UNITS[m.group(2)]}", text)
    tokens = TOKEN_RE.findall(text)
    if stop_words:
        tokens = [t for t in tokens if t not in STOP_WORDS]
    tokens = [_BASE_FORMS.get(t, t) for t in tokens]
    stemmer = _stemmer() if stem else None
    if stemmer is not None:
        tokens = stemmer.stemWords(tokens)
    return tokens
