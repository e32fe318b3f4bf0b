"""Round 79: trust beyond the seeds (issue 10)."""
from __future__ import annotations

from datetime import date


def test_an_age_group_typed_as_a_noun_counts_children():
    from qa.retrieval.answer_type import counted_stems, states_count

    stems = counted_stems("Rutland family hubs - roughly how many under-5s were in their catchment?", ["Rutland"])
    assert "child" in stems
    assert states_count(stems, "Two family hubs serving over 4,200 children under five years old were judged weak.")
    assert "child" in counted_stems("how many under fives use the centres?")
    # (a count of something else is still that: no children asked; nor a threshold, a duration or an adult's age)
    assert "child" not in counted_stems("how many social workers left in 2023?")
    for question in ("rutland MV 2022 - how many staff on caseloads over 25?", "how many over-25s does Rutland support",
                     "how many complaints took over 20 working days", "how many care leavers over 18 are NEET"):
        assert "child" not in counted_stems(question), question


def test_a_speaker_named_after_their_post_answers_who_said_it():
    from qa.retrieval.answer_type import names_person_in_role

    said = ("“Care leavers are not always heard,” said Ofsted’s national director for social care, Alice "
            "Marchmont.")
    assert names_person_in_role("spoke", said)
    assert names_person_in_role("spoke", "said Rutland County Council's corporate director of children, young "
                                         "people and education, Sarah Hammond.")
    # (a comma after the verb's clause is no post before a name)
    assert not names_person_in_role("spoke", "The council said on Tuesday that, in total, 40 children were seen.")
    assert not names_person_in_role("spoke", "Ofsted said that since the last inspection, Early Help had improved.")
    assert not names_person_in_role("spoke", "In response to the monitoring visit in March, Early Help has been "
                                             "restructured.")


def test_a_place_set_aside_by_its_year_in_a_list_is_no_filter():
    from qa.retrieval.question import parse

    query = parse("rutland 2016 SIF (the five-week one in Feb) - did ofsted still have concerns about agency SWs? "
                  "Rutland CC only, not the Kirklees agency figures or West Northants 2022")
    assert (query.date_from, query.date_to) == (date(2016, 2, 1), date(2016, 2, 29))
    assert query.authorities == ["Rutland"]
    # (not a month, nor the time asked after "and")
    query = parse("rutland care leavers accommodation - not the 2016 SIF, and January 2023 please")
    assert (query.date_from, query.date_to) == (date(2023, 1, 1), date(2023, 1, 31))
    query = parse("Not the Kirklees agency figures, and Rutland 2022 please - what did Ofsted say about agency staff?")
    assert (query.date_from, query.authorities) == (date(2022, 1, 1), ["Rutland"])


def test_a_concern_about_a_number_is_no_count_asked():
    from qa.retrieval.answer_type import answer_type

    assert answer_type("Did Ofsted still have concerns about how many agency SWs Rutland was using?") != "count"
    assert answer_type("Were inspectors worried by how many agency SWs Rutland was using?") != "count"
    assert answer_type("How many agency social workers was Rutland using?") == "count"


def test_a_place_named_only_in_anothers_source_set_aside_is_not_asked():
    from qa.retrieval.question import parse

    query = parse("Ofsted's CSE thematic inspections in autumn 2014 - how many LAs were they going to visit? Not the "
                  "CLG Committee's Rutland release.")
    assert query.authorities == []
    # (a place's own source set aside keeps it asked)
    assert parse("Why did Rutland leave the partnership? Not Rutland's statement").authorities == ["Rutland"]
    # (nor a paper's coverage of the place: the place's own source is what is wanted)
    assert parse("what did the 2019 ILACS find on care leavers? not the Rutland Times's Rutland coverage"
                 ).authorities == ["Rutland"]
    assert parse("What did the 2022 ILACS find? Not the council's Rutland press release").authorities == ["Rutland"]


def test_an_undated_story_quoting_the_speaker_answers_who_said_it(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    story = ("Ofsted to judge care leaver services separately\n\n"
             "Ofsted will introduce a separate judgment for care leavers in council inspections from next month.\n\n"
             "“Care leavers are not always given the attention they deserve,” said Ofsted’s national director for "
             "social care, Alice Marchmont.\n")
    docs = {"story.txt": (story, {"doc_type": "news_article"}), **other_council_news()}
    answer = bm25_assistant_for(tmp_path, docs).ask(
        "who at ofsted said care leavers aren't always given the attention they deserve? and what was her job title")
    assert not answer.abstained and answer.hits[0].document.doc_id == "story"


def test_a_former_council_named_after_its_successor_is_history_not_a_subject():
    from conftest import metadata_of

    successor = ("Area SEND inspection of Cumberland Local Area Partnership\n"
                 "Inspection dates: 10 to 14 March 2025\n"
                 "Date of publication: 9 May 2025\n"
                 "Cumberland Council and the North Cumbria health partners are jointly responsible for the planning "
                 "and commissioning of services for children and young people with SEND in Cumberland.\n"
                 "Before April 2023, education and social care services for children with SEND were the "
                 "responsibility of Cumbria County Council.\n"
                 "Leaders in Cumberland know their area well and have an accurate view of what needs to improve.\n")
    assert metadata_of(successor)["local_authorities"] == ["Cumberland"]
    # (a page on the former council naming the councils that will take over from it keeps its subject)
    former = ("Cumbria County Council: inspection of children's services\n"
              "Inspection dates: 9 to 20 May 2022\n"
              "Children in Cumbria who need help and protection receive a timely response.\n"
              "Leaders in Cumbria have kept a clear focus on practice despite the pressures of reorganisation.\n"
              "From 1 April 2023, children's services will be delivered by two new unitary councils, Cumberland "
              "Council and Westmorland and Furness Council.\n")
    assert metadata_of(former)["local_authorities"] == ["Cumbria"]


def test_a_neighbouring_authority_named_after_a_comma_is_a_passing_mention():
    from conftest import metadata_of

    paper = ("Leicestershire County Council\n"
             "Children and Families Overview and Scrutiny Committee\n"
             "Ofsted monitoring visit - November 2025\n"
             "1.1 To inform the committee of the findings of the first monitoring visit to Leicestershire.\n"
             "4.7 Practice leaders from a neighbouring authority, Rutland County Council, have supported the "
             "redesign of the front door.\n")
    assert metadata_of(paper)["local_authorities"] == ["Leicestershire"]


def test_a_clipped_pages_title_closing_on_a_council_makes_it_the_councils_page(tmp_path):
    from conftest import ingested

    page = ("---\n"
            "title: \"Rutland's children's services rated outstanding by Ofsted | Rutland County Council\"\n"
            "source: \"https://www.rutland.example/news/2025/apr/childrens-services-rated-outstanding\"\n"
            "clipped: 2025-05-02\n"
            "---\n\n"
            "# Rutland's children's services rated outstanding by Ofsted\n\n"
            "**News** · Friday 25 April 2025 · Children and families\n\n"
            "![Staff at the council offices](https://www.rutland.example/media/team.jpg)\n"
            "*Staff from across children's services celebrate at the council offices in Oakham*\n\n"
            "Rutland County Council's children's services have been judged **outstanding** by Ofsted, the highest "
            "rating the watchdog can give.\n\n"
            "Inspectors spent two weeks in the county in February and March. The report, published today, rates "
            "the council outstanding overall.\n\n"
            "## What they said\n\n"
            "Councillor Jane Fairley, Cabinet Member for Children, said:\n\n"
            "> \"This is a proud day for Rutland and for every social worker who made it happen.\"\n\n"
            "Director of Children's Services Tom Hale said:\n\n"
            "> \"Inspectors saw what families tell us every day.\"\n\n"
            "Inspectors said children in care live in stable homes, often with their brothers and sisters.\n")
    assert ingested(tmp_path, "page.md", page).doc_type == "council_page"
