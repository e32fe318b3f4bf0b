"""Failure classes found by the thirty-sixth round's development sets (v104 questions on the wider pages; set129
invented files, set130 invented full-length reports); invented fixtures."""
from conftest import bm25_assistant_for, other_council_news

from qa.retrieval.question import parse

STORY = ("Rutland children's services keep improving, says Ofsted\n\n"
         "Ofsted made its fifth monitoring visit since the 2021 inadequate judgement to Rutland County Council's "
         "children's services in September. The fifth monitoring visit looked at children in need and child "
         "protection plans, and inspectors said the council was improving since the inadequate judgement.\n\n"
         "Inspectors found the council had been determined in recruiting social workers, although some teams still "
         "rely on agency staff while recruitment goes on.\n\n"
         "The council's cabinet member said the findings were encouraging.")


def test_the_sentence_that_asks_leads_keyword_search_over_the_scene_before_it(tmp_path):
    question = ("Ofsted made its fifth monitoring visit to Rutland in September, the fifth since the 2021 inadequate "
                "judgement. What did inspectors say about the council's recruitment of social workers?")
    q = parse(question)
    words = q.keyword_text.lower().split()
    assert words.count("recruitment") == 2 and words.count("september") <= 1
    assistant = bm25_assistant_for(tmp_path, {
        "story.txt": (STORY, {"doc_type": "news_article", "title": "Rutland keeps improving",
                              "local_authorities": ["Rutland"], "date": "2024-10-20"}), **other_council_news()},
        max_words=45, min_words=10)
    assert "determined in recruiting social workers" in assistant.ask(question).hits[0].passage.text
