"""Turn extracted text into clean structural blocks (headings, paragraphs, list items).

Two shapes of plain text arrive here:
- "flowed" text, one paragraph a line (web captures, Word, Markdown);
- "hard-wrapped" text from PDF extraction: lines cut at a fixed width, often with blank lines between
  every line, bullet glyphs lost, words hyphenated at line ends, headers and footers repeated per page.
Both become the same list of Blocks; then page furniture and web boilerplate are dropped.

Why one long module: cleaning is one ordered pass over one list of Blocks (unwrap or split, then drop page
furniture and web boilerplate), and every step uses the same line tests (BULLET_RE, furniture_reason,
_is_content). The sections below follow the order the steps run in `text_to_blocks` / `clean_blocks`.
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import replace

from qa.datatypes import Block
from qa.documents.gazetteer import find_in_text

BULLET_CHARS = "•●▪■◦‣∙·*\uf0b7\uf0a7\uf076\uf0d8\uf0fc\u2043"
BULLET_RE = re.compile(rf"^\s*(?:[{re.escape(BULLET_CHARS)}]|[-–—](?=\s)|\d{{1,2}}[.)](?=\s)|\([a-z0-9]\))\s*")
# A list item's own number or letter ("3. Leadership, management and governance Requires Improvement", "(b) ...")
# is part of its text: a judgement list or a numbered paragraph is quoted and found again by it. Only a bullet's
# glyph or dash is dropped.
NUMBERED_ITEM_RE = re.compile(r"^\s*(?:\d{1,2}[.)]|\([a-z0-9]\))")


def item_text(line: str, bullet: re.Match) -> str:
    """A list item's line without its bullet (see NUMBERED_ITEM_RE: a number or letter stays)."""
    return line.strip() if NUMBERED_ITEM_RE.match(line) else line[bullet.end():].strip()


TERMINAL_RE = re.compile(r"[.!?:;][\"'”’)\]]*$")
QUESTION_HEADING_RE = re.compile(r"(?:What|How|Why|Where|Who|When|Which)\b(?:\s+[\w'’-]+){1,7}\?")
SENTENCE_END_RE = re.compile(r"[.!?][\"'”’)\]]*$")
MD_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")

# Whole-line page furniture and web boilerplate (matched case-insensitively on the stripped line).
# Each rule is general to web captures and PDF hosting pages, never a string special to one page.
# A running line closing on its page count: "Council of the Isles of Scilly - Overview and Scrutiny Committee -
# 11.12.18 - Page 2 of 2" (no sentence in it)
PAGE_COUNT_LINE = r"(?:[^.!?\n]|\.(?=\S)){3,150}\s[-–—|]\s*page \d+ of \d+"

_FURNITURE_RULES = {
    "navigation": (
        r"make an enquiry", r"contact us", r"rate this page", r"loading,? please wait\W*",
        r"skip to .{0,60}", r"(back to top|top of (the )?page)", r"print( this page)?",
        r"more from .{2,40}", r"related (articles|stories|news|content|links|internet links)",
        r"you may also like", r"sign (in|up)( today)?", r"log ?in", r"search( this site)?", r"menu", r"home",
        r"home(\s*[|>›»/]\s*|\s{2,})[\w&' -]{2,60}",  # breadcrumbs "Home > News > Article"
        r"this (article|page|story|content) is (more|over) than (a|an|one|\d+) \w+ old",
        r"was this page (helpful|useful)\??.*", r"[^\w\s]{1,4}",
        # a site's footer links, each on its own line
        r"accessibility( statement)?", r"privacy( (policy|notice|statement))?", r"terms (and conditions|of use)",
        r"site ?map", r"related",
        # a listing's pagination: "Showing 21 to 25 of 312 news items"
        r"showing \d+ (to|-|–) \d+ of \d+( [\w-]+){0,3}",
    ),
    "link to other stories": (
        r"read (the )?full story", r"read more\W*", r"continue reading\W*",
        r"(read more|see also|also read|read next|most read|related)\s*[:|»›>–—-]\s*.{3,160}",
    ),
    "advert": (
        r"(hide ad|advertisement|advert|sponsored( content)?|ad)(\s*(hide ad|advertisement|advert))*",
    ),
    "subscription prompt": (
        r"subscribe( today| now)?", r"sign up (for|to) .{0,80}",
        # a paywall's notice: "This article is available to subscribers. Log in or subscribe to continue reading."
        r"(this|the (full|rest of (the|this))) (article|story|content) is (only )?(available|exclusive) (to|for) "
        r"(subscribers|members)\b.{0,120}",
        r"(already a subscriber|subscriber content)\b.{0,120}",
        r"want to read more\?\s*(subscribe|log ?in|sign ?in|register)\b.{0,120}",
        r"((please )?(log ?in|sign ?in|subscribe|register)( or (log ?in|sign ?in|subscribe|register))?|"
        r"[^.]{0,60}\.\s*(log ?in|sign ?in|subscribe|register)( or \w+( \w+)?)?) to (continue reading|keep reading|"
        r"read (more|on|the full (article|story)))\W*",
        r"to continue reading,? (please )?(subscribe|log ?in|sign ?in|register)\b.{0,60}",
        r"(this|the) (article|story|content) is (only )?for subscribers( only)?\W*",
        r"only subscribers can read this (article|story|content)\W*",
    ),
    "cookie prompt": (
        r"(accept|reject|manage) (all )?cookies", r".*\bcookies?\b.*\b(accept|consent|settings|policy)\b.*",
        r"cookies?( policy| settings)?", r"cookies on [\w.-]{2,60}", r"view cookies",
        r"(accept|reject) (additional|analytics|optional|all|essential|non-essential) cookies\b.*",
        r"we use (some )?(essential |necessary |small files called )?cookies\b.*",
        # a consent platform's banner: "We value your privacy / We and our partners store and access ... / Accept
        # all / Manage preferences"
        r"(we )?(value|respect|care about) your privacy\W*", r"your privacy (choices|options|settings)\W*",
        r"we and our( \d+)?( \w+)? partners\b.{0,200}\b(cookies?|your device|personal data)\b.{0,200}",
        r"(accept|reject|allow|deny|decline|refuse) all\W*",
        r"(manage|customi[sz]e|change|set|show) (your )?(preferences|choices|options|settings|consent|purposes)\W*",
        r"privacy (settings|preferences|centre|center)\W*",
    ),
    "share links": (
        r"share( this)?( (page|article|story))?:?", r"follow us.*", r"tweet", r"email this",
        r"comments are closed\.?",
        # a file's link label: "Download report (PDF, 214KB)"
        r"download(\s+(the|this))?(\s+[\w-]+){0,3}\s*\((pdf|docx?|odt|xlsx?|csv|html)\s*,?\s*[\d.]+\s*[kmg]b\)",
    ),
    "photo credit or caption": (
        r"photo:.*", r"image:.*", r"(picture|image) credit:.*", r"image caption,?",
        r"[-–—(\s]*((photo|image|picture|pic)s?\s*)?credits?\s*[:,].{0,100}",
        r".{0,80}\bimage source,.{0,60}",
        r"[^.!?]{0,80}\b(pic|photo|picture|image)s? (by|courtesy of)\b[^.!?]{0,60}",
        r".{0,60}\bis not responsible for the content of external (internet )?(sites|websites)\.?",
    ),
    "hosting-site header": (
        r"transcript(ion)?", r"upload(ed)?( by)?\s*:.{0,60}",
        r"post on \d{1,2}[-/ ]\w{3,9}[-/ ]\d{2,4}",  # "Posted on <date>" on a blog is its date: kept
        # a capture tool's lines: "Saved from: https://...", "Saved: 02/11/2023 09:14" (when it was saved)
        r"saved from\s*:\s*(?:https?://|www\.)\S+", r"saved\s*:\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(\s+\d{1,2}:\d\d)?",
        r"\d[\d,.]*k?\s*(views?|downloads?)", r"category\s*:.{0,40}", r"total pages?\s*:?\s*\d+",
        r"file type\s*:.{0,60}", r"(pdf|docx?|odt|xlsx?|csv|html)\s*,\s*[\d.]+\s*[kmg]b\b.{0,40}",
    ),
    "page number or footer": (
        r"page \d+(?: of \d+)?", r"\d{1,3}", r"-\s*\d{1,3}\s*-",
        PAGE_COUNT_LINE, r".*\bwebsite design by\b.*", r"©.*",
        r"copyright.*\ball rights reserved.*",
        r"(t|tel|telephone|textphone)\b.*@.*",  # letterhead contact line
    ),
}
FURNITURE_RULES = [(reason, re.compile(p, re.I)) for reason, pats in _FURNITURE_RULES.items() for p in pats]
FURNITURE_RES = [r for _, r in FURNITURE_RULES]
# A line longer than this is text, whatever it starts with (a cookie banner may run longer).
FURNITURE_MAX_CHARS = 200
COOKIE_MAX_CHARS = 400
# Ad-slot labels glued to the start of the next paragraph by the capture ("Hide AdThe council said ...").
GLUED_AD_RE = re.compile(r"^(?:\s*(?:hide ad|advertisement))+", re.I)
# "Image caption," is followed by the caption; "X image" / "X portrait" is alt text before caption X.
CAPTION_LABEL_RE = re.compile(r"image caption,?|caption:?", re.I)
ALT_TEXT_RE = re.compile(r"(.{2,80}?)\s*(image|portrait|photo|picture|logo)", re.I)
SOCIAL_WORDS = {"linkedin", "facebook", "twitter", "instagram", "pinterest", "youtube", "rss", "x", "tiktok",
                "whatsapp", "email", "blank", "share", "threads", "bluesky", "mastodon"}
# The label over a list of other stories' headlines.
TEASER_LIST_LABEL_RE = re.compile(r"(?:read\s+more|related(?:\s+(?:stories|articles|news|content|links))?|"
                                  r"more\s+(?:stories|news|from\s+us)|most\s+read|you\s+may\s+also\s+like|"
                                  r"also\s+read|read\s+next|latest\s+news|recommended(?:\s+for\s+you)?)\W*", re.I)
# A teaser of another story ends with an ellipsis or a "read more" link.
TEASER_END_RE = re.compile(r"(\[\s*(\.\.\.|…)\s*\]|\.\.\.\s*$|…\s*$)")
TEASER_LINK_RE = re.compile(r"^(read (the )?full (story|article)|read more|continue reading|full story)\W*$", re.I)
# A bare "Read more" also expands the article itself or follows an ad slot: weaker evidence of a teaser.
STRONG_TEASER_LINK_RE = re.compile(r"^(read (the )?full (story|article)|continue reading|full story)\W*$", re.I)
DATE_LINE_RE = re.compile(r"(\d{1,2}(st|nd|rd|th)? )?(january|february|march|april|may|june|july|august|september|"
                          r"october|november|december) \d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", re.I)
SIGN_OFF_RE = re.compile(r"^(yours (sincerely|faithfully)|kind regards|best wishes)\b", re.I)
SALUTATION_RE = re.compile(r"^dear\b", re.I)
PROMO_RE = re.compile(r"#\w{3,}.*\b(campaign|support|today|join)\b|\b(support|join)\b.*#\w{3,}", re.I)


def normalise(text: str) -> str:
    """Unicode NFC, unify newlines, drop control and zero-width characters. Private-use glyphs
    (lost bullet symbols from PDF fonts) become a bullet so list items survive."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for ch in text:
        if ch in "\n\t":
            out.append(ch)
        elif ch in "\u00a0\u2007\u202f\u3000":
            out.append(" ")
        elif "\ue000" <= ch <= "\uf8ff":
            out.append("•")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            continue
        else:
            out.append(ch)
    return "".join(out)


def furniture_reason(line: str) -> str | None:
    """Why a whole line is page furniture (navigation, ads, prompts, credits, hosting headers), or None."""
    s = line.strip()
    if not s:
        return "empty line"
    if len(s) <= COOKIE_MAX_CHARS:
        for reason, rule in FURNITURE_RULES:
            if (len(s) <= FURNITURE_MAX_CHARS or reason == "cookie prompt") and rule.fullmatch(s):
                return reason
    words = re.findall(r"[a-z]+", s.lower())
    if words and len(words) >= 2 and all(w in SOCIAL_WORDS for w in words):
        return "share links"
    if PROMO_RE.search(s) and len(s) < 160:
        return "campaign prompt"
    return None


def is_furniture(line: str) -> bool:
    return furniture_reason(line) is not None


# A full stop after a lower-case word, then a capital: a sentence ends inside the line (not "St. Helens", "No. 5")
MID_SENTENCE_END_RE = re.compile(r"\b[a-z]{3,}\.\s+[A-Z]")


# (the grades since 2013, and "adequate" before; quoted or numbered: "‘Good’", "Good (2)")
GRADE_ONLY_RE = re.compile(r"\W*(?:requires\s+improvement(?:\s+to\s+be\s+good)?|inadequate|adequate|good|outstanding)"
                           r"\W*(?:\(?\d\)?)?\W*", re.I)


# A judgement table's grade as its cell gives it, capitalised ("Requires improvement to be good", a SIF's "Requires
# Improvement")
GRADE_CELL = r"(?:Inadequate|Requires\s+[Ii]mprovement(?:\s+to\s+be\s+[Gg]ood)?|Good|Outstanding)"
# A judgement table's row, its area and grade run together ("The experiences and progress of care leavers Good",
# "Overall effectiveness Requires improvement to be good")
# (or a SIF's: "Children looked after and achieving permanence Requires improvement", "Adoption performance Good",
# "Leadership, management and governance Inadequate")
GRADE_ROW_RE = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:The\s+)?(?:experiences\s+and\s+progress\s+of|"
                          r"impact\s+of\s+leaders\s+on|overall\s+effectiveness|"
                          r"children\s+(?:who\s+need\s+help|looked\s+after)|adoption\s+performance|"
                          r"leadership,?\s+management|experiences\s+of\s+care\s+leavers)\b[^.!?:]{0,100}?\s"
                          rf"(?-i:{GRADE_CELL})\s*", re.I)


# A table's header row: short cells of words joined by bars ("Requirement | Due date"; not a dateline, "Published:
# 9 January 2024 | Updated ...", a site's title, "News | Rutland County Council", nor its menu, "Home | News")
# (with bars at each end too, "| Requirement | Due date |"; not a title naming its place, "Council news | Rutland")
_CELL = r"[A-Z][A-Za-z'’]*(?:[^\S\n][a-z'’]+){0,3}"
TABLE_ROW_RE = re.compile(rf"^\|?[^\S\n]*(?!(?:Home|Menu|Skip)\b){_CELL}(?:[^\S\n]+\|[^\S\n]+{_CELL})+[^\S\n]*\|?$")


def _heading_like(line: str, max_len: int = 90) -> bool:
    s = line.strip()
    if not s or len(s) > max_len or len(s.split()) > 14:
        return False
    # (a short question is a heading: Ofsted's "What needs to improve?", a page's "What happens next?")
    if TERMINAL_RE.search(s) and not QUESTION_HEADING_RE.fullmatch(s) or s.endswith((",", "-")):
        return False
    if MID_SENTENCE_END_RE.search(s):
        return False  # "... the most serious weakness. Nineteen care leavers aged": a sentence cut at a line end
    if SALUTATION_RE.match(s) or SIGN_OFF_RE.match(s) or BULLET_RE.match(s):
        return False
    if TABLE_ROW_RE.search(s) and not find_in_text(s):
        return False  # a table's header row ("Requirement | Due date") heads columns, not the section it sits in
    if DATE_LINE_RE.fullmatch(s) or sum(c.isdigit() for c in s) > len(s) / 3:
        return False
    if GRADE_ONLY_RE.fullmatch(s):
        return False  # a judgement table's value ("Good" beside "2.2 Experiences and progress of care leavers")
    if (label := s.rpartition(":"))[1] and GRADE_ONLY_RE.fullmatch(label[2]):
        return False  # ... or its row ("Overall effectiveness: Outstanding"): no section opens there, and the rows
        # kept as headings split the table across passages, its last rows opening the summary's
    if GRADE_ROW_RE.fullmatch(s):
        return False  # (a row whose cells a PDF ran together: "The experiences and progress of care leavers Good")
    first = s.lstrip("‘'\"“")[:1]
    return first.isupper() or first.isdigit()


# ---------------------------------------------------------------- hard-wrapped (PDF-like) text


def looks_hard_wrapped(text: str) -> bool:
    lines = [l.rstrip() for l in text.split("\n") if l.strip()]
    if len(lines) < 8:
        return False
    lengths = [len(l) for l in lines]
    width = sorted(lengths)[int(len(lengths) * 0.9) - 1]
    if width < 40:
        return False
    near_width = sum(1 for n in lengths if n >= 0.7 * width) / len(lines)
    open_ended = sum(1 for l in lines[:-1] if not TERMINAL_RE.search(l.strip())) / (len(lines) - 1)
    # Paragraph-per-line text has few long lines ending mid-sentence.
    return open_ended >= 0.45 and near_width >= 0.4 and width <= 130


def _line_width(lines: list[str]) -> int:
    lengths = sorted(len(l.strip()) for l in lines if l.strip())
    return lengths[int(len(lengths) * 0.9) - 1] if lengths else 80


def _room_for(prev: str, line: str, width: int) -> bool:
    first_word = line.split(" ", 1)[0]
    return len(prev) + 1 + len(first_word) <= width - 2


def _dehyphenate(prev: str, nxt: str, vocabulary: set[str]) -> str:
    """Join a word split as 'improve-' + 'ment': drop the hyphen when the joined word occurs elsewhere
    in the document; keep it otherwise ('decision-' + 'making')."""
    m1 = re.search(r"(\w+)-$", prev)
    m2 = re.match(r"([a-z]\w*)", nxt)
    if m1 and m2 and (m1.group(1) + m2.group(1)).lower() in vocabulary:
        return prev[:-1] + nxt
    return prev + nxt


def unwrap(text: str, page: int | None = None) -> list[Block]:
    """Rebuild paragraphs, headings and list items from hard-wrapped lines."""
    raw_lines = text.split("\n")
    width = _line_width(raw_lines)
    vocabulary = {w.lower() for w in re.findall(r"\w+", text)}
    # Collapse to (line, gap) where gap counts whitespace-only lines since the previous text line:
    # a lone "" is the extractor's inter-line blank; " " lines are lost bullets or page breaks.
    entries: list[tuple[str, int, bool, bool]] = []  # (line, ws-only lines before, indented, blank before)
    ws_only, blank = 0, False
    for line in raw_lines:
        if not line.strip():
            if line:  # whitespace but not empty
                ws_only += 1
            blank = True
            continue
        entries.append((line.strip(), ws_only, line[:1].isspace(), blank))
        ws_only, blank = 0, False
    # Blank lines between most lines are the extractor's line spacing; between a few, paragraph breaks.
    blank_share = sum(1 for e in entries[1:] if e[3]) / max(len(entries) - 1, 1)
    blank_is_break = 0 < blank_share < 0.5

    blocks: list[Block] = []
    current: list[str] = []
    kind = "para"

    def flush():
        nonlocal current, kind
        if current:
            joined = current[0]
            for nxt in current[1:]:
                joined = _dehyphenate(joined, nxt, vocabulary) if joined.endswith("-") else joined + " " + nxt
            joined = re.sub(r"\s+", " ", joined).strip()
            blocks.append(Block(kind=kind, text=joined, page=page))
        current, kind = [], "para"

    prev = ""
    for i, (line, gap, indented, blank_before) in enumerate(entries):
        bullet = BULLET_RE.match(line)
        prev_closed = (not prev) or bool(SENTENCE_END_RE.search(prev)) or len(prev) < 0.75 * width
        prev_colon = prev.endswith((":", ";"))
        next_line = entries[i + 1][0] if i + 1 < len(entries) else ""
        is_heading = (
            _heading_like(line) and prev_closed and not prev.endswith("-")
            and not next_line[:1].islower()
        )
        starts_item = bool(bullet) or (indented and (gap >= 1 or prev_colon) and line[:1].islower())
        if not current:
            pass
        elif any(re.fullmatch(PAGE_COUNT_LINE, x, re.I) for x in (line, prev)):
            flush()  # a running line stands alone, to go as furniture
        elif blank_is_break and blank_before:
            flush()
        elif is_heading or starts_item:
            flush()
        elif SENTENCE_END_RE.search(prev) and _room_for(prev, line, width) and not line[:1].islower():
            flush()  # the line ended early although the next word would have fitted: a paragraph end
        elif gap >= 1 and line[:1].isupper() and SENTENCE_END_RE.search(prev):
            flush()
        elif kind == "heading" or SALUTATION_RE.match(current[0]) or SIGN_OFF_RE.match(prev) \
                or SALUTATION_RE.match(line) or DATE_LINE_RE.fullmatch(prev.strip()):
            flush()
        elif prev_colon and gap >= 1:
            flush()
        if is_heading and not current:
            kind = "heading"
            current.append(line)
            flush()
            prev = line
            continue
        if not current:
            kind = "item" if starts_item else "para"
        text_line = item_text(line, bullet) if bullet and not current else line
        current.append(text_line)
        prev = line
    flush()
    return signature_is_text(_merge_heading_runs(blocks))


# A page's own label line ("From: Department for Education", "Published 3 March 2022") is no address line: run into
# the title above it, it would hide both the page's publisher and its date.
# (Not an "Updated ..." line: a story's byline block runs on to it, and its first date is the story's.)
PAGE_LABEL_RE = re.compile(r"^\W*(?:from\s*:|(?:first\s+)?(?:published|posted)\b(?!\s+by\b))", re.I)


def _merge_heading_runs(blocks: list[Block]) -> list[Block]:
    """Three or more consecutive one-line 'headings' of a few words are an address block, not headings."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and blocks[j].kind == "heading" and len(blocks[j].text.split()) <= 5 \
                and not PAGE_LABEL_RE.match(blocks[j].text):
            j += 1
        if j - i >= 3:
            out.append(Block("para", " ".join(b.text for b in blocks[i:j]), blocks[i].page))
            i = j
        else:
            out.append(blocks[i])
            i += 1
    return out


# ---------------------------------------------------------------- flowed text


def _merge_short_runs(lines: list[str]) -> list[tuple[str, bool]]:
    """Three or more consecutive very short lines (an address block, a letterhead) are one unit."""
    def short(l): return len(l.split()) <= 5 and not SENTENCE_END_RE.search(l) and not BULLET_RE.match(l) \
        and not MD_HEADING_RE.match(l) and furniture_reason(l) in (None, "page number or footer") \
        and not PAGE_LABEL_RE.match(l)
    # (web furniture stays a line of its own, to be dropped; page numbers in a contents list stay joined)
    out: list[tuple[str, bool]] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and short(lines[j]):
            j += 1
        if j - i >= 3:
            out.append((" ".join(lines[i:j]), True))
            i = j
        else:
            out.append((lines[i], False))
            i += 1
    return out


# A word that cannot end a sentence: a line ending on one was cut by the page width.
OPEN_ENDING_RE = re.compile(r"(?:\b(?:a|an|the|of|to|in|on|for|and|or|by|with|from|that|which|their|its|as|at|is|are|"
                            r"was|were|be|not|under|between)|[\-–])$", re.I)
# "... Nineteen care leavers aged" / "18 to 21 were living in ...": a number then a lower-case word goes on a
# sentence (not a numbered paragraph, "18. Children ...", nor a lone page number)
COUNT_OPENING_RE = re.compile(r"\d[\d,]*%?\s+[a-z]")
WRAP_WIDTH = (50, 130)  # page-width lines; a text with longer lines has one paragraph per line


def join_wrapped_lines(lines: list[str]) -> list[str]:
    """Rejoin lines a PDF extractor cut at the page width inside otherwise line-per-block text (a report's
    judgement table among its wrapped paragraphs): a line near the width that ends mid-sentence continues on
    the next line (not after a blank one) when that starts in lower case, or the break fell after a word no
    sentence ends on, or the line fills the width and was cut inside a name ("... the Local" / "Safeguarding
    Children Board"; a headline filling the width before a new paragraph stays apart). Returns the non-empty
    lines; only spaces change, so passages stay verbatim slices of the source."""
    width = _line_width(lines)
    if not WRAP_WIDTH[0] <= width <= WRAP_WIDTH[1]:
        return [l.strip() for l in lines if l.strip()]
    out: list[list[str]] = []  # the physical lines of each joined line, joined once at the end
    last = ""  # the previous physical line; "" after a blank line
    for raw in lines:
        line = raw.strip()
        if not line:
            last = ""
            continue
        wrapped = (last and len(last) >= 0.7 * width and not TERMINAL_RE.search(last)
                   and not BULLET_RE.match(line) and not MD_HEADING_RE.match(line)
                   and (line[:1].islower() or OPEN_ENDING_RE.search(last)
                        # (not after a heading: "What needs to improve ..." / "2 areas for improvement are ...")
                        or COUNT_OPENING_RE.match(line) and (len(out[-1]) > 1 or not _heading_like(last))
                        or len(last) >= 0.85 * width and NAME_CUT_RE.search(last) and line[:1].isupper()))
        if wrapped:
            out[-1].append(line)
        else:
            out.append([line])
        last = line
    return ["".join(p if i == 0 or parts[i - 1].endswith("-") else " " + p for i, p in enumerate(parts))
            for parts in out]


# A line cut inside a name ends on a capitalised word after a lower-case one: "... under the Local".
NAME_CUT_RE = re.compile(r"\b[a-z][\w’']*\s+[A-Z][a-z]+$")


def split_flowed(text: str, page: int | None = None) -> list[Block]:
    """One block per line (or per Markdown construct), lines cut at a page width rejoined."""
    lines = [l.rstrip() for l in text.split("\n")]
    blocks: list[Block] = []
    merged = _merge_short_runs(join_wrapped_lines(lines))
    nonempty = [line for line, _ in merged]
    for i, (line, is_run) in enumerate(merged):
        if is_run:
            blocks.append(Block("para", line, page))
            continue
        md = MD_HEADING_RE.match(line)
        if md:
            blocks.append(Block("heading", md.group(2).strip(), page, level=len(md.group(1))))
            continue
        bullet = BULLET_RE.match(line)
        if bullet and line[bullet.end():].strip():
            blocks.append(Block("item", item_text(line, bullet), page))
            continue
        nxt = nonempty[i + 1] if i + 1 < len(nonempty) else ""
        if _heading_like(line) and nxt and (len(nxt) > len(line) or BULLET_RE.match(nxt)):
            blocks.append(Block("heading", line, page, level=2))
            continue
        blocks.append(Block("para", re.sub(r"[ \t]+", " ", line), page))
    return blocks


# ---------------------------------------------------------------- columns


# A page set in two columns, as pypdf's layout mode prints it: each line holds a left column's line, a gap and the
# right column's line, which starts at the same place on every line. Read line by line, the columns interleave
# ("know their services well and have used this knowledge to by the specialist Engage team ..."); read as columns,
# each paragraph is whole. A table's second column (a grade, a date) is short and stays beside its row.
COLUMN_GAP = 3  # spaces at least between the columns
MIN_COLUMN_AT = 30  # where a right column may start (nearer the margin: a numbered paragraph's indent)
MIN_COLUMN_LINES = 6  # lines holding both columns, for a run to be read as two columns
# Prose set in columns: lines of a good length on both sides (a table's cells, a grade or a label, are shorter),
# and sentences running on from line to line in each column
MIN_COLUMN_CHARS = 40
MIN_RUN_ONS = 2
_RIGHT_START_RE = re.compile(rf"(?:(?<=\S) {{{COLUMN_GAP},}}|^ {{{COLUMN_GAP},}})(?=\S)")
_RUNS_ON_RE = re.compile(r"[^.:;!?]$")


def _run_ons(lines: list[str]) -> int:
    """Lines ending mid-sentence whose next line goes on in lower case."""
    return sum(bool(a and b and _RUNS_ON_RE.search(a) and b.lstrip()[:1].islower()) for a, b in zip(lines, lines[1:]))


def _columns(run: list[tuple[str, str]]) -> bool:
    both = [(left.strip(), right) for left, right in run if left.strip() and right]
    if len(both) < MIN_COLUMN_LINES:
        return False
    middle = len(both) // 2
    return (sorted(len(left) for left, _ in both)[middle] >= MIN_COLUMN_CHARS
            and sorted(len(right) for _, right in both)[middle] >= MIN_COLUMN_CHARS
            and _run_ons([left.strip() for left, _ in run]) >= MIN_RUN_ONS
            and _run_ons([right for _, right in run]) >= MIN_RUN_ONS)


def _rows(run: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """A two-column run as the blocks to read one column of, then the other: the whole run, or, when every block
    between blank lines opens with text on both sides (in capitals), each block: a table of prose cells ("Action |
    Progress update"), whose rows are read row by row."""
    blocks: list[list[tuple[str, str]]] = [[]]
    for left, right in run:
        if not left.strip() and not right:
            blocks.append([])
        else:
            blocks[-1].append((left, right))
    blocks = [b for b in blocks if b]
    rows = len(blocks) > 1 and all(b[0][0].strip() and b[0][1] and not b[0][1][:1].islower() for b in blocks)
    return blocks if rows else [run]


def split_columns(page: str) -> str:
    """`page` (pypdf layout text) with each run of two-column lines rewritten as its left column, then its right."""
    lines = page.split("\n")
    starts = Counter(m.end() for line in lines for m in _RIGHT_START_RE.finditer(line) if m.end() >= MIN_COLUMN_AT)
    if not starts:
        return page
    column, _ = starts.most_common(1)[0]

    def left_and_right(line: str) -> tuple[str, str] | None:  # (None: the line crosses the column's edge)
        if len(line.rstrip()) <= column:
            return line.rstrip(), ""
        if line[column - COLUMN_GAP:column].isspace() and line[column] != " ":
            return line[:column].rstrip(), line[column:].rstrip()
        return None

    out: list[str] = []
    run: list[tuple[str, str]] = []

    def flush() -> None:
        if _columns(run):
            for n, block in enumerate(_rows(run)):
                out.extend([""] * (n > 0) + [left for left, _ in block] + [""] + [right for _, right in block])
        else:
            out.extend(left + (" " * (column - len(left)) + right if right else "") for left, right in run)
        run.clear()

    for line in lines:
        if (parts := left_and_right(line)) is None:
            flush()
            out.append(line)
        else:
            run.append(parts)
    flush()
    return "\n".join(out)


# ---------------------------------------------------------------- boilerplate


# A letter's running header atop a later page, naming the council, the visit and its dates ("Isle of Wight Council:
# focused visit, 10 and 11 June 2025", "Derbyshire County Council - focused visit 10 and 11 June 2025") or the
# letter's title and date ("Focused visit to Gateshead children's services - 2 July 2024"): on the second page alone of
# a two-page letter it is still furniture, and as a passage's heading it drew questions naming the visit to the
# findings under it rather than to the list asked for. Only in an Ofsted letter (its first page names Ofsted), and
# only a council's name before the colon or dash (not an agenda's "Agenda item 7 - Ofsted inspection ... 2023").
RUNNING_HEADER_RE = re.compile(r"[A-Z][^.:?!]{2,60}?\b(?:Council|children['’]s\s+services)\s*(?::|\s[-–—])\s+"
                               r"(?:[\w'’-]+\s+){0,4}?(?:visit|inspection)\b[^.?!:]{0,40}?\b(?:19|20)\d\d$|"
                               r"(?:Focus+ed|Monitoring|Joint\s+targeted\s+area)\s+(?:visit|inspection)\s+(?:of|to)\s+"
                               r"[^.:?!]{2,80}?\s[-–—]\s+\d{1,2}\s+[A-Z][a-z]+\s+(?:19|20)\d\d$")
_OFSTED_PAGE_RE = re.compile(r"\bOfsted\b")


def split_running_lines(pages: list[str]) -> tuple[list[str], list[str]]:
    """The pages without their running headers and footers, and those lines once each (as they first stand), which
    metadata may still read ("Ofsted monitoring visit letter | 24 August 2015 | Page 1").

    Running lines (digits ignored) are found at the top or bottom of at least half of the pages, when there are
    three pages or more, and removed wherever they stand; of both pages of a two-page letter (its footer "Torbay
    monitoring visit 4 - ref MV/2019/1203 1" otherwise runs into the paragraph over the break), a line of words
    removed only at the page edges, so a paragraph's own line elsewhere is kept."""
    if len(pages) < 2:
        return pages, []
    # (digits and spacing ignored: layout text pads a right-aligned page number by its width)
    def key(l): return re.sub(r"\s+", " ", re.sub(r"\d+", "#", l.strip().lower()))
    edge_counts: Counter = Counter()
    for p in pages:
        lines = [l for l in p.split("\n") if l.strip()]
        for l in set(map(key, lines[:3] + lines[-3:])):
            edge_counts[l] += 1
    two = len(pages) == 2
    repeated = {k for k, c in edge_counts.items()
                if ((c == 2 and re.search(r"[a-z]{2}", k)) if two else (c >= max(3, len(pages) // 2) and k))}
    kept_pages, running, seen = [], [], set()
    counted = _counted_edges(pages)
    for number, p in enumerate(pages, start=1):
        lines = p.split("\n")
        filled = [j for j, l in enumerate(lines) if l.strip()]
        edges = set(filled[:3] + filled[-3:]) if two else set(filled)
        # (the page's own number alone at its top or foot: "1" under a sentence the next page finishes; or a
        # number counting up page by page from another start, "17" and "18" in a committee's pack)
        numbered = {j for j in filled[:1] + filled[-1:]
                    if re.fullmatch(rf"(?:page\s+)?[-–]?\s*{number}\s*[-–]?(?:\s+of\s+\d+)?", lines[j].strip(), re.I)}
        numbered |= {filled[k] for k in counted if filled and -1 <= k < len(filled)}
        if number > 1 and filled and RUNNING_HEADER_RE.match(lines[filled[0]].strip()) \
                and _OFSTED_PAGE_RE.search(pages[0]):
            edges, repeated = edges | {filled[0]}, repeated | {key(lines[filled[0]])}
        kept = []
        for j, line in enumerate(lines):
            if j in numbered:
                continue
            if j in edges and key(line) in repeated:
                if key(line) not in seen:
                    seen.add(key(line))
                    running.append(line.strip())
            else:
                kept.append(line)
        kept_pages.append("\n".join(kept))
    return kept_pages, running


_GOES_ON_RE = re.compile(r"\b(?:and|or|but|to|of|the|a|an|in|into|for|with|from|by|on|at|that|which|who|is|are|was|"
                         r"were|be|been|has|have|had|their|its|our|than|as|not|this|these|those|very|more|most)\s*$",
                         re.I)
_CLAUSE_WORD_RE = re.compile(r"\b(?:who|which|that|is|are|was|were|has|have|had|will|can|receive[sd]?)\b", re.I)
CONTINUATION_OPENING_LINES = 25
CONTINUATION_ECHO = 0.75  # share of a header's words that its first page's opening holds


def split_continuation_headers(pages: list[str]) -> tuple[list[str], list[str]]:
    """The pages without a header standing only on pages after the first, and those lines. A later page's first line
    between the halves of a sentence broken over the page ("Core groups meet" / "Focused visit to Bolton children's
    services: 9 and 10 November 2021" / "regularly, and most ...") is its header, though no other page repeats it."""
    kept_pages, headers = [pages[0]] if pages else [], []
    # (nor fills the width, nor ends on a word a sentence goes on from: "... who need help and")
    width = _line_width("\n".join(pages).split("\n"))
    # (a header names the document as its first page's heading lines do, the short lines of its opening; a
    # paragraph's wrapped line rarely echoes them)
    heading_lines = [line for line in pages[0].split("\n")[:CONTINUATION_OPENING_LINES]
                     if 0 < len(line.strip()) < 0.75 * width] if pages else []
    opening = set(re.findall(r"[a-z]{4,}", "\n".join(heading_lines).lower()))
    for before, page in zip(pages, pages[1:]):
        above = [l.strip() for l in before.split("\n") if l.strip()]
        lines = page.split("\n")
        filled = [j for j, l in enumerate(lines) if l.strip()]
        if above and len(filled) >= 2 and not SENTENCE_END_RE.search(above[-1]) \
                and re.search(r"[\w,%)’'”-]$", above[-1]):
            first, after = lines[filled[0]].strip(), lines[filled[1]].strip()
            words = re.findall(r"[a-z]{4,}", first.lower())  # (not "and", "the")
            if after[:1].islower() and first[:1].isupper() and not re.search(r"[.!?:;]\s+[A-Z]|[.!?]$", first) \
                    and len(words) >= 2 and sum(w in opening for w in words) >= CONTINUATION_ECHO * len(words) \
                    and len(first) < 0.9 * width and not _GOES_ON_RE.search(first) \
                    and not _CLAUSE_WORD_RE.search(first):
                headers.append(first)
                lines = lines[:filled[0]] + lines[filled[0] + 1:]
        kept_pages.append("\n".join(lines))
    return kept_pages, headers


def _counted_edges(pages: list[str]) -> list[int]:
    """Which edge (0: a page's first line, -1: its last) holds a bare number counting up by one on every page."""
    found = []
    for k in (0, -1):
        numbers = []
        for p in pages:
            lines = [l.strip() for l in p.split("\n") if l.strip()]
            numbers.append(int(lines[k]) if lines and re.fullmatch(r"\d{1,3}", lines[k]) else None)
        if None not in numbers and all(b == a + 1 for a, b in zip(numbers, numbers[1:])):
            found.append(k)
    return found


# A teaser item: headline, at most this many blocks of lead text, then "[...]"/"..." or a "read more" link.
TEASER_MAX_BODY_BLOCKS = 6
TEASER_MAX_BODY_WORDS = 160
CONTENT_WORDS = 12  # a block this long is a paragraph of content, not a caption or a label
PREVIEW_CHARS = 80


def _words(text: str) -> int:
    return len(text.split())


def _is_content(b: Block) -> bool:
    return _words(b.text) >= CONTENT_WORDS


def _label_like(b: Block, max_words: int = 14) -> bool:
    """A headline, link caption or section label: short and not a sentence."""
    s = b.text.strip()
    if b.kind == "heading":
        return True
    return 0 < _words(s) <= max_words and not TERMINAL_RE.search(s) and not _is_date_line(b)


def _is_date_line(b: Block) -> bool:
    s = b.text.strip().strip("|•-– ")
    return bool(DATE_LINE_RE.fullmatch(s)) or bool(re.fullmatch(
        r"((mon|tues|wednes|thurs|fri|satur|sun)day,? )?" + DATE_LINE_RE.pattern + r"|\d{1,2}/\d{1,2}/\d{2,4}",
        s, re.I)) or bool(re.fullmatch(r"((mon|tues|wednes|thurs|fri|satur|sun)day,? )?(january|february|march|april|"
                                       r"may|june|july|august|september|october|november|december) \d{1,2},? \d{4}",
                                       s, re.I))


def _teaser_items(blocks: list[Block], seq: list[int]) -> list[dict]:
    """Teaser-shaped items over the candidate blocks `seq` (indices into blocks): each is a headline,
    a few lines of lead text, and an end marker ("[...]", a trailing ellipsis, a "read more" link).
    Positions are into `seq`; start is None when no headline is found within an item's reach."""
    items: list[dict] = []
    for p, i in enumerate(seq):
        text = blocks[i].text.strip()
        link = bool(TEASER_LINK_RE.match(text))
        trails = bool(TEASER_END_RE.search(text))
        if not (link or trails):
            continue
        strong = trails or bool(STRONG_TEASER_LINK_RE.match(text))
        if link and items and items[-1]["end"] == p - 1 and items[-1]["trails"]:
            items[-1].update(end=p, strong=items[-1]["strong"] or strong)  # "lead [...]" then "Read more"
            continue
        floor = items[-1]["end"] + 1 if items else 0
        start, words = None, 0 if link else _words(text)
        for q in range(p - 1, max(floor, p - 1 - TEASER_MAX_BODY_BLOCKS) - 1, -1):
            b = blocks[seq[q]]
            if _label_like(b):
                start = q
                if _words(b.text) >= 4:  # a headline; a word or two is a tag inside the teaser: go on
                    break
            words += _words(b.text)
            if words > TEASER_MAX_BODY_WORDS:
                break
        items.append({"start": start, "end": p, "trails": trails, "strong": strong})
    return items


def _teaser_runs(blocks: list[Block], seq: list[int]) -> list[tuple[int, int, int]]:
    """Runs of consecutive teaser items strong enough to cut: (first seq pos, last seq pos, items).

    One "read more" line or one paragraph that trails off is not evidence: an article may carry an ad
    slot with a "Read more" button, or quote someone who tails off. A run needs two items with a
    "[...]"/ellipsis lead or a "read full story" link, or three items of any kind, each headline
    following the previous item's end (dates and labels between are allowed)."""
    items = [it for it in _teaser_items(blocks, seq)]
    runs: list[tuple[int, int, int]] = []
    current: list[dict] = []

    def close():
        if current and (sum(it["strong"] for it in current) >= 2 or len(current) >= 3):
            runs.append((current[0]["start"], current[-1]["end"], len(current)))

    for it in items:
        if it["start"] is None:
            close()
            current = []
            continue
        if current:
            between = [blocks[seq[k]] for k in range(current[-1]["end"] + 1, it["start"])]
            if all(_is_date_line(b) or _label_like(b) for b in between):
                current.append(it)
                continue
            close()
        current = [it]
    close()
    return runs


def drop_boilerplate(blocks: list[Block], record: dict | None = None) -> list[Block]:
    """Drop furniture line by line, then cut runs of teasers for other stories; say what went.

    Furniture (navigation, ads, prompts, credits, captions, hosting headers, repeated lines) goes one
    line at a time. More than a line goes only on strong evidence: a run of teaser items (see
    `_teaser_runs`), which takes with it the section label just before it and, when little follows
    it, the site footer. Every multi-block cut and every long dropped line is recorded in `record`."""
    blocks = list(blocks)
    raw_chars = sum(len(b.text) for b in blocks)
    reasons: list[str | None] = [None] * len(blocks)
    stripped, trimmed = 0, set()
    for i, b in enumerate(blocks):
        m = GLUED_AD_RE.match(b.text)
        rest = b.text[m.end():] if m else ""
        if m and rest.strip() and (rest.lstrip()[:1].isupper() or rest.lstrip()[:1] in "“\"‘'(0123456789"):
            blocks[i] = replace(b, text=rest.strip())
            stripped += len(b.text) - len(blocks[i].text)
            trimmed.add(i)
        half = len(blocks[i].text) // 2
        t = blocks[i].text
        if len(t) >= 30 and len(t) % 2 == 0 and t[:half] == t[half:] and _words(t[:half]) >= 3 \
                and not (t[half - 1].isalnum() and t[half].isalnum()):  # a caption captured twice in one line
            blocks[i] = replace(blocks[i], text=t[:half].strip())
            stripped += len(t) - len(blocks[i].text)
    for i, b in enumerate(blocks):
        reasons[i] = furniture_reason(b.text)
    for i, b in enumerate(blocks):
        s = b.text.strip()
        nxt = blocks[i + 1].text.strip() if i + 1 < len(blocks) else ""
        if CAPTION_LABEL_RE.fullmatch(s) and nxt and _words(nxt) <= 25 and i + 1 < len(blocks):
            reasons[i] = reasons[i + 1] = "photo credit or caption"
        alt = ALT_TEXT_RE.fullmatch(s)
        if alt and nxt and _words(s) <= 10 and nxt.lower().startswith(alt.group(1).strip().lower()):
            reasons[i] = "photo credit or caption"
    # A word or two between two furniture lines belongs to them ("Category:" / "Documents" / "0 downloads").
    for i in range(1, len(blocks) - 1):
        if reasons[i] is None and reasons[i - 1] and reasons[i + 1] and _words(blocks[i].text) <= 2 \
                and not SENTENCE_END_RE.search(blocks[i].text.strip()) and reasons[i - 1] != "empty line":
            reasons[i] = reasons[i - 1]
    # A line repeated just after itself (or a few lines later, when it is long enough to be unambiguous).
    recent: list[str] = []
    for i, b in enumerate(blocks):
        if reasons[i]:
            continue
        key = re.sub(r"\s+", " ", b.text.strip().lower())
        if (recent and key == recent[-1]) or (_words(key) >= 4 and key in recent[-3:]):
            reasons[i] = "repeated line"
            continue
        recent.append(key)

    cuts: list[dict] = []
    listing = False
    seq = [i for i, r in enumerate(reasons) if r is None or r == "link to other stories"]
    seq = [i for i in seq if reasons[i] is None or TEASER_LINK_RE.match(blocks[i].text.strip())]
    for first, last, n_items in _teaser_runs(blocks, seq):
        # the label of the teaser section just before it ("Related stories", "Latest news")
        for _ in range(3):
            if first > 0 and (_label_like(blocks[seq[first - 1]], 8) or (
                    _words(blocks[seq[first - 1]].text) <= 12 and first > 1 and _label_like(blocks[seq[first - 2]], 8))):
                first -= 1  # a label, or a one-line blurb under a label ("Latest news" / "Keep up with ...")
        # little content after the run (a line about the site, a truncated teaser): the page end, gone too
        after = [seq[k] for k in range(last + 1, len(seq))]
        content_after = [k for k in after if _is_content(blocks[k])]
        to_end = bool(after) and len(content_after) <= 1 and all(_words(blocks[k].text) <= 60 for k in content_after)
        if to_end:
            last = len(seq) - 1
        span = range(seq[first], seq[last] + 1)
        removed = [k for k in span if reasons[k] in (None, "link to other stories")]
        if not any(reasons[k] is None and _is_content(blocks[k]) for k in range(len(blocks)) if k not in span):
            # the list is the page (a council's news listing, each item with its own date and lead): no article
            # beside it for it to be furniture of, so it is kept rather than the page lost
            listing = True
            continue
        for k in removed:
            reasons[k] = "teaser list"
        text = " ".join(blocks[k].text for k in removed)
        cuts.append({"reason": f"teaser list ({n_items} items)" + (" and the page end after it" if to_end else ""),
                     "chars": sum(len(blocks[k].text) for k in removed), "blocks": len(removed),
                     "preview": _preview(text)})
    # "Read more" over a list of other stories' headlines alone (no lead text, no "...": links, not the article)
    for i, b in enumerate(blocks):
        if b.kind != "heading" or not TEASER_LIST_LABEL_RE.fullmatch(b.text.strip()):
            continue
        items = list(itertools.takewhile(
            lambda k: blocks[k].kind == "item" and reasons[k] is None and _words(blocks[k].text) <= 20
            # (a headline may ask: "Exploitation panels: are they disrupting anyone?")
            and not re.search(r"[.!][\"'”’)\]]*$", blocks[k].text.strip()), range(i + 1, len(blocks))))
        if len(items) >= 2 and any(reasons[k] is None and _is_content(blocks[k]) for k in range(len(blocks))
                                   if k not in (i, *items)):  # (the list is not the page: a bulletin of headlines)
            for k in (i, *items):
                reasons[k] = "teaser list"
            text = " ".join(blocks[k].text for k in items)
            cuts.append({"reason": f"teaser list ({len(items)} items)", "blocks": len(items),
                         "chars": sum(len(blocks[k].text) for k in items), "preview": _preview(text)})
    for i, b in enumerate(blocks):
        r = reasons[i]
        if r and r not in ("teaser list", "empty line") and len(b.text) >= LONG_DROP_CHARS:
            cuts.append({"reason": r, "chars": len(b.text), "blocks": 1, "preview": _preview(b.text)})

    kept: list[Block] = []
    dropped = False
    for i, b in enumerate(blocks):
        if reasons[i]:
            dropped = True
            continue
        dropped = dropped or i in trimmed
        # A passage must not join text on both sides of a removal: it would not be a slice of the source. The
        # first block after it marks the gap; a heading there opens the passage after it, the gap behind it
        # (a letter's "Inspection dates: ..." and "Lead inspector: ..." lines below a dropped address line are
        # quoted with the text under them, not lost as a gap).
        b.after_gap = dropped and bool(kept)
        dropped = False
        kept.append(b)
    if record is not None:
        record.update(raw_chars=raw_chars, kept_chars=sum(len(b.text) for b in kept),
                      removed_lines=sum(1 for r in reasons if r and r != "empty line"),
                      removed_by={}, cuts=cuts, **({"listing": True} if listing else {}))
        for i, r in enumerate(reasons):
            if r and r != "empty line":
                record["removed_by"][r] = record["removed_by"].get(r, 0) + len(blocks[i].text)
        if stripped:
            record["removed_by"]["advert"] = record["removed_by"].get("advert", 0) + stripped
    return kept


LONG_DROP_CHARS = 200  # a dropped line this long is listed as a cut of its own


def _preview(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS - 1].rstrip() + "…"


# A sentence cut off at the end of an extract ("5.1 Demand for housing remains high and") reads as a numbered
# heading, but no heading ends on a joining word; nor is a person's labelled name one ("Contact officer: Jo Bell").
_CUT_SENTENCE_RE = re.compile(r"^\d+(?:\.\d+)+\s(?:\S+\s+){3,}(?:and|or|but|the|a|an|of|to|in|for|with|that|"
                              r"which|by|on|at|is|are|was|were)$|"
                              r"^(?:contact(?:\s+officer)?|(?:report\s+)?author|lead\s+officer|officer\s+contact)"
                              r"\s*:\s+(?-i:[A-Z][a-z]+(?:-[A-Z][a-z]+)? [A-Z])", re.I)


def strip_trailing_headings(blocks: list[Block]) -> list[Block]:
    # A dated line ("Published 27 March 2015") that ends a page is kept: it may be the only date.
    while blocks and blocks[-1].kind == "heading" and not DATE_LINE_RE.search(blocks[-1].text) \
            and not _CUT_SENTENCE_RE.search(blocks[-1].text.rstrip()):
        blocks = blocks[:-1]
    return blocks


def signature_is_text(blocks: list[Block]) -> list[Block]:
    """Lines after 'Yours sincerely' are a name and a role, not headings."""
    signed = False
    for b in blocks:
        if signed and b.kind == "heading":
            b.kind = "para"
        signed = signed or bool(SIGN_OFF_RE.match(b.text))
    return blocks


def text_to_blocks(text: str, page: int | None = None, markdown: bool = False) -> list[Block]:
    text = normalise(text)
    if markdown:
        return signature_is_text(markdown_blocks(text, page))
    blocks = unwrap(text, page) if looks_hard_wrapped(text) else split_flowed(text, page)
    return signature_is_text(blocks)


MD_TABLE_ROW_RE = re.compile(r"^\s*\|")
MD_RULE_RE = re.compile(r"^\s*([-*_=])(?:\s*\1){2,}\s*$")
SHORT_LINE_SHARE = 0.6


def markdown_blocks(text: str, page: int | None = None) -> list[Block]:
    """Markdown's own structure: a blank line ends a paragraph and the wrapped lines of one paragraph are one
    block, while a heading, a list item and a table row stand alone. Page-width guessing (`unwrap`) would run a
    "# Heading" into the line before it. A line well short of the text's width is no wrap: the next line starts
    a block of its own ("Council blog" above "Posted in March 2023 by ...")."""
    lines = text.split("\n")
    width = _line_width([l for l in lines if not (MD_TABLE_ROW_RE.match(l) or MD_HEADING_RE.match(l.strip()))])
    blocks: list[Block] = []
    current: list[str] = []
    kind = "para"

    def flush():
        nonlocal current, kind
        if current:
            blocks.append(Block(kind, re.sub(r"[ \t]+", " ", " ".join(current)).strip(), page))
        current, kind = [], "para"

    for raw in lines:
        line = raw.strip()
        if not line:
            flush()
            continue
        rule = MD_RULE_RE.match(line)
        if rule:
            if rule.group(1) in "=-" and len(current) == 1 and kind == "para":
                heading_text = current[0]  # a setext heading: "Title" over "====="
                current = []
                blocks.append(Block("heading", heading_text, page, level=1 if rule.group(1) == "=" else 2))
            else:
                flush()  # a horizontal rule: a boundary, no words
            continue
        heading = MD_HEADING_RE.match(line)
        if heading:
            flush()
            blocks.append(Block("heading", heading.group(2).strip(), page, level=len(heading.group(1))))
            continue
        bullet = BULLET_RE.match(line)
        if bullet and line[bullet.end():].strip() and not MD_RULE_RE.match(line):
            flush()
            kind = "item"
            current.append(item_text(line, bullet))
            continue
        if MD_TABLE_ROW_RE.match(line):
            flush()
            blocks.append(Block("para", re.sub(r"[ \t]+", " ", line), page))
            continue
        if current and len(current[-1]) < SHORT_LINE_SHARE * width and line[:1].isupper():
            flush()
        current.append(line)
    flush()
    return [b for b in blocks if b.text]


# An Ofsted report's section heading is its judgement ("The experiences and progress of children who need help and
# protection: requires improvement to be good"): longer than a heading is taken to be, and a PDF wraps it over two
# lines, so it was run into a paragraph and its section's findings stayed under the heading before it.
JUDGEMENT_HEADING_RE = re.compile(r"(?:The\s+)?(?:experiences\s+and\s+progress\s+of|impact\s+of\s+leaders\s+on|"
                                  r"overall\s+effectiveness)\b[^.!?\n]{0,120}?:\s*(?:good|outstanding|inadequate|"
                                  r"requires\s+improvement(?:\s+to\s+be\s+good)?)\s*", re.I)


def judgement_headings(blocks: list[Block]) -> list[Block]:
    """Paragraphs that are a report's judgement headings made headings, at the level of the heading before them,
    when a section follows (a list of the grades closing a story is its text, not headings with nothing under)."""
    out: list[Block] = []
    level = 1
    for i, b in enumerate(blocks):
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        if b.kind == "heading":
            level = b.level
        elif b.kind == "para" and JUDGEMENT_HEADING_RE.fullmatch(b.text.strip()) and following is not None \
                and following.kind in ("para", "item") and not JUDGEMENT_HEADING_RE.fullmatch(following.text.strip()):
            b = replace(b, kind="heading", level=level)
        out.append(b)
    return out


def clean_blocks(blocks: list[Block], record: dict | None = None) -> list[Block]:
    """Boilerplate out, empty blocks out, headings that end the document out.

    With `record`, fill it with what cleaning removed: raw_chars, kept_chars, removed_lines,
    removed_by (characters per reason) and cuts (multi-block or long removals: reason, chars, blocks,
    preview). Characters are counted over block texts, before and after."""
    blocks = [b for b in blocks if b.text.strip()]
    blocks = judgement_headings(drop_boilerplate(blocks, record))
    kept = strip_trailing_headings(blocks)
    if record is not None and len(kept) < len(blocks):
        tail = blocks[len(kept):]
        record["kept_chars"] -= sum(len(b.text) for b in tail)
        record["removed_lines"] += len(tail)
        record["removed_by"]["heading with no text after it"] = sum(len(b.text) for b in tail)
    return kept


def assemble(blocks: list[Block]) -> str:
    """Join blocks into the document text, recording offsets and paragraph numbers."""
    parts: list[str] = []
    pos = 0
    number = 0
    for b in blocks:
        if parts:
            pos += 2
        b.start, b.end = pos, pos + len(b.text)
        if b.kind != "heading":
            number += 1
            b.number = number
        parts.append(b.text)
        pos = b.end
    return "\n\n".join(parts)
