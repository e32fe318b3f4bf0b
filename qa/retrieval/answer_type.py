"""What kind of answer a question wants, and whether a passage holds one.

"On what dates did Ofsted visit?" wants a passage with dates in it, "Which inspectors ...?" one that names people,
"How often ...?" one stating a frequency,
"What rating ...?" one that states an Ofsted judgement, "How many ...?" one with a count. The embedding and keyword
scores reward the passage that repeats the question's words (often a headline or an introduction); among passages
scoring close to it, the one holding the asked-for kind of fact is the better answer. Classic answer-type
matching from factoid QA, with the types this corpus is asked about.

Numbers first: a passage holding the asked-for type of fact is weighted ANSWER_TYPE_BOOST; for a question about
somebody in a role ("which director", "which inspectors"), one sentence naming the role and a person ROLE_PERSON_BOOST,
and a passage naming people but not in that role nothing; for "how many X", one counting X COUNT_OF_ASKED_BOOST (the
count is what is asked: the passage that repeats the question's scene-setting words around it is not the answer).
"""
from __future__ import annotations

import re
from functools import lru_cache

from qa.documents.gazetteer import LOCAL_AUTHORITIES, find_in_text
from qa.retrieval.acronyms import FIELD_GLOSSARY
from qa.retrieval.spelling import is_english
from qa.passages.split import sentence_spans
from qa.terms import tokenize

ANSWER_TYPE_BOOST = 1.15
COUNT_OF_ASKED_BOOST = 1.5  # "how many children ...?": a sentence counting children, as ROLE_PERSON_BOOST for people
ROLE_PERSON_BOOST = 1.5  # "which director ...?": a sentence naming the role and a person
# "What did the cabinet decide?", "What questions does Ofsted want answered?": the resolution or the questions
# themselves, not the debate or the preamble naming them (x1.15 left the Essex cabinet's resolution third)
STATED_ITEMS_BOOST = 1.5
# "What was the overall judgement?": the overall grade stated ("The overall judgement is that children's services
# are inadequate"), not the areas' grades listed ("The judgements on areas ... that contribute to overall
# effectiveness are: 1. Children who need help and protection Inadequate ..."), as ROLE_PERSON_BOOST for people
OVERALL_GRADE_BOOST = 1.5

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_MONTH_NOT_MAY = _MONTH.replace("may|", "(?-i:May)|")  # "may" is a verb too: "40 may need care" is a count
# A person's name: two capitalised words on one line, the second not a word of an organisation or place.
_NAME = (r"\b(?!The\b|This\b|Children|Ofsted\b)[A-Z][a-z]+[^\S\n]+(?!(?:City|Council|County|Borough|Children|Services|"
         r"Trust|Ofsted|Inspectorate|Department|Government|Court|Board|Committee|Partnership|"
         # a title, not a surname: "the Children and Families Minister"
         r"Minister|Secretary|Director|Commissioner|Inspector|Officer|Member|Executive|Team|Office|"
         # (people in groups: "thank Social Workers across the county", "Elected Members")
         r"Members|Workers|Carers|Staff|Leaders|Colleagues|Partners|Teams)\b)"
         # a surname whole: "O'Brien", "McDonald", "Marsh-Travers" (a hyphen or an apostrophe ended it before)
         r"(?:[A-Z]['’])?[A-Z][a-z'’]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-z'’]+)?\b")

PERSON_NAME = _NAME  # (a person's name, for rules elsewhere)
# "Which inspectors ...", "name the director": the people a question asks to be named

# "how much do councils rely on agency social workers?": a share of them (not "how much progress in reducing its
# reliance", "how much of the improvement depended on the commissioner")
_RELIANCE = (r"\bhow\s+much\s+(?:(?:do|does|did|are|is|were|was|have|has|had)\s+)?(?!of\b)"
             r"(?:(?!(?:say|said|think|thought|feel|felt|believe\w*|find|found)\b)[\w'’-]+\s+){1,4}?"
             r"(?:rely|relies|relied|depend|depends|depended)\s+on\b|\bhow\s+(?:reliant|dependent)\b")

# (a name before a word: "which Ofsted regional director was quoted")
_WHICH_PERSON = (r"\b(?:which|name the)\s+(?:of\s+(?:the|their|its|his|her)\s+)?"
                 r"(?:\w+\s+|(?-i:[A-Z][\w'’-]*\s+){1,3}(?:(?!(?:the|an?|his|her|their|its|did|does|do|was|"
                 r"were|is|are|has|had|have)\b)[a-z]+\s+)?)?(?:inspectors?|hmis?|officials?|ministers?|commissioners?|"
                 r"directors?|mayors?|councillors?|leaders?|reporters?|journalists?|(?:cabinet|lead)\s+members?|"
                 # ("which DCS did the inspectors praise?"; not "which DCS areas")
                 r"dcss?(?=\s*[,?]|\s*$|\s+(?:did|does|do|was|were|is|are|has|had|will|would|said|led|left|came|"
                 r"took|ran|runs|in|at|then|now)\b)|"
                 # (not whose paper, nor what kind of thing: "which officer's report", "which officer posts")
                 r"officers?(?=\s*[,?]|\s+(?:commented|said|spoke|told|responded|wrote|presented|was|were|is|did|"
                 r"gave)\b)|"
                 r"spokes(?:person|man|woman)(?=\s*[,?]|\s+(?:commented|said|spoke|told|responded|was|is|did)\b)|"
                 r"portfolio\s+holders?)\b")

# "What did the council's executive formally resolve about the statement of action?", "When did Halton's Executive
# Board approve the plan?": a council body's decision, which its minutes record (not the paper put to it: "what is the
# committee asked to agree").
COUNCIL_DECISION_RE = re.compile(r"\b(?:did|has|have)\s+(?:the\s+)?(?:[\w'’,&-]+\s+){0,8}?(?:cabinet|executive|"
                                 r"committee|panel|board|full\s+council|councillors|members)\s+(?:\w+\s+){0,2}?"
                                 r"(?:resolve|agree|decide|approve|vote|endorse)\b|"
                                 # (in a hurry: "bristol people scrutiny mar 24 ofsted mv2 item - what was resolved")
                                 r"\bwhat\s+(?:was|were|has\s+been|had\s+been)\s+(?:resolved|agreed|decided)\b", re.I)
QUESTION_TYPES: list[tuple[str, re.Pattern]] = [
    # "When was ...", "On what dates ...", "What date ..."; not "When Ofsted rated X, what did it say" (a clause).
    # (a terse query may end on it: "ilacs framework first published when")
    # ("How many places would open, and when?" asks the count first.)
    ("date", re.compile(r"^\W*when\s+(?:exactly\s+|precisely\s+|roughly\s+)?(?:was|were|did|does|do|is|are|will|has|"
                        r"had)\b|^\W*since\s+when\b|"
                        # (after a scene with no question of its own: "Lambeth's re-inspection - from Ofsted's own
                        # report, when was the fieldwork?")
                        r"^(?![^?]*\b(?:what|who|whom|whose|how|which|why|where)\b)[^?]*?[,;:–-]\s*when\s+"
                        r"(?:was|were|did|does|do|is|are|will|has|had)\b|"
                        r"^(?!\W*(?:how\s+(?:many|much)|who|whom|whose)\b).*\bwhen\s*\??\s*$|"
                        # (or a terse label before it, asking nothing else: "enfield 2015 sif when were hmi on site")
                        r"^(?:(?!(?:what|who|whom|whose|how|which|why|where|did|does|do|is|are|was|were|any|has|have|"
                        r"had|grades?|judge?ments?|ratings?|rated|judged|overall|caseloads?|concerns?)\b)[^?\s]+\s+)"
                        r"{1,6}when\s+(?:was|were|did|does|do|is|are|will|has|had)\b|"
                        # a terse query closing on "dates": "notts front door focused visit dates"
                        r"^(?![^?]*\b(?:what|how|who|which|why|where|did|does|do|is|are|was|were)\b)"
                        r"(?![^?]*\b(?:up\s+to|out\s+of)\s+dates?\b)[^?]*\bdates\s*\??\s*$|"
                        # (or one date: "somerset improvement notice date"; not with another fact asked, "ilacs
                        # judgement and date", "number of CIC at census date", nor "progress to date", "up-to-date")
                        r"^(?![^?]*\b(?:what|how|who|which|why|where|did|does|do|is|are|was|were|number|grades?|"
                        r"judge?ments?|ratings?|rated|judged|figures?|count|outcome|result)\b)"
                        r"(?![^?]*(?:\b(?:up\s+to|out\s+of|and)|\+|&)\s+(?:[\w-]+\s+)?dates?\b)"
                        r"[^?]*(?<![-+&])(?<!\bto\s)"
                        r"(?<!census\s)(?<!snapshot\s)(?<!request\s)(?<!referral\s)(?<!due\s)(?<!review\s)"
                        # (its year after it: "somerset improvement notice date 2013")
                        r"(?<!target\s)(?<!deadline\s)(?<!closing\s)\bdate(?:\s+(?:in\s+)?(?:19|20)\d\d)?\s*\??\s*$|"
                        # a terse query closing on "when" and what happened: "b&nes ilacs 2025 when notified"
                        r"^(?![^?]*\b(?:what|how|who|which|why|where|did|does|do|is|are|was|were)\b)[^?]*\bwhen\s+"
                        r"(?:notified|inspected|published|visited|announced|released|issued|rated|judged|held|"
                        r"appointed|sent)\s*\??\s*$|"
                        # ("Who led the visit, and on what dates?" asks the person first)
                        rf"^(?!\W*(?:who|whom|whose)\b|\W*{_WHICH_PERSON}).*?\b(?:what|which|on what)\s+"
                        r"(?:dates?|days?|month|year)\b|"
                        r"\bhow long ago\b|"
                        # a deadline asked ("camden jtai response - deadline for checking ...", "what was the deadline
                        # for the plan?"; not who set one, whether it was met, why it moved)
                        r"^\W*(?:what|when)\s+(?:is|was|were|are)\s+the\s+deadlines?\s+(?:for|to)\b|"
                        r"^(?![^?]*\b(?:what|how|who|whom|which|why|where|when|did|does|do|is|are|was|were|has|have|"
                        r"had|can|could|will)\b)[^?]*\bdeadlines?\s+(?:for|to)\b", re.I)),
    # (keywords then "who": "darlington ilacs oct 2022 who was lead inspector", "kent jtai - who led it"; not a
    # relative clause after another question word, "how many children in 2019 who were placed ...")
    ("person", re.compile(rf"^\W*(?:who|whom|whose)\b|{_WHICH_PERSON}|"
                          rf"^(?![^?]*\b(?:what|how|which|when|where|why|whether)\b)"
                          rf"(?:(?!\b(?:do|does|did|is|are|has|have|can)\b)"
                          rf"[^?])*?(?:\b(?:19|20)\d\d[:,]?|\s[-–—]|[:,])\s+who\s+"
                          rf"(?:(?:was|were|is)\s+(?:the\s+)?(?:lead\s+)?"
                          rf"(?:inspectors?|hmis?|dcs|directors?|commissioners?|chief|chair|leader|head)|led|leads|"
                          rf"carried|chaired|signed|wrote)\b", re.I)),
    # "Under ILACS, what questions does Ofsted want a self-evaluation to answer?": the questions themselves
    ("questions", re.compile(r"\b(?:what|which)\s+(?:(?:key|main|three|four|five)\s+)?questions\b", re.I)),
    ("frequency", re.compile(r"\bhow\s+(?:often|frequently|regularly)\b|\bwhat\s+(?:frequency|interval)\b", re.I)),
    # "How quickly are return home interviews happening?", "how long were children waiting for therapy?": a time
    # taken (not "how long had she been in post", nor "how quickly things improved": no timescale states those)
    ("timescale", re.compile(r"\bhow\s+(?:quickly|soon|fast|promptly|swiftly)\b"
                             r"(?![^?]*\b(?:improv\w*|progress\w*|chang\w*|turn(?:ed|s)?\s+(?:it\s+)?around)\b)|"
                             r"\bhow\s+long\s+(?:do|does|did|are|is|were|was|have|has|had)\s+(?:[\w'’-]+\s+){0,5}?"
                             r"(?:wait|waiting|waited|take|taking|took|spend|spending|spent)\b", re.I)),
    # "What did the cabinet actually decide?": what it resolved, not the debate before it (not "when": a date first)
    ("decision", COUNCIL_DECISION_RE),
    # "How much" asks for an amount of money, not "how much progress".
    # (not a worry about a number: "did ofsted still have concerns about how many agency SWs they were using?")
    ("count", re.compile(r"(?<!concerns\sabout\s)(?<!concern\sabout\s)(?<!concerned\sabout\s)(?<!worried\sabout\s)"
                         r"(?<!worries\sabout\s)(?<!concerns\sover\s)(?<!concerns\saround\s)(?<!worried\sby\s)"
                         r"\bhow\s+many\b|\bhow\s+much\s+(?:\w+\s+)?(?:money|funding|funds|cash|investment|"
                         r"budget|£)|\bhow\s+much\b(?=[^?]*\b(?:spend|spent|cost|invest|invested|pay|paid|save|"
                         r"saved|overspen[dt])\b)|\bwhat\s+(?:number|proportion|percentage|share|per\s*cent)\b|"
                         r"\bwhat(?:['’]s|\s+(?:is|was|are|were))?\s+(?:the\s+)?%|"
                         # "did Ofsted record how much, an actual £ figure?"
                         r"(?:£|\bpounds?)\s*(?:figure|amount|sum)s?\b|"
                         # (or a share: "how much do councils rely on agency social workers?", "how reliant")
                         rf"{_RELIANCE}|"
                         # "What was the average caseload?" asks for a number too
                         r"\bwhat\s+(?:was|is|were|are)\s+(?:the\s+|its\s+|their\s+)?(?:average|mean|median)\b|"
                         # a terse query asking a sum: "care leaver accommodation funding amount"
                         r"\b(?:funding|money|cash|budget|grant|investment|spending)\s+(?:amount|figure|total)\b|"
                         r"\bamount\s+of\s+(?:funding|money|cash|investment|spending)\b|"
                         # "medway 2019 no. of children referred back", "what was the number of ..." (not "a
                         # number of concerns", several; nor "to cut the number of agency staff", an aim)
                         r"(?<!ref\s)(?<!urn\s)(?<!reference\s)\bnos?\.[^\S\n]*(?-i:of)\b|"
                         r"\bwhat(?:['’]s|\s+(?:was|is|were|are))\s+the\s+(?:total\s+|overall\s+)?numbers?\s+of\s+"
                         r"(?!the\b)|"
                         # a terse fragment naming the figure: "wscc - number of CLA at the time of the 2023 RI
                         # inspection?" (not "a number of concerns")
                         # (not a label before a question of its own: "Kent - numbers of children missing
                         # education, what did Ofsted say about tracking them?")
                         r"(?:^|\s[-–—]\s*|[:,]\s*)(?:the\s+)?(?:total\s+|overall\s+)?numbers?\s+of\s+(?!the\b)"
                         r"(?![^?]*\b(?:what|why|how|which|who|when|where)\b)",
                         re.I)),
    # ("judged" where it is asked, "was X's adoption still judged inadequate?", "How were care leavers judged?";
    # not a scene, "after being judged inadequate", "an LA whose services were judged inadequate", nor judged as
    # assessed, "Is risk judged consistently at the front door?")
    ("judgement", re.compile(r"\b(?:judge?ments?|ratings?|rated|grades?|graded|results?|outcomes?|verdicts?)\b|"
                             r"(?:^|[,;:?.–—-])\s*(?:and\s+|so\s+|but\s+)?(?:how\s+)?"
                             r"(?:was|were|is|are|has|have|had)\s+(?:[\w'’-]+\s+){0,4}?(?:been\s+)?judged"
                             # (a grade after it, an inspection or nothing: not "judged consistently", "judged on the
                             # framework")
                             r"(?:\s+(?:to\s+be\s+|as\s+)?(?:inadequate|good|outstanding|requir\w*\s+improvement|ri)\b|"
                             r"\s*\?|\s+(?:at|in|by)\s+(?:the|its|their|[\w-]+['’]s|(?:19|20)\d\d)\b)", re.I)),
    # What is still to do: "what did the report say the council still had to work on?", "which areas still need
    # improving?"
    # (not a yes/no question: "Do social workers still have high caseloads?", "Is Kent still required to ...?")
    ("remaining", re.compile(r"^(?!\W*(?:do|does|did|is|are|was|were|has|have|had|can|will)\b)(?:.*?)(?:"
                             r"\bstill\s+(?:needed|needs?|required|requires?|requiring|had\s+to|has\s+to|have\s+to)\b|"
                             r"\b(?:left|remain(?:ed|s)?)\s+to\s+(?:do|be\s+(?:done|\w+ed)|improve|work\s+on)\b|"
                             r"\bwork\s+remains\b|"
                             # "What did Ofsted say still hadn't been sorted?", "what was still not good enough?"
                             r"\bstill\s+(?:(?:had|has|have|was|were|is|are)(?:n['’]?t|\s+not)|not)\s+"
                             r"(?:been\s+|got\s+)?"
                             r"(?:sorted|fixed|addressed|resolved|tackled|done|improved|good\s+enough|right)\b|"
                             # "norfolk jtai what needs to improve": a letter's "What needs to improve?" list answers
                             r"\bwhat\s+(?:[\w'’]+\s+){0,3}?needs?\s+(?:to\s+)?"
                             r"(?:improv\w*|be\s+improved|work\s+on)\b|"
                             # (typed in a hurry: "devon jtai neglect areas for improvment")
                             r"\bareas?\s+(?:for|of|needing|requiring)\s+(?:further\s+)?"
                             r"(?:improv\w*ment|development)\b|"
                             r"\bnext\s+steps\b)", re.I)),
]


# A time stated as a measure: "within one working day", "72 hours of the return", "seen the same day" (what "how
# quickly" asks; "help has been delayed" only says that time passed)
MEASURED_TIME_RE = re.compile(r"\b(?:within|under|than|up\s+to|average\s+of)\s+(?:\d+|one|two|three|four|five|six|"
                              r"seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|forty-five|a)(?:-|\s+|(?<=\d))"
                              r"(?:working[\s-]+|school[\s-]+)?(?:hours?|hrs|days?|weeks?|months?|fortnight)\b"
                              r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)"
                              r"(?:-|\s+)(?:working[\s-]+)?(?:hours?|hrs|days?|weeks?)\s+"
                              r"(?:of\s+(?:the|a|an|their|being|"
                              r"referral|contact|receipt|notification|return)|after|from)\b"
                              r"|(?-i:(?<!On the ))\bsame\s+day\b|\bnext\s+(?:school|working)\s+day\b", re.I)
MEASURED_TIME_BOOST = 1.15
# The service as a whole judged ("judged the service to be good", "rated the local authority as inadequate"), not one
# area of it ("judged the council to be good at engaging partners", "inadequate in the help and protection of ...")
_WHOLE_SERVICE = r"the\s+(?:service|services|council|(?:local\s+)?authority|children['’]?s\s+services)"
_AN_AREA = r"\s+(?:at|for|on|in(?!\s+(?:all|every|each)\b))\b"
EVIDENCE: dict[str, re.Pattern] = {
    "questions": re.compile(r"\b(?:what|how|which|who|why|where|when|do|does|is|are|can|has|have)\b[^.?!\n]{10,}\?",
                            re.I),
    "date": re.compile(rf"\b{_DAY}\s+(?:(?:and|to|-|–)\s+{_DAY}\s+)?{_MONTH}\b|\b{_MONTH}\s+{_DAY}\b|"
                       rf"\b{_MONTH}\s+(?:19|20)\d\d\b|\b\d{{1,2}}/\d{{1,2}}/(?:19|20)?\d\d\b", re.I),
    # Titles, inspectors' designations, "said Jane Smith", "Jane Smith, the director ...", on one line.
    "person": re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Clr|Coun|Councillor|Sir|Dame|Lord|Baroness|Professor)\.?[^\S\n]+[A-Z][a-z]|"
                         rf"\bHMI\b|H(?:er|is) Majesty[’']s Inspectors?\b|\b[Ll]ead inspector\b|"
                         rf"\b[Ii]nspectors?[^\S\n]+{_NAME}|{_NAME}[^\S\n]+(?:said|says|wrote|writes|added|told)\b|"
                         # (or thanked: "I'd like to congratulate Julia Harding and her team")
                         # (or appointed: "Action taken includes the appointment of Jenny Turnross as permanent
                         # corporate director"; not "the appointment of Independent Reviewing Officers")
                         rf"\bappointment\s+of[^\S\n]+{_NAME}(?=[^\S\n]+as\b)|"
                         rf"\b(?:said|says|added|wrote|told|by|appointed|named|led|congratulated?|thanked|thank|"
                         rf"praised|credited)"
                         rf"[^\S\n]+"
                         rf"(?:(?:inspectors?|HMIs?|the)[^\S\n]+)?{_NAME}|"
                         # (a post-nominal between: "Clive Betts MP, Chair of the Communities and ... Committee")
                         # (or the body's name: "Gareth Pengelly, Shropshire Council's Cabinet Member for ...")
                         rf"{_NAME}(?:[^\S\n]+(?:MP|OBE|CBE|MBE|HMI))?,[^\S\n]+(?:the[^\S\n]+|who[^\S\n]+)?"
                         r"(?:[A-Z][\w'’]*[^\S\n]+){0,3}?(?:[a-z]+[^\S\n]+)?"
                         r"(?:director|commissioner|chief|lead|leader|head|cabinet|chair|inspector|minister|mayor|"
                         r"executive|Director|Commissioner|Chief|Leader|Head|Cabinet|Chair|Minister|Mayor|Executive)\b|"
                         # a role then the name: "Director of Children's Services (DCS) Debbie Jones", "Chief
                         # Executive Paul Moffat", "Commissioner Malcolm Newsam"
                         rf"\b(?:[Dd]irector|[Ee]xecutive|[Cc]ommissioner|[Ll]eader|[Cc]hair(?:man|woman)?|[Mm]inister|"
                         rf"[Mm]ayor|[Oo]fficer|[Ss]ecretary|HMI),?[^\S\n]+{_NAME}|\((?:DCS|HMI|CEO)\)[^\S\n]+{_NAME}|"
                         # "director of children and young people's services Frances Craven", "Ofsted's former
                         # national director for social care Debbie Jones"
                         # (a title-case heading, "Director for Adult Social Care Annual Report", is no name)
                         rf"\b[Dd]irector of [\w’' ]{{0,50}}?[Ss]ervices,?[^\S\n]+{_NAME}|"
                         rf"\bdirector for [\w’' ]{{0,50}}?social care,?[^\S\n]+{_NAME}|"
                         # "Ofsted's national director for social care, Yvette Stanley"; "Yvette Stanley, Ofsted's
                         # National Director"
                         rf"\b(?:[Dd]irector|[Cc]ommissioner|[Cc]hief [Ee]xecutive|[Cc]hair|[Ll]eader|[Ii]nspector)\b"
                         rf"[\w’' ]{{0,40}}?,[^\S\n]+{_NAME}|"
                         rf"{_NAME},[^\S\n]+(?:[\w’'-]+[^\S\n]+){{0,5}}?(?:[Dd]irector|[Cc]ommissioner|[Cc]hief|"
                         rf"[Ll]eader|[Cc]hair|[Ii]nspector|[Mm]inister|[Mm]ayor)\b|"
                         # "Peter Dunford has been appointed as children's services commissioner"
                         rf"{_NAME}[^\S\n]+(?:(?:has|had|have)[^\S\n]+been|was|is|were)[^\S\n]+(?:appointed|named)\b|"
                         # "Sarah Callaghan took over as Director for Children", "Jo Bell joined as interim director"
                         # ("took up post as Strategic Director", "took up the post of ...", "her role as ...")
                         rf"{_NAME}[^\S\n]+(?:(?:has|had)[^\S\n]+)?(?:(?:took|taken|takes|take)[^\S\n]+"
                         rf"(?:over|up(?:[^\S\n]+(?:the[^\S\n]+|her[^\S\n]+|his[^\S\n]+)?(?:post|role|position))?)|"
                         rf"joined|started|stepped[^\S\n]+in)[^\S\n]+(?:as|of)[^\S\n]+(?:(?:the|an?|[Ii]nterim|"
                         rf"[Aa]cting|permanent|new|[Ss]trategic|[Cc]orporate|[Dd]eputy|[Ee]xecutive)[^\S\n]+)*"
                         rf"(?:[Dd]irector|DCS|[Hh]ead|[Cc]hief|[Cc]hair|[Ll]eader|[Cc]ommissioner|"
                         rf"[Ll]ead [Mm]ember|[Cc]abinet [Mm]ember|[Ee]xecutive|[Mm]ayor|[Ii]nspector)\b|"
                         # a letter's address block: "Helen Tregothnan Strategic Director for Children's Services
                         # Plymouth City Council" (its first word no title: "New Interim Director of ... Council" is a
                         # headline naming nobody)
                         rf"(?:^|\n)[^\S\n]*(?!(?:New|Former|Interim|Acting|Assistant|Deputy|Strategic|Executive|"
                         rf"Corporate|Our|Your|Senior|Chief)\b){_NAME}[^\S\n]+(?:(?:Interim|Acting|Strategic|"
                         rf"Corporate|Executive|Deputy|Assistant)[^\S\n]+)*(?:Director|Chief[^\S\n]+Executive|"
                         rf"Commissioner)[^\S\n]+(?:of|for)\b"
                         rf"(?=[^\n]{{0,80}}?\b(?:Council|Trust|Borough|Together\s+for\s+Children)\b)|"
                         # a byline: "By Ruth Okafor, Local Democracy Reporter", "By Jo Bell |"
                         rf"(?:^|\n)[^\S\n]*By[^\S\n]+{_NAME}(?=[^\S\n]*(?:[,|·]|\n|$))"),
    # (a visit's number is no count: "monitoring visit 2 finds caseloads easing"; "during the visit 14 children
    # were seen" counts children)
    "count": re.compile(r"(?<![\d/.-])(?<!monitoring\svisit\s)(?<!visit\snumber\s)\b(?!(?:19|20)\d\d\b)"
                        r"\d[\d,]*(?:\.\d+)?\b(?!\s*(?:st|nd|rd|th)\b)(?!\s+"
                        rf"{_MONTH_NOT_MAY}\b)|\bper\s*cent\b|%|\b(?:two|three|four|five|six|seven|eight|nine|ten|"
                        r"eleven|twelve|twenty|thirty|forty|fifty|hundred|dozen)\b", re.I),
    # "only 38% are completed within 72 hours", "seen the same day", "a third happen within three days"
    # (a time in figures only as a timescale: "within 72 hours", "72 hours of the return", not "over two days")
    "timescale": re.compile(r"\b(?:within|after|under|than|in)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|"
                            r"ten|twelve|fifteen|twenty)(?:-|\s+)(?:working[\s-]+)?(?:hours?|days?|weeks?|months?)\b"
                            r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)"
                            r"(?:-|\s+)(?:working[\s-]+)?(?:hours?|days?|weeks?)\s+(?:of|after|from)\b"
                            r"|\bsame\s+day\b|\bnext\s+(?:school\s+|working\s+)?day\b"
                            r"|\bwithin\s+(?:a|one)\s+(?:day|week|month)\b|" + MEASURED_TIME_RE.pattern +
                            r"|\btimescales?\b|\btimel(?:y|iness)\b|\bpromptly\b|\bdelay(?:s|ed)?\b"
                            # (said in words: "the process takes too long", "children wait", "seen quickly")
                            r"|\btoo\s+(?:long|slow(?:ly)?)\b|\bwait(?:s|ed|ing)?\b|\bquickly\b|\bswiftly\b",
                            re.I),
    # "six-weekly intervals", "as frequent as weekly", "every three months", "twice a year"
    "frequency": re.compile(r"(?:(?:daily|weekly|fortnightly|monthly|quarterly|annually|yearly)|"
                            r"every\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?)|(?:once|twice)\s+(?:a|every|per)\b|"
                            r"(?:times?|visits?)\s+(?:a|per)\s+(?:week|month|year)|frequen\w+|intervals?)\b", re.I),
    # A finding still to act on ("work needs to continue to reduce ...", "areas which require further improvement")
    "remaining": re.compile(r"\bneeds?\s+to\s+(?:continue|improve|ensure|strengthen|develop|address|"
                            r"be\s+improved|do\s+more)\b|"
                            r"\b(?:further|more)\s+(?:work|improvement)\s+(?:is|was|are|were)\s+(?:still\s+)?"
                            r"(?:needed|required)\b|\bstill\s+(?:needs?|requires?|to\s+be|too|not)\b|"
                            r"\bareas?\s+(?:for|requiring|that\s+requires?|which\s+requires?|needing)\s+(?:further\s+)?"
                            r"(?:improvement|development|attention)\b|\brequires?\s+further\s+improvement\b|"
                            r"\bwants?\s+to\s+see\b|\bmore\s+to\s+(?:do|be\s+done)\b|"
                            # "The quality of IROs' challenge remains too variable", "plans are not yet specific"
                            r"\bremain(?:s|ed)?\s+(?:too|insufficient\w*|inconsistent\w*|variable|weak|poor|slow|"
                            r"underdeveloped)\b|"
                            r"\b(?:is|are|was|were)\s+not\s+yet\s+(?:(?:fully|consistently|sufficiently)\s+)?"
                            r"(?:consistent\w*|embedded|effective|in\s+place|good|strong|robust|sufficient\w*|timely|"
                            r"specific|established|evident|complete\w*|fully|well)\b", re.I),
    # A minutes' resolution: "Resolved:", "RESOLVED - That ...", "AGREED that: 1. ...", "It was agreed that", a
    # numbered "To approve the plan ..."
    "decision": re.compile(r"\bresolved\b|\bdecisions?\s*:|\b(?:agreed|decided)\s*(?:that\b|[:–—-])|"
                           # (by lines: runs of blank lines are read once, not again from each)
                           r"(?:^|[.:][ \t]+)[ \t]*(?:\(?[a-z0-9]{1,3}[.)][ \t]*)?"
                           r"(?:That\s+)?(?:[Tt]o|the\s+\w+\s+)\s*"
                           r"(?:agree|approve|note|endorse|delegate|accept)[ds]?\b|"
                           # (a resolution's later items, split from its "RESOLVED": "(2) that the Trust provides ...")
                           r"^[ \t]*\(?\d{1,2}[.)][ \t]*that\s+",
                           re.I | re.M),
    # A judgement stated as such: the four grades where they are written as grades, not "good practice".
    # ("requiring improvement" as the grade's own words: "... assessed as requiring improvement in order to be good",
    # not "the areas requiring improvement")
    "judgement": re.compile(r"\b[Rr]equires?\s+[Ii]mprovement\b|"
                            r"\b[Rr]equiring\s+[Ii]mprovement\s+(?:in\s+order\s+)?to\s+be\s+good\b|"
                            r"\b[Ii]nadequate\b|\b[Oo]utstanding\b|\bGood\b|"
                            r"[‘'\"“]good[’'\"”]|\b(?:rated|judged|graded|remains?|now|as)\s+good\b|"
                            r"\bgood\s+(?:rating|judge?ment|grade|overall)\b|"
                            # a judgement area's heading: "The experiences and progress of care leavers: good"
                            r"\b(?:progress\s+of|impact\s+of|effectiveness)\b[^.\n:]{0,80}:\s*good\b|"
                            # "The overall judgement is that children's services are good"
                            r"\b(?:services|judge?ment|rating|grade)\b[^.\n]{0,40}\b(?:are|is|were|was)\s+good\b|"
                            # the service as a whole: "the latest inspection has judged the service to be good"
                            rf"\b(?:rated|judged|graded)\s+{_WHOLE_SERVICE}\s+(?:to\s+be\s+|as\s+)good\b"
                            rf"(?!{_AN_AREA})"),
}


# "When Ofsted rated X inadequate, what did it say about Y?": the opening clause sets the scene, it is not asked;
# nor is a time clause after the main one ("... at its December visit, the first after the 2023 inadequate judgement").
# (a clause runs to its comma, within its sentence: an abbreviation's stop, "St. Helens", ends no sentence)
_ABBREVIATION_STOP = r"(?:(?<=\bSt)|(?<=\bDr)|(?<=\bMr)|(?<=\bMs)|(?<=\bMrs)|(?<=\bCllr))\."
_IN_SENTENCE = rf"(?:[^,?.]|{_ABBREVIATION_STOP})"
# (a dash before a question closes a clause: "inadequate - how did ..."; not an aside's, "Kent - after years -")
_IN_CLAUSE = (r"(?:(?!\s[-–—]\s+(?:how|what|which|who|whom|why|when|where|did|does|do)\b)[^,?;.]|"
              rf"{_ABBREVIATION_STOP})")
# (a colon ends the scene as a comma does: "after the 2016 inadequate: how many new SWs ...")
SCENE_CLAUSE = re.compile(r"^\W*(?:when|after|before|since|once)\s+(?!(?:was|were|did|does|do|is|are|will|has|had|"
                          rf"have|can|could)\b)(?:(?!:){_IN_SENTENCE})*[,:]\s*|"
                          # "At the 2023 inspection that rated Liverpool inadequate, why ...?": the event it names
                          r"^\W*(?:at|in|during|from|following)\s+(?:the|its|their|that|this|[\w'’-]+['’]s)\s+"
                          r"[^,?]*?,?\s*\b(?:that|which)\s+"
                          r"(?:rated|judged|graded|found|took|left|put|moved|lifted)\b[^,?]*,\s*|"
                          # "At Bristol's People Scrutiny Commission in June 2024, what were councillors told ...?":
                          # the meeting, which every passage of its minutes is from
                          r"^\W*(?:at|in|during)\s+(?:the|its|their|[\w'’-]+['’]s)\s+(?:[\w'’&-]+\s+){0,4}?"
                          r"(?:commission|committee|panel|board|meeting|cabinet)(?:\s+meeting)?"
                          r"(?:\s+(?:in|on|of)\s+[^,?]{3,30})?,\s*(?=(?:what|how|which|who|when|why|where|did|does|"
                          r"do|is|are|was|were|has|have|had)\b)", re.I)
# "Which achievements did Ofsted highlight when it rated X requires improvement?": a "when" clause after the main
# one, about an inspection's result, is the scene (not "how quickly are children seen when they arrive", nor "what
# did inspectors praise when they visited the leaving care team", nor "do you know when Ofsted rated it").
LATE_SCENE_CLAUSE = re.compile(r"(?<=\w\s)(?<!know\s)(?<!tell me\s)(?<!out\s)(?<!ask\s)when\s+"
                               r"(?!(?:was|were|did|does|do|is|are|will|has|had)\b)"
                               rf"(?={_IN_CLAUSE}*\b(?:rated|rating|judged|graded|inadequate|outstanding|"
                               rf"requires improvement)\b){_IN_CLAUSE}*|"
                               # "... during the inspection that downgraded it to inadequate?": the event by its outcome
                               r"(?<=\w\s)(?:during|at|in)\s+the\s+(?:[\w'’-]+\s+){0,2}?(?:inspection|visit)\s+"
                               r"(?:that|which)\s+"
                               rf"(?={_IN_CLAUSE}*\b(?:rated|judged|graded|downgraded|upgraded|inadequate|outstanding|"
                               rf"requires improvement)\b){_IN_CLAUSE}*", re.I)
# (to its clause's end: not past a bracket or a sentence closing, "(RI after the five-week inspection in February).
# What did Ofsted say still hadn't been sorted?")
TIME_CLAUSE = re.compile(r"\b(?:after|since|following|before)\s+(?:the|its|their|his|her|a|an)\s+"
                         r"(?:(?!\s[-–—]\s)[^,?;:).]|\.(?!\s+[A-Z]))*|"
                         + LATE_SCENE_CLAUSE.pattern, re.I)


# "Who carried out the third visit, and when did it take place?": a second fact asked after the first.
AND_WHEN_RE = re.compile(r",?(?<!\s)\s+and\s+(?:when|(?:(?:in|on)\s+)?(?:what|which)\s+(?:dates?|days?|month|year))"
                         r"(?:\s+(?:did|was|were|is|are|will|has|had)\b|\s*\?*\s*$)", re.I)
SECOND_FACT_BOOST = 1.3  # (x1.1 left the sign-off naming the inspector first; x1.6 lost two firsts)


# ... and the other way round: "When did Ofsted carry out the ILACS, and who was lead inspector?"
# (the inspector, whom a report's header or sign-off names: not "and who was appointed adviser", a role any
# passage on the adviser's work names)
# (or "..., and which inspector carried it out?")
AND_WHO_RE = re.compile(r",?(?<!\s)\s+and\s+(?:who\s+(?:(?:was|were|is)\s+(?:the\s+)?(?:lead(?:\s+inspector)?|"
                        r"inspectors?|hmis?)\b|led|carried|signed|wrote)|which\s+(?:lead\s+)?(?:inspectors?|hmis?))\b",
                        re.I)
# ... or an office holder: "When did the council launch its campaign, and which cabinet member fronted it?" (a
# passage naming somebody in that office: "Councillor Jo Bell, Cabinet Member for Children")
AND_OFFICE_RE = re.compile(r",?(?<!\s)\s+and\s+(?:which|what)\s+(cabinet\s+member|councillor|cllr|lead\s+member|"
                           r"portfolio\s+holder|director|dcs|minister)\b", re.I)
_MEMBER = r"\b(?:cabinet|lead)\s+member\b|\bportfolio\s+holder\b"
_COUNCIL_DIRECTOR = (r"\bdirector\s+(?:of|for)\s+children|\bDCS\b|\b(?:executive|corporate|strategic)\s+director\b|"
                     r"\bdirector\s+of\s+(?:education|people)")  # (not Ofsted's National Director)
_OFFICE_NAMED = {"cabinet member": _MEMBER, "lead member": _MEMBER, "portfolio holder": _MEMBER,
                 "councillor": r"\b(?:councillor|cllr)\b", "cllr": r"\b(?:councillor|cllr)\b",
                 "director": _COUNCIL_DIRECTOR, "dcs": _COUNCIL_DIRECTOR, "minister": r"\bminister\b"}
# ... named as the inspector: "Lead inspector: Jo Bell", "Jo Bell HMI", "led by Jo Bell" (not a councillor quoted)
# (or a header's "Inspector: Jo Bell, Social Care Regulatory Inspector")
INSPECTOR_NAMED_RE = re.compile(rf"\b[Ll]ead\s+inspector\b|\bHMI\b|\bH(?:is|er)\s+Majesty[’']s\s+Inspectors?\b|"
                                rf"\b[Ii]nspectors?:?[^\S\n]+{_NAME}|\bled[^\S\n]+by[^\S\n]+{_NAME}")


def second_fact_weight(question: str, kind: str | None, text: str) -> float:
    """A passage stating the date too, when a question asking another kind of fact also asks when; a passage
    naming a person too, when a question asking when also asks who."""
    if _asks_date_too(question, kind):
        if not holds("date", text):
            return 1.0
        event = _second_event(question)  # "..., and when were they appointed?": that event's date, not a cover's
        if event and dates_event(event, text):
            return SECOND_FACT_BOOST * EVENT_DATE_BOOST
        # (another event's date is no answer: "when were they on site?", not "the director who took up post in
        # September 2024"; a page's own date still may be, "Published 4 May 2023" over the appointment it announces)
        return 1.0 if event and any(dates_event(other, text) for other in DATE_EVENTS
                                    if other not in (event, "published")) else SECOND_FACT_BOOST
    if _asks_person_too(question, kind) and holds("person", text) and INSPECTOR_NAMED_RE.search(text):
        return SECOND_FACT_BOOST
    office = _office_asked_too(question, kind)
    return SECOND_FACT_BOOST if office and holds("person", text) and _names_holder(office, text) else 1.0


def line_or_sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the line or sentence holding text[start:end] (a full stop or a line break ends either)."""
    ends = [i for i in (text.find(".", end), text.find("\n", end)) if i >= 0]
    return max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1, min(ends, default=len(text))


# (or a letterhead's name alone on the line above the office: "Anneliese Rourke MP\nMinister for Children")
_NAME_LINE_RE = re.compile(rf"[^\S\n]*(?:(?:Rt[^\S\n]+Hon|Dr|Sir|Dame|Baroness|Lord)[^\S\n]+)?{_NAME}"
                           r"(?:[^\S\n]+(?:MP|OBE|CBE|MBE|DBE))*[^\S\n]*")


def _names_holder(office: re.Pattern, text: str) -> bool:
    """Somebody named in the office's own sentence ("Cllr Jo Bell, Cabinet Member for Children, said"), not the office
    alone ("Related documents Minister's letter. The leader, Cllr Jo Bell, said ...")."""
    for m in office.finditer(text):
        start, end = line_or_sentence(text, m.start(), m.end())
        if EVIDENCE["person"].search(text[start:end]):
            return True
        line_above = text[:start - 1].rsplit("\n", 1)[-1] if start else ""
        if text[start - 1:start] == "\n" and _NAME_LINE_RE.fullmatch(line_above):
            return True
    return False


@lru_cache(maxsize=256)
def _asks_date_too(question: str, kind: str | None) -> bool:  # (once per question, not per passage)
    return bool(kind and kind != "date" and AND_WHEN_RE.search(question))


@lru_cache(maxsize=256)
def _second_event(question: str) -> str | None:
    clause = question[AND_WHEN_RE.search(question).start():]
    named = [name for name, (asked, _) in DATE_EVENTS.items() if asked.search(clause)]
    # (an event named beats "on what date", which any event's clause may say: "and on what date was she appointed?")
    return next((name for name in named if name != "took place"), named[0] if named else None)


@lru_cache(maxsize=256)
def _asks_person_too(question: str, kind: str | None) -> bool:
    return kind == "date" and bool(AND_WHO_RE.search(question))


@lru_cache(maxsize=256)
def _office_asked_too(question: str, kind: str | None) -> re.Pattern | None:
    m = AND_OFFICE_RE.search(question) if kind == "date" else None
    return re.compile(_OFFICE_NAMED[re.sub(r"\s+", " ", m.group(1).lower())], re.I) if m else None


# "Where did Luton's director work before she took up the post?": a previous post is asked; a passage saying where
# somebody came from ("joined Luton from Milton Keynes, where she had been deputy director") answers it, one on her
# work since does not.
PREVIOUS_POST_QUESTION_RE = re.compile(r"\b(?:where|what|which)\b[^?]{0,80}\b(?:she|he|they|director|dcs|chief\s+"
                                       r"executive|commissioner|leader|manager)\b[^?]{0,40}\b(?:work(?:ed)?|employ\w*|"
                                       r"job|post|role|based)\b[^?]{0,30}\bbefore\b|\b(?:previous|former|last)\s+"
                                       r"(?:job|post|role|employer)\b|"
                                       # "... and where had he come from?", "Where did Rutland's new director come
                                       # from?", "Where had Jo Bloggs come from?" (a person, just before the verb:
                                       # not "where did the money / had they come from?", nor "where did the manager
                                       # say the referrals came from?"); "which council did she come from?"
                                       r"\b(?:where|which\s+(?:council|(?:local\s+)?authority|organisation))\s+"
                                       r"(?:had|did|has|have|does|do)\s+(?:the\s+)?(?:[\w-]+['’]s\s+)?"
                                       r"(?:new\s+|interim\s+|former\s+)?(?:she|he|director|dcs|chief\s+executive|"
                                       r"commissioner|leader|manager|head|(?-i:[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+))\s+"
                                       r"(?:of\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3}?)?(?:originally\s+)?(?:come|came|moved?|arrived?|"
                                       r"join(?:ed)?|transferred)\s+from\b", re.I)
PREVIOUS_POST_RE = re.compile(r"\b(?:joined|joins|(?:will\s+)?join|came\s+to|comes\s+to|moved\s+to|moves\s+to|"
                              r"arrived\s+(?:at|in)|arrives\s+(?:at|in))\s+[^.\n]{0,60}?\bfrom\s+(?-i:[A-Z])|"
                              r"\bprior\s+to\s+(?:joining|this|that|her|his|their|taking|moving)\b|"
                              r"\bhaving\s+(?:led|worked|been|spent|run|managed)\b|"
                              r"\bwhere\s+(?:she|he|they)\s+(?:had\s+been|was|were|worked|had\s+worked|led)\b|"
                              r"\b(?:previously|formerly)\b|\bbefore\s+(?:that|joining|moving)\b|"
                              # (an appointee's post now, left for the new one: "who is currently Assistant Director
                              # ... at North Lincolnshire Council, will take up the post")
                              # (its clause closed by a comma: not "Sue Brown, who is currently chief executive at
                              # Rutland, said the new director will take up the post")
                              r"\bcurrently\s+[^,;\n]{0,100}?\b(?:at|with|for)\b[^,;\n]{0,60},\s*"
                              r"(?:will\s+|is\s+(?:expected|due|set)\s+to\s+)?"
                              r"(?:takes?\s+up\s+(?:(?:the|her|his|their)\s+)?"
                              r"(?:new\s+)?(?:post|role|position)\b|(?:start|starts|join|joins)\s+(?:in\s+(?:post\b|"
                              r"(?-i:[A-Z]))|on\s+\w|the\s+council\b(?!['’])|us\b|(?-i:[A-Z])))|"
                              r"\b(?:after|having)\s+(?:leading|leaving|working\s+at|spent)\b|"
                              r"\bafter\s+(?:[\w-]+\s+){0,2}years?\s+(?:as|at|in|with|leading)\b|"
                              # "Fenwick, who spent six years as head of safeguarding at ..."
                              r"\b(?:who|she|he|they)\s+(?:had\s+)?spent\s+(?:[\w-]+\s+){0,2}(?:years?|months?)\s+"
                              r"(?:as|at|in|with|leading)\b", re.I)
PREVIOUS_POST_MISSING = 0.6  # (it cannot answer: as strong as a missing answer type, not a preference)


def previous_post_weight(question: str, text: str) -> float:
    return PREVIOUS_POST_MISSING if _asks_previous_post(question) and not PREVIOUS_POST_RE.search(text) else 1.0


@lru_cache(maxsize=256)
def _asks_previous_post(question: str) -> bool:
    return bool(PREVIOUS_POST_QUESTION_RE.search(question) or COMING_FROM_ASKED_RE.search(question)
                or _asks_where_new_holder_comes_from(question))


# "where is rutland's new DCS coming from?", "new east riding DCS - who is it, when do they start and where are they
# coming from": where a newly appointed post holder comes from (not "the new director says referrals rose - where are
# they coming from?", "... - who is making them and where are they coming from?", nor "the lead member says the grade
# was unfair - where is she coming from?", her reasoning)
_POST = (r"(?:dcs|director(?:\s+(?:of|for)\s+(?:[\w'’-]+\s+){0,3}?(?:services|families|care))?|head\s+of\s+"
         r"(?:[\w'’-]+\s+){0,3}?(?:services|care)|chief\s+exec\w*|commissioner)")
_NEW_POST = rf"\b(?:new|incoming)\s+(?:[\w'’-]+\s+){{0,3}}?{_POST}"
COMING_FROM_ASKED_RE = re.compile(rf"\bwhere(?:['’]s|\s+is|\s+are)\s+"
                                  rf"(?:the\s+|(?:[\w'’-]+\s+){{0,3}}?[\w'’-]+['’]s?\s+)?{_NEW_POST[2:]}"
                                  rf"(?:\s+(?:at|for|in)\s+(?:[\w'’&-]+\s+){{1,5}}?)?\s*"
                                  r"coming\s+from\s*(?:[?.!,;]|$)", re.I)
# ... or "where are they coming from" after asking who the new holder is, or when they start (nobody's words between:
# not "who is kent's new DCS? she says referrals are up - where are they coming from?")
_PRONOUN_COMING_FROM_RE = re.compile(r"\bwhere(?:['’]s|\s+is|\s+are)\s+(?:she|he|they)\s+coming\s+from\s*(?:[?.!,;]|$)",
                                     re.I)
_WHO_IS_NEW_RE = re.compile(r"\bwho(?:['’]s|\s+is|\s+will\s+be)\s+(?:it|(?:the|their|its|[\w'’-]+['’]s?)\s+new)\b|"
                            r"\bwhen\s+(?:do|does|will)\s+(?:they|she|he)\s+start\b", re.I)
_SAYS_RE = re.compile(r"\b(?:says?|said|reports?|reported|claims?|claimed|told|tells)\b", re.I)


def _asks_where_new_holder_comes_from(question: str) -> bool:
    if not (m := _PRONOUN_COMING_FROM_RE.search(question)):
        return False
    before = question[:m.start()]
    return bool(_WHO_IS_NEW_RE.search(before) and re.search(_NEW_POST, before, re.I) and not _SAYS_RE.search(before))


# "Who is Nottingham's new permanent DCS?": a passage naming only the interim (or acting) holder is on another
# person; and the other way round ("who was the interim director during the visit?")
# (a holder of a post, beside the word: not "acting quickly", "temporary accommodation", "permanent homes", nor
# "permanent social worker posts")
_HOLDER = r"(?:[\w'’-]+\s+){0,2}?(?:dcs|director|chief\s+executive|head|leader|appointment)\b"
PERMANENT_ASKED_RE = re.compile(rf"\bpermanent\s+{_HOLDER}", re.I)
STANDING_IN_RE = re.compile(rf"\b(?:interim|acting|temporary)\s+{_HOLDER}", re.I)  # (asked, or a passage's holder)
PERMANENT_RE = re.compile(rf"\b(?:permanent(?:ly)?|substantive)\s+{_HOLDER}|\bappointed\s+(?:[\w'’-]+\s+){{0,3}}?"
                          rf"(?:permanent(?:ly)?|substantive)\b|"
                          rf"\b(?:dcs|director)\b[^.\n]{{0,40}}?\bon\s+a\s+permanent\b", re.I)
OTHER_HOLDER = 0.7


# "Why did the IoW decide to pull out of the shared arrangement?": a reason is asked, which a passage gives in so
# many words ("The main reason for ending the partnership is ...", "because", "so that"); the paper's summary of what
# was decided shares the question's words as well
REASON_ASKED_RE = re.compile(r"^\W*why\b|[,;:?–—-]\s*(?:and\s+)?why\s+(?:did|does|do|was|were|is|are|has|have|had)\b|"
                             r"\b(?:what|which)\s+(?:was|were|is|are)\s+(?:the\s+)?(?:main\s+|key\s+|stated\s+)?"
                             r"(?:reasons?|rationale)\b", re.I)
# (a cause after "due to", not a time: "due to take place in the spring")
REASON_RE = re.compile(r"\breasons?\b|\bbecause\b|\bso\s+that\b|\bin\s+order\s+to\b|\bowing\s+to\b|\brationale\b|"
                       # ("... looked at the whole improvement journey and was why this improvement was not reflected";
                       # not "the key question for members was why ...", a question restated)
                       # (nor "a member asked whether this was why ...")
                       r"(?<!\bwhether\s)(?<!\bif\s)\b(?:and|which|that|this)\s+(?:was|is)\s+why\b|\bthat['’]s\s+why\b|"
                       r"\bdue\s+to\s+(?!be\b|take\b|start\b|begin\b|open\b|close\b|end\b|meet\b|report\b|return\b|"
                       r"publish\b|visit\b)", re.I)


def reason_weight(question: str, text: str) -> float:
    return ANSWER_TYPE_BOOST if _asks_reason(question) and REASON_RE.search(text) else 1.0


@lru_cache(maxsize=256)  # (read once per question, not once per passage weighed)
def _asks_reason(question: str) -> bool:
    return bool(REASON_ASKED_RE.search(question))


def tenure_weight(question: str, text: str) -> float:
    if (asked := _tenure_asked(question)) is None:
        return 1.0
    held, other = (PERMANENT_RE, STANDING_IN_RE) if asked == "permanent" else (STANDING_IN_RE, PERMANENT_RE)
    return OTHER_HOLDER if other.search(text) and not held.search(text) else 1.0


@lru_cache(maxsize=256)
def _tenure_asked(question: str) -> str | None:
    """"permanent" or "standing in" when a question asks about one kind of holder of a post, not both."""
    permanent, standing_in = bool(PERMANENT_ASKED_RE.search(question)), bool(STANDING_IN_RE.search(question))
    return None if permanent == standing_in else "permanent" if permanent else "standing in"


# "How did Ofsted say services compared with the previous inspection, and what had the LA been graded at that
# time?": the comparison with an earlier inspection is asked; a passage naming that inspection ("deteriorated since
# the last inspection ... in 2012, when ... good") answers it, one on this inspection's grades alone does not.
_EARLIER = r"(?:previous|last|earlier|prior|former)\s+(?:[\w-]+\s+){0,2}?(?:inspection|judge?ment|rating|grade)s?\b"
# (its grade "at that time" only beside the earlier inspection: "In the 2019 JTAI, how was it judged back then?" asks
# that inspection's own)
EARLIER_INSPECTION_QUESTION_RE = re.compile(rf"\bcompar\w*\s+(?:with|to|against)\s+(?:[\w'’-]+\s+){{0,3}}?{_EARLIER}|"
                                            rf"(?=[^?]*\b{_EARLIER})[^?]*\b(?:been\s+)?(?:graded|rated|judged)\s+"
                                            r"(?:at\s+that\s+time|back\s+then|then|previously)\b", re.I)
EARLIER_INSPECTION_RE = re.compile(rf"\b{_EARLIER}|\bpreviously\s+(?:been\s+)?(?:judged|rated|graded|found)\b|"
                                   r"\blast\s+inspected\b", re.I)
EARLIER_INSPECTION_MISSING = 0.6  # (it cannot answer: as strong as a missing previous post)


def earlier_inspection_weight(question: str, text: str) -> float:
    return EARLIER_INSPECTION_MISSING if _asks_earlier_inspection(question) and not EARLIER_INSPECTION_RE.search(text) \
        else 1.0


@lru_cache(maxsize=256)
def _asks_earlier_inspection(question: str) -> bool:
    return bool(EARLIER_INSPECTION_QUESTION_RE.search(question))


# "Who presented the report to the committee?": the doer of the asked deed, named in the sentence that says it
# ("Gillian Thirlwell presented the report"), not inspectors named elsewhere for carrying out the visit.
WHO_VERB_RE = re.compile(r"^\W*(?:who|which\s+(?:(?!(?:did|do|does|was|were|is|are|has|have|had)\b)"
                         r"[\w'’-]+\s+){0,2}?(?:inspectors?|hmis?|people|person|"
                         r"officials?|officers?|councillors?|members?|directors?|managers?))\s+"
                         r"(?:from\s+[\w’'-]+\s+|at\s+[\w’'-]+\s+)?(?!(?:was|is|were|are|has|had|have|"
                         r"did|does|do|will|would|can|could|should|may|might|from|at)\b)([a-z]+)\b", re.I)
# Saying is told in many words ("commented publicly" is answered by "Bradley Simmons ... said"): one family.
_SAYING = "said|says|say|comment|commented|comments|added|told|tells|stated|states|spoke|remarked|responded|warned"
_IRREGULAR_DEEDS = {"led": "lead|led|leads|leading", "took": "take|took|taken|takes|taking",
                    "wrote": "write|wrote|written|writes", "gave": "give|gave|given|gives", "ran": "run|ran|runs",
                    "made": "make|made|makes", "met": "meet|met|meets",
                    **{verb: _SAYING for verb in _SAYING.split("|")}}
WHO_VERB_BOOST = 1.2


@lru_cache(maxsize=256)
def _asked_deed(question: str) -> re.Pattern | None:
    if not (m := WHO_VERB_RE.search(question)):
        return None
    verb = m.group(1).lower()
    if verb in _IRREGULAR_DEEDS:
        forms = _IRREGULAR_DEEDS[verb]
    elif verb.endswith("ied"):
        forms = verb[:-3] + r"(?:ied|ies|ying)"
    # (the forms of the verb, not its bare stem: "Present: Cllr Jo Example" is an attendance list, not who presented)
    elif verb.endswith("ed") and len(verb) > 4:
        forms = re.escape(verb[:-2]) + r"(?:ed|s|ing)|" + re.escape(verb[:-1]) + r"(?:d|s)"
    elif verb.endswith("s") and len(verb) > 3:  # "Who chairs the panel?"; the boost needs a person named with it
        forms = re.escape(verb[:-1]) + r"(?:s|ed|ing)"
    else:
        return None  # not a deed we can read ("who else")
    return re.compile(rf"\b(?:{forms})\b", re.I)


def who_verb_weight(question: str, text: str) -> float:
    deed = _asked_deed(question)
    if deed is None or not deed.search(text):
        return 1.0
    return WHO_VERB_BOOST if any(deed.search(text[a:b]) and holds("person", text[a:b])
                                 for a, b in sentence_spans(text)) else 1.0


# "which HMIs did the focused visit?": every inspector, as the letter's opening names them ("Her Majesty's Inspectors
# for this visit were Miriam Ashdown and Tobias Renwick"), before its sign-off naming one
SEVERAL_INSPECTORS_ASKED_RE = re.compile(r"\b(?:which|what|who\s+were\s+the|name\s+the|list\s+the)\s+(?:\w+\s+)?"
                                         r"(?:hmis|inspectors)\b", re.I)
_PERSON = r"(?-i:[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+)"
_SEVERAL_NAMED_RE = re.compile(rf"\b(?:inspectors|hmis)\b[^.]{{0,60}}?\b{_PERSON}\s*(?:,|\band\b)\s*{_PERSON}", re.I)
SEVERAL_NAMED_BOOST = 1.1


def several_named_weight(question: str, text: str) -> float:
    if not SEVERAL_INSPECTORS_ASKED_RE.search(question) or not _SEVERAL_NAMED_RE.search(text):
        return 1.0
    return SEVERAL_NAMED_BOOST


# "Tower Hamlets, the 2017 inspection that rated them inadequate: who was the lead inspector?": the words before a
# colon or dash set the scene (the grade there is not what is asked); the clause after it asks.
_ASKED_AFTER_RE = re.compile(r"(?::|\s[-–—])\s+(?=(?:who|whom|whose|what|when|which|how|why|where|did|does|do|is|"
                             r"are|was|were|has|have|had)\b)", re.I)
# (a question before the mark asks itself: "Who was the DCS at Kent - was she interim?")
_ASKS_FIRST_RE = re.compile(r"^\W*(?:who|whom|whose|what|when|which|how|why|where|did|does|do|is|are|was|were|has|have|"
                            r"had|can|could|should|would|will)\b", re.I)


# "Dudley - before Ofsted rated them inadequate in 2016, when did ...?": a short label, then a scene, then the question
_LABEL_BEFORE_SCENE_RE = re.compile(r"^\W*(?:[^?,.:;\s\-–—]|\s|(?<=\w)-(?=\w)){1,40}?\s(?:[-–—]|:)\s+"
                                    r"(?=(?:when|after|before|since|once|"
                                    r"following)\s)", re.I)


def asked_clause(question: str) -> str:
    """The clause that asks, after a scene set before a colon or dash (no question before it)."""
    m = _ASKED_AFTER_RE.search(question)
    if not m and (label := _LABEL_BEFORE_SCENE_RE.match(question)) \
            and SCENE_CLAUSE.match(rest := question[label.end():]):
        return rest  # (the scene after the label is set aside by the caller, as at a question's start)
    if not m or "?" in question[:m.start()] or _ASKS_FIRST_RE.match(question):
        return question
    return question[m.end():]


# "What would a separate care leavers judgement achieve?": a kind of judgement is the subject, no grade is asked.
KIND_OF_JUDGEMENT_RE = re.compile(r"\b(?:an?|the)\s+(?:separate|new|additional|extra|single|standalone|stand-alone|"
                                  r"distinct|specific)\s+(?:[\w'’-]+\s+){0,2}?judge?ments?\b", re.I)


def answer_type(question: str) -> str | None:
    """The first matching kind of answer the question asks for, or None."""
    question = TIME_CLAUSE.sub("", SCENE_CLAUSE.sub("", asked_clause(question)))
    for kind, pattern in QUESTION_TYPES:
        if pattern.search(KIND_OF_JUDGEMENT_RE.sub(" ", question) if kind == "judgement" else question):
            return kind
    if TERSE_ROLE_RE.search(question) and (not (aside := _TERSE_ROLE_SET_ASIDE_RE.search(question))
                                           or _TERSE_ROLE_WORD_RE.search(question, 0, aside.start())):
        return "person"  # "stockton ilacs lead inspector", "rotherham dcs 2014": the person in that role
    # "By how much had caseloads come down?": the change is a number (after the others: "when", "who" first)
    return "count" if CHANGE_QUESTION_RE.search(question) else None


# Keywords typed in a hurry that end on a person's role ask who held it (no question word, no verb before it).
# Not a topic about the role ("duties of the dcs", "training to become an hmi", "salary of rotherham chief executive").
_TERSE_ROLE = (r"(?:lead\s+inspectors?|hmis?|dcs|directors?\s+of\s+children['’]?s\s+services|commissioners?|"
               r"chief\s+executives?)\s*(?:(?:in\s+)?\d{4}\s*)?\??\s*$")
TERSE_ROLE_RE = re.compile(rf"^(?![^?]*\b(?:what|how|why|where|when|who|which|did|does|do|is|are|was|were|has|have|"
                           rf"had|can|could|say|said|find|found)\b)"
                           rf"(?!.*\b(?:of|for|about|to|with|on|become|into|from|by|against)\s+(?:(?:the|a|an)\s+)?"
                           rf"(?:[\w'’-]+\s+){{0,2}}{_TERSE_ROLE})[^?]*\b{_TERSE_ROLE}", re.I)
# ... not one listed bare in a closing set-aside: "sefton ilacs caseloads - the jan 2025 inspection, not the MV or the
# commissioner" (but "rotherham dcs 2014, not the interim dcs" and "rutland ilacs 2025 - not the 2021 SIF lead
# inspector" ask one)
_TERSE_ROLE_SET_ASIDE_RE = re.compile(rf"\bnot\s+(?:the\s+)?(?:[\w'’][\w'’-]*\s+){{0,3}}?(?:or|nor)\s+(?:the\s+|a\s+)?"
                                      rf"{_TERSE_ROLE}", re.I)
_TERSE_ROLE_WORD_RE = re.compile(_TERSE_ROLE.replace(r"\??\s*$", ""), re.I)


# The days of a date ("on November 6 and 7", "19 May") are no count.
_DAY_OF_MONTH = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_DATE_DAYS_RE = re.compile(rf"\b{_MONTH_NOT_MAY}\s+{_DAY_OF_MONTH}(?:\s*(?:and|to|-|–)\s*{_DAY_OF_MONTH})?\b"
                           rf"(?!\s+(?:children|families|social|staff|cases|people|young|per)\b)|"
                           rf"\b{_DAY_OF_MONTH}\s+(?:(?:and|to|-|–)\s+{_DAY_OF_MONTH}\s+)?{_MONTH_NOT_MAY}\b", re.I)


# "What judgement did Devon get at its 2019 inspection?": "judged as inadequate for the protection of children in
# 2013 and as requires improvement in the SIF in 2015" states grades, of other years. A grade tied to a year in its
# own clause ("inadequate ... in 2013", "in 2015 it was judged inadequate"), none of them asked, is not the grade
# asked for; a grade with a year only beyond a comma ("'Requires Improvement', having previously been judged
# 'Inadequate' since 2019") is untied. Only for a question whose year is the grade's ("its 2019 ILACS inspection",
# "What rating did X get in 2022?"), not a scene ("going into its 2019 annual engagement meeting, what grades had it
# been given?").
_YEAR = r"(?:19|20)\d\d"
GRADE_YEAR_QUESTION_RE = re.compile(rf"\b{_YEAR}\s+(?:ofsted\s+)?(?:ilacs|sif|inspection|judge?ment|rating|grade|"
                                    rf"re-?inspection)\b|"
                                    # (the year typed after: "stockport ilacs 2024 - overall judgement?")
                                    rf"\b(?:ilacs|sif|re-?inspection)\s+(?:in\s+)?{_YEAR}\b|"
                                    # (or the event after it: "devon full ILACS after the 2019 AEM")
                                    rf"\b(?:ilacs|sif|inspection|re-?inspection)\s+(?:after|following|since)\s+"
                                    rf"(?:the\s+|its\s+)?(?:\w+\s+)?{_YEAR}\b|"
                                    rf"\b(?:inspect\w*|rat(?:ed|ing)|judge?d|judge?ment|grade[ds]?|"
                                    rf"given|get|got|receiv\w+)\b[^,;?]{{0,60}}?\b(?:in|during|for)\s+(?:\w+\s+)?{_YEAR}\b",
                                    re.I)
# (every year of the clause counts: "rated good in 2018 and again in 2022"; "since 2018" is every year from it)
_TIED_AFTER_RE = re.compile(rf"^[^,;.]{{0,60}}?\b(?:in|since|of|during)\s+(?:\w+\s+)?{_YEAR}\b[^,;.]{{0,40}}", re.I)
_TIED_BEFORE_RE = re.compile(rf"\b(?:in|since|during)\s+(?:\w+\s+)?{_YEAR}\b[^,;.]{{0,50}}$|"
                             # (or in a clause on the subject: "The report, published in January 2016, judged ...")
                             rf",\s*(?:published|issued|released|dated|sent|carried\s+out|conducted|undertaken)\s+"
                             rf"(?:in|on)\s+(?:\w+\s+){{0,3}}{_YEAR},[^,;.]{{0,50}}$", re.I)
_CLAUSE_YEAR_RE = re.compile(rf"\b(since\s+(?:\w+\s+)?)?({_YEAR})\b", re.I)


# An audit's share of cases given a grade, not an inspection's: "58% were judged good or better", "plans rated good
# or outstanding"
# (the share the subject graded: "58% were", "75% of audits were"; not "a 20% rise in demand Rutland was")
_AUDIT_SHARE_BEFORE_RE = re.compile(r"(?:\d\s*%|\bper\s*cent)(?:\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){1,5}?)?\s*"
                                    r"(?:were|was|are|is)\s+(?:(?:rated|judged|graded)\s+(?:as\s+)?)?$", re.I)
_AUDIT_SCALE_AFTER_RE = re.compile(r"\s+or\s+(?:better|above|outstanding)\b", re.I)
_GRADE_VERB_RE = re.compile(r"(?:(?:rated|judged|graded)\s+(?:as\s+)?)?", re.I)  # (a grade match's verb, if any)


def _grades_with_years(text: str) -> list[tuple[re.Match, list[tuple[str, str]]]]:
    """Each grade stated in `text` (see EVIDENCE["judgement"]) with the (since, year) pairs of the clause tying it to
    a time; none when it is untied. Not an audit's ("58% were judged good or better")."""
    found = []
    for m in EVIDENCE["judgement"].finditer(text):
        if _AUDIT_SCALE_AFTER_RE.match(text, m.end()) \
                or _AUDIT_SHARE_BEFORE_RE.search(text, max(0, m.start() - 60),
                                                 _GRADE_VERB_RE.match(text, m.start()).end()):
            continue
        tied = _TIED_AFTER_RE.search(text[m.end():m.end() + 100]) \
            or _TIED_BEFORE_RE.search(text[max(0, m.start() - 70):m.start()])
        found.append((m, _CLAUSE_YEAR_RE.findall(tied.group(0)) if tied else []))
    return found


def grades_given(question: str, years: range) -> set[str]:
    """The grades a question gives, less those it ties to other years than `years` ("Devon was judged inadequate in
    2016. What did the 2018 inspection find?" gives no grade of 2018)."""
    return {grade for m, tied in _grades_with_years(question)
            if not tied or any(int(year) in years for _, year in tied) for grade in grades_named(m.group(0))}


NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_YEARS_BACK = {"a": 1, "an": 1, "one": 1, **NUMBER_WORDS}
# A grade dated back from the day its page was written: "rated good at its last full inspection two years ago",
# "judged inadequate last year"
# (before any other grade or event it could date: not "rated good after being judged inadequate two years ago"; "the
# previous year" counts from the story's own time, not the page's)
_YEARS_AGO_RE = re.compile(r"^(?:(?!\b(?:rated|judged|graded|inadequate|good|outstanding|requir\w+|after|since|"
                           r"following|before|when|but|and)\b)[^;.]){0,60}?\b(?:last\s+(year)|"
                           rf"({'|'.join(_YEARS_BACK)}|\d{{1,2}})\s+years?\s+ago)\b", re.I)


def holds_grade_of(text: str, years: range | None, question: str = "", written: int | None = None) -> bool:
    """A grade stated in `text` (see EVIDENCE["judgement"]) not tied to years outside `years`, nor (on a page written
    in the year `written`) dated back from it to another year."""
    if years is None or not GRADE_YEAR_QUESTION_RE.search(question):
        return holds("judgement", text)

    def of_years(m: re.Match, tied: list[tuple[str, str]]) -> bool:
        if tied:
            return any(int(year) in years or since and int(year) <= years[-1] for since, year in tied)
        back = _YEARS_AGO_RE.search(text[m.end():m.end() + 100]) if written else None
        return not back or written - (1 if back.group(1) else _YEARS_BACK.get(back.group(2).lower())
                                      or int(back.group(2))) in years

    return any(of_years(m, tied) for m, tied in _grades_with_years(text))


# A kind of setting a grade may be given to: "what grade did Ofsted give the new family hub?" is not answered by "The
# building shares a site with Ruscote Brook Nursery School, which Ofsted rated good"
_SETTING_KINDS = {"hub": r"(?:family|children['’]?s)\s+hubs?", "nursery": r"nurser(?:y|ies)",
                  # (a school of a kind: not "the virtual school", "school exclusions")
                  "school": r"(?:nursery|primary|secondary|special|infant|junior|independent|free)\s+schools?",
                  "home": r"(?:children['’]?s|care|residential)\s+homes?|\bhomes",
                  "fostering": r"fostering\s+(?:agenc(?:y|ies)|services?)",
                  "adoption": r"adoption\s+(?:agenc(?:y|ies)|services?|performance)"}
_SETTING_RES = {kind: re.compile(rf"\b{pattern}\b", re.I) for kind, pattern in _SETTING_KINDS.items()}


def _settings_named(text: str) -> frozenset[str]:
    return frozenset(kind for kind, pattern in _SETTING_RES.items() if pattern.search(text))


def _setting_graded(sentence: str, grade_at: int) -> frozenset[str]:
    """The kind of setting a grade in `sentence` is given to: the last named before it ("... Nursery School, which
    Ofsted rated good in June 2023, and parents ... use the hub's services"), else any named after it."""
    before = [(m.end(), kind) for kind, pattern in _SETTING_RES.items()
              for m in pattern.finditer(sentence, 0, grade_at)]
    if before:
        last = max(end for end, _ in before)
        return frozenset(kind for end, kind in before if end == last)
    return _settings_named(sentence[grade_at:])


# The clause asking the grade: "What grade did Kent get at its 2022 ILACS, and what did inspectors say about the
# nursery school?" asks Kent's grade
_CLAUSE_SPLIT_RE = re.compile(r"[?;.!]|,\s*(?:and\s+)?|\s+and\s+(?=(?:what|which|who|how|did|does|was|were|is|are)\b)",
                              re.I)
_GRADE_ASKED_WORD_RE = re.compile(r"\b(?:grades?|graded|ratings?|rated|judge?ments?|judged)\b", re.I)


@lru_cache(maxsize=256)
def _settings_asked_graded(question: str) -> frozenset[str]:
    return frozenset().union(*(_settings_named(c) for c in _CLAUSE_SPLIT_RE.split(question)
                               if _GRADE_ASKED_WORD_RE.search(c)))


def grades_other_setting_only(text: str, head: str, question: str) -> bool:
    """Asked the grade of a kind of setting, `text` grades none: its grades' sentences name another kind (or none,
    on a page whose opening, `head`, names no setting asked: a council's inspection report)."""
    asked = _settings_asked_graded(question)
    if not asked:
        return False
    graded = [_setting_graded(text[a:b], m.start()) for a, b in sentence_spans(text)
              if (m := EVIDENCE["judgement"].search(text[a:b]))]
    return not any(kinds & asked or not kinds and _settings_named(head) & asked for kinds in graded)


# A grade hoped for, not given: "its ambition to be rated good", "hoped to be judged good by 2019"
_GRADE_AIMED_RE = re.compile(r"\b(?:aim\w*|ambition\w*|hop\w+|expect\w*|plan\w*|want\w*|target\w*|strive\w*|"
                             r"determined|intend\w*|goal)\b[^.;]{0,40}$", re.I)


def grades_tied_to(text: str, years: range) -> list[set[str]]:
    """The grades `text` ties to one of `years` ("The last full inspection in 2017 was rated 'Requires Improvement'"),
    each as its stems; not one hoped for ("In 2017 the council set out its ambition to be rated good")."""
    return [grades_named(m.group(0)) for m, tied in _grades_with_years(text)
            if any(not since and int(year) in years for since, year in tied)
            and not _GRADE_AIMED_RE.search(text[max(0, m.start() - 60):m.start()])]


def grade_tied_to(text: str, years: range) -> bool:
    return bool(grades_tied_to(text, years))


@lru_cache(maxsize=50_000)
def holds(kind: str, text: str) -> bool:
    if kind == "count":
        text = _DATE_DAYS_RE.sub(" ", text)
    return bool(EVIDENCE[kind].search(text))


# A byline without "By": a name alone on its line, the story's date on the next ("Joe Lepper\nWednesday, May 9, 2018"):
# who wrote the story (no other person: "which lead HMI ...?" is not answered by the reporter's name)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
BYLINE_NAME_RE = re.compile(rf"(?m)^[^\S\n]*{_NAME}[^\S\n]*\n\s*(?:{_WEEKDAY},?[^\S\n]+)?(?:\d{{1,2}}[^\S\n]+)?"
                            rf"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
                            rf"[^\S\n]+(?:\d{{1,2}},?[^\S\n]+)?(?:19|20)\d\d\b")


_GRADE = r"[\"“‘']?(?:inadequate|requir(?:es?|ing)\s+improvement(?:\s+to\s+be\s+good)?|good|outstanding)\b"
# (not beside the areas asked: "overall inadequate, but which judgement areas only got RI?")
OVERALL_ASKED_RE = re.compile(r"^(?![^?]*\b(?:which|what|other)\s+(?:(?:judge?ment|inspection|service)\s+)?"
                              r"(?:areas|judge?ments)\b)[^?]*\boverall\b", re.I)
# The overall grade: "overall effectiveness: inadequate", "the overall judgement is that ...", "judged good overall",
# "Overall, services for children in X are inadequate", "Children's services in X are now judged to require
# improvement to be good" (services as a whole, not one area's "help and protection ... rated as requiring ...").
# Not "the judgements ... that contribute to overall effectiveness are: ...", nor past a sentence's end.
OVERALL_GRADE_RE = re.compile(rf"(?<!to\s)\boverall\s+(?:judge?ment|effectiveness|grade|rating)\b"
                              rf"[^.\n]{{0,80}}?{_GRADE}|"
                              rf"\b(?:judged|rated|graded)\s+(?:as\s+|to\s+be\s+)?{_GRADE}[\"”’']?\s+overall\b|"
                              rf"\b(?:judged|rated|graded)\s+{_WHOLE_SERVICE}\s+(?:as\s+|to\s+(?:be\s+)?){_GRADE}"
                              rf"(?!{_AN_AREA})|"
                              rf"\boverall,\s+[^.\n]{{0,60}}?\b(?:are|is|were|was|remains?)\s+(?:now\s+)?{_GRADE}|"
                              rf"\bservices(?:\s+for\s+children)?(?:\s+in\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,3}})?\s+"
                              rf"(?:are|were|is|was|remain)\s+(?:now\s+|still\s+)?(?:(?:judged|rated|graded)\s+"
                              rf"(?:as\s+|to\s+(?:be\s+)?)?)?{_GRADE}", re.I)


# "Which judgements came out good, and what was the overall grade?": the grade asked is this inspection's. A passage
# whose every overall grade is an earlier inspection's ("2.3 At the previous inspection in 2019 the council's
# children's services were judged good overall.") loses the overall grade's boost, unless the question names that
# earlier inspection.
# (the earlier inspection told before the grade in its sentence, with nothing of now between: not "now judged to be
# good overall, ... since the last inspection", nor "previously judged inadequate, are now rated good overall")
RECALLED_OVERALL_PENALTY = 1 / OVERALL_GRADE_BOOST
_NOW_RE = re.compile(r"\b(?:now|currently|today|this\s+(?:inspection|time)|latest|new)\b", re.I)
# (a question on the earlier one: "at the previous inspection"; "its last inspection" is the latest)
_EARLIER_ASKED_RE = re.compile(r"\b(?:previous|earlier|prior|former)\s+(?:[\w-]+\s+){0,2}?(?:inspection|judge?ment|"
                               r"rating|grade)s?\b|\bpreviously\b|\bbefore\s+that\b", re.I)


def recalled_overall_weight(kind: str | None, question: str, text: str) -> float:
    if kind != "judgement" or not _asks_this_overall(question):
        return 1.0
    grades = list(OVERALL_GRADE_RE.finditer(text))
    return RECALLED_OVERALL_PENALTY if grades and all(_recalled_grade(text, m) for m in grades) else 1.0


@lru_cache(maxsize=256)
def _asks_this_overall(question: str) -> bool:
    return bool(OVERALL_ASKED_RE.search(question)) and not _EARLIER_ASKED_RE.search(question)


def _recalled_grade(text: str, grade: re.Match) -> bool:
    start, _ = line_or_sentence(text, grade.start(), grade.end())
    earlier = list(EARLIER_INSPECTION_RE.finditer(text, start, grade.start()))
    return bool(earlier) and not _NOW_RE.search(text, earlier[-1].end(), grade.end())


def answer_type_weight(kind: str | None, text: str, role: str | None = None, event: str | None = None,
                       counted: frozenset[str] = frozenset(), overall: bool = False) -> float:
    """ANSWER_TYPE_BOOST for a passage holding the asked kind of fact; for "which director ..." (a role asked
    about), one naming somebody and that role: a councillor quoted beside the director's work is not the answer.
    For "when was it published / did it take place" (`event`, see asked_event), a date in a sentence saying so
    weighs EVENT_DATE_BOOST more: a story's other dates are not the asked one. For "how many X" (`counted`: the
    stems of X), a number of X, not any number (a letter's "on 4 and 5 February" opening); for "what was the
    overall judgement" (`overall`), the overall grade, not the areas' grades."""
    if kind == "person" and role == "wrote" and BYLINE_NAME_RE.search(text):
        return ROLE_PERSON_BOOST  # (a byline: "Nina Jacobs" on its own line above "Monday, July 22, 2019")
    if not kind or not holds(kind, text):
        return 1.0
    if kind in ("decision", "questions"):
        return STATED_ITEMS_BOOST
    if kind == "count" and counted:
        return COUNT_OF_ASKED_BOOST if states_count(counted, text, before=True) else 1.0
    if kind == "timescale":
        return ANSWER_TYPE_BOOST * (MEASURED_TIME_BOOST if MEASURED_TIME_RE.search(text) else 1.0)
    if kind == "judgement" and overall:
        return OVERALL_GRADE_BOOST if OVERALL_GRADE_RE.search(text) else 1.0
    if kind == "date" and not states_own_date(text) and not (event == "judged" and dates_event(event, text)):
        return 1.0  # only a recalled date: "Since the last monitoring visit in February 2017, ..."
    if kind == "date" and event:
        return ANSWER_TYPE_BOOST * (EVENT_DATE_BOOST if dates_event(event, text) else 1.0)
    if role is None:
        return ANSWER_TYPE_BOOST
    return ROLE_PERSON_BOOST if names_person_in_role(role, text) else 1.0


_RECALLS_BEFORE_RE = re.compile(r"\b(?:since|last|previous|earlier|prior(?!\s+to))\s+(?:[\w-]+\s+){0,4}?(?:in|on|of)?\s*$",
                                re.I)


@lru_cache(maxsize=50_000)
def states_own_date(text: str) -> bool:
    """A date not recalled as an earlier event's ("since the last monitoring visit in February 2017")."""
    return any(not _RECALLS_BEFORE_RE.search(text[max(0, m.start() - 50):m.start()])
               for m in EVIDENCE["date"].finditer(text))


# The events a "when" question asks the date of, and the words a sentence dating that event uses.
DATE_EVENTS = {
    "published": (re.compile(r"\bpublish\w*|\bpublication\b|\b(?:come|came|comes)\s+out\b", re.I),
                  re.compile(r"\bpublish\w*|\bpublication\b|\breport\s+date\b", re.I)),
    "took place": (re.compile(r"\b(?:take|took|taken)\s+place\b|\bcarr(?:y|ied)\s+out\b|\bconduct(?:ed)?\b|"
                              r"\bwhen\s+(?:was|were)\s+(?:the\s+)?fieldwork\b|"
                              r"\bon\s+what\s+dates?\b|\b(?:make|made|pay|paid)\b[^?]{0,40}\bvisit\b|"
                              # "When was Havering's third monitoring visit done?", "when did Ofsted come in?"
                              r"\bwhen\s+(?:was|were|did)\b[^?,;]{0,60}?\b(?:visit|inspection|mv|ofsted|inspectors?|"
                              r"hmis?|jtai)\b[^?,;]{0,30}?\b(?:done|held|on\s+site|(?:go|went|come|came)\s+in)\b|"
                              # (of the inspectors asked before: "which HMIs did the visit and when were they on
                              # site?")
                              r"\bwhen\s+(?:was|were|did)\s+(?:they|she|he)\s+(?:on\s+site|(?:go|come)\s+in)\b|"
                              # "what dates were HMI actually on site?"
                              r"\b(?:what|which)\s+(?:dates?|days?)\s+(?:was|were|did)\s+(?:[\w'’-]+\s+){0,3}?"
                              r"(?:hmis?|inspectors?|ofsted|the\s+(?:inspection\s+)?team)\s+(?:actually\s+|really\s+)?"
                              r"(?:on[\s-]site|(?:go|come)\s+in)\b(?![^?]*\bnext\b)",
                              re.I),
                   re.compile(r"\b(?:took|taken|take)\s+place\b|\b(?:carried\s+out|conducted|undert(?:aken|ook))\b|"
                              r"\bvisited\b|"
                              r"\binspection\s+dates?\b|"
                              r"\bon\s+site\b|\bvisit(?:\s+\w+){0,3}\s+(?:on|from|between)\b|"
                              # "the monitoring visit to Torbay children's services on 14 and 15 June 2017", "This
                              # inspection was led by Jo Bell HMI, supported by four inspectors, between 10 and 21 ..."
                              rf"\b(?:visit\s+to\b[^.]{{0,60}}?|inspection\s+was\s+(?:led|carried\s+out|undertaken|"
                              rf"conducted)\b[^.\n]{{0,120}}?)\s(?:on|from|between)\s+"
                              rf"{_DAY_OF_MONTH}"
                              rf"(?:\s*(?:and|to|-|–)\s*{_DAY_OF_MONTH})?\s+{_MONTH}", re.I)),
}
# "When did X start as director?": the sentence dating the appointment
DATE_EVENTS["started"] = (
    re.compile(r"\b(?:start(?:ed)?|beg[ai]n|join(?:ed)?|take\s+up|took\s+up|took\s+over)\b|"
               r"\b(?:was|were|been|be|is|are)\s+(?:[\w'’-]+\s+){0,3}?appointed\b", re.I),
    re.compile(r"\b(?:took\s+up|took\s+over|started|joined|began|appointed|appointment|arrived|went\s+live|"
               r"launched)\b", re.I))  # ("The trust went live on 1 October 2019")
# "Which month and year was Bromley judged inadequate?": the sentence dating the judgement, often as what a later
# visit measures from ("the fifth monitoring visit since its inadequate rating in June 2016")
_GRADE_WORDS = r"(?:inadequate|requires\s+improvement|good|outstanding)"
# (a grade as a judgement, not a finding's adjective: "found inadequate for", "found to be good." but not "found good
# progress")
_NO_NOUN_AFTER = r"(?!\s+(?!(?:for|in|at|by|on|overall|across|and|when|after|before|to|as|from)\b)[a-z])"
DATE_EVENTS["judged"] = (
    # (the clause asking when: not "which councils Ofsted had rated inadequate ... - when was it tabled?")
    re.compile(rf"\b(?:when|(?:what|which)\s+(?:date|day|month|year))\b[^?,;]{{0,60}}?"
               rf"(?:\b(?:judged|rated|graded|deemed|declared|downgraded|upgraded|put\s+(?:in|into))\s+(?:to\s+)?"
               rf"(?:[\w'’-]+\s+){{0,2}}?(?:{_GRADE_WORDS}|ri)\b|"
               # ("found inadequate for child protection", "found to be inadequate"; not "found good progress")
               rf"\bfound\s+(?:to\s+be\s+)?['‘\"“]?{_GRADE_WORDS}\b['’\"”]?{_NO_NOUN_AFTER}|"
               rf"\b(?:go|goes|gone|went)\s+(?:to\s+)?(?:{_GRADE_WORDS}|ri)\b|"
               # "When did X get a good rating from Ofsted?"
               rf"\b(?:get|gets|got|receive[sd]?|achieve[sd]?|earn(?:s|ed)?|win|won)\s+(?:an?\s+|the\s+|its\s+)?"
               rf"(?:{_GRADE_WORDS}|ri)\s+(?:rating|judge?ment|grade)\b)", re.I),
    # (a grade given, not "managers showed good judgement" or "inspectors found much good practice")
    re.compile(rf"\b(?:judged|rated|graded|deemed)\s+(?:to\s+be\s+|as\s+)?(?:[\w'’-]+\s+){{0,2}}?{_GRADE_WORDS}\b|"
               rf"\bfound\s+to\s+be\s+['‘\"“]?{_GRADE_WORDS}\b|"
               rf"\b(?:inadequate|requires\s+improvement|outstanding)\s+(?:rating|judge?ment|grade)\b|"
               rf"\bgood\s+(?:rating|grade)\b", re.I))
# "When did the partners send their written statement of action to Ofsted?": the sentence dating its sending
# ("submitted to Ofsted on 6 November 2024"), not the deadline it was set ("must be sent to Ofsted by ...")
DATE_EVENTS["sent"] = (
    # (something sent to a body: "send their written statement of action to Ofsted", "submit the plan"; not "when did
    # inspectors return")
    re.compile(r"\b(?:send|sends|sent|submit(?:s|ted)?|deliver(?:s|ed)?|hand(?:s|ed)?\s+in)\b[^?]{0,80}?"
               r"\b(?:to\s+(?:ofsted|the\s+dfe|the\s+department|the\s+minister)|plan|statement|wsoa|response)\b",
               re.I),
    re.compile(r"(?<!\bmust\sbe\s)(?<!\bshould\sbe\s)(?<!\bwill\sbe\s)(?<!\bto\sbe\s)(?<!\bdue\sto\sbe\s)"
               rf"\b(?:submitted|sent|delivered|handed\s+in)\b[^.\n]{{0,40}}?\b(?:on|in)\s+"
               rf"(?:{_DAY_OF_MONTH}\s+)?{_MONTH}\b", re.I))
# "When did the DfE lift Lancashire's improvement notice?": the sentence dating its lifting ("On 21 May 2024 the DfE
# wrote ... to confirm that the improvement notice ... has been lifted"), not the next steps' dates
_NOTICE = r"(?:improvement\s+notice|notice|statutory\s+direction|direction|intervention)"
_LIFTED = r"(?:lifted|removed|revoked|withdrawn)"
DATE_EVENTS["lifted"] = (
    re.compile(rf"\b(?:lift(?:s|ed|ing)?|remov(?:e|es|ed|al)|revok(?:e|es|ed)|withdr[ae]wn?|end(?:s|ed)?)\b"
               rf"[^?]{{0,60}}?"
               rf"\b{_NOTICE}\b|\b{_NOTICE}\b[^?]{{0,60}}?\b{_LIFTED}\b", re.I),
    # (the notice in the sentence: not "40 children were removed from the register in the year ended 31 March")
    re.compile(rf"\b(?:{_LIFTED}|lifting|removal|revocation)\b[^.\n]{{0,80}}?\b{_NOTICE}\b|"
               rf"\b{_NOTICE}\b[^.\n]{{0,80}}?\b{_LIFTED}\b|\bno\s+longer\s+under\b", re.I))
# "soton jtai wsoa - when was it due?": the sentence dating its deadline ("should be sent to Ofsted by 1 July 2025"),
# not the inspection's own dates
# (or a date committed to: "what date has the LA committed to stop using it by?", "We will end the use of bed and
# breakfast accommodation for care leavers by 31 March 2026")
DATE_EVENTS["due"] = (
    re.compile(r"\bwhen\s+(?:was|were|is|are)\s+(?:[\w'’-]+\s+){0,5}?due\b|\b(?:due|deadline)\s+date\b|"
               r"\bwhat\s+(?:was|is)\s+the\s+deadline\b|\bwhen\s+(?:was|is)\s+the\s+deadline\b|"
               r"\b(?:what|which)\s+date\b[^?]{0,80}?\bby\s*\??\s*$", re.I),
    re.compile(rf"\b(?:will|would|committed\s+to|pledged\s+to|promised\s+to|plans?\s+to|aims?\s+to)\s+"
               rf"(?:[\w'’-]+\s+){{1,12}}?by\s+(?:{_DAY_OF_MONTH}\s+{_MONTH}|{_MONTH_NOT_MAY})\b|"
               rf"\b(?:must|should|will|is\s+to|are\s+to|needs?\s+to)\s+be\s+(?:[\w'’-]+\s+){{0,2}}?"
               rf"(?:sent|submitted|completed|published|delivered|returned|provided)\b[^.\n]{{0,60}}?\bby\s+"
               rf"(?:{_DAY_OF_MONTH}\s+{_MONTH}|{_MONTH_NOT_MAY})\b|"
               # (not a cause: "Due to staff shortages in May 2023, ...")
               rf"\b(?:deadline|due(?!\s+to\b))\b[^.\n]{{0,40}}?\b(?:{_DAY_OF_MONTH}\s+{_MONTH}|{_MONTH_NOT_MAY})\b",
               re.I))
EVENT_DATE_BOOST = 1.15


# "Has East Riding ever been judged outstanding?": whether the grade was ever given (answered only by a passage
# giving it)
EVER_GRADE_RE = re.compile(rf"\b(?:ever|never)\s+(?:been\s+)?(?:judged|rated|graded|got|gotten|received|achieved|"
                           rf"given)\s+(?:an?\s+|as\s+|to\s+be\s+)?['‘\"“]?(?:{_GRADE_WORDS}|ri)\b|"
                           # (a grade lost and asked back: "did they win back good?", "regained its good rating")
                           # (the grade itself, not "good social workers", "back to good levels")
                           rf"\b(?P<back>(?:win|won|get|got|gotten)\s+back(?:\s+to)?|regain(?:ed|s|ing)?|back\s+to)\s+"
                           rf"(?:(?:its|their|the|a)\s+)?['‘\"“]?(?:good|outstanding)['’\"”]?"
                           rf"(?=\s*(?:[?.!,;)]|$)|\s+(?:(?:ofsted\s+)?(?:rating|grade|judge?ment)|again|overall)\b)|"
                           # (or the councils given it asked, all that is asked: "Which LA was the first to be graded
                           # outstanding ...?"; not "Which council was rated outstanding, and what did inspectors say
                           # about ...?", nor a scene, "There was a question on which councils were rated inadequate")
                           rf"^\W*(?:which|what)\s+(?:las?|councils?|local\s+authorit(?:y|ies)|authorit(?:y|ies))\b"
                           rf"[^?]{{0,40}}?\b(?:judged|rated|graded)\s+(?:as\s+)?['‘\"“]?(?:{_GRADE_WORDS}|ri)\b"
                           rf"(?![^?]*\band\s+(?:what|how|why|who|when|where|which|did|does|do|was|were|is|are)\b)",
                           re.I)


_INSPECTION_WORD_RE = re.compile(r"\b(?:ilacs|sif|inspect\w*|ofsted|ratings?|rated|grades?|graded|judge?ments?|"
                                 r"downgrad\w*|upgrad\w*|inadequate|ri)\b", re.I)


def judged_grade_asked(question: str) -> str | None:
    """The grade whose date a "when" question asks ("When did X get a good rating?": "good"; "ri" as written), or
    whether it was ever given asks."""
    # (asked when: not a scene, "When Ofsted rated X inadequate in 2017, who was the director?")
    m = DATE_EVENTS["judged"][0].search(question) if asked_event(question) == "judged" else None
    m = m or EVER_GRADE_RE.search(question)
    if m and m.re is EVER_GRADE_RE and m.group("back") and not _INSPECTION_WORD_RE.search(question):
        m = None  # ("sefton 2025 assessment timeliness - back to good?": performance, not a grade)
    grade = re.search(rf"\b(?:{_GRADE_WORDS}|ri)\b", m.group(0), re.I) if m else None
    return re.sub(r"\s+", " ", grade.group(0).lower()) if grade else None


@lru_cache(maxsize=50_000)
def gives_grade(grade: str, text: str) -> bool:
    """A sentence of `text` giving `grade` (see judged_grade_asked) as a judgement: "rated good", "a good rating",
    "good overall" (not "good progress")."""
    text = _RI_TO_GOOD_RE.sub("improvement", text)
    return any(not (_GRADE_PURPOSE_RE.search(text, max(0, m.start() - 20), m.start())
                    and _PURPOSE_CLAUSE_END_RE.match(text, m.end()))
               for m in _grade_given_re(grade).finditer(text)) or bool(_grade_given_back_re(grade).search(text))


# A grade as a purpose, given to nobody: "To be judged as outstanding, councils will have to demonstrate ..." (not
# "the first council to be rated outstanding", nor a subject: "To be judged outstanding again is a tribute to staff")
_GRADE_PURPOSE_RE = re.compile(r"(?:^|[.!?:]\s+|\bin\s+order\s+)to\s+be\s+$", re.I)
_PURPOSE_CLAUSE_END_RE = re.compile(r"(?:(?!\b(?:is|was|are|were)\b)[^.,;]){0,60},")


@lru_cache(maxsize=8)
def _grade_given_back_re(grade: str) -> re.Pattern:
    """A grade given back, told as done: "are back to good", "upgraded to good", "has won back its good rating" (not
    a wish, "will get back to good by 2025", nor "good" describing something else, "back to good levels")."""
    word = _grade_word(grade)
    return re.compile(rf"\b(?:(?:is|are|was|were|now)\s+back\s+to|upgraded\s+to|(?:won|regained)\s+back|regained)"
                      rf"\s+(?:(?:its|their|a)\s+)?['‘\"“]?(?:{word})['’\"”]?"
                      rf"(?=\s*(?:[.,;:!?)]|$)|\s+(?:(?:ofsted\s+)?(?:rating|grade|judge?ment)|overall|again|by\s+"
                      rf"ofsted|from|after|at|in\s+(?:its|the|their)\s+(?:latest\s+)?(?:inspection|ilacs))\b)", re.I)


_RI_TO_GOOD_RE = re.compile(r"\bimprovement\s+to\s+be\s+good\b", re.I)  # ("requires improvement to be good": no good)


@lru_cache(maxsize=8)  # (one pattern per grade)
def _grade_word(grade: str) -> str:
    """How a text writes a grade asked ("ri" and "requires improvement" either way)."""
    return r"(?:requires|requiring)\s+improvement|ri\b" if grade in ("ri", "requires improvement") else re.escape(grade)


def _grade_given_re(grade: str) -> re.Pattern:
    word = _grade_word(grade)
    # (assessed as a grade, not a share of audited cases: "68% were assessed as good")
    return re.compile(rf"\b(?:(?:judged|rated|graded|deemed|found\s+to\s+be|"
                      rf"(?<!%\swere\s)(?<!%\sare\s)(?<!cent\swere\s)"
                      rf"(?<!cent\sare\s)assessed)\s+(?:{_WHOLE_SERVICE}\s+)?(?:to\s+be\s+|as\s+)?|"
                      rf"remains?\s+|now\s+)['‘\"“]?"
                      rf"(?:{word})|"
                      rf"['‘\"“]?\b(?:{word})['’\"”]?[^\S\n]+(?:ratings?|judge?ment|grade|overall)\b|"
                      # (in the plural only as quoted, a grade's own word: "with ‘Good’ judgements for children in
                      # care"; not "good judgements about risk")
                      rf"['‘\"“](?:{word})['’\"”][^\S\n]+(?:judge?ments|grades)\b", re.I)


# "which of the judgement areas actually came out Good?", "any judgement area still graded good?": the grade asked
# of the areas, so a passage giving it ("with ‘Good’ judgements for children in care") weighs over one giving only
# the overall grade
AREA_GRADE_ASKED_RE = re.compile(rf"\b(?:areas?|judge?ments?)\b[^?]{{0,40}}?\b(?:came\s+out|come\s+out|were|was|got|"
                                 rf"rated|judged|graded|received|given)\s+(?:as\s+)?['‘\"“]?({_GRADE_WORDS}|ri)\b",
                                 re.I)
AREA_GRADE_BOOST = 1.3


@lru_cache(maxsize=256)
def area_grade_asked(question: str) -> str | None:
    m = AREA_GRADE_ASKED_RE.search(question)
    return re.sub(r"\s+", " ", m.group(1).lower()) if m else None


def area_grade_weight(question: str, text: str) -> float:
    grade = area_grade_asked(question)
    return AREA_GRADE_BOOST if grade and (gives_grade(grade, text) or _area_line_gives(grade, text)) else 1.0


_AREA_LINE_GRADES = {"inadequate": "Inadequate", "good": "Good", "outstanding": "Outstanding",
                     "ri": "Requires improvement", "requires improvement": "Requires improvement"}


def _area_line_gives(grade: str, text: str) -> bool:
    """A judgement table's line giving `grade`, capitalised as a cell: "The experiences and progress of children in
    care – Requires improvement to be good", "Help and protection: Good"."""
    word = _AREA_LINE_GRADES.get(grade)
    return bool(word) and bool(re.search(rf"[-–:|]\s*['‘\"“]?{word[0]}(?i:{word[1:]})\b", text))


def asked_event(question: str) -> str | None:
    """The event whose date a "when" question asks ("When was the report published?": "published")."""
    if answer_type(question) != "date":
        return None
    if event := next((name for name, (asked, _) in DATE_EVENTS.items() if asked.search(question)), None):
        return event
    kept = _SET_ASIDE_TAIL_RE.sub(" ", question)
    return "took place" if VISIT_DATES_RE.search(kept) and not _ANOTHER_WHEN_RE.search(kept) else None


# Typed in a hurry, the dates of a visit are when it took place: "soton mv2 dates", "tameside jtai fieldwork dates"
# (where no other event is asked: "dcs start date vs ilacs dates" asks the start, "sif dates - when did the dcs leave?"
# the leaving; not one set aside, "not the ilacs dates"; not a visit to come, "next mv dates", nor a report's date,
# "mv dates for the report"; nor children's statutory visits, nor a school's or a children's home's inspection)
_INSPECTION_VISIT = (r"(?:mv(?:\s?\d)?|fv|jtai|ilacs|sif|(?<!home\s)(?<!homes\s)(?<!school\s)(?<!send\s)"
                     r"(?<!nursery\s)(?<!yot\s)(?<!fostering\s)(?<!adoption\s)(?<!cqc\s)(?<!residential\s)inspection|"
                     r"fieldwork|on[\s-]?site|(?:monitoring|focus+ed|ofsted)\s+visit)")
VISIT_DATES_RE = re.compile(rf"\b{_INSPECTION_VISIT}\s+(?:(?:19|20)\d\d\s+)?dates?\b"
                            rf"(?!\s+(?:of|for)\s+(?:the\s+)?(?:report|letter))", re.I)
_ANOTHER_WHEN_RE = re.compile(r"\bwhen\b|\bwhat\s+(?:date|day)\b|\b(?:next|upcoming|forthcoming|future|planned|"
                              r"expected|due)\b", re.I)
_SET_ASIDE_TAIL_RE = re.compile(r"\b(?:not|nor|rather\s+than|instead\s+of)\b[^?.;]*", re.I)


# (not a break a PDF's layout left inside a sentence, after a word no paragraph ends on: "the monitoring visit to\n\n
# Sunderland City Council children's services on 9 and 10 October 2018")
_PARAGRAPH_BREAK_RE = re.compile(r"[^\S\n]*\n[^\S\n]*\n")
_NO_PARAGRAPH_END_RE = re.compile(r"\b(?:to|of|the|and|on|in|at|by|for|with)[^\S\n]*$", re.I)


def _paragraph_parts(text: str) -> list[str]:
    """`text` cut at its paragraph breaks, but not at one after a word no paragraph ends on."""
    parts, start = [], 0
    for m in _PARAGRAPH_BREAK_RE.finditer(text):
        if not _NO_PARAGRAPH_END_RE.search(text, start, m.start()):
            parts.append(text[start:m.start()])
            start = m.end()
    return parts + [text[start:]]


@lru_cache(maxsize=50_000)
def dates_event(event: str, text: str) -> bool:
    """A sentence (or line) holding a date and the words that say it is the `event`'s."""
    said = DATE_EVENTS[event][1]
    # (a paragraph break ends a sentence too: a story's dateline "By Jo Bell | 12 March 2020" above a lead
    # saying a trust "took over" is no date of the takeover)
    return any(said.search(part) and EVIDENCE["date"].search(part)
               for a, b in sentence_spans(text) for part in _paragraph_parts(text[a:b]))


@lru_cache(maxsize=50_000)
def names_person_in_role(role: str, text: str) -> bool:
    """A sentence naming the role and somebody: "The Director of Children's Services (DCS) Debbie Jones",
    "Inspectors Kathryn Grindrod and ...". The strongest evidence a passage answers "who was the director?"."""
    if role == "wrote" and BYLINE_NAME_RE.search(text):
        return True  # a story's byline: "Joe Lepper" on its own line above "Wednesday, May 9, 2018"
    if role in _DOER_RES:  # somebody doing it: "Edward Timpson writes to ...", "appointed Geraldine Mossop"
        return any(_DOER_RES[role].search(text[a:b]) for a, b in sentence_spans(text))
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        if names_role(role, sentence) and holds("person", sentence):
            return True
    return False




# ---------------------------------------------------------------- "how many X": is a count of X stated?

_NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand
thousands dozen dozens half third thirds quarter quarters""".split())
_WORD_RE = re.compile(r"[^\W_]+")
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
# "How many monitoring visits had X had?" is answered by the latest one's number: "the fourth monitoring visit".
_VISIT_ORDINAL_RE = re.compile(r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
                               r"\d{1,2}(?:st|nd|rd|th))\s+(?:and\s+(?:final|last)\s+)?(?:monitoring\s+)?visit\b", re.I)
COUNT_WINDOW = 3  # words after a number in which the counted thing is named ("45 new social workers")
# Words of a count question that name no countable thing.
_NOT_COUNTED = frozenset(tokenize("how many much number proportion percentage share average mean median"))
_ANY_COUNTED = frozenset(tokenize("thing things item items point points"))


# Words of the field that count the same things: "how many areas" is answered by "eight local authorities",
# "how many children" by "40 young people". (Not staff and social workers: "how many new social workers" is not
# answered by a council's headcount.)
_SAME_COUNT = [frozenset(tokenize(words)) for words in ("area authority council lscb lscbs la las",
                                                        "child children young people kid kids",
                                                        # settings inspected are counted as inspections
                                                        "setting settings inspection inspections provider providers",
                                                        # "how many DCSs": directors of children's services
                                                        "dcs dcss director directors",
                                                        # "how many of the judgement areas": "three of the four
                                                        # inspected categories"
                                                        "judgement judgements judgment judgments category categories")]
# "how many posts": "add eight practitioners to the team" (one way: a headcount of practitioners answers no "how many
# posts were vacant", nor "post-16" anything)
_POSTS_ASKED_RE = re.compile(r"\bposts\b(?!-)", re.I)
_POSTS_VACANT_RE = re.compile(r"\bvacan\w*|\bunfilled\b|\bempty\b", re.I)


_COUNT_VERBS = r"(?:did|do|does|were|was|are|is|had|has|have|would|will|could|can|should|remain(?:ed)?|went|got|" \
               r"gets?|came"
# ("how many got the top rating": what is counted is left unsaid, so the whole question says it, "services" too)
_HOW_MANY_WHAT_RE = re.compile(rf"\bhow\s+many\s+(?!{_COUNT_VERBS}|received|achieved|gained|scored)\b)"
                               rf"(.+?)\s+{_COUNT_VERBS})\b", re.I)


_COUNTED_ACRONYM_RE = re.compile(r"\bhow\s+many\s+([A-Za-z]{2,6})\b(?!\s+[a-z]{3,}s\b)", re.I)


def _glossary_form(word: str) -> str | None:
    """The field's acronym a counted word is, singular or plural ("how many yots": YOT), or None."""
    if word.upper() in FIELD_GLOSSARY:
        return word
    return word[:-1] if word[-1:] in "sS" and word[:-1].upper() in FIELD_GLOSSARY else None


# When a count is of, not what it counts: "the average caseload and agency % that year", "per month"
_WHEN_COUNTED_RE = re.compile(r"\b(?:that|this|the\s+same|each|per|every)\s+(?:year|month)\b", re.I)


def counted_stems(question: str, ignore: list[str] = ()) -> frozenset[str]:
    """The stems a count in the answer should be a count of: the question's words bar names and question words,
    with the words of the field that count the same things."""
    ignored = set(tokenize(" ".join(ignore)))
    posts = _POSTS_ASKED_RE.search(question) and not _POSTS_VACANT_RE.search(question)
    question = _AGE_GROUP_RE.sub(" children ", question)
    question = _WHEN_COUNTED_RE.sub(" ", TIME_CLAUSE.sub("", SCENE_CLAUSE.sub("", question)))
    counted = _COUNTED_ACRONYM_RE.search(question)
    # "How many new supported lodgings places did the director say would open for care leavers?": the places
    # are counted, not the care leavers.
    if m := _HOW_MANY_WHAT_RE.search(question):
        named = {t for t in tokenize(m.group(1)) if t not in _NOT_COUNTED and t not in ignored and not t.isdigit()}
        if named and named <= _ANY_COUNTED:
            return frozenset()  # "how many things did Ofsted say had to be fixed?": a count of whatever they were
        if named:
            question = m.group(1)
    stems = {t for t in tokenize(question) if t not in _NOT_COUNTED and t not in ignored and not t.isdigit()}
    # "how many cla": the field's acronym counted stands for what is counted ("706 looked after children"); in lower
    # case a longer one only when it is no English word ("how many mash referrals" counts referrals)
    if counted and (word := _glossary_form(counted.group(1))) \
            and (word.isupper() or len(word) <= 3 or not is_english(word)) and word.lower() not in ignored:
        stems |= {t for t in tokenize(FIELD_GLOSSARY[word.upper()]) if t not in _NOT_COUNTED}
    # "torbay CiC in unregistered homes how many": an acronym for people counted anywhere in the question stands for
    # them ("six children were living in unregistered children's homes")
    for word in _ACRONYM_WORD_RE.findall(question):
        if word.upper() in _PEOPLE_ACRONYMS and word.upper() in FIELD_GLOSSARY \
                and (not word.islower() or not is_english(word)) and word.lower() not in ignored:
            stems |= {t for t in tokenize(FIELD_GLOSSARY[word.upper()]) if t not in _NOT_COUNTED}
    # ("how many of the judgement areas": areas judged, not councils' areas)
    judged = bool(stems & _SAME_COUNT[-1])
    for group in _SAME_COUNT:
        if stems & group - ({"area"} if judged else set()):
            stems |= group
    if posts:
        stems |= set(tokenize("practitioners workers roles"))
    return frozenset(stems)


# An age group typed as a noun ("how many under-5s", "under fives", "over-16s") counts children: "13,500 children
# under five years old" states it, while the stem "5s" is in no text.
# (a plural, of a child's age: not "caseloads over 25", "over 20 working days", "over-65s", "care leavers over 18")
_AGE_GROUP_RE = re.compile(r"\b(?:(?:under|over)[-\s]?(?:1[0-7]|[1-9])|u[-\s]?(?:1[0-8]|[1-9]))['’]?s\b|"
                           r"\bunder[-\s]?(?:ones|twos|threes|fours|fives|elevens|sixteens|eighteens)\b|"
                           r"\bover[-\s]?(?:tens|elevens|twelves|thirteens|fourteens|fifteens|sixteens)\b", re.I)
_ACRONYM_WORD_RE = re.compile(r"\b[A-Za-z]{2,5}\b")
# (the acronyms that stand for people; not "DCS", "LSCB" or "ILACS", whose long forms name children's services)
_PEOPLE_ACRONYMS = frozenset({"CIC", "CIN", "CLA", "LAC", "UASC", "CME", "NEET", "CYP", "YP"})


AVERAGE_RE = re.compile(r"\b(?:average|mean|median)\b", re.I)
# "What proportion of social workers were agency staff?" is answered by a share stated anywhere in a sentence on
# them: "Agency social workers now make up 22% of the workforce", "a fifth of posts are filled by agency staff",
# "one in four social workers". (Not "the first half of 2024", "a third monitoring visit"; nor "share" the verb.)
# (a measure's rate is one too: "sw vacancy rate end of dec 2025", "the vacancy rate was 27 per cent"; not "at the
# new rates", "did Ofsted rate")
SHARE_QUESTION_RE = re.compile(rf"\b(?:proportion|percentage|per\s*cent)\b|\b(?:what|the)\s+share\s+of\b|"
                               r"\bwhat(?:['’]s|\s+(?:is|was|are|were))?\s+(?:the\s+)?%|"
                               r"\b(?:vacancy|turnover|agency|sickness|absence|churn|conversion|re-?referral|"
                               r"referral|retention|completion|timeliness|stability|attrition|take-?up)\s+rates?\b|"
                               r"\brates?\s+of\s+(?!pay\b)|"
                               rf"{_RELIANCE}", re.I)
SHARE_RE = re.compile(r"\d\s*(?:%|per\s*cent\b)|"
                      # (Ofsted spells out a number opening a sentence: "Thirty-four per cent of social workers")
                      r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|"
                      r"forty|fifty|sixty|seventy|eighty|ninety|hundred)\s+per\s*cent\b|"
                      r"(?<!first )(?<!second )(?<!last )(?<!final )\b(?:half|(?:a|one|two|three)[\s-](?:third|quarter|"
                      r"fifth|tenth)s?)\s+of\b|\b(?:one|two|three|\d{1,2})\s+(?:in|out\s+of)\s+(?:every\s+)?"
                      r"(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\b", re.I)


# A figure the question gives to compare with ("how many were they supporting by 2023, compared with 706 in 2019?",
# "vs 20%"): one count asked, not two times side by side (qa/retrieval/timeline.py), and a passage stating it restates
# the question's baseline, not the count asked. (Not a span, "compared with 3 years earlier", nor a visit's ordinal, nor
# a year; not a threshold: "longer than 18 months".)
GIVEN_FIGURE_RE = re.compile(r"\b(?:(?:in\s+)?compar(?:ed|ison)\s+(?:with|to)|versus|vs\.?|against|up\s+from|"
                             r"down\s+from)\s+"
                             r"(?:the\s+|just\s+|only\s+|around\s+|about\s+|some\s+|roughly\s+)?(?:£\s*)?"
                             r"(?!(?:19|20)\d\d\b)(\d[\d,]*(?:\.\d+)?+)(?![\d,]|st\b|nd\b|rd\b|th\b|"
                             r"\s*(?:years?|months?|weeks?|days?|visits?|inspections?|times)\b)", re.I)


@lru_cache(maxsize=256)
def given_figures(question: str) -> tuple[str, ...]:
    return tuple(m.group(1) for m in GIVEN_FIGURE_RE.finditer(question))


def states_share(stems: frozenset[str], text: str) -> bool:
    """A sentence naming one of `stems` and stating a share (a percentage or a fraction)."""
    return any(SHARE_RE.search(text[a:b]) and stems & set(tokenize(text[a:b])) for a, b in sentence_spans(text))
# "By how much had caseloads come down?" is answered by a sentence on them stating the change: "had fallen from 27
# to 19", "fell by a third", "halved".
# (the change word ends its clause: "how far has the increase in demand affected ..." asks no number)
CHANGE_QUESTION_RE = re.compile(r"\bby\s+how\s+much\b|\bhow\s+(?:much|far)\s+(?:did|had|have|has|do|does)\s+"
                                # (the measure: not "done to ensure that", "go to", "helped ... rise")
                                r"(?:(?!(?:done|go|goes|went|gone(?!\s+down)|help\w*|ensur\w*|make|made|to|that)\b)"
                                r"[\w'’-]+\s+){1,10}?(?:fall|fell|fallen|drop(?:ped)?|rise|risen|rose|reduc\w*|"
                                r"c[oa]me\s+down|gone\s+down|increas\w*|decreas\w*|cut)"
                                r"(?=\s*(?:[?,.]|$|\b(?:by|since|between|from|when|after|over|during|before)\b|"
                                r"(?-i:in\s+[A-Z])))", re.I)
CHANGE_RE = re.compile(r"\bfrom\s+(?:an?\s+average\s+of\s+|about\s+|around\s+)?\d[\d,.]*\s*%?\s*(?:per\s*cent\s+)?"
                       r"(?:\w+\s+){0,3}?(?:to|down to|up to)\s+\d|\bby\s+(?:\d[\d,.]*\s*(?:%|per\s*cent)?|a\s+(?:third|"
                       r"quarter|half|fifth)|(?:one|two)\s+thirds?)|\b(?:halved|doubled|trebled|tripled)\b", re.I)


# "social workers rose from 345 to 368": the counted thing just before the change, its numbers no years
COUNT_CHANGE_RE = re.compile(r"([\w'’-]+)\s+(?:\([^)]{1,20}\)\s+)?(?:rose|fell|increased|decreased|grew|dropped|climbed|"
                             r"went\s+(?:up|down)|has\s+(?:risen|fallen|grown))\s+from\s+(?:about\s+|around\s+)?"
                             r"(?!(?:19|20)\d\d\b)\d[\d,]*\s+to\s+(?!(?:19|20)\d\d\b)\d[\d,]*\b", re.I)


def states_count_change(stems: frozenset[str], text: str) -> bool:
    """A number of X stated as its change: "the full-time equivalent of social workers rose from 345 to 368"
    answers "how many social workers" (not "caseloads fell from 22 to 17", nor "by 2025")."""
    return any(stems & set(tokenize(m.group(1))) for m in COUNT_CHANGE_RE.finditer(text))


def states_change(stems: frozenset[str], text: str) -> bool:
    """A sentence naming one of `stems` and stating a change in numbers (CHANGE_RE)."""
    return any(CHANGE_RE.search(text[a:b]) and stems & set(tokenize(text[a:b])) for a, b in sentence_spans(text))


_MONTH_WORD_RE = re.compile(rf"{_MONTH}")


def _is_day(words: list[str], i: int) -> bool:
    """A day of a date ("February 19, 2019", "19 February"), not a count ("By June 40 children", "40 may")."""
    if not (words[i].isdigit() and 1 <= int(words[i]) <= 31):
        return False
    month = lambda w: _MONTH_WORD_RE.fullmatch(w) and w != "may"  # noqa: E731  ("may" is a verb too)
    return bool(i and month(words[i - 1]) and not (i + 1 < len(words) and words[i + 1] in _COUNTED_AFTER_DAY)
                or i + 1 < len(words) and (month(words[i + 1]) or _YEAR_RE.fullmatch(words[i + 1]))
                # ("9 May 2018": "may" before a year is the month)
                or words[i + 1:i + 2] == ["may"] and i + 2 < len(words) and _YEAR_RE.fullmatch(words[i + 2]))


_COUNTED_AFTER_DAY = frozenset("children families social workers staff cases people young per".split())


_MONEY_STEMS = frozenset(tokenize("money funding funds cash investment invest budget spend spent"))
_MONEY_RE = re.compile(r"£\s?\d|\b\d[\d,.]*\s*(?:million|billion|bn|m)\s+(?:pounds|investment|funding)\b", re.I)


# A list's or a section's number is no count: "1. Children who need help and protection", "2.1 Adoption performance"
_LIST_NUMBER_RE = re.compile(r"(?<![\w.,])\d{1,2}(?:\.\d{1,2})*\.(?=\s+[A-Z])|(?<![\w.,])\d{1,2}\.\d{1,2}(?=\s+[A-Z])")


def states_count(stems: frozenset[str], text: str, before: bool = False) -> bool:
    """A number (digits, a number word or a fraction; not a year) followed within COUNT_WINDOW words by one of
    `stems`: "45 new social workers", "Thirty-nine inspections", "a third of all children in care cases". An
    average is often stated after what it measures ("average caseloads fell from 19.5 to 17"): with `before`,
    a stem in the COUNT_WINDOW words before the number counts too."""
    if stems & _MONEY_STEMS:
        return bool(_MONEY_RE.search(text))  # "How much extra money ...?": an amount ("a further £5 million")
    visits = stems - {"ofst"}
    if visits and visits <= {"visit", "monitor"} and _VISIT_ORDINAL_RE.search(text):
        return True  # (visits are what is counted, "Ofsted" or not; not "children seen on the second visit")
    return _number_of(_count_words(text), stems, before)


def _count_words(text: str) -> list[str]:
    return _WORD_RE.findall(_LIST_NUMBER_RE.sub(" ", text).lower().replace("’", "'"))


_MENTIONS = frozenset("references mentions instances".split())
_FRACTIONS = frozenset("half third thirds quarter quarters".split())


def _number_of(words: list[str], stems: frozenset[str], before: bool = False) -> bool:
    """A number in `words` (not a year, not a date's day) with one of `stems` in the COUNT_WINDOW words after it
    (or, with `before`, before it)."""
    for i, word in enumerate(words):
        is_number = (word.isdigit() and not _YEAR_RE.fullmatch(word)) or word in _NUMBER_WORDS
        if not is_number or _is_day(words, i):
            continue
        # (a count of mentions counts what is mentioned: "19 separate references to improvements")
        # (and a share of all of them, "almost half of all local authorities")
        window = COUNT_WINDOW + (2 if _MENTIONS & set(words[i + 1:i + 3])
                                 or word in _FRACTIONS and words[i + 1:i + 2] == ["of"] else 0)
        near = words[i + 1:i + 1 + window] + (words[max(i - COUNT_WINDOW, 0):i] if before else [])
        if stems & set(tokenize(" ".join(near))):
            return True
    return False


# The people a count may be of, named generically: "Twenty-three young people are living in staying close
# arrangements" counts care leavers staying close.
_PEOPLE_STEMS = frozenset(tokenize("care leavers children child young people families"))


def states_count_in_sentence(stems: frozenset[str], text: str) -> bool:
    """A number of people named generically (PEOPLE_STEMS, within COUNT_WINDOW words after it) in a sentence naming
    every other counted stem: a count of the asked group, told in other words. The answer's gate only: it says a
    count is stated, not how closely to rank it."""
    others = stems - _PEOPLE_STEMS
    if not others:
        return False
    for a, b in sentence_spans(text):
        words = _count_words(text[a:b])
        if others <= set(tokenize(" ".join(words))) and _number_of(words, _PEOPLE_STEMS):
            return True
    return False


# "how many inadequate?" counts the judgement areas given a grade: "rated inadequate in three of the four inspected
# categories", "four out of five key areas were classed as inadequate", "judged inadequate in one area"
# (the grade or the areas counted after "how many": not "how much money ... after it was judged inadequate", nor "how
# many good foster carers")
_GRADE_WORD = rf"(?:{_GRADE_WORDS}|ri)"  # (the grades, and staff shorthand for one)
_AREA_NOUN = r"(?:areas?|judge?ments?|categor(?:y|ies)|domains?|sections?)"
GRADE_COUNT_QUESTION_RE = re.compile(rf"\bhow\s+many\s+(?:(?:of\s+the\s+)?(?:[\w'’-]+\s+){{0,2}}?{_AREA_NOUN}\b|"
                                     rf"(?:[\w'’-]+\s+){{0,2}}?{_GRADE_WORD}s?\b"
                                     rf"(?=\s*(?:[,?.;:)]|$|(?:and|or|were|was|did|in|judge?ments?|ratings?|"
                                     rf"grades?)\b)))",
                                     re.I)
_GRADE_STEMS = frozenset(tokenize("inadequate good outstanding requires"))
_COUNT_WORD = rf"(?:\d{{1,2}}|{'|'.join(sorted(_NUMBER_WORDS))})"
_AREAS_COUNTED_RE = re.compile(rf"\b{_COUNT_WORD}\s+(?:out\s+)?of\s+(?:the\s+)?{_COUNT_WORD}\b|\ball\s+{_COUNT_WORD}\b|"
                               rf"\b{_COUNT_WORD}\s+(?:[\w-]+\s+){{0,2}}?{_AREA_NOUN}\b", re.I)
_AREA_NOUN_RE = re.compile(rf"\b{_AREA_NOUN}\b", re.I)


def grades_named(text: str) -> set[str]:
    return {"requir" if t == "ri" else t for t in tokenize(text)} & _GRADE_STEMS


def states_grade_count(question: str, text: str) -> bool:
    """For "how many inadequate?", a sentence giving the asked grade, a count and the areas counted (the answer's
    gate only)."""
    grades = grades_named(question) if GRADE_COUNT_QUESTION_RE.search(question) else set()
    return bool(grades) and any(grades & grades_named(text[a:b]) and _AREAS_COUNTED_RE.search(text[a:b])
                                and _AREA_NOUN_RE.search(text[a:b]) for a, b in sentence_spans(text))


# ---------------------------------------------------------------- "what grade", "who ... as commissioner"

# Asked for a grade outright ("What overall grade did X get?", "How was X rated?"); not "results" or "outcomes",
# which in this field are often children's outcomes, not Ofsted's grades.
# ("What overall effectiveness judgement did X receive?"; not "What impact the rating had on recruitment")
_RATED_HOW = (r"(?:most|highest|lowest|highly|well|poorly|positively|negatively|strong\w*|weak\w*|best|worst|"
              r"better|worse)")
GRADE_QUESTION_RE = re.compile(r"\bwhat\s+(?:(?:overall|ofsted|ilacs|sif|final|latest|last|first|new|inspection)\s+"
                               r"\w+\s+|\w+\s+)?(?:grades?|ratings?|judge?ments?)\s+(?:did|was|were|has|had|"
                               r"does|do|is|are)\b|\bhow\s+(?:was|were|is|are)\b[^?]*\b(?:rated|judged|graded)\b|"
                               # "what did ofsted rate croydon's children's services?", "what was croydon rated by
                               # ofsted?" (not what was rated how: "what did inspectors rate highly / as strengths?")
                               # (nor a board's: "what was the LSCB rated?", asked apart)
                               rf"\bwhat\s+(?:did|has|have)\s+(?:ofsted|inspectors|hmi|the\s+inspectors)\s+"
                               rf"(?:rated?|graded?)\b(?!\s+as\b)(?![^?.]{{0,40}}?\b{_RATED_HOW}\b)|"
                               rf"\bwhat\s+(?:was|were|is|are)\s+"
                               rf"(?:(?!{_RATED_HOW}\b|lscbs?\b|boards?\b)[\w'’-]+\s+){{1,5}}?"
                               r"(?:rated|graded)(?:\s+by\s+(?:ofsted|inspectors)|\s+overall|\s+in\s+(?:19|20)\d\d|"
                               r"\s+(?:in|at)\s+(?:its|the|their)\s+(?:[\w-]+\s+){0,2}?(?:inspection|ilacs|sif|visit))?"
                               r"\s*(?:[?.]|$)|"
                               # "What was Norfolk's overall effectiveness grade at its latest ILACS?" (not a judgement
                               # on or of something: "what was the inspectors' judgement on leadership?")
                               # (only words describing the grade between: not "the basis for the judgement", "its
                               # response to the grade", "the judgement in the court case")
                               r"\bwhat\s+(?:was|were|is|are)\s+(?:the\s+|its\s+|their\s+|[\w&-]+['’]s\s+)"
                               r"(?:(?:overall|effectiveness|ilacs|sif|jtai|final|latest|last|first|new|ofsted['’]?s?|"
                               r"inspection|current|previous|recent|most|headline|full)\s+){0,3}"
                               r"(?:grades?|ratings?|judge?ments?)\b(?!\s+(?:of|on|about|that|for|based|behind|to)\b|"
                               r"\s+in\s+(?!(?:19|20)\d\d\b))|"
                               # "did nnc get off inadequate too?": the grade it moved to (asked; not the scene,
                               # "Kirklees got out of inadequate after the inspection - which inspector ...?")
                               # (the place, or "it", the verb's subject: not "What did Sandwell do to get out of
                               # inadequate?", "How long did it take to get out of inadequate?")
                               r"\b(?:did|does|has|have|had|will|whether|if)\s+(?:it|they|[A-Za-z][\w'’-]*"
                               r"(?:\s+(?-i:[A-Z])[\w'’-]*){0,2})\s+"
                               r"(?:get|got|gotten|come|came|climb|climbed|move|moved)\s+(?:off|out\s+of|up\s+from)\s+"
                               r"(?:the\s+)?['‘\"“]?inadequate\b",
                               re.I)
# The roles a "who" question asks to be named; the answer names the role too ("appointed Eleanor Brazil as
# commissioner"), so a passage about the place without the role names somebody else.
ROLE_RE = re.compile(r"\b(commissioner|chief executive|director|chair|mayor|minister|lead inspector|inspector|"
                     r"leader|head of service|(?:cabinet|executive|lead) member|portfolio holder|reporter|journalist|"
                     r"councillor|(?:senior|council|principal)\s+officer|dcs|"
                     r"hmi(?!\s+(?:probation|prisons|constabulary)))s?\b",
                     re.I)
# "Who was Rotherham's DCS?" asks for its director; "Who is the lead member ...?" for the councillor answering for
# the service, by whichever title ("Councillor Jo Bell, Executive Member for Children")
ROLE_ABBREVIATIONS = {"dcs": "director", "hmi": "inspector", "cllr": "councillor",
                      **dict.fromkeys(("senior officer", "council officer", "principal officer"), "officer"),
                      **dict.fromkeys(("cabinet member", "executive member", "lead member", "portfolio holder"),
                                      "councillor")}


# ---------------------------------------------------------------- a role's reaction asked
# "medway dcs reaction to the jtai letter", "the leader's response to the report": the words of somebody in that
# role, said or quoted in the sentence naming them; a paper the director presents, or the role named beside another
# speaker, is not it. (Inspectors' "comments" are their findings; a "response time" or a home's "statement of
# purpose" is nobody's reaction.)
_SPEAKING_ROLES = (r"commissioner|chief\s+executive|director|chair|mayor|minister|leader|(?:cabinet|executive|lead)\s+"
                   r"member|portfolio\s+holder|councillor|cllr|dcs")
ROLE_REACTION_RE = re.compile(rf"\b({_SPEAKING_ROLES})s?(?:['’]s)?\s+(?:reaction|response|reply|comments?|quotes?|"
                              r"statement)\b(?!\s+(?:of\s+(?:action|purpose)|plan|times?)\b)|"
                              # "what did the rotherham leader say when kessell left"
                              rf"\bwhat\s+did\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,2}}?({_SPEAKING_ROLES})\s+say\b", re.I)
_QUOTED_RE = re.compile(r"\b(?:said|says|added|commented|responded|told)\b|[“\"][^”\"]{40,}")
REACTION_BOOST = 1.3


@lru_cache(maxsize=256)
def _reaction_role(question: str) -> str | None:
    if not (m := ROLE_REACTION_RE.search(question)):
        return None
    role = re.sub(r"\s+", " ", (m.group(1) or m.group(2)).lower())
    return ROLE_ABBREVIATIONS.get(role, role)


def reaction_weight(question: str, text: str) -> float:
    role = _reaction_role(question)
    if role is None or not _QUOTED_RE.search(text):
        return 1.0
    spoke = any(names_role(role, sentence) and holds("person", sentence) and _QUOTED_RE.search(sentence)
                for sentence in (text[a:b] for a, b in sentence_spans(text)))
    return REACTION_BOOST if spoke else 1.0


# A search-box query asking for a grade: "enfield ilacs 2019 judgement", "b&nes 2025 overall grade" (no question
# word or verb: with one, the grade may be the scene, as in "how did staff react to the good rating").
TERSE_GRADE_RE = re.compile(r"^(?![^?]*\b(?:what|how|why|who|which|when|where|did|does|do|is|are|was|were|has|have|"
                            r"had|after|before|since|and|react\w*|respon\w*|review\w*|challeng\w*|appeal\w*|disput\w*|"
                            r"morale|staff|leader|change\w*)\b)[^?]*"
                            r"\b(?:grades?|ratings?|judge?ments?)(?:\s+(?:19|20)\d\d)?\W*$", re.I)


# (a council's name joined by "and" is no second question: "bath and north east somerset ilacs 2025 judgement")
_AND_NAMES_RE = re.compile("|".join(re.escape(n) for n in sorted(LOCAL_AUTHORITIES, key=len, reverse=True)
                                    if re.search(r"\band\b", n)), re.I)


def asks_grade(question: str) -> bool:
    # (a terse question closed by a statement of which event: "isle of wight ILACS 2025 grades? the IoW inspection,
    # not hampshire's")
    head, mark, tail = question.partition("?")
    asks_again = bool(mark) and bool(_ASKS_AGAIN_RE.search(tail))
    terse = head + mark if mark and not asks_again else question
    # (or by a dash or colon, the grade asked before it: "luton ilacs 2025 judgements - the new full inspection, not
    # the 2022 one"; not "luton - ilacs 2025 grades")
    # the rest saying which event, not asking more: "derby ilacs 2023 judgement - council leader's reaction")
    # (so before a closing question mark: "norfolk ILACS grades - latest inspection? (norfolk came up in ...)")
    body = None if asks_again else head
    if body and any(TERSE_GRADE_RE.search(_AND_NAMES_RE.sub("place", body[:dash.start()]))
                    and not _ASKS_AGAIN_RE.search(tail := body[dash.end():]) and not _ASKS_MORE_RE.search(tail)
                    and (not mark or _WHICH_EVENT_RE.match(tail))  # (not "- lead inspector?", "- key findings?")
                    for dash in _CLOSING_DASH_RE.finditer(body)):
        return True
    return bool(GRADE_QUESTION_RE.search(TIME_CLAUSE.sub("", SCENE_CLAUSE.sub("", question)))
                or TERSE_GRADE_RE.search(_AND_NAMES_RE.sub("place", terse)))


_WHICH_EVENT_RE = re.compile(r"\W*(?:(?:the|its|their)\s+)?(?:(?:latest|last|most\s+recent|previous|newest|recent|"
                             r"current|new|full|first|(?:19|20)\d\d|[a-z]+\s+(?:19|20)\d\d)\s*)+"
                             r"(?:one|inspection|ilacs|sif|report|visit)?\W*$", re.I)
_CLOSING_DASH_RE = re.compile(r"\s+(?:-{1,2}|[–—])\s+|\s*:\s+")
_ASKS_MORE_RE = re.compile(r"\b(?:react\w*|respon\w*|review\w*|challeng\w*|appeal\w*|disput\w*|morale|staff|leader\w*|"
                           r"change\w*|plans?|promis\w*|after\w*|said|says?|coverage|press|story|stories|why)\b", re.I)
_ASKS_AGAIN_RE = re.compile(r"\?|\b(?:what|how|why|who|which|when|where)\b", re.I)


# "What judgement did Enfield's LSCB get?": the board's own grade, not the council's beside it ("The overall
# judgement is that children's services are good" under a contents line naming the board's review)
# (a board Ofsted reviewed and graded, 2013-2018; not the safeguarding partnerships after it, which it never graded)
BOARD_RE = re.compile(r"\b(?:LSCBs?|(?:local\s+)?safeguarding\s+children(?:['’]s)?\s+boards?)\b", re.I)
_BOARD_GRADE_ASKED_RE = re.compile(rf"\b(?:judge?ment|grade|grading|rating|rated|judged|graded)\b[^,;?]{{0,60}}?"
                                   rf"{BOARD_RE.pattern}|{BOARD_RE.pattern}[^,;?]{{0,60}}?\b(?:judge?ment|grade|"
                                   rf"grading|rating|rated|judged|graded)\b", re.I)
_GRADE_RE = re.compile(_GRADE, re.I)
_BOARD_WINDOW = 300  # characters after the board's name read for its grade


def asks_board_grade(question: str) -> bool:
    """"What judgement did Enfield's LSCB get?": the board's grade (not "What grade did Kent get, and what did
    inspectors say about the LSCB?")."""
    return asks_grade(question) and bool(_BOARD_GRADE_ASKED_RE.search(question))


def states_board_grade(text: str) -> bool:
    """A grade in the sentence naming the board, after it ("the LSCB is also inadequate", "judged the Local
    Safeguarding Children Board to be 'inadequate'"); or on the first line below a label line ending on its name."""
    for m in BOARD_RE.finditer(text):
        lines = text[m.end():m.end() + _BOARD_WINDOW].split("\n")
        rest = lines[0]
        if len(rest.strip()) <= 3:  # a label (with its footnote's number): the grade on the next line with text
            rest = next((line for line in lines[1:] if line.strip()), "")
        if _GRADE_RE.search(re.split(r"[.;!?](?:\s|$)", rest, maxsplit=1)[0]):
            return True
    return False


# "Which inspectors ...", "which director ...": a person is asked for; "who inspects children's homes?" may be
# answered by an organisation.
PERSON_ASKED_RE = re.compile(_WHICH_PERSON, re.I)


def asks_person(question: str) -> bool:
    """A question that can only be answered by naming somebody: "which inspector", or "who" with a role."""
    return bool(PERSON_ASKED_RE.search(question)) or asked_role(question) is not None


# A sentence after the question opened by "Not the" sets something aside: "... being harmed? Not the CLG committee's
# criticism of Ofsted itself." (not one naming what is asked instead: "? Not the 2016 inspection, the 2019 one.")
# (an aside in brackets inside it too: "Not the director who came in later (from Rotherham).")
# (not one naming what is asked instead: "Not the 2016 inspection (the 2019 one).")
# (and one a person's words, "? Not her 2022 comments as lead member", with more after ", and not": "..., and not the
# 2013 response.")
_ASIDE = r"\((?![^()]*\b(?:(?:19|20)\d\d|one|but|mean)\b)[^()?!]*\)"
# (or a place typed in a hurry: "... working environment? not somerset mv1")
_CLOSING_ASIDE_BODY = (rf"(?:the|its|their|an?|her|his|(?!(?:sure|just|only|merely|yet|always|even|necessarily|least|"
                       rf"much|many|all|every|really|quite|so|too|very|enough|that|this|one)\b)[\w&'’-]+)\b"
                       # (a figure's comma or point is no clause's end: "Not the 5,500 vulnerable children ...")
                       rf"(?:(?!\s+but\b|\s+-\s)(?:{_ASIDE}|(?<=\d)[,.](?=\d)|[^.?!(),;–—]))*")
# (or after a statement of what is wanted, which stays: "...? county figure only - not derby/leicester or the city")
# (a comma's, "2018 only, not the 2015 coverage.", is TRAILING_NOT_RE's)
CLOSING_SET_ASIDE = (rf"(?:(?<=[?!])\s*|(?<=\bonly\s[-–—]\s)|(?<=\bonly[-–—]\s))not\s+{_CLOSING_ASIDE_BODY}"
                     rf"(?:,\s*(?:and\s+|or\s+)?(?:not|nor)\s+{_CLOSING_ASIDE_BODY})*[.?!]?\s*$")
# ... and so does a closing clause after a comma, to a full stop, when a statement follows the question ("...?
# Childrens homes, not monitoring of LA childrens services."; not "not just", nor a question: "rated good, not
# outstanding?"): left out of the question altogether (what it names is not asked, nor its date)
TRAILING_NOT_RE = re.compile(r"(?<=[?!])([^?!]*?),\s*not\s+(?!(?:just|only|merely|simply|least|yet|always|all|every|"
                             rf"necessarily|even|sure)\b)(?:{_ASIDE}|[^.?!()])*[.!]?\s*$", re.I)
_CLOSING_SET_ASIDE_RE = re.compile(CLOSING_SET_ASIDE, re.I)


def without_trailing_not(question: str) -> str:
    return TRAILING_NOT_RE.sub(lambda m: m.group(1) + ".", question)


_ROLES_TEXT_RE = re.compile(r"['’]s?\s+(?:[\w-]+\s+)?(?:letter|report|words|comments?|e-?mail|statement|notes?|"
                            r"findings|message|remarks|feedback)\b", re.I)


def asked_role(question: str) -> str | None:
    """The role a "who" question asks about ("Who was appointed commissioner for X?" -> "commissioner")."""
    if answer_type(question) != "person":
        return None
    question = _CLOSING_SET_ASIDE_RE.sub(" ", without_trailing_not(question))  # ("? Not the deputy mayor on ...")
    if IN_CHARGE_RE.search(question):
        return "director"  # "Who was in charge of Leicester's children's services?": its director
    asked = TIME_CLAUSE.sub("", SCENE_CLAUSE.sub("", asked_clause(question)))
    # "the lead Ofsted inspector", "the lead social care inspector", "lead HMI": the lead inspector
    asked = re.sub(r"\blead\s+(?:ofsted\s+|social\s+care\s+|hmi\s+)*(?:inspector|hmi(?=s?\b))"
                   r"(?!s?\s+(?:probation|prisons|constabulary)\b)", "lead inspector", asked, flags=re.I)
    # a role the question addresses ("Who wrote to the leader of X?") is not the one asked for
    # (nor one whose letter or words it is: "who was the inspector's letter addressed to?")
    m = next((r for r in ROLE_RE.finditer(asked) if not ROLE_ADDRESSED_RE.search(asked[:r.start()])
              and not ROLE_SET_ASIDE_RE.search(asked[:r.start()])
              and not ROLE_AS_OBJECT_RE.search(asked[:r.start()]) and not _ROLES_TEXT_RE.match(asked[r.end():])),
             None)
    if m and ROLE_ABBREVIATIONS.get(m.group(1).lower(), m.group(1).lower()) == "inspector" \
            and not INSPECTOR_ASKED_RE.search(question):
        return None  # "Who did inspectors speak to?": the inspectors are the subject, not the answer
    if not m and re.search(r"\bwhich\s+(?:[\w'’-]+\s+){0,2}officer\b(?!['’])", asked, re.I) \
            and answer_type(asked) == "person":
        return "officer"  # "Which Kirklees officer spoke for the service?": one of its posts
    if not m and re.search(r"\bwho\s+(?:had\s+)?chair(?:ed|s)\b", asked, re.I):
        return "chair"  # "who chaired the select committee ...?": its chair ("Clive Betts MP, Chair of the ...")
    if not m and VISIT_DONE_BY_RE.search(question):
        return "inspector"  # "Who led the inspection?" is answered by "Lead inspector: Jo Bell"
    if not m and APPOINTED_ASKED_RE.search(question):
        return "appointed"  # "Who did the DfE appoint to oversee X?": a person named as appointed
    if not m:
        said = SPOKE_ASKED_RE.search(question)
        if said:  # "Who wrote to ...", "Who at Ofsted commented ...": somebody named as writing or speaking
            return "wrote" if said.group(1).lower().startswith("wr") else "spoke"

    return ROLE_ABBREVIATIONS.get(m.group(1).lower(), m.group(1).lower()) if m else None


# ... nor one another verb's subject or object is ("Who briefed the lead member?", "Who did the director thank?")
ROLE_AS_OBJECT_RE = re.compile(r"\bwho\s+(?!(?:is|was|are|were|has|have|had|became|becomes|will|would|replaced|"
                               r"succeeded|followed|took|served|acted|led|leads)\b)[\w'’-]+\s+"
                               r"(?:the|its|their|a|an|[\w'’-]+['’]s)\s+(?:(?:new|interim|acting|former|then)\s+)?$",
                               re.I)
ROLE_ADDRESSED_RE = re.compile(r"\b(?:to|with|for|from|by|told|asked|wrote\s+to|spoke\s+to)\s+(?:the\s+)?$", re.I)
# What sets something aside without "not" ("apart from the chair", "leaving aside the later visits"), for the
# question's readings of what is set aside (qa/retrieval/question.py, qa/retrieval/rank.py)
ASIDE_WORDS = (r"(?:leaving|leave|setting|set|putting|put)\s+aside|(?:aside|apart)\s+from|other\s+than|besides|"
               r"excluding")
# "I don't want ...", "I do not mean ...": what the asker sets aside
NOT_WANTED = r"(?:i\s+)?(?:do\s+not|don['’]t)\s+(?:want|mean)"
# ... nor one set aside: "apart from the scrutiny chair, which senior officer commented?"
ROLE_SET_ASIDE_RE = re.compile(rf"\b(?:{ASIDE_WORDS}|except(?:\s+for)?)\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,2}}$|"
                               r"\bnot\s+(?:the|a|an|its|their)\s+(?:[\w'’-]+\s+)?$", re.I)
SPOKE_ASKED_RE = re.compile(r"^\W*who\b(?:\s+(?:at|from|for|in|on behalf of)\s+[^?]{1,40}?)?\s+(wrote|writes|has written|"
                            r"commented|comments|responded|responds|replied|spoke|said|reacted|"
                            # "who gave the council's response", "who made a statement for the council"
                            r"(?:gave|give|issued|made|provided)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’]+\s+){0,2}?"
                            r"(?:response|reaction|statement|comments?|quote))\b(?!\s+(?:of\s+action|plan)\b)", re.I)
APPOINTED_ASKED_RE = re.compile(r"\bwho\s+(?:did|has|have|had|will)\b[^?]{0,60}\bappoint\b|"
                                r"\bwho\s+(?:was|were|has\s+been|had\s+been)\s+appointed\b", re.I)
IN_CHARGE_RE = re.compile(r"\bwho\s+(?:was|is|were)\s+(?:in\s+charge\s+of|running|heading|responsible\s+for)\s+"
                          r"(?:[\w-]+['’]s\s+|the\s+)?children['’]?s\s+(?:social\s+care|services)\b", re.I)
VISIT_DONE_BY_RE = re.compile(r"\bwho\s+(?:led|carried\s+out|conducted|undertook)\s+"
                              r"(?:the|this|that|its|their|[\w-]+['’]s)\s+"
                              r"(?:(?!(?:after|before|since|following|during|when|in|at|of)\b)[\w-]+\s+){0,3}?"
                              r"(?:inspection|visit)s?\b", re.I)


INSPECTOR_ASKED_RE = re.compile(r"\b(?:which|name the|what)\s+(?:\w+\s+)?(?:inspectors?|hmis?)\b(?!\s+(?:probation|prisons))|"
                                r"\bwho\s+(?:is|was|were|are)\s+the\s+(?:\w+\s+)?(?:inspectors?|hmis?)\b|"
                                + TERSE_ROLE_RE.pattern, re.I)


# An inspector signs as "HMI" (Her Majesty's / His Majesty's Inspector).
# A story's byline ("By Ruth Okafor, Local Democracy Reporter", or the name alone) names who wrote it.
_BYLINE_FORM = r"(?m:^[^\S\n]*(?-i:By)(?=[^\S\n]+(?-i:[A-Z])))"
_WRITER_FORMS = rf"reporter|reporting|journalist|correspondent|editor|{_BYLINE_FORM}"
_INSPECTOR_FORMS = r"inspectors?|HMIs?|H[ei][rs] Majesty[’']s Inspectors?"
ROLE_FORMS = {"inspector": _INSPECTOR_FORMS,
              # the chair, or somebody chairing it: "chaired independently by Graham Tulloch"
              "chair": r"chair(?:s|ed|ing|man|woman|person)?",
              # a letter's "Lead inspector: Jo Bell"; a story's "inspector Lisa Summers" (one inspector, named:
              # not "Inspectors found that the director, Jo Bell, ..."), "Jo Bell HMI"; a letter's sign-off, its lead
              # inspector's ("Yours sincerely Jo Bell His Majesty's Inspector")
              "lead inspector": r"lead\s+inspectors?|(?-i:inspector)(?=[^\S\n]+(?-i:[A-Z]))|(?-i:HMI)|"
                                r"(?-i:H(?:is|er)\s+Majesty['’]s\s+Inspector)",
              # a councillor speaks as one, or as the cabinet's member for the service
              # (an elected mayor or deputy answers for the council too: "deputy mayor Sarah Russell")
              "councillor": r"councillors?|cllr|clr|coun|(?:cabinet|lead|executive)\s+member|portfolio\s+holder|"
                            r"(?:deputy\s+)?leader\s+of\s+the\s+council|(?:deputy|assistant)\s+(?:city\s+)?mayors?|"
                            r"city\s+mayors?",
              "reporter": _WRITER_FORMS,
              "journalist": _WRITER_FORMS,
              # "which senior officer commented?": the council's paid staff, by their posts
              "officer": r"officers?|(?:assistant\s+|deputy\s+|executive\s+|strategic\s+|service\s+)?directors?|"
                         r"head\s+of\s+[\w'’-]+|(?:service|team|operations)\s+managers?|chief\s+executive",
              "appointed": r"appoint\w*|named|installed|brought in|sent in",
              "wrote": rf"wr[io]tes?|written|writing|letter from|{_BYLINE_FORM}",
              "spoke": r"said|says|told|tells|added|comment\w*|respon\w*|spoke|speaking|replied|react\w*|statement"}
# The roles asked by a verb, each a person named beside it, before or after (or after the post that names them:
# "said Ofsted’s national director for social care, Yvette Stanley")
_POST_WORDS = (r"director|chief|head|manager|inspector|leader|member|officer|secretary|minister|chair|chairman|"
               r"chairwoman|commissioner|mayor|councillor|executive|lead|president|spokes(?:man|woman|person)")
_DOER_RES = {role: re.compile(rf"{_NAME}[^.\n]{{0,60}}?\b(?:{ROLE_FORMS[role]})\b|\b(?:{ROLE_FORMS[role]})\b[^\S\n]+"
                              rf"(?:[\w’'-]+[^\S\n]+){{0,2}}{_NAME}" + (
                                  rf"|\b(?:{ROLE_FORMS[role]})\b[^\S\n]+[^.\n]{{0,100}}?\b(?i:{_POST_WORDS})\b"
                                  rf"[^.\n]{{0,80}}?,[^\S\n]+{_NAME}" if role == "spoke" else ""))
             for role in ("appointed", "wrote", "spoke")}


def names_role(role: str, text: str) -> bool:
    form = ROLE_FORMS.get(role, rf"{re.escape(role)}s?")
    return re.search(rf"\b(?:{form})\b", text, re.I) is not None


# "What were the findings of the joint inspection in X?": a page announcing an inspection ("The JTAI will look at
# ...", "have requested that the inspectorates carry out ...") says what will be looked at, not what was found.
FINDINGS_ASKED_RE = re.compile(r"\bfindings\b|\bwhat\s+(?:did|has|have)\s+(?:[\w'’-]+\s+){0,9}?(?:find|conclude)\b|"
                               r"\bwhat\s+(?:was|were)\s+(?:found|concluded)\b|"
                               # ("what did the MV say?": the visit's letter telling what it found)
                               r"\bwhat\s+did\s+(?:the|its|that)\s+(?:[\w'’-]+\s+){0,2}?(?:mv|fv|jtai|"
                               r"monitoring\s+visit|focus+ed\s+visit)"
                               r"(?:\s+letter)?\s+say\b", re.I)
ANNOUNCES_RE = re.compile(r"\b(?:jtai|inspection|inspectorates?|inspectors|visit)\s+(?:will|is to|are to)\s+"
                          r"(?:include\s+)?(?:look(?:ing)?\s+at|evaluat\w*|inspect\w*|assess\w*|examin\w*|focus\w*\s+on|"
                          r"review\w*|carry\s+out|encompass\w*)\b|"
                          # (its aims listed: "The thematic inspection will: (a) consider ...", not "The next
                          # inspection will consider progress" closing a paper on the findings)
                          r"\b(?:jtai|inspection|visit)\s+will\s*:\s*(?:\(?[a-z1-9]\)\s*)?"
                          r"(?:consider|establish|evaluate|assess|examine|look\s+at)\b|"
                          r"\b(?:has|have)\s+requested\s+that\b[^.]{0,300}\bcarry\s+out\b|"
                          # (a notification letter: "We plan to visit eight local authorities ...")
                          r"\bwe\s+plan\s+to\s+visit\b", re.I)
REPORTS_RE = re.compile(r"\b(?:found|finds|judged|concluded|identified|rated|graded|inadequate|requires?\s+improvement|"
                        r"(?:is|are|was|were)\s+(?:good|outstanding|weak|poor|effective|ineffective))\b", re.I)


# (not a service's response to children, the thing inspected: "was the response to initial need and risk judged
# effective?", "how well agencies respond to children at risk"; not to findings on them: "the council's response to the
# report's findings on child exploitation")
_SERVICE_RESPONSE = (r"(?!\s+to\s+(?:the\s+|a\s+)?(?:(?!(?:findings?|reports?|letters?|inspections?|jtai|ofsted|"
                     r"recommendations?|reviews?|judge?ments?|criticisms?|concerns)\b)[\w'’-]+\s+){0,3}?(?:needs?|"
                     r"risks?|child(?:ren)?|referrals?|harm|abuse|exploitation|famil(?:y|ies)|contacts?|neglect|"
                     r"young\s+people|missing)\b)")
RESPONSE_ASKED_RE = re.compile(r"\b(?:react\w*|repl(?:y|ied|ies)|answer(?:ed|s)?)\b|"
                               rf"\brespon(?:se|ses|d|ds|ded|ding)\b{_SERVICE_RESPONSE}|"
                               r"\brespons(?:ib|iv)\w*", re.I)  # (as before: "responsible", "responsiveness")


def asks_findings(question: str) -> bool:
    """What an inspection found is asked ("What were the findings of the JTAI in X?"), not how somebody
    responded to them ("How did the council respond to Ofsted's findings?")."""
    return bool(FINDINGS_ASKED_RE.search(question)) and not RESPONSE_ASKED_RE.search(question)


@lru_cache(maxsize=256)
def announces_only(text: str) -> bool:
    """A text that says an inspection will happen and what it will look at, and reports nothing found."""
    return bool(ANNOUNCES_RE.search(text)) and not REPORTS_RE.search(AIM_RE.sub(" ", text))


# (what an inspection will establish is no finding: "(b) establish whether ... arrangements, that are effective in ...",
# "The inspection will: consider whether ..."; an aim listed or to come, not "managers do not consistently assess
# whether risks have reduced, and ... is weak"; to its sentence's end, or to a finding told after it)
AIM_RE = re.compile(r"(?:\(\w\)\s*|\b(?:will|to|shall)\s*:?\s*)(?:establish|consider|evaluate|assess|determine)\s+"
                    r"whether\b(?:(?!,?\s+and\s+(?:found|finds|judged|concluded|identified|rated|graded)\b)[^.])*",
                    re.I)


# "What judgement did Ofsted give Surrey County Council's children's services?" asks about the council's services;
# a children's home, school or youth justice service in Surrey inspected on its own is another inspection.
_PROVIDING_AGENCIES = ("accommodation", "nursing", "fostering", "adoption", "recruitment", "employment", "staffing",
                       "care", "homecare")
COUNCIL_SERVICES_ASKED_RE = re.compile(r"\bchildren['’]?s\s+(?:social\s+care\s+)?services\b|\bchildren['’]?s\s+"
                                       r"social\s+care\b|\bILACS\b|\bSIF\b|\bsingle\s+inspection\b|"
                                       # "How are councils responding to ...?": the councils' own work, across them
                                       r"\bcouncils\b|\blocal\s+authorities\b|"
                                       # ... or with their partners: "how well agencies spot and respond to children
                                       # at risk" (not a provider: "supported accommodation agencies")
                                       r"\bmulti-?agency\b|"
                                       + "".join(rf"(?<!\b{kind}\s)" for kind in _PROVIDING_AGENCIES)
                                       + r"\bagencies\b(?!['’]?\s+(?:staff|workers))", re.I)
# "Ofsted's second monitoring visit to Haringey": to a council (not "to Larkfield House", "to the home")
# (or a report on one: "Going by Ofsted's own 2023 report on Wirral, was anything graded good?")
VISIT_TO_RE = re.compile(r"\b(?:monitoring|focus+ed)\s+visits?\s+to\s+|\b(?:report|inspection)s?\s+(?:on|of|into)\s+",
                         re.I)
# (not a return home interview, a home visit, children living at or returned home, a family home, the Home Office)
PROVIDER_ASKED_RE = re.compile(r"\b(?:(?<!return )(?<!returned )(?<!returning )(?<!at )(?<!from )(?<!family )"
                               r"(?<!their )(?<!own )homes?\b(?!\s+(?:interview|visit|educat|condition|life|office)|-)|"
                               r"schools?|nurser(?:y|ies)|academ(?:y|ies)|colleges?|youth\s+(?:justice|"
                               r"offending)|probation|fostering|adoption\s+agenc(?:y|ies)|provider|setting|units?|secure|"
                               r"establishments?)\b", re.I)
# A provider's own inspection report: its details table and fixed headings.
_YOUTH_JUSTICE_REPORT = r"\binspectorate of probation\b|\byouth (?:justice|offending) (?:service|team) inspection\b"
_YOUTH_JUSTICE_REPORT_RE = re.compile(_YOUTH_JUSTICE_REPORT, re.I)
PROVIDER_REPORT_RE = re.compile(r"\bunique reference number\b|\bURN\s*:|\bSC\d{6}\b|\bregistered manager\b|"
                                r"\bregistered provider\b|\bresponsible individual\b|\bchildren['’]?s home(?:\s+inspection|"
                                r"\s+is\s+(?:privately|run|operated|registered))\b|\bwhat is it like to attend this\b|"
                                + _YOUTH_JUSTICE_REPORT, re.I)


# A provider's own inspection asked about: "Ofsted inspected a children's home in Greenwich in 2024 - what were the
# judgements?", "the school's inspection grade" (not the council's services, nor "children's homes" as a topic:
# "how many children's homes did the council run?")
_PROVIDER = (r"(?:children['’]?s\s+homes?|secure\s+(?:children['’]?s\s+)?homes?|schools?|nurser(?:y|ies)|"
             r"fostering\s+agenc(?:y|ies))")
PROVIDER_INSPECTION_ASKED_RE = re.compile(
    rf"\b(?:inspect(?:ed|ion\s+of|ing)|visits?\s+to)\s+(?:a|an|the|its|one|that)\s+(?:[\w'’-]+\s+){{0,2}}?"
    rf"{_PROVIDER}\b|"
    rf"\b{_PROVIDER}(?:['’]s)?\s+(?:ofsted\s+)?(?:inspection|report|grade|rating|judge?ments?)\b|"
    # ("The Bristol children's home Ofsted moved from inadequate to requires improvement - what requirements ...?", the
    # question's subject; not "How did Leeds respond to the schools Ofsted rated inadequate?")
    rf"^\W*(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){{0,2}}?{_PROVIDER}\s+(?:that\s+|which\s+)?"
    rf"(?:ofsted|inspectors?|hmi)\s+"
    rf"(?:\w+\s+)?(?:moved|rated|judged|graded|downgraded|upgraded|inspected|visited|found)\b|"
    # ("What grade did Ofsted give Suffolk County Council's own children's home?")
    # (not credit given for what schools did: "gave a council credit for better school results")
    rf"\b(?:gave|give|given|award(?:ed)?)\s+(?:(?!credit\b|for\b)[\w'’-]+\s+){{0,5}}?{_PROVIDER}\b", re.I)


# what the report itself said ("Ofsted inspection of a Rochdale children's home - what did it say about how staff
# respond ...?": the staff responding are its topic, no reaction to it)
# (or what it required: "what requirements did the inspector set?")
REPORT_SAID_ASKED_RE = re.compile(r"\bwhat\s+(?:(?:requirements|recommendations)\s+)?(?:did|does)\s+(?:it|the\s+"
                                  r"(?:report|inspection|inspectors?)|ofsted|inspectors?)\s+(?:say|set|make|give|"
                                  r"impose|issue)\b|"
                                  # ("What did Ofsted's early years inspection of the Bolton day nursery say ...?")
                                  r"\bwhat\s+did\s+(?:ofsted['’]s\s+)?(?:[\w'’-]+\s+){0,3}?(?:inspection|report)\b"
                                  r"[^?]{0,80}?\b(?:say|find)\b", re.I)


def asks_provider_inspection(question: str) -> bool:
    """A provider's judgements or findings asked (see PROVIDER_INSPECTION_ASKED_RE)."""
    return bool(PROVIDER_INSPECTION_ASKED_RE.search(question)) \
        and (answer_type(question) == "judgement" or asks_findings(question)
             or bool(REPORT_SAID_ASKED_RE.search(question)))


# The kind of provider asked, and a report of that kind: a school's report does not answer for "the Suffolk children's
# home that Ofsted judged outstanding", nor a home's for a school.
# (by the report's own fixed parts: a home's report mentions school, a school's may mention children's homes)
_PROVIDER_KINDS = ((re.compile(r"\b(?:children['’]?s|secure)\s+homes?\b", re.I),
                    re.compile(r"\bchildren['’]?s\s+home\s+inspection\b|\bSC\d{6}\b|\bregistered\s+manager\b|"
                               r"\bresponsible\s+individual\b|\bsocial\s+care\s+common\s+inspection\s+framework\b",
                               re.I)),
                   (re.compile(r"\b(?:schools?|academ(?:y|ies)|nurser(?:y|ies))\b", re.I),
                    re.compile(r"\bwhat\s+is\s+it\s+like\s+to\s+attend\b|\bheadteacher\b|\bpupils\b|"
                               r"\bschool\s+inspection\b|\bearly\s+years\s+(?:provision|foundation\s+stage)\b", re.I)))


def report_of_asked_kind(question: str, text: str) -> bool:
    asked = [report for kind, report in _PROVIDER_KINDS if kind.search(question)]
    return len(asked) != 1 or bool(asked[0].search(text))


@lru_cache(maxsize=256)
def asks_council_services(question: str) -> bool:  # (once per question, not per passage)
    if PROVIDER_ASKED_RE.search(question):
        return False
    return bool(COUNCIL_SERVICES_ASKED_RE.search(question)) or any(
        (named := find_in_text(question[m.end():m.end() + 60])) and named[0].start == 0
        for m in VISIT_TO_RE.finditer(question))


# A council's own inspection report may carry a unique reference number too ("Local authority: Cornwall / Unique
# reference number: 80831"): there the number alone does not make it a provider's.
LA_SERVICES_REPORT_RE = re.compile(r"\binspection\s+of\s+local\s+authority\s+children['’]?s\s+services\b", re.I)
_REFERENCE_NUMBER_RE = re.compile(r"\bunique reference number\b|\bURN\s*:", re.I)
_PROVIDER_NUMBER_RE = re.compile(r"\b(?:unique reference number|URN)\s*:?\s*(?:SC\d+|\d{6,7})\b", re.I)


# A joint inspection's own paper (its title line, or the inspection it reports: not a service's report recalling one,
# "subject to a JTAI earlier this year")
_JOINT_INSPECTION_RE = re.compile(r"(?im)^[^\S\n]*joint\s+targeted\s+area\s+inspection\b|"
                                  r"\b(?:findings\s+of|carried\s+out)\s+(?:a|the)\s+joint\s+(?:targeted\s+area\s+)?"
                                  r"inspection\b")


@lru_cache(maxsize=256)
def provider_report(text: str, youth_justice: bool = True) -> bool:
    """A children's home's, school's or youth justice service's own inspection, not a council's services'.
    (`youth_justice` False: a home's or a school's only; a JTAI paper naming HM Inspectorate of Probation, a partner
    in it, is neither.)"""
    if not youth_justice or _JOINT_INSPECTION_RE.search(text):
        text = _YOUTH_JUSTICE_REPORT_RE.sub(" ", text)  # (a joint inspection's letter names its partners)
    found = PROVIDER_REPORT_RE.search(text)
    if found and _REFERENCE_NUMBER_RE.fullmatch(found.group(0)) and LA_SERVICES_REPORT_RE.search(text) \
            and not _PROVIDER_NUMBER_RE.search(text):
        return bool(PROVIDER_REPORT_RE.search(_REFERENCE_NUMBER_RE.sub(" ", text)))
    return bool(found)

