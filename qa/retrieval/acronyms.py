"""Acronyms the corpus defines, to read a question the way the documents are written.

"What does the ILACS framework focus on?" shares one word with a guide that says "inspecting local authority
children's services (ILACS)" once and then never again; the passages after its introduction speak of "these
inspections" and "local authority services". The documents define their own abbreviations in the pattern
"long form (SHORT)", so the definitions come from the corpus itself: the words before the brackets whose initials
spell the acronym (a simplified Schwartz & Hearst 2003), function words skipped. A question naming a defined
acronym is searched with its long form beside it.

Most pages never define the sector's everyday abbreviations (a letter says "MASH" in one paragraph and
"multi-agency safeguarding hub" in the next; a DfE notice says only "Department for Education"), so a short
glossary of them stands behind the corpus's own definitions, which win where both exist.
"""
from __future__ import annotations

import re
import weakref
from functools import lru_cache

# "(ILACS)": found first (cheap), then the words just before it are read (a long form has at most 12 words).
ACRONYM_RE = re.compile(r"\(([A-Z][A-Za-z]{2,7})\)")
LOOK_BACK_CHARS = 200
FUNCTION_WORDS = frozenset("of and for the in on to at with by a an &".split())
MAX_DEFINITIONS = 500

# Abbreviations of English children's services and their inspection that pages use without defining them.
FIELD_GLOSSARY = {
    "AD": "assistant director",  # ("the new DCS/AD")
    # a focused visit's or an inspection's findings, as staff count them ("any APAs or just AFIs?")
    "AFI": "area for improvement",
    "APA": "area for priority action",
    "ADCS": "Association of Directors of Children's Services",
    "AEM": "annual engagement meeting",
    "ASYE": "assessed and supported year in employment",
    "CAMHS": "child and adolescent mental health services",
    "CCE": "child criminal exploitation",
    "CIC": "children in care",
    "CICC": "children in care council",
    "CIN": "children in need",
    "CIW": "Care Inspectorate Wales",
    "CL": "care leaver",  # ("mk CLs in custody": two capitals, so never the word "cl")
    "CLA": "children looked after",
    "CME": "children missing education",
    "CP": "child protection",
    "CPP": "child protection plan",
    "CQC": "Care Quality Commission",
    "CSC": "children's social care",
    "CSE": "child sexual exploitation",
    "CAWN": "child abduction warning notice",
    "CSPR": "child safeguarding practice review",
    "DCS": "director of children's services",
    "DFE": "Department for Education",
    "EDT": "emergency duty team",  # the out-of-hours social work service
    "EET": "education, employment or training",
    "EHCP": "education, health and care plan",
    "EHE": "elective home education",
    "FTE": "full-time equivalent",
    "LDRS": "Local Democracy Reporting Service",  # the BBC-funded local news agency ("as the BBC/LDRS reported it")
    "GCP": "graded care profile",  # the neglect assessment tool, "GCP2" in its second version
    "AV": "assurance visit",  # the pandemic's (autumn 2020): staff write "leeds AV"
    "FV": "focused visit",
    "HV": "health visitor",  # ("how many HV posts filled")
    "HMIP": "HM Inspectorate of Probation",
    "IFA": "independent fostering agency",
    "ILACS": "inspecting local authority children's services",
    "IOPC": "Independent Office for Police Conduct",
    "IPCC": "Independent Police Complaints Commission",
    "IRO": "independent reviewing officer",
    "JTAI": "joint targeted area inspection",
    "KPI": "key performance indicator",
    "LAC": "looked after children",
    "LADO": "local authority designated officer",
    "LGA": "Local Government Association",
    "LSCB": "local safeguarding children board",
    "MASH": "multi-agency safeguarding hub",
    "MV": "monitoring visit",
    "NEET": "not in education, employment or training",
    "NQSW": "newly qualified social worker",
    "PA": "personal adviser",  # a care leaver's ("PA caseloads")
    "PCC": "police and crime commissioner",
    "PLO": "public law outline",
    "RHI": "return home interview",
    "RI": "requires improvement",
    "SCR": "serious case review",
    "SEND": "special educational needs and disabilities",
    "SGO": "special guardianship order",
    "SIF": "single inspection framework",
    "SLT": "senior leadership team",  # ("what had the new SLT put in place"; pages write "senior leaders" too)
    "SMT": "senior management team",
    "UASC": "unaccompanied asylum-seeking children",
    "WSOA": "written statement of action",  # a JTAI's or SEND inspection's required response
    "YJB": "Youth Justice Board",
    "YJS": "youth justice service",
    "YOS": "youth offending service",
    # staff shorthand in a hurry ("SW caseloads", "DA incidents"): no name a page must repeat
    "SW": "social worker",
    "DA": "domestic abuse",
    "DV": "domestic violence",
    "EH": "early help",
    "NRM": "National Referral Mechanism",
    "PEP": "personal education plan",
    "IHA": "initial health assessment",
    "FGC": "family group conference",
    "ICPC": "initial child protection conference",
    "QA": "quality assurance",
    # a council's own assessment for inspectors ("our SEF rewrite"): pages write "self-evaluation" in full
    "SEF": "self-evaluation",
    "PQ": "parliamentary question",  # a written question to a minister; its page says "Question to the ..."
    "YOT": "youth offending team",
}

_by_index: "weakref.WeakKeyDictionary[object, dict[str, str]]" = weakref.WeakKeyDictionary()


def long_form(words: list[str], acronym: str) -> str | None:
    """The shortest run of words ending at the brackets whose initials (function words skipped) spell `acronym`."""
    letters = [c.lower() for c in acronym if c.isupper()]
    for start in range(len(words) - 1, -1, -1):
        run = words[start:]
        initials = [w[0].lower() for w in run if w.lower() not in FUNCTION_WORDS]
        if initials == letters:
            return " ".join(run)
        if len(initials) > len(letters):
            return None
    return None


# Between the words of a name: a space or a comma on one line, and at most two function words.
_FUNCTION = r"(?i:and|of|for|the|in|on|to|&)"
_GAP = rf"[^\S\n]*,?[^\S\n]+(?:{_FUNCTION}[^\S\n]+){{0,2}}"
MAX_SPELLED_LETTERS = 6


@lru_cache(maxsize=256)
def spelled_out_re(acronym: str) -> re.Pattern | None:
    """A name whose initials spell `acronym`, undefined on the page ("AfC": "Achieving for Children"; "CYPF": the
    "Children, Young People and Families Cabinet Panel"): a capital letter is a capitalised word's (of two letters
    or more, not a function word), a small one any word's (most often a function word's); up to two function words
    between them are skipped. Only for three to six letters, at least two of them capitals: shorter ones spell too
    many phrases. (A function word does not stand for a capital: "CIN" is not found in "Children in Need".)"""
    if not 3 <= len(acronym) <= MAX_SPELLED_LETTERS or sum(c.isupper() for c in acronym) < 2 \
            or not acronym.isalpha():
        return None
    words = [(rf"(?!{_FUNCTION}\b){c}[\w'’-]+" if c.isupper() else rf"(?i:{c})[\w'’-]*") for c in acronym]
    return re.compile(r"(?<![\w'’-])" + _GAP.join(words) + r"(?![\w'’-])")


def definitions(texts) -> dict[str, str]:
    """acronym (upper case) -> long form, the first definition found for each."""
    found: dict[str, str] = {}
    for text in texts:
        for m in ACRONYM_RE.finditer(text):
            acronym = m.group(1)
            key = acronym.upper()
            if key in found or len(found) >= MAX_DEFINITIONS:
                continue
            before = text[max(0, m.start() - LOOK_BACK_CHARS):m.start()].split()[-12:]
            expansion = long_form(before, acronym)
            if expansion:
                found[key] = expansion
    return found


def defined_as(word: str, defined: dict[str, str]) -> str | None:
    """The long form of an abbreviation, written singular or plural ("RHIs": return home interview)."""
    found = defined.get(word.upper())
    if found is None and len(word) > 2 and word.endswith("s") and word[:-1].isupper():
        found = defined.get(word[:-1])
    return found


def index_definitions(index) -> dict[str, str]:
    """`definitions` of an index's passages over the field glossary, computed once per loaded index."""
    if index not in _by_index:
        _by_index[index] = {**FIELD_GLOSSARY, **definitions(p.text for p in index.passages)}
    return _by_index[index]


# Glossary entries that are English words too: "did the council send its plan" is no question about SEND.
# ("mash" is not among them: in a question about children's services it is only ever the hub.)
ENGLISH_WORDS = frozenset({"SEND"})
# ... or the end of a provider's name: "Larkfield Care CIC" is a community interest company, "CiC" children in care.
COMPANY_SUFFIX_RE = re.compile(r"\b[A-Z][\w'’&-]*\s+CIC\b")


def is_acronym(word: str) -> bool:
    """Written as an abbreviation: "MASH", "DfE" (two capitals at least), not "Care" or "send"."""
    return sum(c.isupper() for c in word) >= 2


# ... unless the question is on what they stand for there: "luton care leavers pa caseloads" (a personal adviser)
TWO_LETTERS_IN_CONTEXT = {"PA": re.compile(r"\bleav(?:ers?|ing\s+care)\b|\bpathway\s+plans?\b", re.I)}


# ... and "SW" before a region is the south west ("the SW regional director"), not a social worker
REGION_RE = re.compile(r"\bSW\s+[Rr]egion(?:al|s)?\b")


def expand(question: str, defined: dict[str, str]) -> str:
    """The question with the long form of each defined acronym it names (any case) and does not spell out."""
    extra = []
    # (a version's number after it: "oldham gcp2 take-up")
    for word in set(re.findall(r"\b[A-Za-z]{2,8}\b", question)) | set(re.findall(r"\b([A-Za-z]{3,8})\d\b", question)):
        expansion = "south west" if word == "SW" and REGION_RE.search(question) else defined_as(word, defined)
        if len(word) == 2 and not word.isupper() and not (
                word.upper() in TWO_LETTERS_IN_CONTEXT and TWO_LETTERS_IN_CONTEXT[word.upper()].search(question)
                and not re.search(rf"\d\s*{word}\b", question)):  # ("a £2,000 pa bursary": per annum)
            continue  # "ri", "la", "cp" in lower case are too often something else
        if word == "CIC" and COMPANY_SUFFIX_RE.search(question):
            continue
        # lower case only in a terse, all-lower-case question ("darlington ilacs 2022"): elsewhere "care" is a word
        if expansion and expansion.lower() not in question.lower() \
                and (is_acronym(word) or question.islower() and word.upper() not in ENGLISH_WORDS):
            extra.append(expansion)
    return f"{question} ({'; '.join(sorted(extra))})" if extra else question


# ... and the other way round: "annual engagement meeting" is searched (by keyword) with "AEM", the form a page may keep
# to after defining it once (or never: the field's own abbreviations; three letters at least, two are too often words)
_LONG_FORMS = {long.lower(): short for short, long in FIELD_GLOSSARY.items() if len(short) >= 3}
_LONG_FORM_RE = re.compile(rf"\b(?:{'|'.join(re.escape(long) for long in sorted(_LONG_FORMS, key=len, reverse=True))})"
                           rf"s?\b", re.I)


def with_short_forms(question: str) -> str:
    """The question with the field's abbreviation of each long form it writes out and does not abbreviate."""
    found = (re.sub(r"\s+", " ", m.group(0).lower()) for m in _LONG_FORM_RE.finditer(question))
    short = sorted({_LONG_FORMS.get(long) or _LONG_FORMS[long[:-1]] for long in found})
    short = [s for s in short if not re.search(rf"\b{s}s?\b", question, re.I)]
    return f"{question} ({'; '.join(short)})" if short else question


# "What have inspectors said about the MASH at the front door?": a passage naming neither the abbreviation nor
# its long form shares only the long form's common words ("multi-agency safeguarding arrangements (MASA)"), and
# outranked the hubs asked about. Such a passage weighs x ACRONYM_MISSING_PENALTY; not one of a document whose title
# names it (a "Joint area SEND revisit" letter's findings on autism assessments are on SEND throughout).
ACRONYM_MISSING_PENALTY = 0.8
JUDGEMENT_RE = re.compile(r"requires improvement(?: to be good)?|outstanding|good|inadequate", re.I)
INSPECTION_KIND_LONG_RE = re.compile(r"\b(?:inspections?|framework|visits?)\b", re.I)  # (a kind of visit too: "FV")


# Searched with their long form, but no passage is weighed down for lacking it: their long forms are written in
# several word orders ("not in employment, education or training", "children missing from education"); the field
# itself ("Northamptonshire CSC": every page is on its children's services, few write "children's social care"); an
# office whose holder a passage names without it ("the new DCS/AD improvement work": "Jane Smith has made changes");
# a team written as its members ("SLT": "the new senior leadership", "senior leaders").
EXPANSION_ONLY = frozenset({"NEET", "EET", "CME", "CSC", "CYP", "DCS", "AD", "SLT", "SMT"})
# ... and the field itself is no name a page must write for a question to be answered ("could the council keep its
# CSC?" on a story about "its children's services")
THE_FIELD_ITSELF = frozenset({"CSC", "CYP"})
# Shorthand that stands for the work as well as the worker: "frontline SW quality" is the quality of social work
# (not the name of a service or team: "children's social work services")
ALSO_WRITTEN = {"SW": r"social[\W_]+work(?:ers?)?\b(?![\W_]+(?:services?|teams?|department|academy)\b)"}


def asked_acronyms(names: list[str], defined: dict[str, str],
                   named_by=lambda long: None) -> tuple[re.Pattern, ...]:
    """For each abbreviation a question names that the corpus or the glossary defines, one pattern finding it or
    its long form, as passages write it: the words in order with any punctuation between ("education, health and
    care plan"), "and/or" for "and", each word singular or plural ("child in need", "IROs"), apostrophes left out
    (see acronym_weight). Grades and kinds of inspection are left out: "RI" is written many ways, and a report
    never spells out the "SIF" it was inspected under. `named_by(long form)`: another pattern a passage may name it
    by (an arrangement's order by the arrangement: "SGO" by "special guardians"), or None."""
    patterns = []
    for name in names:
        long = defined_as(name, defined)
        if not (is_acronym(name) and long) or JUDGEMENT_RE.fullmatch(long) or INSPECTION_KIND_LONG_RE.search(long) \
                or (name.upper() in EXPANSION_ONLY and long == FIELD_GLOSSARY.get(name.upper())):
            continue
        words = [re.sub(r"(?:ren|es|s)$", "", w) if len(w) > 4 else w
                 for w in re.findall(r"\w+", long.replace("'", "").replace("’", ""))]
        joined = r"[\W_]+(?:or[\W_]+)?".join(rf"{re.escape(w)}(?:s|es|ren)?" for w in words)
        key = name.upper() if name.upper() in FIELD_GLOSSARY else name.upper()[:-1]  # (as defined_as reads "SWs")
        joined += f"|{ALSO_WRITTEN[key]}" if key in ALSO_WRITTEN and long == FIELD_GLOSSARY.get(key) else ""
        other = named_by(long)
        patterns.append(re.compile(rf"\b(?:{re.escape(name)}s?|{joined})\b" + (f"|{other.pattern}" if other else ""),
                                   re.I))
    return tuple(patterns)


def acronym_weight(patterns: tuple[re.Pattern, ...], text: str, headings: list[str] | None = None) -> float:
    if not patterns:
        return 1.0
    text = " ".join([*(headings or []), text]).replace("'", "").replace("’", "")
    return ACRONYM_MISSING_PENALTY if any(not p.search(text) for p in patterns) else 1.0
