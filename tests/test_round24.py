"""Failure classes found by the twenty-fourth round's development sets (v77, v78 questions on the wider pages;
set78 invented files, set79 invented full-length reports); invented fixtures."""
from qa.answers.contract import answer_to_dict
from test_round23 import OTHER_COUNCILS_NEWS


def test_special_guardianship_asked_about_is_named_by_its_holders_too(tmp_path):
    from conftest import bm25_assistant_for

    docs = {
        "rutland.txt": ("Rutland children's services make steady progress, says Ofsted\n\nThis was the fifth "
                        "monitoring visit. Assessments of family members as special guardians are increasingly "
                        "timely, and permanence is considered earlier for looked after children.", {}),
        "kent.txt": ("Kent County Council monitoring visit\n\nInspectors found that the front door responds "
                     "promptly, and that supervision is regular.", {}),
        **OTHER_COUNCILS_NEWS,
    }
    assistant = bm25_assistant_for(tmp_path, docs)
    answer = assistant.ask("On Rutland's fifth monitoring visit, what did inspectors say about special "
                           "guardianship assessments?")
    assert not answer.abstained
    assert answer.hits[0].document.path.endswith("rutland.txt")
    # a page naming neither the order nor its holders still does not report on it
    answer = assistant.ask("What did inspectors say about special guardianship in Kent?")
    assert answer.abstained and "special guardianship" in answer.message
    from qa.retrieval.question import specialist_service

    _, phrase = specialist_service("unaccompanied asylum-seeking")
    assert phrase.search("unaccompanied children arriving at the port")
    assert not phrase.search("children were unaccompanied by a social worker at the meeting")


def test_an_undated_page_is_compared_under_one_period_only(tmp_path):
    from conftest import bm25_assistant_for

    docs = {
        "story.txt": ("Rutland children's services improving, says Ofsted\n\nIn her 2018 letter the inspector wrote "
                      "that there has been a significant improvement in the initial response to children who need "
                      "help and protection since the last monitoring visit in November 2017.", {}),
        "other.txt": ("Rutland children's services blog\n\nOur response to children who need help and protection "
                      "keeps improving, say our managers.", {}),
    }
    assistant = bm25_assistant_for(tmp_path, docs)
    data = answer_to_dict(assistant.ask("compare the initial response to children who need help and protection in "
                                        "Rutland in 2017 and 2018"))
    blocks = {b["period"]: [p["rank"] for p in b["points"]] for b in data["timeline"]["blocks"]}
    by_rank = {p["rank"]: p for p in data["passages"]}
    files = {period: [by_rank[r]["source"].rsplit("/", 1)[-1] for r in ranks] for period, ranks in blocks.items()}
    # the story names 2018 last: it is shown under 2018 alone; the blog names no year and is placed under neither
    assert files == {"2017": [], "2018": ["story.txt"]}
