"""Failure classes found by the thirtieth round's development sets (v92 questions on the wider pages; set104
invented files, set105 invented full-length reports); invented fixtures."""
from conftest import ingested as _ingested

REVIEWED_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Inspectors praise Rutland's work with families | Rutland County Council</title>
<meta name="last-modified" content="2022-06-14">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Inspectors praise Rutland's work with families","datePublished":"2020-02-11","dateModified":"2022-06-14"}
</script></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><h1>Inspectors praise Rutland's work with families</h1>
<p class="published">Published: 11th Feb 2020</p>
<p>Ofsted inspectors who visited Rutland's children's services in January found that social workers know the
children they work with well and that plans for children in need are reviewed regularly.</p>
<p>The letter asked the council to make sure that records of visits to children are always kept up to date, and
that managers' decisions are written down on children's files.</p>
<p class="review-date">Page last reviewed: 14 June 2022</p>
</main></body></html>"""


def test_a_pages_last_reviewed_date_is_not_its_publication(tmp_path):
    doc = _ingested(tmp_path, "release.html", REVIEWED_PAGE)
    assert doc.date == "2020-02-11"


LETTER_BLOCKS = ["Ofsted\nPiccadilly Gate\nManchester M1 2WD", "25 February 2020",
                 "Ms Ann Smith\nDirector of Children's Services\nRutland County Council", "Dear Ann",
                 "Monitoring visit to Rutland children's services",
                 "This letter summarises the findings of the monitoring visit to Rutland children's services on 28 "
                 "and 29 January 2020. The visit was the fourth monitoring visit since the local authority was judged "
                 "inadequate.", "Yours sincerely", "Jo Bell\nHer Majesty's Inspector"]


def test_an_ofsted_letter_filed_in_a_committee_pack_keeps_its_own_date():
    from qa.datatypes import Block
    from qa.documents.metadata import infer_date

    blocks = [Block("para", text) for text in LETTER_BLOCKS]
    hints = {"page_furniture": "Corporate Parenting Committee – 12 March 2020 – Appendix B"}
    assert infer_date(blocks, hints, doc_type="ofsted_letter")[0] == "2020-02-25"
    # a council's own paper is still dated by its meeting's running header
    paper = [Block("para", "Report of the Director of Children's Services"),
             Block("para", "1. Purpose: to tell the committee what the fourth monitoring visit found.")]
    assert infer_date(paper, hints, doc_type="council_page")[0] == "2020-03-12"


HOME_REPORT = """Ofsted
Children's home monitoring visit report
Unique reference number: SC123456
Registered provider: Larkfield Care Limited
Registered provider address: Unit 2, Meadow Business Park, Mill Road, Hertfordshire
Registered manager: Post vacant
Visit date: 3 May 2022
Larkfield House is a privately owned children's home in the London Borough of Enfield. It provides care for up to
four children with social and emotional difficulties.
The children living at the home have been placed by several local authorities, including authorities in Kent and
Essex. Staff know the children well, but records of incidents are not always completed on time."""


def test_a_providers_address_and_councils_placing_children_are_not_what_a_report_is_about(tmp_path):
    from qa.documents.gazetteer import find_in_text

    address = next(m for m in find_in_text(HOME_REPORT) if m.name == "Hertfordshire")
    assert address.address
    doc = _ingested(tmp_path, "home.txt", HOME_REPORT)
    assert doc.local_authorities == ["Enfield"]


def test_questions_about_a_meeting_an_unwritten_acronym_and_a_visit_to_a_council():
    from qa.retrieval.acronyms import FIELD_GLOSSARY, expand
    from qa.retrieval.answer_type import asks_council_services
    from qa.retrieval.question import parse

    assert parse("When did Rutland's scrutiny panel discuss the Ofsted focused visit, and who presented the report "
                 "to members?").source == "council"
    assert "not in education, employment or training" in expand("rutland care leavers neet", FIELD_GLOSSARY)
    # a visit to a council (not to a home): its services, even asking about return home interviews
    assert asks_council_services("What did Ofsted's second monitoring visit to Rutland find about return home "
                                 "interviews?")
    assert not asks_council_services("What did Ofsted's second monitoring visit to the home find about staffing?")
    assert not asks_council_services("What did inspectors find about children's homes in Rutland's children's services?")


def test_leaving_inadequate_is_no_fault_and_areas_requiring_further_improvement_are():
    from qa.retrieval.rank import PRAISE_ONLY_PENALTY, fault_weight

    question = "What concerns did Ofsted raise about Rutland's children's services in 2016?"
    assert fault_weight("Children's services in Rutland have improved and are no longer rated inadequate.",
                        question) == PRAISE_ONLY_PENALTY
    assert fault_weight("The report praises progress but highlights some areas which require further improvement, "
                        "such as the quality of assessments.", question) == 1.0


def test_a_scene_naming_a_rating_an_as_at_month_a_labelled_inspector_and_which_inspectors_did_it():
    from qa.retrieval.answer_type import answer_type, who_verb_weight
    from qa.retrieval.rank import OTHER_MONTH_PENALTY, month_weight, prose_weight

    # "At the inspection that rated X inadequate, why ...?" asks a reason, not a judgement
    assert answer_type("At the 2023 inspection that rated Rutland inadequate, why weren't disabled children's needs "
                       "being met?") is None
    assert answer_type("At the 2023 inspection, what grade did Rutland get?") == "judgement"
    # the day a figure was counted is no other event than the meeting asked about
    assert month_weight(frozenset({9}), "17 care leavers were in unsuitable homes at the end of August.") == 1.0
    assert month_weight(frozenset({9}), "As at 31 August, 17 care leavers were in unsuitable homes.") == 1.0
    assert month_weight(frozenset({9}), "The visit took place in August.") == OTHER_MONTH_PENALTY
    # a report's details table names its lead inspector: no running prose, still the answer
    table = "Rutland County Council\nInspection dates: 8 to 19 November 2021\nLead inspector: Jo Bell, HMI\nGood"
    assert prose_weight(table, "person") == 1.0 and prose_weight(table, None) < 1.0
    # "Which inspectors carried out ...?" asks who did the deed, as "Who carried out ...?" does
    said = "The visit was carried out by Her Majesty's Inspectors Jo Bell and Sam Lee."
    assert who_verb_weight("Which inspectors carried out the focused visit to Rutland?", said) > 1.0
    assert who_verb_weight("What did inspectors say about the focused visit to Rutland?", said) == 1.0


def test_review_council_papers_provider_visits_month_ends_faults_glossary_and_who_did_it():
    """The review's findings: each rule above read too much (or too little) on plausible inputs."""
    from qa.retrieval.acronyms import FIELD_GLOSSARY, acronym_weight, asked_acronyms, expand
    from qa.retrieval.answer_type import answer_type, asks_council_services, who_verb_weight
    from qa.retrieval.question import parse
    from qa.retrieval.rank import OTHER_MONTH_PENALTY, PRAISE_ONLY_PENALTY, fault_weight, month_weight, prose_weight

    # a panel or members in an Ofsted question are not the council's papers asked for
    for question in ("Did the Ofsted letter say the fostering panel considered matches quickly enough in Rutland?",
                     "How do staff members discuss risks with managers, according to Ofsted's 2019 letter to Rutland?",
                     "What did inspectors say about children's access to councillors in Rutland?"):
        assert parse(question).source == "ofsted", question
    # a visit to a named home (or a home a question calls so) is the provider's; "returned home" is no home
    assert not asks_council_services("What did Ofsted's monitoring visit to Larkfield House find about incidents?")
    assert not asks_council_services("What did the monitoring visit to Oakwood Lodge in Enfield find?")
    assert asks_council_services("What did Ofsted find about children who returned home in Rutland's children's "
                                 "services?")
    # the end of a month after a figure is when it was counted; a visit at the end of a month is that month's
    assert month_weight(frozenset({9}), "The monitoring visit took place at the end of August.") == OTHER_MONTH_PENALTY
    assert month_weight(frozenset({9}), "Inspectors visited Rutland at the end of August 2019.") == OTHER_MONTH_PENALTY
    # improvement made is praise; improvement still needed is a fault
    question = "What concerns did Ofsted raise about Rutland's children's services in 2016?"
    for praise in ("Inspectors praised the many areas that have improved, including strong leadership.",
                   "Inspectors highlighted areas of significant improvement, and praised strong leadership.",
                   "The service has improved and no longer requires further improvement in help and protection."):
        assert fault_weight(praise, question) == PRAISE_ONLY_PENALTY, praise
    # a long form written in another order is no missing term; a company's CIC is no child in care
    assert acronym_weight(asked_acronyms(["NEET"], FIELD_GLOSSARY),
                          "Too many care leavers are not in employment, education or training.") == 1.0
    assert expand("What did Ofsted find at Larkfield Care CIC's home?", FIELD_GLOSSARY).endswith("home?")
    # "what inspectors said" asks what, not who; a headline is no labelled inspector
    council = "Councillor Jo Bell, cabinet member for children, said she was disappointed."
    assert who_verb_weight("What inspectors said about Rutland's care leavers in 2019", council) == 1.0
    assert prose_weight("Inspectors: Rutland children's services still failing\nThe council has improved.",
                        "person") < 1.0
    assert prose_weight("LEAD SOCIAL CARE INSPECTOR: Jo Bell, HMI\nGood", "person") == 1.0
    assert answer_type("At the 2023 inspection, which rated Rutland inadequate, why were plans weak?") is None


def test_review_reviewed_dates_in_other_layouts_and_a_labelled_committee_header(tmp_path):
    from qa.datatypes import Block
    from qa.documents.gazetteer import find_in_text
    from qa.documents.metadata import infer_date

    undated = REVIEWED_PAGE.replace('<p class="published">Published: 11th Feb 2020</p>', "")
    for review in ('<div class="review-date"><p>Page last reviewed: <time datetime="2022-06-14">14 June 2022</time>'
                   '</p></div>', '<p class="page-meta">Page last reviewed: 14 June 2022</p>'):
        page = undated.replace('<p class="review-date">Page last reviewed: 14 June 2022</p>', review)
        assert _ingested(tmp_path, "page.html", page).date == "2020-02-11"  # its JSON-LD datePublished
    blocks = [Block("para", text) for text in LETTER_BLOCKS]
    for header in ("Corporate Parenting Committee | Date of meeting: 12 March 2020 | Appendix B",
                   "Children's Scrutiny Panel   Meeting date: 12 March 2020   Item 6"):
        assert infer_date(blocks, {"page_furniture": header}, doc_type="ofsted_letter")[0] == "2020-02-25"
        # without its date line, the letter is no later than the meeting it went to (said with little confidence)
        assert infer_date(blocks[2:], {"page_furniture": header}, doc_type="ofsted_letter") == ("2020-03-12", 0.4)
    assert not [m for m in find_in_text("Priorities the council must address: work with Rutland") if m.address]


def test_read_after_the_held_out_reading_a_story_named_as_the_source_a_grades_year_and_a_building():
    """Held-out v93 asked "somerset ofsted rated good 2022 progress since 2017 inspection"; set107 asked what the
    director said "in the trade-press feature"; set106's letterhead had "Suite 2, Cornwall Court"."""
    from datetime import date

    from qa.documents.gazetteer import find_in_text
    from qa.retrieval.question import parse, parse_time

    assert parse_time("rutland ofsted rated good 2022 progress since 2017 inspection")[:3] == \
        (date(2022, 1, 1), date(2022, 12, 31), "2022")
    assert parse_time("What did Ofsted say about progress since 2017 when it rated Rutland good in 2022?")[0] == \
        date(2022, 1, 1)
    assert parse_time("What changed since its 2015 inspection, after a new director was appointed in 2016?")[:2] == \
        (date(2015, 1, 1), None)
    question = parse("In the trade-press feature on Rutland's improvement, what did the director say about recruiting?")
    assert question.source == "news" and question.doc_types == ["news_article"]
    assert parse("I want the local news story on Rutland's 2015 rating, not the Ofsted report").source == "news"
    letterhead = "Ofsted\nMidlands Region\nSuite 2, Cornwall Court\nBirmingham B3 2DX\n\nRutland County Council"
    assert "Cornwall" not in {m.name for m in find_in_text(letterhead)}


def test_a_page_of_single_letters_is_skipped_with_its_reason(tmp_path):
    import pytest

    from qa.documents.convert import ConversionError

    letters = "".join(f"<li>{'abcdefghij'[n % 10]}</li>" for n in range(600))
    with pytest.raises(ConversionError, match="no readable text"):
        _ingested(tmp_path, "list.html", f"<html><body><ul>{letters}</ul></body></html>")
    # a table of figures with its labels is still a document
    rows = "\n".join(f"Care leavers in touch, quarter {n}: {n * 7}% of {n + 300}" for n in range(1, 60))
    (tmp_path / "t").mkdir()
    assert _ingested(tmp_path / "t", "figures.txt", rows).text
