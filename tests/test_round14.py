"""Failure classes found by the fourteenth round's sets (v34 questions, set32 invented files, and the pooled
development misses), on invented fixtures."""
from conftest import bm25_assistant_for

from qa.answers.contract import answer_to_dict
from qa.datatypes import Block

REPORT_AND_STORY = {
    "report.txt": ("Inspection of Rutland children's services\n\nChildren's services in Rutland are inadequate. "
                   "Inspectors found that children wait too long for assessments and plans are weak. Councillors "
                   "want leaders held to account for the failings in the inadequate report.",
                   {"doc_type": "ofsted_report", "date": "2015-05-20", "local_authorities": ["Rutland"],
                    "title": "Inspection of Rutland"}),
    "story.txt": ("Greens call for councillors to answer for Ofsted report\n\nThe Greens want Councillor Jo Bell, "
                  "cabinet member for children, held to account for the failings in the inadequate Ofsted report on "
                  "Rutland. Services were last judged adequate in 2012.",
                  {"doc_type": "news_article", "local_authorities": ["Rutland"], "title": "Greens call"}),
    **{f"update{n}.txt": (f"Rutland update {n}\n\nFoster carer recruitment in Rutland rose by {n} families.",
                          {"doc_type": "council_page", "date": f"201{n}-02-01", "local_authorities": ["Rutland"],
                           "title": f"Update {n}"}) for n in (0, 1, 2, 3, 4, 6, 7, 8, 9)},
}


def test_a_who_question_the_years_report_cannot_answer_takes_an_undated_story_recalling_the_years_before(tmp_path):
    a = bm25_assistant_for(tmp_path, REPORT_AND_STORY)
    data = answer_to_dict(a.ask("Which Rutland councillors did the Greens want held to account after the 2015 "
                                "inadequate report?"))
    assert not data["abstained"]
    first = data["passages"][0]
    assert first["doc_id"] == "story" and first["unconfirmed"] == ["date"]  # shown apart, labelled
    assert "date is not stated" in data["filters_description"]
    # the report answers a question about its findings: the undated story is not added beside it
    found = answer_to_dict(a.ask("What did the 2015 Rutland report find about assessments?"))
    assert {p["doc_id"] for p in found["passages"]} == {"report"}
