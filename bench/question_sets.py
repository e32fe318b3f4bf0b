"""Every question set over its own index, pooled in one process: the figures the README's rounds report.

    python bench/question_sets.py index [--out /tmp/qsets] [--only wider,seeds,set127]  # wider pages + the set's
    python bench/question_sets.py eval [--out /tmp/qsets] [--development] [--only v103,set127] [--dump rows.jsonl]
    python bench/question_sets.py compare start.jsonl end.jsonl  # the questions whose rank, abstention or forbid moved

The sets: the wider pages' own questions, the seed questions (dev and our held-out), the blind v-sets on the wider
pages (tests/data/wider_heldout*_questions.jsonl) and the invented sets (tests/data/invented_pages/set*). Which of
them are for development is listed in tests/data/development_sets.txt; the rest were held out (read once after a
round's tuning stopped). Scoring is `qa eval`'s (qa.evaluation.questions.evaluate), so one set's figures equal
`qa eval <questions> --index-dir <out>/<index>`.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from qa.config import ROOT, load_settings  # noqa: E402

DATA = ROOT / "tests" / "data"
WIDER = ROOT.parent / "shared" / "wider"
SEEDS_DEV = ROOT.parent / "shared" / "eval" / "dev_questions.jsonl"


def question_sets() -> list[tuple[str, Path, str]]:
    """(name, questions file, index name) for every set, in a stable order."""
    found = [("wider", WIDER / "questions.jsonl", "wider"), ("seeddev", SEEDS_DEV, "seeds"),
             ("seedheld", DATA / "heldout_questions.jsonl", "seeds")]
    numbered = lambda p: int(re.search(r"(\d+)", p.name).group(1))  # noqa: E731
    v_files = [(1, DATA / "wider_heldout_questions.jsonl")] + sorted(
        ((numbered(p), p) for p in DATA.glob("wider_heldout[0-9]*_questions.jsonl")), key=lambda t: t[0])
    found += [(f"v{n}", path, "wider") for n, path in v_files]
    sets = sorted((numbered(p), p) for p in (DATA / "invented_pages").glob("set[0-9]*") if p.is_dir())
    found += [(f"set{n}", path / "questions.jsonl", f"set{n}") for n, path in sets]
    return [s for s in found if s[1].exists()]


def development_sets() -> set[str]:
    lines = (DATA / "development_sets.txt").read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def build_indexes(out: Path, force: bool = False, only: set[str] | None = None) -> None:
    import qa.index.build as index_mod
    from qa.index.embedder import Embedder

    settings = load_settings()
    embedder = Embedder(settings.model_path, settings.model_backend)  # (loaded once for every build)
    # Every set's index holds the 68 wider pages: their passages are embedded once, not once per set.
    vectors_by_text: dict[str, np.ndarray] = {}

    def bulk_encode(texts: list[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in vectors_by_text))
        for start in range(0, len(missing), 64):
            batch = missing[start:start + 64]
            vectors_by_text.update(zip(batch, embedder.encode(batch)))
        return np.vstack([vectors_by_text[t] for t in texts])

    builds = [("wider", [WIDER / "docs"], None), ("seeds", [ROOT / "corpus"], ROOT / "corpus")]
    for name in sorted({index for _, _, index in question_sets() if index.startswith("set")},
                       key=lambda s: int(s[3:])):
        folder = out / "corpora" / name  # one folder: the set's questions assume its pages beside the wider ones
        if not folder.exists() and (only is None or name in only):  # (two builds may run side by side)
            folder.mkdir(parents=True)
            for source in [*(WIDER / "docs").iterdir(), *(DATA / "invented_pages" / name / "docs").iterdir()]:
                shutil.copy2(source, folder / source.name)
        builds.append((name, [folder], None))
    for name, paths, corpus in builds:
        if only is not None and name not in only:
            continue
        started = time.perf_counter()
        report = index_mod.build(load_settings(index_dir=out / name, **({"corpus_dir": corpus} if corpus else {})),
                                 paths=paths, force=force, embedder=embedder,
                                 bulk_encode=bulk_encode)
        print(f"{name}: {report.documents} documents, {report.passages} passages "
              f"({'rebuilt' if report.rebuilt else 'up to date'}, {time.perf_counter() - started:.1f} s)", flush=True)


def pool(out: Path, names: set[str] | None) -> list[dict]:
    from qa.evaluation.questions import evaluate, load_questions
    from qa.retrieval.assistant import Assistant

    rows, loaded = [], {}
    for name, questions, index in question_sets():
        if names is not None and name not in names:
            continue
        if index not in loaded:
            loaded.clear()  # (one index in memory at a time)
            loaded[index] = Assistant(load_settings(index_dir=out / index))
        asked = {q["id"]: q for q in load_questions(questions)}
        for r in evaluate(loaded[index], list(asked.values()))["questions"]:
            top = r["passages"][0] if r["passages"] else {}
            rows.append({"set": name, "id": r["id"], "question": r["question"], "abstain_expected":
                         r["abstain_expected"], "abstained": r["abstained"], "rank": r["rank"],
                         "forbidden": bool(r["forbid_violations"]), "top": top.get("citation", ""),
                         "passages": [passage_row(p, asked[r["id"]]) for p in r["passages"]]})
    return rows


def passage_row(passage: dict, question: dict) -> list:
    """[document, score, holds an expected phrase, holds a forbidden one, passage]: enough to replay a cut offline."""
    from qa.evaluation.questions import norm

    text = norm(passage["text"])
    return [passage["doc_id"], passage["score"], any(norm(e) in text for e in question.get("expect_any", [])),
            any(norm(f) in text for f in question.get("forbid", [])), passage.get("passage_id", "")]


def summary(rows: list[dict]) -> str:
    answerable = [r for r in rows if not r["abstain_expected"]]
    to_abstain = [r for r in rows if r["abstain_expected"]]
    first = sum(r["rank"] == 1 for r in answerable)
    top5 = sum(bool(r["rank"] and r["rank"] <= 5) for r in answerable)
    n = max(len(answerable), 1)
    return (f"{len({r['set'] for r in rows})} sets, {len(answerable)} answerable, {len(to_abstain)} to abstain: "
            f"hit@1 {first} ({first / n:.3f}), hit@5 {top5} ({top5 / n:.3f}), "
            f"forbidden in top 5 {sum(r['forbidden'] for r in rows)}, "
            f"abstentions {sum(r['abstained'] for r in to_abstain)}/{len(to_abstain)}, "
            f"false abstentions {sum(r['abstained'] for r in answerable)}")


def compare(before: Path, after: Path) -> None:
    load = lambda p: {(r["set"], r["id"]): r for r in map(json.loads, p.open(encoding="utf-8"))}  # noqa: E731
    a, b = load(before), load(after)
    for key in sorted(set(a) & set(b)):
        x, y = a[key], b[key]
        if (x["rank"], x["abstained"], x["forbidden"]) != (y["rank"], y["abstained"], y["forbidden"]):
            print(f"{key[0]:>9} {key[1]:<10} rank {x['rank']} -> {y['rank']}  abstained {x['abstained']} -> "
                  f"{y['abstained']}  forbidden {x['forbidden']} -> {y['forbidden']}  {x['question'][:80]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    index = commands.add_parser("index", help="build an index per set")
    index.add_argument("--out", type=Path, default=Path("/tmp/qsets"))
    index.add_argument("--force", action="store_true")
    index.add_argument("--only", help="comma-separated index names (wider, seeds, set127)")
    run = commands.add_parser("eval", help="pool the sets over their indexes")
    run.add_argument("--out", type=Path, default=Path("/tmp/qsets"))
    run.add_argument("--development", action="store_true", help="only tests/data/development_sets.txt")
    run.add_argument("--only", help="comma-separated set names (v103,set127)")
    run.add_argument("--dump", type=Path, help="write one JSON row per question here (for compare)")
    diff = commands.add_parser("compare", help="questions whose result moved between two dumps")
    diff.add_argument("before", type=Path)
    diff.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "index":
        build_indexes(args.out, args.force, set(args.only.split(",")) if args.only else None)
    elif args.command == "compare":
        compare(args.before, args.after)
    else:
        names = set(args.only.split(",")) if args.only else None
        if args.development:
            names = (names or development_sets()) & development_sets()
        rows = pool(args.out, names)
        if args.dump:
            args.dump.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(summary(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
