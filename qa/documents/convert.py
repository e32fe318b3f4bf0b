"""Read a file of any supported type into raw structural blocks plus metadata hints.

Libraries (see README, "Libraries"): pypdf for PDF text layers, trafilatura for the main content of
web pages, python-docx for Word, charset-normalizer for text of unknown encoding.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from qa.documents import clean
from qa.datatypes import Block

TEXT_EXTS = {".txt", ".md", ".markdown", ".text"}
HTML_EXTS = {".html", ".htm", ".xhtml"}
SUPPORTED_EXTS = TEXT_EXTS | HTML_EXTS | {".pdf", ".docx"}
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # a DOCX that inflates past this is refused (zip bomb)
MAX_PDF_PAGES = 2000
MAX_TEXT_CHARS = 5_000_000


class ConversionError(Exception):
    """A file that cannot be read; the message is shown to the user as the reason."""


@dataclass
class Extracted:
    blocks: list[Block]
    hints: dict[str, str] = field(default_factory=dict)  # metadata the file itself states
    format: str = "text"


def check_file(path: Path, max_bytes: int, name: str | None = None) -> str:
    """Refuse a file before reading it: a type we do not convert, an empty file, one over the size limit (MB are
    MiB, as the limit). `name`: the file's own name when `path` is not it (an upload). Returns the extension."""
    ext = Path(name or path.name).suffix.lower()
    if ext not in SUPPORTED_EXTS:
        raise ConversionError(f"unsupported file type '{ext or '(none)'}' (supported: "
                              f"{', '.join(sorted(SUPPORTED_EXTS))})")
    size = path.stat().st_size
    if size == 0:
        raise ConversionError("empty file")
    if size > max_bytes:
        raise ConversionError(f"file is {size / 2**20:.1f} MB, over the {round(max_bytes / 2**20, 3):g} MB limit")
    return ext


def convert(path: Path, max_bytes: int) -> Extracted:
    ext = check_file(path, max_bytes)
    data = path.read_bytes()
    if ext == ".pdf":
        result = convert_pdf(data)
    elif ext == ".docx":
        result = convert_docx(data)
    elif ext in HTML_EXTS:
        result = convert_html(decode_text(data))
    else:
        result = convert_text(decode_text(data), markdown=ext in {".md", ".markdown"})
    if not any(b.text.strip() for b in result.blocks):
        raise ConversionError("no text could be extracted")
    return result


# ---------------------------------------------------------------- text


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample and not (sample.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(sample) * 0.05


def decode_text(data: bytes) -> str:
    """UTF-8 when it decodes cleanly (the common case), otherwise the encoding charset-normalizer detects."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ConversionError("text with a UTF-16 mark does not decode as UTF-16 (truncated or corrupt)")
    if looks_binary(data):
        raise ConversionError("binary content under a text extension")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    best = matches[0] if matches else None
    if best is not None:
        # Ties between single-byte code pages are common on short texts; for an English-language
        # corpus Windows-1252 / Latin-1 are far likelier than, say, Central European ones.
        western = [m for m in matches if m.encoding in WESTERN_ENCODINGS and m.percent_chaos <= best.percent_chaos + 0.5]
        best = western[0] if western else best
    if best is None or best.encoding is None:
        raise ConversionError("text encoding could not be detected")
    text = str(best)
    if text.count("\ufffd") > max(3, len(text) // 200) or latin_share(text) < 0.5:
        # The corpus and the embedder are English: text that only decodes to another script is
        # almost always a wrong or unknown encoding, not a real document.
        raise ConversionError(f"text encoding could not be detected (best guess {best.encoding} gives unreadable text)")
    return text


def latin_share(text: str, sample: int = 20000) -> float:
    import unicodedata

    letters = [c for c in text[:sample] if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if c.isascii() or unicodedata.name(c, "").startswith("LATIN")) / len(letters)


WESTERN_ENCODINGS = ("cp1252", "iso8859_15", "latin_1", "ascii", "utf_8")

FRONT_MATTER_RE = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """`key: value` lines between leading '---' fences (Markdown/Jekyll style)."""
    m = FRONT_MATTER_RE.match(text)
    if not m:
        return {}, text
    hints = {}
    for line in m.group(1).splitlines():
        if ":" in line:
            key, value = line.split(":", 1)
            hints[key.strip().lower()] = value.strip().strip("'\"")
    return hints, text[m.end():]


def convert_text(text: str, markdown: bool = False) -> Extracted:
    if len(text) > MAX_TEXT_CHARS:
        raise ConversionError(f"text is {len(text):,} characters, over the {MAX_TEXT_CHARS:,} limit")
    hints, body = split_front_matter(text)
    if "publisher" not in hints and (site := _TITLE_COUNCIL_RE.search(hints.get("title", ""))) and site.start():
        # a clipped page's title closing on its site, "... | Northumberland County Council": the council publishes
        # it, as a web page's <title> tells (`convert_html`)
        hints["publisher"] = site.group(1)
    if markdown:  # the reader sees the rendered words: no emphasis marks, no table rule lines
        body = MD_TABLE_RULE_RE.sub("", strip_markdown_inline(body))
    return Extracted(clean.text_to_blocks(body, markdown=markdown), hints, "markdown" if markdown else "text")


MD_TABLE_RULE_RE = re.compile(r"(?m)^[^\S\n]*\|?(?:[^\S\n]*:?-+:?[^\S\n]*\|)+[^\S\n]*(?::?-+:?)?[^\S\n]*$\n?")


# ---------------------------------------------------------------- HTML


_DATED_NAME_RE = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}[.:]\d{2}\s*(?:am|pm)\b", re.I)


# An inspection report's fixed labels ("Inspection dates: ...", "Report published: ...", "Lead inspector: ..."): the
# document's own lines, which a capture may wrap in a class trafilatura drops as page metadata ('<p class="meta">').
_REPORT_LABELS = (r"(?:inspection\s+dates?|report\s+published|lead\s+inspector|fieldwork\s+dates?|"
                  r"date\s+of\s+(?:inspection|visit|publication)|publication\s+date)\s*:")
_REPORT_LABEL_RE = re.compile(rf"^\s*{_REPORT_LABELS}", re.I)  # an element's text opening on one
_REPORT_LABEL_HTML_RE = re.compile(rf">\s*{_REPORT_LABELS}", re.I)  # (a cheap look at the markup before parsing it)
_CONTENT_CONTAINER_RE = re.compile(r"content|main|entry|article|post|body", re.I)


def _for_extraction(html: str) -> str:
    """The page as the extractor should read it: report label lines and quotations' attributions it would drop as
    furniture made plain (see below); the page itself when it has neither. Parsed once."""
    from lxml import html as lxml_html

    labels, quotes = _REPORT_LABEL_HTML_RE.search(html), _QUOTE_ATTRIBUTION_HTML_RE.search(html)
    if not (labels or quotes):
        return html
    tree = _parse_html(html)
    if tree is None:
        return html
    changed = bool(labels) and _unhide_report_labels(tree)
    changed = bool(quotes) and _unhide_quote_attributions(tree) or changed
    return lxml_html.tostring(tree, encoding="unicode") if changed else html


def _unhide_report_labels(tree) -> bool:
    """Takes the classes and ids off the report label lines (and off a wrapper holding nothing but them), so the
    extractor keeps them. Whether there were any."""
    labelled = [el for el in tree.iter("p", "div", "span", "li", "dd", "dt", "td", "h2", "h3", "h4", "h5", "h6")
                if (el.get("class") or el.get("id")) and len(el.text_content()) < 200
                and _REPORT_LABEL_RE.match(el.text_content())]
    label_chars = sum(len(el.text_content()) for el in labelled)
    for el in labelled:
        el.attrib.pop("class", None)
        el.attrib.pop("id", None)
        parent = el.getparent()
        # (a wrapper of the labels alone, never the page's content container nor a banner around other text)
        while parent is not None and parent.tag not in ("body", "html", "main", "article") \
                and len(parent.text_content()) - label_chars < 40 \
                and not _CONTENT_CONTAINER_RE.search(f"{parent.get('class', '')} {parent.get('id', '')}"):
            parent.attrib.pop("class", None)
            parent.attrib.pop("id", None)
            parent = parent.getparent()
    return bool(labelled)


_QUOTE_ATTRIBUTION_HTML_RE = re.compile(r"<blockquote\b[^>]*>(?:(?!</blockquote>).)*?<footer\b", re.I | re.S)


def _unhide_quote_attributions(tree) -> bool:
    """Makes each quotation's attribution ('<blockquote><p>"..."</p><footer>Councillor Jo Bell, Lead
    Member</footer></blockquote>') a paragraph, which the extractor would drop as a page footer: who said the words
    is part of them. Whether there were any."""
    footers = tree.xpath("//blockquote//footer")
    for footer in footers:
        footer.tag = "p"
        footer.attrib.pop("class", None)  # (a "blockquote-footer" class is dropped as furniture too)
        footer.attrib.pop("id", None)
    return bool(footers)


def convert_html(html: str) -> Extracted:
    import trafilatura

    body = trafilatura.extract(_for_extraction(html), output_format="markdown", include_comments=False,
                               include_tables=True, include_links=False, include_images=False, favor_precision=True)
    if not body:
        body = trafilatura.extract(html, output_format="markdown", include_comments=False) or ""
    hints: dict[str, str] = {}
    tree = _parse_html(html)
    marked, bylines = _marked_texts(tree, _DATE_MARK_RE, _BYLINE_MARK_RE)
    # htmldate's fast mode, preferring the publication date to a later modification
    meta = trafilatura.extract_metadata(html, date_config={"extensive_search": False, "original_date": True})
    if meta is not None:
        where = _markup_date(html, str(meta.date), marked) if meta.date else None
        if meta.date and where is None and _url_dated(meta.url or "", str(meta.date)):
            # the page's own address is dated (".../2016/11/15/manchester-missing-children/"): the page's date when
            # nothing in its markup or text says otherwise (an event's page is filed under the event's date; htmldate
            # reads the address before an "article:published_time" tag)
            published = next((c.group(1) for tag in _META_TAG_RE.findall(html) if _PUBLISHED_META_RE.search(tag)
                              and (c := re.search(r"""content\s*=\s*["'](\d{4}-\d\d-\d\d)""", tag))), None)
            if published:
                hints["date"] = published
            else:
                hints["url_date"] = str(meta.date)[:10]
        for key, value in (("title", meta.title), ("date", meta.date if where == "published" else None),
                           ("date_modified", meta.date if where == "modified" else None),
                           ("publisher", meta.sitename), ("source", meta.url), ("author", meta.author)):
            if value:
                hints[key] = str(value)
    if "date_modified" in hints and (published := _JSON_LD_PUBLISHED_RE.search(html)):
        hints["date"] = published.group(1)  # htmldate chose a review or update time over JSON-LD's publication
    if "date" not in hints and "date_modified" not in hints and "url_date" not in hints \
            and (modified := _modified_in_markup(html)):
        # no date placed, only a modification time in the markup (htmldate, asked for the original, offers none):
        # better than nothing, and said so (`date_modified` weighs less)
        hints["date_modified"] = modified
    # "Agenda item - Response to the Ofsted inspection | Coventry City Council"; also over a site name that is only
    # the page's host name (trafilatura's fallback when the page names no site): the council is who publishes it
    # (nor over a company's name: "Practice Media Ltd" in the JSON-LD publishes the site, readers cite the site)
    # (a "site name" that is a dated segment of the title is none: "Minutes: ... Committee - Thursday, 7th March,
    # 2024 2.00 pm" is the meeting, not who publishes it)
    if "publisher" in hints and _DATED_NAME_RE.search(hints["publisher"]):
        hints.pop("publisher")
    replaceable = "publisher" not in hints or _is_host_name(hints["publisher"], hints.get("source", "")) \
        or _COMPANY_RE.search(hints["publisher"])
    if replaceable and (site := _council_in_title(tree)):
        hints["publisher"] = site
    elif replaceable and (site := _site_in_title(tree)):
        # "Headline | Children's Practice Weekly": the publication a reader names and cites, over the company
        # that a page's JSON-LD may give as its publisher ("Practice Media Ltd"); inferred, not stated (a
        # document-sharing site's name over an Ofsted letter is no publisher: see metadata.infer_publisher)
        hints.pop("publisher", None)
        hints["title_site"] = site
    if tree is not None and (site := [_flat(el.text_content()) for el in tree.xpath(
            "//header|//footer|//*[@role='banner' or @role='contentinfo']")[:6]]):
        # the site's header and footer, which the main text leaves out, may alone name whose page it is ("... in
        # partnership with London Borough of Tower Hamlets", "hosted by the London Borough of Tower Hamlets")
        hints["site_lines"] = "\n".join(line[:300] for line in site if line)
    if tree is not None and (page_title := _flat(tree.findtext(".//title") or "")) \
            and page_title != hints.get("title"):
        hints["page_title"] = page_title  # (a minutes page's meeting line may be only there: see infer_date)
    if "date" in hints:
        hints["date_from_markup"] = "yes"  # (a web page's meta tags or JSON-LD, not a file's own front matter)
    if "date" not in hints and marked:
        # (the first marked element holding a number: a byline marked alone, "By Jo Bell, Chief Reporter", dates
        # nothing, and the page's "Published: 14.03.2024" may follow it)
        hints["dateline"] = next((text for text in marked if re.search(r"\d", text)), marked[0])
    byline = next((text for text in bylines if _BY_NAME_RE.match(text)), None)
    if byline and "author" not in hints:
        hints["author"] = _BY_NAME_RE.match(byline).group(1)  # '<span class="by">By Tomasz Wright</span>'
    blocks = clean.split_flowed(clean.normalise(strip_markdown_inline(body)))
    blocks = _restore_lists(tree, _restore_headings(tree, blocks))
    if byline and blocks and byline not in body:
        # The main-text extraction drops the byline; a reader sees it under the headline, and "who wrote it, and
        # when?" is answered by it, so it stays in the text (and in the passage citing the headline).
        title = (hints.get("title") or "").strip().lower()
        heads = title and (blocks[0].text.strip().lower() in title or title in blocks[0].text.strip().lower())
        blocks.insert(1 if heads else 0, Block("para", clean.normalise(byline)))
    return Extracted(blocks, hints, "html")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _parse_html(html: str):
    """The page's element tree (one parse for every reading of its markup), or None when it cannot be parsed."""
    from lxml import html as lxml_html

    try:
        return lxml_html.fromstring(html)
    except Exception:  # noqa: BLE001 - unparseable markup: nothing read from it
        return None


# A council's own site names itself at the end of every page's title: "... | Coventry City Council".
_TITLE_COUNCIL_RE = re.compile(r"(?:^|\s[|\-–—]\s)((?:(?:The\s+)?(?:Royal\s+|London\s+)?Borough\s+of\s+|City\s+of\s+)?"
                               r"[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|and|of|upon|on|(?<=Blackburn )with|&)){0,5}?"
                               # (or named as "Council of the Isles of Scilly")
                               r"\s+Council|"
                               r"Council\s+of\s+(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|and|of)){0,4})"
                               r"(?:\s+(?:Democracy|Democratic\s+Services)(?:\s+Portal)?|"
                               r"\s+(?:Newsroom|News|Press\s+Office|Media\s+Centre|Press\s+Releases?))?"
                               # (the council's democracy site: "... - Newcastle City Council Democracy"; its
                               # newsroom: "... - Shropshire Council Newsroom")
                               r"\s*$")


def _is_host_name(name: str, url: str) -> bool:
    """The site name is the page address's host ("GOV.UK" or "bbc.co.uk" given as a name stays a name)."""
    from urllib.parse import urlparse

    host = (urlparse(url).hostname or "").removeprefix("www.")
    return bool(host) and name.strip().lower().removeprefix("www.") == host


_COMPANY_RE = re.compile(r"\b(?:Ltd|Limited|plc|LLP|Inc)\.?$", re.I)
_TITLE_SITE_RE = re.compile(r"\s\|\s+([A-Z][\w&'’.-]*(?:\s+[\w&'’.-]+){0,5})\s*$"
                            # after a dash, a publication's or a body's proper name only, ending on what such names
                            # end on ("... - Care Quality Commission", "... - Oldham Echo"; not "... - Requires
                            # Improvement", "... - Executive Summary", "... - Ofsted inspection report - children's home")
                            r"|\s[-–—]\s+((?:[A-Z][\w&'’.-]*\s+(?:(?:and|of|the|for|on|&)\s+)?){1,5}"
                            r"(?:Weekly|Daily|News|Echo|Courier|Gazette|Herald|Chronicle|Observer|Post|Times|Mail|Express|"
                            r"Bulletin|Review|Online|Ledger|Journal|Magazine|Standard|Telegraph|Argus|Advertiser|Press|"
                            r"Star|Sentinel|Live|Today|Now|Commission|Inspectorate|Ombudsman))\s*$"
                            # ("... - HM Inspectorate of Probation")
                            r"|\s[-–—]\s+((?:HM\s+|His\s+Majesty.s\s+)?Inspectorate\s+of\s+[A-Z][\w&'’]*"
                            r"(?:\s+(?:and\s+)?[A-Z][\w&'’]*){0,3})\s*$")


# A site's section or a page number closing a title is no site's name ("... | News", "... | Page 2").
_SECTION_WORDS = frozenset("""news local latest home page press release releases media blog blogs ofsted inspection
inspections report reports children social care services council search results article articles story stories
features feature opinion comment newsroom updates update""".split())


def _site_in_title(tree) -> str:
    """The site's name after the last bar of the page's <title>, when it has one."""
    titles = tree.xpath("//head/title") if tree is not None else []
    m = _TITLE_SITE_RE.search(_flat(titles[0].text_content())) if titles else None
    site = m and (m.group(1) or m.group(2) or m.group(3))
    if not site or all(w in _SECTION_WORDS or w.isdigit() for w in re.findall(r"\w+", site.lower())):
        return ""
    return site


def _council_in_title(tree) -> str:
    titles = tree.xpath("//head/title") if tree is not None else []
    m = _TITLE_COUNCIL_RE.search(_flat(titles[0].text_content())) if titles else None
    return m.group(1) if m else ""


def _restore_headings(tree, blocks: list[Block]) -> list[Block]:
    """The main-text extraction drops a page's headings when no article element holds them: a committee's minutes
    lose "Minutes of the meeting held on Thursday, 10 December 2015 ... Blackpool Town Hall" and every item's
    heading, a story its headline. A heading whose next paragraph was kept goes back before it; one whose content
    was dropped with it ("Most read", "Related stories") stays out."""
    if tree is None:
        return blocks
    texts = [_flat(b.text) for b in blocks]
    before: dict[int, list[Block]] = {}
    for el in tree.xpath("//body//*[self::h1 or self::h2 or self::h3 or self::h4]")[:200]:
        head = _flat(el.text_content())
        if not head or len(head) > 300 or any(head in t for t in texts):
            continue
        following = el.xpath("following::*[self::p or self::li or self::td or self::blockquote or self::dd]"
                             "[normalize-space()][1]")
        key = _flat(following[0].text_content())[:60] if following else ""
        # (a short paragraph, "Noted", must open its block: it may stand inside any other)
        at = next((i for i, t in enumerate(texts)
                   if key and (t.lstrip("|*#-> ").startswith(key) or len(key) >= 30 and key in t)), None)
        if at is not None:
            before.setdefault(at, []).append(Block("heading", head, level=int(el.tag[1])))
    if not before:
        return blocks
    return [b for i, block in enumerate(blocks) for b in (*before.get(i, ()), block)]


# Where a list is page furniture: navigation, a footer, a sidebar, related stories, sharing buttons, readers'
# comments (a class or id word of the list or an element around it; not the page's body: "has-sidebar").
_FURNITURE_MARK_RE = re.compile(r"(?:^|[\s_-])(?:nav\w*|menu|footer|header|sidebar|related|share|sharing|social|"
                                r"breadcrumbs?|cookies?|tags?|popular|most-read|trending|promo|widget|history|"
                                r"attachments?|downloads?|comments?|comment-list|replies)(?=$|[\s_-])", re.I)
# A list of files ("Report (PDF, 1.1 MB, 38 pages)") or of a page's updates ("3 December 2024: First published").
_FILE_OR_UPDATE_RE = re.compile(r"\((?:PDF|DOCX?|ODT|XLSX?|CSV)\b|\b\d+(?:\.\d+)?\s*[KM]B\b|"
                                r"^\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s*:", re.I)
_HEADING_TAGS = ("h1", "h2", "h3", "h4")
_TEXT_ELEMENT = "self::p or self::h1 or self::h2 or self::h3 or self::h4 or self::li"  # (what a list may follow)


def _furniture(lst) -> bool:
    return bool(lst.xpath("ancestor-or-self::*[self::nav or self::footer or self::header or self::aside]")) or any(
        _FURNITURE_MARK_RE.search(f"{el.get('class', '')} {el.get('id', '')}")
        for el in lst.xpath("ancestor-or-self::*[not(self::body) and not(self::html)]"))


def _item_text(li) -> str:
    return clean.normalise(_flat(" ".join(li.itertext())))  # (as the page shows it: "<br>" and "<p>" are spaces)


def _restore_lists(tree, blocks: list[Block]) -> list[Block]:
    """The main-text extraction can drop a list of the page's own text without a word: a report's "What needs to
    improve" points under their heading, the questions members asked listed inside a minutes' table cell. A list
    whose items are prose (not links) and which follows text that was kept goes back after it, in page order: as
    items after its block (a heading dropped with it goes back too), or within the row when that text is in the
    same table cell. Lists of links (related stories, menus), files, a page's history and comments stay out."""
    if tree is None or not blocks:
        return blocks
    texts = [_flat(b.text) for b in blocks]
    kept = "\n".join(texts)
    after: dict[int, list[Block]] = {}
    inline: dict[int, list[tuple[str, str]]] = {}
    restored: dict = {}  # a restored list -> the block it follows (the next list may follow it)
    occurrence: dict = {}  # an element -> how many before it end the same way (the same words may recur)
    for lst in tree.xpath("//body//*[self::ul or self::ol][not(ancestor::li)]")[:300]:
        if _furniture(lst):
            continue
        items = [t for t in (_item_text(li) for li in lst.xpath("./li")) if t]
        linked = sum(len(_flat(a.text_content())) for a in lst.xpath(".//a"))
        if not items or sum(len(t.split()) for t in items) < 5 * len(items) or linked > 0.3 * sum(map(len, items)) \
                or any(t[:60] in kept for t in items) or any(_FILE_OR_UPDATE_RE.search(t) for t in items):
            continue  # (links, a few words each, files, or kept)
        # the nearest text before it that was kept (or a list restored before it); a heading dropped with the list
        # goes back with it
        before = lst.xpath(f"preceding::*[{_TEXT_ELEMENT}][normalize-space()][position() <= 3]")[::-1]  # nearest 1st
        if not occurrence:  # (read once a page, and only for a page with a list to restore)
            tails: dict[str, int] = {}
            for el in tree.xpath(f"//body//*[{_TEXT_ELEMENT}]"):
                tail = _flat(el.text_content())[-80:]
                occurrence[el], tails[tail] = tails.get(tail, 0), tails.get(tail, 0) + 1
        headings: list[Block] = []
        at = anchor = anchor_el = None
        for el in before:
            if el.tag == "li" and el.getparent() in restored:
                at = restored[el.getparent()]
                break
            anchor = _flat(el.text_content())[-80:]  # (its end: a paragraph number may stand apart at its start)
            holding = [i for i, t in enumerate(texts) if len(anchor) >= 12 and anchor in t]
            at = holding[min(occurrence.get(el, 0), len(holding) - 1)] if holding else None
            if at is not None or el.tag not in _HEADING_TAGS:
                anchor_el = el
                break
            headings.insert(0, Block("heading", _flat(el.text_content()), level=int(el.tag[1])))
        if at is None:
            continue
        restored[lst] = at
        cell = lst.xpath("ancestor::td[1]")
        if anchor_el is not None and not headings and cell and anchor_el.xpath("ancestor::td[1]") == cell \
                and blocks[at].text.lstrip().startswith("|"):  # in the same table cell: the cell's text goes on
            inline.setdefault(at, []).append((anchor, " ".join(items)))
        else:
            after.setdefault(at, []).extend([*headings, *(Block("item", t, blocks[at].page) for t in items)])
    if not after and not inline:
        return blocks
    out: list[Block] = []
    for i, block in enumerate(blocks):
        for anchor, added in inline.get(i, ()):
            text = _flat(block.text)
            cut = text.index(anchor) + len(anchor)
            block = Block(block.kind, f"{text[:cut]} {added}{text[cut:]}", block.page, block.level)
        out.append(block)
        out.extend(after.get(i, ()))
    return out


# An element the page marks as its date or byline (class or id), not a related story's, a comment's or an update's.
_DATE_MARK_RE = re.compile(r"date|byline|posted|published|timestamp|\bmeta\b|article-info")
_NOT_OWN_DATE_MARK_RE = re.compile(r"related|footer|sidebar|comment|update|modified|review")  # "review-date"
_JSON_LD_PUBLISHED_RE = re.compile(r'"datePublished"\s*:\s*"((?:19|20)\d\d-[01]\d-[0-3]\d)')
_JSON_LD_MODIFIED_RE = re.compile(r'"dateModified"\s*:\s*"((?:19|20)\d\d-[01]\d-[0-3]\d)')
_REVIEWED_RE = re.compile(r"\breviewed\b", re.I)
_NOT_PUBLISHED_WORDS = r"updated|modified|revised|reviewed"  # a date said so is no publication
# The words before a machine date's tag: 'Page last reviewed: <time datetime="2022-06-14">'
_REVIEWED_BEFORE_RE = re.compile(rf"\b(?:{_NOT_PUBLISHED_WORDS})\b[^<>]{{0,40}}(?:<[^>]*>[^<>]{{0,40}}){{0,3}}$", re.I)


# An element marked as the writer's ("by", "byline", "author"), holding "By Jo Bell" (not an author box's biography).
_BYLINE_MARK_RE = re.compile(r"\bby\b|byline|\bauthor(?:-name)?\b")
# (a person's name: not "By Press Office", "By Staff Reporter", "By Communications Team")
_NOT_A_NAME = r"(?!(?:Press|Office|Team|Staff|Reporter|Communications|Council|Desk|Editor|News|Service|Newsroom)\b)"
_BY_NAME_RE = re.compile(rf"By\s+({_NOT_A_NAME}[A-Z][\w'’-]+(?:\s+{_NOT_A_NAME}[A-Z][\w'’-]+){{1,2}})\s*(?:$|[|•·,])")


def _marked_texts(tree, *mark_res: re.Pattern) -> list[list[str]]:
    """For each of `mark_res`, the texts (under 200 characters) of the elements whose class or id it matches (a
    page's date or byline element: "By Tom Hesketh | Thursday 9 November 2023"); the main-text extraction drops
    them."""
    found: list[list[str]] = [[] for _ in mark_res]
    if tree is None:
        return found
    for el in tree.xpath("//body//*[@class or @id]")[:2000]:
        marks = f"{el.get('class', '')} {el.get('id', '')}".lower()
        if _NOT_OWN_DATE_MARK_RE.search(marks):
            continue
        hits = [i for i, mark_re in enumerate(mark_res) if mark_re.search(marks)]
        # (nor inside one: '<div class="page-review"> ... <span class="date">14 June 2022</span>')
        if hits and _NOT_OWN_DATE_MARK_RE.search(
                " ".join(f"{a.get('class', '')} {a.get('id', '')}" for a in el.iterancestors()).lower()):
            continue
        if hits and any(len(" ".join(a.itertext()).strip()) >= 25 for li in el.xpath("ancestor::li") for a in li.xpath(".//a")):
            continue  # an item of a list of headlines ("Related news": another story's title and its date)
        if hits:
            text = re.sub(r"\s+", " ", " ".join(el.itertext())).strip()
            if _REVIEWED_RE.search(text):
                continue  # "Page last reviewed: 14 June 2022" in a "page-meta" element: no publication
            if 4 <= len(text) < 200:
                for i in hits:
                    found[i].append(text)
    return found


_META_TAG_RE = re.compile(r"<meta\b[^>]{0,500}>", re.I)
_MODIFIED_META_RE = re.compile(r"""(?:property|name|itemprop)\s*=\s*["'](?:article:modified_time|dateModified|"""
                               r"""dc(?:terms)?\.(?:date\.)?modified|last[-_]?modified)["']""", re.I)


def _modified_in_markup(html: str) -> str | None:
    """A page's modification day in its JSON-LD or a meta tag (attributes in any order)."""
    if found := _JSON_LD_MODIFIED_RE.search(html):
        return found.group(1)
    return next((c.group(1) for tag in _META_TAG_RE.findall(html) if _MODIFIED_META_RE.search(tag)
                 and (c := re.search(r"""content\s*=\s*["']((?:19|20)\d\d-[01]\d-[0-3]\d)""", tag))), None)


_PUBLISHED_META_RE = re.compile(r"""(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|datePublished|"""
                                r"""pubdate|publish[-_]?date|dc\.date\.issued)["']""", re.I)


def _url_dated(url: str, iso_date: str) -> bool:
    """The page's canonical address carries the date as year, month and day folders (a news site's usual form;
    a related story's link is not the page's address)."""
    year, month, day = iso_date[:10].split("-")
    return bool(re.search(rf"/{year}/{month}/{day}/", url))


def _markup_date(html: str, iso_date: str, marked: list[str]) -> str | None:
    """Where the page's markup states a date htmldate found: "published" (a meta tag's content, a <time>'s
    datetime, JSON-LD's datePublished, or the text of a `marked` date or byline element), "modified" (only an
    update time says it), or None: a date read in the story (a visit's, a headline's, a related story's, a
    footer's) is not the page's."""
    from qa.documents.metadata import parse_date

    d = re.escape(iso_date[:10])
    attrs = [m.group(0) for m in re.finditer(rf"""<[^>]*(?:content|datetime)\s*=\s*["']{d}[^>]*>""", html, re.I)
             if not _REVIEWED_BEFORE_RE.search(html[max(0, m.start() - 200):m.start()])]
    published = [parse_date(part) for text in marked if re.search(r"\bpublished\b", text, re.I)
                 for part in re.split(r"\s*[|•·]\s*", text) if re.search(r"\bpublished\b", part, re.I)]
    shown = {parse_date(part) for text in marked for part in re.split(r"\s*[|•·]\s*", text)}  # (dates the page shows)
    if attrs and all(re.search(r"created", a, re.I) for a in attrs) \
            and (any(p and p != iso_date[:10] for p in published)
                 or iso_date[:10] not in shown and (_modified_in_markup(html) or iso_date) > iso_date[:10]):
        # a file's creation (dcterms.created) beside the page's own "Published: 14 September 2022"; or, where the
        # page shows no date of it (a marked date or byline), beside its later modification (dcterms.modified):
        # the text read is that version's ("Last updated: 2 September 2024" over a page first made in 2021)
        return None
    if any(not re.search(r"modified|updated", a, re.I) for a in attrs) or \
            re.search(rf'"date(?:Published|Created)"\s*:\s*"{d}', html):
        return "published"
    if any(parse_date(part) == iso_date[:10] and not re.search(_NOT_PUBLISHED_WORDS, part, re.I)
           for text in marked for part in re.split(r"\s*[|•·]\s*", text)):
        return "published"
    if attrs or re.search(rf'"dateModified"\s*:\s*"{d}', html):
        return "modified"
    return None


# a link's address in brackets, one level of brackets inside it allowed ("/wiki/Ofsted_(agency)"), and its title
_MD_TARGET = r"\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)"


def strip_markdown_inline(text: str) -> str:
    """trafilatura's Markdown marks emphasis with * and _, a Markdown file links with [words](address); the reader
    sees plain words (an image, none), and no escape where Markdown escapes a number opening a line ("1\\.
    Services ...": a numbered line, as in a text file)."""
    text = re.sub(r"^([ \t]*\d+)\\([.)])", r"\1\2", text, flags=re.M)
    text = re.sub(rf"!\[[^\]\n]*\]{_MD_TARGET}", "", text)
    text = re.sub(rf"\[([^\]\n]*)\]{_MD_TARGET}", r"\1", text)
    return "\n".join(line if clean.MD_RULE_RE.match(line) else _without_emphasis(line) for line in text.split("\n"))


def _without_emphasis(line: str) -> str:
    """A line without its * and _ emphasis marks (a rule line, "***", is kept for the block splitter)."""
    line = re.sub(r"\*\*(.+?)\*\*|(?<!\w)__(?!\s)(.+?)(?<!\s)__(?!\w)", lambda m: m.group(1) or m.group(2), line)
    return re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", line)


# ---------------------------------------------------------------- PDF


def convert_pdf(data: bytes) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise ConversionError("encrypted PDF (password required)")
            except ConversionError:
                raise
            except Exception as exc:
                raise ConversionError(f"encrypted PDF that cannot be opened ({exc.__class__.__name__})")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise ConversionError(f"PDF has {len(reader.pages)} pages, over the {MAX_PDF_PAGES} limit")
        pages = []
        total = 0
        for page in reader.pages:
            try:
                # Layout mode keeps vertical gaps as blank lines: the best paragraph evidence a PDF has.
                text = clean.split_columns(page.extract_text(extraction_mode="layout") or "")
            except Exception:
                text = page.extract_text() or ""
            total += len(text)
            if total > MAX_TEXT_CHARS:
                raise ConversionError("PDF text is over the size limit")
            pages.append(clean.normalise(text))
        info = reader.metadata or {}
    except ConversionError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
        raise ConversionError(f"corrupt or unreadable PDF ({exc.__class__.__name__}: {str(exc)[:80]})")
    if not any(p.strip() for p in pages):
        raise ConversionError("PDF has no text layer (scanned image?); OCR is not supported")
    pages, running = clean.split_running_lines(pages)
    pages, headers = clean.split_continuation_headers(pages)
    running += headers
    blocks: list[Block] = []
    width = clean._line_width("\n".join(pages).split("\n"))
    full_last_line = False
    for number, text in enumerate(pages, start=1):
        page_blocks = clean.unwrap(text, number) if text.strip() else []
        if blocks and page_blocks and _continues(blocks[-1], page_blocks[0], full_last_line):
            # A paragraph running over a page break stays one paragraph (cited by its first page); a page's last
            # line filling the width, read alone as a heading, was a paragraph's first ("... offered to almost
            # all children after every missing" / "episode, and 78% take place ...")
            blocks[-1].text = blocks[-1].text + " " + page_blocks[0].text
            blocks[-1].kind = "para" if blocks[-1].kind == "heading" else blocks[-1].kind
            page_blocks = page_blocks[1:]
        blocks.extend(page_blocks)
        lines = [l for l in text.split("\n") if l.strip()]
        full_last_line = bool(lines) and len(lines[-1].strip()) >= 0.9 * width
    hints = {"page_furniture": "\n".join(running)} if running else {}
    title = getattr(info, "title", None) if info else None
    if title and len(title) > 3:
        hints["file_title"] = str(title)  # often a template's or a file's name: metadata weighs it against the text
    return Extracted(blocks, hints, "pdf")


def _continues(prev: Block, nxt: Block, full_last_line: bool) -> bool:
    """A paragraph runs over the page break when the page ended mid-sentence or on a full-width line."""
    if nxt.kind != "para":
        return False
    if prev.kind == "heading":
        return full_last_line and not clean.SENTENCE_END_RE.search(prev.text) and nxt.text[:1].islower()
    return prev.kind in ("para", "item") and (
        (not clean.SENTENCE_END_RE.search(prev.text) and nxt.text[:1].islower()) or full_last_line)


# ---------------------------------------------------------------- DOCX


def _docx_page_furniture(document) -> str:
    """The text of a Word file's page headers and footers, a line per paragraph."""
    lines = []
    for section in document.sections:
        for part in (section.header, section.footer):
            try:
                paragraphs = part.paragraphs
            except Exception:  # noqa: BLE001 - a damaged or missing part holds nothing
                continue
            lines += [text for para in paragraphs if (text := clean.normalise(para.text).strip())]
    return "\n".join(dict.fromkeys(lines))  # (each section repeats its neighbour's)


# Word documents often head their sections with a paragraph in bold, not a heading style: minutes' items ("24/16
# OFSTED MONITORING VISIT - CARE LEAVERS"), a letter's "Headline findings". Read as headings (below any styled
# ones), they say what the paragraphs under them are about. A label with its value ("Wards affected: All") is no
# heading.
BOLD_HEADING_LEVEL = 3
LABEL_VALUE_RE = re.compile(r":\s*\S")


def _bold_heading(paragraph, text: str) -> bool:
    runs = [r for r in paragraph.runs if r.text.strip()]
    bold = bool(runs) and all(r.bold or (r.bold is None and r.style is not None and r.style.font.bold) for r in runs)
    return bold and clean._heading_like(text) and not LABEL_VALUE_RE.search(text)


def convert_docx(data: bytes) -> Extracted:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            inflated = sum(info.file_size for info in zf.infolist())
            if inflated > MAX_UNZIPPED_BYTES:
                raise ConversionError(f"DOCX inflates to {inflated / 1e6:.0f} MB (zip bomb?); refused")
            if "word/document.xml" not in zf.namelist():
                raise ConversionError("not a Word document (no word/document.xml)")
    except zipfile.BadZipFile:
        raise ConversionError("corrupt DOCX (not a valid zip archive)")
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises a variety of lxml/KeyError errors on damage
        raise ConversionError(f"corrupt DOCX ({exc.__class__.__name__})")
    from docx.table import Table

    blocks: list[Block] = []
    # In reading order: a committee report's label table ("Title: ...", "Date of meeting: ...") comes before its
    # sections, and is where its title and date are.
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                cells = [clean.normalise(c.text).strip() for c in row.cells]
                if any(cells):
                    blocks.append(Block("para", " | ".join(cells)))
            continue
        text = clean.normalise(item.text).strip()
        if not text:
            continue
        style = (item.style.name if item.style is not None else "") or ""
        numbered = item._p.pPr is not None and item._p.pPr.numPr is not None
        if style == "Title" or style.startswith("Heading"):
            level = int(style.split()[-1]) if style.split()[-1].isdigit() else 1
            blocks.append(Block("heading", text, level=level))
        elif _bold_heading(item, text):
            blocks.append(Block("heading", text, level=BOLD_HEADING_LEVEL))
        elif numbered or style.startswith("List"):
            blocks.append(Block("item", text))
        else:
            blocks.append(Block("para", text))
    props = document.core_properties
    hints = {}
    # A Word report's date may stand only in its page footer or header ("Issued: 1 March 2024"), which the body
    # does not hold; metadata reads a dateline there (the text stays out of the passages).
    furniture = _docx_page_furniture(document)
    if furniture:
        hints["page_furniture"] = furniture
    if props.title:
        hints["file_title"] = props.title  # (as for a PDF: "Committee report template" is no title)
    if props.author:
        hints["author"] = props.author
    if props.modified:  # (only to find the year of a dateline that gives none: "Date | Thursday 16 October")
        hints["file_modified"] = props.modified.date().isoformat()
    return Extracted(blocks, hints, "docx")
