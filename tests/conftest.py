import re
import shutil
import sys
from pathlib import Path

import pytest

from qa.config import ROOT, load_settings

CORPUS = ROOT / "corpus"
SEEDS = ROOT.parent / "shared" / "seeds"
if str(ROOT) not in sys.path:  # bench/ (benchmark scripts, not shipped in the package) imports as `bench.speed`
    sys.path.insert(0, str(ROOT))


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="session")
def seed_settings(tmp_path_factory):
    return load_settings(index_dir=tmp_path_factory.mktemp("index"), corpus_dir=CORPUS)


@pytest.fixture(scope="session")
def assistant(seed_settings):
    from qa.retrieval.assistant import Assistant

    return Assistant(seed_settings)


@pytest.fixture(scope="session")
def bm25_assistant(tmp_path_factory):
    """The model made unavailable: a path with no model in it."""
    from qa.retrieval.assistant import Assistant

    settings = load_settings(index_dir=tmp_path_factory.mktemp("index_bm25"), corpus_dir=CORPUS,
                             model=str(tmp_path_factory.mktemp("no_model")))
    return Assistant(settings)


@pytest.fixture
def corpus_copy(tmp_path):
    """A writable copy of the seed corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target
