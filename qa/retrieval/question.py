"""Question understanding: time, place, source and visit cues become filters and boosts.

`parse("What did inspectors say about supervision in 2018?")` ->
Query(topic="What did inspectors say about supervision", date_from=2018-01-01, date_to=2018-12-31,
      source="ofsted", ...)

Why one long module: every cue a question carries (time spans in their many spellings, authorities, visit
ordinals, names, source words, follow-ups) goes into the one Query, and a follow-up inherits from the previous
Query field by field; the parsers share the date helpers and the Query they fill.
"""
from __future__ import annotations

import calendar
import re
from functools import lru_cache
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from qa.documents.gazetteer import (AUTHORITIES, LIKENED, compass_expanded, find_in_question, former_counties,
                                    is_former, name_within, question_forms, shared_names_expanded)
from qa.retrieval.acronyms import FIELD_GLOSSARY
from qa.retrieval.answer_type import (ASIDE_WORDS, CLOSING_SET_ASIDE, COUNCIL_DECISION_RE, LATE_SCENE_CLAUSE,
                                      NOT_WANTED, NUMBER_WORDS, REASON_ASKED_RE, SCENE_CLAUSE, TRAILING_NOT_RE,
                                      answer_type, asks_grade, without_trailing_not)
from qa.retrieval.spelling import edits1, is_english
from qa.documents.metadata import MONTHS, ORDINAL_RE, ordinal_value

YEAR = r"((?:19|20)\d{2})"
NUMBER_WORD = "(?:" + "|".join(NUMBER_WORDS) + ")"
# Questions are typed quickly: "oct 2022", "sept 2019" as well as "October 2022".
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
                       "oct": 10, "nov": 11, "dec": 12}
MONTH_RE = "(" + "|".join(list(MONTHS) + sorted(MONTH_ABBREVIATIONS, key=len, reverse=True)) + r")\.?"
MONTH_NAME = MONTH_RE.replace("(", "(?:", 1)  # (the same, no group: inside patterns whose groups are counted)
MONTH_YEAR = rf"(?:{MONTH_RE}\s+)?{YEAR}"
# A four-digit number is a count, not a year, after a quantity word or before what is counted.
COUNT_BEFORE = r"(?<!over )(?<!about )(?<!around )(?<!than )(?<!nearly )(?<!almost )(?<!some )(?<![£$\d,.])"
# ("its 2024 children's services inspection", "somerset 2022 childrens services" name a year, not 2024 children)
COUNTED_NOUNS = (r"child(?!ren(?:['’]?s['’]?)?\s+(?:services?|social\s+(?:care|services?))\b)\w*|"
                 r"families|cases|staff|people|pupils|referrals|social workers|workers|pounds|"
                 r"households|placements|carers|posts|hours|days|visits|assessments|plans|young people|"
                 r"more|fewer|less|per\b|a year|each")
# (not a measure over time, "re-referral rates from april 2021", nor money spent from then, "the DfE funding from april
# 2022": those ask the time)
# (places on offer, not where children are placed: "how many children in out of area residential places from ...")
_OFFERED_NOUNS = (r"(?:how\s+many|apprenticeship|training|paid|new|extra|more|academy|course|programme|trainee|"
                  r"student)\s+places", "allowances",
                  r"(?:allowance|fee|fostering)\s+rates", "fees", "bursaries")
# the start of what is offered or charged is when it begins, announced in the year before it or told just after:
# "how many apprenticeship places from sept 2026" asks the pages from September 2025 to November 2026 (May's page
# announcing them, October's telling they started)
_OFFERED_FROM_RE = re.compile(rf"\b((?:{'|'.join(_OFFERED_NOUNS)})\s+)from\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?"
                              rf"{MONTH_RE}\s+((?:19|20)\d\d)\b"
                              # (nor a span: "places from jan 2020 to dec 2020", "from sept 2019 onwards")
                              rf"(?!\s*(?:to|until|till|through|thru|and|up\s+(?:to|until)|on|onward|onwards|vs|"
                              rf"versus|compared)\b|\s*[-–]\s*(?:{MONTH_RE}|\d))", re.I)
# ... where what is asked is not done already: "how many care leavers took up apprenticeships from sept 2019?", "how
# much did rutland spend on direct payments from april 2022?" ask the time
# ... nor where a group is counted in them: "how many children in care in academy places from sept 2023"
# (nor pupils in an academy's or a course's places: "how many cic in academy places from sept 2022")
_PLACED_IN_RE = re.compile(r"\b(?:care\s+leavers|child(?:ren)?|young\s+people|cic|cla|lac|uasc|pupils|learners)\b"
                           r"[^?.]{0,40}?\bin\s+(?:an?\s+|the\s+)?(?:academy|course|programme|trainee|student)\s+"
                           r"places\b", re.I)
_DONE_ASKED_RE = re.compile(r"\b(?:did|was|were|took|spent|paid|had|has|have|been|received|got)\b", re.I)
SEASONS = {"early": (1, 4), "spring": (3, 5), "mid": (5, 8), "summer": (6, 8), "late": (9, 12), "autumn": (9, 11),
           "winter": (12, 12), "end of": (10, 12), "beginning of": (1, 3), "start of": (1, 3)}
# the council's own bodies and their papers ("cornwall scrutiny cttee resolved ...", "lincs exec report ...")
# (not "under scrutiny", nor time: "seen within 20 minutes")
COUNCIL_BODY_RE = re.compile(r"(?<!shadow )\bcabinet\b|(?<!under )(?<!close )\bscrutiny\b|\bctt?ees?\b|"
                             r"\bexec(?:utive)?\s+(?:report|board|member)s?\b|\bfull\s+council\b|"
                             r"\bcorporate\s+parenting\b|(?<!\d )(?<!\d)(?<!few )(?<!within )\bminutes\b|"
                             r"\bimprove?ment\s+board\b", re.I)
# "the council's own new leadership raised the problems": its people or work, not its own words
_NOT_ITS_OWN = (r"(?!\s+(?:new\s+|senior\s+|internal\s+|in-house\s+|(?-i:[A-Z]{2,5}\s+))?"
                r"(?:leadership|leaders|staff|team|managers?|management|review|audit|social\s+workers|workforce|data|"
                r"figures|services|foster|homes|residential|provision)\b"
                r"(?!\s+(?:page|website|site|statement|release|news)))")
# A source the question finds wanting is not the one it asks for: "The council's press release only says July - on
# what dates did Ofsted actually do the MV?"
_FOUND_WANTING = (r"(?!\s+(?:only|just|merely)\s+(?:says?|said|gives?|gave|states?|stated|mentions?|mentioned)\b|"
                  r"\s+(?:doesn['’]t|does\s+not|didn['’]t|did\s+not|never)\s+(?:say|give|state|mention)\b)")
SOURCE_CUES = [
    ("ofsted", re.compile(r"\b(inspectors?|ofsted|hmi|inspection|monitoring (visit|letter)s?|the letter|inspectorate|"
                          # the visit itself speaking: "What did the 2021 focused visit say about ...?"
                          r"(?:what|how)\s+did\s+(?:the|its|their)\s+(?:[\w'’-]+\s+){0,3}?focus+ed\s+visit\s+"
                          r"(?:say|find|conclude|report)|"
                          r"(jtai|fv|mv\s?\d*|visit|outcome) letters?)\b", re.I)),  # "reading jtai letter rhis"
    ("council", re.compile(r"\b(the council|council (say|said|says|state|states|report)|local authority (say|said|says)|"
                           rf"council(['’]s)? own\b{_NOT_ITS_OWN}|"
                           # (its own paper, the apostrophe left out: "the councils own workforce report, not ...")
                           r"\bthe\s+council(?:['’]?s)?\s+own\s+(?:[\w-]+\s+)?(?:report|paper|update)"
                           r"(?=\s*(?:[,.;:?!)]|$|-|not\b|pls\b|please\b|only\b))|"
                           # (a release is its issuer's, not the press's: "leeds cc news release on the jtai")
                           r"(?:council|(?<!the )(?<!a )cc) (announcement|statement|(?:press|news) release|website|"
                           r"page))\b", re.I)),
    ("news", re.compile(r"\b(news(?!\s+releases?\b)|press(?!\s+releases?\b)|media|reported in|community care|"
                        r"article)\b|"
                        # an interview given to the press ("cambs dcs interview - what did she say about ...", "in an
                        # interview"; not children's "return home interviews", nor inspectors interviewing staff)
                        r"\b(?:dcs|director|leader|chief\s+executive|councillor|cllr|minister)['’]?s?\s+interview\b|"
                        r"\b(?:in|gave|give|an)\s+(?:an\s+)?interview\b(?!\s+(?:with|of)\s+(?:the\s+)?(?:children|"
                        r"young|famil|parents|carers|staff|social))", re.I)),
    ("council", COUNCIL_BODY_RE),
    # a focused visit named with no other source is Ofsted's to tell ("devon iro caseloads focused visit"; not "what
    # did the news say about the focused visit", nor "did the council accept the focused visit findings")
    ("ofsted", re.compile(r"\bfocus+ed\s+(?:visit|letter)s?\b", re.I)),
    # the council's own plan answering a report: "nland improvement plan PLO tracking action" (not what a
    # commissioner or the DfE made of it)
    ("council", re.compile(r"^(?!.*\b(?:commissioner|advis[eo]r|dfe|minister|department)\b).*"
                           r"\b(?:improvement|action|recovery|jtai)\s+plans?\b", re.I | re.S)),
    # a joint targeted area inspection named with no other source: Ofsted leads it and signs its letter (not the
    # partnership's response to it)
    # (nor the plan answering it: "bolton jtai plan - when does screening start")
    ("ofsted", re.compile(r"^(?!.*\b(?:respon\w*|react\w*|partnership|partners|"
                          r"jtai\s+(?:improvement\s+|action\s+)?plans?)\b).*\bjtais?\b", re.I | re.S)),
    # inspections as the finders: "What have recent ILACS inspections found about caseloads?"
    # ("What have the joint inspections on neglect said about ...?"; not which inspections did, "Which inspections
    # found that leaders did not know ...?", which asks for places that stories name too; nor somebody else telling
    # of them: "Did the Courier say inspections found delays?", "Have councils whose inspections found ...")
    ("ofsted", re.compile(r"\b(?:have|did|do)\s+(?:the\s+)?(?:(?!(?:say|said|says|report\w*|tell|told|council\w*|"
                          r"papers?|press|news|whose)\b)[\w'’-]+\s+){0,2}?inspections\s+(?:[\w'’-]+\s+){0,3}?"
                          r"(?:found|find|say|said|reported|concluded)\b", re.I)),
]
# Someone's reaction to a document asked for tersely: "cumberland dcs reaction to the first mv letter"
REACTION_NAMED_RE = re.compile(r"\b(?:reaction|reacted|response|responded|reply|replied|comments?|quotes?)\s+"
                               r"(?:to|on)\b", re.I)
# A council's people as the ones attacked ("which opposition party went after the cabinet members?"): the story's
# object, not its teller
COUNCIL_TARGETED_RE = re.compile(r"\b(?:went\s+after|go(?:es)?\s+after|called\s+on|call(?:s|ed)?\s+for\s+(?:the\s+)?"
                                 r"(?:resignations?|heads?)\s+of|criticis\w+|attack\w*|target\w*|blam\w+|"
                                 r"demand\w*\s+(?:that\s+)?)\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,2}?"
                                 r"cabinet\s+members?\b", re.I)
# Ofsted receiving what another sent: "when did it go to Ofsted?", "the plan submitted to Ofsted" (no teller), or
# awaited ("when does it expect Ofsted back for its next monitoring visit?")
OFSTED_RECEIVING_RE = re.compile(r"\b(?:go|goes|went|gone|sent|send|sends|submit(?:s|ted)?|returned|passed|delivered|"
                                 r"forwarded)\s+(?:(?!according\b|from\b|unnoticed\b|and\b|then\b)[\w'’-]+\s+){0,6}?"
                                 r"to\s+ofsted\b|"
                                 # (or awaited: "When does Sheffield expect Ofsted back for its next monitoring visit")
                                 r"\b(?:expect\w*|await\w*)\s+(?:ofsted|inspectors|hmi)\s+(?:back|to\s+return)"
                                 r"(?:\s+(?:for|before)\s+(?:its|the|their)\s+(?:next|upcoming|forthcoming)\s+"
                                 r"(?:ofsted\s+)?(?:monitoring\s+)?visit)?\b",
                                 re.I)
# Inspectorates other than Ofsted (a question naming one asks about its inspection, not Ofsted's)
OTHER_INSPECTORATE_RE = re.compile(r"\b(?:care\s+quality\s+commission|cqc|hmicfrs|hmi\s+(?:constabulary|probation)|"
                                   r"hmip|inspectorate\s+(?:of|wales)|estyn|care\s+inspectorate|ciw)\b", re.I)
# ("Has any inspectorate blamed ...?": whichever inspectorate speaks, not Ofsted first)
ANY_INSPECTORATE_RE = re.compile(r"\b(?:any|an|whichever|either)\s+(?:other\s+)?inspectorates?\b", re.I)
OFSTED_NAMED_RE = re.compile(r"\b(?:ofsted|hmi(?!\s+(?:probation|constabulary)))\b", re.I)  # (HMI: Ofsted's inspectors)
# A body that reviews inspections, speaking: Parliament's committees, ministers, commissioners.
OTHER_SPEAKER_RE = re.compile(
    r"\b(?:mps['’]?|members of parliament|(?:select|commons|parliamentary|public accounts|education|clg|"
    r"communities and local government) (?:committee|ctt?ee)|(?:the |an? )?(?:parliamentary |mps['’] )?inquiry|"
    r"the commissioner|"
    r"the minister|the government|the dfe|department for education|the children['’]s commissioner)\b(?:['’]s?)?\s+"
    r"(?:\([^()]{0,60}\)\s*)?"  # ("the Commons Education Committee (not the CLG committee) reported")
    r"(?:(?:sent|brought|put)\s+in(?:to|\s+to)\s+[\w'’-]+\s+|(?:\w+\s+){0,2}?)"
    r"(?:say|said|says|find|found|finds|conclude[sd]?|report(?:ed|s)?|criticis\w+|state[sd]?|"
    r"recommend\w*|blame[sd]?|warn(?:ed|s)?)\b"
    # ("Has anyone warned that the way Ofsted reported ... could give false comfort?": somebody unnamed speaking
    # about Ofsted)
    r"|\b(?:anyone|anybody|someone|somebody)\s+(?:(?:ever|actually|publicly)\s+)?(?:warn(?:ed|s)?|argued?|"
    r"claim(?:ed|s)?|criticis\w+|suggest(?:ed|s)?|sa(?:y|id|ys))\s+(?:that\s+)?(?=[^?]*\bofsted\b)"
    # ("what did people who responded to ofsted's consultation think ...?": the respondents speak)
    r"|\b(?:consultation\s+)?respondents\b|\b(?:people|those|organisations|councils)\s+who\s+responded\b|"
    r"\bconsultees\b|"
    # ("CLG cttee report ... - the committee's own release please": Parliament's committee speaks; not a council's)
    r"\b(?:commons|lords|clg|select|parliament\w*|mps)\b[^?]*?\bthe\s+(?:committee|ctt?ee|inquiry)['’]s\s+own\b",
    re.I)
# A body other than Ofsted that sends letters, and the words that bring Ofsted in: with none of those, "the letter"
# is the other body's
OTHER_SENDER_RE = re.compile(r"\b(?:dfe|department\s+for\s+education|ministers?|secretary\s+of\s+state|"
                             r"commissioners?|(?<!local\s)government|ombudsman)\b", re.I)
OFSTED_IMPLIED_RE = re.compile(r"\b(?:ofsted|inspect\w*|hmis?|visits?|ilacs|jtais?|sif|mv\s?\d*|fv|monitoring|outcome|"
                               r"focus+ed)\b", re.I)
# A clause another body's words come in ("after the DfE found ...", "once the government said ..."), and a council's
# own document named
EVENT_BEFORE_RE = re.compile(r"\b(?:after|once|since|following|when|before)\b", re.I)
COUNCIL_DOCUMENT_NAMED_RE = re.compile(r"\bcouncil(?:['’]s)?\s+(?:own\s+)?(?:page|website|statement|press\s+release|"
                                       r"announcement|report|paper|minutes)\b", re.I)
# A question put in Parliament ("a parliamentary written question on which councils Ofsted had rated inadequate"):
# a minister answers it; Ofsted is spoken about.
PARLIAMENT_QUESTION_RE = re.compile(r"\b(?:parliamentary|written|commons|lords)\s+(?:written\s+)?"
                                    r"(?:questions?|answers?|statements?(?!\s+of\s+action))\b|\bPQs?\b|"
                                    # ("A minister gave Parliament a list of every LA Ofsted had found inadequate";
                                    # not "What did the Ofsted report tell MPs?")
                                    r"\b(?:minister|government|secretary\s+of\s+state|dfe|department)\b[^?.]{0,40}?"
                                    r"\b(?:gave|give|gives|told|tell|tells|informed|answered)\s+(?:parliament|mps|"
                                    r"the\s+(?:commons|lords|house\s+of\s+(?:commons|lords)))\b", re.I)
# A council disputing Ofsted ("Leicester City Council disputed Ofsted's findings", "which council pushed back", "the
# RI one they disputed"):
# Ofsted is spoken about; the dispute is in the press as much as on the council's pages.
COUNCIL_DISPUTES_RE = re.compile(r"\b(?:council|(?:one|inspection|report|judge?ment|grade|rating)\s+"
                                 r"(?:that\s+|which\s+)?they)\s+(?:\w+\s+){0,2}?"
                                 r"(?:disput(?:e|es|ed|ing)|push(?:ed|es|ing)?\s+back|"
                                 r"hit(?:s|ting)?\s+back|contest(?:s|ed|ing)?|reject(?:s|ed|ing)?)\b", re.I)
# "What did Alison Tebbutt tell the scrutiny commission ...?": a person named as the speaker (not Ofsted's own
# officer, "Her Majesty's Inspector") speaks, wherever Ofsted's visit is mentioned.
_NOT_A_PERSON = r"(?:Her|His|HM|Ofsted|Chief|The|Lead|Inspectors?|HMI|Report|Letter|Majesty['’]s)"
NAMED_SPEAKER_RE = re.compile(rf"\b(?i:what|how)\s+(?i:did|does|has|have)\s+"
                              rf"(?:(?i:councillor|cllr|mr|mrs|ms|dr)\.?\s+)?"
                              rf"(?!(?:[A-Z][\w'’-]*\s+)*?{_NOT_A_PERSON}\b)"
                              rf"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)+\s+"
                              r"(?i:say|said|tell|told|explain|describe|add|admit|warn|claim)\b")
# What a council is doing about something, told by its own pages: "What is Coventry doing to improve support for care
# leavers after its Ofsted inspection?" (not "what is Ofsted doing to ...", "what has the DfE done about ...")
# (its subject a council: not "the commissioner", "Coventry's commissioner", "Coventry police"; nor "what is being
# done", said of nobody)
COUNCIL_ACTION_RE = re.compile(r"\bwhat(?:['’]s|\s+(?:is|are|has|have|had))\s+"
                               r"(?P<subject>(?!being\b)(?:[\w'’-]+\s+){1,4}?)"
                               r"(?:doing|done|planning|put\s+in\s+place)\s+(?:to|about|for|since|after)\b|"
                               # ("How is Coventry trying to recruit and keep social workers?")
                               r"\bhow\s+(?:is|are)\s+(?P<trying>(?!being\b)(?:[\w'’-]+\s+){1,4}?)"
                               r"(?:trying|planning|aiming|seeking|working|going)\s+to\b(?!\s+be\b)", re.I)
_COUNCIL_WORDS_RE = re.compile(r"\b(?:the|council|city|borough|county|la|local\s+authority|children['’]?s|"
                               r"services)\b", re.I)


def _names_council_only(subject: str) -> bool:
    """Whether `subject` is a council and nothing else: "Coventry", "the council", "Coventry City Council"."""
    rest = without_authorities(subject, find_authorities(subject))
    return (rest != subject or bool(_COUNCIL_WORDS_RE.search(subject))) \
        and not _COUNCIL_WORDS_RE.sub(" ", rest).strip(" '’")
# The event a question measures from: "after the ofsted fv", "since its 2019 inspection"
_ANCHOR_EVENT = (r"\s+(?:the|its|their|an?)\s+(?:[\w'’-]+\s+){0,3}?"
                 r"(?:fv|mv\s?\d*|visit|inspection|ilacs|jtai|letter|report|judge?ment|rating)s?\b")
EVENT_ANCHOR_RE = re.compile(r"\b(?:after|since|following)" + _ANCHOR_EVENT, re.I)
# ... progress since it ("where has it got to since the jtai"; not "what rating did Kent get after the inspection")
SINCE_EVENT_RE = re.compile(r"\bsince" + _ANCHOR_EVENT, re.I)
SOURCE_KINDS = {"ofsted": ("ofsted_letter", "ofsted_report"), "council": ("council_page",), "news": ("news_article",)}
# Who is quoted, said outright ("according to the council", "the council's own announcement", "the report itself"),
# outranks a source merely mentioned ("what did social workers tell inspectors"); "not press coverage" is no cue.
# an inspector's words asked as a quotation ("lead inspector quote", "what did the lead hmi say in her statement")
# (not "the inspectors' comments on supervision": the letter's findings)
# (not quotes from the report itself: "key quotes from the lead inspector's report", "2019 ilacs - hmi quotes")
INSPECTOR_QUOTE_RE = re.compile(r"^(?![^?]*\b(?:report|letter|ilacs|sif|jtai|mv\d?|fv)\b)(?:[^?]*?)(?:"
                                r"\b(?:inspector|hmi)s?['’]?s?\s+(?:quote|statement)\b|"
                                r"\bquote\s+(?:from|by)\s+(?:the\s+)?(?:ofsted['’]s\s+)?(?:lead\s+)?"
                                r"(?:inspector|hmi)\b|"
                                r"\b(?:inspectors?|hmis?)\b[^?.]{0,30}\bin\s+(?:a|her|his|their|the)\s+statement\b"
                                r"(?!\s+of\b))",
                                re.I)
ATTRIBUTION_CUES = [
    ("council", re.compile(rf"\baccording to (?:the )?(?:[a-z]+ ){{0,3}}council\b|"
                           rf"\bcouncil(?:['’]s)? own\b{_NOT_ITS_OWN}|"
                           # (by its kind: "on the county's own page", "the borough's own statement")
                           r"\b(?:county|borough|city|authority|la)['’]s\s+own\s+(?:web\s?)?(?:page|site|website|"
                           r"statement|release|announcement|news\s+(?:page|release|item|story))s?\b|"
                           # its papers: "According to the minutes of X's scrutiny committee, ...", "According to
                           # Birmingham's cabinet report, ..."
                           # (not Parliament's: "According to the Education Committee report, ...")
                           r"\baccording to (?:the\s+)?(?!(?:[\w'’-]+\s+){0,3}?(?:education|select|public\s+accounts|"
                           r"commons|lords|parliamentary|house)\b)(?:[\w'’-]+\s+){0,3}?(?:minutes|"
                           r"(?:committee|cabinet|scrutiny)\s+(?:report|paper))\b|"
                           r"\bcouncil itself\s+(?:say|said|says|state[sd]?|announce[sd]?|publish(?:ed|es)?|"
                           r"report(?:ed|s)?)\b|"
                           # "What did Wigan Council itself put out ...?" (the council asked about, not "the guidance
                           # the council itself issued" that Ofsted spoke of)
                           r"\b(?:did|does|do|has|have|had)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?council\s+itself\s+"
                           r"(?:put\s+out|issue|release|post|write|publish)\b|"
                           # (not one the question finds wanting: "The council's press release only says July -
                           # on what dates did Ofsted actually do the MV?")
                           rf"\b(?:council|(?<!the )(?<!a )cc)(?:['’]s)? (?:announcement|statement|press release|"
                           rf"news release|website)s?\b"
                           rf"{_FOUND_WANTING}|"
                           # the paper the words are in: "In the March 2018 scrutiny update on the plan, ..."
                           r"\bin\s+the\s+(?:[\w'’-]+\s+){0,3}?(?:scrutiny|cabinet|committee|panel)\s+(?:update|paper|"
                           r"report|minutes)\b|"
                           rf"\bcouncil['’]s\s+(?:own\s+)?(?:news|web)\s?(?:page|item|story|post|article)s?\b"
                           rf"{_FOUND_WANTING}", re.I)),
    ("news", re.compile(r"\baccording to (?:the )?(?:news|press|media|reports? in)\b|"
                        # ("Lambeth 2015 inadequate, as the local news covered it: how many areas did Ofsted set?";
                        # a clause of its own, not a comparison: "was it as bad as the press reported it?")
                        r"(?:(?<=[,:;(–—-])|^)\s*as\s+(?:the\s+)?(?:local\s+|trade\s+)?(?:news|press|papers?|"
                        r"media)\s+(?:covered|reported|told)\s+it\b|"
                        r"(?:(?<=[,:;(–—-])|^)\s*as\s+(?:covered|reported)\s+(?:by|in)\s+the\s+(?:local\s+|"
                        r"trade\s+)?(?:news|press|papers?|media)\b|"
                        r"(?<!not )\b(?:news|press) (?:coverage|reports?|articles?) (?:say|said|says)\b|"
                        # the story named as where the words are ("In the trade-press feature on X's improvement,
                        # what did the director say ...?", "I want the local news story on ...")
                        r"\bin\s+the\s+(?:[\w'’-]+\s+){0,2}?(?:feature|story|article|news\s+piece)\b|"
                        r"\b(?:want|give\s+me|show\s+me|quote)\s+the\s+(?:[\w'’-]+\s+){0,2}?(?:feature|story|article|"
                        r"news\s+piece)\b|"
                        # ("going by the trade write-up only", "per the local paper's write up"; not Ofsted's or the
                        # council's write-up, nor the trade press set aside: "ignore the trade press")
                        r"\b(?:going\s+by|according\s+to|per|from|in)\s+the\s+"
                        r"(?:(?!(?:ofsted|council|inspectors?|hmis?|letter|report)\b)[\w&'’-]+\s+){1,2}?"
                        r"(?:write[-\s]?ups?|trade\s+(?:press|pieces?|stor(?:y|ies)|coverage))\b", re.I)),
    # "according to Ofsted('s report)" is answered by a story quoting the report too (a preference, below);
    # "the report itself", "Ofsted's own words" are not.
    # (also "the latest Ofsted monitoring letter to North East Lincolnshire itself")
    # ("... I want the report, not the 2022 monitoring visit": the inspection's own report, asked for plainly)
    # ("I mean the joint letter, not HMICFRS's separate inspection of the police": a joint inspection's letter)
    ("ofsted", re.compile(r"\b(?:i\s+want|i\s+mean|give\s+me|show\s+me)\s+the\s+(?:ofsted\s+|inspection\s+|ilacs\s+|"
                          r"full\s+)?report(?:\s+itself)?\s*(?=[,.;:?!)]|$)|"
                          r"\bi\s+(?:want|mean)\s+the\s+(?:joint|jtai|ofsted|inspection|inspectors['’]?|monitoring)\s+"
                          r"letter(?:\s+itself)?\s*(?=[,.;:?!)]|$)|"
                          # (its own document, findings or inspectors, or closing a clause: "Ofsted's own, not the
                          # paper's"; not Ofsted's own work spoken of: "Has Parliament criticised Ofsted's own
                          # inspections", "blamed Ofsted's own internal silos", nor what it writes beside its letters:
                          # "its own blog"; its "own views" are its letter's, set against a council's account, not
                          # its "own national view", its blog's or guidance's)
                          # (the words between describe the document, never the work it is about: "Ofsted's own
                          # failings in the inspection", "its own role in the monitoring")
                          r"\bofsted(?:['’]s)? own\b(?!\s+national\s+(?:view|picture|position|line)s?\b)"
                          r"(?=\s*(?:[,.;:?!)–—-]|$)|\s+(?:(?!(?:failings?|failures?|role|"
                          r"record|practice|work|performance|methods?|approach|standards|staff|framework|guidance|"
                          r"learning|lessons|research|reflections?|blogs?|commentary|in|on|of|at|for|to|by|with)\b)"
                          r"[\w-]+\s+){0,3}?(?:letters?|reports?|words|wording|(?:press\s+)?release|statement|"
                          r"judge?ments?|grades?|ratings?|findings?|verdict|views?|account|version|inspection(?!s)|"
                          r"inspectors?|hmis?|monitoring|focused|jtai|publication|summary|text|site|website|page|"
                          r"assessments?|conclusions?|recommendations?|feedback|description|criticisms?|comments?|"
                          r"evidence|take|document|paper|evaluation|narrative)\b)|"
                          r"\b(?:report|letter)\s+(?:(?:to|for|on|about)\s+"
                          r"(?:[\w'’-]+\s+){1,4}?)?itself\b|"
                          r"\binspectors?(?:['’]s?)? own (?:letter|report|words|wording|findings?)\b|"
                          # ("I need the report's own judgement, not what the local news said"; not a council
                          # paper's: "the cabinet paper recommended ...: what were the report's own findings?")
                          r"^(?!.*\b(?:cabinet|committee|scrutiny|minutes|council\s+paper)\b).*?"
                          r"\bthe\s+(?:ofsted\s+|inspection\s+|ilacs\s+)?report['’]s\s+own\s+(?:judge?ments?|"
                          r"grades?|ratings?|findings|words|wording|verdict)\b", re.I | re.S)),
]
# Whose the document named "itself" is: "the DfE's decision letter itself", "the minister's letter itself" are
# another body's, not Ofsted's
# (not a council holding Ofsted's: "Leeds council's ILACS report itself")
# (nor Parliament's: "The MPs' report itself", "the select committee's report itself")
OWNER_BEFORE_RE = re.compile(rf"(?:(?:{OTHER_SENDER_RE.pattern}|\bcouncil)['’]s|"
                             rf"\b(?:mps|parliament|(?:select\s+)?committee|inquiry)['’]s?)\s+"
                             rf"(?:(?!(?:ofsted|ilacs|sif|inspection|monitoring|jtai|mv|fv|visit)\b)[\w-]+\s+){{0,2}}$",
                             re.I)


def _attributed_to(name: str, pattern: re.Pattern, cues: str) -> bool:
    m = pattern.search(cues)
    if m and name == "ofsted" and re.match(r"(?:report|letter)\b", m.group(0), re.I) \
            and OWNER_BEFORE_RE.search(cues[max(0, m.start() - 40):m.start()]):
        return False
    return bool(m)


# "How did Torbay Council respond to Ofsted's findings?": the council's own words first, though Ofsted is named
# (a preference: a story quoting the council's response answers too).
# "Who told Reading's children's services committee ...?": what was said at a council's committee is in its
# minutes (not Parliament's: "told the Commons select committee")
COMMITTEE_TOLD_RE = re.compile(r"\b(?:told|informed|updated|briefed|advised|reported\s+to)\s+(?:the\s+)?"
                               r"(?:(?!commons\b|select\b|parliament\w*\b|lords\b)[\w'’-]+\s+){0,5}?"
                               r"(?:committee|panel|cabinet|scrutiny)\b|"
                               # "who brought the inspection outcome to members?": the meeting's papers tell
                               r"\b(?:brought|took|presented|reported)\s+(?:[\w'’-]+\s+){0,4}?to\s+(?:the\s+)?"
                               r"(?:members|councillors|committee|panel|cabinet|scrutiny)\b|"
                               # "who took the select committee through the letter?" (a council's; not Parliament's
                               # Education Committee)
                               r"\b(?:took|taken|take|talked|walked|led|guided)\s+"
                               r"(?!the\s+education\s+(?:select\s+)?committee\b|(?:[\w'’-]+\s+){0,3}?(?:commons|lords|"
                               r"parliament\w*)\b)(?:[\w'’-]+\s+){0,5}?(?:members|"
                               r"councillors|committee|panel|cabinet|scrutiny)\s+through\b|"
                               # "who chaired the improvement board mtg that discussed the 4th MV letter?": the
                               # meeting's minutes tell (the letter is what it discussed)
                               r"\b(?:committee|panel|cabinet|scrutiny|board)\s+(?:meeting|mtg)s?\s+"
                               r"(?:that|which|where|when)\s+(?:\w+\s+)?(?:discussed|considered|received|noted|"
                               r"reviewed|debated)\b", re.I)
# "Have elected members raised worries about ...?": the councillors speak, in minutes (not what Ofsted said of them:
# "What did Ofsted say about how councillors question leaders?")
COUNCILLORS_RAISED_RE = re.compile(r"\b(?:elected\s+members|councillors|cllrs|committee\s+members)\s+"
                                   r"(?:[\w'’-]+\s+){0,2}?(?:raised|voiced|expressed|questioned|"
                                   # (their meeting on it: "when did councillors go through the letter at scrutiny")
                                   r"discuss(?:ed)?|debated?|consider(?:ed)?|go\s+through|went\s+through|"
                                   r"receive[ds]?)\b", re.I)
COUNCIL_RESPONSE_RE = re.compile(r"\bhow\s+(?:did|has|have|does|do|will)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?council\s+"
                                 r"(?:itself\s+)?(?:respond|react|reply|answer)\w*\b|"
                                 r"\bcouncil(?:['’]s)?\s+(?:response|reaction|reply)\b"
                                 # (not its service: "a council's response to children who go missing")
                                 r"(?!\s+to\s+(?:the\s+)?(?:children|child|young|famil|missing|exploitation|domestic|"
                                 r"people|those|risk|neglect|harm|vulnerable|adolescents|referrals|contacts)\w*)|"
                                 # "How did X's director of children's services respond ...?": who speaks for it
                                 # (not Ofsted's, the police's, a charity's or a team's)
                                 r"\bhow\s+(?:did|has|have|does|do|will)\s+(?!(?:[\w'’-]+\s+){0,5}?(?:ofsted|inspector|"
                                 r"police|charity|trust|team|regulator|government|minister)\b)"
                                 r"(?:[\w'’-]+\s+){0,5}?(?:director|dcs|leader|"
                                 r"cabinet\s+member|lead\s+member|councillors?|chief\s+executive|mayor)"
                                 r"(?:\s+(?:of|for)\s+[\w'’ -]{0,40}?)?\s+(?:respond|react|reply|answer)\w*\b|"
                                 # "doncaster dcs statement after 2nd monitoring visit": who speaks for it, quoted
                                 # ("bolton cllr reaction to the 2025 neglect jtai")
                                 r"(?<!ofsted )(?<!ofsted['’]s )\b(?:dcs|director|lead\s+member|cabinet\s+member|"
                                 r"council\s+leader|chief\s+executive|mayor|cllr|councillor)(?:['’]s)?\s+(?:own\s+)?"
                                 r"(?:statement|comments?|quotes?|reaction)\b|"
                                 # "Who responded for Central Bedfordshire after the visit?": who spoke for the council
                                 r"\bwho\s+(?:responded|replied|reacted|spoke|answered)\s+(?:for|on\s+behalf\s+of)\b"
                                 r"(?!\s+(?:ofsted|the\s+police|police|the\s+children|children|inspectors?|the\s+inspectors?)\b)|"
                                 # "Which council said a poor result was expected ...?": the council speaking (or "Has a
                                 # council told the press that ...?")
                                 r"\b(?:which|a|any)\s+council\s+(?:said|says|stated|claimed|argued|admitted|insisted|"
                                 r"told)\b|"
                                 # "what did the council say the inspectors found ...?" (the council speaks of them)
                                 # "What did the lead member / the DCS tell the committee ...?": the council's people
                                 # (not Ofsted's regional director, nor what they told a paper: its story)
                                 r"\bwhat\s+(?:did|does|has|have)\s+(?:the\s+)?(?:(?!ofsted)[\w'’-]+['’]s\s+)?"
                                 r"(?:lead\s+member|cabinet\s+member|portfolio\s+holder|dcs|(?<!regional\s)director|"
                                 r"councillors?|council\s+leader)\s+(?:(?:of|for)\s+children['’]?s\s+services\s+)?"
                                 r"(?:tell|told|say|said|explain|explained|report|reported)\b"
                                 r"(?!\s+(?:the\s+)?(?:local\s+)?(?:paper|press|newspaper|bbc|reporters?|journalists?|"
                                 r"media)\b)|"
                                 # (the council the subject: not "what did the newspaper say the council said")
                                 r"\bwhat\s+(?:did|does|has|have)\s+(?:the\s+)?(?:(?!ofsted|inspect|hmi|say|said|says|"
                                 r"find|found|tell|told|report|think|thought|write|wrote)[\w'’-]+\s+){0,3}?"
                                 r"council\s+(?:say|said|state|stated|tell|told|claim|claimed)\b|"
                                 # "what figure did the council give for ...?": the council's own words
                                 r"\b(?:what|which)\s+(?:figures?|numbers?|reasons?|statistics?|explanations?)\s+did\s+"
                                 r"(?:the\s+)?(?:[\w'’-]+\s+){0,2}?council\s+(?:give|quote|cite|put\s+out)\b|"
                                 # "Has any LA publicly said sorry ...?": a council speaking, whichever it is
                                 r"\b(?:has|have|did|does)\s+(?:any|a|the|which)\s+(?:la|council|local\s+authority)\s+"
                                 r"(?:\w+ly\s+)?(?:said|say|apologi[sz]ed|admitted|accepted|claimed|disputed)\b|"
                                 # "Who took the Ofsted letter to councillors ...?": the meeting's papers and minutes
                                 # (someone bringing it: not "What did Ofsted report in its letter to the cabinet
                                 # member")
                                 r"\bwho\s+(?:took|presented|brought|reported|introduced)\s+(?:[\w'’-]+\s+){0,6}?"
                                 r"(?:letter|report|findings|outcome)\s+(?:back\s+)?to\s+(?:the\s+|full\s+)?"
                                 r"(?:[\w'’&-]+\s+){0,5}?(?:councillors|members|committee|cabinet(?!\s+member)|"
                                 r"scrutiny|board|panel|council)\b|"
                                 # "What were X councillors worried about when they discussed ...?": the minutes
                                 r"\bcouncillors\s+(?:\w+\s+)?(?:worried|concerned|asked|discussed|questioned|raised|"
                                 r"debated|challenged)\b|"
                                 # "What did the Sandwell scrutiny board report say ...?": the council's own paper
                                 # (not Parliament's: "CLG select committee report", "the Public Accounts Committee's";
                                 # a council's own select committee is its: "surrey select committee report")
                                 r"(?<!\bclg\sselect\s)(?<!\bclg\s)(?<!\bhclg\sselect\s)(?<!\bhclg\s)"
                                 r"(?<!affairs\sselect\s)(?<!affairs\s)(?<!public\saccounts\sselect\s)"
                                 r"(?<!public\saccounts\s)(?<!government\sselect\s)"
                                 r"(?<!government\s)(?<!commons\seducation\s)(?<!commons\s)"
                                 r"\b(?:scrutiny|committee|cabinet|panel|board)(?:['’]s)?\s+(?:report|paper|minutes)\b|"
                                 r"\bminutes\s+(?:say|said|record|recorded|show|note|noted)\b|"
                                 # "When did the scrutiny panel discuss the focused visit, and who presented the
                                 # report to members?": a meeting, in its papers and minutes
                                 # (a council's body as the subject: not an adoption panel, nor staff members)
                                 r"\b(?:scrutiny|corporate\s+parenting|overview)\s+(?:[\w'’-]+\s+){0,3}?"
                                 r"(?:panel|committee|board|commission)\s+(?:\w+\s+)?"
                                 r"(?:discuss|consider|debat|scrutinis|scrutiniz)\w*\b|"
                                 r"\b(?:cabinet|councillors)\s+(?:\w+\s+)?(?:discuss|consider|debat)\w*\b|"
                                 # "Which scrutiny meeting looked at the letter, and when?": the council's papers
                                 # (not "Is the council meeting its duties ...?" nor one Ofsted is asked about)
                                 r"\b(?:which|what)\s+(?:[\w'’-]+\s+){0,2}?(?:scrutiny|committee|cabinet|council)\s+"
                                 r"meetings?\b|"
                                 r"\bpresent\w*\s+(?:the|a|its)\s+(?:[\w'’-]+\s+){0,3}?report\s+to\s+(?:the\s+)?"
                                 r"(?:members|councillors|committee|panel|cabinet)\b", re.I)
# "Which reporter wrote up Wirral's third Ofsted visit?": the story, though Ofsted is named (not "not the newspaper").
# Broadcasters and trade titles, named as who reported ("as the BBC reported it"); their pages seldom print the name
NEWS_OUTLET_RE = re.compile(r"\b(?:BBC|ITV|Sky\s+News|Channel\s+4\s+News|CYP\s+Now|LocalGov|"
                            r"Community\s+Care(?!\s+(?:[Tt]eams?|[Ss]ervices?|[Tt]rust|[Aa]ct|[Pp]artnership)\b)|"
                            r"Local\s+Government\s+Chronicle)\b")
NEWS_WRITER_RE = re.compile(r"(?<!not )(?<!not the )(?<!rather than )(?<!rather than the )\b(?:reporters?|journalists?|"
                            r"newspapers?|local paper|"
                            r"(?:local|trade|national)\s+press(?!\s+(?:release|office|officer|team|statement)s?\b)|"
                            r"press reports?|press coverage|"
                            # "as the press wrote it up", "how the press covered it"
                            r"\bpress\s+(?:write|wrote|reported|cover(?:ed)?)\b|"
                            r"(?:local|press|media)\s+(?:write-?ups?|coverage)|"
                            # "the news write-up of Ofsted's 5th visit", "as covered by the local news site"
                            r"news\s+(?:write-?ups?|sites?|websites?|stor(?:y|ies)|coverage|articles?|outlets?))\b|"
                            # ("according to the article on the 5th monitoring visit": the story tells)
                            r"\baccording\s+to\s+(?:the|an?)\s+(?:(?!ofsted|hmi|inspect|council)[\w'’-]+\s+){0,2}?"
                            r"(?:article|story|news\s+piece|write-?up)\b|"
                            # a paper named by its masthead: "What did Children's Services Weekly report ...?"
                            r"(?<!not )(?<!not the )(?-i:\b(?!Ofsted\b)[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)*\s+(?:Weekly|Times|"
                            r"News|Post|"
                            r"Echo|Gazette|Chronicle|Herald|Argus|Mail|Telegraph|Journal|Observer|Express|Standard|"
                            r"Mercury|Advertiser|Guardian|Shopper|Star|Courier|Sentinel|Enquirer)\b)|"
                            rf"(?<!not )(?<!not the )(?<!rather than )(?<!rather than the )"
                            rf"(?-i:{NEWS_OUTLET_RE.pattern})", re.I)
# "What did Ofsted's letter on the fourth monitoring visit say about caseloads?": the letter is asked for, more
# than a story about it (still a preference: where no letter is in scope, a story quoting it answers).
OFSTED_DOCUMENT_SAYS_RE = re.compile(r"\bofsted['’]s\s+(?:[\w-]+\s+){0,3}?(?:letter|report)\b[^?]{0,120}?\b(?:say|said|"
                                     r"says|state|stated|find|found|conclude|concluded|describe|described|"
                                     r"published)\b|"
                                     # ("what did the Ofsted letter actually say about ...?")
                                     r"\bthe\s+ofsted\s+(?:[\w-]+\s+){0,2}?(?:letter|report)\s+"
                                     r"(?:actually\s+|itself\s+)?"
                                     r"(?:say|said|says|state|stated|find|found)\b|"
                                     # ("According to Ofsted's 2024 ILACS report on Trafford, what ...?")
                                     r"^\W*(?:according\s+to|in)\s+ofsted['’]s\s+(?:[\w-]+\s+){0,3}?"
                                     r"(?:letter|report)\b",
                                     re.I)
# "Quote the Ofsted report itself, not the press coverage: ...": Ofsted's own document asked for by name, as
# OFSTED_DOCUMENT_SAYS_RE's "What did Ofsted's letter say ...?" (read in the question's whole text: its negated sources
# are left out of the cues)
OFSTED_OWN_WORDS_RE = re.compile(r"\b(?:(?:the|its)\s+(?:ofsted\s+)?(?:letter|report)\s+itself|ofsted['’]s\s+own\s+"
                                 r"(?:letter|report|words)|"
                                 # "the inspectors' actual wording from the focused visit letter"
                                 r"(?:inspectors['’]?|ofsted['’]s)\s+(?:actual|exact|own)\s+(?:words|wording)|"
                                 # ("what were Ofsted's areas for improvement?": the letter's own list)
                                 r"\bofsted['’]s\s+(?:areas?\s+for\s+(?:improvement|priority\s+action)|"
                                 r"priority\s+actions|recommendations)\b|"
                                 # "I want the letter's wording, not the local paper's write-up"
                                 r"\bthe\s+(?:ofsted\s+|inspection\s+)?(?:letter|report)['’]s\s+(?:own\s+|exact\s+)?"
                                 r"(?:wording|words|text|language)\b|"
                                 r"(?:actual|exact)\s+wording\s+(?:from|in|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
                                 r"(?:letter|report)|quote\s+(?:from\s+)?the\s+(?:ofsted\s+)?(?:letter|report)|"
                                 # "Just the MV letter please", "Cornwall's letter only" (closing a clause: not "was it
                                 # just the report that mentioned ...", "did the report only cover ...")
                                 r"(?:just|only)\s+the\s+(?:[\w-]+\s+){0,2}?(?:letter|report)(?=\s*(?:please\b|"
                                 r"[,.;:?!)–—-]|$))|"
                                 r"\b(?:letter|report)\s+only(?=\s*(?:please\b|[,.;:?!)–—-]|$))|"
                                 # "Suffolk's letter please, not the Essex one" (a place's, by its capitalised
                                 # name: not its council's, the DfE's, an MP's, a minister's or the Secretary of
                                 # State's)
                                 r"(?-i:\b(?!(?:Council|State|Secretary|Minister|Department|Government|Commissioner|"
                                 r"Leader|Mayor|Director|Executive|Office|Trust)['’]s\b)[A-Z][a-z]+)['’]s\s+"
                                 r"(?:own\s+)?(?:ofsted\s+)?letter\s+please\b|"
                                 # "Quote Ofsted itself", "according to the first MV letter" (asked, opening a clause:
                                 # not "did the Gazette quote inspectors accurately")
                                 r"(?:^|(?<=[.?!;:,–—-])|(?<=[.?!;:,–—-]\s))\s*(?:please\s+)?quote\s+(?:ofsted|"
                                 r"the\s+inspectors|inspectors)(?:\s+(?:itself|themselves|directly))?|"
                                 r"according\s+to\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:mv\d?|fv|"
                                 r"monitoring(?:\s+visit)?|focused\s+visit|jtai|ofsted|inspection)\s+(?:letter|report)|"
                                 # (Ofsted alone, closing the question: "... what did the ILACS say about it? ofsted,
                                 # not the RAA website", "... found about X? Ofsted's findings, not charity advice")
                                 r"(?:(?<=[?!])|(?<=[?!]\s))ofsted(?:['’]?s?\s+(?:own\s+)?"
                                 r"(?:findings|reports?|letters?|words))?(?:\s+only)?(?:\s+please)?"
                                 r"(?:\s*[,;–—-]?\s*(?:not(?!\s+(?:sure|certain)\b)|rather\s+than)(?=\s)|"
                                 r"(?=[.!]?\s*$))|"
                                 r"not\s+(?:the\s+)?(?:press|news|media)\s+coverage|not\s+(?:from\s+)?(?:the\s+)?"
                                 r"(?:press|news\s+stor(?:y|ies)|(?:scrutiny\s+|committee\s+)?minutes|press\s+release|"
                                 r"council['’]s\s+(?:page|statement|summary)))\b", re.I)
# "According to X's own announcement, what ...": who said it is a filter, not words to search for.
# Likewise "In Ofsted's own letter on its third visit to Wirral, what ...", "Quote the report itself, not press
# coverage: what ...": the source is a filter, and the words describing it made a letter's sign-off ("I am copying
# this letter ...") read closer to the question than the findings asked for.
# ("... and who introduced the item, according to the minutes?": the source closing the question)
# (only a source's name: not "... held according to Working Together?", "... according to the 45-day timescale?")
TRAILING_ATTRIBUTION = re.compile(r",?\s*\baccording\s+to\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,6}?"
                                  r"(?:minutes|reports?|papers?|council|release|statement|letter|ofsted|news|story|"
                                  r"article|committee|cabinet|page|website|blog|inspectors?|press|coverage)\b"
                                  r"(?:\s+(?:of|from|to|on)\s+[^?,;]{1,80}?)?(?=\s*[?.!]*\s*$)", re.I)
LEADING_ATTRIBUTION = re.compile(r"^\W*according to [^,?]{1,80},\s*|"
                                 r"^\W*(?=[^,:?]*\b(?:own|itself|letter|report|statement|coverage|release|"
                                 r"announcement|words)\b)"
                                 r"(?:in|from|quote|quoting|citing|using)\b[^?]{1,160}?[,:]\s*(?=(?:what|how|which|"
                                 r"who|whom|when|why|where|did|does|do|is|are|was|were|has|have)\b)|"
                                 # a sentence of its own before the question: "I'm after the council's own news
                                 # release on the January visit, not the press coverage. What did it say ...?" (or
                                 # set off by a dash: "... published in January 2019 - what did it say ...?")
                                 r"^\W*(?:i['’]?m|i\s+am|i['’]?d\s+like|i\s+would\s+like|i\s+want|i\s+need|looking|"
                                 r"please\s+(?:find|show|give)|"
                                 # ("Show me the letter itself from the latest visit: what ...?"; not a clause telling
                                 # which letter by its content, "Find the letter itself where inspectors criticised X",
                                 # nor what kind of paper, "Find X council's own record of the committee meeting")
                                 r"(?:find|show|give|get)(?:\s+me)?\b(?=[^.?!:;]*\b(?:letter|report)\s+itself\b)"
                                 r"(?![^.?!:;]*\b(?:where|which|that|who|whose|when)\b))\b"
                                 r"(?=[^.?!]*\b(?:own|itself|letter|report|statement|coverage|release|announcement|"
                                 r"words)\b)[^.?!]{1,200}(?:[.!:;]|\s[-–—])\s+(?=(?:what|how|which|who|whom|when|why|where|did|"
                                 r"does|do|is|are|was|were|has|have)\b)", re.I)
# "... didnt act fast enough? exact words pls": a closing request for the wording is how to answer, not what about
# (every passage is quoted verbatim anyway)
CLOSING_REQUEST_RE = re.compile(r"(?:(?<=[?.!,;:])|(?<=\s[-–—]))\s*(?:(?:i\s+need\s+|i\s+want\s+|give\s+me\s+)?"
                                r"(?:the\s+)?(?:exact|actual|precise|direct)\s+"
                                r"(?:words|wording|quote|quotes|line|text)|"
                                # (not "..., in full?" asking whether it was done in full)
                                r"verbatim|word\s+for\s+word|quote\s+(?:it|them)(?:\s+in\s+full)?)"
                                r"(?:\s+(?:pls|please|plz|thanks|thx|ta|cheers))?\W*$|"
                                # ... or for the paper to answer from ("? I want the Island's own cabinet paper"): a
                                # source to prefer, which the question's cues name already
                                r"(?<=[?!])\s*(?:i\s+want|i\s+need|i['’]?m\s+after|i\s+am\s+after|give\s+me)\s+"
                                # (only words telling whose or what kind: not its subject, "I want the caseload
                                # report")
                                r"(?:(?:the|their|its)\s+)?(?:[\w'’-]+['’]s?\s+)?"
                                r"(?:(?:own|cabinet|committee|scrutiny|council|ofsted|inspection|local|trade|news|"
                                r"press|original|official|actual|full)\s+){0,3}"
                                r"(?:paper|report|letter|page|"
                                r"minutes|statement|release|story|article|version|write-?up)\b"
                                r"(?:\s*,?\s*(?:not|rather\s+than)\b[^?]*)?\W*$", re.I)
# "..., going by the report extracts on the community site: how did ...": where the reader is reading is a source
# to prefer, not words to search for (the page's own heading "Sample extracts from the Ofsted report" answers nothing).
# (and where it is published, "on the community site"; not what it is on: "going by the letter on the front door")
READER_SOURCE_RE = re.compile(r"[,;]?\s*\b(?:(?:going|go)\s+(?:by|off)|judging\s+(?:by|from))\s+"
                              r"(?:the\s+|its\s+|their\s+|an?\s+)?(?:[\w'’&-]+\s+){0,5}?"
                              r"(?:report|extracts?|letter|page|site|website|article|story|minutes|paper|release|"
                              r"statement|coverage|write-?up|piece|summary)s?\b"
                              # (to whom it was sent: "going by Ofsted's AEM letter to Jo Olsson: ...")
                              # (a person's name, not a body's: "the report to Corporate Parenting Panel" is searched)
                              r"(?:\s+to\s+(?!(?:[\w'’-]+\s+){0,3}?(?:Cabinet|Committee|Panel|Board|Council|Scrutiny|"
                              r"Forum|Group|Members|Partnership|Assembly|Executive)\b)"
                              r"(?-i:(?:Mr|Mrs|Ms|Dr)\s+)?(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+)){0,2}"
                              r"(?=\s*[,:;?]|\s[-–—]))?"
                              r"(?:\s+(?:on|from|in)\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’&-]+\s+){0,2}?"
                              r"(?:site|website|web\s+page|page|blog|forum|portal|newsletter)s?\b)?"
                              # (and the event it is on: "going by the council's own page on the monitoring visit";
                              # not one a month dates, "on the March visit": the month is read from the words left)
                              rf"(?:\s+(?:on|about|after)\s+(?:the|its|their)\s+"
                              rf"(?:(?!{MONTH_NAME}\b)"
                              r"[\w'’-]+\s+){0,2}?(?:visit|inspection|mv|fv|ilacs|sif|jtai|re-?inspection)s?\b)?"
                              r"(?=\s*[,:;?]|\s[-–—]|\s*[.!]*\s*$)|"
                              # (or closing the question: "... need the on-site dates from the scrutiny minutes")
                              r"\s+(?:from|in)\s+the\s+(?:[\w'’-]+\s+){0,3}?(?:minutes|papers?|report|letter|"
                              r"press\s+release|statement|story|article|write-?up)(?=\s*[?.!]*\s*$)|"
                              # (or after it, alone: "lbth mv6 march 19 - anything on knife crime? council's own page")
                              # (by a teller the source cues read: not "? Home Office statement", "? The 2019 report")
                              r"(?<=[?!])\s*(?:the\s+)?(?:council|ofsted|inspectors?|hmi|la|cc|local\s+paper|press|"
                              r"news)['’]?s?\s+(?:own\s+)?(?:page|site|website|release|press\s+release|statement|"
                              r"letter|report|story|article|coverage|minutes|paper)s?(?:\s+(?:only|please))?"
                              r"\s*[.!]*\s*$", re.I)
# A label, then the clause that asks ("Kirklees, the June 2019 inspection ...: was anything said about X?")
LABEL_THEN_ASKED_RE = re.compile(r"^([^?:;]{10,200}?)(?::\s+|\s[-–—]\s+)((?:what|how|which|who|whom|when|why|where|"
                                 r"did|does|do|is|are|was|were|has|have|had|can|could)\b[^?]{3,200}\?)", re.I)
# What a source clause says the source is about ("own statement about care leavers in Rutland", "own report on its
# fostering recruitment drive"), unless it is the event it reports on (SOURCE_EVENT_RE).
SOURCE_SUBJECT_RE = re.compile(r"\b(?:about|on|regarding|concerning|into)\s+(?:the\s+|its\s+|their\s+|our\s+|a\s+)?"
                               r"([^,.;:?!]{3,60}?)(?=\s*(?:[,.;:?!]|$)|\s+(?:in|for|at|from|not|rather|published|dated|"
                               r"to|after|following)\b|\s[-–—])", re.I)
SOURCE_EVENT_RE = re.compile(r"\b(?:visits?|inspections?|judge?ments?|reports?|letters?|ratings?|findings|outcomes?|"
                             r"results?|re-?inspections?|assessments?)\b", re.I)
# A source the question says is wrong is set aside: "Quote Ofsted itself - the South London Chronicle piece got it
# wrong", "The Courier piece makes it sound like May", "The Reporter says three days, which doesn't sound right" (the
# source named by an article and at most three words, its verb right after it; to the clause's end: not "Ofsted's
# letter" before it, nor the question after a dash or a comma)
# (a paper by its masthead's last word: "the Courier", "the Rutland Chronicle")
OUTLET_WORDS = (r"gazette|herald|chronicle|echo|argus|advertiser|mercury|sentinel|courier|examiner|telegraph|guardian|"
                r"observer")
_MASTHEAD_WORDS = rf"{OUTLET_WORDS}|reporter|journal|times|star|express|news"
WRONG_SOURCE_RE = re.compile(r"\b(?:the|a|an|that|this|their|its)\s+(?:[\w'’]+(?:-[\w'’]+)*\s+){0,3}?(?:piece|story|"
                             r"article|write-?up|coverage|release|paper|newspaper|blog|post|"
                             + _MASTHEAD_WORDS + r")"
                             # (or its figures: "The local paper's figures look off to me")
                             r"(?:['’]s\s+(?:figures?|numbers?|dates?|account|version|maths|sums|quotes?))?\s+"
                             # ("The Reporter says three days, which doesn't sound right")
                             r"(?:(?:says|said|claims|claimed|reports|reported|has|had)\s+[^.?!;,]{1,60}?,?\s+which\s+"
                             r"(?:doesn['’]t|does\s+not|didn['’]t|did\s+not|isn['’]t|is\s+not|can['’]t|cannot)\s+"
                             r"(?:sound|seem|look|be|add|match|fit)|"
                             r"got\s+(?:it|this|that|(?:the\s+)?[\w'’-]+)\s+wrong|(?:is|was|were|are)\s+"
                             r"(?:wrong|inaccurate|misleading|mistaken)|misquot\w+|misreport\w+|garbled|"
                             r"exaggerat\w+|overstat\w+|(?:makes|made|is\s+making)\s+it\s+(?:sound|look|seem)|"
                             r"(?:looks?|looked|seems?|seemed|sounds?|sounded)\s+"
                             r"(?:(?:a\s+bit|rather|quite|way|all)\s+)?"
                             r"(?:off|wrong|odd|inaccurate|dodgy|suspect|garbled))\b"
                             r"(?:(?!\s[-–—]\s)[^.?!;,])*", re.I)
# Someone's past employer is no source: "who was DCS, wasn't she ex-Ofsted?", "a former Ofsted inspector" (not a
# document: "Kent's former Ofsted rating")
PAST_EMPLOYER_RE = re.compile(r"\b(?:ex|former|formerly\s+(?:of|at|with)|previously\s+(?:of|at|with))[-\s]+ofsted\b"
                              r"(?!(?:['’]s?)?\s+(?:letter|report|visit|judge?ment|finding|rating|grade|"
                              r"inspection)s?\b)"
                              r"(?:\s+(?:inspector|hmi|director|official|chief|employee)s?\b)?", re.I)
# What others said, set aside: "not what councils say about themselves", "not what the local papers said"
_WHAT_OTHERS_SAY = (r"what\s+(?:the\s+)?(?:councils?|las?|local\s+authorit(?:y|ies)|press|media|(?:local\s+)?papers?|"
                    r"news(?:papers?)?)\s+(?:say|says|said|claim|claims|claimed|wrote|write)")
# "... the local press write-up, not Ofsted's own report", "rather than press reports": a source set aside is no cue.
# (not a state: "homes that are not registered with Ofsted")
NEGATED_SOURCE_RE = re.compile(rf"\bnot\s+{_WHAT_OTHERS_SAY}\b|"
                               # ("Ofsted's findings only, not what councils say about themselves")
                               r"\bnot\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:visit|inspection|mv|fv|ilacs)s?\s+"
                               # (a source listed after an event set aside: "not the 2022 monitoring visit or the press
                               # coverage")
                               r"(?:or|nor)\s+(?:the\s+)?(?:local\s+|trade\s+)?(?:press|news|media|coverage|"
                               r"stor(?:y|ies)|articles?|write-?ups?)(?:\s+coverage)?\b|"
                               # (nor a question's own "not": "is that not ofsteds finding too?")
                               r"\b(?:(?<!\bthat\s)(?<!\bit\s)(?<!\bthis\s)"
                               r"not(?!\s+(?:registered|regulated|inspected|approved|notified|known|judged|"
                               r"rated)\b)|rather\s+than|instead\s+of)\s+(?:in\s+|from\s+)?(?:the\s+|a\s+|an\s+)?"
                               # (after an event listed first: "not the ILACS or the staffs panel report")
                               r"(?:(?:ilacs|sif|jtai|mv\s?\d*|fv|inspection|visit)\s+(?:or|nor)\s+(?:the\s+|its\s+)?)?"
                               # (a possessive typed without its apostrophe: "not ofsteds figure")
                               r"(?:[\w-]+['’]s\s+)?(?:[\w-]+\s+){0,4}?(?:own\s+)?(?:ofsted(?:['’]?s)?|council|press|"
                               r"news|media|"
                               r"newspapers?|local\s+paper|magazines?|reports?|letters?|inspectors?|coverage|"
                               r"statements?|articles?|"
                               r"stor(?:y|ies)|write-?ups?|pieces?|blogs?|posts?|web\s*pages?|pages?|websites?|"
                               # (to a dash too: "Not the Ofsted letter please - I need the council's own report")
                               r"releases?|bulletins?|minutes|papers?|notices?|"
                               # (a paper by its title alone: "I need the council's own release, not the Gazette")
                               rf"{OUTLET_WORDS}|bbc|itv|sky\s+news|cyp\s+now|"
                               # (to a bracket's close: "the letter itself (not the council's release) say ...")
                               r"versions?)\b(?:(?!\s(?:but|and)\b|\s[-–—]\s)[^,.:;?)])*|"
                               # "The Echo names someone but I want it from the Ofsted letter": set aside by a "but"
                               r"\b(?:the\s+)?(?:local\s+)?(?:press|news(?:paper)?|papers?|stor(?:y|ies)|articles?|"
                               rf"{OUTLET_WORDS})\b[^.?!;:]{{0,60}}?\bbut\s+(?=i\s+(?:want|need|would\s+like|"
                               r"['’]d\s+like)\b)", re.I)
# "What did Ofsted's letter say about supervision, which the council's press release also mentions?": a source
# named in a clause beside the one asked is no cue either.
# ("..., which the council's press release only paraphrases": a source named before "only", "merely", "just"; not
# "assessments that were just repeated without new analysis")
_ALSO_VERBS = (r"(?:mentions?|mentioned|reports?|reported|says?|said|covers?|covered|quotes?|quoted|describes?|"
               r"described|notes?|noted|paraphrases?|paraphrased|summari[sz]es?|summari[sz]ed|repeats?|repeated)\b")
_SOURCE_WORDS = (r"(?:press\s+release|letter|report|story|paper|article|statement|minutes|blog|bulletin|page|website|"
                 r"news|ofsted|council|inspectorate)s?")
ALSO_SOURCE_RE = re.compile(rf"(?:,\s*|(?<=\w)\s+)(?:which|that|as)\s+(?:(?:[\w'’-]+\s+){{1,5}}?also\s+|"
                            rf"(?:[\w'’-]+\s+){{0,4}}?{_SOURCE_WORDS}\s+(?:only|merely|just)\s+){_ALSO_VERBS}[^,.;?]*",
                            re.I)
# (not what was said: "Did the press release say that Ofsted's letter also noted high caseloads?")
_REPORTED_THAT_RE = re.compile(r"\b(?:say|says|said|find|finds|found|report|reports|reported|note|notes|noted|state|"
                               r"states|stated|claim|claims|claimed)\s*$", re.I)


def without_sources_beside(text: str) -> str:
    """`text` without clauses naming another source beside the one asked (see ALSO_SOURCE_RE)."""
    return ALSO_SOURCE_RE.sub(lambda m: m.group(0) if _REPORTED_THAT_RE.search(text[:m.start()]) else " ", text)


_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
# "What did the June 2019 inspection find (not the March monitoring visit)?": the event set aside is no filter.
# ("I don't want the West Northants 2022 report": set aside as plainly)
# (an event set aside by its outcome too: "Not the 2017 result or the 2015 inadequate")
_SET_ASIDE_EVENT = (r"(?:re-?)?(?:visit|inspection|letter|report|one|result|outcome|judge?ment|rating|grade|"
                    r"inadequate|mv|ilacs|sif|jtai|ri|requires\s+improvement|outstanding|direction|notice|"
                    # (or a piece on one: "I don't want the 2023 RI report or the MV5 write-up")
                    r"write-?up|mv\s?\d{1,2}|fv|"
                    # (or a paper: "not the 2023-24 NSCP briefing")
                    r"briefing|bulletin|newsletter|presentation|"
                    # (or its figures: "I don't want Surrey's September figures")
                    r"figures|numbers|data|stats)")
# (a grade's spread joined on: "the 2019 all-inadequate", "the all-RI one")
_EVENT_PREFIX = r"(?:(?:all|non|part)-)?"
_NOT_YEAR = r"\bnot\s+(?:in\s+)?(?:" + MONTH_RE + r"\s+)?(?:19|20)\d\d\b"
_HELD_OFFICES = (r"director|dcs|chief\s+executive|lead\s+member|cabinet\s+member|portfolio\s+holder|commissioner|"
                 r"leader|minister|(?:lead\s+)?inspector|hmi|head\s+of\s+service|councillor|cllr")
# ("not the interim DCS ...")
_OFFICE_NOT = rf"(?:and\s+)?not\s+(?:the|its|their)\s+(?:[\w-]+\s+){{0,2}}?(?:{_HELD_OFFICES})\b"
YEAR_ALONE_SET_ASIDE = (r"(?<=[^\s(])[,;]?\s*" + _NOT_YEAR +
                        r"(?:\s*(?:or|and|to|[-–/])\s*(?:(?:19|20)\d\d|\d\d)\b)?"
                        r"(?=\s*[),;?.!]|\s*$|\s+[-–—]\s|\s+but\b)")
# (a bracket's second clause sets aside to its close: "(what they said then, not the dates of the june inspection)")
_SET_ASIDE_DATE = (rf"(?:\s+(?:from|in|of|dated)\s+(?:(?:{MONTH_RE}\s+)?(?:19|20)\d\d\b|"
                   rf"{MONTH_RE}(?![\w'’-])(?!\s*,?\s*\d)))?")
NEGATED_EVENT_RE = re.compile(r"\(\s*(?:not|rather than|instead of)\b[^)]*\)|"
                              rf"{CLOSING_SET_ASIDE}|"
                              # ("the 2022 one, not who was DCS back in 2015/16": who or what held at a time set aside,
                              # after a comma or dash; not "was the plan not where it needed to be by 2020?")
                              r"(?<=[,;–—-])\s*not\s+(?:who|whom|whose|which|when)\b[^,;?()]{0,80}?"
                              r"\b(?:19|20)\d\d\b(?:\s*(?:[/–-]|to|and|or)\s*(?:(?:19|20)\d\d|\d\d)\b)?|"
                              # (or who held an office then: "2016 - not the director appointed in December 2018,
                              # and not the interim DCS the 2018 MV letter went to", "Not the councillor quoted on the
                              # January 2017 MV")
                              rf"(?:(?<=[,;–—-])|(?<=[.?!]))\s*{_OFFICE_NOT}"
                              rf"(?:(?!\s[-–—]\s|\s+but\b)[^,;?()]){{0,80}}?\b(?:19|20)\d\d\b"
                              rf"(?:\s+{_SET_ASIDE_EVENT}s?\b(?:\s+(?:letter|report)s?\b)?)?"
                              rf"(?:\s+(?:went|was\s+sent|was\s+addressed)\s+to\b)?|"
                              # ("Need the 2023 grades, not what the later MVs said")
                              r",?\s*\bnot\s+what\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:mvs?|visits?|letters?|"
                              r"reports?|inspections?|stories|coverage|news|press)\s+(?:said|say|says|found|wrote)\b|"
                              r"(?<=[^\s(])[,;]\s*(?:not|rather than|instead of)\s+(?:the|its|their|an?)\b[^()]{0,200}(?=\))|"
                              # (a year alone set aside: "(the most recent time, not 2013)", "not 2013 or 2014 -")
                              rf"{YEAR_ALONE_SET_ASIDE}|"
                              # (a visit by its number alone: "The 2023 write-up only, not MV5 or the council's own
                              # 2019 page")
                              # (to its clause's end: ", not MV5 or the JTAI"; not "If not MV4 then which visit?")
                              r",?\s*(?<!\bif\s)\bnot\s+(?:mv|fv)s?\s?\d{1,2}\b[^?.:;()]{0,200}|"
                              # (a person set aside with the event they spoke on: "Not Peter Fortune on the 2019 good
                              # judgement")
                              r",?\s*\bnot\s+(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+"
                              r"(?:on|about|at|after|from)\s+"
                              rf"(?:the|its|their)\s+(?:[\w-]+\s+){{0,3}}?{_SET_ASIDE_EVENT}s?\b|"
                              r",?\s*\b(?:(?<!\bis\sthere\s)(?<!\bwas\sthere\s)(?<!\bare\sthere\s)(?<!\bwere\sthere\s)"
                              r"(?<!\bit\s)(?P<plain_not>not)|rather\s+than|instead\s+of|"
                              rf"{NOT_WANTED}|"
                              # ("wirral ILACS 2023, leaving aside the later monitoring visits")
                              rf"{ASIDE_WORDS})\s+"
                              # ("Not what was said at the 2017 full inspection or the 2018 focused visit")
                              r"(?:what\s+(?:[\w'’]+\s+){1,3}?(?:at|in|about|during|from|after|on)\s+)?"
                              # ("I don't want the weaknesses from the Dec 2023 or March 2024 visits")
                              r"(?:(?:the|its|their)\s+[\w'’-]+\s+(?:from|at|in|of|on)\s+)?"
                              # (no preposition among the words before it: "were care leavers not a theme in the
                              # briefing from 2023?" asks of that briefing)
                              r"(?:the|its|their|an?|[\w-]+['’]s(?:\s+own)?)\s+"
                              r"(?:(?!(?:in|on|at|from)\s)[\w-]+\s+){0,3}?"
                              r"(?:(?:or|and|nor)\s+(?:[\w-]+\s+){1,3}?)?"
                              # (or its framework's guidance: "not the current ILACS framework guidance")
                              rf"{_EVENT_PREFIX}{_SET_ASIDE_EVENT}s?\b(?:\s+(?:(?:letter|report)s?|findings|"
                              r"framework(?:\s+(?:guidance|document))?|guidance|handbook)\b"
                              # (a grade named as the event, then "one", before what is listed with it: "not the
                              # 2019 all-inadequate one or the 5th MV"; not "the inadequate one about leadership what
                              # did ...", whose tail is the question)
                              r"|\s+ones?(?=,?\s+(?:or|nor)\s))?"
                              # (with its date after it: "Not WNC's own ILACS from Nov 2022"; "not the 6th MV in
                              # March or the 2017 SIF")
                              rf"{_SET_ASIDE_DATE}"
                              # (and what it was on: "not the later MV on permanence"; or of whom: "not HMICFRS's
                              # separate inspection of Humberside Police"; or with what: "not the 5th MV with the
                              # 'lower caseload promise'")
                              r"(?:\s+(?:on|about|into|covering|of|with)\s+(?!(?:the\s+)?(?:\d|(?:19|20)\d\d\b))"
                              r"(?:(?!\s+but\b|\s+-\s)[^,.;:?()]){1,60})?"
                              # (and the clause telling it: "not the 2023 ILACS that took them to RI", "not the
                              # June 2019 one when they were RI across four areas")
                              # (not the question's own "when": "not the 2019 ilacs when was the next one")
                              # (or, after a plain "not", a participle: "not a later visit noting improvement for
                              # disabled children"; after "other than", "rather than", it is the question's own:
                              # "Is there a letter rather than the 2019 ILACS saying caseloads were too high?")
                              r"(?:\s+(?:that|which|(?:when|(?(plain_not)where|(?!)))(?!\s+(?:was|were|did|does|do|is|"
                              r"are|has|have|had|will|can|could)\b)|(?(plain_not)(?:noting|saying|finding|showing|"
                              r"reporting|praising)|(?!)))\s+"
                              r"(?!(?:is|are|was|were)\s+(?:asked|meant)\b)"
                              r"(?:(?!\s+but\b|\s+-\s)[^,.;:?()]){1,80})?"
                              # (or told by when it was told: "not the front door one reported in December")
                              r"(?:\s+(?:reported|published|covered|written|sent|issued|held|carried\s+out)\s+"
                              rf"(?:(?:in|on|during)\s+(?:{MONTH_RE}(?:\s+(?:19|20)\d\d)?|(?:19|20)\d\d)|"
                              rf"last\s+(?:year|month|{MONTH_RE}))\b)?"
                              # (and what is listed with it: "I don't want the 2015 report or the latest inspection")
                              # (or a place's: "Not the 2016 RI or West Northants' 2022 result"; "not the 2019
                              # ILACS and not Leicester's 2015 grades")
                              # ("... or either of the 2025 visits")
                              r"(?:,?\s+(?:(?:or|nor|and)\s+(?:not\s+)?(?:(?:either|both|any|all|each)\s+of\s+)?"
                              r"(?:(?:the|its|their|an?)\s+|(?-i:(?=[A-Z])))"
                              r"(?:[\w'’-]+\s+){0,3}?"
                              # (with its own date: "not the two-day visit in March 2024 or the final one in Sept 2025")
                              rf"{_EVENT_PREFIX}{_SET_ASIDE_EVENT}s?\b{_SET_ASIDE_DATE}|"
                              # (or a date alone, listed before the list's "or" and its event: "not the dec 23 one,
                              # march 2025 or the final sept 2025 MV"; not "not the 2018 one, 2022, what ...")
                              rf"(?<=,\s)(?:{MONTH_RE}\s+)?(?:19|20)\d\d\b(?:\s+{_EVENT_PREFIX}{_SET_ASIDE_EVENT}s?\b)?"
                              rf"(?=,?\s+(?:or|nor)\s+(?:(?:the|its|their|an?|any)\b|{MONTH_RE}\s+(?:19|20)\d\d\b))|"
                              # (or a place by its year alone: "not the Kirklees agency figures or West Northants 2022";
                              # not a month, nor what is asked after "and": "not the 2016 SIF, and January 2023 please")
                              rf"(?:or|nor)\s+(?:not\s+)?(?!{MONTH_RE}\b)"
                              r"(?:(?-i:[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|&|and|upon|of))*?)|"
                              # (typed in lower case: "not lambeth's 2018 re-inspection or leicester 2015"; not a
                              # question going on, "or was it 2021?")
                              rf"(?:(?!(?:was|were|did|does|do|is|are|has|have|had|what|which|when|how|why|who|it|"
                              rf"they|the|i|think|just|only|even|earlier|older|later|newer|anything|possibly|maybe|"
                              rf"perhaps|before|after|since|from|in|of|to|than|please|{MONTH_RE})\b)"
                              r"[a-z][\w'’-]*\s*){1,3}?)['’]?s?\s+(?:in\s+)?"
                              rf"(?:{MONTH_RE}\s+)?(?:19|20)\d\d\b(?!\s+(?:please|only|is|was|one)\b)))*", re.I)
# ("now" in lower case: "CYP Now" is a magazine)
# (not "current" as what a thing is, after having it: "care leavers who don't have current pathway plans")
RECENCY_RE = re.compile(r"\b(latest|most recent|newest|(?<!\bhave )(?<!\bhas )(?<!\bhad )(?<!\bwithout )(?<!\bno )"
                        r"current(ly)?|(?-i:now)|these days|recent(ly)?)\b", re.I)
FOLLOW_UP_RE = re.compile(r"^\s*(and|what about|how about|and what about|same (for|in)|also|what of)\b", re.I)
# A month named without a year for an event ("its December monitoring visit", "the visit in March"): that
# month of any year. "May" and "March" are words too, so as a month they are capitalised.
EVENT_NOUN = (r"(?:ofsted\s+)?(?:monitoring\s+|focused\s+|follow-up\s+|full\s+)?"
              r"(?:visit|inspection|re-inspection|letter|report|meeting|mv)s?\b")  # ("the September MV")
# A paper dated by the year before it ("the March 2018 scrutiny update", "its 2019 press release")
DATED_PAPER = r"(?:(?:progress\s+)?update|paper|minutes|(?:press|news)\s+release|statement|briefing|bulletin)s?\b"
# A terse query's bare month ("west sussex mv5 sept findings") too, when the query is about an event; not the
# ends of a range ("between September and December") nor a first name ("Jan Smith").
# ("(the December one, not the final visit)": the month names the visit the question is about)
EVENT_MONTH_RE = re.compile(rf"\b(?:(?:the|its|an?)\s+)?{MONTH_RE}\s+(?:{EVENT_NOUN}|one\b)|"
                            rf"\b(?:in|during)\s+{MONTH_RE}(?![\w'’])(?!\s*,?\s*\d)|"
                            rf"(?<!since )(?<!until )(?<!before )(?<!after )(?<!from )(?<!between )(?<!and )(?<!to )"
                            rf"(?<!of )(?<!by )(?<!each )(?<!last )(?<!this )(?<!next )\b{MONTH_RE}(?![\w'’-])"
                            rf"(?!\s*,?\s*\d)(?!\s+(?-i:[A-Z]))(?!\s+(?:to|and|until)\b)", re.I)
# "the March 2019 (Ofsted) (monitoring) ...": a month naming an event of the kind that follows it
_MONTH_OF_EVENT = rf"\b{MONTH_RE}\s+(?:\d{{4}}\s+)?(?:ofsted\s+)?(?:monitoring\s+|focused\s+|follow-up\s+|full\s+)?"
VISIT_MONTH_RE = re.compile(rf"{_MONTH_OF_EVENT}(?:visit|vist|inspection|re-inspection|fieldwork|mv\b|mv\s?\d)|"
                            # ("the MV in March 2025")
                            rf"\b(?:visit(?:ed)?|inspect(?:ed|ion)|fieldwork|returned|revisited|mvs?(?:\s?\d)?)\b"
                            rf"[^.?]{{0,30}}?"
                            rf"\b(?:in|during)\s+"
                            rf"(?:early\s+|late\s+|mid-?)?(?:{MONTH_RE}|(?:spring|summer|autumn)\s+\d{{4}})|"
                            # ("liverpool MV Dec 23", "mv march 2025": a terse label's month straight after the visit)
                            rf"\b(?:mvs?|fv)\s?\d?\s+{MONTH_RE}\s+(?:\d{{4}}|\d\d)\b|"
                            # "Ofsted's late-2019 inspection": a season's visit
                            rf"\b(?:early|late|mid|spring|summer|autumn|winter)[\s-]+(?:of\s+)?\d{{4}}\s+(?:ofsted\s+)?"
                            rf"(?:monitoring\s+|focused\s+|full\s+)?(?:visit|inspection|re-inspection)", re.I)
# "bristol people scrutiny mar 2024 ofsted mv2 item": a month straight after a council body dates its meeting
MEETING_MONTH_RE = re.compile(rf"(?:{COUNCIL_BODY_RE.pattern})(?:\s+(?:commission|committee|panel|board|meeting))?"
                              rf"\s+(?:(?:on|in)\s+)?{MONTH_RE}(?:\s+\d{{4}})?", re.I)
# ... whose words in a terse query name the paper put to it, as its date does; every passage of it is the body's
# (the words naming the body, straight before the meeting's month)
TERSE_MEETING_RE = re.compile(r"(?:\b(?:children['’]?s|people|scrutiny|cabinet|corporate|parenting|commission|"
                              r"committee|ctt?ee|panel|board|meeting)\s+)+$", re.I)
# "the February 2022 focused visit('s) letter" with the question on its publication ("came out", "was published",
# "responded to"): the month may be the letter's, not the visit's.
# A source on a letter named with its month: "walsall council press release on the feb 24 MV letter"
SOURCE_ON_LETTER_RE = re.compile(rf"\b(?:release|statement|story|article|piece|minutes|paper|update|response|post)\s+"
                                 rf"(?:on|about|to)\s+(?:the\s+|its\s+)?{MONTH_RE}\s+(?:(?:19|20)\d\d\s+)?"
                                 rf"(?:[\w'’-]+\s+){{0,3}}?letter\b", re.I)
# (the visit's word may be Ofsted's abbreviation, "the 6th MV report in april 2019")
_VISIT_PAPER = r"\b(?:visit|inspection|mv\s?\d?|fv)[’']?s?[’']?\s+(?:letter|report)s?\b"
LETTER_MONTH_RE = re.compile(rf"{_MONTH_OF_EVENT}{_VISIT_PAPER[2:]}", re.I)
# ... or after it: "when the Bury focused visit letter came out in December 2023"
LETTER_OUT_IN_RE = re.compile(_VISIT_PAPER + r"(?=[^.?]{0,30}?\b(?:came\s+out|"
                              r"(?:was|were)\s+(?:published|released|issued))\s+(?:in|during)\s)", re.I)
# "at the time of the final monitoring visit letter in April 2019": a month straight after the letter is its own
LETTER_IN_MONTH_RE = re.compile(rf"{_VISIT_PAPER}\s+(?:in|of|dated)\s+{MONTH_RE}\b", re.I)
PUBLISHED_RE = re.compile(r"\b(?:came|come|comes|coming)\s+out\b|\b(?:published|publication|released|issued|"
                          r"respon(?:d|ded|ds|se)|reacted)\b", re.I)
# A terse query ("west sussex mv5 sept findings"), not a sentence: its bare month is the event's. In a sentence a
# bare month is a deadline or a period ("must improve by June", "the April to June quarter").
TERSE_QUERY_RE = re.compile(r"^(?![^?]*\?)\W*(?!(?:what|which|who|whom|whose|when|where|why|how|did|does|do|is|are|was|"
                            r"were|has|have|can|could|should|would|will|quote|according|tell|list|show|give|find|"
                            r"i|we|as|for|in|after|before|since)\b)", re.I)
# Keywords naming Ofsted's document ("ofsted letter rochdale 4th mv b&b numbers", "reading jtai letter rhis"): the
# letter itself is asked for, as "the letter itself" is in a sentence (not a council body's papers on it).
TERSE_OFSTED_DOCUMENT_RE = re.compile(r"\b(?:ofsted|hmi|jtai|fv|mv\s?\d*|outcome|(?:monitoring|focus+ed)\s+visit)\s+"
                                      r"(?:letters?|reports?)\b", re.I)
# "mv5", "MV 3": staff shorthand for a monitoring visit's number.
VISIT_RE = re.compile(rf"\b(?:the\s+)?{ORDINAL_RE}\s+(?:and\s+(?:final|last)\s+)?(?:ofsted\s+)?(?:(?:monitoring\s+)?"
                      rf"(?:visit|vist|vsit|mv)\b|monitoring\s+letter)|"  # (in a hurry; "fifth monitoring letter")
                      rf"\bvisit\s+(?:number\s+)?(\d{{1,2}})\b|\bmv\s?-?(\d{{1,2}})\b|"
                      # "the fifth of Ofsted's six monitoring visits"
                      rf"\b(?:the\s+)?{ORDINAL_RE}\s+of\s+(?:(?:ofsted|the|its|their)(?:['’]s)?\s+)?"
                      rf"(?:two|three|four|five|six|seven|eight|nine|ten|\d{{1,2}})\s+(?:planned\s+)?(?:ofsted\s+)?"
                      rf"(?:monitoring\s+)?visits\b", re.I)

# "glos mv date after the 5th letter": where monitoring visits are named, an ordinal letter is the visit's
MONITORING_NAMED_RE = re.compile(r"\bmvs?\b|\bmonitoring\s+visits?\b", re.I)
ORDINAL_LETTER_RE = re.compile(rf"\b(?:the\s+)?{ORDINAL_RE}\s+(?:ofsted\s+)?letter\b"
                               # (not "the first letter to parents")
                               r"(?!s?\s+to\s+(?:parents|families|schools|carers)\b)", re.I)

# ... and so is an ordinal "one": "after the MV the committee discussed (the fifth one)"
ORDINAL_ONE_RE = re.compile(rf"\b(?:the\s+)?{ORDINAL_RE}\s+one\b", re.I)
# ... and an ordinal in apposition: "its December monitoring visit to Liverpool, the first after the 2023 inadequate
# judgement" (after what starts a series of visits: not "the first since lockdown", "the first after the new DCS")
ORDINAL_AFTER_RE = re.compile(rf",\s*(?:the\s+)?{ORDINAL_RE}(?=\s+(?:one\s+|visit\s+)?(?:after|since|following)\s+"
                              r"(?:[\w'’-]+\s+){0,4}?(?:inadequate|judge?ment|rating|grade|inspection|ilacs|sif|"
                              r"re-?inspection)\b)", re.I)


@dataclass(frozen=True)
class FilterOverrides:
    """Filters the user set by hand (the UI's Filters panel); they replace what the question implied."""

    year_from: int | None = None
    year_to: int | None = None
    doc_types: tuple[str, ...] = ()
    authorities: tuple[str, ...] = ()
    ignore_question_filters: bool = False  # drop the question's own time, place and visit filters first

    @classmethod
    def coerce(cls, value: "FilterOverrides | dict | None") -> "FilterOverrides":
        """Accept the dataclass or a plain dict (the Python API's and the JSON endpoint's form)."""
        if isinstance(value, cls):
            return value
        value = dict(value or {})
        return cls(year_from=value.get("year_from") or None, year_to=value.get("year_to") or None,
                   doc_types=tuple(value.get("doc_types") or ()), authorities=tuple(value.get("authorities") or ()),
                   ignore_question_filters=bool(value.get("ignore_question_filters")))

    def __bool__(self) -> bool:
        return self != FilterOverrides()

    def to_dict(self) -> dict:
        """Only the fields that are set."""
        out: dict = {}
        for key in ("year_from", "year_to"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        for key in ("doc_types", "authorities"):
            if getattr(self, key):
                out[key] = list(getattr(self, key))
        if self.ignore_question_filters:
            out["ignore_question_filters"] = True
        return out


@dataclass
class Query:
    text: str  # the question as asked (trimmed)
    topic: str  # the question without its time/place/visit expressions
    date_from: date | None = None
    date_to: date | None = None
    time_phrase: str = ""
    recency: bool = False
    visit_number: int | None = None
    authorities: list[str] = field(default_factory=list)
    source: str | None = None  # "ofsted" | "council" | "news"
    source_named: bool = False  # the source's own document is what speaks ("What did Ofsted's letter say?")
    doc_types: list[str] = field(default_factory=list)  # set in the UI, or by an attribution ("the council's own")
    follow_up: bool = False
    without_time: str = ""  # the question minus its time phrase: what the retrievers see
    names: list[str] = field(default_factory=list)  # acronyms and proper names asked about ("CQC", "Eleanor Brazil")
    answer_type: str | None = None  # "date" | "person" | "count" | "judgement" (qa/retrieval/answer_type.py)
    month: int | None = None  # a month asked without its year ("the December visit"): that month of any year
    outlets_aside: list[str] = field(default_factory=list)  # papers set aside by name ("not the courier"), lower case

    @property
    def month_dates_visit(self) -> bool:
        """"the March 2019 visit", "inspected in March": the month is the visit's. Otherwise ("reported to the
        committee in October 2019", "what did Ofsted say in March") a document published that month is in it too."""
        text = NEGATED_EVENT_RE.sub(" ", self.text)
        if SOURCE_FROM_RE.search(text):
            return False  # "the news story from july 2019 ... the march visit": the month is the story's
        if SOURCE_ON_LETTER_RE.search(text):
            return False  # ("council press release on the feb 24 MV letter": published with the letter, not the visit)
        if PUBLISHED_RE.search(text):  # "when the February 2022 focused visit letter came out": the letter's month
            text = LETTER_OUT_IN_RE.sub(" ", LETTER_MONTH_RE.sub(" ", text))
        text = MEETING_MONTH_RE.sub(" ", LETTER_IN_MONTH_RE.sub(" ", text))
        # ("Since the January monitoring visit, ... the May 2024 committee report": the month is the paper's)
        # (so, spelled out, "Liverpool monitoring visit Dec 23", where no paper is asked: not "cabinet report on the
        # monitoring visit march 2024")
        return any(not SINCE_BEFORE_RE.search(text, 0, m.start()) for m in VISIT_MONTH_RE.finditer(text)) \
            or bool(_VISIT_LABEL_MONTH_RE.search(text) and not _PAPER_WORD_RE.search(text))

    @property
    def search_text(self) -> str:
        if self.follow_up:
            return " ".join([self.topic] + self.authorities)
        return self.without_time or self.text

    @property
    def keyword_text(self) -> str:
        """What keyword search looks for: the search text without the authorities it names. They are a filter,
        so every candidate is about them already; left in, they reward passages that repeat the name (headlines,
        standfirsts) over the ones that speak to the topic. An opening clause that sets the scene ("When Ofsted
        lifted X's inadequate rating in 2017, what did it say about performance management?") goes too: it
        describes every passage of the story, while what is asked comes after it."""
        if self.follow_up:
            return self.topic
        text = self.search_text
        split = scene_and_question(text)
        # (not a question's first half, "What did ... ; were agency staff used?"; a scene may open on a clause,
        # "When Ofsted rated Croydon inadequate in 2017, it sent a letter.")
        first_half = split and _ASKS_RE.match(split[0]) and not SCENE_CLAUSE.match(split[0])
        if split and not first_half:
            own = SCENE_CLAUSE.sub("", split[1], count=1)  # (nor the asked sentence's own opening scene clause)
            split = (split[0], own if _has_topic(own) else split[1])
        if split and not first_half and _has_topic(split[1]):
            # A sentence setting the scene ("Ofsted made its fifth visit in September, the fifth since the 2019
            # judgement. What did inspectors say about recruitment?") names what every passage of the story holds:
            # the sentence that asks counts twice, so its words lead rather than the scene's.
            text = f"{text} {split[1]}"
        elif not split and (label := LABEL_THEN_ASKED_RE.match(text)) and _has_topic(label.group(2)):
            # So does a label before a colon or a dash ("Kirklees, the June 2019 inspection that lifted the
            # inadequate (local paper write-up): was anything said about permanence? I mean that inspection."):
            # the clause that asks counts twice.
            text = f"{text} {label.group(2)}"
        asked = SCENE_CLAUSE.sub("", text, count=1)
        if asked != text and _has_topic(asked):
            text = asked
        asked = LATE_SCENE_CLAUSE.sub(" ", EVENT_ASIDE_RE.sub(r"\1", text))
        if asked != text and _has_topic(asked):
            text = asked
        if self.authorities:
            stripped = self.without_places(text)
            text = stripped if _has_topic(stripped) else text
            # So is the inspection framework named beside a place and a topic ("north tyneside ilacs 2024
            # caseloads"): the report's header and download line repeat "ILACS", its findings do not (dev pool +8
            # first, two lost to a judgement table or headline; with "jtai" too, one more forbidden passage). Not
            # without a place: "Which areas does ILACS cover?" asks about the framework itself.
            # (and a kind of visit, the same way: "bromley focused visit 2021 caseloads", where the council's
            # headline repeats "focused visit" and the findings do not; not when its date or inspectors are asked,
            # which the letter's opening "the focused visit to X on ..." states)
            stripped = FRAMEWORK_RE.sub(" ", text)
            # (nor one the question measures from, "moved on since the focused visit the autumn before", which
            # the answer names too; nor one dated to its month, "rutland april 2018 focused visit caseloads", which a
            # later story's passage recalling it names with the month)
            month_asked = self.month or (self.date_from and self.date_to
                                         and (self.date_to - self.date_from).days <= MONTH_WINDOW_DAYS)
            if self.answer_type not in ("date", "person") and not month_asked:
                stripped = VISIT_KIND_NAMED_RE.sub(
                    lambda m: m.group(0) if _MEASURED_FROM_RE.search(stripped[:m.start()]) else " ", stripped)
            text = stripped if _has_topic(stripped) else text
        return text

    def without_places(self, text: str) -> str:
        """`text` with the authorities asked about taken out (any of their names; "north + west northants")."""
        return re.sub(r"\s+", " ", without_authorities(shared_names_expanded(text), self.authorities)).strip()

    def with_places_named(self, text: str) -> str:
        """`text` with each asked authority's abbreviation written as its name ("cambs" -> "Cambridgeshire",
        "northants" -> "Northamptonshire", "WSCC" -> "West Sussex"): the embedding model knows the name, not staff
        shorthand. A form holding the name ("Kent County Council", "kent's") stays as written."""
        for name in self.authorities:
            text = authority_surface_re(name).sub(
                lambda m: m.group(0) if name.casefold() in m.group(0).casefold() else name, text)
        return text

    def filters(self) -> dict:
        """What the question restricted, for the JSON `filters` field and the UI."""
        out: dict = {}
        if self.date_from or self.date_to:
            out["date_from"] = self.date_from.isoformat() if self.date_from else None
            out["date_to"] = self.date_to.isoformat() if self.date_to else None
            out["time"] = self.time_phrase
        if self.recency:
            out["recency"] = True
        if self.visit_number:
            out["visit_number"] = self.visit_number
        if self.month:
            out["month"] = self.month
        if self.authorities:
            out["local_authorities"] = list(self.authorities)
        if self.source:
            out["source_preference"] = self.source
        if self.doc_types:
            out["doc_types"] = list(self.doc_types)
        if self.follow_up:
            out["follow_up_of"] = self.topic
        return out

    def describe(self) -> str:
        """A short line for the user: 'Showing 2018 documents; Ofsted documents first'."""
        parts = []
        if self.date_from or self.date_to:
            phrase = self.time_phrase or _span_label(self.date_from, self.date_to)
            parts.append(f"Showing documents {phrase}" if re.match(r"(since|after|from|between|before|until|up to|prior)\b",
                                                                  phrase, re.I) else f"Showing {phrase} documents")
        if self.month:
            parts.append(f"about a {calendar.month_name[self.month]} visit or event (any year)")
        if self.authorities:
            parts.append("about " + " and ".join(self.authorities))
        if self.visit_number:
            parts.append(f"on the {_ordinal(self.visit_number)} monitoring visit")
        if self.doc_types:
            parts.append("types: " + ", ".join(self.doc_types))
        if self.source == "ofsted":
            parts.append("Ofsted documents first")
        elif self.source == "council":
            parts.append("council documents first")
        elif self.source == "news":
            parts.append("news first")
        if self.recency:
            parts.append("most recent first")
        return "; ".join(parts)


def _ordinal(n: int) -> str:
    words = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
    return words[n - 1] if 0 < n <= len(words) else f"{n}th"


def _span_label(a: date | None, b: date | None) -> str:
    if a and b and a.year == b.year and (a.month, a.day, b.month, b.day) == (1, 1, 12, 31):
        return str(a.year)
    return f"{a.isoformat() if a else '...'} to {b.isoformat() if b else '...'}"


def _month_start(year: int, month: int | None) -> date:
    return date(year, month or 1, 1)


def _month_end(year: int, month: int | None) -> date:
    month = month or 12
    return date(year, month, calendar.monthrange(year, month)[1])


def _named(year: int, month: int) -> str:  # (month 0: none named)
    return f"{calendar.month_name[month]} {year}" if month else str(year)


def _month(name: str | None) -> int | None:
    if not name:
        return None
    name = name.lower().rstrip(".")
    return MONTHS.get(name) or MONTH_ABBREVIATIONS[name]


def _tidy(text: str) -> str:
    """One space between words and none before punctuation, once a phrase is cut out of a question (nor brackets
    emptied by the cut, nor a comma left after a colon: "letter from Ofsted (March 2019): setting aside ..., what")."""
    text = re.sub(r"\s+([?.!,;])", r"\1", re.sub(r"\s+", " ", re.sub(r"\(\s*\)", " ", text)))
    return re.sub(r"([:;])[,;]+", r"\1", text).strip()


def _valid_year(y: str) -> int | None:
    year = int(y)
    return year if 1990 <= year <= 2100 else None


# A document written on an event, just before "after the <date> visit": the letter, report or statement on it.
REPORT_ON_EVENT_RE = re.compile(r"\b(?:letter|report|statement|feedback|findings|outcome|press release|article|"
                                r"story)\s+(?:(?:that was\s+)?(?:published|sent|issued|written|that came)\s+)?$",
                                re.I)


# "After the March 2024 visit to Liverpool, what did inspectors say about ...?": what inspectors said after a visit
# is that visit's letter, so the visit's month is asked (not everything since; "what did the council do after the
# March 2024 visit" still asks from then on).
VISIT_NAMED_AFTER_RE = re.compile(r"\s+(?:ofsted\s+)?(?:monitoring\s+|focused\s+|follow-up\s+|full\s+)?"
                                  r"(?:visit|inspection|re-inspection)\b", re.I)
# (the question asks it: "what did inspectors say", not "how did the council respond to what inspectors found"; nor
# about a later visit: "what did inspectors find at the next visit")
INSPECTORS_SAY_RE = re.compile(r"(?:^|[,;:–—-]\s*)\W*(?:so\s+)?(?:what|how|which|who|did|does|do)\b[^,;?]{0,20}?"
                               r"\b(?:ofsted|inspectors?|hmis?|the\s+(?:watchdog|inspectorate))\b(?:['’]s)?\s+"
                               r"(?:(?:\w+\s+){0,2})?(?:say|said|find|found|conclude|concluded|report|reported|write|"
                               r"wrote|judge|judged|rate|rated|note|noted|highlight\w*|prais\w*|criticis\w*|want\w*|"
                               r"think|thought|make|made)\b(?![^?]*\b(?:next|following|later|subsequent)\s+visit)",
                               re.I)


# What is planned for a time, not a state at it: "what did the plan aim to open by 2020?"
TARGET_BEFORE_RE = re.compile(r"\b(?:targets?|goals?|deadlines?)\s*(?:for\s+\w+\s*)?$", re.I)
AIM_BEFORE_RE = re.compile(r"\b(?:aim\w*|target\w*|plan\w*|will|would|expect\w*|intend\w*|hop(?:e|es|ed|ing)|due|"
                           r"commit\w*|pledg\w*|promis\w*|want\w*|goal)\b", re.I)


# A sentence setting the scene before the question ("Ofsted judged Sefton inadequate in late 2023. What did the second
# monitoring visit find about strategy meetings?"): the question sentence says what is asked. It follows a full stop
# and a capital (not an abbreviation's stop: "St. Helens", "Dr. Smith", "Jan. 2023"), or a semicolon or dash, and
# asks (a question mark, or a question or request word opening it: "Tell me what the second visit found.").
# (not a dash between two days of a span: "MV 28 Feb - 1 Mar 2017: what did ...")
_SENTENCE_END_RE = re.compile(rf"(?<=[.!])\s+(?=[A-Z])|;\s*|\s[-–—]\s(?!\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?"
                              rf"{MONTH_NAME}(?![\w'’]))", re.I)
_ABBREVIATION_END_RE = re.compile(r"\b(?:st|dr|cllr|cllrs|coun|mr|mrs|ms|prof|rev|no|nos|vol|para|paras|jan|feb|mar|"
                                  r"apr|jun|jul|aug|sep|sept|oct|nov|dec|[a-z])\.$", re.I)
_ASKS_RE = re.compile(r"^\W*(?:what|how|which|who|whom|whose|when|why|where|did|does|do|is|are|was|were|has|have|had|"
                      r"can|could|will|would|should|tell|show|give|list|find|summari[sz]e|quote|name)\b", re.I)
# A judgement with its time beside it ("judged inadequate in late 2023", "its 2023 rating"); the visits asked after it
# come later, unless the question asks what came before it.
_JUDGED_BEFORE_RE = re.compile(r"\b(?:rated|judged|graded|found|deemed|declared)\b[^.;,]{0,50}$", re.I)
_JUDGEMENT_AFTER_RE = re.compile(r"^\s+(?:[\w-]+\s+)?(?:judge?ment|rating|grade)\b", re.I)
VISIT_ASKED_RE = re.compile(r"\b(?:monitoring|focused|follow-up)\s+visits?\b|\bmvs?\s?\d|\bvisits?\b", re.I)
# The source the scene names ("as the trade press wrote it up", "the CYP Now piece on ..."), asked what it recalls:
# "how did the article describe where X had been before"
WRITE_UP_NAMED_RE = re.compile(r"\b(?:wrote|written|write-?up|reported|covered|coverage|article|story|piece|feature|"
                               r"press|news)\b", re.I)
RECALLED_BY_SOURCE_RE = re.compile(r"\b(?:the|that|this)\s+(?:article|story|piece|write-?up|coverage|feature|report|"
                                   r"letter)\s+(?:describe|say|recall|put|summari[sz]e|mention|give)s?\b"
                                   r"(?=.*\b(?:before|earlier|previous(?:ly)?|had\s+been|used\s+to)\b)", re.I)
# What an earlier inspection found, carried to a later one: "the RI areas from the 2012 inspection", "the
# recommendations of the 2015 report"
FINDINGS_CARRIED_RE = re.compile(rf"\b(?:areas?|recommendations?|weaknesses|concerns|shortcomings|actions?|findings)\s+"
                                 rf"(?:(?:identified|raised|found|made)\s+)?(?:from|of|at|in)\s+(?:the|its|their)\s+"
                                 rf"{YEAR}\s+(?:[\w-]+\s+)?(?:inspection|visit|report|sif|ilacs|judge?ment)\b", re.I)
EARLIER_ASKED_RE = re.compile(r"\b(?:before|prior|leading\s+up|until|up\s+to|preceding|ahead\s+of|earlier)\b", re.I)


def scene_and_question(text: str) -> tuple[str, str] | None:
    """(scene, question) when a sentence setting the scene comes before the one that asks; else None."""
    ends = [m for m in _SENTENCE_END_RE.finditer(text)
            if not _ABBREVIATION_END_RE.search(text[max(0, m.start() - 6):m.start()])]
    if not ends:
        return None
    scene, asked = text[:ends[-1].start()].strip(), text[ends[-1].end():].strip()
    opened = ends[-2].end() if len(ends) > 1 else 0  # (where the part before the last break begins)
    opening = text[opened:ends[-1].start()].strip()
    if ends[-1].group(0).strip() in ("-", "–", "—") \
            and (not _ASKS_RE.match(asked) and _ASKS_RE.match(opening) or FOLLOW_UP_RE.match(opening)):
        # a dash going on with the question that opened before it: "What did Ofsted say still hadn't been sorted -
        # agency staffing, supervision by team managers?" asks from its question word (after a label too: "Kent
        # ILACS 2019 - what did ... - x, y?"); "And what about the monitoring visit in March 2025 - had the response
        # turned round?" from the event it turns to
        scene, asked = text[:ends[-2].start() if len(ends) > 1 else 0].strip(), f"{opening}{ends[-1].group(0)}{asked}"
        if not scene:
            return None
    if len(scene.split()) < 3 or not (asked.endswith("?") or _ASKS_RE.match(asked)):
        return None
    return scene, asked


# (words that are part of a date, not a description of the event: "the early 2017 visit", "the summer 2019 inspection")
_SEASON_WORDS = r"(?:early|late|mid|summer|spring|autumn|winter|start|end|beginning|first|second|last)\b"


# "leicester latest ilacs vs 2021": the year the latest is measured against, no time asked (what compares the two
# is written after it, and may not say when)
COMPARED_WITH_YEAR_RE = re.compile(rf"\b(?:vs\.?|versus|compar(?:ed?|es|ing)\s+(?:with|to)|against)\s+"
                                   rf"(?:the\s+|its\s+)?(?:(?:last|previous|earlier)\s+)?(?:[\w-]+\s+){{0,2}}?{YEAR}\b",
                                   re.I)


# ... or the time a figure "then" is measured against: "somerset 1st mv (nov) - repeat referral rate then vs mar 16?"
# (the visit is asked; the baseline is the figure's, which the visit's letter states)
THEN_COMPARED_RE = re.compile(rf"\b(then|at\s+the\s+time|at\s+that\s+(?:visit|point))\s+(?:vs\.?|versus|v\.?|"
                              rf"compared\s+(?:with|to)|against)\s+(?:{MONTH_YEAR}|{YEAR})\b", re.I)


# ... the second added after the question: "kirklees 2016 sif - how many pages was the report? and the 2019 one"
YEAR_APPENDED_RE = re.compile(r"\b((?:19|20)\d\d)\b[^?]*\?\s*(?:and|also|plus)\s+(?:also\s+)?(?:the|its|what\s+about"
                              r"\s+the)\s+((?:19|20)\d\d)\s+(?:one|report|visit|inspection|letter|sif|ilacs|mv|fv)s?"
                              r"\W*$", re.I)


# (a council body, as a source names it, or a paper's own word)
_PAPER_WORD_RE = re.compile(rf"{COUNCIL_BODY_RE.pattern}|\b(?:committee|panel|board|report|paper|meeting|mtg|update|"
                            rf"briefing)\b", re.I)
_DATES_COMPARED_RE = re.compile(rf"\b(?:{MONTH_RE}\s+)?{YEAR}\s+(?:vs\.?|versus|v\.?|compared\s+(?:with|to)|against)\s+"
                                rf"(?:{MONTH_RE}\s+)?{YEAR}\b", re.I)


def parse_time(text: str) -> tuple[date | None, date | None, str, str]:
    """Return (from, to, phrase, text without the phrase). Handles ranges, since/before, seasons,
    month-year and bare years. A time in the question sentence is the one asked, not one in a sentence setting
    the scene before it; a judgement's time there dates the visits asked about from then on."""
    text = THEN_COMPARED_RE.sub(r"\1", text)
    if RECENCY_RE.search(text) and (compared := list(COMPARED_WITH_YEAR_RE.finditer(text))) \
            and len(re.findall(rf"\b{YEAR}\b", text)) == len(compared):
        return None, None, "", text
    if (dated := SOURCE_FROM_RE.search(text)) and (own := _source_date(SOURCE_FROM_RE.sub(r"\1 of ", text),
                                                                         dated.start())):
        return own  # (whatever sentence asks: "X's release from Sept 2017. What did it say about 2015?")
    if (dated := SOURCE_DATED_IN_BRACKET_RE.search(text)) \
            and (own := _source_date(SOURCE_DATED_IN_BRACKET_RE.sub(r"\1 of \2", text, count=1), dated.start())):
        return own
    # A statement closing the question that only says which event is meant is no sentence that asks: "... what had
    # happened to caseloads? That visit only, Liverpool only.", "... what was her title? The 2017 council page." (the
    # time the question's sentences give holds when the statement's years agree with it)
    if (closing := _closing_statement(text)) and not YEAR_APPENDED_RE.search(text):
        asking, tail = closing
        start, end, phrase, rest = _split_time(asking)
        years = [int(y) for y in _YEAR_RE.findall(tail)]
        if (start or end) and all((start or date.min).year <= y <= (end or date.max).year for y in years) \
                and (years or not re.search(rf"\b{MONTH_RE}(?![\w'’])", tail, re.I)):
            return start, end, phrase, _tidy(f"{rest} {_YEAR_RE.sub(' ', tail)}")
    start, end, phrase, rest = _split_time(text)
    if start and not end and (dated := _YEAR_BRACKET_RE.search(text)) and int(dated.group(1)) > start.year \
            and _NEXT_EVENT_RE.search(text[:dated.start()]):
        # "cambridgeshire's next full inspection after the jan 2019 RI downgrade (2022 or so)": the bracket dates the
        # event asked; the date before it is only what that event came after
        year = int(dated.group(1))
        return date(year, 1, 1), date(year, 12, 31), dated.group(1), _tidy(_YEAR_RE.sub(" ", rest))
    return start, end, phrase, rest


_NEXT_EVENT_RE = re.compile(r"\b(?:next|following|subsequent|later)\b", re.I)  # (not "since the dec 2018 ILACS (2019)")
# (a year alone in a bracket, perhaps as a guess: "(2022)", "(2022 or so)", "(around 2022?)")
_YEAR_BRACKET_RE = re.compile(r"\(\s*(?:(?:around|about|roughly|circa|c\.|in|maybe|probably)\s*)?((?:19|20)\d\d)"
                              r"(?:\s+or\s+so|\s*-?ish|\s+i\s+think)?\s*\??\s*\)", re.I)
_THE_YEAR_AFTER_RE = re.compile(r"\b(?:the|a)\s+(?:following\s+)?year\s+$", re.I)


def _split_time(text: str) -> tuple[date | None, date | None, str, str]:
    """parse_time of a question's sentences: the one that asks, then the scene before it."""
    split = None if YEAR_APPENDED_RE.search(text) else scene_and_question(text)
    if split:
        scene, asked = split
        start, end, phrase, rest = _parse_time(asked)
        if start and not end:
            # "... on Lambeth's 2018 re-inspection. What changed the pace of improvement after the 2015 judgement?":
            # the question's "after 2015" is the baseline of the later event the scene names, which is asked
            whole = _parse_time(text)
            if whole[0] and whole[1] and whole[0] > start:
                return whole
        if start and end and (earlier := _parse_time(scene))[0] and earlier[1] and earlier[0] > end \
                and FINDINGS_CARRIED_RE.search(asked):
            # "dudley 2016 inadequate - had the RI areas from the 2012 inspection been progressed?": the earlier
            # inspection's findings are what the later one (the scene's) looked back on
            return earlier[0], earlier[1], earlier[2], _tidy(f"{earlier[3]} {asked}")
        if start and end and RECALLED_BY_SOURCE_RE.search(asked) and WRITE_UP_NAMED_RE.search(scene):
            # "Lambeth 2018 re-inspection, as the trade press wrote it up - how did the article describe where
            # Lambeth had been before, i.e. its 2012 grade ...?": the years the source recalls are words it holds;
            # the scene's event dates the source
            earlier = _parse_time(scene)
            if earlier[0] and earlier[1] and earlier[0] > end:
                return earlier[0], earlier[1], earlier[2], _tidy(f"{earlier[3]} {asked}")
        if start and end and (compared := _DATES_COMPARED_RE.search(asked)) and _PAPER_WORD_RE.search(scene) \
                and (paper := _parse_time(scene))[0] and paper[1] \
                and (paper[0].year, paper[0].month) > max((int(compared.group(2)), _month(compared.group(1)) or 12),
                                                          (int(compared.group(4)), _month(compared.group(3)) or 12)):
            # "sunderland scrutiny dec 24 - assessment team caseloads oct 23 vs oct 24?": two dates' figures compared
            # are words the paper holds; the scene's date dates the paper (a paper's, after both)
            return paper[0], paper[1], paper[2], _tidy(f"{paper[3]} {asked}")
        if end and not start and _PAPER_WORD_RE.search(scene) and _LOOKED_BACK_ON_RE.search(asked) \
                and not _ANOTHER_EARLIER_RE.search(asked) and (paper := _parse_time(scene))[0] and paper[1] \
                and paper[0] > end:
            # "CLG cttee report on Rotherham, march 2015 - what did it say about Ofsted's inspections up to 2012?":
            # the years a paper looks back on are words it holds; the scene's date dates the paper
            return paper[0], paper[1], paper[2], _tidy(f"{paper[3]} {asked}")
        if start or end:
            return start, end, phrase, _tidy(f"{_parse_time(scene)[3]} {rest}")
        start, end, phrase, rest = _parse_time(scene)
        at = scene.find(phrase) if phrase else -1
        judged = at >= 0 and (_JUDGED_BEFORE_RE.search(scene[:at])
                              or _JUDGEMENT_AFTER_RE.match(scene[at + len(phrase):]))
        if start and end and judged and VISIT_ASKED_RE.search(asked) and not VISIT_ASKED_RE.search(scene) \
                and not EARLIER_ASKED_RE.search(asked):
            return start, None, f"from {phrase}", _tidy(f"{rest} {asked}")
    start, end, phrase, rest = found = _parse_time(text)
    if end and not start and (dated := _PAPER_DATED_RE.search(text)) \
            and (paper := _parse_time(dated.group(1)))[0] and paper[1] and paper[0] > end:
        # "... when it reported in March 2015 ..., what did he say about Ofsted's inspection arrangements up to
        # 2013?": the paper's date is the time asked; the years it looks back on are words it holds
        return paper[0], paper[1], paper[2], _tidy(f"{text[:dated.start(1)]} {text[dated.end(1):]}")
    return found


# What a paper says of a span up to a year: "what did it say about Ofsted's inspections up to 2012?" (not "which
# reports before 2020 rated Kent inadequate?", other papers' events)
_THE_PAPER = r"\b(?:it|they|the\s+(?:committee|report|inquiry|paper|review|release|mps|members|authors))\s+"
_LOOKED_BACK_ON_RE = re.compile(rf"{_THE_PAPER}(?:say|said|says|find|found|finds|conclude[sd]?)\b[^?]*"
                                rf"\b(?:up\s+to|until|till)\s+(?:19|20)\d\d\b", re.I)
_ANOTHER_EARLIER_RE = re.compile(r"\b(?:previous|earlier|prior|last|former)\b", re.I)
# A paper's own date, told as the time of the one asked about: "when it reported in March 2015" (not "before the
# improvement plan was published in June 2023": another paper's)
_PAPER_DATED_RE = re.compile(rf"\bwhen\s+{_THE_PAPER}(?:reported|published|released|issued|came\s+out)\s+((?:on|in)\s+"
                             rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{MONTH_RE}\s+{YEAR})\b", re.I)


# A visit dated after its name ("mv may 2015", "MV, Dec 2023", "monitoring visit on 12 December 2023")
# (written out, with its month: not "including the monitoring visit in 2019", a visit within the span asked)
_DATED_ON = r"(?:\s*[,(]\s*|\s+)(?:(?:in|on)\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"  # (", ", " on 12 ")
_VISIT_DATED_RE = re.compile(rf"\b(?:(?:mv|fv)\s?\d?{_DATED_ON}(?:{MONTH_RE}\s+)?|"
                             rf"(?:monitoring|focused)\s+visit\s?\d?{_DATED_ON}{MONTH_RE}\s+)"
                             rf"(?P<y>(?:19|20)\d\d)\b(?![/–-]\d)", re.I)
# An event named as the end of a span ("... ahead of the re-inspection in 2019") or, for a visit, within one ("after
# the March 2023 ILACS, up to the MV in Dec 2023", "including the MV in Dec 2023")
_SPAN_CLOSERS = r"ahead\s+of|up\s+to|before|run-up\s+to|until|till|prior\s+to"
_EVENT_BEFORE = r"\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?"  # (its article and a word or two of its name)
_CLOSES_EVENT_RE = re.compile(rf"\b(?:{_SPAN_CLOSERS}|including|incl\.?){_EVENT_BEFORE}$", re.I)


def _event_later(text: str, event_year: re.Match, opened: tuple[int, int], visits_dated: set[int],
                 anchor_at: int) -> bool:
    """The event asked (`event_year`) comes after the (year, month) a "since"/"after" opens from: a later year; or a
    later month of the same year for a visit dated after its name ("MV in Dec 2023, the first one after the Mar 2023
    ILACS"; not the inspection's own report, "since the Jan 2023 ILACS (the March 2023 report)"), or a visit's month
    in the year of an event left undated within it, told of the visit straight after it ("MV in Dec 23 (first one
    after the 2023 inadequate)", "MV in Dec 23, after the 2023 inadequate": the visit followed it, so its month is the
    time asked; not "since the 2022 ilacs (the mv in feb 2022 was before it)", nor "the mv in feb 2023 found drift -
    has it improved since the 2023 ilacs?"). `anchor_at`: where the "since"/"after" is."""
    year, month = _event_time(text, event_year)
    return year > opened[0] or (year == opened[0] and event_year.start() in visits_dated
                                and (month > opened[1] or (month and opened[1] == 13 and bool(
                                    _VISIT_DESCRIBED_RE.fullmatch(text, event_year.end(), anchor_at)))))


# between a visit's date and the "after" telling which it was: "(first one ", " (the one ", ", the first visit "
_VISIT_ORDINAL = r"(?:(?:first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th|latest|last|only|next)\s+)?"
_VISIT_DESCRIBED_RE = re.compile(rf"\s*(?:\(\s*(?:the\s+)?{_VISIT_ORDINAL}(?:one|visit|mv)?|"
                                 rf"[,–—-]\s*(?:the\s+)?{_VISIT_ORDINAL}(?:one|visit|mv))\s*", re.I)
# a visit's month typed straight after it, spelled out: "Liverpool monitoring visit Dec 23"
_VISIT_LABEL_MONTH_RE = re.compile(rf"\b(?:monitoring|focus+ed)\s+visit\s?\d?\s+{MONTH_RE}\s+(?:\d{{4}}|\d\d)\b", re.I)


def _event_time(text: str, event_year: re.Match) -> tuple[int, int]:
    """(year, month or 0) of an event whose year `event_year` matched, with the month typed before it ("Dec 2023")."""
    named_month = re.search(rf"\b{MONTH_RE}\s+$", text[:event_year.start()], re.I)
    return int(event_year.group(1)), (_month(named_month.group(1)) or 0) if named_month else 0


def _closing_statement(text: str) -> tuple[str, str] | None:
    """(the question up to its last "?", the statement after it) when a statement asking nothing closes it: "...
    what had happened to caseloads? That visit only." (not "Can you help? How many ...")."""
    head, mark, tail = text.rpartition("?")
    return (head + mark, tail) if mark and tail.strip() and not _ASKS_RE.match(tail.strip()) else None


def _asked_sentence(text: str) -> str:
    """The sentence that asks (see scene_and_question), when it names what it asks about ("What was it?" does not);
    a statement after the question mark that only says which event is meant is left out."""
    if (closing := _closing_statement(text)) and _has_topic(closing[0][:-1]) \
            and _ASKS_RE.match(re.split(r"(?<=[.?!])\s+", closing[0][:-1])[-1]):
        # ("... or was it still going? I want the 2019 judgement, not the 2021 FV": the statement tells which event;
        # not "Can you help? I need to know how many ...", whose statement asks)
        text = closing[0]
    split = scene_and_question(text)
    return split[1] if split and _has_topic(split[1]) else text


_WH_WORD_RE = re.compile(r"\b(?:what|which|who|whom|whose|when|where|why|how)\b", re.I)


def _asked_type(text: str) -> str | None:
    """The kind of answer asked (answer_type) by the sentence that asks; or by a terse label before it, where that
    sentence is a bare fragment ("salford ilacs 2024 judgements - outstanding across the board?"; not "kent ilacs
    results - what did they say about care leavers?", which asks for findings)."""
    asked = _asked_sentence(text)
    kind = answer_type(asked)
    if kind is None and asked != text and (at := text.rfind(asked)) > 0 and not _WH_WORD_RE.search(asked):
        label = text[:at].strip(" -–—:")
        if label and TERSE_QUERY_RE.match(label) and "?" not in label and len(label.split()) <= 8:
            kind = answer_type(label)
        if kind is None and label and "?" not in label and len(label.split()) <= 12 and FIGURE_LABEL_RE.search(label):
            kind = "count"
    if kind is None and TERSE_QUERY_RE.match(asked.replace("?", " ")) and not _WH_WORD_RE.search(asked) \
            and FIGURE_LABEL_RE.search(asked):
        kind = "count"  # ("torbay avg caseload latest?")
    return kind


# A count asked after another question: "..., and how many months had she been in post?", "...? + how many cases
# sampled"
SECOND_COUNT_RE = re.compile(r"(?:[?,;]\s*|\s)(?:and\s+(?:also\s+)?|\+\s*|also\s+|plus\s+)how\s+(?:many|much)\b", re.I)


_CLOSES_SPAN_RE = re.compile(rf"\b(?:{_SPAN_CLOSERS}){_EVENT_BEFORE}(?:ilacs|sif|jtai|re-?inspection|"
                             r"reinspection|inspection)(?:\s+in)?\s+$|"
                             # (nor one still to come: "and when is the next inspection in 2026?")
                             r"\bnext\s+(?:[\w-]+\s+)?inspection\s+in\s+$", re.I)
# ("how many of the 2015 recommendations were met before the March 2019 inspection?")
_DONE_BY_RE = re.compile(r"\b(?:met|done|implemented|completed|acted\s+on|carried\s+out)\b", re.I)
# A finding restated before the question asks whether it was put right: "the 2017 SIF said performance management
# and QA weren't built on reliable information. By the last MV, had that been put right?"
RESTATED_FINDING_RE = re.compile(r"\b(?:said|found|criticised|criticized|flagged|noted|highlighted|raised|slated|"
                                 r"concluded)\b", re.I)
# ... or the grades an inspection gave: "the 2017 SIF had help and protection and LMG inadequate" (not a home or a
# service graded, "Larkfield House was rated inadequate in March 2023", the question's subject)
_RESTATED_GRADES_RE = re.compile(r"\b(?:sif|ilacs|jtai|inspection|judge?ments?)\b.*\b(?:inadequate|"
                                 r"requires?\s+improvement|(?-i:RI))\b", re.I)
PUT_RIGHT_ASKED_RE = re.compile(r"\b(?:put\s+right|fixed|addressed|resolved|sorted|turned\s+(?:round|around)|"
                                r"got\s+better|improved|moved\s+on)\b", re.I)
# ... the finding referred back to as a whole ("had that been put right?"; not a thing, "Has it improved since?",
# whose name is what is asked about); or asked whether anything of it was left ("was anything still graded below
# good?")
_FINDING_REFERRED_RE = re.compile(r"\b(?:that|this|these|those)\b", re.I)
_ANYTHING_LEFT_RE = re.compile(r"\b(?:anything|any\s+(?:of\s+)?(?:them|it|those|areas?|judge?ments?))\s+"
                               r"(?:[\w'’-]+\s+)?still\b", re.I)


@lru_cache(maxsize=256)
def names_restated_only(text: str, names: tuple[str, ...]) -> frozenset[str]:
    """The names (see find_names) the question uses only in a statement of what was found before, when it asks
    whether that was put right: what was criticised then, which a passage on the later event need not repeat."""
    sentences = re.split(r"(?<=[.?!;])\s+|\s+[-–—]\s+", text)
    if not any(s.endswith("?") and (PUT_RIGHT_ASKED_RE.search(s) and _FINDING_REFERRED_RE.search(s)
                                    or _ANYTHING_LEFT_RE.search(s)) for s in sentences):
        return frozenset()
    restated = [s for s in sentences if not s.endswith("?")
                and (RESTATED_FINDING_RE.search(s) or _RESTATED_GRADES_RE.search(s))]
    others = " ".join(s for s in sentences if s not in restated)
    return frozenset(n for n in names if any(re.search(rf"\b{re.escape(n)}\b", s) for s in restated)
                     and not re.search(rf"\b{re.escape(n)}\b", others))


# ... or any later question: "how many of the judgements came out inadequate, and what was the LSCB rated?"
# (its own question word: not "... in 2019 also had a DfE commissioner?", one question)
SECOND_ASK_RE = re.compile(r"(?:[?,;]\s*|\s)(?:and\s+(?:also\s+)?|\+\s*|plus\s+)(?:what|which|who|how|when|where)\b",
                           re.I)


@lru_cache(maxsize=256)
def names_asked_second(text: str, names: tuple[str, ...]) -> frozenset[str]:
    """The names (see find_names) only a later question names, after a first with a topic of its own: a passage
    answering the first part answers, though no page names the second's ("Northants 2019 - how many judgements were
    inadequate, and what was the LSCB rated?")."""
    first = _first_part(text, SECOND_ASK_RE)
    if first is None:
        return frozenset()
    # (as typed there: not a name read from an abbreviation, "MV" for "monitoring visit"; nor a service, which sets
    # the field the whole question is in: "what grade did Hertfordshire get, and how were care leavers judged?" is
    # not answered by a page on adult social care)
    return frozenset(n for n in names if re.search(rf"\b{re.escape(n)}\b", text[len(first):], re.I)
                     and not re.search(rf"\b{re.escape(n)}\b", first, re.I) and not SPECIALIST_SERVICE_RE.fullmatch(n))


# ... or a grade: "Who gave the board its feedback on the ILACS? And what overall grade did they get?"
SECOND_GRADE_RE = re.compile(r"(?:[?,;]\s*|\s)(?:and\s+(?:also\s+)?|\+\s*|also\s+|plus\s+)(?:what|which)\s+"
                             r"(?:[\w-]+\s+){0,2}?(?:grade|judge?ment|rating)s?\b", re.I)


def _first_part(text: str, second_re: re.Pattern) -> str | None:
    """The question asked before a second one `second_re` opens (itself a question, with a topic of its own)."""
    second = second_re.search(text)
    if not second or not _has_topic(first := text[:second.start()]):
        return None
    return first if "?" in text[:second.start() + 1] or _WH_WORD_RE.search(first) else None


@lru_cache(maxsize=256)
def count_asked_second(text: str) -> bool:
    """A count asked after another question ("were thresholds applied properly by then? and how many cases did HMI
    sample?"): a passage answering the first part answers, with or without the figure."""
    first = _first_part(text, SECOND_COUNT_RE)
    return first is not None and _asked_type(first) != "count" and not FIGURE_ASKED_RE.search(first)


@lru_cache(maxsize=256)
def grade_asked_second(text: str) -> bool:
    """So for a grade asked after another question: the passage naming who gave the feedback answers."""
    first = _first_part(text, SECOND_GRADE_RE)
    return first is not None and _asked_type(first) != "judgement" and not asks_grade(first) \
        and not _OUTCOME_ASKED_RE.search(first)


# A first part asking the outcome the grade is ("How did Kent do at the 2022 ILACS, and what grade did it get?")
_OUTCOME_ASKED_RE = re.compile(r"\bhow\s+did\b[^?]*\b(?:do|fare|get\s+on)\b|\bwhat\s+happened\b|"
                               r"\bwhat\s+(?:did|does|do)\b[^?]*\b(?:find|found|conclude|decide)\b|"
                               r"\b(?:outcome|result|verdict)s?\b", re.I)


# (a first part asking a figure of its own: "What was Kent's average caseload in 2023, and how many agency workers
# ...?" needs a figure)
_AVERAGE = r"(?:average|avg|mean|median)"
FIGURE_ASKED_RE = re.compile(rf"\b(?:{_AVERAGE}|rates?|spend|spent|overspen[dt]|costs?|budget|per\s*cent|percentage|"
                             r"proportion|numbers?|figures?|total)\b|%", re.I)


# A terse label naming a figure: "Warwickshire's average SW caseload in the 2023 DfE workforce stats - had it dropped
# below 17 by then?"
FIGURE_LABEL_RE = re.compile(rf"\b{_AVERAGE}\s+(?:[\w-]+\s+){{0,2}}?(?:caseloads?|rates?)\b|"
                             r"\b(?:vacancy|turnover|agency)\s+rates?\b", re.I)


# "Leicester City Council's news page from 2017": a source "from" a year is of that year, not since it
SOURCE_FROM_RE = re.compile(r"\b((?:page|release|statement|story|article|letter|report|minutes|post|blog|piece|update|"
                            r"paper|item|bulletin|coverage|write-?up)s?)\s+from\s+"
                            rf"(?={MONTH_YEAR}\b(?!\s*(?:to|until|till|through|thru|and|-|–|up\s+to)\b)"
                            # (a span, not " - what ...")
                            rf"(?!\s*(?:-|–)\s*(?:\d|{MONTH_RE}\b|(?:now|present|date|today)\b(?!\s+of\b)))"
                            r"(?!\s+(?:onwards?|now|since)\b)(?!\s+on\b(?!\s+[a-z])))", re.I)


# ... or dated in a bracket right after it: "the commons CLG committee's own report (march 2015) - what did it say about
# ofsted inspections before 2012?"
# (only where that source is what speaks: not "the casey report (feb 2015) - what did ofsted find when it went back in
# 2017?", "the ofsted letter (march 2015) flagged ...")
SOURCE_DATED_IN_BRACKET_RE = re.compile(r"\b((?:page|release|statement|story|article|letter|report|minutes|post|blog|"
                                        r"piece|update|paper|briefing|bulletin|coverage|write-?up)s?)\s+\(\s*"
                                        r"(?:(?:published|dated|issued)\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
                                        rf"({MONTH_YEAR})\s*\)(?=\s+(?:say|says|said|find|found|conclude|concluded|"
                                        r"state|stated|report|reported|tell|told|note|noted|recommend|recommended|"
                                        r"have\s+to\s+say|set\s+out)\b)", re.I)


# A bracket right after a numbered visit saying its number again: "(the fifth of six)", "(the 5th one)"
VISIT_RESTATED_RE = re.compile(rf"^\s*\(\s*(?:the\s+)?(?:{ORDINAL_RE}|\d{{1,2}}(?:st|nd|rd|th))"
                               r"(?:\s+(?:of\s+(?:\w+|\d+)|one|visit|mv)(?:\s+(?:so\s+far|visits))?)?\s*\)", re.I)


def _source_date(text: str, at: int) -> tuple[date, date, str, str] | None:
    """"Leicester's news release from Sept 2017 - what did Ofsted say leaders did after the 2015 inspection?": the
    date of the source asked for is the time asked, whatever other years it speaks of (None when none is named)."""
    m = re.compile(rf"(\S+)\s+of\s+{MONTH_YEAR}\b(?![/–-]\d)", re.I).match(text, at)
    y = _valid_year(m.group(3)) if m else None
    if not y or all(int(other) == y for other in re.findall(rf"\b{YEAR}\b", text)):
        return None
    month = _month(m.group(2))
    return (_month_start(y, month), _month_end(y, month), text[m.start(2) if m.group(2) else m.start(3):m.end()],
            _tidy(text[:m.end(1)] + text[m.end():]))


LAST_BEFORE_RE = re.compile(r"\b(?:last|previous|prior|most\s+recent|latest)\s+(?:[\w'’-]+\s+){0,2}?"
                            r"(?:inspection|judge?ment|grade|rating|visit|result|mv)s?\s+$", re.I)


# "Leeds's first full ILACS after the pandemic": Ofsted's routine inspections of councils resumed in April 2021, so
# what came after the pandemic is dated from then. ("during the pandemic" stays a topic: a later page looks back on it)
# (not "after the pandemic began", which is from 2020; nor what else came after it: "referrals after the pandemic")
AFTER_PANDEMIC_RE = re.compile(r"\b(?:after|following)\s+(?:the\s+)?(?:covid(?:[\s-]?19)?\s+)?(?:pandemic|covid)\b"
                               r"(?!['’]s|\s+(?:began|begun|started|hit|struck|arrived|onset)\b)", re.I)
INSPECTED_EVENT_RE = re.compile(r"\b(?:ilacs|sif|inspections?|re-?inspections?|visits?|mvs?|fvs?|jtai|grade|"
                                 r"rating|judge?ment)\b", re.I)


# "the autumn ILACS that dropped them to RI (last inspected 2021)": an aside dating the inspection before the one
# asked; the asked one comes after it, so the aside opens the span (or, where another year names the asked one, is
# no time asked: "Leicester, last rated good in 2019, what did the 2023 ILACS find?")
LAST_INSPECTED_RE = re.compile(rf"(?<=[(,])\s*(?:last|previously|most\s+recently)\s+(?:inspected|rated|judged|graded|"
                               rf"visited)\s+(?:(?:as\s+)?(?:inadequate|requires\s+improvement|ri|good|"
                               rf"outstanding)\s+)?(?:in\s+|on\s+)?(?=(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?"
                               rf"(?:{MONTH_NAME}\s+)?"
                               rf"(?:19|20)\d\d\b\s*(?:[),?]|\.(?!\d)|$))", re.I)
_ASIDE_DATE_RE = re.compile(rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{MONTH_RE}\s+)?{YEAR}", re.I)


_IN_YEAR_AFTER_RE = re.compile(r"\s+(?:one|visit|mv|fv|inspection|letter)s?\s*,?\s+(?:in|during)\s+((?:19|20)\d\d)\b"
                               r"(?!\s*(?:[-–/,&]|and\b|or\b|to\b)\s*(?:19|20)?\d\d)", re.I)
_IN_YEAR_BEFORE_RE = re.compile(r"\b(?:in|during)\s+((?:19|20)\d\d)\s+$", re.I)


# A visit asked by what it came after: "Devon's full ILACS after the March 2019 engagement meeting letter"
VISIT_BEFORE_ANCHOR_RE = re.compile(r"\b(?:ilacs|inspection|re-?inspection|visit|mv|fv|jtai|sif)\s*$", re.I)


DAY_OF = r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"  # a day before its month: "12 ", "5th of "


# The day of a date that opens or closes a span is no part of the span's month: "since 12 March 2024", "between 1
# January 2023 and 31 March 2023" (the patterns below read months)
# (or either day of two months' span: "MV 28 Feb - 1 Mar 2017", no visit 28)
_DAY_IN_SPAN_RE = re.compile(rf"(\b(?:since|after|from|following|before|until|till|between|and|to|by|prior\s+to)\s+|"
                             rf"\b{MONTH_NAME}\s*[-–—]\s*)(?:the\s+)?{DAY_OF}(?={MONTH_RE}\s+{YEAR})|"
                             rf"()\b{DAY_OF}(?={MONTH_NAME}\s*(?:[-–—]|\s(?:to|and|until)\s)\s*(?:{DAY_OF})?"
                             rf"{MONTH_NAME}\s+{YEAR})", re.I)


OFFERED_TOLD_AFTER_MONTHS = 2


def _placed_in(text: str) -> bool:
    """A group counted in places (_PLACED_IN_RE): "how many care leavers in rutland will get apprenticeship places"
    counts no one placed."""
    # (the place aside: "children in care in rutland in academy places")
    return bool(_PLACED_IN_RE.search(without_authorities(text, find_authorities(text))))


def _offered_window(offered: re.Match) -> str:
    """"places from sept 2026" as the span its pages come from: "places between sept 2025 and november 2026"."""
    month, year = _month(offered.group(2)), int(offered.group(3))
    end = month + OFFERED_TOLD_AFTER_MONTHS
    end_month, end_year = (end - 12, year + 1) if end > 12 else (end, year)
    end_name = next(name for name, number in MONTHS.items() if number == end_month)
    return f"{offered.group(1)}between {offered.group(2)} {year - 1} and {end_name} {end_year}"


def _parse_time(text: str) -> tuple[date | None, date | None, str, str]:
    if aside := LAST_INSPECTED_RE.search(text):
        dated = _ASIDE_DATE_RE.match(text, aside.end())
        if any(int(y) >= int(dated.group(2)) for y in _YEAR_RE.findall(text[:aside.start()] + text[dated.end():])):
            text = text[:aside.start()] + text[dated.end():]  # (a year on or after it names the asked one)
        else:
            text = LAST_INSPECTED_RE.sub(" since ", text, count=1)  # (older years told after it are its history)
    text = _DAY_IN_SPAN_RE.sub(lambda m: m.group(1) or "", text)
    if _OFFERED_FROM_RE.search(text) and not _DONE_ASKED_RE.search(text) and not _placed_in(text):
        text = _OFFERED_FROM_RE.sub(_offered_window, text)  # (the places' check only where an offer is asked)
    text = SOURCE_FROM_RE.sub(r"\1 of ", text)  # (the source's own date, with other years beside it: parse_time)
    if not re.search(rf"\b{YEAR}\b", text) and INSPECTED_EVENT_RE.search(text):
        text = AFTER_PANDEMIC_RE.sub("after April 2021", text)
    patterns = [
        # A financial or academic year ("the 2018/19 annual report", "2018-19"): what reports on it is written
        # during it and up to a year after it ends.
        ("year_span", r"(?:\b(since|from|after|between)\s+)?\b((?:19|20)\d\d)(?:\s*[/–-]\s*(\d\d)|\s*/\s*((?:19|20)\d\d))"
                      r"\b(?![/–-]\d)(?:\s*(?:to|until|and|-|–)\s*((?:19|20)\d\d)\s*[/–-]\s*(\d\d)\b)?"),
        ("range", rf"\b(?:between|from)\s+{MONTH_YEAR}\s+(?:and|to|until|-|–)\s+{MONTH_YEAR}"),
        # "between the November 2017 monitoring visit and the one in December 2018": two events, each dated
        # ("between the inadequate 2017 inspection, and the good 2019 one", "between the 2017 and the 2019 inspections")
        ("event_range", rf"\bbetween\s+(?:the|its|[\w-]+(?:'s|’s))\s+((?:[\w-]+\s+){{0,2}}?){MONTH_YEAR}\s+"
                        rf"((?:[\w-]+,?\s+){{0,3}}?)and\s+"
                        rf"(?:(?:the|its)\s+(?:one|visit|inspection|letter|report)s?\s+(?:in|of)\s+|"
                        rf"(?:the|its)\s+(?:[\w-]+\s+){{0,2}}?)?{MONTH_YEAR}\b(?!\s*(?:{COUNTED_NOUNS}))"),
        ("range2", rf"\b{MONTH_YEAR}\s*(?:-|–|to)\s*{MONTH_YEAR}\b"),
        # two months of one year: "mv feb/mar 2017", "in February and March 2017" (a visit over the turn of a month)
        ("month_span", rf"\b{MONTH_RE}\s*(?:/|-|–|—|&|\s(?:and|to)\s)\s*{MONTH_RE}\s+{YEAR}\b"),
        # a change over a span: "went from inadequate in 2017 to good in 2019"
        ("range", rf"\bfrom\s+(?:[\w'’-]+\s+){{1,3}}?(?:in|of)\s+{MONTH_YEAR}\s+to\s+"
                  rf"(?:[\w'’-]+\s+){{1,3}}?(?:in|of|by)\s+{MONTH_YEAR}\b"),
        # Anchored on an event: "after the 2023 inadequate judgement", "that followed Kent's October 2018 focused
        # visit", "before the 2019 inspection". The event's own month or year is included: what is written about
        # the event is dated then.
        # (a word may describe the event first: "that followed the damning November 2016 report"; a time on from it:
        # "the visit nearly two years on from the Nov 2016 report")
        ("since_event", rf"\b(?:since|after|following|followed|(?:years?|months?)\s+on\s+from)\s+"
                        rf"(?:(?:the|its|their|an?|that|[\w-]+(?:'s|’s))\s+){{1,2}}"
                        rf"(?:(?!{MONTH_NAME}|{_SEASON_WORDS})[a-z][\w-]+\s+)?{MONTH_YEAR}\b"),
        # "going from inadequate (Nov 2015) to good at the re-inspection": the grade left dates where the change
        # starts
        ("since_event", rf"\bfrom\s+(?:an?\s+|the\s+|its\s+)?['‘\"“]?(?:inadequate|requires\s+improvement|ri|good|"
                        rf"outstanding)['’\"”]?\s*\(\s*(?:in\s+)?{MONTH_YEAR}(?=\s*\)\s*to\b)"
                        # (not where the grade reached is dated too: "to good (Mar 2019)", a span)
                        rf"(?!\s*\)\s*to\b[^,.;?–—]{{0,40}}?\b(?:19|20)\d\d\b)"),
        # "after the requires improvement judgement of 2017": the date closes the event's name.
        ("since_event", rf"\b(?:since|after|following|followed)\s+(?:the|its|an?|[\w-]+(?:'s|’s))\s+"
                        rf"(?:[\w-]+\s+){{1,4}}?(?:of|in)\s+{MONTH_YEAR}\b"),
        # "since it was rated inadequate in 2017", "between being rated inadequate in 2017 and its full inspection":
        # from the event on (what came after it is asked, up to an event the question does not date); only when
        # no other year is named ("the 2018 visit, after it was rated inadequate in 2017" asks for 2018)
        ("since_clause", rf"\b(?:since|after)\s+(?:(?:(?:[\w'’-]+\s+){{1,4}}?(?:was|were|had\s+been)|being)"
                         rf"\s+(?:rated|judged|found|graded|deemed)|"
                         # "since they went inadequate in 2019", "after it fell to RI in 2018"
                         # (or "after going inadequate in 2015")
                         rf"(?:(?:[\w'’-]+\s+){{1,4}}?(?:went|became|fell|dropped|slipped)|going|falling|dropping)\s+"
                         rf"(?:in(?:to)?\s+|to\s+)?"
                         rf"(?:inadequate|requires\s+improvement|ri|good|outstanding)|"
                         # (or lost one: "since they lost the good rating in 2019")
                         rf"(?:[\w'’-]+\s+){{0,4}}?(?:lost|losing)\s+(?:(?:the|its|their|a)\s+)?(?:ofsted\s+)?['‘\"“]?"
                         rf"(?:good|outstanding|requires\s+improvement|ri)['’\"”]?(?:\s+(?:rating|grade|judge?ment))?)"
                         rf"\b[^?.,;]{{0,40}}?\b(?:in|of)\s+{MONTH_YEAR}\b"),
        # "Where did the director work before she took up the post in 2023?": her appointment dates the scene, and
        # what is written about it comes then or later (a feature a year on), never before. (Only her earlier career
        # asked: "What did Ofsted find before the new director took over in 2023?" asks about the years before.)
        ("since_clause", rf"\b(?:work(?:ed)?|employed|based)\s+(?:\w+\s+){{0,3}}?"
                         rf"(?:before|when|after|since)\s+(?:she|he|they|the\s+(?:new\s+)?(?:director|dcs|"
                         rf"commissioner|chief\s+executive))\s+(?:took\s+(?:up|over)|joined|was\s+appointed|started|"
                         rf"arrived|became)\b[^?.,;]{{0,40}}?\b(?:in|of)\s+{MONTH_YEAR}\b"),
        ("since_clause", rf"\bbetween\s+(?:being|its|the|their)\s+[^?.,;]{{0,50}}?\b(?:in|of)\s+{MONTH_YEAR}"
                         rf"(?=\s+and\b)"),
        # "contacts in the 12 months to January 2024": a statistic's span, reported after it ends; from its start on.
        ("months_to", rf"\b(?:(?:in|over|during|for)\s+)?(?:the\s+)?(?:past\s+|last\s+|previous\s+)?"
                      rf"({NUMBER_WORD}|twelve|eleven|\d{{1,2}})\s+months\s+(?:to|up to|ending)\s+{MONTH_RE}\s+{YEAR}\b"),
        # "in the five years to 2015": the years up to and including it.
        ("years_to", rf"\b(?:in|over|during|within)\s+the\s+(?:past\s+|last\s+|previous\s+)?"
                     rf"({NUMBER_WORD}|\d{{1,2}})\s+years\s+(?:to|up to|until|before)\s+{YEAR}\b"),
        ("before_event", rf"\b(?:before|prior to|ahead of|preceding)\s+(?:(?:the|its|an?|[\w-]+(?:'s|’s))\s+){{1,2}}"
                         rf"{MONTH_YEAR}\b"),
        # "how many social workers did it have by 2020?": a state at that time, reported then or later
        ("by", rf"\bby\s+(?:the\s+end\s+of\s+)?{MONTH_YEAR}\b(?!\s*(?:{COUNTED_NOUNS}|standards?|levels?|prices?|"
               rf"rates?|figures?|terms?)\b)"),
        # "how many CIC were living outside the county at 31 march 2025?": a figure's stock date, reported then or
        # later (a committee paper in September on the year to March), as "by"; plain "at" only with its day
        ("by", rf"\b(?:as\s+(?:at|of)\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?|at\s+\d{{1,2}}(?:st|nd|rd|th)?\s+)"
               rf"{MONTH_RE}\s+{YEAR}\b"),
        ("since", rf"\b(?:since|after|from|starting)\s+{MONTH_YEAR}"),
        ("before", rf"\b(?:before|until|till|up to|prior to)\s+{MONTH_YEAR}"),
        # two years listed, each asked (not after an event the span opens from: "since the 2016 inadequate, what did
        # the visits in 2017 and 2018 say?"): "the kirklees 2016 and 2019 reports", "kirklees 2016 sif - how many pages?
        # and the 2019 one" (from the first to the last)
        ("years_listed", rf"\b((?:19|20)\d\d)\s*(?:and|&|\+)\s*(?:the\s+|its\s+)?((?:19|20)\d\d)\b"
                         rf"(?!\s*(?:{COUNTED_NOUNS}))"),
        ("years_listed", YEAR_APPENDED_RE.pattern),
        # (not a decade: "the brief in the late 2000s")
        ("season", rf"\b(early|spring|mid|summer|late|autumn|winter|end of|beginning of|start of)[\s-]+{YEAR}"
                   rf"(?!['’]?s\b)"),
        # (with its day, which is no word of the topic: "the MV on 12 March 2024"; not a visit's number: "monitoring
        # visit 3 may 2019")
        ("month", rf"\b(?:in\s+|during\s+)?(?:(?:on\s+)?(?:the\s+)?(?<!visit\s)(?<!mv\s)(?<!fv\s)(?<!mv)"
                  rf"{DAY_OF.replace('(', '(?:', 1)})?{MONTH_RE}\s+{YEAR}"),
        # "around 2016?": a year, where no count follows (COUNT_BEFORE reads "around 2000 children" as a count)
        # (not in a question on a number: "How many children were in care - around 2000?")
        ("about_year", rf"\b(?:around|about|circa|roughly)\s+{YEAR}\b(?=\s*(?:[?.!,;:)]|$))"),
        # A year in any position ("the 2016 inspection", "york 2017"), but not a count ("2000 children").
        ("year", rf"{COUNT_BEFORE}\b{YEAR}\b(?!\s*(?:{COUNTED_NOUNS}))(?![.,]\d)"),
    ]
    # "its 2022 report, and how did it describe progress since 2017?": the report's year (the latest naming an
    # event) is the time asked; "since 2017" is what the report speaks of, and stays in the search text. So is a year
    # in a clause opening the question ("When Somerset got a Good in 2022, what did inspectors say about progress
    # since the 2017 inspection?"), not one further on ("since its 2015 inspection, after a new director was
    # appointed in 2016" still asks from 2015).
    scene = re.match(r"^\W*(?:when|once|as|after)\b[^,?;]*,", text, re.I)
    scene_year = re.compile(rf"\b(?:in|during)\s+{YEAR}\b(?![/–-]\d)", re.I).search(text, 0, scene.end()) \
        if scene else None
    # (so is a grade's year: "somerset ofsted rated good 2022 progress since 2017 inspection")
    graded = [re.compile(YEAR).search(text, g.start(1)) for g in re.finditer(
        rf"\b(?:rated|judged|graded)\s+(?:[\w'’-]+\s+){{0,3}}?(?:in\s+)?{YEAR}\b(?![/–-]\d)", text, re.I)]
    # (so is a visit's date typed after it: "rotherham mv may 2015 after the nov 2014 inadequate", "MV (Dec 2023)",
    # "first monitoring visit on 12 December 2023"; not one closing a span, "up to the MV in Dec 2023")
    visits_dated = [v for v in _VISIT_DATED_RE.finditer(text)
                    if not _CLOSES_EVENT_RE.search(text, max(0, v.start() - 60), v.start())]
    graded += [re.compile(YEAR).match(text, v.start("y")) for v in visits_dated]
    # (so is a label's year opening the question: "Somerset 2022, when they got Good - ... since the 2017 RI")
    label = re.match(rf"^\W*(?:(?!(?:before|until|up|to|by|prior|since|from|after|between|"
                     rf"{MONTH_NAME})\b)[\w'’&-]+\s+){{1,4}}?{YEAR}\b(?=\s*[,:;(–—-])", text, re.I)
    label_year = re.compile(YEAR).search(text, label.start(1)) if label else None
    # (a word or two may stand between: "the 2018 Lambeth re-inspection report")
    # (or a paper dated so: "the March 2018 scrutiny update on the plan, ... since the 2017 inspection")
    event_years = [*re.finditer(rf"\b{YEAR}(?=\s+(?:(?!(?:and|or|to|the|from|until|since)\b)[\w'’-]+\s+){{0,2}}?"
                                   rf"(?:{EVENT_NOUN}|(?:ilacs|sif|jtai)\b|{DATED_PAPER}))", text, re.I), *graded,
                      # (or after it, as typed in a hurry: "cambridgeshire ilacs 2022 - ... after the 2019 RI",
                      # "full inspection in 2019 (after the Oct 2018 FV)")
                      *(e for e in re.finditer(rf"(?:(?<=\bilacs )|(?<=\bsif )|(?<=\bjtai )|(?<=\bre-inspection )|"
                                               rf"(?<=\breinspection )|(?<=\bilacs in )|(?<=\bre-inspection in )|"
                                               rf"(?<=\breinspection in )|(?<=\binspection in )){YEAR}\b(?![/–-]\d)",
                                               text, re.I)
                        # (not one closing a span: "after the 2017 inadequate, ahead of the re-inspection in 2019")
                        if not _CLOSES_SPAN_RE.search(text, max(0, e.start() - 60), e.start())),
                      *([scene_year] if scene_year else []), *([label_year] if label_year else [])]
    event_year = max(event_years, key=lambda e: _event_time(text, e), default=None)
    # "by the full inspection in June 2019, how far had it come since its 2017 rating?": the event's month is asked
    event_month = max(re.finditer(rf"\b{EVENT_NOUN}\s+(?:in|during|of)\s+{MONTH_RE}\s+{YEAR}", text, re.I),
                      key=lambda e: (int(e.group(2)), _month(e.group(1)) or 0), default=None)  # the latest
    for kind, pattern in patterns:
        m = re.search(pattern, text, re.I)
        if not m:
            continue
        g = m.groups()
        if kind == "about_year":
            if COUNT_QUESTION_RE.search(text):
                continue
            kind = "year"
        if kind == "since_clause":
            if len(re.findall(rf"\b{YEAR}\b", text)) > 1:
                continue
            kind = "since_event"
        if kind == "before_event" and _valid_year(g[1]) and (earlier := next((
                y for y in re.finditer(rf"\b{YEAR}\b", text)
                if int(y.group(1)) < _valid_year(g[1]) and not (m.start() <= y.start() < m.end())
                and not re.search(r"\b(?:since|after|from|following)\s+(?:\w+\s+){0,2}$", text[:y.start()], re.I)),
                None)):
            # "Medway's full inspection back in 2015 (before the 2019 drop to inadequate)": the earlier year is the
            # event asked; the later event only tells which one (dated by its month too: "Darlington's 2018
            # inspection, the RI before the Oct 2022 ILACS" asks 2018)
            if re.search(rf"\b{MONTH_RE}\s+$", text[:earlier.start()], re.I) or not re.match(
                    rf"\s+(?:(?!(?:and|or|to|the|from|until|since)\b)[\w'’-]+\s+){{0,2}}?"
                    rf"(?:{EVENT_NOUN}|(?:ilacs|sif|jtai)\b)", text[earlier.end():], re.I) \
                    or PUT_RIGHT_ASKED_RE.search(text) or _DONE_BY_RE.search(text):
                continue  # (a dated month of its own is read below; a year that names no event of its own, "what
                # had the team already put in place in 2015?", leaves the event before which it came; so does a
                # question whether the earlier finding was put right or met before the later event)
            m, kind, g = earlier, "year", (earlier.group(1),)
        if kind in ("since", "since_event") and event_year and _valid_year(g[1]) \
                and _event_later(text, event_year, (_valid_year(g[1]), _month(g[0]) or 13),
                                 {v.start("y") for v in visits_dated}, m.start()):
            m, kind, g = event_year, "year", (event_year.group(1),)
            if named_month := re.search(rf"\b{MONTH_RE}\s+$", text[:event_year.start()], re.I):
                m, kind, g = re.compile(rf"{MONTH_RE}\s+{YEAR}", re.I).match(text, named_month.start()), "month", \
                    (named_month.group(1), event_year.group(1))  # ("the March 2018 scrutiny update": its month)
        elif kind in ("range", "event_range") and (ends := sorted(int(y) for y in re.findall(YEAR, m.group(0)))) \
                and (inside := next((e for e in event_years if e.start() < m.start()
                                     and SPAN_DESCRIBES_RE.search(text, e.end(), m.start())
                                     and ends[0] < int(e.group(1)) < ends[-1]), None)):
            # "somerset's 2017 full inspection, the RI one between the 2015 inadequate and the 2022 good": the span
            # tells which event; the event's own year is asked (so is a label's: "Lambeth in 2016, when the new
            # leaders came in between the 2015 SIF and the 2018 reinsp")
            m, kind, g = inside, "year", (inside.group(1),)
        elif kind in ("since", "since_event") and event_month and _valid_year(g[1]) \
                and int(event_month.group(2)) > _valid_year(g[1]):
            y, month = int(event_month.group(2)), _month(event_month.group(1))
            # only the date leaves the search text: "the full inspection" is what is asked about
            rest = _tidy(re.sub(r"\b(?:in|during|of)\s*$", "", text[:event_month.start(1)]) + text[event_month.end():])
            return _month_start(y, month), _month_end(y, month), f"{event_month.group(1)} {y}", rest
        try:
            if kind == "year_span":
                lead, y1 = g[0], _valid_year(g[1])
                second = int(g[3]) if g[3] else (y1 // 100) * 100 + int(g[2]) if y1 else 0
                if not y1 or second != y1 + 1:
                    continue
                start, end = date(y1, 1, 1), date(second + 1, 6, 30)
                if g[4]:  # "from 2015-16 to 2019-20": to the second span's end
                    end = date((int(g[4]) // 100) * 100 + int(g[5]) + 1, 6, 30)
                elif lead and lead.lower() in ("since", "from", "after"):
                    end = None
            elif kind in ("range", "range2", "event_range"):
                months_years = g[1:3] + g[4:] if kind == "event_range" else g
                y1, y2 = _valid_year(months_years[1]), _valid_year(months_years[3])
                if not (y1 and y2):
                    continue
                m1, m2 = _month(months_years[0]), _month(months_years[2])
                # (named the later first: "between the December 2018 visit and the one in November 2017")
                start = min(_month_start(y1, m1), _month_start(y2, m2))
                end = max(_month_end(y1, m1), _month_end(y2, m2))
                if kind == "event_range":  # the events stay what is asked about: only their dates leave
                    rest = _tidy(f"{text[:m.start()]} between the {g[0]}{g[3].replace(',', '')}{text[m.end():]}")
                    first, last = sorted([(y1, m1 or 0), (y2, m2 or 0)])
                    return start, end, f"between {_named(first[0], first[1])} and {_named(last[0], last[1])}", rest
            elif kind == "month_span":
                y, m1, m2 = _valid_year(g[2]), _month(g[0]), _month(g[1])
                if not (y and m1 and m2):
                    continue
                listed = re.search(r"\s(?:and|&)\s|&", m.group(0)[len(g[0]):m.group(0).rfind(g[1])])
                if listed:  # ("the October and May 2021 letters": both of that year)
                    m1, m2 = min(m1, m2), max(m1, m2)
                start, end = _month_start(y - 1 if m1 > m2 else y, m1), _month_end(y, m2)  # ("dec/jan 2017")
            elif kind == "months_to":
                span = {"eleven": 11, "twelve": 12, **NUMBER_WORDS}.get(g[0].lower()) or int(g[0])
                y, month = _valid_year(g[2]), _month(g[1])
                if not (y and month and 1 <= span <= 24):
                    continue
                first = (y * 12 + month - 1) - (span - 1)
                start = _month_start(first // 12, first % 12 + 1)
                rest = _tidy(text[:m.start()] + text[m.end():])
                return start, None, f"from {start:%B %Y}", rest
            elif kind == "years_listed":
                y1, y2 = _valid_year(g[0]), _valid_year(g[1])
                if not (y1 and y2 and y1 < y2):
                    continue
                start, end = _month_start(y1, None), _month_end(y2, None)
                rest = _tidy(text[:m.start()] + text[m.end():]) if m.group(0).count("?") == 0 \
                    else _tidy(text[:m.start()] + m.group(0)[4:m.group(0).index("?") + 1])
                return start, end, f"{y1} and {y2}", rest
            elif kind == "years_to":
                y, span = _valid_year(g[1]), NUMBER_WORDS.get(g[0].lower()) or int(g[0])
                if not (y and span):
                    continue
                last = y - 1 if re.search(r"\bbefore\s+\d", m.group(0), re.I) else y
                start, end = _month_start(last - span + 1, None), _month_end(last, None)
                rest = _tidy(text[:m.start()] + text[m.end():])
                return start, end, f"from {start.year} to {end.year}", rest
            elif kind in ("since", "by"):
                y = _valid_year(g[1])
                if not y or kind == "by" and re.match(r"at\b", m.group(0), re.I) \
                        and (not _FIGURE_ASKED_RE.search(text) or _EVENT_AFTER_RE.match(text, m.end())):
                    continue  # (a day of an event, "at 12 march 2024 mv", or of a meeting, is its month)
                if kind == "by" and TARGET_BEFORE_RE.search(text[:m.start()]) \
                        and not re.search(rf"\b{YEAR}\b", text[:m.start()] + text[m.end():]):
                    # a target named ("care leavers EET target by march 2025"): its date is a word of what is asked,
                    # no time the documents must be from
                    return None, None, "", text
                if kind == "by" and (y > date.today().year or AIM_BEFORE_RE.search(text[:m.start()])
                                     or re.search(rf"\b{YEAR}\b", text[:m.start()] + text[m.end():])):
                    continue  # a target ("aim to open by 2020", "by 2030"), or another year asked ("its 2018 plan")
                start, end = _month_start(y, _month(g[0])), None
            elif kind in ("since_event", "before_event"):
                y = _valid_year(g[1])
                if not y:
                    continue
                # (a month: a year-long window would miss the letter published early the next year)
                since = bool(re.match(r"\s*since\b", m.group(0), re.I))  # (not "after", "following")
                reports_on = kind == "since_event" and bool(g[0]) and not since \
                    and (REPORT_ON_EVENT_RE.search(text[:m.start()])
                         or VISIT_NAMED_AFTER_RE.match(text, m.end()) and INSPECTORS_SAY_RE.search(text))
                # ("the focused visit the year after their 2017 RI inspection": that next year, where no other year is
                # named: not "... the year after the 2017 SIF or did it take until 2020?")
                year_after = kind == "since_event" and not g[0] and _THE_YEAR_AFTER_RE.search(text, 0, m.start()) \
                    and not since and set(_YEAR_RE.findall(text)) == {g[1]} \
                    and not re.search(rf"\b{_COMPARED}(?!\w)", text, re.I)
                if reports_on:
                    # "the letter after the January 2017 monitoring visit" reports on that visit: its month (a
                    # month's window takes what is published on it weeks later), not everything from then on.
                    start, end = _month_start(y, _month(g[0])), _month_end(y, _month(g[0]))
                elif kind == "since_event" and SOON_BEFORE_RE.search(text, 0, m.start()):
                    # "straight after the 2019 inadequate judgement": its first year (a story four years on
                    # about the next inspection is not the response asked for)
                    start, end = _month_start(y, _month(g[0])), _month_end(y + 1, _month(g[0]))
                    if not _month(g[0]):
                        end = _month_end(y + 1, None)
                elif year_after:
                    start, end = _month_start(y + 1, None), _month_end(y + 1, None)
                elif kind == "since_event" and not since and (
                        own := _IN_YEAR_AFTER_RE.match(text, m.end())
                        or _IN_YEAR_BEFORE_RE.search(text, 0, m.start())) and int(own.group(1)) > y:
                    # "the MV after the November 2018 one, in 2019", "the MV in 2019 after the November 2018 one": the
                    # event asked is dated, the one before it only tells it from others
                    y_asked = int(own.group(1))
                    cut = m.start(1) if g[0] else m.start(2)
                    rest = _tidy(re.sub(rf"\b(?:in|during)\s+{y_asked}\b", " ", text[:cut] + text[m.end():]))
                    return _month_start(y_asked, None), _month_end(y_asked, None), str(y_asked), rest
                elif kind == "since_event":
                    start, end = _month_start(y, _month(g[0])), None
                    if not _month(g[0]) and NEXT_FULL_INSPECTION_RE.search(text, 0, m.start()):
                        # "Enfield's next full inspection after the 2015 SIF": full inspections are years apart, so
                        # from the year after (that year's report is the one it follows)
                        start = _month_start(y + 1, None)
                    if _month(g[0]) and VISIT_BEFORE_ANCHOR_RE.search(text, 0, m.start()):
                        # "Devon's full ILACS after the March 2019 engagement meeting letter": another visit, so
                        # from the month after (what March holds is the letter's)
                        start = _month_end(y, _month(g[0])) + timedelta(days=1)
                else:
                    start, end = None, _month_end(y, _month(g[0]))
                # Only the date leaves the search text; "after the inadequate judgement" is part of the topic.
                cut = m.start(1) if g[0] else m.start(2)
                rest = _tidy(re.sub(r"\b(?:of|in)\s*$", "", text[:cut]) + text[m.end():])
                if "(" in m.group(0):  # (the brackets the grade's date stood in: "from inadequate (Nov 2015) to")
                    rest = _tidy(re.sub(r"\(\s*\)", " ", rest))
                anchor = f"{g[0].title()} {y}" if g[0] else str(y)
                if start and g[0] and start > _month_start(y, _month(g[0])):
                    anchor = f"{start:%B %Y}"  # (the month after the event it came after)
                elif start and start.year > y:
                    anchor = str(start.year)  # (the year after: "next full inspection after the 2015 SIF")
                if reports_on or year_after:
                    return start, end, anchor, rest
                if start and end:
                    return start, end, f"from {anchor} to {_named(end.year, end.month if g[0] else 0)}", rest
                return start, end, f"from {anchor}" if end is None else f"up to {anchor}", rest
            elif kind == "before":
                y = _valid_year(g[1])
                if not y:
                    continue
                # "before 2018" ends on 31 December 2017; "until August 2018" includes August; so does "the last
                # inspection before oct 2022": the October papers recall it ("the first since 2018, when ...").
                inclusive = not m.group(0).lower().startswith(("before", "prior")) \
                    or bool(g[0] and LAST_BEFORE_RE.search(text, 0, m.start()))  # (a month: a year's papers are later)
                end = _month_end(y, _month(g[0])) if inclusive else _month_start(y, _month(g[0])) - timedelta(days=1)
                start = None
            elif kind == "season":
                y = _valid_year(g[1])
                if not y:
                    continue
                lo, hi = SEASONS[g[0].lower()]
                start, end = _month_start(y, lo), _month_end(y, hi)
            elif kind == "month":
                y = _valid_year(g[1])
                if not y:
                    continue
                start, end = _month_start(y, _month(g[0])), _month_end(y, _month(g[0]))
                if FIGURE_BEFORE_MONTH_RE.search(text, 0, m.start()) and not _EVENT_AFTER_RE.match(text, m.end()) \
                        and not re.match(r"\W*(?:in|during|for|at|of|by|from)\b", m.group(0), re.I) \
                        and len(re.findall(rf"\b{YEAR}\b", text)) == 1 \
                        and not _INSPECTION_WORD_RE.search(text):
                    end = None  # a figure's date ("vacancy rate march 2025"): a later paper may report it
            else:
                y = _valid_year(next(v for v in g if v))
                if not y:
                    continue
                start, end = _month_start(y, None), _month_end(y, None)
        except ValueError:
            continue
        phrase = m.group(0).strip()
        phrase = re.sub(r"^(in|during|around|about|circa|roughly)\s+", "", phrase, flags=re.I)
        if kind == "by" or kind == "month" and end is None:
            phrase = f"from {_named(y, _month(g[0]) or 0)}"
        elif kind == "range" and not re.match(rf"(?i)(?:between|from)\s+{MONTH_YEAR}\s", phrase):
            # (a change over a span, "from inadequate in 2017 to good in 2019": its dates, and its words stay; not a
            # target still to come, "to good by 2030")
            if end.year > date.today().year:
                continue
            first, last = sorted([(int(g[1]), _month(g[0]) or 0), (int(g[3]), _month(g[2]) or 0)])
            phrase = f"from {_named(*first)} to {_named(*last)}"
            return start, end, phrase, _tidy(text[:m.start()] + " " + re.sub(
                rf"(?i)\s+(?:in|of|by)\s+{MONTH_YEAR}\b", "", m.group(0)) + " " + text[m.end():])
        before = re.sub(r"\b(in|during|of|for|by|from)\s*$", "", text[:m.start()], flags=re.I)
        rest = _tidy(before + " " + text[m.end():])
        return start, end, phrase, rest
    return None, None, "", text


# "the RI one between ...", "the inspection that came between ...": a span telling which event (see _parse_time)
SPAN_DESCRIBES_RE = re.compile(r"\b(?:one|inspection|visit|report|judge?ment|ilacs|grade|rating)\s+"
                               r"(?:(?:that|which)\s+(?:came|fell|sat|was)\s+)?$|"
                               # ("Lambeth in 2016, when the new senior leaders came in between ...")
                               r"(?<=\d),?\s+when\s+[^?.;,]{0,60}$", re.I)


# A question on a number: "How many children were in care - around 2000?" (a count, no year)
COUNT_QUESTION_RE = re.compile(r"\b(?:how\s+many|number\s+of|reach\w*|total\w*|figures?)\b", re.I)


# "straight after", "immediately after", "shortly after" an event: its aftermath, not everything since
SOON_BEFORE_RE = re.compile(r"\b(?:straight|immediately|directly|just|shortly|soon|right)\s*$", re.I)


# "in March" is about an event only in a question about one ("what did inspectors find in March?"), not in
# "how many children were in care in March?".
EVENT_QUESTION_RE = re.compile(rf"{EVENT_NOUN}|\binspectors?\b|\bofsted\b|\bvisited\b|\binspected\b|\bmv\s?\d|\bvist\b|"
                               r"\b(?:ilacs|sif|jtai|fv)\b", re.I)  # ("leicester sept ilacs ri": the inspection's)


# "the Ofsted inspection in September 2014 - as the press covered it when the report came out in November": the month
# the report was published in, not an event's
PUBLISHED_IN_MONTH_RE = re.compile(rf"\b(?:(?:came|come|comes|coming)\s+out|(?:was|were)\s+published|published|"
                                   rf"released|issued)\s+in\s+{MONTH_RE}(?![\w'’])(?!\s*,?\s*\d)", re.I)


SINCE_BEFORE_RE = re.compile(r"\bsince\s+(?:(?:the|its|their)\s+|[A-Z][\w'’-]*['’]s\s+)?$|"
                             # ("the one after the Feb/Mar visit and before the Nov re-inspection": the visits the
                             # one asked came between)
                             r"\b(?:one|visit|mv|and)\s+(?:after|following|before|ahead\s+of|prior\s+to)\s+"
                             r"(?:(?:the|its|their)\s+)?(?:[a-z]{3,9}(?:\s*[/&–—-]\s*|\s+and\s+))?$", re.I)


# ... or, where no event's month is named, a council body's paper's: "the agency rate in the jan cabinet paper?"
PAPER_MONTH_RE = re.compile(rf"\b(?:(?:the|its|an?)\s+)?{MONTH_RE}\s+(?:cabinet|committee|scrutiny|board|panel)\s+"
                            rf"(?:{EVENT_NOUN}|{DATED_PAPER})", re.I)


def _day_after_visit_word(text: str, number: str) -> bool:
    """Whether "mv N" / "visit N" in the question is a date's day: N before a span's other day and a month, above
    twelve before a month ("MV 28 Feb"), or in figures ("MV 12/03/2024"); not "mv2 march", "mv5 sept findings",
    "monitoring visit 3 may 2019" (a number, then the visit's month)."""
    if re.search(rf"\b(?:mv|visit(?:\s+number)?)\s?-?0*{number}[/.]\d{{1,2}}[/.]\d{{2,4}}\b", text, re.I):
        return True  # (in figures: "MV 12/03/2024")
    return any(m.group(1) or int(number) > 12 for m in re.finditer(
        rf"\b(?:mv|visit(?:\s+number)?)\s?-?0*{number}(?:st|nd|rd|th)?(\s*[-–—]\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+"
        rf"(?:of\s+)?{MONTH_NAME}(?![\w'’])", text, re.I))


def find_event_month(text: str, question: str = "") -> int | None:
    """The month of "its December monitoring visit" or "the visit in March" (no year with it). `question`, when
    given, is the whole question (the visit's "mv5" may be gone from `text`)."""
    found = _event_month(text, question)
    if found is None and (paper := PAPER_MONTH_RE.search(text)) and (paper.group(1)[0].isupper() or paper.group(1)
                                                                      .lower() not in ("may", "march", "mar")):
        return _month(paper.group(1))
    return found


def _event_month(text: str, question: str = "") -> int | None:
    published = {m.start(1) for m in PUBLISHED_IN_MONTH_RE.finditer(text)}
    for m in EVENT_MONTH_RE.finditer(text):
        if (m.start(1) if m.group(1) else m.start(2) if m.group(2) else m.start(3)) in published:
            continue
        word = (m.group(1) or m.group(2) or m.group(3)).rstrip(".")
        if word.lower() in ("may", "march", "mar") and not word[0].isupper():
            continue
        if re.search(r"\sone$", m.group(0), re.I) and not re.match(r"(?:the|its)\s", m.group(0), re.I):
            continue  # ("May one ask ...": a month names "the December one", not "one" after it)
        if m.group(3) and (word.lower() in ("may", "march", "mar") or not TERSE_QUERY_RE.match(question or text)):
            continue
        if (m.group(2) or m.group(3)) and not EVENT_QUESTION_RE.search(question or text):
            continue
        if SINCE_BEFORE_RE.search(text, 0, m.start()):
            continue  # ("Since the January monitoring visit, what has the council told scrutiny?": asked of after it)
        return _month(word)
    return None


def _month_in_year(month: int | None, start: date | None, end: date | None) -> tuple:
    """'The December visit in 2023' is December 2023: a month window (with its publication lag), not a year
    window and a month of any year."""
    if month and start and end and start.year == end.year and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return None, _month_start(start.year, month), _month_end(start.year, month)
    return month, start, end


def _visit_across_place(text: str) -> re.Match | None:
    """VISIT_RE over `text` with the authorities it names blanked (same length, so offsets hold): "the first
    Somerset monitoring visit" reads as "the first monitoring visit"."""
    blanked = text
    for name in find_in_question(text):
        blanked = authority_surface_re(name).sub(lambda m: " " * len(m.group(0)), blanked)
    return VISIT_RE.search(blanked) if blanked != text else None


def without_authorities(text: str, names: list[str]) -> str:
    """`text` with every surface of each of the authorities `names` blanked (see authority_surface_re)."""
    for name in names:
        text = authority_surface_re(name).sub(" ", text)
    return text


@lru_cache(maxsize=512)
def authority_surface_re(name: str, towns: bool = True) -> re.Pattern:
    """An authority's name or any of its aliases, with a possessive: "West Sussex's", "W Sussex", "BCP" (and its
    best-known towns, `towns`, in a question only)."""
    surfaces = sorted(set(question_forms(name, towns)), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(re.escape(x) for x in surfaces)})(?:['’]s)?\b", re.I)


def find_authorities(text: str) -> list[str]:
    """Authorities named in a question, in any case and by abbreviation (qa.documents.gazetteer). A trust named
    after an authority beside another authority ("Northamptonshire Children's Trust ... when West Northamptonshire
    was rated") is the body that ran its successor's services, not a second place asked about."""
    found = find_in_question(text)
    if len(found) < 2:
        return found
    longer = [m.span() for b in found for m in re.finditer(rf"\b{re.escape(b)}\b", text, re.I)]

    def own(a: str) -> list[re.Match]:  # its mentions not inside a longer name ("West Northamptonshire")
        return [m for m in re.finditer(rf"\b{re.escape(a)}\b", text, re.I)
                if not any(s <= m.start() and m.end() <= e and (s, e) != m.span() for s, e in longer)]

    # (only beside its successor, "West Northamptonshire"; "Doncaster Children's Trust compared with Rotherham" asks both)
    trust_only = [a for a in found if own(a) and all(TRUST_AFTER_RE.match(text[m.end():]) for m in own(a))
                  and any(b != a and a.lower() in b.lower() for b in found)]
    return [a for a in found if a not in trust_only] or found


TRUST_AFTER_RE = re.compile(r"(?:['’]s)?\s+(?:children['’]?s\s+)?trust\b", re.I)


# "dudly childrens services inadequate 2016": a council's one-word name typed one letter off (the same first letter;
# not itself an English word, nor the field's abbreviation: "camhs" is no "Cambs") is read as the council, as the
# index's own words mend other typos. (Not a surname after a first name or a title: "Sarah Morton", "Mr Morton".)
_ONE_WORD_PLACES = {surface.lower(): surface for a in AUTHORITIES.values() if a.nation == "england"
                    for surface in (a.name, *a.aliases) if re.fullmatch(r"[A-Za-z]{5,}", surface)}


_NAME_BEFORE_RE = re.compile(r"\b[A-Z][a-z]+\.?\s+$")
# What a council's possessive owns, after a plural that is an English word too ("leicesters dcs", "devons 2019 ilacs";
# not "HMI Stokes found", "readings of the plan")
_TITLE_BEFORE_RE = re.compile(r"\b(?:the|hmi|mr|mrs|ms|miss|dr|cllr|councillor|inspector|sir|lady|lord)\s+$", re.I)
_POSSESSED_AFTER_RE = re.compile(r"\s+(?:(?:19|20)\d\d\s+)?(?:dcs|director|ilacs|sif|jtai|inspections?|letters?|"
                                 r"reports?|visits?|mvs?|fvs?|front\s+door|children|childrens|council|services|grades?|"
                                 r"judge?ments?|ratings?|caseloads?|lead|chief|cabinet|scrutiny|improvement|plans?|"
                                 r"focus+ed|monitoring|social|care|ofsted)\b", re.I)


def mended_places(text: str) -> str:
    def mend(m: re.Match) -> str:
        word = m.group(0).lower()
        if word in _ONE_WORD_PLACES or word.upper() in FIELD_GLOSSARY \
                or m.group(0)[0].isupper() and _NAME_BEFORE_RE.search(text, 0, m.start()):
            return m.group(0)
        if word.endswith("s") and word[:-1] in _ONE_WORD_PLACES \
                and (not is_english(word) or _POSSESSED_AFTER_RE.match(text, m.end())
                     and not _TITLE_BEFORE_RE.search(text, 0, m.start())):
            return f"{_ONE_WORD_PLACES[word[:-1]]}'s"  # (its apostrophe left out: "Leicesters DCS", "bromleys letter")
        near = {_ONE_WORD_PLACES[e] for e in edits1(word) if e in _ONE_WORD_PLACES and e[0] == word[0]}
        # (the dictionary, slow to load, only for a word that is one letter from a place)
        return near.pop() if len(near) == 1 and not is_english(word) else m.group(0)
    return re.sub(r"\b[A-Za-z]{5,}\b", mend, text)


# "The Chronicle story says Ofsted came in August - when did inspectors actually carry out the visit?" ("The Mercury
# says ..."): the claim opening the question is what it doubts. Its month and its source are no filter, nor its words
# what to search for (its places stay: _places_of_claim).
_CLAIM_VERBS = (r"(?:says?|said|claims?|claimed|reports?|reported|states?|stated|suggests?|suggested|puts?|gives?|"
                r"gave)\b")
_CLAIM_TO_QUESTION = r"[^?]{0,200}?(?:\s[-–—]+\s|;\s*|:\s*|,\s*but\s+|\.\s+)"  # (the claim, up to the question)
DOUBTED_CLAIM_RE = re.compile(r"^\s*(?:the|a|an|our|their|this|that|one)\s+(?:[\w'’&.-]+\s+){0,4}?(?:story|article|"
                              r"report|piece|paper|press\s+release|release|headline|coverage|minutes|post|blog|feature|"
                              r"write-?up)\s+" + _CLAIM_VERBS + _CLAIM_TO_QUESTION +
                              r"(?=(?:so\s+|but\s+)?(?:what|when|who|which|how|where|did|does|do|is|was|were|has|have|"
                              r"can)\b)|"
                              # (a paper by its name only where the question doubts it and asks another fact: "The
                              # Mercury says inspectors came in February - when was the FV really?"; not "The Times
                              # reports ... - what did the council say at the time?")
                              r"^\s*the\s+(?:[\w'’&.-]+\s+){0,4}?(?:" + _MASTHEAD_WORDS + r")\s+" + _CLAIM_VERBS +
                              _CLAIM_TO_QUESTION +
                              r"(?=(?:so\s+|but\s+)?(?:when|who|which|where|how\s+(?:many|long))\b"
                              r"[^?]*\b(?:really|actually|in\s+fact|truly)\b)", re.I)

# ... or after it, closing the question: "When were inspectors actually on site? The Courier says July.", "... take
# effect? One article says it was immediate.", "... on site? The Courier calls it the second visit." (a claim to
# check, not a source asked for, nor a month or a visit asked)
CLAIM_AFTER_RE = re.compile(r"(?<=\?)\s*(?:the|a|an|our|their|this|that|one)\s+(?:[\w'’&.-]+\s+){0,4}?(?:story|article|"
                            r"report|piece|paper|newspaper|press\s+release|release|headline|coverage|post|blog|feature|"
                            r"write-?up|" + _MASTHEAD_WORDS + r")\s+"
                            r"(?:says?|said|claims?|claimed|reports?|reported|states?|stated|suggests?|suggested|"
                            r"puts\s+it|(?:calls?|called|describes?|described|labels?|labell?ed|refers?\s+to|"
                            r"referred\s+to)\s+(?:it|them|this|that)\b)\b[^?]{0,120}$", re.I)


def _places_of_claim(claim: re.Match) -> str:
    """What stays of a claim doubted: the places it names after its verb ("The Mercury says inspectors came to
    Stockport in February - when was the FV really?" asks of Stockport; not the paper's own, "The Croydon Advertiser
    says it was damning")."""
    told = re.search(_CLAIM_VERBS, claim.group(0), re.I)
    return "".join(f"{place} - " for place in find_authorities(claim.group(0)[told.end() if told else 0:]))


# One place asked for alone after the question, then a remark on another: "... in care? Walsall only please - Dudley's
# 2017 letter was also a third visit." (the other place, and its year, are told apart, not asked; a clause setting
# aside, "Somerset only, not Bromley's 2021 FV", is read as such)
ONLY_PLACE_THEN_RE = re.compile(r"(?<=[?!.])\s*([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s+only(?:,?\s+please)?"
                                r"\s*[-–—;:.,](?!\s*(?i:(?:but\s+|and\s+)?(?:not|rather\s+than|instead\s+of|nor)\b))\s*"
                                r"([^?]{3,160})$")

# A figure asked at a day ("how many CIC ... at 31 march 2025?"), not an event's day ("caseloads at 12 march 2024 mv",
# "what was agreed at 5 march 2025 cabinet")
# ... or the figure right before its month: "cambridgeshire SW vacancy rate march 2025" (not "caseloads in may 2018",
# that month's)
FIGURE_BEFORE_MONTH_RE = re.compile(r"\b(?:rates?|figures?|caseloads?|vacancies|averages?|totals?|numbers|"
                                    r"proportion|per\s*cent)\s+$|%\s*$", re.I)
# (not a figure an inspection or a paper of that month gave: "what did ofsted say about caseloads in march 2025?")
_INSPECTION_WORD_RE = re.compile(r"\b(?:ofsted|inspect\w*|hmis?|visit\w*|ilacs|sif|jtai|mvs?|fvs?|letters?|news|story|"
                                 r"article|minutes|cabinet|committee|scrutiny|board|meeting)\b", re.I)
_FIGURE_ASKED_RE = re.compile(r"\b(?:how\s+(?:many|much)|number\s+of|figures?|numbers|caseloads?|rates?|averages?|"
                              r"totals?|proportion|per\s*cent)\b|%", re.I)
_EVENT_AFTER_RE = re.compile(rf"\s*(?:['’]s\s+)?(?:[\w-]+\s+){{0,2}}?(?:{EVENT_NOUN}|mv\d?|fv|jtai|ilacs|meeting|"
                             r"cabinet|committee|panel|board|scrutiny)\b", re.I)


# "mar 24", "feb '23", "oct-22": a month then two digits, typed in a hurry, is a year. A UK day comes before its month
# ("24 March"), so after one the digits are the year, not a day; not a time ("mar 24:00") nor a four-digit year next.
# (nor the first of two days, "March 24-25 2023", "march 24 and 25"; nor a day before a year a few words on, nor a
# year still to come: "as at March 31")
TWO_DIGIT_YEAR_RE = re.compile(rf"\b{MONTH_RE}(\s*(?:['’]|-)\s*|\s+)([1-3]\d)\b(?!['’]?(?:st|nd|rd|th)\b)"
                               r"(?![:/.,]?\d)(?!\s*(?:-|–|and|to|&)\s*\d)(?![^?.;]{0,20}\b(?:19|20)\d\d\b)", re.I)


# ... and "the kirklees inspection last June (2019)": a month with its year in brackets is that month
MONTH_BRACKET_YEAR_RE = re.compile(rf"\b{MONTH_RE}\s*\(\s*((?:19|20)\d\d)\s*\)", re.I)


# A date typed in figures is written out, so that every rule reading months and years reads it: "12/03/2024",
# "12.03.24" (a UK day first) -> "12 March 2024"; "03/2024", "2024-03", "03/24" -> "March 2024"; "in '19" -> "in
# 2019". Not a financial year ("2018-19", "2011-12"), a ratio ("24/7") nor a year still to come.
_NOT_FIGURES_AROUND = (r"(?<![\w/.-])", r"(?![\d/-]|\.\d)")
DAY_MONTH_YEAR_RE = re.compile(r"{0}(3[01]|[12]\d|0?[1-9])([/.-])(1[0-2]|0?[1-9])\2((?:19|20)\d\d|\d\d){1}"
                               .format(*_NOT_FIGURES_AROUND))
MONTH_SLASH_YEAR_RE = re.compile(r"{0}(1[0-2]|0?[1-9])/((?:19|20)\d\d){1}|{0}(1[0-2]|0[1-9])/(\d\d){1}"
                                 .format(*_NOT_FIGURES_AROUND))
YEAR_DASH_MONTH_RE = re.compile(r"{0}((?:19|20)\d\d)-(1[0-2]|0[1-9])(?:-(3[01]|[12]\d|0[1-9]))?{1}"
                                .format(*_NOT_FIGURES_AROUND))
# (a bare year: not a quoted label, "the '24/7' duty team", "'16 plus', "'15 steps'")
APOSTROPHE_YEAR_RE = re.compile(r"(?<![\w'’])['’]([0-3]\d)\b(?!['’]?s\b)(?![’'/+–-]|\.?\d)"
                                r"(?!\s*(?:plus|steps?|weeks?|days?|months?|hours?|minutes?|years?|per\b|%))"
                                r"(?![^'’\n]{0,30}['’](?![a-z]))", re.I)
# (nor a paragraph, section or version number: "paragraph 3.2.14", "version 2.1.19")
_NUMBERED_BEFORE_RE = re.compile(r"\b(?:para(?:graph)?s?|sections?|versions?|v|items?|clauses?|recommendations?|"
                                 r"recs?|pages?|pp?|no|numbers?|tables?|figures?|appendix|annex|years?)\.?\s*$", re.I)
_CASES_AFTER_RE = re.compile(r"\s+(?:cases|files|children|audits|families|records|young)\b", re.I)


def _full_year(digits: str, latest: int) -> int | None:
    if len(digits) == 4:
        return int(digits)
    return 2000 + int(digits) if int(digits) <= latest else None


def _written_out(day: str | None, month: str, year: int | None) -> str | None:
    if year is None:
        return None
    return (f"{int(day)} " if day else "") + f"{calendar.month_name[int(month)]} {year}"


def _day_month_year(m: re.Match, latest: int) -> str | None:
    day, separator, month, year = m.groups()
    if separator == "." and len(year) == 2 and (len(day) < 2 or len(month) < 2):
        return None  # ("3.2.14": a paragraph's number, where "12.03.24" is a date)
    return _written_out(day, month, _full_year(year, latest))


def _year_dash_month(m: re.Match, latest: int) -> str | None:
    year, month, day = m.groups()
    if not day and not month.startswith("0") and int(month) > int(year) % 100:
        return None  # ("2011-12", "2008-10": a span of years, where "2024-10" is a month)
    return _written_out(day, month, int(year))


def _month_slash_year(m: re.Match, latest: int) -> str | None:
    if m.group(2):
        return _written_out(None, m.group(1), int(m.group(2)))
    month, year = int(m.group(3)), int(m.group(4))
    if year <= 12 or year == month + 1 or _CASES_AFTER_RE.match(m.string, m.end()):
        return None  # ("12/13": a financial or school year; "10/15 cases": a share)
    return _written_out(None, m.group(3), _full_year(m.group(4), latest))


def _apostrophe_year(m: re.Match, latest: int) -> str | None:
    return str(year) if (year := _full_year(m.group(1), latest)) else None


def with_dates_written_out(text: str, latest: int) -> str:
    for pattern, read in ((DAY_MONTH_YEAR_RE, _day_month_year), (YEAR_DASH_MONTH_RE, _year_dash_month),
                          (MONTH_SLASH_YEAR_RE, _month_slash_year), (APOSTROPHE_YEAR_RE, _apostrophe_year)):
        text = pattern.sub(lambda m: (None if _NUMBERED_BEFORE_RE.search(m.string, 0, m.start())
                                      else read(m, latest)) or m.group(0), text)
    return text


def with_full_years(text: str) -> str:
    latest = date.today().year % 100
    text = with_dates_written_out(text, latest)
    text = MONTH_BRACKET_YEAR_RE.sub(lambda m: f"{m.group(1)} {m.group(m.lastindex)}", text)
    return TWO_DIGIT_YEAR_RE.sub(lambda m: f"{m.group(1)} 20{m.group(3)}" if int(m.group(3)) <= latest
                                 else m.group(0), text)


# "an actual apology, not just 'disappointed' or 'regrettable'": words quoted to be set aside are no keywords
# ... unless the question asks why one wording and not the other: "ilacs why 'children in care' not 'looked after'"
# (both are what the answer explains)
WHY_ONE_WORDING_NOT_ANOTHER_RE = re.compile(r"\bwhy\b[^?]*[‘'\"“][^‘'\"“”’]{1,40}[’'\"”]\s*,?\s*(?:and\s+|but\s+)?"
                                            r"(?:not|rather\s+than|instead\s+of)\s+[‘'\"“]", re.I)
NEGATED_QUOTE_RE = re.compile(r"[,;-]?\s*\bnot\s+(?:just|only|merely|simply)?\s*[‘'\"“][^‘'\"“”’]{1,40}[’'\"”]"
                              r"(?:\s*(?:,|or|nor|and)\s*[‘'\"“][^‘'\"“”’]{1,40}[’'\"”])*"
                              # (with where it is written: "not 'two years ago' from the later council release")
                              r"(?:\s+(?:from|in)\s+(?:the|its|their|a)\s+(?:[\w'’-]+\s+){0,3}?(?:release|story|"
                              r"page|article|report|letter|statement|piece|write-?up|coverage|minutes|paper)s?\b)?",
                              re.I)


# "WNC's own news release on the ILACS": an authority, by its name or initials, speaking on its own pages (not the
# CQC's or the Children's Commissioner's statement: only a place the gazetteer knows)
# (without the possessive, the place just before "own": "Brighter Futures for Children own statement", not "about Kent
# on its own website")
OWN_RELEASE_RE = re.compile(r"(?<![\w&'’-])([\w&'’-]+(?:\s+[\w&'’-]+){0,3}?)(?:['’]s|(?<!\bits)(?<!\bhis)(?<!\bher)"
                            r"(?<!\btheir)(?<!\bour)(?<!\bmy)(?<!\byour)(?<!\bthe)(?<!\bon)(?<!\bin))\s+own\s+"
                            r"(?:(?:news|press)\s+releases?|"
                            # ("West Sussex CC's own web page")
                            r"statements?|announcements?|website|web\s?pages?|(?:news\s+)?pages?)\b", re.I)


# Where the user will cite it is no source: "Citing Ofsted's handbook ... in a committee paper - when was it published?"
CITED_IN_RE = re.compile(r"\b(citing|quoting|to\s+cite|to\s+quote)\b([^?.:;]{0,100}?)\s+(?:in|for|into)\s+"
                         r"(?:a|an|our|my)\s+"
                         r"(?:[\w-]+\s+){0,2}?(?:paper|report|briefing|presentation|note)\b", re.I)
# ... nor what the user is writing: "Need the month for a committee report on the trust's background", "For a
# timeline: ..." (the committee is the reader, not the source)
WRITING_FOR_RE = re.compile(r"(?P<head>^\W*|\b(?:need(?:ed|s)?|want(?:ed|s)?|(?:it|this|that)(?:['’]s|\s+is))\b"
                            r"[^.?;:]{0,40}?)(?P<purpose>\bfor\s+(?:a|an|our|my)\s+(?:[\w'’-]+\s+){0,2}?(?:paper|"
                            r"report|briefing|presentation|note|time\s*line|chronology|submission)\b"
                            r"(?:\s+(?:on|about|for)\s+[^.?;:,]{0,60})?)", re.I)
# An aside on other places: "..., I know Lambeth and Leicester had theirs the same year", "unlike Kent, ..."
# A grade kept (or lost) from an earlier date: "keep the good it got at the late-2017 re-inspection", "hold on to
# its outstanding from 2018" (group 1: the date and what follows it)
GRADE_KEPT_VERBS = (r"(?:keeps?|kept|keeping|retain(?:s|ed|ing)?|maintain(?:s|ed|ing)?|sustain(?:s|ed|ing)?|"
                    r"(?:hold|holding|held|hang|hung)\s+on\s+to|lose|loses|lost|losing)")
_SEASON_OF = r"(?:(?:early|late|mid|spring|summer|autumn|winter)[\s-]+)?"  # ("late 2021", "the late-2017 ...")
KEPT_FROM_RE = re.compile(rf"\b{GRADE_KEPT_VERBS}\s+(?:the|its|their|that)\s+"
                          r"(?:[\w'’-]+\s+){0,3}?"
                          # (won then, "it got at the late-2017 re-inspection", or "from 2017"; not "keep its rating
                          # at the 2021 inspection", the event asked)
                          r"(?:(?:it|they)\s+(?:got|had|received|achieved|earned|gained|won)\s+(?:at|in)\s+|from\s+)"
                          r"(?:the\s+)?"
                          rf"({_SEASON_OF}(?:{MONTH_RE}\s+)?{YEAR}\b)", re.I)
# The next full inspection, just before the event it follows ("Enfield's next full inspection after the 2015 SIF")
NEXT_FULL_INSPECTION_RE = re.compile(r"\bnext\s+(?:full\s+|standard\s+|graded\s+)?(?:ilacs\s+)?(?:inspection|ilacs|sif|"
                                     r"re-?inspection)\s+$", re.I)
# An event asked, placed by an earlier one: "the 2019 inadequate after the Oct 2018 focused visit" asks 2019, not
# everything from October 2018 (group "after": the placing clause)
PLACED_AFTER_RE = re.compile(rf"\b{YEAR}\s+(?:[\w'’-]+\s+){{0,2}}?{_SET_ASIDE_EVENT}s?\s+"
                             rf"(?P<after>(?:after|following)\s+(?:the\s+|its\s+)?{MONTH_YEAR}\s+"
                             rf"(?:[\w'’-]+\s+){{0,2}}?{_SET_ASIDE_EVENT}s?\b)", re.I)
# ... or dated after the event placing it: "Cambridgeshire's next inspection after the Jan 2019 RI, in late 2021"
# asks late 2021 (the placing clause, up to the date, is group "after")
PLACED_BEFORE_DATE_RE = re.compile(rf"\b(?:next|following|later|subsequent)\s+(?:[\w'’-]+\s+){{0,2}}?"
                                   rf"{_SET_ASIDE_EVENT}s?\s+(?P<after>(?:after|following)\s+(?:the\s+|its\s+)?"
                                   rf"{MONTH_YEAR}\s+(?:[\w'’-]+\s+){{0,2}}?{_SET_ASIDE_EVENT}s?\b)"
                                   rf"(?=,?\s+(?:in|during)\s+{_SEASON_OF}(?:{MONTH_RE}\s+)?(?:19|20)\d\d\b)", re.I)
_PLACING_EVENT = (r"(?:ilacs|sif|jtai|mv|fv|ri|inspection|re-inspection|visit|judge?ment|report|letter|inadequate|good|"
                   r"outstanding|requires\s+improvement(?:\s+to\s+be\s+good)?|one|rating|grade)\b")
BETWEEN_EVENTS_RE = re.compile(rf",?\s*\bbetween\s+(?:the|its|their)\s+(?:[\w'’-]+\s+){{0,2}}?{YEAR}\b[^,:;?]*?"
                               rf"\band\s+(?:the|its|their)\s+(?:[\w'’-]+\s+){{0,2}}?{YEAR}\s+(?:[\w'’]+\s+)?"
                               rf"{_PLACING_EVENT}", re.I)
# ... or a later event placing the asked one, dated by its own earlier year: "Liverpool ILACS 2018 - the requires
# improvement one, before the march 2023 inadequate" asks 2018 (not "what was done before the 2023 inspection?", no
# earlier year named)
PLACED_BEFORE_LATER_RE = re.compile(rf",?\s*\b(?:before|ahead\s+of|prior\s+to|preceding)\s+(?:the\s+|its\s+|their\s+)?"
                                    rf"(?:ofsted['’]?s\s+)?{MONTH_YEAR}\s+(?:[\w'’-]+\s+){{0,2}}?"
                                    rf"{_PLACING_EVENT}", re.I)
# (the asked event, dated by its year, just before the clause: "ILACS 2018 - the requires improvement one"; not a span
# measured to the later event, "in the year before ...", "since 2018, before ...", "from 2019 until before ...")
_EARLIER_EVENT_BEFORE_RE = re.compile(rf"(?:\b{YEAR}\s+(?:[\w'’-]+\s+){{0,2}}?{_PLACING_EVENT}|"
                                      rf"\b{_PLACING_EVENT}\s+(?:in\s+)?{YEAR}\b)(?P<tail>[^:;?]{{0,60}})$", re.I)
# (told apart by a dash, comma or bracket, and no question of its own after it: "Kent ILACS 2018 was RI - what changed
# before the 2022 ILACS?", "Had the weaknesses found at the 2018 inspection been put right before the Oct 2022 ILACS?")
_SPAN_WORDS_RE = re.compile(r"\b(?:years?|months?|weeks?|days?|since|from|until|till|set\s+up|up\s+to|what|who|how|"
                            r"when|which|where|why|did|does|do|was|were|is|are|has|have|had)\b", re.I)
_FROM_BEFORE_RE = re.compile(r"\b(?:from|since|after|following)\s+(?:the\s+|its\s+|their\s+)?$", re.I)


def _placed_before_later(m: re.Match) -> str:
    year = int(re.findall(rf"\b{YEAR}\b", m.group(0))[0])
    earlier = _EARLIER_EVENT_BEFORE_RE.search(m.string, 0, m.start())
    return " " if earlier and int(earlier.group(1) or earlier.group(2)) < year \
        and re.match(r"\s*(?:[-–—,(]|$)", earlier.group("tail")) and not _SPAN_WORDS_RE.search(earlier.group("tail")) \
        and not _FROM_BEFORE_RE.search(m.string, 0, earlier.start()) else m.group(0)


# The earlier event a later one is measured against: "lpool ilacs mar 23 - better or worse than the 2018 ri?" asks
# March 2023
# (only when it is the earlier: in "was the 2018 RI better than the March 2023 ILACS?" the later event follows "than"
# and stays)
_COMPARED = r"(?:than|compared\s+(?:with|to)|against|vs\.?|versus)"
COMPARED_WITH_RE = re.compile(rf"\b{_COMPARED}\s+(?:"
                              rf"(?:the|its|their|[\w-]+['’]s)\s+(?:[\w'’-]+\s+)?{YEAR}\s+(?:[\w'’-]+\s+){{0,2}}?"
                              rf"{_PLACING_EVENT}|(?:in\s+)?{YEAR}\b)", re.I)


def _without_earlier_compared(text: str) -> str:
    kept = COMPARED_WITH_RE.sub(" ", text)
    later = [int(y) for y in re.findall(rf"\b{YEAR}\b", kept)]
    compared = [int(y) for m in COMPARED_WITH_RE.finditer(text) for y in re.findall(rf"\b{YEAR}\b", m.group(0))]
    return _tidy(kept) if later and compared and max(compared) < min(later) else text


# (placing an event dated just before it: "the 2014 monitoring visit, between ...")
DATED_EVENT_BEFORE_RE = re.compile(rf"\b{YEAR}\s+(?:[\w'’-]+\s+){{0,2}}?{_PLACING_EVENT}[^,:;?]{{0,20}}$", re.I)
FLAGGED_AT_RE = re.compile(rf"\b(?:(?:flagged|raised|found|identified|highlighted|criticised|noted|picked\s+up)\s+"
                           rf"(?:at|in|by|during)|like|as)\s+(?:the|its|their)\s+((?:(?:early|late|mid|spring|summer|"
                           rf"autumn|winter)\s+|{MONTH_RE}\s+)?{YEAR})(?=\s+(?:[\w'’-]+\s+)?(?:ilacs|sif|jtai|mv|fv|"
                           rf"inspection|visit|focused|monitoring|report|letter|judge?ment|one)\b)", re.I)
YEAR_BEFORE_EVENT_RE = re.compile(rf"\b(?:in|during)\s+{YEAR}(?=,?\s+(?:before|ahead\s+of|prior\s+to)\s+(?:the\s+)?"
                                  rf"(?:hmis?|inspectors?|ofsted|inspection|visit)\b)", re.I)
# ... or said to be done already: "dudley 2016 inadequate - what had the new leadership already done in 2015?"
ALREADY_IN_YEAR_RE = re.compile(rf"\b(already\s+(?:[\w'’-]+\s+){{0,3}}?)(?:in|during)\s+{YEAR}\b", re.I)
def _already_before(m: re.Match, text: str) -> str:
    """(only a year before another the question names: "rotherham 2014 inadequate - was the new DCS already in post in
    2015?" asks 2015)"""
    later = [int(y) for y in re.findall(rf"\b{YEAR}\b", text) if int(y) > int(m.group(2))]
    return m.group(1) if later else m.group(0)


# (or set aside, to the comma closing it: "setting aside the partners in practice link with Essex, what ...?"; not
# "Besides Ofsted did the CQC inspect Kent?", all one clause): no word of it is searched for either
ASIDE_CLAUSE_RE = re.compile(rf"(?:^|(?<=[,;:.?!–—-]))\s*(?:{ASIDE_WORDS})\b[^.?!;,:–—]{{1,120}}(?=[,;:–—])",
                             re.I)
KNOWN_ASIDE_RE = re.compile(r"(?:^|(?<=[,;:.?!–—-]))\s*(?:i\s+know|i['’]?m\s+aware|i\s+reali[sz]e|"
                            rf"unlike)\b(?:(?!\s-\s)[^.?!;,:–—])*|{ASIDE_CLAUSE_RE.pattern}", re.I)
# ... or a place the asked one is likened to in its bracket: "Richmond (the other AfC borough, same mutual as RBWM)"
# (not a comparison asked: "Kent's 2022 ILACS: same grade as Medway's?")
LIKENED_IN_BRACKET_RE = re.compile(rf"(?<=[(,;])\s*{LIKENED}(?=\)|[,;][^()]*\))", re.I)
# ... or in a hedged remark closing the question after its question mark: "B&NES jtai on neglect - what did the letter
# say? same ICB as swindon so prob similar" (not a likeness asked: "Kent's 2022 ILACS grade? same as Medway or not")
LIKENED_REMARK_RE = re.compile(r"(?<=\?)\s*(?:(?:the\s+)?same\s+(?:[\w'’-]+\s+){0,2}?as|similar\s+to)\b[^(),;?]*?"
                               r"\b(?:so|prob|probably|maybe|presumably|likely|might|guess)\b[^(),;?]*$", re.I)


# "North Northants (the new unitary, not West Northants)": a place set aside by name after a comma, a bracket or a
# dash (capitalised, so a name: "- not Kent", not "not sure")
PLACE_SET_ASIDE_RE = re.compile(r"(?:(?<=[,(;–—.?!])|(?<=\s-))\s*(?:(?:but|and)\s+)?"
                                r"(?i:not|rather\s+than|instead\s+of)\s+(?:the\s+)?"
                                # (told apart by when: "not the later Medway or Northants commissioners")
                                r"(?:(?:later|earlier|previous|subsequent)\s+)?"
                                r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
                                # (and what is listed with it: "not West Northants or Northamptonshire")
                                r"(?:,?\s+(?:or|and|nor)\s+(?:not\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})*|"
                                # (a person set aside by the place they served, closing the question: "...?
                                # Northamptonshire not Eleanor Brazil at medway")
                                r"(?<=\s)(?i:not)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}\s+(?i:at|in|from)\s+"
                                r"(?i:the\s+)?[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,2}?(?=\s*[,.;?!)]|\s*$)")
# ... or a place alone typed in lower case, closing the question: "... swindons figure not glos" (not a contrast asked,
# "why not medway", "good in kent but not in medway")
_LOWER_PLACE_SET_ASIDE_RE = re.compile(r"(?<!\bwhy\s)(?<!\bbut\s)(?<!\band\s)(?<!\bor\s)(?<=\s)not\s+"
                                       r"(?:the\s+)?([a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2})(?=\s*[.!?]?\s*$)")


def _lower_place_set_aside(text: str) -> str:
    """`text` without a closing _LOWER_PLACE_SET_ASIDE_RE clause whose words are a place's name and nothing else."""
    if (m := _LOWER_PLACE_SET_ASIDE_RE.search(text)) and (places := find_authorities(m.group(1))) \
            and not authority_surface_re(places[0]).sub("", m.group(1)).strip(" '’s"):
        return text[:m.start()]
    return text


# Where a person asked about worked before, as the asker remarks it: "who is torbay's interim DCS ...? think she came
# from plymouth" (not "what did ofsted say of her leadership where she was before? she came from plymouth")
# ("came from plymouth to torbay": to the place's name)
_PERSON_ROLE = (r"(?:dcs|director|ad|commissioner|chair|chief\s+exec\w*|lead\s+member|inspector|hmi|manager|adviser|"
                r"advisor)")
_CAME = r"(?:came|moved|joined|transferred|was\s+seconded)"
_CAME_FROM_BRACKET = rf"\(\s*(?:the\s+one|who|she|he)\s+(?:{_CAME}\s+)?from\s+"  # ("(the one from ", "(who came from ")
# (the place's words: not past "to", "into" or "and", nor into what is asked, "who came from Medway say about ...")
_PLACE_WORDS = (r"(?:(?!(?:to|into|and|in|as|at|about|on|for|since|say|says|said|tell|told|do|did|does|done|improve\w*|"
                r"has|have|had|was|is|were|are|what|when|who|how|after|before)\b)[A-Za-z][\w'’-]*\s*){1,4}")
PERSON_CAME_FROM_RE = re.compile(r"\b(?:think|thought|believe|reckon|apparently|guess|heard)\s+(?:that\s+)?"
                                 rf"(?:she|he|they)\s+{_CAME}\s+(?:here\s+)?"
                                 rf"from\s+(?:the\s+)?{_PLACE_WORDS}|"
                                 # ... or as told of the person asked about: "the interim DCS (the one from torbay)",
                                 # "the director who came from Darlington"
                                 rf"\b{_PERSON_ROLE}\s*{_CAME_FROM_BRACKET}[^()]{{1,40}}\)|"
                                 rf"\b{_PERSON_ROLE}\s+who\s+{_CAME}\s+(?:here\s+|over\s+)?from\s+(?:the\s+)?"
                                 rf"{_PLACE_WORDS}", re.I)


# Another place's event a question tells its own event by: "north northants ilacs - the one after wnc's nov 2022 RI"
# (not an order asked, "Was Kent's ILACS before Medway's?", nor progress "since Croydon's 2020 inspection")
PLACE_ANCHOR_RE = re.compile(r"\b(?:one|ilacs|inspection|visit|report|mv|fv|jtai|judge?ment|rating)\s+"
                             r"(?:just\s+|straight\s+)?"
                             r"(?:after|following)\s+([A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,3}?)['’]s?"
                             r"\s+(?:[\w'’-]+\s+){0,3}?(?:ri|inadequate|good|outstanding|ilacs|inspection|visit|mv|fv|"
                             r"jtai|report|judge?ment|rating|grade)\b", re.I)


# ... or the place whose event dates the asked one: "Newcastle went from RI to good in the same round as Warwickshire -
# what did the Newcastle report say ...?"
SAME_ROUND_AS_RE = re.compile(r"(?<![?])\b(?:in|at|during)\s+the\s+same\s+(?:round|batch|cycle)"
                              r"(?:\s+of\s+inspections)?\s+as\s+[^,;:?()–—]*?(?=\s[-–—]|[,;:()]|$)"
                              r"(?![^?]*\b(?:each|both)\b)", re.I)


# ... or after the post's remit, which stays: "new AD for childrens social care (the one from cornwall)"
_CAME_FROM_AFTER_REMIT_RE = re.compile(rf"(\b{_PERSON_ROLE}\s+(?:for|of)\s+[^()?,;]{{1,40}}?\s*)"
                                       rf"{_CAME_FROM_BRACKET}"
                                       # (not a paper naming the person: "(the one from the cornwall jtai)")
                                       r"(?![^()]*\b(?:jtai|ilacs|sif|inspection|report|letter|visit|mv|fv|story|"
                                       r"article)\b)[^()]{1,40}\)", re.I)


# ... or a place whose own event the asked one is likened to, with its time: "did NNC get out of inadequate like west
# northants did in nov 2022?" (North Northamptonshire asked; not "did Kent do as well as Medway?", a comparison asked)
LIKE_PLACE_DID_RE = re.compile(r"\b(?:just\s+)?like\s+([A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,3}?)\s+did\b"
                               # (with its time, to the year: "in nov 2022", "on 14 november 2022", "at their ilacs
                               # in 2022", "between 2019 and 2022")
                               # (only words of a time between: not "like medway did on care leavers in 2022")
                               r"(?:\s+(?:in|on|at|during|back\s+in|between|after|following|when)\b"
                               rf"(?:\s+(?:the|their|its|they|it|was|were|inspected|in|of|and|ilacs|inspection|visit|"
                               rf"mv|fv|jtai|spring|summer|autumn|winter|early|late|mid|{MONTH_RE}|"
                               rf"\d{{1,2}}(?:st|nd|rd|th)?))*"
                               r"\s+(?:19|20)\d\d"
                               r"(?:\s+and\s+(?:19|20)\d\d)?(?:\s+(?:ilacs|inspection|visit|mv|fv))?)?", re.I)


def _likened_beside_another(m: re.Match) -> bool:
    """A LIKE_PLACE_DID_RE match naming a place, with another place named outside it (the one asked)."""
    return bool(find_authorities(m.group(1))) and bool(find_authorities(m.string[:m.start()] + m.string[m.end():]))


def _without_likened(text: str) -> str:
    return LIKE_PLACE_DID_RE.sub(lambda m: " " if _likened_beside_another(m) else m.group(0), text)


def _without_came_from(text: str) -> str:
    return _CAME_FROM_AFTER_REMIT_RE.sub(r"\1 ", PERSON_CAME_FROM_RE.sub(" ", text))


def _without_asides(text: str) -> str:
    """`text` without places set aside by name, asides the asker already knows ("I know Lambeth ..."), another
    place's event it measures from ("the one after wnc's nov 2022 RI"), and a place the asked one is likened to."""
    if not re.match(r"\W*(?:was|were|did|does|do|is|are|has|have|had)\b", text, re.I):  # (not "Was Kent rated ...")
        text = SAME_ROUND_AS_RE.sub(" ", text)
    text = PLACE_SET_ASIDE_RE.sub(" ", _without_came_from(_lower_place_set_aside(text)))
    text = PLACE_ANCHOR_RE.sub(" ", KNOWN_ASIDE_RE.sub(" ", _without_likened(text)))
    return LIKENED_REMARK_RE.sub(" ", LIKENED_IN_BRACKET_RE.sub(" ", text))


# A paper set aside by its name, whole or by its masthead's last word: "not the cabinet paper or the courier", "not the
# Daily Telegraph piece", "not the Leicester Mercury or the Derby Telegraph" (its stories, by their publisher: other
# papers' may still answer; the masthead words are OUTLET_WORDS). Not a doubt ("not sure if it was the BBC or the
# Derby Telegraph", "whether or not").
_OUTLET_CLAUSE_RE = re.compile(r"(?<!whether or )\b(?:not|nor|rather\s+than|instead\s+of)\s+"
                               r"(?!(?:sure|just|only|certain|clear|yet)\b)([^?.;:()]{0,80})", re.I)
_OUTLET_NAMED_RE = re.compile(rf"(?:the\s+|an?\s+)?((?:[\w'’&-]+\s+){{0,3}}?(?:{OUTLET_WORDS}))\b",
                              re.I)


def outlets_set_aside(text: str) -> list[str]:
    """The papers `text` sets aside by name, in lower case ("courier", "daily telegraph")."""
    return [m.group(1).lower() for clause in _OUTLET_CLAUSE_RE.finditer(text)
            for part in re.split(r"\s*,\s*|\s+(?:or|nor)\s+", clause.group(1))
            if (m := _OUTLET_NAMED_RE.match(part.strip()))]


def _kinds_set_aside_wholly(text: str) -> frozenset[str]:
    from qa.retrieval.rank import kinds_set_aside_wholly  # (rank reads questions with this module's patterns)

    return kinds_set_aside_wholly(text)


# A grade contrasted with the one asked ("which judgements came out as RI rather than inadequate?"): not asked, unless
# the contrast is ("Why was Kent rated good rather than outstanding?")
CONTRASTED_GRADE_RE = re.compile(r",?\s*\b(?:rather\s+than|instead\s+of)\s+['‘\"“]?(?:inadequate|"
                                 r"requires\s+improvement|ri|good|outstanding)['’\"”]?"
                                 r"(?=\s*[?.,;)!]|\s*$|\s+(?:in|at|for|from|under)\b)", re.I)
# ... or what was done or said instead, after a comma or dash: "disputed the findings - rather than just saying it was
# disappointed and taking urgent action?" (its words drew the answer set aside)
# (dismissed by "just": not the contrast a criticism draws, "inspecting the paperwork, rather than checking whether
# policies work")
# (to the clause's end: not past a dash or colon opening the question, "..., rather than just checking them - what
# did the 2019 letter say?")
CONTRASTED_DOING_RE = re.compile(r"(?<=[,;–—-])\s*(?:rather\s+than|instead\s+of)\s+(?:just|simply|merely|only)\s+"
                                 r"[a-z]+ing\b(?:(?!\s[-–—]\s|\s*[:–—])[^?.;()])*", re.I)
# (a reason asked, REASON_ASKED_RE, or what held it there)
_CONTRAST_ASKED_RE = re.compile(r"\bhow\s+come\b|\bexplain|\b(?:held|kept|stopped|prevented)\b", re.I)


@lru_cache(maxsize=256)
def without_set_asides(text: str) -> str:
    """`text` without the events and sources it sets aside ("..., not WNC's release on its 2022 ILACS")."""
    if not (REASON_ASKED_RE.search(text) or _CONTRAST_ASKED_RE.search(text)):
        text = CONTRASTED_GRADE_RE.sub("", text)
        if _has_topic(uncontrasted := CONTRASTED_DOING_RE.sub("", text)):
            text = uncontrasted
    return NEGATED_EVENT_RE.sub(" ", NEGATED_SOURCE_RE.sub(" ", _without_closing_not(text)))


def _without_closing_not(text: str) -> str:
    """`text` without a closing "..., not ..." clause after its question (TRAILING_NOT_RE)."""
    # (nor a kind of source set aside wholly: "I want what his report says, not the trade press version" keeps the story
    # last; one of a year is an event set aside, "2018 only, not the 2015 coverage")
    if (closing := TRAILING_NOT_RE.search(text)) and not NEGATED_EVENT_RE.search(text, closing.end(1)) \
            and not _kinds_set_aside_wholly(text[closing.end(1):]) \
            and not council_sources_set_aside(text[closing.end(1) - 1:]):  # (nor a place's own words: see below)
        return text[:closing.end(1)] + "."  # (an event set aside keeps its place: its date may close the span asked)
    return text


# A place's own words set aside, the place still asked: "Why did the IoW pull out of the arrangement with
# Southampton? ..., not Southampton's statement or the local press"
PLACE_SOURCE_SET_ASIDE_RE = re.compile(r"\b(?i:not|rather\s+than|instead\s+of)\s+(?i:the\s+)?([A-Z][\w&-]*"
                                        r"(?:\s+(?:of|and|&|upon|on|the|[A-Z][\w&-]*)){0,4}?)(?:['’]s?)?\s+"
                                        r"(?i:own\s+)?(?i:council['’]?s?\s+)?(?i:statements?|(?:press\s+|news\s+)?"
                                        r"releases?|responses?|web\s?pages?|pages?|websites?)\b")


@lru_cache(maxsize=512)
def council_sources_set_aside(question: str) -> frozenset[str]:
    """The places whose own statements or pages a question sets aside (casefolded)."""
    return frozenset(a.casefold() for m in PLACE_SOURCE_SET_ASIDE_RE.finditer(question)
                     for a in find_authorities(m.group(1)))


# (not a place's document or event set aside: "Not the Kent or Medway ILACS reports, the JTAI letters")
_EVENT_OR_DOCUMENT_RE = re.compile(r"\b(?:ilacs|sif|jtai|mv\d?|fv|reports?|letters?|inspections?|visits?|judge?ments?|"
                                   r"ratings?|grades?|pages?|releases?|statements?|stor(?:y|ies)|articles?|minutes|"
                                   r"papers?|plans?|coverage)\b", re.I)


@lru_cache(maxsize=256)  # (read for the places asked and again for the words searched)
def _places_only_set_aside(text: str) -> bool:
    """Whether every place `text` names is named only in a clause setting it aside by name (PLACE_SET_ASIDE_RE),
    with no document or event of the place's named there."""
    set_aside = list(PLACE_SET_ASIDE_RE.finditer(text))
    return bool(set_aside) and not find_authorities(PLACE_SET_ASIDE_RE.sub(" ", text)) \
        and not any(_EVENT_OR_DOCUMENT_RE.search(text, m.start(), min(len(text), m.end() + 25)) for m in set_aside)


def places_asked(text: str, considered: str | None = None) -> list[str]:
    """The authorities `text` asks about. "I don't want the West Northants 2022 report": a place named only in what
    is set aside is not asked about; nor one named in an aside ("I know Lambeth and Leicester had theirs the same
    year"). (`considered`: `text` without its set-aside clauses, when the caller has it already.)"""
    authorities = find_authorities(text)
    considered = without_set_asides(text) if considered is None else considered
    if authorities and ASIDE_CLAUSE_RE.search(considered) \
            and not find_authorities(ASIDE_CLAUSE_RE.sub(" ", considered)):
        return []  # every place named is set aside: "Excluding Medway and Kent, which councils had a JTAI on CSE?"
    office_set_aside = bool(authorities) and bool(_OFFICE_SET_ASIDE_RE.search(text))
    if authorities and _places_only_set_aside(considered):
        return []  # every place named is set aside: "which councils had commissioners? Not Medway's or Northants'
        # commissioners, they came later"
    if authorities and not find_authorities(considered) and set(authorities) <= {
            a for m in _OTHERS_PLACE_SOURCE_RE.finditer(text) for a in find_authorities(m.group(1))}:
        return []  # named only as what another's source set aside was about: "Not the CLG Committee's Rotherham
        # release." (a place's own source set aside keeps it asked: "not Southampton's statement")
    if authorities and _WHICH_COUNCILS_RE.search(considered) and not find_authorities(considered):
        return []  # "which LAs had commissioners appointed ...? not Medway's or Northants' later commissioners": the
        # places named only in what is set aside are not the ones asked for
    if authorities and _NATIONAL_ASKED_RE.search(considered) and not find_authorities(considered) \
            and not _points_back(text) and not _DATED_EVENT_RE.search(considered):
        return []  # "what does ofsted use the AEM for? ofsted's own national view, not the devon AEM letter": the
        # place's page is set aside for the national one
    if len(authorities) > 1 or office_set_aside:
        if outside := find_authorities(_without_asides(considered)):
            authorities = [a for a in authorities if a in outside]
        elif office_set_aside:
            authorities = []  # (named only as where somebody set aside went: "Not the commissioner sent into Medway")
    return list(dict.fromkeys(_council_of_postal_county(text, a) or a for a in authorities))


# (a national view asked for itself, not a topic's national words: "the national transfer scheme", "the national
# average", "the national panel")
_NATIONAL_ASKED_RE = re.compile(r"\bnational\s+(?:view|picture|position|line)s?\b|"
                                r"\b(?:across|for)\s+(?:all\s+of\s+)?(?:england|the\s+country)\b", re.I)
# (a set-aside event followed by the place's other one it points back to: "not rutland's 2019 letter but the 2021
# one", "..., their 2021 letter", "..., the one from 2021")
_POINTS_BACK_RE = re.compile(r"(?:[,;–—]|\s-|\bbut\b|\bi\s+mean\b|\brather\b)\s*(?:[\w'’-]+\s+){0,4}?"
                             r"(?:(?:19|20)\d\d|ones?|letters?|reports?|ilacs|fvs?|mvs?|visits?|inspections?|latest|"
                             r"newer|later|recent)\b", re.I)
# (or the question asks of an event of its own: "the national picture at the 2021 MV? not the 2019 rutland MV")
_DATED_EVENT_RE = re.compile(r"\b(?:(?:(?:19|20)\d\d|latest|last|most\s+recent|recent|previous|first|second|third|"
                             r"fourth|fifth|sixth)\s+(?:[\w'’-]+\s+){0,2}?(?:mvs?|fvs?|visits?|inspections?|ilacs|"
                             r"jtai|letters?|reports?)|mv\s?\d|fv)\b", re.I)
_SET_ASIDE_WORD_RE = re.compile(r"\b(?:not|rather\s+than|instead\s+of)\b", re.I)


def _points_back(text: str) -> bool:
    """Whether, after what `text` sets aside, another event is named (_POINTS_BACK_RE)."""
    aside = _SET_ASIDE_WORD_RE.search(text)
    return bool(aside and _POINTS_BACK_RE.search(text, aside.end()))
_WHICH_COUNCILS_RE = re.compile(r"\b(?:which|what|how\s+many)\s+(?:other\s+)?(?:las|councils|local\s+authorities|"
                                r"authorities)\b", re.I)


def _council_of_postal_county(text: str, name: str) -> str | None:
    """The council a former county follows, in brackets or after a comma, as its postal county: "reading (berks) -
    what grade ...?" asks of Reading, "wokingham, berkshire" of Wokingham (the town named by the county, however
    typed)."""
    if not is_former(name):
        return None
    county = authority_surface_re(name).pattern
    return next((council for council in AUTHORITIES if not is_former(council) and name in former_counties(council)
                 and re.search(rf"{authority_surface_re(council).pattern}\s*(?:\(|,)\s*{county}", text, re.I)), None)


# (Parliament's: a paper's or a body's coverage of a place set aside still leaves the place asked, "not the
# Yorkshire Post's Kirklees coverage")
_OTHERS_PLACE_SOURCE_RE = re.compile(r"\b(?i:not|rather\s+than|instead\s+of)\s+(?i:the\s+)?(?:[\w&-]+\s+){0,3}?"
                                     r"(?i:committee|commons|parliament|mps|inquiry)['’]s?"
                                     r"\s+([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2})\s+(?i:(?:press\s+|news\s+)?releases?|"
                                     r"stor(?:y|ies)|statements?|articles?|pieces?|coverage|write-?ups?|reports?)\b")
_POSSESSIVE_RE = re.compile(r"\b((?:[\w-]+\s+){0,2}(?!(?:children|people)\b)[\w-]+)(?:['’]s|s['’])(?=\s)", re.I)
_SET_ASIDE_WHEN_RE = re.compile(rf"\b(?:{MONTH_RE}\s+)?{YEAR}\b", re.I)
_OFFICE_SET_ASIDE_RE = re.compile(rf"\W*{_OFFICE_NOT}", re.I)


def _set_aside_starts(text: str) -> list[tuple[date, str]]:
    """The first day of each time an event set aside names ("not the Dec 2018 visit": 1 December 2018)."""
    starts = []
    for aside in NEGATED_EVENT_RE.finditer(text):
        if re.match(rf"\W*(?:{ASIDE_WORDS})\b", aside.group(0), re.I) \
                or re.match(rf"\W*{_NOT_YEAR}", aside.group(0), re.I) or _OFFICE_SET_ASIDE_RE.match(aside.group(0)):
            continue  # ("apart from the March 2023 visit, did Ofsted visit again in 2023?": others of the time asked;
            # "since 2015, not 2016": a year left out of the window, not its end; "not the director appointed in
            # 2021": a person left out)
        if (owners := set(find_authorities(" ".join(_POSSESSIVE_RE.findall(aside.group(0)))))) \
                and (outside := set(find_authorities(text[:aside.start()] + " " + text[aside.end():]))) \
                and not owners & outside:
            continue  # (another council's own event: "warwickshire ... 2018, not cambridgeshire's april 2018 visit";
            # not one shared, "kent ... not the JTAI with medway in april 2019")
        for m in _SET_ASIDE_WHEN_RE.finditer(aside.group(0)):
            number = _month(m.group(1))
            starts.append((date(int(m.group(2)), number or 1, 1),
                           f"{m.group(1).rstrip('.').capitalize()} {m.group(2)}" if number else m.group(2)))
    return starts


# "West Sussex MV5 (September, fifth since 2019) ..., not the March 2023 ILACS": visits counted since a year; the
# question opens no window there for a later event set aside to close
# (not "the first MV since 2023", which opens the window a set-aside later year closes)
COUNTED_SINCE_RE = re.compile(r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:nd|rd|th))\s+"
                              rf"(?:[\w'’-]+\s+){{0,3}}?since\s+(?:{MONTH_NAME}\s+)?{YEAR}\b",
                              re.I)


# A numbered visit a question measures from or leaves out: "compared with MV5", "not MV5"
# (or one still to come, which no page is on yet: "+ when is MV2 due", "the third visit is expected when?")
_NUMBERED_VISIT = rf"(?:mv\s?-?\d{{1,2}}|{ORDINAL_RE}\s+(?:monitoring\s+)?(?:visit|mv))"
# (asked when: not one described so, "the third monitoring visit scheduled for May 2019")
OTHER_VISIT_NAMED_RE = re.compile(rf"\b(?:{_COMPARED}|not)\s+(?:the\s+|its\s+)?{_NUMBERED_VISIT}\b|"
                                  rf"\bwhen\s+(?:is|are|will|['’]s)\s+(?:the\s+|its\s+)?{_NUMBERED_VISIT}\s+"
                                  rf"(?:be\s+)?(?:due|expected|planned|scheduled|pencilled)\b|"
                                  rf"\b{_NUMBERED_VISIT}\s+(?:is\s+)?(?:due|expected|planned|scheduled)\s+when\b", re.I)


# A bracket dating what the question names, to tell which one: "before the 2019 inadequate (report out 8/5/19)" (its
# date is no word of the topic: "May" would find "may")
# (only words dating it: not "the JTAI (neglect and CSE May 2019)", whose theme is asked)
_DATING_WORD = (r"(?:report|letter|published|publication|out|dated|visit|inspection|issued|released|came|went|on|in|"
                r"of|the|its|it|was|from|mv|fv|ilacs|jtai)")
DATED_ASIDE_RE = re.compile(rf"\(\s*(?:{_DATING_WORD}\s+){{0,3}}?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{MONTH_RE}\s+{YEAR}"
                            rf"\s*\)", re.I)


# "(the care leavers one)", "(the one on the front door)": a visit told apart by its theme
# (not one told apart by its time, "(the latest one)", "(the july one)", nor by its kind or teller, "(the jtai one)",
# "(the ofsted one)")
_NOT_THEME = (rf"(?:{MONTH_RE}|latest|last|first|final|recent|most|earlier|earliest|later|previous|next|new|old|"
              r"second|third|fourth|fifth|sixth|seventh|eighth|spring|summer|autumn|winter|ofsted|cqc|hmi|jtai|ilacs|"
              r"sif|mv|fv|focus+ed|monitoring|joint|inspection|visit|letter|report|council|news|dfe)")
THEME_ONE_RE = re.compile(rf"\(\s*the\s+(?:(?:(?!{_NOT_THEME}\b)[a-z'’-]+\s+){{1,4}}one|"
                          rf"one\s+(?:on|about|looking\s+at)\s+(?:(?!{_NOT_THEME}\b)[a-z'’-]+\s*){{1,4}})\s*\)", re.I)


def parse(question: str, previous: Query | None = None) -> Query:
    text = with_full_years(mended_places(re.sub(r"\s+", " ", question).strip()))
    if _has_topic(DOUBTED_CLAIM_RE.sub("", text, count=1)):
        text = DOUBTED_CLAIM_RE.sub(_places_of_claim, text, count=1)
    if _has_topic(CLAIM_AFTER_RE.sub("", text, count=1)):
        text = CLAIM_AFTER_RE.sub(_places_of_claim, text, count=1)
    if (only := ONLY_PLACE_THEN_RE.search(text)) and set(find_authorities(only.group(2))) \
            - set(find_authorities(only.group(1))):
        text = text[:only.start(2)].rstrip(" -–—;:")  # ("Walsall only please - Dudley's 2017 letter was also ...")
    outlets = outlets_set_aside(text)  # (read before a closing "not ..." clause is cut: "..., not the courier")
    text = _without_closing_not(text)
    # "(not the March visit)"; "not the ones in the 2021 newspaper piece": the year of a source set aside
    # ("... MV 28 feb - 1 mar 2017 (the one the Thorne Gazette covered) - what did the letter say?": the paper picks out
    # the event, in words no passage need hold, and tells nothing asked; the place it names is still read from `text`)
    picked = MASTHEAD_PICKS_EVENT_RE.sub(r"\g<event>", text)
    considered = re.sub(r"\s+", " ", without_set_asides(picked)).strip()
    # (the time of another place's event likened to: "did NNC get out of inadequate like west northants did in nov
    # 2022?")
    considered = _tidy(_without_likened(considered))
    if len(set(re.findall(rf"\b{YEAR}\b", considered))) > 1:
        # "had its ILACS in 2021 - did it keep the good it got at the late-2017 re-inspection?": the grade kept
        # is the baseline; the later event is asked
        considered = _tidy(KEPT_FROM_RE.sub(
            lambda m: re.sub(r"\b(?:at|in|from)\s+$", "", m.group(0)[:m.start(1) - m.start()]), considered))
        considered = _tidy(PLACED_AFTER_RE.sub(lambda m: m.group(0)[:m.start("after") - m.start()], considered))
        considered = _tidy(PLACED_BEFORE_DATE_RE.sub(lambda m: m.group(0)[:m.start("after") - m.start()], considered))
        considered = _without_earlier_compared(considered)
        # "dudley 2016 inadequate - what had new SLT put in place in 2015 before hmi came?": what was done the year
        # before the inspection is in its report; the inspection's year is asked
        considered = _tidy(ALREADY_IN_YEAR_RE.sub(lambda m: _already_before(m, considered),
                                                  YEAR_BEFORE_EVENT_RE.sub(" ", considered)))
        # "the 2014 monitoring visit, between the 2013 LAC inspection and the 2016 RI": the events it falls between
        # place the one asked, dated by its own year
        if (placed := _tidy(PLACED_BEFORE_LATER_RE.sub(_placed_before_later, considered))) != considered \
                and parse_time(placed)[0]:
            considered = placed  # (only where the asked event's own year then dates it)
        placed = BETWEEN_EVENTS_RE.sub(lambda m: " " if DATED_EVENT_BEFORE_RE.search(m.string[:m.start()])
                                       else m.group(0), considered)
        if placed != considered and re.search(rf"\b{YEAR}\b", placed):
            considered = _tidy(placed)
        # "the January 2019 inspection ...: had the caseload problem flagged at the spring 2018 focused visit been
        # fixed by then?", "liverpool mv march 2025 - kids still at risk like the 2023 ilacs found?": a finding
        # carried from an earlier event is checked at the one asked
        if re.search(rf"\b{YEAR}\b", carried := FLAGGED_AT_RE.sub(lambda m: m.group(0)[:m.start(1) - m.start()],
                                                                   considered)):
            considered = _tidy(carried)
    start, end, phrase, rest = parse_time(considered)
    counted_since = bool(COUNTED_SINCE_RE.search(considered))
    for first_day, label in sorted(_set_aside_starts(text)):
        if start and start < first_day and (end is None or end >= first_day) and not counted_since:
            # "the December visit, the first after the 2023 inadequate grade ... Not the 2025 visits please": the
            # window the question opens closes before the year it sets aside (before its month, when one is named:
            # "after the 2016 inadequate ..., not the Dec 2018 visit" still holds the autumn 2018 visit)
            end, phrase = first_day - timedelta(days=1), f"{phrase}, before {label}" if phrase else phrase
    if DATED_ASIDE_RE.search(rest):
        rest = _tidy(DATED_ASIDE_RE.sub(" ", rest))
    if not _has_topic(rest):
        rest = considered  # "What happened in 2018?": the time is the topic, keep it in the search text
    visit = None
    authorities = places_asked(text, considered)
    # "First Somerset MV": the place may stand between the ordinal and the visit
    # ("the two-day MV in Dec 2018: compared with MV5 where HMI flagged ..., not MV5": another visit, no filter)
    own = OTHER_VISIT_NAMED_RE.sub(lambda m: " " * len(m.group(0)), rest)  # (offsets kept: they cut `rest` below)
    vm = VISIT_RE.search(own) or _visit_across_place(own) \
        or (MONITORING_NAMED_RE.search(own) and (ORDINAL_LETTER_RE.search(own) or ORDINAL_ONE_RE.search(own)
                                                  or ORDINAL_AFTER_RE.search(own)))
    if vm and vm.re is VISIT_RE and (number := vm.group(2) or vm.group(3)) and _day_after_visit_word(text, number):
        vm = None  # "MV 28 Feb - 1 Mar 2017", "MV 12/03/2024": the visit's day, no number (gone
        # from the words searched for, as its date is)
        rest = re.sub(rf"(\b(?:mv|visit(?:\s+number)?)\s?-?)0*{number}(?:st|nd|rd|th)?\b[/.]?", r"\1", rest, count=1,
                      flags=re.I).strip()
    if vm:
        visit = ordinal_value(vm.group(1) or vm.group(2) or vm.group(3) or vm.group(4))
        # The visit is a filter; left in, its words would pull passages that merely name the visit.
        # "... find about plans on the third visit?" -> "... find about plans?"
        before, after = rest[:vm.start()], rest[vm.end():]
        # (a place standing inside the visit's words stays, as it would before or after them: "who led the third
        # luton monitoring visit" searches "who led the luton", not "who led")
        # (checked for a topic without it: "when was the third rutland MV?" asks about the visit)
        inside = [m.group(0) for name in authorities for m in authority_surface_re(name).finditer(rest, vm.start(),
                                                                                                 vm.end())]
        after = VISIT_RESTATED_RE.sub(" ", after, count=1)  # ("glos 5th MV (the fifth of six) - ...": the number again)
        if re.search(r"\b(on|at|during|from|in)\s*$", before) and re.match(r"\s*[?.!]*\s*$", after):
            before = re.sub(r"\s*\b(on|at|during|from|in)\s*$", "", before)
        stripped = re.sub(r"\(\s*\)", " ", before + after)  # (the brackets it stood in: "the MV ... (the fifth one)")
        if _has_topic(stripped) and not _asks_only_about_visit(stripped, authorities):
            # unless the visit is what the question is about
            rest = _tidy(re.sub(r"\(\s*\)", " ", f"{before} {' '.join(inside)} {after}")) if inside \
                else stripped.strip()
    one_visit = visit or start and end and (start.year, start.month) == (end.year, end.month)
    if one_visit and _asked_type(text) in ("person", "date") and THEME_ONE_RE.search(rest) \
            and not re.search(r"\band\s+(?:what|how|why|which)\b", text, re.I) \
            and _has_topic(untold := _tidy(THEME_ONE_RE.sub(" ", rest))):
        # "who did warwickshire's third monitoring visit and when were they on site? (the care leavers one)": with
        # its number or date picking out the visit, a bracket naming its theme says which one, in words the lines
        # naming its inspectors and days need not hold
        rest, picked = untold, THEME_ONE_RE.sub(" ", picked)
    unwritten = WRITING_FOR_RE.sub(r"\g<head> ", CITED_IN_RE.sub(r"\1\2", picked))
    cues = without_sources_beside(NEGATED_SOURCE_RE.sub(" ", OFSTED_RECEIVING_RE.sub(" ", WRONG_SOURCE_RE.sub(
        " ", PAST_EMPLOYER_RE.sub(" ", COUNCIL_TARGETED_RE.sub(" ", unwritten))))))
    if _has_topic(beside := without_sources_beside(rest).strip()):
        rest = beside  # (nor words to search for: they drew the letter's sign-off, which names its visit)
    attributed = next((name for name, pattern in ATTRIBUTION_CUES if _attributed_to(name, pattern, cues)), None) \
        or ("council" if (own := OWN_RELEASE_RE.search(cues)) and find_authorities(own.group(1)) else None) \
        or ("ofsted" if TERSE_QUERY_RE.match(text) and TERSE_OFSTED_DOCUMENT_RE.search(cues)
            and not COUNCIL_BODY_RE.search(cues) and not REACTION_NAMED_RE.search(cues) else None)
    # (not "solihull cabinet march 2020 ofsted letter", nor "cumberland dcs reaction to the first mv letter")
    responding = "council" if COUNCIL_RESPONSE_RE.search(cues) or COUNCIL_DECISION_RE.search(cues) \
        or COMMITTEE_TOLD_RE.search(cues) or COUNCILLORS_RAISED_RE.search(cues) and not INSPECTORS_SAY_RE.search(cues) \
        else "news" if NEWS_WRITER_RE.search(cues) else None
    # "banes cabinet extra funding for short breaks after the ofsted fv": the event a question measures from names
    # no teller when a council body is cued outside it (not a topic word such as "social media")
    outside = next((name for name, pattern in SOURCE_CUES if pattern.search(EVENT_ANCHOR_RE.sub(" ", cues))), None)
    acting = (action := COUNCIL_ACTION_RE.search(cues)) \
        and _names_council_only(action.group("subject") or action.group("trying"))
    source = attributed or responding or ("council" if outside == "council" or acting and not outside else None) \
        or next((name for name, pattern in SOURCE_CUES if pattern.search(cues)), None)
    if source == "ofsted" and not attributed and not next((n for n, p in SOURCE_CUES if p.search(
            SINCE_EVENT_RE.sub(" ", cues))), None):
        source = None  # "backlog - where has it got to since the jtai": Ofsted's is the baseline, not the teller
    if source == "ofsted" and not attributed \
            and (OTHER_INSPECTORATE_RE.search(cues) or ANY_INSPECTORATE_RE.search(cues)) \
            and not OFSTED_NAMED_RE.search(cues):
        source = None  # "the Care Inspectorate Wales performance evaluation inspection (so CIW, not Ofsted)"
    if source == "ofsted" and not attributed and any(p.search(cues) for p in (
            OTHER_SPEAKER_RE, COUNCIL_DISPUTES_RE, NAMED_SPEAKER_RE, PARLIAMENT_QUESTION_RE)):
        source = None  # "Did the MPs' inquiry say inspectors missed ...": Ofsted is spoken about, not speaking
    if source == "ofsted" and not attributed and INSPECTOR_QUOTE_RE.search(cues):
        source = None  # "wigan outstanding lead inspector quote": said in a statement with the report, which a story
        # or the council's release carries (the report quotes nobody)
    if source == "ofsted" and not attributed and OTHER_SENDER_RE.search(cues) and not OFSTED_IMPLIED_RE.search(cues):
        source = None  # "When did the DfE lift the notice, and who was the letter sent to?": the DfE's letter
    if source == "council" and not attributed and not responding and (other := OTHER_SPEAKER_RE.search(cues)) \
            and not EVENT_BEFORE_RE.search(cues[:other.start()]) and not COUNCIL_DOCUMENT_NAMED_RE.search(cues):
        # "Did the commissioner sent in to Torbay recommend moving care out of the council?" (not "What did the
        # council decide once the government said ...?", nor "What did the council page say after the DfE ...?")
        source = None
    if source == "ofsted" and not attributed and "ofsted_report" in _kinds_set_aside_wholly(text):
        source = None  # "Lambeth 2018 re-inspection (not Ofsted's own report)": the inspection is not the teller
    source_named = not attributed and (bool(responding) or source == "ofsted" and bool(
        OFSTED_DOCUMENT_SAYS_RE.search(cues) or OFSTED_OWN_WORDS_RE.search(text)))
    asked = TRAILING_ATTRIBUTION.sub("", LEADING_ATTRIBUTION.sub("", rest)) if attributed else rest
    if asked != rest and _has_topic(asked):
        # the place the clause named stays in what is searched for: "... management oversight in Wirral?"; so does
        # a subject it named ("the council's own statement about care leavers. What did it say had improved?"), not
        # the event the source is on ("its own news release on the monitoring visit": every candidate is on it)
        places = [a for a in authorities if not re.search(rf"\b{re.escape(a)}\b", asked, re.I)]
        subject = _source_subject(rest[:len(rest) - len(asked)], asked, authorities)
        tail = (f" about {subject}" if subject else "") + (f" in {' and '.join(places)}" if places else "")
        rest = re.sub(r"\s*([?.!]*)\s*$", tail + r"\1", asked, count=1)
    if _has_topic(unsourced := READER_SOURCE_RE.sub("", rest)):
        rest = unsourced
    if _has_topic(unrequested := CLOSING_REQUEST_RE.sub("", rest)):
        rest = unrequested
    if not authorities and find_authorities(text) and _places_only_set_aside(considered) \
            and _has_topic(unplaced := _tidy(PLACE_SET_ASIDE_RE.sub(" ", rest))):
        rest = unplaced  # (the places set aside are no words to search for)
    if _has_topic(kept := ASIDE_CLAUSE_RE.sub(" ", rest)):
        rest = _tidy(kept).lstrip(" ,;:")  # ("Besides Kent, what did Ofsted say about Medway's front door?")
    if TERSE_QUERY_RE.match(text) and (meeting := MEETING_MONTH_RE.search(text)) \
            and (body := TERSE_MEETING_RE.search(text[:meeting.start(1)])) \
            and (words := text[body.start():meeting.start(1)].strip()) in rest \
            and _has_topic(unmet := _tidy(rest.replace(words, " ", 1))):
        rest = unmet  # ("devon agency sw % scrutiny cttee may 2022": the meeting names the paper, not its words)
    if _has_topic(unquoted := NEGATED_QUOTE_RE.sub(" ", rest)) and not WHY_ONE_WORDING_NOT_ANOTHER_RE.search(text):
        rest = unquoted
    topic = rest
    for name in authorities:
        topic = re.sub(rf"\b(in|for|at|about)?\s*{re.escape(name)}('s|’s)?\b", " ", topic, flags=re.I)
    topic = _tidy(topic).strip(" ,;")
    # (or the asked source's: "the agency rate in the jan cabinet paper?", its clause gone from `rest`)
    asked_month = find_event_month(rest, considered) or (find_event_month(considered) if attributed else None)
    month, start, end = _month_in_year(asked_month, start, end)
    if start and end and (start.year, start.month) == (end.year, end.month) \
            and (out := PUBLISHED_IN_MONTH_RE.search(rest)) and _month(out.group(1)) != start.month:
        # the event's month dated, its report's given after it: what was written then is asked, from the event on
        year = start.year + (_month(out.group(1)) < start.month)
        end = _month_end(year, _month(out.group(1)))
        phrase = f"{_named(start.year, start.month)} to {_named(end.year, end.month)}"
    if asked_month and month is None:
        phrase = _named(start.year, start.month)
    query = Query(text=text, topic=topic, date_from=start, date_to=end, time_phrase=phrase,
                  recency=bool(RECENCY_RE.search(NEGATED_EVENT_RE.sub(" ", cues))), visit_number=visit,
                  authorities=authorities,
                  source=source, source_named=source_named,
                  doc_types=list(SOURCE_KINDS[attributed]) if attributed else [], without_time=rest,
                  # (nothing a closing "not ..." sets aside: "..., and not other LAs' missing/CSE findings")
                  names=find_names(_without_asides(NEGATED_EVENT_RE.sub(" ", without_trailing_not(cues))),
                                   authorities),
                  answer_type=_asked_type(text), month=month, outlets_aside=outlets)
    if previous is not None and is_follow_up(query):
        query = _inherit(query, previous)
    return query


# "the Ofsted MV in March 2024 (two days on site): ...": an aside describing the event is the scene, true of every
# passage on it ("spent two days in the city in March"), not what is asked
# (only its time or length: "(two days on site)", "(5-6 March)"; not its theme, "the Kent JTAI (child sexual
# exploitation)", which tells one JTAI from another)
EVENT_ASIDE_RE = re.compile(r"(\b(?:visits?|mv|inspection|ilacs|jtai|letter|report|(?:19|20)\d\d))\s*"
                            r"\((?![^()]*\b(?:not|rather|instead|except|excluding)\b)"
                            rf"(?:(?=[^()]*(?:\b(?:\d+|one|two|three|four|five|six)[\s-]+(?:days?|weeks?)\b|"
                            rf"\bon[\s-]?site\b|"
                            rf"\b(?:19|20)\d\d\b|\b{MONTH_RE}\b))[^()]{{1,60}}|"
                            # ("ILACS 2023 (the one that took them from inadequate up to RI)": which event, by its
                            # outcome; every passage on it repeats the outcome, the question asks something else;
                            # not by its theme, "(the one that looked at neglect)")
                            r"(?=\s*the\s+one\s+(?:that|which|where|when|with)\b[^()]*\b(?:inadequate|"
                            r"requires\s+improvement|ri|good|outstanding|judged|rated|graded|downgraded|upgraded)\b)"
                            r"[^()]{1,80})\)",
                            re.I)


def _source_subject(clause: str, asked: str, authorities: list[str]) -> str:
    """What a leading source clause says its source is about ("own statement about care leavers"), if the question
    after it does not say it again: not the event the source is on ("own news release on the monitoring visit"), a
    place (kept as a place), nor a source set aside ("not the blog about AEMs")."""
    found = SOURCE_SUBJECT_RE.search(NEGATED_SOURCE_RE.sub(" ", clause))
    subject = found.group(1).strip() if found and not SOURCE_EVENT_RE.search(found.group(1)) else ""
    for name in authorities:
        subject = re.sub(rf"\b(?:to|in|for|at)?\s*{re.escape(name)}(?:['’]s)?\b", " ", subject, flags=re.I).strip()
    return "" if not _has_topic(subject) or subject.lower() in asked.lower() else subject


FRAMEWORK_RE = re.compile(r"\b(?:ilacs|sif)\b", re.I)  # the inspection framework's name
VISIT_KIND_NAMED_RE = re.compile(r"\bfocus+ed\s+visits?\b", re.I)
MONTH_WINDOW_DAYS = 62  # a month asked, with its publication lag
_MEASURED_FROM_RE = re.compile(r"\b(?:since|followed|before|until|compared|versus|vs|differ\w*|respon\w*|react\w*|"
                               r"repl(?:y|ied))\b[^,.;:?()–—-]*$", re.I)
# Capitalised words that are framing, not a name the answer must contain.
COMMON_CAPITALISED = {
    "ofsted", "council", "councils", "county", "city", "borough", "metropolitan", "royal", "london", "children",
    "children's", "childrens", "services", "service", "social", "care", "what", "which", "who", "when", "how",
    "why", "where", "is", "are", "did", "does", "do", "was", "were", "has", "have", "the", "a", "an", "and", "or",
    "in", "on", "of", "for", "to", "i", "quote", "according", "hmi", "her", "his", "majesty", "majesty's", "chief",
    "inspector", "inspectors", "england", "english", "uk", "local", "authority", "authorities", "report", "letter",
    # (the frameworks: a 2016 report never names the "SIF" it was inspected under)
    "ilacs", "sif", "dcs", "la", "las", "mr", "mrs", "ms", "dr", "cllr", "councillor", "sir", "dame", "prof",
    "professor",
    # the kinds of body that speak ("a minister's written answer to Parliament"), not a name a page must repeat
    "parliament", "government", "minister", "ministers", "secretary", "state", "department", "education",
    "cabinet", "scrutiny", "committee", "commons", "lords", "mp", "mps",
    "pq", "pqs",  # (a parliamentary question's page is headed "Question to the Department for Education")
    "mv", "mvs",  # staff shorthand ("First Somerset MV after ...": a visit, no name)
    "aem", "aems",  # (so is the annual engagement meeting: its follow-up letter says "thank you for meeting with me")
    "ok",  # ("was morale OK by then?")
    # a council's form written short ("Hartlepool BC", "Kent CC", "Wigan MBC"): the council, no other name
    "bc", "cc", "mbc", "lbc", "rbc", "dc", "cbc",
} | set(MONTHS) | set(MONTH_ABBREVIATIONS) | {d.lower() for d in calendar.day_name}
# "as the Stamford Mercury covered it": a paper named as the teller, by a masthead its pages print in a logo, not
# their text ("What did the Stamford Mercury say about ...?" still names it)
_MASTHEAD = (r"(?:[A-Z][\w'’]+\s+)+(?:Weekly|Times|News|Post|Echo|Gazette|Chronicle|Herald|Argus|Mail|Telegraph|"
             r"Journal|Observer|Express|Standard|Mercury|Advertiser|Guardian|Star)")
MASTHEAD_AS_SOURCE_RE = re.compile(rf"\bas\s+(?:(?:covered|reported)\s+(?:by|in)\s+)?the\s+{_MASTHEAD}\b"
                                   rf"(?:\s+(?:covered|reported|told|described|put)\s+it\b)?")
# ... or as the paper picking out which event is asked, no teller asked either: "the one the Thorne Gazette covered",
# "the visit covered by the Oakham Gazette" (not "the story that the Derby Telegraph ran", the source asked)
MASTHEAD_PICKS_EVENT_RE = re.compile(rf"\b(?P<event>the\s+(?i:one|visit|inspection|mv|fv|ilacs|jtai))\s+"
                                     rf"(?:(?:that|which)\s+)?"
                                     rf"(?:the\s+{_MASTHEAD}\s+(?:covered|reported(?:\s+on)?|wrote\s+(?:up|about))|"
                                     rf"(?:was\s+)?(?:covered|reported(?:\s+on)?)\s+(?:by|in)\s+the\s+{_MASTHEAD})\b")
# "as covered by the local Brixton news site": the place describes the outlet (whose pages rarely print their own
# masthead), no name a passage must repeat
# (or "the Brixton local news site", "the Croydon news site")
LOCAL_OUTLET_RE = re.compile(r"\blocal\s+(?:[A-Z][\w'’-]*\s+){1,3}(?=(?:news(?:\s+sites?|paper)?|paper|press|blog|"
                             r"website)\b)|"
                             r"(?<![\w'’-])(?:[A-Z][\w'’-]*\s+){1,3}"
                             r"(?=local\s+(?:news(?:\s+sites?|paper)?|paper|press|blog|website)\b|news\s+sites?\b)")
PARLIAMENT_HOUSE_RE = re.compile(r"\bHouse\s+of\s+(?:Commons|Lords)\b")
# ... but a committee of it named by its subject is ("Has the Commons Education Committee reported on ...?": a page
# must name that committee, not the CLG one); an acronym subject is a name already ("the Commons CLG committee")
PARLIAMENT_COMMITTEE_RE = re.compile(r"\b(?:Commons|Lords|[Pp]arliament(?:['’]s|ary))\s+"
                                     r"((?:(?!Select\b)[A-Z][a-z][\w'’]*\s+(?:and\s+)?){1,4})(?:[Ss]elect\s+)?"
                                     r"[Cc]ommittee\b")
# "The South West regional director wrote to Devon ...": Ofsted's region says who wrote, not what the letter names
# (signed "Regional Director", on the region's behalf). A region alone ("councils in the North East") is still named.
OFSTED_REGION_RE = re.compile(r"\b(?:North\s+East|North\s+West|South\s+East|South\s+West|East\s+Midlands|"
                              r"West\s+Midlands|East\s+of\s+England|Yorkshire\s+and\s+(?:the\s+)?Humber)"
                              r"(?=\s+regional\b|\s+region['’]s\b)", re.I)
NAME_RE = re.compile(r"\b(?:[A-Z][a-z]*[A-Z][A-Za-z]*|[A-Z][a-z'’]+(?:\s+(?:[A-Z][a-z'’]+|[A-Z]{2,}))+)\b")


def council_initials(authority: str) -> set[str]:
    """The initials a council is written as: "Northamptonshire" -> ncc, nc, ...; "West Sussex" -> wscc; "Kensington
    and Chelsea" -> rbkc, lbkc (lower case)."""
    letters = "".join(w[0] for w in re.findall(r"[\w'’-]+", authority) if w.lower() not in ("and", "of", "upon", "on"))
    letters = letters.lower()
    return {letters + suffix for suffix in ("c", "cc", "bc", "mbc", "dc")} | {"lb" + letters, "rb" + letters}


# Examples listed in brackets: "the safeguarding partners (LA, CCG, police)" asks about the partners, whichever a page
# names. Short items without figures after a plural, three or more, or any after "e.g." (not "(so CIW, not Ofsted)", a
# source set aside; nor a person's details, "the new director (Sarah Hammond, ex-Kent, appointed 2021)"; nor the list
# of what is asked: "the grade for each judgement area (help and protection, CLA, care leavers)")
BRACKETED_RE = re.compile(r"\(((?:[^()]|\([^()]*\))*)\)")
EXAMPLE_CUE_RE = re.compile(r"^\s*(?:e\.g\.?,?|eg,?|such\s+as|for\s+example,?|like)\s+", re.I)
EACH_BEFORE_RE = re.compile(r"\b(?:each|every|all|both)\b", re.I)


def _examples_listed(text: str) -> str:
    """`text` with bracketed lists of examples taken out (see BRACKETED_RE above)."""
    def drop(m: re.Match) -> str:
        inner = m.group(1)
        cue = EXAMPLE_CUE_RE.match(inner)
        items = [i for i in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", inner[cue.end() if cue else 0:])
                 if i.strip()]
        before = text[max(0, m.start() - 40):m.start()]
        short = all(len(i.split()) <= 4 and not re.search(r"\d", i) for i in items)
        listed = cue or len(items) >= 3 and re.search(r"\w{3,}s\s*$", before)
        return " " if items and short and listed and not EACH_BEFORE_RE.search(before) else m.group(0)
    return BRACKETED_RE.sub(drop, text)


TRAILING_ACRONYM_RE = re.compile(r"((?:[A-Z][a-z'’]+\s+)+?(?:[A-Z][a-z'’]+))\s+([A-Z]{2,})$")


def find_names(text: str, authorities: list[str]) -> list[str]:
    """Acronyms (CQC, DfE, JTAI) and runs of two or more capitalised words (Care Inspectorate Wales, Eleanor
    Brazil) in a question: things a passage must mention to answer it. Authorities, months and framing words
    ("Ofsted", "Children's Services") are not names in this sense. A single capitalised word counts only inside
    a sentence ("What did Estyn find?"), where it is not capitalised for being first."""
    places = {w.lower() for a in authorities for w in re.findall(r"[\w'’-]+", a)}  # "Bournemouth," too
    # ... and the abbreviations the question wrote them as ("Cambs", "BCP")
    # (or a word of one: "West Northants" leaves "Northants", the county inside the asked council's name)
    # (with its possessive: "Soton's front door")
    # (its start not inside a run of words joined by hyphens: "A-A-A-..." is read once, not from every letter)
    capitalised = set(re.findall(r"\b[A-Z][\w’'-]+", text)) \
        | set(re.findall(r"(?<![\w-])([A-Z][\w-]+)['’]s\b", text))
    places |= {w.lower() for w in capitalised
               if w.lower() not in places and (found := find_in_question(w))
               and all(f in authorities or any(name_within(f, a) for a in authorities) for f in found)}
    # ... and the former county it lies in, written as its postal county ("Reading, Berks")
    places |= {w.lower() for a in authorities for county in former_counties(a)
               for form in question_forms(county) for w in form.split()}
    # ... and its council's initials ("NCC (Northamptonshire County Council)", "WSCC 2019: ... West Sussex ...")
    places |= {i for a in authorities for i in council_initials(a)}
    # ... or its bare initials, in capitals ("TH's previous inspection" after "Tower Hamlets"; not "St Anthony's")
    places |= {bare.lower() for a in authorities if len(bare := "".join(w[0] for w in a.split() if w[0].isupper())) > 1
               and re.search(rf"\b{bare}\b", text)}
    committees = [f"{m.group(1).strip()} Committee" for m in PARLIAMENT_COMMITTEE_RE.finditer(text)]
    text = PARLIAMENT_HOUSE_RE.sub(" ", text)  # "the House of Commons committee": Parliament speaking, no name
    text = OFSTED_REGION_RE.sub(" ", text)
    text = NEWS_OUTLET_RE.sub(" ", LOCAL_OUTLET_RE.sub(" ", MASTHEAD_AS_SOURCE_RE.sub(" ", text)))
    # ("Somerset got Good in 2022": a grade, no name; not a surname, "Mark Good")
    text = GRADE_CAPITALISED_RE.sub(lambda m: m.group(0) if re.search(r"\b[A-Z][\w'’-]*\s+$", text[:m.start()])
                                    else " ", text)
    text = without_authorities(text, authorities)  # (a form whose letters no word rule splits: "B&NES" leaves no "NES")
    text = _examples_listed(text)
    text = re.sub(r"[^\S\n]{2,}", " ", text)
    names = []
    for m in NAME_RE.finditer(text):
        # (an acronym closing a run of capitalised words is a name of its own: "Care Inspectorate Wales PEI" asks of
        # CIW's performance evaluation inspection, which a page writes out as "Performance Evaluation Inspection (PEI)")
        split = TRAILING_ACRONYM_RE.match(m.group(0))
        for name in split.groups() if split else (m.group(0),):
            _add_name(names, name, places)
    for m in SINGLE_NAME_RE.finditer(text):
        if m.group(0).lower() not in QUESTION_WORDS:
            _add_name(names, m.group(0), places, single=True)
    if PROBATION_INSPECTORATE_RE.search(text) and "probation" not in (n.lower() for n in names):
        names.append("probation")  # "HMI Probation's youth justice inspection": a page must name probation's inspectors
    for m in BODY_ACRONYM_RE.finditer(text):  # "east riding cqc rating": a body typed in lower case is still named
        if m.group(0).upper() not in names:
            names.append(m.group(0).upper())
    # (a person the question names, "Eleanor Brazil", whom a page may name without the title "commissioner"; not a
    # kind of inspection or a specialist arrangement added below)
    named_person = any(" " in n and not n.isupper() for n in names)
    for m in INSPECTION_KIND_RE.finditer(text):  # "the 2024 focused visit": a school's inspection is not one
        if not any(m.group(0).lower() in n.lower() for n in names):
            kind = m.group(0).lower()
            names.append(kind.upper() if len(kind) == 3 else kind)  # ("yot" typed: "No document mentions YOT")
    if MVS_UNNUMBERED_RE.search(text) and "monitoring visit" not in names:
        names.append("monitoring visit")  # "the 2022 MVs to Wigan": as written in full (a numbered one is a filter)
    for m in SPECIALIST_SERVICE_RE.finditer(text):  # "privately fostered children in Bromley": a page must name it
        name = re.sub(r"\s+", " ", m.group(0).lower())
        if SPECIAL_SCHOOL_RE.fullmatch(name) and not (_SCHOOL_INSPECTED_BEFORE_RE.search(text[max(0, m.start() - 60):
                                                                                               m.start()])
                                                      and _SCHOOL_HEAD_RE.match(text, m.end())
                                                      or _SCHOOL_INSPECTED_AFTER_RE.match(text, m.end())):
            continue
        if not any(name in n.lower() for n in names):
            names.append(name)
    # "when was a commissioner appointed for Leicester?" (the singular: a page naming one or several mentions it)
    if not named_person and INTERVENTION_RE.search(text) and "commissioner" not in names:
        names.append("commissioner")
    if len(committees) == 1 and committees[0] not in names:  # (two named, "X or Y", are alternatives)
        names.append(committees[0])
    return names


# Ofsted's grades as staff capitalise them ("rated Requires Improvement to be Good", "got Outstanding")
GRADE_CAPITALISED_RE = re.compile(r"\b(?:Requires\s+Improvement(?:\s+to\s+be\s+Good)?|Good|Outstanding|Inadequate)\b"
                                  r"(?!\s+[A-Z])")
PROBATION_INSPECTORATE_RE = re.compile(r"\bhmi\s*probation\b|\bhmip\b|\bhm\s+inspectorate\s+of\s+probation\b|"
                                       r"\bprobation\s+inspectorate\b", re.I)
# Bodies a terse question may type in lower case ("cqc", "dfe"): a page must name the body to report what it did.
BODY_ACRONYM_RE = re.compile(r"\b(?:cqc|dfe|hmip|iopc|ipcc|lga|adcs|yjb|ciw)\b")
# Kinds of inspection a question may name in lower case; a page must name the kind to report one.
INSPECTION_KIND_RE = re.compile(r"\bfocus+ed\s+visit\b|\bmonitoring\s+visit(?=s?\b)|\bjoint\s+targeted\s+area\s+inspection\b|"
                                r"\bjtai\b|"
                                # (or the intervention that may follow one: "hampshire dfe statutory direction")
                                r"\bstatutory\s+direction(?=s?\b)|"
                                # (a service another body inspects)
                                r"\byouth\s+(?:justice|offending)\b|\by(?:ot|js|os)\b", re.I)


# Monitoring visits abbreviated, none numbered ("the 2022 MVs"; not "4th MV", "MV5", "the third and fourth MVs")
# (a year after it is no number: "sheff MV 2025")
MVS_UNNUMBERED_RE = re.compile(rf"^(?!.*\b{ORDINAL_RE}\b[^.?!]{{0,40}}\b(?-i:MVs?)\b)"
                               rf"(?:(?!\b(?-i:MVs?)\s?\d{{1,2}}\b).)*\b(?-i:MVs?)\b(?!\s?\d{{1,2}}\b)", re.S | re.I)
# Specialist arrangements a question may name in lower case, with no everyday word for them: a page that never
# names the arrangement does not report on it ("private fostering in Lambeth", where only Kirklees's page mentions
# privately fostered children). A passage names one by the same phrase, in any of its forms ("privately fostered",
# "private fostering arrangements"), not by its words apart ("private providers ... foster carers"). Not phrases
# with an everyday sense ("staying put", "secure accommodation" for a care leaver's flat).
DISABLED_CHILDREN = r"\bdisabled\s+children\b|\bchildren\s+with\s+(?:a\s+)?disabilit(?:y|ies)\b"
CARE_LEAVERS = r"\bcare\s+leavers?\b"
SPECIAL_GUARDIANSHIP = r"\bspecial\s+guardianship\b"
UNACCOMPANIED = r"\bunaccompanied\s+asylum[-‐‑\s]seeking\b"
# (the health service by its name in full: "Hull's child and adolescent mental health service")
CAMHS = r"\bchild\s+and\s+adolescent\s+mental\s+health\s+services?\b"
SPECIAL_SCHOOL = r"\bspecial\s+schools?\b"
SPECIAL_SCHOOL_RE = re.compile(SPECIAL_SCHOOL, re.I)
# (only as what was inspected: "ofsted report on the calderdale special school", "the kirklees special school's
# inspection"; not one named beside the topic, "disabled children, incl the ones at the city's special schools")
_SCHOOL_INSPECTED_BEFORE_RE = re.compile(r"\b(?:report|inspection|letter|rating|grade|judge?ment|visit)s?\s+"
                                         r"(?:on|of|for|at|into)\s+(?:the|a|an|its|their)\s+"
                                         r"(?:(?!(?:and|or|&)\s)[\w'’-]+\s+){0,2}?$", re.I)
# (as the head of its phrase: not "the special school referrals", "the trust's special school placements", nor one of
# the topics a report is asked about, "the report on the borough's special schools and care leavers")
_SCHOOL_HEAD_RE = re.compile(r"\s*(?:[-–—;:?.!()]|$)|\s+(?:in|at)\s", re.I)
_SCHOOL_INSPECTED_AFTER_RE = re.compile(r"(?:['’]s?)?\s+(?:ofsted\s+)?(?:report|inspection|rating|grade|judge?ment)\b",
                                        re.I)
SPECIALIST_SERVICES = [re.compile(p, re.I) for p in (
    r"\bprivate(?:ly)?\s+foster(?:ing|ed)\b", SPECIAL_GUARDIANSHIP, UNACCOMPANIED,
    r"\bfemale\s+genital\s+mutilation\b", r"\bcounty\s+lines\b",
    r"\belective(?:ly)?\s+home[-\s]educat(?:ion|ed)\b", r"\bforced\s+marriages?\b", r"\bmodern\s+slavery\b",
    DISABLED_CHILDREN, CARE_LEAVERS, CAMHS,
    r"\badults?['’]?\s+social\s+care\b",  # (a page on children's services says nothing of it)
    SPECIAL_SCHOOL)]  # (a school's own inspection: a council's ILACS report on the place is no answer)
SPECIALIST_SERVICE_RE = re.compile("|".join(p.pattern for p in SPECIALIST_SERVICES), re.I)
# Asked by one phrase, named on a page by any of several: disabled children are also "disabled young people",
# "children with SEND and disabilities", "the disability service" (each holding the word "disabled" as stemmed).
# Care leavers are also "young people leaving care" and "care-experienced" young people; special guardianship is
# named by its holders too ("special guardians"); unaccompanied asylum-seeking children are "unaccompanied children".
# (the health service by its initials too, as letters write it: no word every naming passage holds)
SERVICE_NAMED_BY = {CAMHS: ("", re.compile(r"\bchild\s+and\s+adolescent\s+mental\s+health\b|\bcamhs\b", re.I)),
                    DISABLED_CHILDREN: ("disabled", re.compile(r"\bdisab(?:led|ilit(?:y|ies))\b", re.I)),
                    CARE_LEAVERS: ("care", re.compile(r"\bcare\s+leavers?\b|\bleav(?:ing|e)\s+care\b|"
                                                      r"\bcare[-\s]experienced\b", re.I)),
                    # the order's holders ("assessments of family members as special guardians")
                    SPECIAL_GUARDIANSHIP: ("special", re.compile(r"\bspecial\s+guardian(?:s|ship)?\b", re.I)),
                    UNACCOMPANIED: ("unaccompanied", re.compile(r"\bunaccompanied\s+(?:asylum[-‐‑\s]seeking\b|"
                                                                r"(?:and\s+separated\s+)?(?:migrant\s+|refugee\s+)?"
                                                                r"(?:children|minors|young\s+people)\b)", re.I))}


def specialist_service(name: str) -> tuple[str, re.Pattern] | None:
    """The words every passage naming the specialist arrangement `name` holds and the pattern it names it by
    (None for any other name)."""
    asked = next((p for p in SPECIALIST_SERVICES if p.fullmatch(name)), None)
    return SERVICE_NAMED_BY.get(asked.pattern, (name, asked)) if asked else None


# The government's intervention a question may ask about: like a kind of inspection, a page about the place must
# name it to report it (Sunderland's commissioner does not answer for Leicester's).
# (only the DfE's commissioner: not a police and crime, health or children's commissioner; and not when the question
# names the person, whom a page may name without the title)
INTERVENTION_RE = re.compile(r"(?<!crime )(?<!health )(?<!nhs )(?<!joint )(?<!children's )(?<!children’s )"
                             r"(?<!victims' )(?<!victims’ )(?<!information )\bcommissioners?\b", re.I)


# A capitalised word after a lower-case word or a comma, so not a sentence start: "about Estyn", "did Cafcass".
SINGLE_NAME_RE = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{2,}\b(?!['’]?\s+[A-Z])")


def _add_name(names: list[str], found: str, places: set[str], single: bool = False) -> None:
    bare = lambda w: re.sub(r"['’]s?$", "", w.lower())  # noqa: E731  (possessive off: "Leeds'", "Ofsted's")
    # an acronym's plural ("DCSs", "LAs") is the acronym
    plain = lambda w: bare(w)[:-1] if re.fullmatch(r"[A-Z]{2,}s", w) else bare(w)  # noqa: E731
    words = [w for w in re.split(r"\s+", found) if plain(w) not in COMMON_CAPITALISED and bare(w) not in places]
    acronym = len(words) == 1 and sum(c.isupper() for c in words[0]) >= 2
    if words and (acronym or single or len(words) >= 2) and " ".join(words) not in names \
            and not any(" ".join(words) in n for n in names):
        names.append(" ".join(words))


CONTENT_RE = re.compile(r"[A-Za-z]{3,}")
QUESTION_WORDS = {"what", "when", "where", "who", "whom", "which", "why", "how", "did", "does", "do", "was", "were",
                  "the", "and", "say", "said", "tell", "happen", "happened", "take", "took", "place", "about", "any",
                  "there", "that", "this", "inspectors", "ofsted", "find", "found", "with", "from", "for"}


# "stockton second monitoring visit - what did it look at": the place is a filter too, and what is left asks only
# what a visit looked at; then the visit is what is asked about and stays in what is searched.
# ("What did the sixth visit find?" stays a question on its findings: the visit's words would draw the paragraph that
# only names it.)
VISIT_SCOPE_WORDS = {"look", "looked", "focus", "focused", "focussed", "cover", "covered", "examine", "examined",
                     "consider", "considered"}


# (words that frame such a question: "What areas did they look at during Kent County Council's visit?")
VISIT_SCOPE_FRAME = {"its", "visit", "monitoring", "they", "has", "have", "had", "areas", "during", "into", "county",
                     "council", "borough", "city", "district"}


def _asks_only_about_visit(text: str, authorities: list[str]) -> bool:
    text = without_authorities(compass_expanded(text), authorities)  # ("sth tyneside")
    words = {w.lower() for w in CONTENT_RE.findall(text)} - (QUESTION_WORDS - {"find", "found"}) - VISIT_SCOPE_FRAME
    return bool(words) and words <= VISIT_SCOPE_WORDS


def _has_topic(text: str) -> bool:
    """At least one word that is not question scaffolding."""
    return len([w for w in CONTENT_RE.findall(text) if w.lower() not in QUESTION_WORDS]) >= 1
FILLER = {"and", "what", "about", "how", "the", "for", "in", "same", "also", "then", "of", "did", "was", "were",
          "say", "said", "they", "that", "there", "this", "year", "time", "ones", "one", "again"}


def _own_words(query: Query) -> list[str]:
    return [w for w in CONTENT_RE.findall(query.topic) if w.lower() not in FILLER]


def is_follow_up(query: Query) -> bool:
    """'and in 2017?', 'what about Reading?': few words of its own beyond new filters."""
    own_words = _own_words(query)
    return bool(FOLLOW_UP_RE.match(query.text)) and len(own_words) <= 2 or (
        not own_words and (query.date_from or query.date_to or query.authorities or query.visit_number))


def _inherit(query: Query, previous: Query) -> Query:
    """Reuse the previous turn's topic ('and in 2017?') or, for 'what about chronologies?', its filters;
    the new turn's filters replace the old ones of the same kind."""
    own = _own_words(query)
    topic = " ".join(own) if own else previous.topic
    changed_time = query.date_from or query.date_to
    return replace(
        query,
        topic=topic,
        date_from=query.date_from if changed_time else previous.date_from,
        date_to=query.date_to if changed_time else previous.date_to,
        time_phrase=query.time_phrase if changed_time else previous.time_phrase,
        authorities=query.authorities or previous.authorities,
        visit_number=query.visit_number or (None if changed_time else previous.visit_number),
        month=query.month or (None if changed_time or query.visit_number else previous.month),
        source=query.source or previous.source,
        source_named=query.source_named or (previous.source_named and not query.source),
        doc_types=query.doc_types or ([] if query.source else previous.doc_types),
        recency=query.recency or previous.recency,
        answer_type=query.answer_type or (None if own else previous.answer_type),
        follow_up=True,
    )
