"""Turn extracted text into clean structural blocks (headings, paragraphs, list items).

Two shapes of plain text arrive here:
- "flowed" text, one paragraph a line (web captures, Word, Markdown);
- "hard-wrapped" text from PDF extraction: lines cut at a fixed width, often with blank lines between
  every line, bullet glyphs lost, words hyphenated at line ends, headers and footers repeated per page.
Both become the same list of Blocks; then page furniture and web boilerplate are dropped.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .types import Block

BULLET_CHARS = "•●▪■◦‣∙·*\uf0b7\uf0a7\uf076\uf0d8\uf0fc\u2043"
BULLET_RE = re.compile(rf"^\s*(?:[{re.escape(BULLET_CHARS)}]|[-–—](?=\s)|\d{{1,2}}[.)](?=\s)|\([a-z0-9]\))\s*")
TERMINAL_RE = re.compile(r"[.!?:;][\"'”’)\]]*$")
SENTENCE_END_RE = re.compile(r"[.!?][\"'”’)\]]*$")
MD_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")

# Whole-line page furniture and web boilerplate (matched case-insensitively on the stripped line).
FURNITURE_RES = [re.compile(p, re.I) for p in (
    r"make an enquiry", r"contact us", r"read (the )?full story", r"read more\W*", r"rate this page",
    r"loading,? please wait\W*", r"subscribe( today| now)?", r"share( this)?( (page|article|story))?:?",
    r"(accept|reject|manage) (all )?cookies", r".*\bcookies?\b.*\b(accept|consent|settings|policy)\b.*",
    r"skip to (main )?content", r"back to top", r"print( this page)?", r"comments are closed\.?",
    r"more from .{2,40}", r"related (articles|stories|news|content)", r"you may also like",
    r"photo:.*", r"image:.*", r"(picture|image) credit:.*", r"advertisement", r"sign (in|up)( today)?",
    r"log ?in", r"search( this site)?", r"menu", r"home", r"follow us.*", r"tweet", r"email this",
    r"page \d+ of \d+", r"\d{1,3}", r"-\s*\d{1,3}\s*-", r"was this page (helpful|useful)\??.*",
    r".*\bwebsite design by\b.*", r"©.*", r"copyright.*\ball rights reserved.*",
    r"(t|tel|telephone|textphone)\b.*@.*",  # letterhead contact line
)]
SOCIAL_WORDS = {"linkedin", "facebook", "twitter", "instagram", "pinterest", "youtube", "rss", "x", "tiktok",
                "whatsapp", "email", "blank", "share", "threads", "bluesky", "mastodon"}
# A teaser of another story ends with an ellipsis or a "read more" link.
TEASER_END_RE = re.compile(r"(\[\s*(\.\.\.|…)\s*\]|\.\.\.\s*$|…\s*$)")
TEASER_LINK_RE = re.compile(r"^(read (the )?full story|read more|continue reading|full story)\W*$", re.I)
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


def is_furniture(line: str) -> bool:
    s = line.strip()
    if not s:
        return True
    if any(r.fullmatch(s) for r in FURNITURE_RES):
        return True
    words = re.findall(r"[a-z]+", s.lower())
    if words and len(words) >= 2 and all(w in SOCIAL_WORDS for w in words):
        return True
    if PROMO_RE.search(s) and len(s) < 160:
        return True
    return False


def _heading_like(line: str, max_len: int = 90) -> bool:
    s = line.strip()
    if not s or len(s) > max_len or len(s.split()) > 14:
        return False
    if TERMINAL_RE.search(s) or s.endswith((",", "-")):
        return False
    if SALUTATION_RE.match(s) or SIGN_OFF_RE.match(s) or BULLET_RE.match(s):
        return False
    if DATE_LINE_RE.fullmatch(s) or sum(c.isdigit() for c in s) > len(s) / 3:
        return False
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
        text_line = BULLET_RE.sub("", line, count=1) if bullet and not current else line
        current.append(text_line)
        prev = line
    flush()
    return signature_is_text(_merge_heading_runs(blocks))


def _merge_heading_runs(blocks: list[Block]) -> list[Block]:
    """Three or more consecutive one-line 'headings' of a few words are an address block, not headings."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and blocks[j].kind == "heading" and len(blocks[j].text.split()) <= 5:
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
        and not MD_HEADING_RE.match(l)
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


def split_flowed(text: str, page: int | None = None) -> list[Block]:
    """One block per line (or per Markdown construct)."""
    lines = [l.rstrip() for l in text.split("\n")]
    blocks: list[Block] = []
    merged = _merge_short_runs([l.strip() for l in lines if l.strip()])
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
            blocks.append(Block("item", line[bullet.end():].strip(), page))
            continue
        nxt = nonempty[i + 1] if i + 1 < len(nonempty) else ""
        if _heading_like(line) and nxt and (len(nxt) > len(line) or BULLET_RE.match(nxt)):
            blocks.append(Block("heading", line, page, level=2))
            continue
        blocks.append(Block("para", re.sub(r"[ \t]+", " ", line), page))
    return blocks


# ---------------------------------------------------------------- boilerplate


def drop_repeated_lines(pages: list[str]) -> list[str]:
    """Remove running headers and footers: lines (digits ignored) found at the top or bottom of
    at least half of the pages, when there are three pages or more."""
    if len(pages) < 3:
        return pages
    def key(l): return re.sub(r"\d+", "#", l.strip().lower())
    edge_counts: Counter = Counter()
    for p in pages:
        lines = [l for l in p.split("\n") if l.strip()]
        for l in set(map(key, lines[:3] + lines[-3:])):
            edge_counts[l] += 1
    repeated = {k for k, c in edge_counts.items() if c >= max(3, len(pages) // 2) and k}
    return ["\n".join(l for l in p.split("\n") if key(l) not in repeated) for p in pages]


def drop_boilerplate(blocks: list[Block]) -> list[Block]:
    """Drop furniture lines, then cut the tail of teasers for other stories.

    Teasers ("headline / first lines [...] / Read Full Story") follow the main article. The article
    ends at the first run of two or more short, unpunctuated lines (link captions, section names)
    before the first teaser marker; failing that, at the headline of the first teaser.
    """
    markers = [i for i, b in enumerate(blocks) if TEASER_LINK_RE.match(b.text.strip()) or TEASER_END_RE.search(b.text)]
    links = [i for i in markers if TEASER_LINK_RE.match(blocks[i].text.strip())]
    # One paragraph that trails off ("...") is not a teaser block: require a "read more" link or two markers.
    first_marker = markers[0] if (links or len(markers) >= 2) else None
    if first_marker is not None:
        first_content = next((i for i, b in enumerate(blocks) if b.kind == "para" and len(b.text.split()) >= 12), 0)
        cut = None
        run = 0
        for i in range(first_content + 1, first_marker):
            b = blocks[i]
            short = len(b.text.split()) <= 8 and not SENTENCE_END_RE.search(b.text.strip())
            run = run + 1 if short else 0
            if run >= 2:
                cut = i - 1
                break
        if cut is None:
            # Walk back from the marker over the teaser's own lines to its headline.
            cut = first_marker
            while cut > first_content + 1 and not (blocks[cut - 1].kind == "heading" or
                                                    _heading_like(blocks[cut - 1].text)):
                cut -= 1
            cut = max(first_content + 1, cut - 1)
        blocks = blocks[:cut]
    kept: list[Block] = []
    dropped = False
    for b in blocks:
        if is_furniture(b.text) or TEASER_LINK_RE.match(b.text.strip()):
            dropped = True
            continue
        # A passage must not join text on both sides of a removal: it would not be a slice of the source.
        # A heading carries the gap on to the text after it.
        b.after_gap = dropped and bool(kept)
        if b.kind != "heading":
            dropped = False
        kept.append(b)
    return kept


def strip_trailing_headings(blocks: list[Block]) -> list[Block]:
    while blocks and blocks[-1].kind == "heading":
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


def text_to_blocks(text: str, page: int | None = None) -> list[Block]:
    text = normalise(text)
    blocks = unwrap(text, page) if looks_hard_wrapped(text) else split_flowed(text, page)
    return signature_is_text(blocks)


def clean_blocks(blocks: list[Block]) -> list[Block]:
    """Boilerplate out, empty blocks out, headings that end the document out."""
    blocks = [b for b in blocks if b.text.strip()]
    blocks = drop_boilerplate(blocks)
    return strip_trailing_headings(blocks)


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
