"""Round 67: trust beyond the seeds (issue 10)."""
from __future__ import annotations

from qa.datatypes import Document, Hit, Passage


def _hit(doc_id: str, text: str, doc_type: str = "council_page", date: str | None = "2024-03-01",
         unconfirmed: list[str] | None = None, places: tuple[str, ...] = ("Rutland",), title: str = "") -> Hit:
    doc = Document(doc_id=doc_id, path=f"{doc_id}.txt", title=title, doc_type=doc_type, text=text, date=date,
                   local_authorities=list(places))
    return Hit(passage=Passage(passage_id=f"{doc_id}#1", doc_id=doc_id, text=text, start=0, end=len(text)),
               document=doc, score=1.0, unconfirmed=unconfirmed or [])


# A community site's story: its section, month and reporter on one line under the headline.
_COMMUNITY_STORY = """Oakham Community News · local news by local people
Home · News · What's on · Contact
Could you foster? Council wants new carers for Rutland children
News · June 2024 · by Amira Holloway
Rutland County Council's fostering push kicked off at the start of June.
Councillor Jo Bell told us: "Every child in care deserves a loving home."
"""


def test_a_section_month_and_byline_line_dates_and_types_a_story():
    from conftest import metadata_of

    meta = metadata_of(_COMMUNITY_STORY)
    assert meta["doc_type"] == "news_article"
    assert meta["date"][:7] == "2024-06"
    # (the paper's own team writes news too; a council's office does not make it a story)
    team = _COMMUNITY_STORY.replace("by Amira Holloway", "by the Oakham Voice team")
    assert metadata_of(team)["date"][:7] == "2024-06"
    office = metadata_of(_COMMUNITY_STORY.replace("by Amira Holloway", "by the Communications Team")
                         .replace("told us", "said"))
    assert office["date"][:7] == "2024-06"


def test_a_tables_header_row_is_no_heading():
    from qa.documents.clean import _heading_like

    assert not _heading_like("Requirement | Due date")
    assert _heading_like("Statutory requirements")


def test_a_flattened_letters_address_block_counts_as_its_opening():
    from qa.retrieval.rank import scope_share

    opening = ("2 Rivergate Temple Quay Bristol BS1 6EH www.ofsted.gov.uk 05 March 2019 Ms Jo Bell Chief Officer for "
               "Children's Services County Hall Oakham Rutland LE15 6HP Send via email Dear Jo, Thank you for "
               "meeting with us. You told us that frontline practice is still variable.")
    assert scope_share(opening) > 0.5
    # (a paragraph naming a postcode and greeting nobody is no letter's opening)
    assert scope_share("The council's office at LE15 6HP was closed. Dear readers will remember the flood.") == 0.0


def test_an_office_asked_beside_a_date_favours_a_passage_naming_its_holder():
    from qa.retrieval.answer_type import SECOND_FACT_BOOST, second_fact_weight

    question = "When did Rutland launch its fostering campaign, and which cabinet member fronted it?"
    named = "Councillor Jo Bell, Cabinet Member for Children and Young People, said: \"We want to hear from you.\""
    assert second_fact_weight(question, "date", named) == SECOND_FACT_BOOST
    assert second_fact_weight(question, "date", "The campaign launches today with radio adverts.") == 1.0
    # (not asked: no boost for a councillor named)
    assert second_fact_weight("When did Rutland launch its fostering campaign?", "date", named) == 1.0


def test_a_childrens_home_asked_is_not_answered_by_a_schools_report():
    from qa.retrieval.assistant import states_asked_fact
    from qa.retrieval.question import parse

    query = parse("The Rutland children's home that Ofsted judged outstanding in 2024 - what did the inspector say "
                  "about staff training?")
    school = _hit("school", "What is it like to attend this school? Pupils are happy at Oakham Primary School. "
                            "Unique reference number: 120456. Staff receive regular training.", "ofsted_report",
                  "2024-04-16")
    assert not states_asked_fact(query, [school])
    home = _hit("home", "Children's home inspection - Full. Unique reference number: SC123456. Staff receive "
                        "regular training. Leadership and management: outstanding.", "ofsted_report", "2024-05-01")
    assert states_asked_fact(query, [school, home])


def test_a_childrens_service_asked_of_a_body_that_rated_an_adult_care_home():
    from qa.retrieval.assistant import asks_other_service
    from qa.retrieval.question import parse

    query = parse("What rating did the CQC give Rutland County Council's fostering service?")
    care_home = _hit("cqc", "Care Quality Commission. Oakham Court. Provided and run by: Rutland County Council. "
                            "Specialisms/services: Caring for adults over 65 yrs, Dementia. Overall rating: Good.",
                     "other")
    assert asks_other_service(query, [care_home])
    # (a page on the council's children's services is not another service)
    children = _hit("cqc2", "Care Quality Commission review of health services for children looked after in "
                            "Rutland. Older people were not part of it.", "other")
    assert not asks_other_service(query, [children])


def test_a_kind_of_visit_that_has_not_yet_happened_has_no_findings():
    from qa.retrieval.assistant import states_asked_fact, visit_kind_awaited
    from qa.retrieval.question import parse

    query = parse("oakham house - what did ofsted find at the 2024 monitoring visit after the RI judgement?")
    paper = _hit("paper", "6. Ofsted may return to the home for a monitoring visit or bring forward its next full "
                          "inspection. No monitoring visit had taken place at the time this report was written.",
                 date="2024-01-22")
    assert visit_kind_awaited(query, [paper]) and not states_asked_fact(query, [paper])
    letter = _hit("letter", "This letter summarises the findings of the monitoring visit to Oakham House on 3 April "
                            "2024. Inspectors found that plans are updated after every missing episode.",
                  "ofsted_letter", "2024-04-20")
    assert not visit_kind_awaited(query, [paper, letter])
    # (a guide to such visits, its date unknown, is not the visit asked)
    guide = _hit("guide", "Monitoring visits: inspectors may carry out a monitoring visit to any home judged "
                          "requires improvement.", "other", None, ["date"])
    assert visit_kind_awaited(query, [paper, guide])


def test_an_undated_passage_telling_only_of_the_year_set_aside_is_not_shown():
    from qa.retrieval.assistant import passage_on_year_set_aside
    from qa.retrieval.question import parse

    query = parse("Rutland's March 2023 ILACS - how well were disabled children's needs met? 2023 only, not the "
                  "2025 MV.")
    later = _hit("later", "A monitoring inspection took place in March 2025, and caseloads in the disabled "
                          "children's team have halved.", "news_article", None, ["date"])
    assert passage_on_year_set_aside(later, query)
    both = _hit("both", "In 2023 inspectors found needs were not met; by 2025 the team had improved.",
                "news_article", None, ["date"])
    assert not passage_on_year_set_aside(both, query)
    assert not passage_on_year_set_aside(later, parse("Rutland's March 2023 ILACS - disabled children?"))
    # (the month set aside, named without its year)
    query = parse("rutland 2-day mv dec 2018 - anything on privately fostered children? that visit, not the june "
                  "2019 inspection")
    june = _hit("june", "The new report, which followed an inspection on June 10 and 21, says some social workers "
                        "face challenging caseloads.", "news_article", None, ["date"])
    assert passage_on_year_set_aside(june, query)
    december = _hit("dec", "After a two-day visit in December, inspectors said children are safe.", "news_article",
                    None, ["date"])
    assert not passage_on_year_set_aside(december, query)


def test_a_places_letter_asked_for_is_ofsteds():
    from qa.retrieval.question import parse

    query = parse("Rutland's 2025 care leavers focused visit - what needed improving? Rutland's letter please, not "
                  "the Oakham one from 2022.")
    assert query.source == "ofsted" and query.source_named  # (Ofsted's own words, not a story on them)
    assert not parse("Rutland's 2025 care leavers focused visit - what needed improving?").source_named
    # (the council's own letter is the council's)
    assert parse("Rutland 2025 focused visit - the council's letter please").source != "ofsted"


def test_a_focused_visits_letter_is_another_event_than_the_full_inspection_asked():
    from qa.retrieval.question import parse
    from qa.retrieval.rank import prior

    query = parse("Who led the Rutland ILACS, and when were inspectors actually on site?")
    focused = Document(doc_id="fv", path="fv.txt", title="Focused visit to Rutland County Council children's services",
                       doc_type="ofsted_letter", text="This letter summarises the findings of the focused visit to "
                       "Rutland.", date="2025-03-13", local_authorities=["Rutland"])
    report = Document(doc_id="ilacs", path="ilacs.txt", title="Rutland: inspection of local authority children's "
                      "services", doc_type="ofsted_report", text="Inspection dates: 27 November to 8 December 2023. "
                      "Lead inspector: Jo Bell.", date="2024-01-26", local_authorities=["Rutland"])
    assert prior(focused, query, None) < 0.5 * prior(report, query, None)
    # (asked for, it weighs as before)
    asked = parse("Who led the Rutland focused visit?")
    assert prior(focused, asked, None) >= prior(report, asked, None) * 0.9


def test_a_town_before_a_visit_of_so_many_days_is_the_council():
    from qa.documents.gazetteer import find_in_question

    assert find_in_question("huddersfield 2-day mv dec 18 - were kids safe? the letter's own words please") \
        == ["Kirklees"]
    # (a town opening a question with no visit after it still needs its cue)
    assert find_in_question("huddersfield town hall opening hours - what are they and who runs the building?") == []


def test_a_claim_that_calls_the_visit_something_else_is_neither_a_source_nor_the_visit():
    from qa.retrieval.question import parse

    query = parse("Who led Ofsted's third monitoring visit to Rutland, and on which days were inspectors on site? The "
                  "Courier calls it the second visit.")
    assert query.visit_number == 3 and query.source == "ofsted"
    assert "Courier" not in query.names


def test_related_headlines_that_ask_a_question_go_as_furniture():
    from qa.datatypes import Block
    from qa.documents.clean import clean_blocks

    blocks = [Block("heading", "Rutland JTAI finds gaps"),
              Block("para", "Inspectors found that return home interviews were offered late in Rutland, and that "
                            "the police did not always tell the council when a child placed there from elsewhere went "
                            "missing, so nobody knew how long children had been away."),
              Block("heading", "Related articles"),
              Block("item", "Exploitation panels: are they disrupting anyone?"),
              Block("item", "CQC adult social care assessments: the first 40 ratings analysed"),
              Block("item", "Staying safe after 18: transition plans for exploited young people")]
    kept = [b.text for b in clean_blocks(blocks, {})]
    assert kept[:2] == [blocks[0].text, blocks[1].text]
    assert not any("ratings analysed" in t for t in kept)
    # (a bulletin that is only such a list is kept: it is the page)
    bulletin = [Block("heading", "Latest news")] + blocks[3:]
    assert len(clean_blocks(bulletin, {})) == 4
    # (a list of findings ending in full stops stays, whatever its heading)
    findings = blocks[:3] + [Block("item", "Plans are reviewed on time."), Block("item", "Leaders know the gaps.")]
    assert "Leaders know the gaps." in [b.text for b in clean_blocks(findings, {})]


def test_the_reviewers_counter_examples_keep_their_old_reading():
    from conftest import metadata_of
    from qa.documents.clean import _heading_like
    from qa.documents.gazetteer import find_in_question
    from qa.retrieval.answer_type import SECOND_FACT_BOOST, report_of_asked_kind, second_fact_weight
    from qa.retrieval.assistant import asks_other_service, passage_on_year_set_aside, visit_kind_awaited
    from qa.retrieval.question import parse
    from qa.retrieval.rank import prior, scope_share

    # a story on the visit that closes on the next one; a kind of visit set aside
    query = parse("What did Ofsted find at the 2024 monitoring visit to Rutland?")
    story = _hit("story", "Inspectors found that caseloads had fallen at the monitoring visit in May. Ofsted will "
                          "return for a second monitoring visit in the autumn.", "news_article", "2024-06-01")
    assert not visit_kind_awaited(query, [story])
    paper = _hit("paper", "Ofsted may return to the home for a monitoring visit. No monitoring visit has yet taken "
                          "place.", date="2024-02-01")
    assert not visit_kind_awaited(parse("What did the 2024 ILACS of Rutland find, not the monitoring visits?"),
                                  [paper])
    # a year recalled as a baseline or still to come, a month that dates no visit, a dated page
    query = parse("Rutland's March 2024 ILACS - what about caseloads? Not the 2023 MV, nor the June 2023 one.")
    for text in ("Caseloads have improved since 2023.", "Caseloads improved since it was judged inadequate in 2023.",
                 "A further monitoring visit is expected in 2023.", "The improvement board met in June."):
        assert not passage_on_year_set_aside(_hit("u", text, "news_article", None, ["date"]), query), text
    dated = _hit("d", "A monitoring visit took place in 2023.", "news_article", "2024-03-20", ["authority"])
    assert not passage_on_year_set_aside(dated, query)
    # "the 2023 inspection" may be a focused visit
    focused = Document(doc_id="fv", path="fv.txt", title="Focused visit to Rutland County Council children's services",
                       doc_type="ofsted_letter", text="This letter summarises the findings of the focused visit.",
                       date="2023-03-13", local_authorities=["Rutland"])
    assert prior(focused, parse("Rutland 2023 inspection - what did Ofsted find about the front door?"), None) > 0.8
    # a council's post signed by its cabinet member is no story
    signed = _COMMUNITY_STORY.replace("Oakham Community News · local news by local people", "Rutland County Council") \
        .replace("by Amira Holloway", "by Councillor Jo Bell").replace("told us", "said")
    assert metadata_of(signed)["doc_type"] != "news_article"
    # an office holder's letter, a surname, a policy's adoption
    for text in ("The Secretary of State's letter please: what did it say about Rutland?",
                 "The MP's letter please: what did it say about Rutland?"):
        assert not parse(text).source_named, text
    cqc = _hit("cqc", "Care Quality Commission. Oakham Court. Caring for adults over 65 yrs. Overall rating: Good.",
               "other")
    assert not asks_other_service(parse("What did the CQC say about Jo Foster's care home in Rutland?"), [cqc])
    assert not asks_other_service(parse("What did the CQC say about Rutland's adoption of a falls policy?"), [cqc])
    # a home's report mentions school; a school's may mention children's homes
    home = "Children's home inspection - Full. Registered manager: Jo Bell. Children attend school every day."
    school = "What is it like to attend this school? Pupils from local children's homes are well supported."
    assert report_of_asked_kind("the Rutland children's home Ofsted judged good", home)
    assert not report_of_asked_kind("the Rutland children's home Ofsted judged good", school)
    assert report_of_asked_kind("the Rutland school Ofsted judged good", school)
    # a claim that points to a source's page keeps its year; one that calls the visit something else does not count
    assert parse("What did Rutland's 2019 report say about caseloads? The 2019 report has it on the front page."
                 ).date_from.year == 2019
    assert parse("Who led the third monitoring visit to Rutland? The Courier refers to it as the second visit."
                 ).visit_number == 3
    # a verb opening the question; a visit of two days written out
    assert find_in_question("Reading 2-day monitoring visit letters, what did inspectors find in Leeds?") == ["Leeds"]
    assert find_in_question("huddersfield two day mv dec 18 - were kids safe? the letter please") == ["Kirklees"]
    # a standard letter's salutation without a comma
    assert scope_share("County Hall Oakham Rutland LE15 6HP Dear Ms Bell Monitoring visit to Rutland children's "
                       "services This letter summarises the findings.") > 0.4
    # a page's title naming its place stays a heading
    assert _heading_like("Council news | Rutland") and not _heading_like("| Requirement | Due date |")
    # a director of another body; a lead member is a cabinet member
    asked = "When was the plan announced, and which director announced it?"
    assert second_fact_weight(asked, "date", "Ofsted's National Director Jo Bell said the plan was welcome.") == 1.0
    assert second_fact_weight("When did Rutland launch it, and which cabinet member fronted it?", "date",
                              "Councillor Jo Bell, Lead Member for Children, said: \"We want you.\"") \
        == SECOND_FACT_BOOST


def test_a_month_with_its_year_in_brackets_is_that_month():
    from qa.retrieval.question import parse

    query = parse("who was the lead HMI on the rutland inspection last June (2019), and which days were inspectors in?")
    assert (query.date_from.isoformat(), query.date_to.isoformat()) == ("2019-06-01", "2019-06-30")
    # (a year in brackets after no month is left as it was)
    assert parse("What did the Rutland inspection (2019) say about caseloads?").date_from.isoformat() == "2019-01-01"
