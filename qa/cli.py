"""`qa` command line: ingest, ask, docs, eval, bench, serve. It mirrors the Python API in qa.retrieval.assistant.

Why over 300 lines: one small function per subcommand, each calling the Python API and printing its result,
and the argument parser that lists them; kept together so the commands and `qa --help` are read side by side.
"""
from __future__ import annotations

import argparse
import json
import sys
import textwrap
from contextlib import contextmanager
from pathlib import Path

from qa.config import MODEL_BACKENDS, Settings, load_settings


def add_common_options(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The options every command takes (and `python app.py`): where the index and corpus are, which model."""
    parser.add_argument("--index-dir", help="index directory (default: index/)")
    parser.add_argument("--corpus-dir", help="corpus folder with its manifest.json (default: corpus/)")
    parser.add_argument("--model", help="path to a sentence-transformers model (default: packaged MiniLM)")
    parser.add_argument("--backend", choices=MODEL_BACKENDS, help="embedding inference backend")
    return parser


def settings_from_args(args) -> Settings:
    """Settings from the environment (QA_*) with the common options on top."""
    return load_settings(index_dir=getattr(args, "index_dir", None), corpus_dir=getattr(args, "corpus_dir", None),
                         model=getattr(args, "model", None), model_backend=getattr(args, "backend", None))


class ProgressPrinter:
    """Progress on stderr: one updating line on a terminal, a line per stage otherwise."""

    def __init__(self, stream=sys.stderr):
        self.stream = stream
        self.tty = stream.isatty()
        self.last_stage = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.tty:
            end = "\n" if done >= total else ""
            self.stream.write(f"\r{stage}: {done}/{total}" + end)
            self.stream.flush()
        elif stage != self.last_stage:
            self.stream.write(f"{stage} ({total})...\n")
            self.stream.flush()
        self.last_stage = stage


def _assistant(args, quiet: bool = False):
    from qa.retrieval.assistant import Assistant

    progress = None if quiet else ProgressPrinter()
    return Assistant(settings_from_args(args), progress=progress)


def cmd_ingest(args) -> int:
    import qa.index.build as index_mod
    from qa.index.stores import open_store

    settings = settings_from_args(args)
    paths = [Path(p) for p in args.paths] or [settings.corpus_dir]
    try:
        with _bulk_encoder(settings, args.ray, args.ray_actors) as (embedder, bulk_encode):
            report = index_mod.build(settings, paths=paths, progress=ProgressPrinter(), force=args.force,
                                     embedder=embedder, bulk_encode=bulk_encode)
    except index_mod.BuildLocked as exc:
        print(f"qa ingest: {exc}", file=sys.stderr)
        return 3
    if args.json:
        print(json.dumps(report.to_dict(), indent=1))
    else:
        state = "rebuilt" if report.rebuilt else "up to date, nothing to do"
        print(f"Index {state}: {report.documents} documents, {report.passages} passages "
              f"({report.converted} converted, {report.embedded} embedded, {report.embedded_sentences} answer "
              f"sentences embedded) in {report.seconds:.1f} s "
              f"-> {open_store(settings).describe()}")
        if report.notice:
            print(f"Note: {report.notice}")
        for skipped in report.skipped:
            print(f"skipped {skipped.file}: {skipped.reason}")
        for cut in report.cuts:
            print(f"cut {cut.get('chars', 0):,} chars from {cut.get('file')}: {cut.get('reason')} "
                  f"(starts \"{cut.get('preview', '')}\")")
    return 0 if report.documents > 0 else 1


@contextmanager
def _bulk_encoder(settings: Settings, use_ray: bool, actors: int = 1):
    """(embedder, bulk_encode) for a build: with --ray, passages are embedded through Ray Data by actors running
    the same model and backend as this process (qa/index/ray_embed.py); otherwise (None, None), the default."""
    if not use_ray:
        yield None, None
        return
    try:
        from qa.index.ray_embed import ray_encoder
        import ray  # noqa: F401
    except ImportError:
        raise SystemExit("qa ingest --ray needs the optional extra: pip install -e '.[scale]'")
    from qa.index.embedder import Embedder, EmbedderUnavailable

    embedder = Embedder(settings.model_path, settings.model_backend)
    try:
        embedder.load()  # resolves "auto" once here; the actors use the backend chosen
    except EmbedderUnavailable:
        yield embedder, None  # the build says why and indexes BM25 only, as without --ray
        return
    with ray_encoder(embedder.model_path, embedder.backend, actors=actors) as encode:
        yield embedder, encode


def _read_questions(path: Path) -> list[str]:
    questions = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("{"):
            questions.append(str(json.loads(line).get("question", "")))
        else:
            questions.append(line)
    return questions


def format_answer(data: dict) -> str:
    if data.get("timeline") and not data["abstained"]:  # a trail or comparison (qa/retrieval/timeline.py)
        from qa.retrieval.timeline import format_text

        return format_text(data)
    out = [f"Q: {data['question']}"]
    for notice in data.get("notices", []):
        out.append(f"! {notice}")
    if data.get("filters_description"):
        out.append(data["filters_description"])
    out.append("")
    if data["abstained"]:
        out.append(data.get("message") or "Nothing in the documents answers this.")
        if data.get("related"):
            out.append("\nPossibly related:")
            for p in data["related"]:
                out.append(f"  - {p['citation']}")
        return "\n".join(out)
    out.append(textwrap.fill("Answer: " + data["answer"], 100, subsequent_indent="        "))
    group = None  # the labelled group of the passages printed last: "unconfirmed" or "match"
    for p in data["passages"]:
        out.append("")
        status = "unconfirmed" if p.get("unconfirmed") else "match"
        if status == "unconfirmed" and group != status:
            facts = " or ".join(sorted({f for q in data["passages"] for f in q.get("unconfirmed", [])}))
            out.append("-- Published after the time asked, recalling it: check before citing --" if facts == "later"
                       else f"-- Not stated whether these meet the filters ({facts} unknown): check before citing --")
            out.append("")
        elif status == "match" and group == "unconfirmed":
            out.append("-- These meet the filters --")  # after a labelled group that leads
            out.append("")
        group = status
        out.append(f"[{p['rank']}] {p['citation']}")
        out.append(textwrap.indent(textwrap.fill(" ".join(p["text"].split()), 100), "    "))
        for other in p.get("also_reported_in", []):
            out.append(f"    also reported in: {other['title']} ({other['location']})")
    return "\n".join(out)


def _answer_dict(assistant, question: str, top_k: int, previous=None) -> tuple[dict, object]:
    from qa.answers.contract import answer_to_dict

    ans = assistant.ask(question, top_k=top_k, previous=previous)
    return answer_to_dict(ans), ans.query


def cmd_ask(args) -> int:
    assistant = _assistant(args, quiet=args.json)
    if args.questions:
        questions = _read_questions(Path(args.questions))
    elif args.question:
        questions = [args.question]
    else:
        print("qa ask: give a QUESTION or --questions FILE", file=sys.stderr)
        return 2
    for question in questions:
        data, _ = _answer_dict(assistant, question, args.top_k)
        if args.json:
            print(json.dumps(data, ensure_ascii=False))
        else:
            print(format_answer(data))
            print()
    return 0


def cmd_docs(args) -> int:
    from qa.documents.ingest import removed_share

    assistant = _assistant(args, quiet=args.json)
    docs = assistant.documents()
    if args.json:
        print(json.dumps(docs, indent=1, ensure_ascii=False))
        return 0
    emb = (assistant.index.manifest.get("embedding") or {}) if assistant.index is not None else {}
    print(f"embedding backend: {emb.get('summary') or emb.get('backend') or 'unknown (index built before backends were recorded)'}")
    for d in docs:
        origin, conf = d["origin"], d.get("confidence") or {}

        def how(key: str) -> str:  # "inferred 0.9", "manifest", "unknown"
            o = origin.get(key) or "unknown"
            return f"{o} {conf[key]:.1f}" if o == "inferred" and key in conf else o

        print(f"{d['doc_id']}  [{d['doc_type_label']} ({how('doc_type')})]  {d['title']}")
        print(f"    date {d['date'] or 'undated'} ({how('date')}), publisher {d['publisher'] or '?'} "
              f"({how('publisher')}), authorities {', '.join(d['local_authorities']) or '?'} "
              f"({how('local_authorities')}), "
              f"period {d['period_start'] or '?'}..{d['period_end'] or '?'} ({how('period_start')}), "
              f"visit {d['visit_number'] or '-'} ({how('visit_number')}), {d['passages']} passages, {d['path']}")
        share = removed_share(d.get("cleaning") or {})
        if share is not None:
            cleaning = d["cleaning"]
            print(f"    cleaning removed {share:.0%} ({cleaning.get('raw_chars', 0) - cleaning.get('kept_chars', 0):,} "
                  f"of {cleaning.get('raw_chars', 0):,} chars, {cleaning.get('removed_lines', 0)} lines)")
            for cut in cleaning.get("cuts", []):
                print(f"    cut {cut.get('chars', 0):,} chars: {cut.get('reason')} (starts \"{cut.get('preview', '')}\")")
    return 0


def cmd_eval(args) -> int:
    if args.beir:
        from qa.evaluation.beir import run_cli

        return run_cli(args.beir, args.split, args.json, settings_from_args(args))
    if not args.questions and not args.truth:
        print("qa eval: give QUESTIONS.jsonl, --truth TRUTH.jsonl or --beir DIR", file=sys.stderr)
        return 2
    from qa.evaluation.questions import (evaluate, format_metadata_report, format_report, load_questions,
                           score_metadata)

    assistant = _assistant(args, quiet=True)
    result: dict = {}
    if args.questions:
        result = evaluate(assistant, load_questions(Path(args.questions)))
    if args.truth:
        result["metadata"] = score_metadata(assistant.index.documents.values(), load_questions(Path(args.truth)))
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    if args.questions:
        print(format_report(result))
    if args.truth:
        print(format_metadata_report(result["metadata"], verbose=not args.questions or args.verbose))
    return 0


def cmd_bench(args) -> int:
    """The speed and memory benchmark is not shipped in the package: it runs bench/speed.py from a source tree."""
    import runpy

    from qa.config import ROOT

    script = ROOT / "bench" / "speed.py"
    if not script.is_file():
        print("qa bench: the benchmark lives in the source tree (bench/speed.py), not in the installed package; "
              "run it from a checkout of the repository: python bench/speed.py --help", file=sys.stderr)
        return 2
    return runpy.run_path(str(script))["main"](args.rest)


def cmd_serve(args) -> int:
    from qa.web.app import main as app_main

    argv = ["--port", str(args.port)] if args.port else []
    if args.host:
        argv += ["--host", args.host]
    for option in ("index_dir", "corpus_dir", "model", "backend"):
        value = getattr(args, option, None)
        if value is not None:
            argv += ["--" + option.replace("_", "-"), str(value)]
    return app_main(argv)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qa", description="Cited-evidence search over inspection documents.")
    common = add_common_options(argparse.ArgumentParser(add_help=False))
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", parents=[common], help="read documents and build the index")
    p.add_argument("paths", nargs="*", help="files or folders (default: corpus/)")
    p.add_argument("--force", action="store_true", help="rebuild even when nothing changed")
    p.add_argument("--ray", action="store_true",
                   help="embed through Ray Data (RAY_ADDRESS: a cluster; else a local Ray); needs '.[scale]'")
    p.add_argument("--ray-actors", type=int, default=1, help="with --ray: embedding actors (one model each)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("ask", parents=[common], help="answer a question with cited passages")
    p.add_argument("question", nargs="?")
    p.add_argument("--top-k", type=int, default=5)
    p.add_argument("--questions", help="file: one question a line, or JSONL with a 'question' field")
    p.add_argument("--json", action="store_true", help="one JSON object a line")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("docs", parents=[common], help="list indexed documents and their metadata")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_docs)

    p = sub.add_parser("eval", parents=[common], help="score a question set, or a BEIR dataset with --beir")
    p.add_argument("questions", nargs="?")
    p.add_argument("--beir", help="BEIR dataset folder (corpus.jsonl, queries.jsonl, qrels/)")
    p.add_argument("--split", default="test")
    p.add_argument("--truth", help="metadata labels (JSONL: file, doc_type, date, local_authorities, ...)")
    p.add_argument("--verbose", action="store_true", help="list every metadata disagreement")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("bench", help="speed and memory benchmark (see bench/RESULTS.md)")
    p.add_argument("rest", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_bench)

    p = sub.add_parser("serve", parents=[common], help="serve the web chat on 127.0.0.1")
    p.add_argument("--port", type=int, help="port (default: GRADIO_SERVER_PORT or 7860)")
    p.add_argument("--host", help="address to bind (default: QA_HOST or 127.0.0.1; others need credentials)")
    p.set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra and args.command != "bench":
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    if args.command == "bench":
        args.rest = [a for a in (extra + args.rest) if a != "--"]
    from qa.index.build import BuildLocked
    from qa.documents.metadata import ManifestError

    try:
        return args.func(args)
    except (BuildLocked, ManifestError) as exc:
        print(f"qa {args.command}: {exc}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
