"""Document metadata: from the corpus manifest, the file's own front matter, or inferred from its text.

Precedence: manifest > front matter / file properties > inference. Each value records where it came
from (`origin`), so a user can see which facts were stated and which were guessed.
"""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from .types import DOC_TYPES, Block

MANIFEST_NAME = "manifest.json"
FIELDS = ("title", "date", "doc_type", "publisher", "source", "local_authorities", "period_start",
          "period_end", "visit_number")

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTH_RE = "(" + "|".join(MONTHS) + ")"
ORDINALS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), 1)}
ORDINAL_RE = r"(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,2}(?:st|nd|rd|th))"

# English local authorities with children's services (enough to recognise names in text).
LOCAL_AUTHORITIES = """Barking and Dagenham|Barnet|Barnsley|Bath and North East Somerset|Bedford|Bexley|Birmingham|
Blackburn with Darwen|Blackpool|Bolton|Bournemouth, Christchurch and Poole|Bracknell Forest|Bradford|Brent|Brighton and Hove|
Bristol|Bromley|Buckinghamshire|Bury|Calderdale|Cambridgeshire|Camden|Central Bedfordshire|Cheshire East|
Cheshire West and Chester|City of London|Cornwall|Coventry|Croydon|Cumberland|Darlington|Derby|Derbyshire|Devon|
Doncaster|Dorset|Dudley|Durham|Ealing|East Riding of Yorkshire|East Sussex|Enfield|Essex|Gateshead|Gloucestershire|
Greenwich|Hackney|Halton|Hammersmith and Fulham|Hampshire|Haringey|Harrow|Hartlepool|Havering|Herefordshire|
Hertfordshire|Hillingdon|Hounslow|Isle of Wight|Isles of Scilly|Islington|Kensington and Chelsea|Kent|Kingston upon Hull|
Kingston upon Thames|Kirklees|Knowsley|Lambeth|Lancashire|Leeds|Leicester|Leicestershire|Lewisham|Lincolnshire|
Liverpool|Luton|Manchester|Medway|Merton|Middlesbrough|Milton Keynes|Newcastle upon Tyne|Newham|Norfolk|North East Lincolnshire|
North Lincolnshire|North Northamptonshire|North Somerset|North Tyneside|North Yorkshire|Northumberland|Nottingham|
Nottinghamshire|Oldham|Oxfordshire|Peterborough|Plymouth|Portsmouth|Reading|Redbridge|Redcar and Cleveland|
Richmond upon Thames|Rochdale|Rotherham|Rutland|Salford|Sandwell|Sefton|Sheffield|Shropshire|Slough|Solihull|Somerset|
South Gloucestershire|South Tyneside|Southampton|Southend-on-Sea|Southwark|St Helens|Staffordshire|Stockport|
Stockton-on-Tees|Stoke-on-Trent|Suffolk|Sunderland|Surrey|Sutton|Swindon|Tameside|Telford and Wrekin|Thurrock|Torbay|
Tower Hamlets|Trafford|Wakefield|Walsall|Waltham Forest|Wandsworth|Warrington|Warwickshire|West Berkshire|
West Northamptonshire|West Sussex|Westminster|Westmorland and Furness|Wigan|Wiltshire|Windsor and Maidenhead|Wirral|
Wokingham|Wolverhampton|Worcestershire|York""".replace("\n", "").split("|")
LA_RE = re.compile(r"(?<![\w-])(" + "|".join(sorted(map(re.escape, LOCAL_AUTHORITIES), key=len, reverse=True)) + r")(?![\w-])")
# Names that are also ordinary words or places count only with a council/borough cue nearby.
AMBIGUOUS_LA = {"Reading", "Sutton", "Durham", "Bury", "York", "Kent", "Derby", "Manchester"}


class ManifestError(ValueError):
    """The corpus manifest cannot be read; the message says where."""


def load_manifest(corpus_dir: Path) -> dict[str, dict]:
    path = corpus_dir / MANIFEST_NAME
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ManifestError(f"{path} is not valid JSON ({exc}); fix or remove it")
    entries = data.get("documents", data) if isinstance(data, dict) else None
    if not isinstance(entries, dict) or not all(isinstance(v, dict) for v in entries.values()):
        raise ManifestError(f"{path} must map file names to objects: {{\"documents\": {{\"file.txt\": {{...}}}}}}")
    return entries


_LA_BY_KEY = {re.sub(r"[^a-z]", "", name.lower()): name for name in LOCAL_AUTHORITIES}


def canonical_authority(name: str) -> str:
    """'barnet', 'London Borough of Barnet', 'Barnet Council' -> 'Barnet'; unknown names are kept as written."""
    text = str(name).strip()
    key = re.sub(r"[^a-z]", "", text.lower())
    if key in _LA_BY_KEY:
        return _LA_BY_KEY[key]
    m = LA_RE.search(text) or re.search(LA_RE.pattern, text.title())
    return m.group(1) if m else text


def parse_date(text: str) -> str | None:
    """'23 August 2018', '2018-08-23', 'August 23, 2018', '23/08/2018', 'August 2018' and '2018-08' (first of
    the month) -> ISO date; None when nothing can be read."""
    text = text.strip()
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.search(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH_RE}\s+(\d{{4}})", text, re.I)
    if m:
        return _iso(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    m = re.search(rf"{MONTH_RE}\s+(\d{{1,2}}),?\s+(\d{{4}})", text, re.I)
    if m:
        return _iso(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
    m = re.search(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b", text)  # UK order: day/month/year
    if m:
        return _iso(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = re.search(rf"{MONTH_RE}\s+(\d{{4}})", text, re.I)  # month and year: the first of the month
    if m:
        return _iso(int(m.group(2)), MONTHS[m.group(1).lower()], 1)
    m = re.fullmatch(r"\s*(\d{4})-(\d{2})\s*", text)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), 1)
    return None


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def parse_date_range(text: str) -> tuple[str, str] | None:
    """'14 and 15 November 2017', '31 July and 1 August 2018', '25-26 April 2018' -> (start, end)."""
    m = re.search(rf"(\d{{1,2}})(?:\s+{MONTH_RE})?\s*(?:and|-|–|to)\s*(\d{{1,2}})\s+{MONTH_RE}\s+(\d{{4}})", text, re.I)
    if m:
        year = int(m.group(5))
        end_month = MONTHS[m.group(4).lower()]
        start_month = MONTHS[m.group(2).lower()] if m.group(2) else end_month
        start = _iso(year if start_month <= end_month else year - 1, start_month, int(m.group(1)))
        end = _iso(year, end_month, int(m.group(3)))
        if start and end:
            return start, end
    single = parse_date(text)
    return (single, single) if single else None


def ordinal_value(word: str) -> int | None:
    word = word.lower()
    if word in ORDINALS:
        return ORDINALS[word]
    m = re.match(r"(\d+)", word)
    return int(m.group(1)) if m else None


# ---------------------------------------------------------------- inference


def infer_doc_type(raw: str, blocks: list[Block], hints: dict) -> str:
    text = raw.lower()
    source = hints.get("source", "").lower()
    head = " ".join(b.text for b in blocks[:8]).lower()
    scores = dict.fromkeys(DOC_TYPES, 0.0)
    if "ofsted.gov.uk" in source or "reports.ofsted" in source:
        scores["ofsted_report"] += 2
    if re.search(r"\.gov\.uk", source) and "ofsted" not in source:
        scores["council_page"] += 3
    letter = bool(re.search(r"\bdear (mr|mrs|ms|miss|dr|sir|madam)\b", head)) and (
        "yours sincerely" in text or "yours faithfully" in text)
    inspector = "her majesty" in text or "his majesty" in text or re.search(r"\bhmi\b", text) is not None
    if letter and (inspector or "ofsted" in text):
        scores["ofsted_letter"] += 5
    if re.search(r"\binspection of .{0,60}children.s services\b|\binspection report\b", head) and "ofsted" in text:
        scores["ofsted_report"] += 3
    reported = len(re.findall(r"\b(said|warned|added|according to|the report (said|found|highlighted|concluded))\b", text))
    scores["news_article"] += min(reported, 6) * 0.7
    for cue in ("read full story", "comments are closed", "photo:", "latest news", "more from", "subscribe"):
        if cue in text:
            scores["news_article"] += 1
    for cue in ("rate this page", "the council", "council's", "cabinet member", "lead member", "our children",
                "can be found here", "was this page helpful"):
        if cue in text:
            scores["council_page"] += 1.2 if cue != "the council" else 0.8
    best = max(scores, key=scores.get)
    return best if scores[best] >= 2 else "other"


def infer_publisher(raw: str, doc_type: str, authorities: list[str], hints: dict) -> str | None:
    if hints.get("publisher"):
        return hints["publisher"]
    if doc_type in ("ofsted_letter", "ofsted_report"):
        return "Ofsted"
    for pattern in (r"\b(?i:more from) ([A-Z][\w&' ]{2,40}?)\s*$", r"^([A-Z][\w&' ]{2,40}?) is an online resource",
                    r"presented by ([A-Z][\w&' ]{2,30}?)[,.]", r"©\s*(?:\d{4}\s*)?([A-Z][\w&' ]{2,40})"):
        m = re.search(pattern, raw, re.M)
        if m:
            return m.group(1).strip()
    if doc_type == "council_page" and authorities:
        return f"{authorities[0]} Council"
    return None


def infer_authorities(raw: str) -> list[str]:
    counts: dict[str, int] = {}
    for m in LA_RE.finditer(raw):
        name = m.group(1)
        if name in AMBIGUOUS_LA:
            window = raw[max(0, m.start() - 40): m.end() + 40].lower()
            if not re.search(r"council|borough|local authority|children.s services|monitoring visit|'s\b|’s\b", window):
                continue
        counts[name] = counts.get(name, 0) + 1
    return sorted(counts, key=lambda n: (-counts[n], raw.find(n)))


def infer_date(blocks: list[Block], hints: dict) -> str | None:
    if hints.get("date"):
        return parse_date(hints["date"])
    # A letter's date stands alone on a line near the top.
    for b in blocks[:10]:
        if len(b.text) <= 30:
            found = parse_date(b.text)
            if found:
                return found
    for b in blocks[:12]:
        m = re.search(r"\b(published|posted|updated|dated?)\b[:\s]+(on\s+)?([^.]{6,30})", b.text, re.I)
        if m and parse_date(m.group(3)):
            return parse_date(m.group(3))
    return None


def infer_period(raw: str) -> tuple[str, str] | None:
    m = re.search(rf"(visit|inspection)[^.]{{0,120}}?\b(on|between|from|took place on)\s+((\d{{1,2}}\s*(\w+\s*)?(and|-|–|to)\s*)?\d{{1,2}}\s+{MONTH_RE}\s+\d{{4}})",
                  raw, re.I)
    if m:
        return parse_date_range(m.group(3))
    return None


def infer_visit_number(raw: str) -> int | None:
    m = re.search(rf"\b{ORDINAL_RE}\s+monitoring visit\b", raw, re.I)
    return ordinal_value(m.group(1)) if m else None


def infer_title(blocks: list[Block], hints: dict, path: Path) -> str:
    if hints.get("title"):
        return hints["title"]
    for b in blocks[:12]:
        if b.kind == "heading" and len(b.text) > 8:
            return b.text
    return path.stem.replace("_", " ")


def infer_metadata(path: Path, raw: str, blocks: list[Block], hints: dict) -> dict:
    """Metadata from the document itself; values None when nothing could be inferred.

    Type and publisher cues live in page furniture too (`raw`); facts about the subject come from the
    cleaned content only, so a teaser for another story cannot lend its place or dates."""
    content = "\n".join(b.text for b in blocks)
    authorities = infer_authorities(content)
    doc_type = hints.get("doc_type") or infer_doc_type(raw, blocks, hints)
    period = infer_period(content)
    letter_date = infer_date(blocks, hints)
    if letter_date is None and period and doc_type in ("ofsted_letter", "ofsted_report"):
        letter_date = period[1]  # a letter follows its visit; the visit's last day is the best estimate
    meta = {
        "title": infer_title(blocks, hints, path),
        "doc_type": doc_type,
        "date": letter_date,
        "publisher": infer_publisher(raw, doc_type, authorities, hints),
        "source": hints.get("source"),
        "local_authorities": authorities or None,
        "period_start": period[0] if period else None,
        "period_end": period[1] if period else None,
        "visit_number": infer_visit_number(content) if doc_type != "council_page" else None,
    }
    return meta


def resolve(path: Path, rel: str, raw: str, blocks: list[Block], hints: dict, manifest_entry: dict | None):
    """Merge manifest, front matter and inference; return (values, origin)."""
    hint_values = {k: v for k, v in hints.items() if k in FIELDS and v}
    inferred = infer_metadata(path, raw, blocks, hints)
    values, origin = {}, {}
    for key in FIELDS:
        if manifest_entry and key in manifest_entry:
            values[key], origin[key] = manifest_entry[key], "manifest"
        elif key in hint_values:
            values[key], origin[key] = hint_values[key], "front matter"
        elif inferred.get(key) not in (None, "", []):
            values[key], origin[key] = inferred[key], "inferred"
        else:
            values[key], origin[key] = None, "unknown"
    if values["doc_type"] not in DOC_TYPES:
        values["doc_type"] = "other"
    if isinstance(values.get("local_authorities"), str):
        values["local_authorities"] = [a.strip() for a in values["local_authorities"].split(",") if a.strip()]
    for key in ("date", "period_start", "period_end"):
        if values[key]:
            parsed = parse_date(str(values[key]))
            if parsed is None:  # an unreadable date is dropped, not trusted, and the origin says so
                origin[key] = f"{origin[key]} (unreadable: {str(values[key])[:40]})"
            values[key] = parsed
    if values["visit_number"] is not None:
        raw_visit = str(values["visit_number"]).strip()
        values["visit_number"] = int(raw_visit) if raw_visit.isdigit() else ordinal_value(raw_visit)
        if values["visit_number"] is None:
            origin["visit_number"] += f" (unreadable: {raw_visit[:20]})"
    if not isinstance(values.get("local_authorities"), (list, type(None))):
        values["local_authorities"] = [str(values["local_authorities"])]
    values["local_authorities"] = [canonical_authority(a) for a in values["local_authorities"] or []]
    values["source"] = values["source"] or rel
    values["publisher"] = values["publisher"] or ""
    values["local_authorities"] = values["local_authorities"] or []
    return values, origin
