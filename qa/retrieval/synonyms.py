"""Everyday words for the things inspection texts name otherwise, for keyword search.

Staff ask how the "workforce coped with lockdown"; the letter says "the impact of Covid-19 was well managed with
staff demonstrating resilience". The embedding side reads past the wording, keyword search does not: a question
using an everyday word below is searched with the documents' words for it beside it (like a search engine's
synonym filter, at query time only, so the index and the passages stay as written).
"""
from __future__ import annotations

import re
from functools import lru_cache

# An everyday form (left) and the forms the documents use (right); one way only: a question already in the
# documents' words ("inadequate", "caseloads") gains nothing from more of them, only noise.
EVERYDAY_FORMS: dict[str, tuple[str, ...]] = {
    "lockdown": ("covid", "pandemic"),
    "lockdowns": ("covid", "pandemic"),
    "coronavirus": ("covid", "pandemic"),
    "pandemic": ("covid",),
    "workforce": ("staff",),
    "b&b": ("bed and breakfast",),
    "b&bs": ("bed and breakfast",),
    "runaway": ("missing",),
    "runaways": ("missing",),
    "run away": ("missing",),
    "locum": ("agency",),
    "locums": ("agency",),
    **{form: ("temporary",) for form in ("temps", "temp staff", "temp workers")},
    # a council that "came out of inadequate" is written up as "no longer rated inadequate"
    **{form: ("no longer",) for form in ("out of inadequate", "off inadequate")},
    "churn": ("turnover",),
    "ceo": ("chief executive",),
    # abbreviations typed in a hurry ("how many soc workers (fte) ...")
    "soc": ("social",),
    "fte": ("full-time equivalent",),
    # ... and units of time ("return home interviews 72 hrs")
    **{form: ("hours",) for form in ("hrs", "hr")}, **{form: ("weeks",) for form in ("wks", "wk")},
    **{form: ("months",) for form in ("mths", "mnths")}, **{form: ("years",) for form in ("yrs", "yr")},
    # ... and office shorthand ("scrutiny cttee", "mgmt oversight", "dept response")
    **{form: ("committee",) for form in ("cttee", "ctee", "cttees")}, "mtg": ("meeting",), "mtgs": ("meetings",),
    **{form: ("managers",) for form in ("mgr", "mgrs")}, "mgmt": ("management",), "govt": ("government",),
    "dept": ("department",), "env": ("environment",), "envt": ("environment",), "avg": ("average",),
    "info": ("information",), "info-sharing": ("information sharing",),
    # ... and the Children Act's sections by number ("s47s done on time?": child protection enquiries)
    **{form: ("child protection enquiries", "section 47") for form in ("s47", "s47s", "s.47", "s.47s")},
    # (typed in lower case: "SW" is the south west region)
    **{form: ("social workers",) for form in ("sw", "sws", "swr", "swrs")},
    "yp": ("young people",), "cyp": ("children and young people",),
    # ... and a committee's members and business ("cllr qs on caseloads", "cype cttee": children, young people
    # and education)
    "cllr": ("councillor",), "cllrs": ("councillors",), "qs": ("questions",),
    "cype": ("children", "young people", "education"),
    "top team": ("senior leadership", "senior leaders"),
    # (a "check-in visit", not a social worker's check-in with a child)
    "check-in visit": ("monitoring visit",),
    "check-in visits": ("monitoring visits",),
    "top teams": ("senior leadership", "senior leaders"),
    # "placed far from home" is reported as living "at a distance", "out of area" or "more than 20 miles" away (not
    # "a long way to go")
    **{form: ("distance", "out of area", "miles") for form in ("far from home", "far away from", "a long way from")},
    # what is "written down" is "recorded" in a letter ("managers' recorded rationale", "decisions are recorded")
    **{form: ("recorded", "recording") for form in ("write down", "writes down", "writing down", "wrote down",
                                                     "written down")},
    # social workers "carrying too many cases" have "caseloads" that are too high (not "too many children in care")
    **{form: ("caseloads", "too high") for form in ("too many cases", "carrying too many")},
    # children "waiting too long" are written up as "delays" or "drift"
    **{form: ("delays", "drift") for form in ("wait too long", "waits too long", "waiting too long", "waited too long",
                                              "waiting too long for")},
    # ... and work "done on time" as "timely" or done "without delay"
    **{form: ("timely", "without delay") for form in ("done on time", "seen on time", "held on time",
                                                      "completed on time", "happening on time", "on time?")},
    # the "legal basis" or "powers" an inspectorate acts under is written as the section of an Act ("under section
    # 136 of the Education and Inspections Act 2006")
    **{form: ("section", "act") for form in ("legal basis", "legal power", "legal powers", "statutory basis",
                                             "in law", "by law")},
    "hiring": ("recruitment",),
    "hire": ("recruit",),
    # a councillor answering for a service speaks as its cabinet or lead member
    "councillor": ("cllr", "cabinet member", "lead member"),
    "councillors": ("cllr", "cabinet member", "lead member"),
    # a "reaction" to a letter is reported as what somebody said in response
    **{form: ("response", "responded") for form in ("reaction", "reactions", "react", "reacted")},
    # who is "to blame" is said as who "bears responsibility"
    **{form: ("responsibility", "responsible") for form in ("blame", "blamed", "to blame")},
    # "finding and keeping social workers" is recruitment and retention
    **{form: ("recruitment", "retention") for form in ("finding and keeping", "recruiting and keeping",
                                                         "recruit and keep", "find and keep")},
    # "agency sw %": a share is written "17 per cent" or "17%" (the sign alone is no word to search for)
    "%": ("per cent", "percentage", "proportion"),
    # a visit that "took place" is written up as "carried out" ("This visit was carried out on 11 and 12 June")
    **{form: ("carried out",) for form in ("take place", "took place", "taken place", "takes place")},
    # a home "that isn't Ofsted-registered" is written "unregistered" (children living in unregistered arrangements)
    **{f"{neg} {reg}": ("unregistered",)
       for neg in ("not", "isn't", "aren't", "wasn't", "weren't", "isn’t", "aren’t", "wasn’t", "weren’t")
       for reg in ("registered", "ofsted-registered", "ofsted registered")},
    "non-registered": ("unregistered",),
    # an agenda item "held over" or "pushed back" is minuted as "postponed" or "deferred" (not a council that "pushed
    # back on" Ofsted's findings, nor a child "put back" home)
    **{form: ("postponed", "deferred") for form in ("held over", "get pushed back", "got pushed back",
                                                     "was pushed back", "were pushed back", "been pushed back",
                                                     "pushed back to", "pushed back from", "pushed back at")},
    # who "turns up" to a strategy meeting is written as who attends or takes part in it; who is "left out" as who
    # is not invited
    **{form: ("attended", "attendance", "take part") for form in ("turn up", "turns up", "turned up", "turning up",
                                                                "show up", "shows up", "showing up", "attend",
                                                                "attends", "attending")},
    **{form: ("not invited", "excluded") for form in ("left out", "leaves out", "leaving out")},
    # the PLO is written as its stages: "pre-proceedings", "letter before proceedings", "the pre-court stage"
    **{form: ("pre-proceedings", "proceedings") for form in ("plo", "public law outline")},
    # an assessment "tool" is published as a "toolkit" (one word: the tokenizer does not split it)
    **{form: ("toolkit", "toolkits") for form in ("tool", "tools")},
    # "the biggest challenge" is reported as "the most significant challenge"
    **{form: ("most significant", "greatest") for form in ("biggest", "largest")},
    # what a council "had to get better at" is what a letter says "needs to improve" (not "did practice get better
    # or worse", "did things start to get better": a course, not the list)
    **{form: ("improve", "improvement") for form in ("get better at", "do better at", "had to get better",
                                                      "has to get better", "have to get better", "need to get better",
                                                      "needs to get better")},
    # a "forever home" is "permanence" in a letter ("achieving permanence for children")
    **{form: ("permanence",) for form in ("forever home", "forever homes", "forever family", "forever families")},
    # babies "before they are born" are "unborn children" ("planning for unborn children", "pre-birth assessments")
    **{form: ("unborn", "pre-birth") for form in ("before they are born", "before they're born", "before birth",
                                                  "before being born", "not yet born")},
    # children "criminally used" are "criminally exploited" (not the documents' own words, "grooming", "county lines")
    **{form: ("exploitation",) for form in ("criminally used", "used by gangs", "used by criminals")},
    # support "made to measure" is "bespoke" or "tailored"
    **{form: ("bespoke", "tailored") for form in ("made-to-measure", "made to measure", "tailor-made")},
    # a trust's "go-live" is written as the day services "transferred" to it; its "contract" as its "service
    # agreement"
    **{form: ("transferred", "launched") for form in ("go live", "go-live", "went live", "goes live", "going live")},
    **{form: ("service agreement",) for form in ("contract", "contracts")},
    # being "cagey" about something is written as a "reluctance" to share it
    **{form: ("reluctance", "reluctant") for form in ("cagey", "cagy", "coy", "evasive", "tight-lipped",
                                                      "unwilling", "hesitant")},
    # a council's apology is worded "we are deeply sorry"
    **{form: ("sorry",) for form in ("apologise", "apologised", "apologize", "apologized", "apology", "apologies")},
    # what a council "knew about" but did not act on "fast enough" is written as being "aware" of it and not
    # taking "swift" action
    **{form: ("aware",) for form in ("knew about", "knew of", "known about", "knows about")},
    **{form: ("swift", "swiftly") for form in ("fast enough", "quick enough", "quickly enough", "soon enough",
                                               "too slow", "too slowly", "acted quickly", "act quickly")},
    # ... nor "firmly" enough: not "robust" action
    **{form: ("robust", "robustly") for form in ("firm enough", "firmly enough")},
    # a council "pushing back" on findings that give no "fair picture" says they do not "accurately reflect" its
    # services, or disputes them
    **{form: ("accurately reflect", "accurate") for form in ("fair picture", "true picture", "fair reflection",
                                                              "true reflection", "fair view")},
    # (on findings: not an agenda item "pushed back", above)
    **{form: ("disputed", "disagree", "disagreed") for verb in ("pushed", "push", "pushes", "pushing")
       for form in (f"{verb} back on", f"{verb} back against")}, "pushback": ("disputed", "disagree", "disagreed"),
    # "members putting serious money in" for "a steadier workforce and smaller caseloads": "investment" for "a more
    # stable workforce and lower caseloads"
    **{form: ("investment", "invested")
       for form in ("serious money", "putting money", "put money", "putting in money")},
    # (of a workforce: not "settled status", nor the letters' own "steady progress")
    **{form: ("stable", "stability", "stabilise", "stabilising")
       for form in ("steadier", "steady the workforce", "steady workforce", "settled workforce", "steadier staffing")},
    **{form: ("lower caseloads", "reduced caseloads") for form in ("smaller caseloads", "lighter caseloads")},
    # children having "a say in" services are "involved in shaping" them, or have an "influence" on them
    **{form: ("involved", "shaping", "influence") for form in ("a say in", "any say in", "real say in", "more say in",
                                                                "little say in", "no say in", "a real say", "a say")},
    # what "hadn't improved enough" is written as not having made "sufficient progress"
    **{form: ("sufficient progress",) for form in ("improved enough", "improve enough", "improving enough",
                                                   "enough progress", "progressed enough")},
}


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern, tuple[str, ...]]]:
    return [(re.compile(rf"(?<![\w&-]){re.escape(word)}(?![\w&-])", 0 if word in LOWER_CASE_ONLY else re.I), forms)
            for word, forms in EVERYDAY_FORMS.items()]


LOWER_CASE_ONLY = frozenset({"sw", "sws", "swr", "swrs", "qs"})  # ("QS": a children's home's quality standards)


# A name a question may use where a document names the same thing otherwise: for whether any document mentions it
# at all, not for keyword search ("covid sibling contact" is best searched as asked).
NAME_FORMS: dict[str, tuple[str, ...]] = {
    # a report under the single inspection framework never says "SIF": its title names the framework's scope
    "sif": ("inspection of services for children in need of help and protection",),
    "covid": ("pandemic", "coronavirus"),
    # a grade of "requires improvement" is written in every tense ("areas that were found to require improvement")
    "ri": ("require improvement", "requiring improvement", "required improvement"),
    "covid-19": ("pandemic", "coronavirus"),
    # youth offending teams were renamed youth justice services: a page may use either name
    "youth justice": ("youth offending",),
    "youth offending": ("youth justice",),
    # Ofsted's chief inspector by title: a JTAI's gov.uk page asks "His Majesty's Chief Inspector of Education,
    # Children's Services and Skills (HMCI)" to carry it out, and never writes "Ofsted"
    "ofsted": ("chief inspector of education, children's services and skills", "hmci",
               "office for standards in education"),
    # (so are their short forms: "kirklees yot" is answered by a page on its youth justice service)
    "yot": ("youth offending", "youth justice", "yos", "yjs"),
    "yos": ("youth offending", "youth justice", "yot", "yjs"),
    "yjs": ("youth justice", "youth offending", "yot", "yos"),
    # the DfE acts through its Secretary of State: "the Secretary of State for Education appointed me ..."
    "department for education": ("secretary of state for education", "education secretary"),
    # Care Inspectorate Wales's own pages name its inspection, not itself: "Performance Evaluation Inspection (PEI)"
    **{form: ("performance evaluation inspection", "care inspectorate wales")
       for form in ("ciw", "care inspectorate wales", "inspectorate wales")},
    # child protection is written round its words: "children in need of protection", "protection plans"
    "cp": ("need of protection", "protection plans", "protection plan", "protection enquiries"),
    # care leavers' "education, employment or training" is written short ("relationships and education and
    # employment"; not "education and training", which staff get too)
    "eet": ("education and employment",),
    **{form: ("camhs",) for form in ("child and adolescent mental health service",
                                     "child and adolescent mental health services")},
}


# A body a page speaks of through the minister acting for it, as one phrase (whether a page names the body; not words
# to search for): "The Children and Families Minister has written to the Leader of the Council ..." is the DfE's
ACTING_FOR: dict[str, tuple[str, ...]] = {
    "department for education": ("children and families minister", "minister for children and families",
                                 "minister of state for children and families", "children's minister",
                                 "parliamentary under-secretary of state for children and families"),
}


def other_forms(word: str) -> tuple[str, ...]:
    """The documents' words for an everyday word or name ("Covid": "pandemic", "coronavirus"), if any."""
    return NAME_FORMS.get(word.lower(), ()) + EVERYDAY_FORMS.get(word.lower(), ())


# "When did the report come out?": its publication (not "how did the report come out on leadership", "when it came
# out that ...", nor "came out of intervention"). Searched as "published"; "come" is no word to search for.
PUBLICATION_ASKED_RE = re.compile(r"\b(?:when|what\s+date|which\s+(?:day|month))\b[^?.]{0,80}?"
                                  r"\b(?:reports?|letters?|findings|it|they)\s+(?:[\w'’-]+\s+){0,3}?"
                                  r"(?:come|came|comes)\s+out\b(?!\s+(?:on|for|of|as|that|in\s+favour)\b)", re.I)


def with_synonyms(text: str) -> str:
    """`text` with the other forms of each group it names (those it does not already contain) appended."""
    lowered = text.lower()
    extra: list[str] = ["published"] if PUBLICATION_ASKED_RE.search(text) and "published" not in lowered else []
    for pattern, forms in _patterns():
        if pattern.search(text):
            extra += [f for f in forms if f not in extra and not re.search(rf"\b{re.escape(f)}\b", lowered)]
    return f"{text} ({'; '.join(extra)})" if extra else text


# Met by a passage's words for them, though not searched for with them: "hmi said the LA knew ..." is answered by "the
# local authority has been aware" (searched for, "local authority" drew every letter's passage on local authorities)
MET_BY = {"la": ("local authority",), "las": ("local authorities",)}


def alternatives(text: str, tokenize) -> dict[str, tuple[frozenset[str], ...]]:
    """{term of an everyday word in `text`: the documents' words for it, each as its set of terms}, in `tokenize`'s
    terms. A passage holding the term, or every term of one of those words ("cabinet member": both), holds what the
    question asked (for coverage, which must not count the added words as more of the question)."""
    out: dict[str, tuple[frozenset[str], ...]] = {}
    for word, forms in MET_BY.items():
        if re.search(rf"\b{word}\b", text, re.I) and (terms := tokenize(word)):  # ("LAs": its term is "la")
            out[terms[0]] = out.get(terms[0], ()) + tuple(frozenset(tokenize(f)) for f in forms)
    for pattern, forms in _patterns():
        if m := pattern.search(text):
            for term in tokenize(m.group(0)):
                out[term] = out.get(term, ()) + tuple(frozenset(tokenize(f)) for f in forms)
    return out
