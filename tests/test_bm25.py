"""BM25Index (sparse matrix) gives rank-bm25's BM25Okapi scores exactly, without a scan per query term."""
import random

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from qa.index.sparse import BM25Index, top_k
from qa.terms import tokenize

DOCS = [
    "the inspection found that leadership of children's services is strong",
    "children in care are visited regularly and their plans are reviewed",
    "the local authority has improved its response to referrals",
    "inspectors found weaknesses in the front door and in strategy meetings",
    "care leavers receive good support with housing and education",
    "the council published its annual report on children in care",
    "strong strong leadership",
    "",
]


def _corpus(seed: int, n_docs: int = 60, vocab: int = 40) -> list[list[str]]:
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(vocab)]
    # A few very common words so that several terms have negative Okapi idf.
    common = ["common", "frequent"]
    docs = []
    for _ in range(n_docs):
        doc = [rng.choice(words) for _ in range(rng.randint(0, 25))]
        doc += [w for w in common if rng.random() < 0.8]
        rng.shuffle(doc)
        docs.append(doc)
    return docs


def _assert_same(tokenized, query, k1=1.5, b=0.75, epsilon=0.25):
    expected = BM25Okapi(tokenized, k1=k1, b=b, epsilon=epsilon).get_scores(query)
    got = BM25Index.build(tokenized, k1=k1, b=b, epsilon=epsilon).scores(query)
    assert got.shape == expected.shape
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("query", [
    ["children", "care"],
    ["children", "children", "care"],  # repeated term counts twice, as in rank-bm25
    ["strong"],
    ["zebra", "children"],  # unknown term contributes nothing
    ["zebra"],  # only unknown terms: all zeros
    [],
])
def test_scores_equal_rank_bm25_on_plain_tokens(query):
    tokenized = [d.split() for d in DOCS]
    _assert_same(tokenized, query)


def test_negative_idf_terms_use_epsilon_times_mean_idf():
    tokenized = _corpus(1)
    df = sum("common" in d for d in tokenized)
    assert df > len(tokenized) / 2  # so its raw Okapi idf is negative
    reference = BM25Okapi(tokenized)
    assert reference.idf["common"] > 0 and reference.idf["common"] == pytest.approx(
        reference.epsilon * reference.average_idf)
    for query in (["common"], ["common", "w3"], ["frequent", "frequent", "w7", "nope"]):
        _assert_same(tokenized, query)


@pytest.mark.parametrize("seed", range(5))
def test_random_corpora_and_parameters(seed):
    rng = random.Random(seed)
    tokenized = _corpus(seed, n_docs=rng.randint(5, 80), vocab=rng.randint(5, 50))
    vocab = sorted({t for d in tokenized for t in d}) + ["unknown"]
    k1, b = rng.choice([(1.5, 0.75), (0.9, 0.4), (1.2, 1.0), (2.0, 0.0)])
    for _ in range(10):
        query = [rng.choice(vocab) for _ in range(rng.randint(1, 8))]
        _assert_same(tokenized, query, k1=k1, b=b)


def test_scores_with_the_product_tokenizer_and_save_load(tmp_path):
    tokenized = [tokenize(d) for d in DOCS]
    index = BM25Index.from_texts(DOCS)
    query = tokenize("Children's care, children in care and the strategy meetings")
    np.testing.assert_allclose(index.scores(query), BM25Okapi(tokenized).get_scores(query), rtol=1e-5, atol=1e-6)
    index.save(tmp_path)
    loaded = BM25Index.load(tmp_path)
    np.testing.assert_allclose(loaded.scores(query), index.scores(query))
    assert loaded.search("children in care", 3) == index.search("children in care", 3)


def test_search_returns_best_first_and_only_matches():
    index = BM25Index.from_texts(DOCS)
    hits = index.search("children in care", 10)
    assert hits and all(s > 0 for _, s in hits)
    assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)
    assert {r for r, _ in hits} <= {1, 5, 4, 0}
    assert index.search("zebra", 5) == []
    mask = np.zeros(len(DOCS), dtype=bool)
    mask[5] = True
    assert [r for r, _ in index.search("children in care", 10, mask=mask)] == [5]


def test_top_k_edge_cases():
    scores = np.array([0.5, 2.0, 0.0, 1.0])
    assert top_k(scores, 2) == [(1, 2.0), (3, 1.0)]
    assert top_k(scores, 10, positive_only=True) == [(1, 2.0), (3, 1.0), (0, 0.5)]
    assert top_k(np.zeros(0), 3) == []
    assert top_k(scores, 0) == []


def test_tokenizer_options():
    assert tokenize("The Children were running") == ["children", "run"]
    assert tokenize("The Children were running", stem=False) == ["children", "running"]
    assert "the" in tokenize("The Children", stop_words=False)


def test_past_forms_a_stemmer_cannot_join_meet_their_verb():
    assert tokenize("Who led the inspection?") == tokenize("who lead the inspection")
    assert tokenize("inspectors saw and found") == tokenize("inspectors see and find")
    assert tokenize("She wrote to the council") == tokenize("she writes to the council")
    assert "win" not in tokenize("The council won't say") and tokenize("Rose Smith") == ["rose", "smith"]


@pytest.mark.parametrize("seed", range(4))
def test_terms_in_reads_each_passages_own_words(seed):
    """Which of a set of terms a passage holds: its own words, as the passage x term matrix's row says."""
    rng = np.random.default_rng(seed)
    vocab = [f"w{i}" for i in range(30)]
    corpus = [list(rng.choice(vocab, size=rng.integers(1, 12))) for _ in range(40)]
    index = BM25Index.build(corpus)
    asked = set(rng.choice(vocab + ["unknown"], size=8))
    for row, tokens in enumerate(corpus):
        expected = {t for t in asked if t in set(tokens)}
        row_values = index.matrix[row].toarray().ravel()  # (a term whose weight is exactly 0 counts as absent)
        expected = {t for t in expected if row_values[index.vocabulary[t]] != 0}
        assert index.terms_in(row, asked) == expected
