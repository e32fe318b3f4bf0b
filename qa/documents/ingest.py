"""Files -> Documents: discover files, convert, clean, attach metadata. Bad files are reported, not fatal."""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from qa.documents import clean, mentions, metadata
from qa.documents.convert import SUPPORTED_EXTS, ConversionError, convert
from qa.datatypes import Document

# Files in a corpus folder that are not documents; also refused as upload names (qa/web/corpus.py). Any case.
RESERVED_NAMES = frozenset({metadata.MANIFEST_NAME, "readme.md", ".gitkeep"})


def is_reserved(name: str) -> bool:
    return name.lower() in RESERVED_NAMES


@dataclass
class Skipped:
    file: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.reason}"


@dataclass
class SourceFile:
    path: Path
    rel: str  # path relative to its root, used as the document's path and manifest key
    size: int
    mtime_ns: int


def discover(paths: list[Path]) -> tuple[list[SourceFile], list[Skipped]]:
    """Files under the given paths (recursively). Symlinks leading outside their root are refused."""
    found: list[SourceFile] = []
    skipped: list[Skipped] = []
    for root in paths:
        root = Path(root)
        if not root.exists():
            skipped.append(Skipped(str(root), "path does not exist"))
            continue
        base = root if root.is_dir() else root.parent
        candidates = sorted(root.rglob("*")) if root.is_dir() else [root]
        real_base = base.resolve()
        for path in candidates:
            rel = path.relative_to(base).as_posix()
            if any(part.startswith(".") for part in Path(rel).parts) or is_reserved(path.name):
                continue
            if path.is_symlink():
                target = path.resolve()
                if real_base not in target.parents and target != real_base:
                    skipped.append(Skipped(rel, "symlink points outside the corpus; refused"))
                    continue
            if path.is_dir():
                continue
            if not path.is_file():
                skipped.append(Skipped(rel, "not a regular file"))
                continue
            if path.suffix.lower() not in SUPPORTED_EXTS:
                skipped.append(Skipped(rel, f"unsupported file type '{path.suffix or '(none)'}'"))
                continue
            stat = path.stat()
            found.append(SourceFile(path, rel, stat.st_size, stat.st_mtime_ns))
    return found, skipped


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def make_doc_id(rel: str) -> str:
    stem = re.sub(r"[^\w.-]+", "_", Path(rel).with_suffix("").as_posix().replace("/", "__"))
    return stem[:120] or "document"


READABLE_WORD_RE = re.compile(r"[^\W\d_]{2,}")  # a word of two letters or more
READABLE_MIN_TOKENS = 200
READABLE_SHARE = 0.2


def load_document(source: SourceFile, sha256: str, manifest_entry: dict | None, max_bytes: int) -> Document:
    """Convert one file; raises ConversionError with a user-facing reason."""
    extracted = convert(source.path, max_bytes)
    raw = "\n".join(b.text for b in extracted.blocks)
    cleaning: dict = {}
    blocks = clean.clean_blocks(extracted.blocks, cleaning)
    if not blocks:
        raise ConversionError("nothing left after removing page furniture and boilerplate")
    text = clean.assemble(blocks)
    tokens = text.split()
    if len(tokens) >= READABLE_MIN_TOKENS and len(READABLE_WORD_RE.findall(text)) < READABLE_SHARE * len(tokens):
        # a page of 20,000 single letters in a list, or a dump of symbols: nothing a passage could quote
        raise ConversionError("no readable text (mostly single characters, numbers or symbols)")
    values, origin = metadata.resolve(source.path, source.rel, raw, blocks, extracted.hints, manifest_entry,
                                      listing=bool(cleaning.get("listing")))
    return Document(doc_id=make_doc_id(source.rel), path=source.rel, text=text, origin=origin,
                    fingerprint=sha256, blocks=blocks, cleaning=cleaning, mentions=mentions.read(text), **values)


def removed_share(cleaning: dict) -> float | None:
    """Share of the extracted text that cleaning removed (0..1), None when not recorded."""
    raw = (cleaning or {}).get("raw_chars")
    if not raw:
        return None
    return max(0.0, 1 - cleaning.get("kept_chars", raw) / raw)


def entry_hash(entry: dict | None) -> str:
    return hashlib.sha256(json.dumps(entry, sort_keys=True, default=str).encode()).hexdigest()[:16] if entry else ""
