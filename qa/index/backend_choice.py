"""Choose the embedding backend for THIS machine by measurement, once, and remember the choice.

At model preparation time (the first `Embedder(backend="auto")` load for a model on a CPU), every available
backend (torch = sentence-transformers fp32, onnx, onnx-int8, openvino) encodes a fixed probe set:
  - agreement: each backend's vectors against sentence-transformers fp32 (the reference); a backend whose
    minimum cosine over the probe set is below AGREEMENT (0.99) is not eligible;
  - speed: the same fixed batch of passage-length texts, the backends taking turns (A B C D A B C D ...,
    best of ROUNDS) so that a busy neighbour slows them all alike.
The fastest eligible backend wins; those within SPEED_TIE of it count as as fast, and of those the one closest to
the reference wins (a near tie must not flip from one measurement to the next). The choice, the timings, the
cosines and the CPU's instruction-set features are written to <model cache>/backend-choice-<model fingerprint>-<cpu key>.json, keyed by the CPU
model, its features and its core count plus the model's files, so a process start reads the file instead of
measuring again. `python -m qa.index.backend_choice --force` (or deleting the file) measures again;
`--backend` overrides.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

from qa.config import EMBED_BACKENDS

AGREEMENT = 0.99
ROUNDS = 3
CANDIDATES = EMBED_BACKENDS  # torch first: the reference the others must agree with
CHOICE_VERSION = 3  # 2: a second choice for single questions (query_backend); 3: near ties go to agreement
# Backends within this ratio of the fastest are as fast: timings of the same batch differ by a few per cent from one
# measurement to the next, so a near tie (OpenVINO fp32 and ONNX int8 on an AVX-512 CPU: 0.313 s and 0.314 s) went
# either way and the same machine ranked some questions differently from one choice to the next. Of the tied, the
# one closest to the reference wins.
SPEED_TIE = 1.15
COSINE_MARGIN = 0.001  # closer to the reference by less than this is as close

# Fixed probe set: short questions and passage-length texts from several registers (inspection reports,
# biomedical abstracts, legal and news prose, a table row), so agreement is checked where int8 errs most.
PROBE_TEXTS = [
    "How often are children in care visited by their social worker?",
    "what reduces the risk of type 2 diabetes",
    "council budget 2019",
    "Which school was judged inadequate at its last inspection?",
    "Inspectors found that supervision of social workers was regular but lacked reflection and challenge. "
    "Managers did not always record the reasons for decisions, and plans for children who go missing were "
    "not consistently updated after return home interviews. Leaders have an accurate understanding of the "
    "strengths and weaknesses of the service and have taken action to reduce caseloads, which are now "
    "manageable for most staff. Children and young people told inspectors that they trust their workers.",
    "Alterations of the architecture of cerebral white matter in the developing human brain can affect "
    "cortical development and result in functional disabilities. A line scan diffusion-weighted magnetic "
    "resonance imaging (MRI) sequence with diffusion tensor analysis was applied to measure the apparent "
    "diffusion coefficient, to calculate relative anisotropy, and to delineate three-dimensional fiber "
    "architecture in cerebral white matter in preterm (n = 17) and full-term infants (n = 7).",
    "Myelodysplastic syndromes (MDS) are age-dependent stem cell malignancies that share biological features "
    "of activated adaptive immune response and ineffective hematopoiesis. Here we report that myeloid-derived "
    "suppressor cells (MDSC), which are classically linked to immunosuppression, inflammation, and cancer, "
    "were markedly expanded in the bone marrow of MDS patients and played a pathogenetic role in the "
    "development of ineffective hematopoiesis. CD33 and S100A9 formed a functional ligand/receptor pair.",
    "The tenant shall keep the premises in good and substantial repair and condition throughout the term, "
    "fair wear and tear excepted, and shall permit the landlord and its agents at reasonable times and on "
    "reasonable notice to enter and inspect the state of repair. Any notice under this lease must be in "
    "writing and is validly served if delivered by hand or sent by recorded delivery to the address above.",
    "The council approved a revised budget on Tuesday after a four-hour meeting, raising council tax by 4.99% "
    "and protecting spending on adult social care, while libraries and youth services face cuts of 12%. "
    "Opposition members said the consultation had been rushed; the leader replied that the authority faced "
    "a funding gap of 38 million pounds over the next three years and had no responsible alternative.",
    "Table 3. Outcome | Intervention (n = 412) | Control (n = 409) | Hazard ratio (95% CI) | p. "
    "Death from any cause | 37 (9.0%) | 52 (12.7%) | 0.70 (0.46-1.07) | 0.10. Stroke | 11 | 19 | 0.57 | 0.13.",
    "Ofsted inspection report: overall effectiveness good. The quality of teaching, learning and assessment "
    "is good. Personal development, behaviour and welfare are outstanding. Outcomes for pupils are good. "
    "Early years provision is good. Safeguarding is effective.",
    "Résumé : la température moyenne a augmenté de 1,1 °C depuis l'ère préindustrielle; Zürich, São Paulo.",
]


def cpu_features() -> dict:
    """The instruction-set features that decide which kernels run: AVX2, AVX-512, VNNI, AMX."""
    flags: set[str] = set()
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("flags") and not flags:
                flags = set(line.split(":", 1)[1].split())
            elif line.startswith("model name") and not model:
                model = line.split(":", 1)[1].strip()
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return {"cpu": model or "unknown", "cores": cores, "avx2": "avx2" in flags, "avx512": "avx512f" in flags,
            "vnni": bool({"avx512_vnni", "avx_vnni"} & flags), "avx512_bf16": "avx512_bf16" in flags,
            "amx": "amx_tile" in flags}


def cpu_summary(features: dict | None = None) -> str:
    f = features or cpu_features()
    yn = lambda b: "yes" if b else "no"  # noqa: E731
    return (f"CPU: {f['cpu']}, {f['cores']} cores; AVX2 {yn(f['avx2'])}, AVX-512 {yn(f['avx512'])}, "
            f"VNNI {yn(f['vnni'])}, AMX {yn(f['amx'])}")


def cpu_key(features: dict | None = None) -> str:
    f = features or cpu_features()
    return hashlib.sha256(json.dumps(f, sort_keys=True).encode()).hexdigest()[:10]


def choice_path(model_path: str, cache_dir: Path | None = None) -> Path:
    from qa.index.embedder import model_fingerprint
    from qa.index.onnx_backend import MODEL_CACHE

    name = Path(model_path).name or "model"
    return Path(cache_dir or MODEL_CACHE) / f"backend-choice-{name}-{model_fingerprint(model_path)}-{cpu_key()}.json"


def read_choice(model_path: str, cache_dir: Path | None = None) -> dict | None:
    try:
        data = json.loads(choice_path(model_path, cache_dir).read_text())
    except (OSError, ValueError):
        return None
    if data.get("version") != CHOICE_VERSION or data.get("backend") not in CANDIDATES:
        return None
    return data


def query_probes() -> list[str]:
    """The questions of the probe set, timed one at a time: what a question costs to embed."""
    return [t for t in PROBE_TEXTS if len(t) <= 200]


def timing_batch() -> list[str]:
    """The fixed batch that is timed: the probe set's passages, 32 texts of ~60-110 word pieces."""
    passages = [t for t in PROBE_TEXTS if len(t) > 200]
    return (passages * 8)[:32]


def _load(model_path: str, backend: str):
    from qa.index.embedder import Embedder

    embedder = Embedder(model_path, backend=backend)
    embedder.load()
    if embedder.backend != backend:  # the fast runtime is missing here: nothing to measure
        raise RuntimeError(embedder.fallback_reason or f"{backend} unavailable")
    return embedder


def measure(model_path: str, candidates=CANDIDATES, rounds: int = ROUNDS, log=None) -> dict:
    """Time and check every candidate; return the choice record (not written)."""
    log = log or (lambda msg: None)
    features = cpu_features()
    loaded, results = {}, {}
    for backend in candidates:
        started = time.perf_counter()
        try:
            loaded[backend] = _load(model_path, backend)
        except Exception as exc:  # a backend that cannot load here is simply not a candidate
            results[backend] = {"available": False, "reason": f"{exc.__class__.__name__}: {exc}"[:200]}
            log(f"  {backend}: unavailable ({results[backend]['reason']})")
            continue
        results[backend] = {"available": True, "load_s": round(time.perf_counter() - started, 3)}
    if "torch" not in loaded:
        raise RuntimeError("the sentence-transformers reference could not load: nothing to check agreement against")
    reference = loaded["torch"].encode(PROBE_TEXTS)
    batch = timing_batch()
    for backend, embedder in loaded.items():
        vectors = embedder.encode(PROBE_TEXTS)  # also the warm-up
        cos = (vectors * reference).sum(axis=1)
        results[backend].update(cos_min=round(float(cos.min()), 5), cos_mean=round(float(cos.mean()), 5),
                                agrees=bool(cos.min() >= AGREEMENT), seconds=[])
    for _ in range(rounds):  # take turns, so a noisy neighbour slows every backend alike
        for backend, embedder in loaded.items():
            started = time.perf_counter()
            embedder.encode(batch)
            results[backend]["seconds"].append(round(time.perf_counter() - started, 4))
    questions = query_probes()
    for _ in range(rounds):  # one question at a time, as asked: a runtime fast on batches may not be on one
        for backend, embedder in loaded.items():
            started = time.perf_counter()
            for question in questions:
                embedder.encode([question])
            per_query = (time.perf_counter() - started) / len(questions) * 1000
            results[backend]["query_ms"] = round(min(results[backend].get("query_ms", per_query), per_query), 2)
    for backend in loaded:
        best = min(results[backend]["seconds"])
        results[backend]["best_s"] = best
        results[backend]["texts_per_s"] = round(len(batch) / best, 1)
        log(f"  {backend}: {results[backend]['texts_per_s']} texts/s, cosine to fp32 min "
            f"{results[backend]['cos_min']} {'(agrees)' if results[backend]['agrees'] else '(REJECTED)'}")
    chosen = pick(results, "best_s")
    # Passages and questions may be best served by different runtimes (on an AMX CPU OpenVINO's bf16 wins on
    # batches, ONNX Runtime's int8 on a single question); both agree with the reference, so their vectors mix.
    for_queries = pick(results, "query_ms")
    return {"version": CHOICE_VERSION, "backend": chosen, "query_backend": for_queries, "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "agreement_threshold": AGREEMENT, "timing_batch": len(batch), "probe_texts": len(PROBE_TEXTS),
            "cpu": features, "cpu_summary": cpu_summary(features), "backends": results,
            "speedup_vs_torch": round(results["torch"]["best_s"] / results[chosen]["best_s"], 2)}


def pick(results: dict, timing: str) -> str:
    """The backend to use, from measured `results`: of those agreeing with the reference, the ones within SPEED_TIE
    of the fastest by `timing` ("best_s" for batches, "query_ms" for one question); of those, the fastest of the
    ones within COSINE_MARGIN of the closest to the reference."""
    eligible = [b for b, r in results.items() if r.get("agrees")]
    fastest = min(results[b][timing] for b in eligible)
    tied = [b for b in eligible if results[b][timing] <= fastest * SPEED_TIE]
    closest = max(results[b]["cos_min"] for b in tied)
    # (two fp32 runtimes differ in the fifth decimal: then the faster)
    return min((b for b in tied if results[b]["cos_min"] >= closest - COSINE_MARGIN), key=lambda b: results[b][timing])


def choose(model_path: str, force: bool = False, cache_dir: Path | None = None, verbose: bool = True) -> dict:
    """The cached choice for this model on this CPU, measured (and cached) when there is none."""
    if not force:
        cached = read_choice(model_path, cache_dir)
        if cached is not None:
            return cached
    log = (lambda msg: print(msg, file=sys.stderr)) if verbose else None
    if log:
        log(f"qa: choosing the embedding backend for this machine ({cpu_summary()}) ...")
    record = measure(model_path, log=log)
    path = choice_path(model_path, cache_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_text(json.dumps(record, indent=1))
    tmp.replace(path)
    if log:
        log(f"qa: embedding backend: {record['backend']} ({record['speedup_vs_torch']}x sentence-transformers "
            f"on this CPU); choice saved in {path}")
    return record


def summary(record: dict) -> str:
    """One line for `qa docs` and the manifest."""
    b = record["backends"]
    rates = ", ".join(f"{name} {v['texts_per_s']}/s" for name, v in b.items() if v.get("available"))
    query = record.get("query_backend", record["backend"])
    per_query = ", ".join(f"{name} {v['query_ms']} ms" for name, v in b.items() if v.get("query_ms") is not None)
    return (f"{record['backend']} (measured {record['measured_at'][:10]}: {rates}; "
            f"{record['speedup_vs_torch']}x torch; cosine >= {record['agreement_threshold']}); "
            f"questions: {query} ({per_query} a question)")


def main(argv=None) -> int:
    import argparse

    from qa.config import load_settings

    parser = argparse.ArgumentParser(description="Measure the embedding backends on this CPU and keep the fastest "
                                     "that agrees with sentence-transformers.")
    parser.add_argument("--model", default=None, help="model folder (default: the packaged MiniLM)")
    parser.add_argument("--force", action="store_true", help="measure again even if a choice is cached")
    args = parser.parse_args(argv)
    record = choose(args.model or load_settings().model_path, force=args.force)
    print(json.dumps(record, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
