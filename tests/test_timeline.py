"""Evidence trails and side-by-side comparisons (issue 11), on small invented fixtures and on the seeds.

The fixture texts below are invented for these tests (the authorities are real names, the words are not theirs).
"""
from __future__ import annotations

import json

import pytest

from qa.retrieval import timeline
from qa.web import briefing
from qa.answers.contract import answer_to_dict
from qa.config import load_settings

DOCS = {
    "som_report.txt": ({"title": "Inspection of Somerset children's services", "doc_type": "ofsted_report",
                        "publisher": "Ofsted", "date": "2018-10-05", "period_start": "2018-09-10",
                        "period_end": "2018-09-21", "local_authorities": ["Somerset"]},
                       "Caseloads for social workers in the assessment teams are too high, and some workers hold more "
                       "than thirty children each. Managers know this and have asked for more posts.\n\n"
                       "Supervision is irregular and rarely reflective, so drift in plans goes unnoticed by managers."),
    "som_v1.txt": ({"title": "Monitoring visit to Somerset children's services", "doc_type": "ofsted_letter",
                    "publisher": "Ofsted", "date": "2019-03-20", "period_start": "2019-02-26",
                    "period_end": "2019-02-27", "visit_number": 1, "local_authorities": ["Somerset"]},
                   "This letter reports the first monitoring visit to the county.\n\n"
                   "Caseloads remain high in the locality teams but have started to fall since new agency workers "
                   "arrived in January. Supervision now happens monthly for most workers."),
    "som_v2.txt": ({"title": "Second monitoring visit to Somerset", "doc_type": "ofsted_letter",
                    "publisher": "Ofsted", "date": "2019-07-15", "period_start": "2019-06-18",
                    "period_end": "2019-06-19", "visit_number": 2, "local_authorities": ["Somerset"]},
                   "Inspectors looked at the front door. Thresholds for statutory help are now applied consistently "
                   "by the duty team, and contacts from the police are screened within a day. Strategy meetings "
                   "include health colleagues in nearly all cases seen."),
    "som_v3_news.txt": ({"title": "Somerset making steady progress, Ofsted says", "doc_type": "news_article",
                         "publisher": "Invented Weekly", "period_start": "2019-10-22", "period_end": "2019-10-23",
                         "visit_number": 3, "local_authorities": ["Somerset"]},
                        "Ofsted's third visit found steady progress. Inspectors said caseloads had reduced to an "
                        "average of eighteen children per worker, which gives staff time to see families."),
    "som_v4.txt": ({"title": "Fourth monitoring visit to Somerset", "doc_type": "ofsted_letter",
                    "publisher": "Ofsted", "date": "2020-02-10", "period_start": "2020-01-14",
                    "period_end": "2020-01-15", "visit_number": 4, "local_authorities": ["Somerset"]},
                   "Caseloads are now manageable for most social workers, and staff told inspectors that they have "
                   "time for direct work with children. Team managers are stable and visible."),
    "som_v4_news.txt": ({"title": "Workloads eased in Somerset, inspectors find", "doc_type": "news_article",
                         "publisher": "Invented Weekly", "date": "2020-02-20", "period_start": "2020-01-14",
                         "period_end": "2020-01-15", "visit_number": 4, "local_authorities": ["Somerset"]},
                        "The watchdog's latest letter says caseloads are now manageable for most of the county's "
                        "social workers, a big change from the inspection two years ago."),
    "som_council.txt": ({"title": "Working for Somerset children's social care", "doc_type": "council_page",
                         "publisher": "Somerset Council", "local_authorities": ["Somerset"]},
                        "Join our teams: our social workers tell us their caseloads are lower than in neighbouring "
                        "counties, and we offer a relocation package and protected learning time."),
    "don_report.txt": ({"title": "Inspection of Doncaster children's services", "doc_type": "ofsted_report",
                        "publisher": "Ofsted", "date": "2017-06-01", "period_start": "2017-05-08",
                        "period_end": "2017-05-19", "local_authorities": ["Doncaster"]},
                       "Care leavers are well supported by personal advisers who know them well, and nearly all care "
                       "leavers live in suitable accommodation with help to manage money."),
    "don_news.txt": ({"title": "Doncaster trust praised for care leavers offer", "doc_type": "news_article",
                      "publisher": "Invented Weekly", "date": "2019-05-01", "local_authorities": ["Doncaster"]},
                     "The trust has extended its support so that care leavers can keep a personal adviser until "
                     "they are twenty-five, and pays council tax for care leavers living in the borough."),
    "kir_v1.txt": ({"title": "Monitoring visit to Kirklees children's services", "doc_type": "ofsted_letter",
                    "publisher": "Ofsted", "date": "2018-03-02", "period_start": "2018-02-06",
                    "period_end": "2018-02-07", "visit_number": 1, "local_authorities": ["Kirklees"]},
                   "Care leavers are not always helped to find suitable housing, and too many care leavers have "
                   "lost touch with their personal advisers."),
    "kir_v3.txt": ({"title": "Third monitoring visit to Kirklees", "doc_type": "ofsted_letter",
                    "publisher": "Ofsted", "date": "2018-10-12", "period_start": "2018-09-18",
                    "period_end": "2018-09-19", "visit_number": 3, "local_authorities": ["Kirklees"]},
                   "More care leavers are now in touch with a personal adviser, and a new housing protocol gives "
                   "care leavers priority for tenancies."),
}


@pytest.fixture(scope="module")
def fixture_assistant(tmp_path_factory):
    from qa.retrieval.assistant import Assistant

    corpus = tmp_path_factory.mktemp("timeline_corpus")
    for name, (meta, text) in DOCS.items():
        (corpus / name).write_text(meta["title"] + "\n\n" + text + "\n", encoding="utf-8")
    (corpus / "manifest.json").write_text(json.dumps({"documents": {n: m for n, (m, _) in DOCS.items()}}))
    settings = load_settings(index_dir=tmp_path_factory.mktemp("timeline_index"), corpus_dir=corpus)
    return Assistant(settings)


def files(data: dict, ranks) -> list[str]:
    by_rank = {p["rank"]: p for p in data["passages"]}
    return [by_rank[r]["doc_id"].split("_")[0] + "_" + "_".join(by_rank[r]["doc_id"].split("_")[1:])
            for r in ranks]


def doc_of(data: dict, entry: dict) -> str:
    return next(p for p in data["passages"] if p["rank"] == entry["rank"])["title"]


def check_verbatim(assistant, data: dict) -> None:
    for p in data["passages"]:
        doc = assistant.index.documents[p["doc_id"]]
        assert doc.text[p["start"]:p["end"]] == p["text"]
        for s, e in p["highlights"]:
            assert 0 <= s < e <= len(p["text"])


# ---------------------------------------------------------------- intent


@pytest.mark.parametrize("question,kind,topic", [
    ("How has supervision changed between the first and fourth monitoring visits?", "trail", "supervision"),
    ("progress on care leavers since 2018 in Somerset", "trail", "care leavers"),
    ("caseloads over time in Doncaster", "trail", "caseloads"),
    ("What did each monitoring visit say about management oversight?", "trail", "management oversight"),
    ("has supervision improved since the inspection?", "trail", "supervision"),
    ("compare Barnet and Reading on care leavers", "compare", "care leavers"),
    ("Kirklees versus Doncaster on caseloads", "compare", "caseloads"),
    # the council's name and kind are no topic; nor are the words that frame what inspectors concluded
    ("How has supervision at Kent County Council changed?", "trail", "supervision"),
    ("What did inspectors actually conclude about how supervision had changed since 2019?", "trail", "supervision"),
    # the clause before the dash sets the scene; the topic is in the clause asking for the trail
    ("Leicester disputed the report - how had care leavers services changed since 2021?", "trail",
     "care leavers services"),
    # "things", "the picture": no topic; the clause setting the scene holds it
    ("Care leavers in Kent: how have things changed since 2019?", "trail", "Care leavers"),
    # a question whose asking clause names nothing ("how has it changed") takes its topic from the whole text
    ("Supervision was weak in 2017. How has it changed since?", "trail", "Supervision weak"),
])
def test_detects_trail_and_compare_questions(question, kind, topic):
    intent = timeline.detect(question)
    assert intent is not None and (intent.kind, intent.topic) == (kind, topic)


@pytest.mark.parametrize("question", [
    "What did inspectors say about supervision in 2018?", "When was Barnet judged inadequate?",
    "What did the first monitoring visit find about thresholds in the MASH?", "How many children are in care?",
    "compare supervision",  # nothing to put side by side
    "What did the news say about Barnet's progress in 2018?",  # progress at one time, not over time
    # what one text says about progress, not a trail
    "In the 2018 report on Barnet, how is progress after the 2015 judgement described?",
    "How did inspectors describe progress on care leavers in Barnet?",
])
def test_ordinary_questions_are_not_trails(question):
    assert timeline.detect(question) is None


@pytest.mark.parametrize("question", [
    "How has practice in Barnet changed since the council put in a new director?",
    "How have Barnet's services improved since 2015, as described in the monitoring letters?",
    "How have inspectors described Barnet's progress across its monitoring visits?",
])
def test_a_trail_asked_with_describe_is_still_a_trail(question):
    assert timeline.detect(question) is not None


# ---------------------------------------------------------------- trails on the fixtures


def test_trail_in_date_order_with_gap_undated_apart_and_primary_first(fixture_assistant):
    ans = fixture_assistant.ask("How have caseloads changed in Somerset since the inspection?")
    data = answer_to_dict(ans)
    check_verbatim(fixture_assistant, data)
    tl = data["timeline"]
    assert tl["kind"] == "trail" and tl["topic"] == "caseloads"
    (trail,) = tl["trails"]
    points = [x for x in trail["entries"] if x["type"] == "point"]
    titles = [doc_of(data, x) for x in points]
    assert titles == ["Inspection of Somerset children's services", "Monitoring visit to Somerset children's services",
                      "Somerset making steady progress, Ofsted says", "Fourth monitoring visit to Somerset"]
    dates = [x["date"] for x in points]
    assert dates == sorted(dates)
    # the silent second visit is a gap between the first and third visits, not padding
    kinds = [x["type"] for x in trail["entries"]]
    assert kinds == ["point", "point", "gap", "point", "point"]
    gap = trail["entries"][2]
    assert [s["title"] for s in gap["silent"]] == ["Second monitoring visit to Somerset"]
    assert "caseloads" in gap["message"] and "March 2019" not in gap["message"]
    assert "February 2019" in gap["message"] and "October 2019" in gap["message"]
    # the news story on the fourth visit is only "also reported in" under the letter
    assert [o["title"] for o in points[-1]["also_reported_in"]] == ["Workloads eased in Somerset, inspectors find"]
    # the undated council page is listed apart, never on the line
    assert [doc_of(data, x) for x in tl["undated"]] == ["Working for Somerset children's social care"]
    # one point per document; the passages are the points in the order shown
    shown = [p["doc_id"] for p in data["passages"]]
    assert len(shown) == len(set(shown)) == 5
    assert [p["rank"] for p in data["passages"]] == [x["rank"] for x in points] + [tl["undated"][0]["rank"]]
    assert all(p["highlights"] for p in data["passages"])
    assert "caseloads" in data["answer"].lower() and "[1]" in data["answer"]


def test_visit_range_keeps_to_the_visits_and_names_missing_visit(fixture_assistant):
    ans = fixture_assistant.ask("How have caseloads changed between the first and fourth monitoring visits in Somerset?")
    trail = answer_to_dict(ans)["timeline"]["trails"][0]
    points = [x for x in trail["entries"] if x["type"] == "point"]
    assert [x["visit_number"] for x in points] == [1, 3, 4]  # the inspection before visit 1 is out of range
    data = answer_to_dict(fixture_assistant.ask("Progress on care leavers in Kirklees at each monitoring visit"))
    (trail,) = data["timeline"]["trails"]
    assert [x["type"] for x in trail["entries"]] == ["point", "gap", "point"]
    gap = trail["entries"][1]
    assert gap["missing_visits"] == [2] and gap["silent"] == []
    assert "second monitoring visit" in gap["message"]


def test_follow_up_turns_the_previous_topic_into_a_trail(fixture_assistant):
    first = fixture_assistant.ask("What did inspectors say about supervision in Somerset?")
    assert first.timeline is None and answer_to_dict(first)["timeline"] is None
    ans = fixture_assistant.ask("and how has that changed?", previous=first.query)
    data = answer_to_dict(ans)
    assert data["timeline"]["topic"] == "supervision"
    (trail,) = data["timeline"]["trails"]
    points = [x for x in trail["entries"] if x["type"] == "point"]
    assert [doc_of(data, x) for x in points] == ["Inspection of Somerset children's services",
                                                 "Monitoring visit to Somerset children's services"]
    last = trail["entries"][-1]
    assert last["type"] == "gap" and last["before"] is None  # nothing after the first visit mentions supervision
    assert "Fourth monitoring visit to Somerset" in [s["title"] for s in last["silent"]]
    assert ans.query.topic == "supervision"


# ---------------------------------------------------------------- comparisons on the fixtures


def test_compare_gives_one_block_per_authority_each_cited(fixture_assistant):
    data = answer_to_dict(fixture_assistant.ask("compare Doncaster and Kirklees on care leavers"))
    check_verbatim(fixture_assistant, data)
    blocks = data["timeline"]["blocks"]
    assert [b["label"] for b in blocks] == ["Doncaster", "Kirklees"]
    by_rank = {p["rank"]: p for p in data["passages"]}
    for block in blocks:
        assert block["points"]
        for point in block["points"]:
            p = by_rank[point["rank"]]
            assert block["authority"] in p["local_authorities"] and p["citation"] == point["citation"]
            assert "care leavers" in p["text"]
    assert len({p["doc_id"] for p in data["passages"]}) == len(data["passages"])
    doncaster = [by_rank[x["rank"]]["doc_type"] for x in blocks[0]["points"]]
    assert doncaster == ["ofsted_report", "news_article"]  # in date order within the block


def test_compare_shows_an_empty_side_as_empty(fixture_assistant):
    data = answer_to_dict(fixture_assistant.ask("Somerset versus Kirklees on care leavers"))
    somerset, kirklees = data["timeline"]["blocks"]
    assert somerset["points"] == [] and "care leavers" in somerset["message"]
    assert kirklees["points"]
    data = answer_to_dict(fixture_assistant.ask("compare caseloads at the first and fourth visits in Somerset"))
    assert [b["label"] for b in data["timeline"]["blocks"]] == ["Somerset \u2014 first monitoring visit",
                                                                "Somerset \u2014 fourth monitoring visit"]
    assert [[x["visit_number"] for x in b["points"]] for b in data["timeline"]["blocks"]] == [[1], [4]]


# ---------------------------------------------------------------- the seeds (done criteria)


def test_seed_supervision_trail(assistant):
    ans = assistant.ask("How has supervision changed between the first and fourth monitoring visits?")
    data = answer_to_dict(ans)
    (trail,) = data["timeline"]["trails"]
    points = [x for x in trail["entries"] if x["type"] == "point"]
    docs = [next(p for p in data["passages"] if p["rank"] == x["rank"])["doc_id"] for x in points]
    assert docs.index("001_90290a2cca0cc67a") < docs.index("003_131b7ab561d5d4ce")
    assert "002_15c88bbf87cf6891" not in docs
    letter = points[docs.index("003_131b7ab561d5d4ce")]
    assert [o["doc_id"] for o in letter["also_reported_in"]] == ["002_15c88bbf87cf6891"]
    for x in points:
        assert x["citation"] and "supervision" in next(p for p in data["passages"] if p["rank"] == x["rank"])["text"].lower()
    assert any(g["type"] == "gap" and g["missing_visits"] == [2] for g in trail["entries"])


def test_seed_compare_barnet_and_reading(assistant):
    data = answer_to_dict(assistant.ask("compare Barnet and Reading on care leavers"))
    barnet, reading = data["timeline"]["blocks"]
    assert (barnet["label"], reading["label"]) == ("Barnet", "Reading")
    assert reading["points"] and "Reading" in data["passages"][reading["points"][0]["rank"] - 1]["text"]
    assert reading["points"][0]["visit_number"] is None  # the story's visit is Barnet's, not Reading's
    assert barnet["points"] == [] and barnet["message"]


# ---------------------------------------------------------------- output: CLI, briefing, app


def test_cli_prints_the_trail_in_date_order(fixture_assistant):
    from qa.cli import format_answer

    data = answer_to_dict(fixture_assistant.ask("How have caseloads changed in Somerset since the inspection?"))
    text = format_answer(data)
    order = [text.index(m) for m in ("September 2018", "February 2019", "-- gap:", "October 2019", "January 2020",
                                     "Undated (not placed on the line)")]
    assert order == sorted(order)
    assert "also reported in: Workloads eased in Somerset" in text


def test_briefing_keeps_the_chronology(fixture_assistant, tmp_path):
    data = answer_to_dict(fixture_assistant.ask("How have caseloads changed in Somerset since the inspection?"))
    items = []
    for p in data["passages"]:
        items, _ = briefing.add(items, briefing.item_from_passage(p))
    whens = [i["when"] for i in items]
    markdown = briefing.to_markdown(items)
    positions = [markdown.index(briefing.markdown_escape(w)) for w in whens]
    assert positions == sorted(positions)
    text = briefing.docx_text(briefing.to_docx(items, tmp_path / "b.docx"))
    assert [text.index(w) for w in whens] == sorted(text.index(w) for w in whens)


def test_app_timeline_view_escapes_and_adds_all_in_order(fixture_assistant):
    from qa.web import render

    data = answer_to_dict(fixture_assistant.ask("How have caseloads changed in Somerset since the inspection?"))
    data["passages"][0]["text"] = "<script>alert(1)</script> " + data["passages"][0]["text"]
    page = render.results_html(data)
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert page.count("class='qa-tl-point'") == 5 and "qa-tl-gap" in page
    assert "data-action='add-all'" in page
    assert "Undated: not placed on the line" in page
    ordinary = answer_to_dict(fixture_assistant.ask("What did inspectors say about caseloads in Somerset?"))
    assert "qa-timeline" not in render.results_html(ordinary)


def test_compare_with_nothing_on_either_side_still_shows_both_blocks(fixture_assistant):
    from qa.cli import format_answer

    data = answer_to_dict(fixture_assistant.ask("compare Doncaster and Kirklees on fostering allowances"))
    assert not data["abstained"] and data["passages"] == []
    assert [b["points"] for b in data["timeline"]["blocks"]] == [[], []]
    assert "No document about Doncaster speaks to fostering allowances." in format_answer(data)
