"""Changing the corpus from the app: upload, delete, edit metadata, then refresh the index.

Every change is checked before it touches the corpus folder:
- uploads: a safe file name (no folders, no hidden names), a supported type, the size limit, and the file
  must convert (a copy is converted in a scratch folder first); refused uploads say why;
- deletions and edits name a document the corpus actually holds (a path inside the folder);
- metadata edits are validated (dates, type, visit number) and written to corpus/manifest.json atomically.
After a change, `refresh(assistant)` rebuilds the index incrementally and reloads it, so the change is
searchable without restarting.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import threading
import time
import unicodedata
from pathlib import Path

from qa.documents import metadata
from qa.config import Settings
from qa.documents.convert import ConversionError, check_file
from qa.index.build import BuildLocked
from qa.documents.ingest import SourceFile, file_sha256, is_reserved, load_document
from qa.datatypes import DOC_TYPES

EDITABLE_FIELDS = metadata.FIELDS  # every metadata field can be set by hand (written to the manifest)
_manifest_lock = threading.Lock()


class CorpusError(ValueError):
    """A refused change; the message is shown to the user."""


# ---------------------------------------------------------------- names and paths


def safe_filename(name: str) -> str:
    """The base name of an uploaded file, made safe: no folders, no hidden or reserved names."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = name.replace("\\", "/").split("/")[-1]  # drop any folder part, Windows or POSIX
    name = re.sub(r"[\x00-\x1f\x7f]", "", name).strip()
    if name.startswith("."):
        raise CorpusError("hidden file names (starting with '.') are not accepted")
    name = re.sub(r"[^\w.\- ()]+", "_", name).strip(" .")
    if not name:
        raise CorpusError("the file name is empty or hidden")
    if is_reserved(name):
        raise CorpusError(f"'{name}' is a reserved name")
    stem, ext = os.path.splitext(name)
    if not stem:
        raise CorpusError("the file name has no name before its extension")
    return stem[:120] + ext.lower()


def corpus_path(settings: Settings, rel: str) -> Path:
    """The file for a corpus-relative path; refuses anything outside the corpus folder."""
    root = Path(settings.corpus_dir).resolve()
    if not rel or Path(rel).is_absolute():
        raise CorpusError("no such document")
    path = root / rel
    parent = path.parent.resolve()
    inside = parent == root or root in parent.parents
    if not inside or (not path.is_symlink() and root not in path.resolve().parents):
        raise CorpusError("that path is outside the corpus folder")
    if is_reserved(path.name):
        raise CorpusError(f"'{rel}' is not a document")
    if not path.is_file():
        raise CorpusError(f"'{rel}' is not in the corpus")
    return path  # not resolved: deleting a symlink removes the link, never its target


# ---------------------------------------------------------------- upload


def check_upload(src: Path, filename: str, settings: Settings) -> str:
    """Validate an uploaded file; return the safe name it will get. Raises CorpusError with the reason."""
    name = safe_filename(filename)
    src = Path(src)
    limit = int(settings.max_file_mb * 1024 * 1024)
    try:
        check_file(src, limit, name)  # type, size: refused before the file is copied anywhere
    except ConversionError as exc:
        raise CorpusError(str(exc))
    except OSError:
        raise CorpusError("the upload did not arrive")
    if not src.is_file():
        raise CorpusError("the upload did not arrive")
    with tempfile.TemporaryDirectory(prefix="qa-upload-") as scratch:
        trial = Path(scratch) / name
        shutil.copyfile(src, trial)
        stat = trial.stat()
        try:
            load_document(SourceFile(trial, name, stat.st_size, stat.st_mtime_ns), file_sha256(trial), None, limit)
        except ConversionError as exc:
            raise CorpusError(str(exc))
        except MemoryError:
            raise CorpusError("too large to process in memory")
    return name


def unique_name(folder: Path, name: str) -> str:
    stem, ext = os.path.splitext(name)
    candidate, n = name, 2
    while (folder / candidate).exists():
        candidate = f"{stem}-{n}{ext}"
        n += 1
    return candidate


def add_upload(settings: Settings, src: Path, filename: str) -> str:
    """Check an upload and copy it into the corpus; returns its corpus-relative path."""
    name = check_upload(src, filename, settings)
    folder = Path(settings.corpus_dir)
    folder.mkdir(parents=True, exist_ok=True)
    src = Path(src)
    if any(file_sha256(p) == file_sha256(src) for p in folder.iterdir()
           if p.is_file() and p.stat().st_size == src.stat().st_size):
        raise CorpusError("the corpus already holds an identical file")
    name = unique_name(folder, name)
    tmp = folder / f".upload-{os.getpid()}-{time.perf_counter_ns()}"
    shutil.copyfile(src, tmp)  # hidden name: a concurrent index build ignores it
    os.replace(tmp, folder / name)
    return name


# ---------------------------------------------------------------- manifest


def read_manifest(settings: Settings) -> dict:
    try:
        return metadata.read_manifest(Path(settings.corpus_dir))
    except metadata.ManifestError as exc:
        raise CorpusError(f"{metadata.MANIFEST_NAME} {exc.problem}") from exc


def write_manifest(settings: Settings, data: dict) -> None:
    folder = Path(settings.corpus_dir)
    fd, tmp = tempfile.mkstemp(prefix=".manifest-", dir=folder)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    os.replace(tmp, folder / metadata.MANIFEST_NAME)


def clean_metadata(values: dict) -> dict:
    """Validate edited values; empty ones become None (meaning: back to the file's own or inferred value)."""
    out: dict = {}
    for key, value in values.items():
        if key not in EDITABLE_FIELDS:
            raise CorpusError(f"'{key}' is not an editable field")
        if isinstance(value, str):
            value = value.strip()
        if value in (None, "", []):
            out[key] = None
            continue
        if key in ("date", "period_start", "period_end"):
            parsed = metadata.parse_date(str(value))
            if not parsed:
                raise CorpusError(f"{key.replace('_', ' ')}: '{value}' is not a date (use YYYY-MM-DD)")
            value = parsed
        elif key == "doc_type":
            if value not in DOC_TYPES:
                raise CorpusError(f"document type must be one of {', '.join(DOC_TYPES)}")
        elif key == "visit_number":
            try:
                value = int(float(value))
            except (TypeError, ValueError):
                raise CorpusError(f"visit number: '{value}' is not a whole number")
            if not 1 <= value <= 50:
                raise CorpusError("visit number must be between 1 and 50")
        elif key == "local_authorities":
            if isinstance(value, str):
                value = [a.strip() for a in value.split(",")]
            value = [str(a).strip() for a in value if str(a).strip()]
            if not value:
                out[key] = None
                continue
        else:
            value = str(value)
            if len(value) > 500:
                raise CorpusError(f"{key}: too long (500 characters at most)")
        out[key] = value
    if out.get("period_start") and out.get("period_end") and out["period_end"] < out["period_start"]:
        raise CorpusError("the period ends before it starts")
    return out


def update_metadata(settings: Settings, rel: str, values: dict) -> dict:
    """Set manifest values for one document (None removes a value); returns the new manifest entry."""
    corpus_path(settings, rel)
    cleaned = clean_metadata(values)
    with _manifest_lock:
        data = read_manifest(settings)
        docs = data.setdefault("documents", {})
        entry = dict(docs.get(rel, {}))
        for key, value in cleaned.items():
            if value is None:
                entry.pop(key, None)
            else:
                entry[key] = value
        if entry:
            docs[rel] = entry
        else:
            docs.pop(rel, None)
        write_manifest(settings, data)
    return entry


def delete_document(settings: Settings, rel: str) -> None:
    """Remove a document's file and its manifest entry."""
    path = corpus_path(settings, rel)
    with _manifest_lock:
        data = read_manifest(settings)
        if rel in data.get("documents", {}):
            data["documents"].pop(rel)
            write_manifest(settings, data)
        path.unlink()


# ---------------------------------------------------------------- index


def refresh(assistant, progress=None, wait_seconds: float = 120.0):
    """Rebuild the index incrementally and reload it; waits for another running build to finish."""
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            return assistant.refresh(progress=progress)
        except BuildLocked:
            if time.monotonic() > deadline:
                raise CorpusError("another index build is still running; try again in a minute")
            time.sleep(0.5)


def document_rows(assistant) -> list[dict]:
    """Documents with their metadata and where each value came from, newest first."""
    docs = assistant.documents()
    return sorted(docs, key=lambda d: (d.get("date") or "", d.get("title") or ""), reverse=True)


def _as_form_value(key: str, value) -> str:
    if value is None:
        return ""
    if key == "local_authorities":
        parts = value.split(",") if isinstance(value, str) else (value or [])
        return ", ".join(str(a).strip() for a in parts if str(a).strip())
    return str(value).strip()


def metadata_changes(current: dict, form: dict) -> dict:
    """What an edit form changes in a document's metadata: values that differ from the document's current
    ones, and None for emptied fields that the manifest had set (so they fall back to the file or inference)."""
    origin = current.get("origin", {})
    changes = {}
    for key, value in form.items():
        if key not in EDITABLE_FIELDS:
            continue
        new, old = _as_form_value(key, value if value != [] else None), _as_form_value(key, current.get(key))
        if not new:
            if old and origin.get(key) == "manifest":
                changes[key] = None
        elif new != old:
            changes[key] = new
    return changes
