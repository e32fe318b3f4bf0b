"""Local authorities with children's services: names, forms, abbreviations, and finding them in text.

One canonical name per council area ("Bath and North East Somerset", "Kingston upon Thames"). The table holds
current English authorities, former ones that still appear in older reports (Northamptonshire, Cumbria,
Bournemouth, Poole...), and Welsh principal councils (`nation == "wales"`, so a caller can tell).

Public API (stable; question parsing calls it):
- `canonical_authority(name) -> str`: any written form -> canonical name; unknown names come back as written.
- `find_in_text(text) -> list[Mention]`: mentions in document text (case-sensitive, proper-noun forms).
- `find_in_question(text) -> list[str]`: canonical names in a user's question, case-insensitive.
- `AUTHORITIES`: canonical name -> `Authority` (nation, status, ambiguous).
- `LA_RE`: one regex over every name and alias (group 1 = the surface name), kept for older callers.

Ambiguous names (also ordinary words, surnames or other places: Reading, Sutton, Bury, York, Derby,
Durham, Richmond, Kingston, Newcastle, Newport, Bedford...) count only with a cue: a council word next to them
("Reading Borough Council", "Sutton council", "London Borough of Sutton"), a possessive followed by services
("Derby's children's services"), or a children's-services word close by. In questions the same cue list
applies, plus "in/for/at <name>" ("visits in reading") because a staff question names places that way; a
name opening a question ("Reading the letter ...") never counts without a council word.

Why one long module: most of its length is the table of authorities and their aliases; the matching rules
below it are what the table is for, and both change together.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache


@dataclass(frozen=True)
class Authority:
    name: str
    nation: str = "england"  # "england" | "wales"
    status: str = "current"  # "current" | "former" (abolished or merged; still named in older reports)
    ambiguous: bool = False  # also an ordinary word, surname or another place: needs a cue
    aliases: tuple[str, ...] = ()


@dataclass
class Mention:
    name: str  # canonical name
    start: int
    end: int
    surface: str  # the text as written (may include the council form, e.g. "London Borough of Sutton")
    formal: bool = field(default=False, compare=False)  # written with a council form ("X Council", "Borough of X")
    address: bool = field(default=False, compare=False)  # part of a postal address (a postcode follows)


# ---------------------------------------------------------------- the table

_ENGLAND = """Barking and Dagenham|Barnet|Barnsley|Bath and North East Somerset|Bedford|Bexley|Birmingham|
Blackburn with Darwen|Blackpool|Bolton|Bournemouth, Christchurch and Poole|Bracknell Forest|Bradford|Brent|
Brighton and Hove|Bristol|Bromley|Buckinghamshire|Bury|Calderdale|Cambridgeshire|Camden|Central Bedfordshire|
Cheshire East|Cheshire West and Chester|City of London|Cornwall|Coventry|Croydon|Cumberland|Darlington|Derby|
Derbyshire|Devon|Doncaster|Dorset|Dudley|Durham|Ealing|East Riding of Yorkshire|East Sussex|Enfield|Essex|
Gateshead|Gloucestershire|Greenwich|Hackney|Halton|Hammersmith and Fulham|Hampshire|Haringey|Harrow|Hartlepool|
Havering|Herefordshire|Hertfordshire|Hillingdon|Hounslow|Isle of Wight|Isles of Scilly|Islington|
Kensington and Chelsea|Kent|Kingston upon Hull|Kingston upon Thames|Kirklees|Knowsley|Lambeth|Lancashire|Leeds|
Leicester|Leicestershire|Lewisham|Lincolnshire|Liverpool|Luton|Manchester|Medway|Merton|Middlesbrough|
Milton Keynes|Newcastle upon Tyne|Newham|Norfolk|North East Lincolnshire|North Lincolnshire|North Northamptonshire|
North Somerset|North Tyneside|North Yorkshire|Northumberland|Nottingham|Nottinghamshire|Oldham|Oxfordshire|
Peterborough|Plymouth|Portsmouth|Reading|Redbridge|Redcar and Cleveland|Richmond upon Thames|Rochdale|Rotherham|
Rutland|Salford|Sandwell|Sefton|Sheffield|Shropshire|Slough|Solihull|Somerset|South Gloucestershire|
South Tyneside|Southampton|Southend-on-Sea|Southwark|St Helens|Staffordshire|Stockport|Stockton-on-Tees|
Stoke-on-Trent|Suffolk|Sunderland|Surrey|Sutton|Swindon|Tameside|Telford and Wrekin|Thurrock|Torbay|
Tower Hamlets|Trafford|Wakefield|Walsall|Waltham Forest|Wandsworth|Warrington|Warwickshire|West Berkshire|
West Northamptonshire|West Sussex|Westminster|Westmorland and Furness|Wigan|Wiltshire|Windsor and Maidenhead|
Wirral|Wokingham|Wolverhampton|Worcestershire|York"""

# Abolished or merged authorities that older inspection reports and news name.
_FORMER = """Northamptonshire|Cumbria|Bournemouth|Poole|Christchurch|Bedfordshire|Cheshire|Berkshire|Avon|
Cleveland|Humberside|Hereford and Worcester"""

_WALES = """Blaenau Gwent|Bridgend|Caerphilly|Cardiff|Carmarthenshire|Ceredigion|Conwy|Denbighshire|Flintshire|
Gwynedd|Isle of Anglesey|Merthyr Tydfil|Monmouthshire|Neath Port Talbot|Newport|Pembrokeshire|Powys|
Rhondda Cynon Taf|Swansea|Torfaen|Vale of Glamorgan|Wrexham"""

# Names that are also ordinary words, surnames, or other places.
_AMBIGUOUS = {"Reading", "Sutton", "Bury", "York", "Derby", "Durham", "Bedford", "Halton", "Newport", "Christchurch", "Cleveland", "Avon",
              "Poole", "Brent", "Bridgend", "Conwy", "Cumberland", "Manchester", "Bristol", "Cheshire"}

# Other written forms -> canonical. Short forms of ambiguous names are ambiguous too.
_ALIASES = {
    "Bath and North East Somerset": ("Bath & North East Somerset", "B&NES", "BANES", "BaNES", "B&amp;NES", "Bath",
                                     "Bath and NE Somerset", "Bath & NE Somerset", "Bath NE Somerset"),
    "Bournemouth, Christchurch and Poole": ("BCP", "Bournemouth Christchurch and Poole",
                                            "Bournemouth, Christchurch & Poole"),
    "Barking and Dagenham": ("Barking & Dagenham", "Barking"),
    "Hammersmith and Fulham": ("Hammersmith & Fulham", "LBHF", "H&F", "Hammersmith"),
    "Kensington and Chelsea": ("Kensington & Chelsea", "RBKC"),
    "Tower Hamlets": ("LBTH",),
    "Windsor and Maidenhead": ("Windsor & Maidenhead", "RBWM", "Windsor"),
    "Brighton and Hove": ("Brighton & Hove", "Brighton"),
    "Telford and Wrekin": ("Telford & Wrekin", "Telford"),
    "Redcar and Cleveland": ("Redcar & Cleveland", "Redcar"),
    "Cheshire West and Chester": ("Cheshire West & Chester", "CWaC", "Cheshire West"),
    "Blackburn with Darwen": ("Blackburn", "BwD"),
    "Kingston upon Hull": ("Hull", "City of Hull", "Hull City"),
    "Kingston upon Thames": ("Kingston",),
    "Richmond upon Thames": ("Richmond",),
    "Newcastle upon Tyne": ("Newcastle",),
    "Southend-on-Sea": ("Southend", "Southend on Sea"),
    "Stockton-on-Tees": ("Stockton", "Stockton on Tees"),
    "Stoke-on-Trent": ("Stoke", "Stoke on Trent"),
    "Durham": ("County Durham",),
    "Leicester": ("Leicester City",),
    "Bristol": ("City of Bristol",),
    "East Riding of Yorkshire": ("East Riding",),
    "Isle of Anglesey": ("Anglesey", "Ynys Môn"),
    "Rhondda Cynon Taf": ("Rhondda Cynon Taff", "RCT"),
    "Vale of Glamorgan": ("The Vale of Glamorgan",),
    "Westmorland and Furness": ("Westmorland & Furness",),
    "Herefordshire": ("County of Herefordshire",),
    "St Helens": ("St. Helens",),
    "Hereford and Worcester": ("Hereford & Worcester",),
    # the counties' everyday short forms ("west northants ilacs 2022")
    "Northamptonshire": ("Northants",), "West Northamptonshire": ("West Northants", "WNC"),
    "North Northamptonshire": ("North Northants", "NNC"), "Nottinghamshire": ("Notts",), "Lincolnshire": ("Lincs",),
    "Leicestershire": ("Leics",), "Hertfordshire": ("Herts",), "Buckinghamshire": ("Bucks",),
    "Wiltshire": ("Wilts",), "Gloucestershire": ("Glos",), "Worcestershire": ("Worcs",), "Oxfordshire": ("Oxon",),
    "Cambridgeshire": ("Cambs",), "Hampshire": ("Hants",), "Staffordshire": ("Staffs",), "Derbyshire": ("Derbys",),
    "Lancashire": ("Lancs",), "Central Bedfordshire": ("Central Beds",), "Warwickshire": ("Warks",),
    "Shropshire": ("Shrops",), "Berkshire": ("Berks",),  # (the old county's: "West Berks")
    "Liverpool": ("L'pool", "L’pool", "Lpool"), "Birmingham": ("B'ham", "B’ham", "Bham"),  # (the cities' too)
    "Sheffield": ("Sheff",),
    "Northumberland": ("N'land", "N’land", "Nland"),
    "Nottingham": ("Nottm",),  # (the city's everyday short form, not Notts)
    "Isle of Wight": ("IoW",),
    # county councils by their initials, where no other council shares them ("KCC's own statement")
    "Kent": ("KCC",), "West Sussex": ("WSCC", "WSx"), "East Sussex": ("ESCC",),  # ("WSx" too; not "ESx": Essex's)
    "North Yorkshire": ("North Yorks", "NYCC"),
}
# Welsh council names that are also English towns (Newport, Isle of Wight and Shropshire): in an English page they
# count only in a council form ("Newport City Council").
_ALSO_AN_ENGLISH_TOWN = {"Newport"}
# Alias surfaces that need a cue even though their canonical name is unambiguous.
# The first town of a two-part area ("Brighton", "Redcar") is how people shorten it; it needs a cue as well.
_AMBIGUOUS_ALIASES = {"Blackburn", "Hull", "Stockton", "Stoke", "Southend", "Kingston", "Richmond", "Newcastle",
                      "RCT", "Bath",  # RCT is also a randomised controlled trial
                      "Barking", "Hammersmith", "Windsor", "Brighton", "Telford", "Redcar",
                      "Bucks", "Wilts", "Staffs"}  # (also words: "bucks the trend", "wilts", "staffs the desk")


def _names(block: str) -> list[str]:
    return [n.strip() for n in block.replace("\n", "").split("|") if n.strip()]


# A county's short form inside a longer council's name is that council's too: "North East Lincs", "South Glos".
_COUNTY_SHORT = {county: forms[0] for county, forms in _ALIASES.items()
                 if len(forms) == 1 and " " not in county and " " not in forms[0] and county.endswith("shire")}


def _aliases_of(name: str) -> tuple[str, ...]:
    derived = tuple(name.replace(county, short) for county, short in _COUNTY_SHORT.items()
                    if county in name and name != county)
    return tuple(dict.fromkeys(_ALIASES.get(name, ()) + derived))


AUTHORITIES: dict[str, Authority] = {}
for _n in _names(_ENGLAND):
    AUTHORITIES[_n] = Authority(_n, "england", "current", _n in _AMBIGUOUS, _aliases_of(_n))
for _n in _names(_FORMER):
    AUTHORITIES[_n] = Authority(_n, "england", "former", _n in _AMBIGUOUS, _aliases_of(_n))
for _n in _names(_WALES):
    AUTHORITIES[_n] = Authority(_n, "wales", "current", _n in _AMBIGUOUS, _aliases_of(_n))

# surface form -> canonical
_SURFACE: dict[str, str] = {}
for _a in AUTHORITIES.values():
    _SURFACE[_a.name] = _a.name
    for _alias in _a.aliases:
        _SURFACE[_alias] = _a.name

LOCAL_AUTHORITIES = [a.name for a in AUTHORITIES.values() if a.nation == "england" and a.status == "current"]


def _key(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower().replace("&", "and"))


_BY_KEY = {_key(s): c for s, c in _SURFACE.items()}

_SURFACE_ALT = "|".join(sorted(map(re.escape, _SURFACE), key=len, reverse=True))
# Kept for older callers (qa/retrieval/question.py): canonical names only, group 1 = the canonical name. Aliases and ambiguous
# former/Welsh names (Avon, Poole, Newport...) are left out so a bare regex cannot over-match; new code should
# call find_in_question / find_in_text instead.
_LA_RE_NAMES = [a.name for a in AUTHORITIES.values()
                if not (a.ambiguous and not (a.nation == "england" and a.status == "current"))]
LA_RE = re.compile(r"(?<![\w-])(" + "|".join(sorted(map(re.escape, _LA_RE_NAMES), key=len, reverse=True))
                   + r")(?![\w-])")

# Council forms around a name. Group "pre" / "post" mark a formal mention.
_PRE_FORM = r"(?:(?:London|Royal|Metropolitan|City and County)?\s*Boroughs?\s+of|City\s+of|County\s+of|Royal\s+Borough\s+of)"
_POST_FORM = (r"(?:(?:Metropolitan\s+|County\s+|City\s+|Borough\s+|District\s+|Unitary\s+)*"
              r"(?:Council|Borough|Corporation)s?|City\s+Council|County\s+Council|MBC|CC|BC)")
_FORMAL_RE = re.compile(rf"(?<![\w-])(?:(?P<pre>{_PRE_FORM})\s+)?(?P<name>{_SURFACE_ALT})(?![\w-])(?P<post>\s+{_POST_FORM}\b)?",
                        re.I)

_CUE_RE = re.compile(r"\b(council|borough|county|local authority|children.s (social )?(services|care|trust)|"
                     r"social care|safeguarding|ofsted|inspect\w*|monitoring visit|director of children)", re.I)
# (and the initials after it: "Apologies were received from Councillor D. Harrow")
_PERSON_TITLE_RE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Dr|Cllr|Coun|Councillor|Sir|Lord|Lady|Professor|Prof)\.?\s+"
                              r"(?:[A-Z]\.?\s*){0,3}$")
# Street names of Ofsted's offices: a town right after them is the sender's letterhead.
_OFSTED_OFFICE_RE = re.compile(r"Piccadilly Gate|Store Street|Temple Quay|Rivergate|Aviation House|\bAgora\b|"
                               r"Cumberland Place|\d+ Kingsway|Royal Exchange Buildings|Clive House|"
                               r"Sanctuary Buildings|Great Smith Street")  # and the DfE's, for its letters
# Any office of the sender's ("Ofsted / Clarendon Court / Example Street / Nottingham / enquiries@ofsted..."), only
# as an address: the "Ofsted" (or DfE) line and the lines down to the town hold capitalised words or numbers alone,
# the town opens its line, and an email, a web address or a phone number opens what follows it (after the
# postcode, on the town's line or the next).
_CAP_WORDS = r"(?:[A-Z0-9][\w'’,&-]*(?:[^\S\n]+[A-Z0-9][\w'’,&-]*)*)?"
_SENDER_BEFORE_RE = re.compile(rf"(?:^|\n)[^\S\n]*(?:Ofsted|Department for Education)\b(?:[^\S\n]+{_CAP_WORDS})?"
                               rf"(?:[^\S\n]*\n[^\S\n]*{_CAP_WORDS}){{1,8}}[^\S\n]*$")
_CONTACT = r"(?:[\w.+-]+@|www\.|T(?:el)?\b\W{0,3}0\d)"  # an e-mail, a web address or a phone number opening
_CONTACT_AFTER_RE = re.compile(r"^,?[^\S\n]*(?:\n?[^\S\n]*[A-Z]{1,2}\d[A-Z\d]?[^\S\n]*\d[A-Z]{2}[^\S\n]*)?(?:\n[^\S\n]*){0,2}"
                               rf"(?:{_CONTACT}|0300\b)")
# A two-column letterhead read across into one line ("Clarendon House T 0300 ... 9 Weaver Street
# enquiries@ofsted.gov.uk Manchester www.ofsted.gov.uk M1 2WD"): a town with Ofsted's own address straight after
# it (not a council's address further along the line, after the letterhead: "... www.ofsted.gov.uk ... Exeter Devon").
_OFSTED_CONTACT_NEXT_RE = re.compile(r"[^\S\n]+(?:[\w.+-]+@|www\.)(?i:ofsted)\.")
# (with the letterhead's other column on the line before it: a phone number or Ofsted's other address; never a
# council named formally, "Rutland County Council  enquiries@ofsted.gov.uk", the addressee across the page)
_LETTERHEAD_BEFORE_RE = re.compile(r"\bT(?:el)?\.?\s*0\d{2,4}\b|(?:[\w.+-]+@|www\.)(?i:ofsted)\.")
# A regional office's letterhead on one line ("Ofsted  Regional office - North West  Manchester"), the town ending
# the line or followed by the office's phone number, e-mail or the letter's date: where Ofsted writes from.
# (an office or a region named between: not a headline, "Ofsted Praises Leeds", "Ofsted Monitoring Visit - Wigan")
_OFSTED_LINE_BEFORE_RE = re.compile(r"\bOfsted(?:[^\S\n]+[A-Z][\w'’&]*)*?[^\S\n]+(?:[Rr]egional[^\S\n]+[Oo]ffice|[Oo]ffice|"
                                    r"[Rr]egion)\b(?:[^\S\n]+(?:[A-Z][\w'’&]*|[-–—]))*[^\S\n]+$")
_OFFICE_TOWN_END_RE = re.compile(rf"[^\S\n]*(?:\n|$|{_CONTACT}|\d{{1,2}}\s+[A-Z][a-z]+\s+(?:19|20)\d\d\b)")
_POSTCODE_RE = re.compile(r"^\W{0,3}[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
# The town closing a street address on one line ("1st Floor, Millbrook Chambers, 7 Cross Street, Manchester"):
# where an office is, not what the page is about.
_STREET_BEFORE_RE = re.compile(r"\b(?!(?:19|20)\d\d\b)\d{1,4}[A-Za-z]?\s+(?:[A-Z][\w'’-]+\s+){1,3}(?:Street|Road|Lane|Avenue|Square|Place|"
                               r"Way|Row|Walk|Parade|Drive|Terrace|Crescent|Quay|Wharf)\b[^\n.]{0,30},[^\S\n]*$")
# (or on a line a label calls an address: "Registered provider address: Unit 4, Cranmore Park, Hatfield Road, Herts")
_ADDRESS_LABEL_BEFORE_RE = re.compile(r"(?im)^[^\S\n]*(?:(?:registered|provider['’]?s?|postal|office|home|setting|"
                                      r"head|correspondence|contact|main|business)\s+){0,3}address\s*[:|][^\n]*$")
# Words after an ambiguous name that show it is something else ("Bury St Edmunds", "New York", "Derby County").
_NOT_LA_AFTER = re.compile(r"^\s+(Spa\b|St\b|Street|Road|Lane|Avenue|Place|Square|House|Way|Terrace|Crescent|University|College|Hospital|United|City F\.?C|"
                           r"County F\.?C|Cathedral|Minster|Racecourse|Station|Airport|Crown Court|Magistrates|Castle|Pier|Marina|"
                           r"Town F\.?C|Football)")
# A street or a building named after a place, for any name ("Knowsley Row", "Wigan Road", "Suite 2, Cornwall Court"),
# ending an address line or before its town (not "Sandwell Row Over Children's Trust", "Wigan Close To Good" in a
# title-case headline).
_STREET_AFTER_RE = re.compile(r"[^\S\n]+(?:Street|Road|Lane|Avenue|Row|Walk|Drive|Close|Crescent|Terrace|Gardens|Parade|"
                              r"Square|Way|Court|Chambers|Buildings|House)\b(?=[^\S\n]*(?:,|\n|$|[A-Z]{1,2}\d)|"
                              r"\s+[A-Z][a-z]+\s*(?:,|\n|$|[A-Z]{1,2}\d|(?:Dear|Tel|Telephone|Email|E-mail)\b|www\.))")
# (an address block run into one line by the converter: "Bury Council Town Hall Knowsley Street Bury Dear Jeanette")
# Bodies named after a place that are not its council, for any name.
_NOT_A_COUNCIL_AFTER = re.compile(r"\s+(?:and [A-Z]\w+\s+)?(?:Police|Constabulary|Fire and Rescue|Integrated Care Board|"
                                  r"ICB|NHS|Clinical Commissioning Group|CCG|Albion|F\.?C\.?|Football Club)\b")
_NOT_A_COUNCIL_AFTER_ANY_CASE = re.compile(_NOT_A_COUNCIL_AFTER.pattern, re.I)  # (as a question may type it)
# (nor a church's area: "Toby Marsden (Diocese of Leeds)", "the Bishop of Durham")
# (the office, not a surname: "Councillor Sue Bishop of Rochdale" is Rochdale's)
_NOT_A_COUNCIL_BEFORE = re.compile(r"\bNHS\s+$|\b(?:(?:Arch)?[Dd]iocese|"
                                   r"[Tt]he\s+(?:(?:Arch)?[Bb]ishop|Dean|Archdeacon))\s+of\s+$")
_LA_LABEL_BEFORE_RE = re.compile(r"(?:^|\n)[^\S\n]*\|?[^\S\n]*local\s+authority[^\S\n]*[:|]?\s*$", re.I)
_NOT_LA_BEFORE = re.compile(r"\b(New|Port|Upon|Mr|Mrs|Ms|Dr|University of)\s+$")
# A region named after a place is not its council: "the Greater Manchester council" is Tameside.
_REGION_BEFORE = re.compile(r"\bGreater\s+$")
# Capitalised words that may stand before a place name without making it a person's surname.
_PLACE_PREFIX_WORDS = {"in", "at", "of", "for", "from", "to", "and", "the", "by", "with", "on", "across", "both",
                       "north", "south", "east", "west", "central", "greater", "royal", "london", "borough", "city",
                       "county", "council", "but", "while", "whereas", "as", "than", "including", "like", "unlike",
                       "councils", "authorities", "inspectors", "ofsted", "today", "yesterday", "meanwhile",
                       "however", "when", "where", "since", "after", "before", "following", "about", "only"}


def canonical_authority(name: str) -> str:
    """'barnet', 'London Borough of Barnet', 'Barnet Council', 'BCP' -> canonical name; unknown names are kept
    as written."""
    text = str(name).strip()
    if not text:
        return text
    key = _key(text)
    if key in _BY_KEY:
        return _BY_KEY[key]
    m = _FORMAL_RE.search(text)
    if m and (m.group("pre") or m.group("post") or len(m.group("name")) >= len(text) - 2):
        surface = m.group("name")
        return _SURFACE.get(surface) or _BY_KEY.get(_key(surface), text)
    stripped = re.sub(rf"^\s*{_PRE_FORM}\s+|\s+{_POST_FORM}\s*$", "", text, flags=re.I)
    return _BY_KEY.get(_key(stripped), text)


def places_in_masthead(paper: str) -> set[str]:
    """Authorities a newspaper's name carries ("Wakefield Evening Echo" -> Wakefield; "Devon & Torbay Today" ->
    both): the longest run of words opening each part that is an authority's name."""
    found = set()
    for part in re.split(r"\s+(?:&|and)\s+", re.sub(r"^\s*The\s+", "", paper)):
        words = part.split()
        for k in range(len(words), 0, -1):
            name = _BY_KEY.get(_key(" ".join(words[:k])))
            if name:
                found.add(name)
                break
    return found


def is_welsh(name: str) -> bool:
    a = AUTHORITIES.get(canonical_authority(name))
    return bool(a and a.nation == "wales")


def name_within(name: str, other: str) -> bool:
    """One authority's name inside another's as whole words ("Lincolnshire" in "North East Lincolnshire",
    "Northamptonshire" in "West Northamptonshire"; not "Derby" in "Derbyshire"). Any case."""
    return bool(re.search(rf"\b{re.escape(name)}\b", other, re.I))


# The councils that took over a former one's area, where their names do not hold its name ("Cumberland" is in
# Cumbria; "West Northamptonshire" holds its county's name and needs no entry).
_SUCCESSORS = {
    "Cumbria": ("Cumberland", "Westmorland and Furness"),
    "Avon": ("Bristol", "Bath and North East Somerset", "North Somerset", "South Gloucestershire"),
    "Berkshire": ("Bracknell Forest", "Reading", "Slough", "West Berkshire", "Windsor and Maidenhead", "Wokingham"),
    "Cleveland": ("Hartlepool", "Middlesbrough", "Redcar and Cleveland", "Stockton-on-Tees"),
    "Humberside": ("East Riding of Yorkshire", "Kingston upon Hull", "North East Lincolnshire", "North Lincolnshire"),
    "Hereford and Worcester": ("Herefordshire", "Worcestershire"),
    "Bedfordshire": ("Bedford", "Central Bedfordshire", "Luton"),
    "Cheshire": ("Cheshire East", "Cheshire West and Chester"),
}


def succeeded_by(former: str, name: str) -> bool:
    """Whether `name` is one of the councils that took over the former authority `former`'s area."""
    return name_within(former, name) or name in _SUCCESSORS.get(canonical_authority(former), ())


@lru_cache(maxsize=512)
def former_counties(name: str) -> tuple[str, ...]:
    """The former authorities whose area holds `name` ("Reading" -> ("Berkshire",)), once per name."""
    return tuple(county for county in AUTHORITIES if county != name and is_former(county) and succeeded_by(county, name))


def is_former(name: str) -> bool:
    a = AUTHORITIES.get(canonical_authority(name))
    return bool(a and a.status == "former")


def _is_ambiguous_surface(surface: str, canonical: str) -> bool:
    return surface in _AMBIGUOUS_ALIASES or (AUTHORITIES[canonical].ambiguous and surface == canonical) or \
        (AUTHORITIES[canonical].ambiguous and surface in AUTHORITIES[canonical].aliases)


# Unambiguous as places in this domain but also common given names or surnames.
_PERSON_LIKE = {"Dudley", "Brent", "Sefton", "Bradford", "Bolton", "Wakefield", "Warrington", "Kent", "Merton",
                "Luton", "Harrow", "Barnet", "Hackney", "Camden", "Bexley", "Ealing", "Rutland", "Stockport"}


# Words a headline or caption puts before a place's post ("New Harrow Director of Children's Services appointed").
_NOT_GIVEN_NAMES = {"new", "former", "outgoing", "incoming", "interim", "acting", "dear", "previous", "caption", "our",
                    "ex", "then", "current", "permanent", "temporary", "deputy", "assistant", "executive", "corporate",
                    "strategic", "joint", "senior", "retiring", "departing", "next", "first", "top", "photo", "pictured"}
_POST_AFTER_RE = re.compile(r",?[^\S\n]+(?:(?:Interim|Acting|Executive|Corporate|Strategic|Assistant|Deputy)\s+)?"
                            r"(?:Director|Chief\s+Executive|Head\s+of)\b")


def _looks_like_person(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 30):start]
    if _PERSON_TITLE_RE.search(before):
        return True
    # "Jane Sutton said", "Brent Smith": a capitalised given name before, or a surname after.
    surface = text[start:end]
    person_like = AUTHORITIES[_SURFACE[surface]].ambiguous or surface in _PERSON_LIKE
    m = re.search(r"(?<![.!?:;\n])\b([A-Z][a-z]+)\s+$", before)
    if person_like and m and m.group(1).lower() not in _PLACE_PREFIX_WORDS and not re.search(r"[.!?]\s+[A-Z][a-z]+\s+$", before):
        # sentence-initial capitalised words ("Reading Sutton's report") are not given names
        prev = before[:m.start()].rstrip()
        if prev and not prev.endswith((".", "!", "?", ":", "\n", "“", '"')):
            return True
    after = text[end:end + 30]
    # A letter's addressee: "Pauline Harrow Director of Children's Services" opening a line (the given name at the
    # start of a line, a post after the surname); "Harrow Director of Children's Services" alone is the place's.
    given = re.search(r"(?:^|\n)[^\S\n]*([A-Z][a-z]+)[^\S\n]+$", before)
    if person_like and given and given.group(1).lower() not in _PLACE_PREFIX_WORDS | _NOT_GIVEN_NAMES \
            and _POST_AFTER_RE.match(after):
        return True
    if re.match(r"[^\S\n]+[A-Z][a-z]+(\s|,|$)", after) and not re.match(  # (a surname on the same line)
            rf"\s+({_POST_FORM}|Children|Safeguarding|Youth|Family|Families|Local|Social|Town|Civic|Metropolitan|"
            r"City|County|Borough|Council|Ofsted|Improvement|Partnership|Trust|and|Commissioner|Cabinet|Director|"
            # (nor the next label of a details table run into its line: "Local authority: Luton Inspection of ...")
            r"(?:Inspections?|Reports?)\b)",
            after):
        return person_like
    return False


_CAPS_LINE_RE = re.compile(r"^[^\S\n]*[A-Z][A-Z'’&-]+(?:[^\S\n]+[A-Z'’&-]+)+[^\S\n]*$", re.M)
_SMALL_WORDS = {"AND", "OF", "UPON", "ON", "THE", "IN", "UNDER"}


def _name_case(line: str) -> str:
    """'REDCAR AND CLEVELAND BOROUGH COUNCIL' -> 'Redcar and Cleveland Borough Council' (same length)."""
    return re.sub(r"[A-Z][A-Z'’&-]*", lambda w: w.group(0).lower() if w.group(0) in _SMALL_WORDS
                  else w.group(0)[0] + w.group(0)[1:].lower(), line)


# Two or more words in capitals within a line: "EAST RIDING OF YORKSHIRE COUNCIL | Minutes | Page 3".
_CAPS_RUN_RE = re.compile(r"\b[A-Z][A-Z'’&-]+(?:[^\S\n]+[A-Z][A-Z'’&-]*)+\b")


def name_case_capitals(text: str) -> str:
    """Runs of words in capitals written as names are ("EAST RIDING OF YORKSHIRE COUNCIL | Minutes" -> "East Riding
    of Yorkshire Council | Minutes"), for patterns that read a council's name by its capitals."""
    return _CAPS_RUN_RE.sub(lambda m: _name_case(m.group(0)), text)


def find_in_text(text: str) -> list[Mention]:
    """Authority mentions in document text, in order. Proper-noun forms only (case-sensitive name, council words
    in any case). Ambiguous names need a cue; names that read as a person's name or part of a postal address
    next to a postcode of an Ofsted office are skipped. A line in capitals (a council's masthead, "REDCAR AND
    CLEVELAND BOROUGH COUNCIL") is read in name case; offsets are the text's own."""
    text = _CAPS_LINE_RE.sub(lambda m: _name_case(m.group(0)), text)
    mentions: list[Mention] = []
    confirmed = set()  # ambiguous names this text has used with a cue: later bare mentions mean the same place
    pending: list[tuple] = []
    for m in _FORMAL_RE.finditer(text):
        name_surface = m.group("name")
        if name_surface not in _SURFACE:  # matched case-insensitively: proper nouns only in text
            continue
        canonical = _SURFACE[name_surface]
        ns, ne = m.start("name"), m.end("name")
        formal = bool(m.group("pre") or m.group("post"))
        if not m.group("pre") and _REGION_BEFORE.search(text[max(0, ns - 10):ns]):
            continue  # "the Greater Manchester council": a region's name, not the council's
        if not formal:
            if _looks_like_person(text, ns, ne) and not _POSTCODE_RE.match(text[ne:ne + 12]):
                continue
            if _COUNCILLORS_BEFORE_RE.search(text[max(0, ns - 200):ns]):
                continue  # a councillor's surname ("Present: Councillors Ashworth (Chair), Bibi, Quinn and Warrington")
            if _NOT_A_COUNCIL_AFTER.match(text[ne:ne + 40]) or _NOT_A_COUNCIL_BEFORE.search(text[max(0, ns - 25):ns]):
                continue  # "Devon and Cornwall Police", "NHS Devon Integrated Care Board": another body
            if _STREET_AFTER_RE.match(text[ne:ne + 40]):
                continue  # "Civic Centre / Knowsley Row / Bury": a street in an address
            if _is_ambiguous_surface(name_surface, canonical):
                if name_surface in _ALSO_AN_ENGLISH_TOWN:
                    continue  # "County Hall in Newport" is the Isle of Wight's: the Welsh council needs its form
                after = text[ne:ne + 60]
                before = text[max(0, ns - 50):ns]
                if _NOT_LA_AFTER.match(after) or _NOT_LA_BEFORE.search(before):
                    continue
                possessive = re.match(r"[’']s\s+(children|social|council|services|director|safeguarding|"
                                      r"local authority|improvement|inadequate|ofsted)", after, re.I)
                near = text[max(0, ns - 60):ne + 60]
                if not (possessive or _CUE_RE.search(near)):
                    pending.append((m, canonical, ns, ne))
                    continue
                if ns == 0 or re.search(r"(^|[.!?]\s+|\n)$", text[max(0, ns - 3):ns]):
                    # sentence-initial ambiguous word ("Reading the report...") only with a possessive/council cue
                    # (or the value of a details table's label: "Local authority" over "Sutton")
                    # ("Halton children's services: Ofsted inspection" opening a headline names the place)
                    # (not a gerund: "Reading children's social care records, inspectors saw ...")
                    # (or its board: "Hull Children's Services Improvement Board" heading its minutes)
                    # (capitalised as a name: not "Reading children's services board papers, members asked")
                    if not (possessive or re.match(r"\s*(council|borough|children['’]?s\s+services\s*(?:[:|–—-]|\n|$|"
                                                   r"(?:were|was|are|is|has|have|had|rated|judged)\b)|"
                                                   r"(?-i:Children['’]?s\s+Services\s+(?:Improvement\s+)?"
                                                   r"(?:Board|Panel|Partnership))\b|"
                                                   # (or its safeguarding partners': "Newcastle Safeguarding
                                                   # Children Partnership" heading its briefing)
                                                   r"(?-i:Safeguarding\s+Children(?:['’]?s)?\s+(?:Partnership|Board))"
                                                   r"\b)", after, re.I)
                            or (_LA_LABEL_BEFORE_RE.search(before) and re.match(r"[^\S\n]*(?:\||\n|$)", after))):
                        pending.append((m, canonical, ns, ne))  # unless a list with other authorities begins there
                        continue
        start = m.start() if m.group("pre") else ns
        end = m.end("post") if m.group("post") else ne
        # a postcode straight after, or a line or two below ("Swindon\nWiltshire\nSN1 2JH"): a postal address
        address = bool(_POSTCODE_RE.match(text[end:end + 12]) or re.match(
            r"[^\S\n]*,?[^\S\n]*\n(?:[^\n]{0,30}\n)?[^\n]{0,25}?\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", text[end:end + 70])
            or _STREET_BEFORE_RE.search(text[max(0, start - 80):start])
            or _ADDRESS_LABEL_BEFORE_RE.search(text[max(0, start - 120):start]))
        line_before = text[max(text.rfind("\n", 0, start) + 1, start - 120):start]
        if _OFSTED_OFFICE_RE.search(text[max(0, start - 90):start]) or (
                _SENDER_BEFORE_RE.search(text[max(0, start - 120):start])
                and _CONTACT_AFTER_RE.match(text[end:end + 60])) or (
                not formal and _OFSTED_CONTACT_NEXT_RE.match(text, end) and _LETTERHEAD_BEFORE_RE.search(line_before)) or (
                not formal and _OFSTED_LINE_BEFORE_RE.search(line_before) and _OFFICE_TOWN_END_RE.match(text, end)):
            continue  # the letterhead of an Ofsted office, not the authority written to
        mentions.append(Mention(canonical, start, end, text[start:end], formal, address))
        if _is_ambiguous_surface(name_surface, canonical):
            confirmed.add(canonical)
    for m, canonical, ns, ne in pending:
        sentence_start = ns == 0 or re.search(r"(^|[.!?]\s+|\n)$", text[max(0, ns - 3):ns])
        # in a list with other authorities ("Derby, Essex and Hampshire were among the first councils visited")
        listed = not re.match(r"\s+[A-Z][a-z]", text[ne:ne + 3]) and any(  # (not "Sutton Coldfield")
            re.fullmatch(LIST_JOIN, text[ne:mt.start]) or re.fullmatch(LIST_JOIN, text[mt.end:ns]) for mt in mentions)
        if canonical in confirmed and not sentence_start or listed:
            mentions.append(Mention(canonical, ns, ne, text[ns:ne], False, False))
    mentions.sort(key=lambda mt: mt.start)
    return mentions


LIST_JOIN = r"\s*(?:,|;|and|&|or|,\s*and)\s*"  # between two names of a list in a sentence
_COUNCILLORS_BEFORE_RE = re.compile(r"\b(?:Councillors?|Cllrs?\.?)[^\S\n]+(?:[A-Z][\w'’-]+(?:[^\S\n]+\([^)\n]*\))?"
                                    r"[^\S\n]*(?:,|and|&)[^\S\n]*)*$")
_Q_CUE_BEFORE = re.compile(r"\b(in|for|at|about|from|by|of|to)\s+$", re.I)
# ... or the subject of an inspection's result: "what grade did reading get", "how did sutton fare at its
# inspection" (not "did reading help", nor a school subject: "how did reading perform at key stage 2")
_SUBJECT_BEFORE = re.compile(r"\b(?:did|does|do|has|have|had|will|would)\s+$", re.I)
_RESULT_VERB_AFTER = re.compile(r"\s+(?:get|got|receive|received|achieve|achieved|score|scored|fare|fared|perform|"
                                r"performed)\b", re.I)
# ("how much did durham spend on agency SWs": the council spending on its children's services)
_SPENT_AFTER = re.compile(r"\s+(?:(?:over|under)?spen[dt]|pa(?:y|id)(?!\s+off\b)|budget(?:ed)?|saved?)\b", re.I)
_SERVICE_SPENDING_RE = re.compile(r"\b(?:social\s+workers?|sws?|agency|placements?|care|carers|fostering|adoption|"
                                  r"children|childrens|children['’]s|send|uasc|care\s+leavers)\b", re.I)
_INSPECTION_RESULT_RE = re.compile(r"^(?!.*\b(?:maths|writing|phonics|spelling|attainment|key\s+stage|ks\d|gcses?|"
                                   r"pupils|virtual\s+school)\b).*\b(?:grades?|graded|ratings?|rated|judge?ments?|"
                                   r"ofsted|inspect\w*|visit|ilacs|jtai|mv)\b", re.I | re.S)


# A terse query opening with an ambiguous name, then a word of this field or a year: the name is the place.
_ORDINAL = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|latest|last|next|\d(?:st|nd|rd|th))"
# (a post described first: "staffs new DCS - who and start date?")
_TERSE_TOPIC_AFTER = re.compile(rf"\s+(?:{_ORDINAL}\s+)?(?:(?:new|interim|acting|former|previous|current)\s+"
                                rf"(?=dcs|director|commissioner))?"
                                rf"(?:(?:19|20)\d\d|caseloads?|ilacs|ofsted|children'?s?|social|"
                                r"inspections?|"
                                r"monitoring|focused|visits?|care|safeguarding|send|fostering|adoption|youth|early help|"
                                r"front door|mash|dcs|director|commissioner|rating|rated|judge?ments?|inadequate|"
                                r"requires improvement|outstanding|good rating|missing|exploitation|cse|cce|return home|"
                                r"supervision|agency|recruitment|workforce|disabled|neglect|domestic abuse|"
                                r"child protection|edge of care|iros?|lado|pathway plans?|placements?|leaving care|"
                                r"corporate parenting|permanence|assessments?|referrals?|contacts|staffing|"
                                r"private fostering|unaccompanied|jtai|improvement plan|scrutiny|"
                                # (the field's shorthand: "bristol CL b&b", "kent cla placements", "medway cin plans")
                                r"cl|cla|cic|cin|cp|lac|uasc|sws?|pas?|mvs?\d*|fvs?|b&b)(?![\w&])", re.I)
# ... and a numbered kind of Ofsted visit after it names the place even when a question follows ("stockton second
# monitoring visit - what did it look at"; not "Reading monitoring visit letters, what ...?", a verb).
# (or dated by its year: "bury focused visit 2023 what needs to improve", "reading 2019 ilacs - what did it find";
# or by its month and year: "Reading focused visit Nov 2019 - how well ...")
_VISIT_KIND = r"(?:ofsted\s+)?(?:(?:monitoring|focus+ed)\s+visit|ilacs|jtai|inspection|mv|fv)"
_MONTH_WORD = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
               r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?(?![a-z])")
_VISIT_KIND_AFTER = re.compile(rf"\s+(?:{_ORDINAL}\s+{_VISIT_KIND}|{_VISIT_KIND}\s+(?:(?:{_MONTH_WORD}|early|mid|late|"
                               rf"spring|summer|autumn|winter)\s+)?(?:19|20)\d\d|"
                               rf"(?:19|20)\d\d\s+{_VISIT_KIND})\b", re.I)
# ... and for a town, a visit of so many days: "huddersfield 2-day mv dec 18 - were kids safe?" (not a word that is
# also a verb: "Reading 2-day monitoring visit letters, ...")
_DAYS_VISIT_AFTER = re.compile(rf"\s+(?:\d|one|two|three)[\s-]day\s+{_VISIT_KIND}\b", re.I)

_VISIT_NAMED_AFTER = re.compile(rf"\s+{_VISIT_KIND}s?\b", re.I)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_SCHOOL_RE = re.compile(r"\b(?:schools?|pupils?|phonics|key\s+stage|primary|secondary|deep\s+dive)\b", re.I)


# ... and, for a name that is no everyday verb, an inspection word straight after it: "bedford MV dates since the 2023
# ilacs + what each one looked at" (not "reading ofsted's letter ...", "bury the ILACS findings")
_INSPECTION_WORD_AFTER = re.compile(rf"\s+(?:{_VISIT_KIND}|mvs|fvs|dcs|ofsted['’]?s?|children['’]?s?\s+services)\b",
                                    re.I)
_ALSO_A_VERB = {"Reading", "Bury"}
_QUESTION_WORDS_RE = re.compile(r"[,?]|\b(what|how|why|which|who|when|where|did|does|do|is|are|was|were)\b", re.I)


_COMPASS = {"n": "North", "s": "South", "e": "East", "w": "West", "ne": "North East", "nw": "North West",
            "nth": "North", "sth": "South"}
_COMPASS_RE = re.compile(r"\b(n|s|e|w|ne|nw|nth|sth)\.?\s+(?=([a-z]+)(?:\s+([a-z]+))?)", re.I)


def _compass_expanded(m: re.Match) -> str:
    point = _COMPASS[m.group(1).lower()]
    names = [m.group(2)] + ([f"{m.group(2)} {m.group(3)}"] if m.group(3) else [])
    return point + " " if any(_BY_KEY.get(_key(f"{point} {name}")) for name in names) else m.group(0)


# "north and west northants", "north + west northamptonshire": one name shared by two compass points
_SHARED_NAME_RE = re.compile(r"\b(north|south|east|west)\s*(?:and|\+|&|/|or)\s*(north|south|east|west)\s+"
                             r"([a-z]+(?:\s+[a-z]+)?)", re.I)


def _shared_name_expanded(m: re.Match) -> str:
    first, second, rest = m.group(1), m.group(2), m.group(3)
    words = rest.split()
    for name in ([rest, words[0]] if len(words) > 1 else [rest]):
        if _BY_KEY.get(_key(f"{first} {name}")) and _BY_KEY.get(_key(f"{second} {name}")):
            return f"{first} {name} and {second} {name}" + rest[len(name):]
    return m.group(0)


def compass_expanded(text: str) -> str:
    """"w sussex" -> "West sussex", "north + west northants" -> "north northants and west northants"."""
    return _COMPASS_RE.sub(_compass_expanded, shared_names_expanded(initials_expanded(text)))


# A two-town council by its initials and an ampersand, as staff type it: "w&m afc mv", "K&C caseloads" (in a
# question only: a page's "T&W" is as likely Tyne and Wear)
# (current councils, less Telford and Wrekin: "T&W" is Tyne and Wear's too, and "H&W" a health and wellbeing board)
_TWO_TOWNS = {f"{m.group(1)}&{m.group(2)}".lower(): name for name, a in AUTHORITIES.items()
              if (m := re.fullmatch(r"([A-Z])\w+ and ([A-Z])\w+", name))
              and a.status == "current" and name != "Telford and Wrekin"}
_INITIALS_RE = re.compile(r"(?<![\w&])([a-z])&([a-z])(?![\w&])", re.I)


def initials_expanded(text: str) -> str:
    """"w&m afc mv" -> "Windsor and Maidenhead afc mv" (not "t&w": Telford and Wrekin's, or Tyne and Wear's)."""
    return _INITIALS_RE.sub(lambda m: _TWO_TOWNS.get(m.group(0).lower(), m.group(0)), text)


def shared_names_expanded(text: str) -> str:
    """"north + west northants" -> "north northants and west northants"."""
    return _SHARED_NAME_RE.sub(_shared_name_expanded, text)


# A county council by its county town, as staff type it in a hurry ("hereford first mv", "worcester ilacs"): the
# town is no children's services authority of its own. In a question only, and as an ambiguous name (it needs a
# cue): a page's "Hereford Times" or "Oxford University" names no council.
_COUNTY_TOWNS = {name[:-5]: name for name, a in AUTHORITIES.items()
                 if a.nation == "england" and name.endswith("shire") and " " not in name
                 and len(name) - 5 >= 6 and name[:-5] not in AUTHORITIES}
# ... and the City of London by its initials ("col care leavers fv"): in a question only (not in the forms a page is
# searched for), where a page's "CoL" may be a column or a certificate of lawfulness.
_QUESTION_INITIALS = {"CoL": "City of London"}
# ... and Milton Keynes as "MK" ("mk ILACS 2022"): in a question only, where minutes' "MK said" are somebody's initials
# (and Southampton as its everyday "Soton": "soton jtai wsoa - when was it due")
_QUESTION_ABBREVIATIONS = {"MK": "Milton Keynes", "MKC": "Milton Keynes", "Soton": "Southampton"}
# ... and a council by the company that runs its children's services, where the company's name holds no place
# ("the 2024 focused visit to Brighter Futures for Children"): in a question only, as a page naming the company names
# its council too. (Not Achieving for Children, which serves three councils.)
_CHILDRENS_COMPANIES = {"Brighter Futures for Children": "Reading", "BFfC": "Reading",
                        "Together for Children": "Sunderland"}
# ... and by a nickname as well known as its name ("The Square Mile's focused visit"), written as a name
_QUESTION_NICKNAMES = {"Square Mile": "City of London"}
_WRITTEN_AS_NAMES = {**_CHILDRENS_COMPANIES, **_QUESTION_NICKNAMES}
# ... and a council by its best-known town where the council is named otherwise ("Huddersfield council's 2016 SIF",
# "Maidenhead, the MV in Nov 2018"): in a question only, needing a cue as the county towns do. Not towns that are
# also common surnames or first names (Preston, Hastings, Beverley, Gillingham, Crewe, Halifax), nor the towns of a
# council formed since 2019 (Carlisle was Cumbria's, Kettering Northamptonshire's, for most of the years asked about).
_COUNCIL_TOWNS = {
    "Kirklees": ("Huddersfield", "Dewsbury", "Batley"),
    "Wirral": ("Birkenhead", "Wallasey"), "Sefton": ("Bootle", "Southport"), "Knowsley": ("Huyton",),
    "Tameside": ("Ashton-under-Lyne",), "Trafford": ("Stretford", "Altrincham"),
    "Sandwell": ("West Bromwich",), "Windsor and Maidenhead": ("Maidenhead",),
    "North Tyneside": ("Wallsend", "North Shields", "Tynemouth"), "South Tyneside": ("South Shields", "Jarrow"),
    "Medway": ("Chatham",), "Torbay": ("Torquay", "Paignton"),
    "Halton": ("Widnes", "Runcorn"), "North East Lincolnshire": ("Grimsby", "Cleethorpes"),
    "North Lincolnshire": ("Scunthorpe",), "Bracknell Forest": ("Bracknell",), "West Berkshire": ("Newbury",),
    "Havering": ("Romford",), "Hillingdon": ("Uxbridge",), "Redbridge": ("Ilford",),
    "Cheshire East": ("Macclesfield",), "North Somerset": ("Weston-super-Mare",), "Buckinghamshire": ("Aylesbury",),
    "Dorset": ("Dorchester", "Weymouth"), "Somerset": ("Taunton", "Yeovil"), "Shropshire": ("Shrewsbury",),
    "Cornwall": ("Truro",), "Kent": ("Maidstone", "Canterbury"), "Essex": ("Chelmsford", "Colchester"),
    "Suffolk": ("Ipswich",),
    "Norfolk": ("Norwich",), "Surrey": ("Guildford", "Woking"),
    # (county councils by their seats and largest towns: "the county council at Chichester")
    # (not those that are surnames too: Crawley, Winchester, Mansfield, Chesterfield, Scarborough, Burnley)
    "West Sussex": ("Chichester", "Worthing"), "East Sussex": ("Eastbourne",),
    "Devon": ("Exeter", "Barnstaple"), "Hampshire": ("Basingstoke",), "Wiltshire": ("Trowbridge", "Chippenham"),
    "Derbyshire": ("Matlock",), "North Yorkshire": ("Northallerton", "Harrogate"),
    "Hertfordshire": ("Stevenage", "Watford"), "Leicestershire": ("Loughborough",), "Northumberland": ("Morpeth",),
    "Oxfordshire": ("Banbury",), "Cambridgeshire": ("Huntingdon",),
}
# (only how a question names the council: a passage naming "Carlisle" is not about Cumberland Council)
_TOWN_SURFACE = {town: council for council, towns in _COUNCIL_TOWNS.items() for town in towns
                 if council in AUTHORITIES and town not in AUTHORITIES}
_QUESTION_SURFACE = {**_SURFACE, **_COUNTY_TOWNS, **_TOWN_SURFACE, **_QUESTION_INITIALS, **_QUESTION_ABBREVIATIONS,
                     **_WRITTEN_AS_NAMES}
_QUESTION_BY_KEY = {_key(s): c for s, c in _QUESTION_SURFACE.items()}
_QUESTION_FORMAL_RE = re.compile(_FORMAL_RE.pattern.replace(
    _SURFACE_ALT, "|".join(sorted(map(re.escape, _QUESTION_SURFACE), key=len, reverse=True))), re.I)


@lru_cache(maxsize=512)
def question_forms(name: str, towns: bool = True) -> tuple[str, ...]:
    """Every form a question may name an authority by: its name, aliases, county town and initials; and its
    best-known towns (`towns`: not in a passage, where "Huddersfield" is a place, not Kirklees Council)."""
    known = AUTHORITIES.get(name)
    extra = [town for town, county in _COUNTY_TOWNS.items() if county == name] + \
        [pair.upper() for pair, council in _TWO_TOWNS.items() if council == name] + \
        [town for town, council in _TOWN_SURFACE.items() if towns and council == name] + \
        [short for short, council in _QUESTION_ABBREVIATIONS.items() if towns and council == name] + \
        [nick for nick, council in _QUESTION_NICKNAMES.items() if towns and council == name]  # ("Soton")
    return (name, *(known.aliases if known else ()), *extra)


# "cumberland scrutiny cttee oct 25 - ...": its committee named after the word makes it the place
# (a committee, not the verb before its papers: "Reading scrutiny papers for Leeds, ...")
# ("the southend improvment board mtg": the board overseeing the place's improvement)
_COUNCIL_BODY_AFTER = re.compile(r"\s+(?:scrutiny\s+(?:cttee|ctee|committee|commission|panel|board)|cttee|ctee|"
                                 r"improve?ment\s+board|"
                                 r"committee|cabinet\s+(?:member|meeting|report|paper|decision)s?)\b", re.I)
# "bucks childrens services - ...": the council's services named after the word make it the place
_LABEL_THEN_QUESTION_RE = re.compile(r"([^?:;–—]+?)\s+(?:-{1,2}|[–—])\s+\S|([^?:;–—-]+?):\s+\S")
_SERVICES_AFTER = re.compile(r"\s+(?:children['’]?s?|childrens['’]?)\s+(?:services|social\s+care|trust)\b", re.I)


# (a bracket telling which place of the name, or another body, is no description: "Kingston (Hull, not the London
# one)", "Newcastle (under-Lyme)", "Sutton (Coldfield)", "Cleveland (the police force)")
_WHICH_PLACE_RE = re.compile(r"\b(?:police|force|constabulary|upon|under|on-sea|coldfield|the\s+(?:[\w-]+\s+)?one|"
                             r"london)\b", re.I)


# A place likened to another ("same mutual as RBWM", "like Medway"): no place of the name
LIKENED = r"(?:(?:the\s+)?same\s+(?:[\w'’-]+\s+){0,2}?as|(?:just\s+)?like|similar\s+to)\b[^(),;]*"


def _describing_bracket(text: str, end: int) -> bool:
    """A bracket right after a name describing the place ("Richmond (the other AfC borough, same mutual as RBWM)",
    "(..., not W&M)": a place likened to or set aside there is none of the name)."""
    bracket = re.match(r"\s+\(([^()]{1,120})\)", text[end:])
    return bool(bracket) and not _WHICH_PLACE_RE.search(bracket.group(1)) \
        and not find_in_question(re.sub(rf"{LIKENED}|\bnot\b[^(),;]*", " ", bracket.group(1), flags=re.I))


_CITY_AFTER = re.compile(r"\s+city\b(?!-)(?!\s+(?:centre|center|fc|f\.c\.|football|club|academy|college|school|"
                         r"hall|ground|stadium|region|deal|of|park|farm|airport|hospital|police|university|mission|"
                         r"church|cathedral|walls|library|museum|bus|station|pub)\b)", re.I)


def find_in_question(text: str) -> list[str]:
    """Canonical authority names in a user's question, case-insensitive, abbreviations included.

    Ambiguous names ("reading", "sutton", "york") need a cue: a council word before or after ("reading council",
    "london borough of sutton"), a possessive ("sutton's focused visit"), or a preposition before them
    ("visits in reading"). A question that opens with the word ("Reading the letter ...") needs a council word."""
    found: list[str] = []
    # "w sussex", "n yorks", "e riding": a compass point abbreviated, where the full name is an authority's
    text = compass_expanded(text)
    for m in _QUESTION_FORMAL_RE.finditer(text):
        surface = m.group("name")
        canonical = _QUESTION_BY_KEY.get(_key(surface))
        if canonical is None:
            continue
        # Upper-case-only abbreviations stay case-sensitive in the sense that "bcp" still counts, but short
        # lower-case words that are ordinary English ("rct") are fine too: the table has no common words.
        real_surface = next((s for s in _QUESTION_SURFACE if s.lower() == surface.lower()), surface)
        if real_surface in _QUESTION_INITIALS and (surface not in (real_surface, real_surface.lower())
                                                   or re.match(r"\.?\s*(?:[A-Z]|\d)", text[m.end("name"):])):
            continue  # (as written, "CoL" or "col"; not a rank, "Col Jones", nor "COL" pressures or "col 3")
        if " " in real_surface and real_surface in _WRITTEN_AS_NAMES \
                and (not all(w[:1].isupper() for w in surface.split() if w.lower() != "for")
                     or real_surface in _CHILDRENS_COMPANIES
                     and re.search(r"[A-Z][\w'’-]*\s+$", text[:m.start("name")])):
            continue  # (a company as its name is written: "brighter futures for children in care" is a phrase, and
            # "Kent's Working Together for Children partnership" another body's name)
        if AUTHORITIES[canonical].status == "former" and _NOT_A_COUNCIL_AFTER_ANY_CASE.match(text, m.end("name")):
            continue  # "HMICFRS's inspection of Humberside Police": a force named after a county long gone, no council
        ambiguous = real_surface in _COUNTY_TOWNS or real_surface in _TOWN_SURFACE \
            or _is_ambiguous_surface(real_surface, canonical)
        formal = bool(m.group("pre") or m.group("post"))
        if ambiguous and not formal:
            # ("derby city ilacs grades", "derby city vs derbyshire": the city's council as staff write it; not its
            # centre, its football club or its college, nor "New York City")
            city = bool(_CITY_AFTER.match(text, m.end("name")))
            after = text[m.end("name"):m.end("name") + 40]
            before = text[max(0, m.start("name") - 20):m.start("name")]
            at_start = not text[:m.start("name")].strip()
            possessive = re.match(r"[’']s\b", after)
            if at_start:  # "Reading the letter ..." is a verb; "reading caseloads 2018", "halton ilacs" a place
                # (or a terse label before the question: "bury care leavers housing - what has the DCS promised?")
                # (not a word that opens a phrase as well, "reading care plans - what ...?", nor a council long gone,
                # "cleveland cse - ...", the police force's area)
                label = None if real_surface.lower().endswith("ing") or AUTHORITIES[canonical].status == "former" \
                    else _LABEL_THEN_QUESTION_RE.match(text)
                head = (label.group(1) or label.group(2)) if label else text
                terse = len(head.split()) <= 8 and not _QUESTION_WORDS_RE.search(head) and not surface.isupper()
                # (or a capitalised label before a comma, a dash or a bracket: "Derby, October 2023 monitoring visit
                # only: ...", "Maidenhead - the MV after the November 2018 one", "Richmond (the other AfC borough)")
                if not (city or possessive or re.match(r"\s*(\?|$)", after) or terse and _TERSE_TOPIC_AFTER.match(after)
                        or surface[:1].isupper() and (re.match(r",\s|\s*[–—]\s*|\s+-{1,2}\s", after)
                                                      or _describing_bracket(text, m.end("name")))
                        or _VISIT_KIND_AFTER.match(after) or _COUNCIL_BODY_AFTER.match(after)
                        or real_surface not in _ALSO_A_VERB and _INSPECTION_WORD_AFTER.match(after)
                        or (real_surface in _TOWN_SURFACE or real_surface in _COUNTY_TOWNS)
                        and _DAYS_VISIT_AFTER.match(after)
                        # (not initials: "RCT children's social care trials")
                        or _SERVICES_AFTER.match(after) and not surface.isupper()):
                    continue
            elif not (city or possessive or _Q_CUE_BEFORE.search(before) or re.match(r"\s*(\?|$|,)", after)
                      or _SERVICES_AFTER.match(after) and not surface.isupper()
                      # ("at the halton focused visit": the place's own visit)
                      or _THE_BEFORE.search(before) and _VISIT_NAMED_AFTER.match(after)
                      and not _SCHOOL_RE.search(text)
                      # ("who chaired the southend improvement board": the place's own body)
                      or _THE_BEFORE.search(before) and _COUNCIL_BODY_AFTER.match(after)
                      or _SUBJECT_BEFORE.search(before) and _RESULT_VERB_AFTER.match(after)
                      and _INSPECTION_RESULT_RE.search(text)
                      or _SUBJECT_BEFORE.search(before) and _SPENT_AFTER.match(after)
                      and _SERVICE_SPENDING_RE.search(text)
                      or surface[:1].isupper()):  # capitalised mid-question: the user means the place
                continue
            if _NOT_LA_AFTER.match(after) or _NOT_LA_BEFORE.search(before):
                continue
        if canonical not in found:
            found.append(canonical)
    return found
