"""Score a question file in the format of shared/eval/dev_questions.jsonl (rules in its README)."""
from __future__ import annotations

import json
import re
import statistics
import time
from pathlib import Path

from qa.answers.contract import answer_to_dict

QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-", "‐": "-",
                        "‑": "-", "−": "-"})


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().translate(QUOTES)).strip()


def load_questions(path: Path) -> list[dict]:
    out = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            item = json.loads(line)
            item.setdefault("id", f"q{n}")
            out.append(item)
    return out


def first_hit_rank(passages: list[str], expect_any: list[str], max_rank: int = 10) -> int | None:
    wanted = [norm(e) for e in expect_any]
    for rank, text in enumerate(passages[:max_rank], 1):
        t = norm(text)
        if any(w in t for w in wanted):
            return rank
    return None


def evaluate(assistant, questions: list[dict], top_k: int | None = None) -> dict:
    """Each question asked as a user asks it: the answer shows `top_k` passages (default: the settings' top_k, as the
    app does), neighbours among them joined into one excerpt (qa/retrieval/adjacent.py); ranks count excerpts."""
    top_k = top_k or assistant.settings.top_k
    rows = []
    latencies = []
    for q in questions:
        t = time.perf_counter()
        ans = assistant.ask(q["question"], top_k=top_k)
        latencies.append(time.perf_counter() - t)
        data = answer_to_dict(ans)
        texts = [p["text"] for p in data["passages"]]
        rank = first_hit_rank(texts, q.get("expect_any", []))
        forbidden = [f for f in q.get("forbid", []) if any(norm(f) in norm(t) for t in texts[:5])]
        rows.append({"id": q["id"], "question": q["question"], "abstain_expected": bool(q.get("abstain")),
                     "abstained": data["abstained"], "rank": rank, "forbid_violations": forbidden,
                     "filters": data["filters"], "passages": data["passages"]})
    answerable = [r for r in rows if not r["abstain_expected"]]
    n = max(len(answerable), 1)
    lat = sorted(latencies)

    def pct(p):
        return lat[min(len(lat) - 1, int(round(p * (len(lat) - 1))))] * 1000 if lat else 0.0

    summary = {
        "questions": len(rows),
        "answerable": len(answerable),
        "hit@1": sum(1 for r in answerable if r["rank"] == 1) / n,
        "hit@5": sum(1 for r in answerable if r["rank"] and r["rank"] <= 5) / n,
        "mrr": sum(1 / r["rank"] for r in answerable if r["rank"]) / n,
        "forbid_violations": sum(1 for r in rows if r["forbid_violations"]),
        "correct_abstentions": sum(1 for r in rows if r["abstain_expected"] and r["abstained"]),
        "abstain_questions": sum(1 for r in rows if r["abstain_expected"]),
        "false_abstentions": sum(1 for r in answerable if r["abstained"]),
        "latency_p50_ms": round(pct(0.5), 1),
        "latency_p95_ms": round(pct(0.95), 1),
        "latency_mean_ms": round(statistics.mean(latencies) * 1000, 1) if latencies else 0.0,
    }
    return {"summary": summary, "questions": rows}


def format_report(result: dict) -> str:
    s = result["summary"]
    lines = [f"{'id':<10} {'rank':>4}  {'abst':>4}  question"]
    for r in result["questions"]:
        mark = "-" if r["rank"] is None else str(r["rank"])
        flag = " FORBID" if r["forbid_violations"] else ""
        lines.append(f"{r['id']:<10} {mark:>4}  {('yes' if r['abstained'] else 'no'):>4}  {r['question'][:70]}{flag}")
    lines.append("")
    lines.append(f"hit@1 {s['hit@1']:.3f}  hit@5 {s['hit@5']:.3f}  MRR {s['mrr']:.3f}  "
                 f"forbid violations {s['forbid_violations']}  abstentions {s['correct_abstentions']}/"
                 f"{s['abstain_questions']} correct, {s['false_abstentions']} false  "
                 f"latency p50 {s['latency_p50_ms']} ms p95 {s['latency_p95_ms']} ms")
    return "\n".join(lines)


# ---------------------------------------------------------------- metadata against a truth file

def _month(value) -> str | None:
    return str(value)[:7] if value else None


def _authority_key(names) -> frozenset[str]:
    from qa.documents.metadata import canonical_authority

    return frozenset(canonical_authority(n).casefold() for n in names or [])


def _title_key(title) -> str:
    text = str(title or "").casefold().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"[^\w'\"]+", " ", text).strip()


def _same_title(got, want) -> bool:
    """The same headline, give or take a site name around it ("Headline - Social Work Weekly") or a subtitle."""
    a, b = _title_key(got), _title_key(want)
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    return short == long_ or (f" {short} " in f" {long_} " and len(short) >= 0.5 * len(long_))


def score_metadata(documents, truth_rows: list[dict]) -> dict:
    """Inferred metadata against labels in the form of shared/wider/truth.jsonl (matched by file name).

    - doc_type: right when it equals `doc_type` or `doc_type_alt`.
    - date: right when the month agrees, over the labelled ones; `date_text` counts only labels the text itself
      supports (`date_note` starting "text:"; a label from the page address cannot be inferred from the text);
      `false_dates` counts documents labelled undated that were given a date.
    - authorities: the set of subject authorities equals the label (national pages: none).
    - visit_number, period: over the labelled ones.
    - title: the same words (case and punctuation aside), or one holding the other at half its length or more
      (a site name around the headline), over the labelled ones; `title_text` over labels the text itself holds.
    """
    by_name = {Path(d.path).name: d for d in documents}
    rows, missing = [], []
    for t in truth_rows:
        doc = by_name.get(t["file"])
        if doc is None:
            missing.append(t["file"])
            continue
        period = f"{doc.period_start}/{doc.period_end}" if doc.period_start else None
        rows.append({
            "file": t["file"],
            "doc_type": (doc.doc_type, doc.doc_type in (t["doc_type"], t.get("doc_type_alt")), t["doc_type"]),
            "date": (doc.date, _month(doc.date) == _month(t["date"]), t["date"]),
            "date_from_text": str(t.get("date_note", "")).startswith("text"),
            "authorities": (doc.local_authorities,
                            _authority_key(doc.local_authorities) == _authority_key(t["local_authorities"]),
                            t["local_authorities"]),
            "visit_number": (doc.visit_number, doc.visit_number == t.get("visit_number"), t.get("visit_number")),
            "period": (period, period == t.get("period"), t.get("period")),
            "title": (doc.title, _same_title(doc.title, t.get("title")), t.get("title")),
            # a label the text itself holds (many labels come from the page's <title>, which a capture lacks)
            "title_from_text": bool(t.get("title")) and f" {_title_key(t['title'])} " in f" {_title_key(doc.text)} ",
        })

    def share(field: str, subset) -> tuple[int, int]:
        chosen = [r for r in rows if subset(r)]
        return sum(1 for r in chosen if r[field][1]), len(chosen)

    summary = {
        "documents": len(rows),
        "missing": missing,
        "doc_type": share("doc_type", lambda r: True),
        "date": share("date", lambda r: r["date"][2]),
        "date_text": share("date", lambda r: r["date"][2] and r["date_from_text"]),
        "false_dates": sum(1 for r in rows if not r["date"][2] and r["date"][0]),
        "authorities": share("authorities", lambda r: True),
        "visit_number": share("visit_number", lambda r: r["visit_number"][2] is not None or r["visit_number"][0]),
        "period": share("period", lambda r: r["period"][2] or r["period"][0]),
        "title": share("title", lambda r: r["title"][2]),
        "title_text": share("title", lambda r: r["title_from_text"]),
    }
    return {"summary": summary, "documents": rows}


def format_metadata_report(result: dict, verbose: bool = True) -> str:
    s = result["summary"]
    lines = []
    if verbose:
        for r in result["documents"]:
            wrong = [f"{k}: got {r[k][0]!r}, want {r[k][2]!r}" for k in
                     ("doc_type", "date", "authorities", "visit_number", "period", "title") if not r[k][1]
                     and not (k == "date" and not r[k][2] and not r[k][0])]
            if wrong:
                lines.append(f"{r['file']:<12} " + "; ".join(wrong))
        lines.append("")

    def fmt(name):
        right, total = s[name]
        return f"{name} {right}/{total} ({right / total:.0%})" if total else f"{name} -"

    lines.append("metadata: " + "  ".join(fmt(k) for k in ("doc_type", "date", "date_text", "authorities",
                                                             "visit_number", "period", "title", "title_text"))
                 + f"  false dates {s['false_dates']}" + (f"  missing {len(s['missing'])}" if s["missing"] else ""))
    return "\n".join(lines)
