"""A briefing: excerpts collected from answers, each with its citation, exported as Markdown or Word.

Items are plain dicts (they live in the web app's session state):
    {"key", "text", "citation", "title", "date", "doc_type_label", "location", "publisher", "source", "doc_id",
     "span" (its [start, end) in the document's text, where known)}
The export lists each excerpt as a quotation followed by its citation and reference number, then a
"References" list with one entry per document.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from qa.answers.cite import long_date

ITEM_FIELDS = ("text", "citation", "title", "date", "doc_type_label", "location", "publisher", "source", "doc_id")


def squash(text: str) -> str:
    return " ".join(str(text).split())


def item_from_passage(p: dict) -> dict:
    """A briefing item from a passage of answer_to_dict()."""
    item = {k: p.get(k) for k in ITEM_FIELDS}
    item["text"] = squash(p.get("text", ""))
    item["key"] = p.get("passage_id") or f"{p.get('doc_id')}:{p.get('start')}-{p.get('end')}"
    if p.get("start") is not None and p.get("end") is not None:
        item["span"] = [p["start"], p["end"]]
    if p.get("when"):  # a point of an evidence trail: its place in the chronology
        item["when"] = p["when"]
    return item


def _within(inner: dict, outer: dict) -> bool:
    """Whether `inner`'s text lies inside `outer`'s in one document (an excerpt of two neighbouring passages holds
    each of them: qa/retrieval/adjacent.py)."""
    a, b = inner.get("span"), outer.get("span")
    return bool(a and b and inner.get("doc_id") == outer.get("doc_id") and b[0] <= a[0] and a[1] <= b[1])


def add(items: list[dict], item: dict) -> tuple[list[dict], bool]:
    """A new list with the item appended; False when it was already there (or its text is, inside a longer excerpt).
    A longer excerpt holding items already there takes the first one's place, the others removed."""
    if any(i.get("key") == item.get("key") or _within(item, i) for i in items):
        return list(items), False
    held = [n for n, i in enumerate(items) if _within(i, item)]
    if held:
        return [item if n == held[0] else i for n, i in enumerate(items) if n == held[0] or n not in held], True
    return list(items) + [item], True


def move(items: list[dict], index: int, delta: int) -> list[dict]:
    items = list(items)
    target = index + delta
    if 0 <= index < len(items) and 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]
    return items


def remove(items: list[dict], index: int) -> list[dict]:
    return [item for i, item in enumerate(items) if i != index]


# ---------------------------------------------------------------- copying one passage


def copy_plain(p: dict) -> str:
    return f"\u201c{squash(p['text'])}\u201d\n{p['citation']}"


def markdown_escape(text: str) -> str:
    """Escape characters Markdown would read as formatting or HTML: emphasis, code, links, tables, strikethrough,
    tags and quotes anywhere; heading and list markers at the start of any line (every line, not only the first). The web layer's only Markdown escaper:
    the briefing export and copies use it, and so does the chat (render.chat_markdown)."""
    text = re.sub(r"([\\`*_\[\]|~<>])", r"\\\1", text)
    text = re.sub(r"^(\s*)([#+-])", r"\1\\\2", text, flags=re.M)
    return re.sub(r"^(\s*)(\d+)\.", r"\1\2\\.", text, flags=re.M)


def copy_markdown(p: dict) -> str:
    return f"> {markdown_escape(squash(p['text']))}\n>\n> \u2014 *{markdown_escape(p['citation'])}*"


# ---------------------------------------------------------------- references


def references(items: list[dict]) -> tuple[list[dict], list[int]]:
    """Unique documents in first-use order, and each item's reference number (1-based)."""
    refs: list[dict] = []
    seen: dict[str, int] = {}
    numbers = []
    for item in items:
        key = item.get("doc_id") or item.get("title") or item.get("citation")
        if key not in seen:
            refs.append(item)
            seen[key] = len(refs)
        numbers.append(seen[key])
    return refs, numbers


def reference_text(item: dict) -> str:
    parts = []
    if item.get("publisher"):
        parts.append(item["publisher"])
    title = item.get("title") or "Untitled document"
    if item.get("doc_type_label"):
        title += f" ({item['doc_type_label']})"
    parts.append(title)
    parts.append(long_date(item.get("date")) if item.get("date") else "undated")
    source = item.get("source")
    if source:
        parts.append(f"source: {source}")
    return ". ".join(parts) + "."


# ---------------------------------------------------------------- export


def to_markdown(items: list[dict], title: str = "Briefing", today: date | None = None) -> str:
    refs, numbers = references(items)
    today = today or date.today()
    out = [f"# {markdown_escape(title)}", "", f"Compiled {long_date(today.isoformat())}.", ""]
    if not items:
        out.append("(No excerpts yet.)")
    for item, n in zip(items, numbers):
        if item.get("when"):
            out.append(f"**{markdown_escape(item['when'])}**")
            out.append("")
        out.append(f"> {markdown_escape(item['text'])}")
        out.append("")
        out.append(f"\u2014 {markdown_escape(item['citation'])} [{n}]")
        out.append("")
    if refs:
        out.append("## References")
        out.append("")
        for n, ref in enumerate(refs, 1):
            out.append(f"{n}. {markdown_escape(reference_text(ref))}")
        out.append("")
    return "\n".join(out)


def to_docx(items: list[dict], path: Path, title: str = "Briefing", today: date | None = None) -> Path:
    """Write the briefing as a Word document: quote paragraphs with citations, then References."""
    from docx import Document as WordDocument
    from docx.shared import Pt

    refs, numbers = references(items)
    today = today or date.today()
    doc = WordDocument()
    doc.add_heading(title, level=1)
    doc.add_paragraph(f"Compiled {long_date(today.isoformat())}.")
    for item, n in zip(items, numbers):
        if item.get("when"):
            doc.add_paragraph().add_run(_xml_safe(item["when"])).bold = True
        quote = doc.add_paragraph(f"\u201c{_xml_safe(item['text'])}\u201d", style="Quote")
        quote.paragraph_format.space_after = Pt(2)
        cite = doc.add_paragraph()
        run = cite.add_run(f"\u2014 {_xml_safe(item['citation'])} [{n}]")
        run.font.size = Pt(9)
        run.italic = True
    if refs:
        doc.add_heading("References", level=2)
        for ref in refs:
            doc.add_paragraph(_xml_safe(reference_text(ref)), style="List Number")
    path = Path(path)
    doc.save(str(path))
    return path


def _xml_safe(text: str) -> str:
    """python-docx refuses control characters that XML cannot hold."""
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", str(text))


def docx_text(path: Path) -> str:
    """All paragraph text of a .docx (for tests and checks)."""
    from docx import Document as WordDocument

    return "\n".join(p.text for p in WordDocument(str(path)).paragraphs)
