"""Round 54: trust beyond the seeds (issue 10)."""
from __future__ import annotations

from datetime import date


def test_who_held_a_role_at_a_time_set_aside_is_no_time_asked():
    from qa.retrieval.question import parse

    asked = parse("Oldbury got Good in 2022 - who was the director the council leader congratulated? the 2022 one, "
                  "not who was DCS back in 2015/16")
    assert (asked.date_from, asked.date_to) == (date(2022, 1, 1), date(2022, 12, 31))
    assert parse("What changed in 2019, not when it was judged in 2017?").time_phrase == "2019"
    # (a span asked is still one)
    assert parse("Who was the director in 2015/16?").time_phrase == "2015/16"


def test_grades_as_staff_capitalise_them_and_a_councils_initials_are_no_names():
    from qa.retrieval.question import parse

    assert parse("Oldbury got Good in 2022 - who led the service?").names == []
    assert parse("Was Kent rated Requires Improvement to be Good in 2019?").names == []
    assert parse("When did Bromley go from Inadequate to Outstanding?").names == []
    assert parse("what did the Good Shepherd Trust say?").names == ["Good Shepherd Trust"]
    assert parse("What did the B&NES improvement plan say about the front door?").names == []


def test_the_article_named_as_the_teller_and_councillors_speaking_are_sources():
    from qa.retrieval.question import parse

    assert parse("Bromley - according to the article on the 5th monitoring visit, when was it judged "
                 "inadequate?").source == "news"
    assert parse("Have elected members anywhere raised worries about changes of social worker, e.g. when "
                 "discussing an Ofsted letter at committee?").source == "council"
    assert parse("Who took Hillingdon's children's select committee through the Ofsted focused visit "
                 "letter?").source == "council"
    # (an Ofsted letter alone is still Ofsted's)
    assert parse("What did the Ofsted letter say about changes of social worker?").source == "ofsted"


def test_a_paper_dated_by_the_month_before_it_is_the_time_asked_beside_a_since():
    from qa.retrieval.question import parse

    asked = parse("In the March 2018 scrutiny update on the improvement plan, what had been done about the front "
                  "door since the 2017 inspection?")
    assert (asked.date_from, asked.date_to) == (date(2018, 3, 1), date(2018, 3, 31))
    assert parse("What did the 2019 press release say about progress since 2017?").time_phrase == "2019"
    # (with no paper dated, "since" still opens the span)
    assert parse("What has been done about the front door since the 2017 inspection?").date_to is None


def _grade_story_corpus(dated_elsewhere: bool) -> dict:
    from conftest import other_council_news

    story = ("Oldbury children's services rated inadequate\n\nOldbury's children's services have been labelled "
             "\u201cinadequate\u201d in every area by Ofsted inspectors.\n\nInspectors found that children missing "
             "from home were not always offered a return interview.")
    later = ("Oldbury Council news\n\nPublished 4 May 2018\n\nThis was the third monitoring visit since its inadequate "
             "rating in June 2016. Inspectors found managers oversee plans well.")
    docs = {"story.txt": (story, {"doc_type": "news_article", "title": "Oldbury rated inadequate",
                                  "local_authorities": ["Oldbury"]}),
            **other_council_news()}
    if dated_elsewhere:
        docs["later.txt"] = (later, {"doc_type": "council_page", "title": "Monitoring visit", "date": "2018-05-04",
                                     "local_authorities": ["Oldbury"]})
    return docs


def test_an_undated_story_of_a_grade_another_page_dates_is_shown_apart_under_that_year(tmp_path):
    from conftest import bm25_assistant_for

    assistant = bm25_assistant_for(tmp_path / "a", _grade_story_corpus(dated_elsewhere=True))
    answer = assistant.ask("oldbury 2016 return interviews missing children inadequate")
    assert not answer.abstained
    assert any("return interview" in h.passage.text and h.unconfirmed == ["date"] for h in answer.hits)
    # (no page dating the grade: the story cannot be placed in the year)
    assistant = bm25_assistant_for(tmp_path / "b", _grade_story_corpus(dated_elsewhere=False))
    answer = assistant.ask("oldbury 2016 return interviews missing children inadequate")
    assert not any("return interview" in h.passage.text for h in answer.hits)


def test_a_grade_the_question_dates_places_the_story_that_gives_it(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    story = ("\u201cGood\u201d for children's services in Oldbury\n\nToday Ofsted published its report on Oldbury. "
             "The last full inspection in 2017 was rated \u201cRequires Improvement\u201d. In giving the council a "
             "\u201cGood\u201d rating, the inspectors praised leaders.\n\nThe council leader said: \u201cI'd like to "
             "congratulate Julia Harding and her team.\u201d")
    assistant = bm25_assistant_for(tmp_path, {
        "story.txt": (story, {"doc_type": "news_article", "title": "Good for Oldbury",
                              "local_authorities": ["Oldbury"]}),
        "old.txt": ("Oldbury Council\n\nPublished 3 March 2022\n\nThe council consulted on library opening hours in "
                    "March 2022.", {"doc_type": "council_page", "title": "Libraries", "date": "2022-03-03",
                                    "local_authorities": ["Oldbury"]}),
        **other_council_news()})
    answer = assistant.ask("Oldbury got Good in 2022 - who was the director the council leader congratulated?")
    assert not answer.abstained
    assert any("Julia Harding" in h.passage.text for h in answer.hits)


def test_an_undated_story_giving_another_grade_is_about_another_inspection():
    from qa.datatypes import Document, Hit, Passage
    from qa.retrieval.assistant import other_grade_given
    from qa.retrieval.question import parse

    text = ("Ofsted has praised Oldbury's children's services following an inspection in June. The authority is "
            "graded as still requiring improvement and is no longer rated inadequate.")
    doc = Document(doc_id="r54-g", path="g.txt", title="Praise", doc_type="news_article", text=text,
                   local_authorities=["Oldbury"])
    hit = Hit(passage=Passage(passage_id="r54-g#1", doc_id="r54-g", text=text, start=0, end=len(text)),
              document=doc, score=1.0, unconfirmed=["date"])
    assert other_grade_given(hit, parse("Who led the 2016 Oldbury SIF that rated them inadequate?"))
    assert not other_grade_given(hit, parse("Who led the 2019 Oldbury inspection that rated them RI?"))
    assert not other_grade_given(hit, parse("Who led the 2016 Oldbury inspection?"))  # (no grade asked)


def test_a_pdf_page_set_in_two_columns_is_read_column_by_column():
    from qa.documents.clean import split_columns

    left = ["The director and her senior team know", "their services well and have used this",
            "knowledge to drive sustained improvement", "across the whole partnership in the area.",
            "Political and corporate leaders have kept", "children's services budgets safe despite",
            "significant financial pressures elsewhere."]
    right = ["Children at risk of exploitation are found", "quickly by the specialist team, which works",
             "alongside the police to disrupt the adults", "who exploit them. Return home interviews",
             "for children who go missing are completed", "promptly and information is shared with",
             "the police on the same working day."]
    page = "\n".join(f"{a:<50}{b}" for a, b in zip(left, right))
    read = " ".join(split_columns(page).split())
    assert "have used this knowledge to drive sustained improvement" in read
    assert "which works alongside the police" in read
    # (a table's short second column stays beside its row)
    table = "\n".join(f"{a:<50}{b}" for a, b in [("The impact of leaders on social work practice", "Good"),
                                                    ("The experiences of children who need help", "Requires "
                                                     "improvement to be good")] * 4)
    assert split_columns(table) == table


def test_a_heading_repeated_under_each_area_is_searched_with_the_area():
    from qa.datatypes import Document, Passage
    from qa.index.build import _bm25_text, repeated_headings

    doc = Document(doc_id="r54-p", path="p.docx", title="Progress update", doc_type="council_page", text="")
    passages = [Passage(passage_id=f"r54-p#{n}", doc_id="r54-p", text=text, start=0, end=len(text),
                        headings=[area, "What we have done"])
                for n, (area, text) in enumerate([("Area 1: Supervision", "A new policy was introduced."),
                                                  ("Area 2: The Front Door", "Threshold training was delivered.")])]
    once = Passage(passage_id="r54-p#3", doc_id="r54-p", text="Caseloads fell.", start=0, end=15,
                   headings=["Area 3: Workforce", "Caseloads"])
    repeated = repeated_headings(passages + [once])
    assert "Front Door" in _bm25_text(doc, passages[1], repeated)
    assert "Workforce" not in _bm25_text(doc, once, repeated)
