"""Failure classes found by the thirty-first round's development sets (v94 questions on the wider pages; set108
invented files, set109 invented full-length reports); invented fixtures."""
from conftest import bm25_assistant_for, ingested as _ingested

ROUND_UP = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Inspection round-up: spring letters | Care Practice Weekly</title></head><body>
<main><h1>Inspection round-up: spring letters</h1>
<p>Our regular guide to what Ofsted's letters and reports on council children's services found this spring, region
by region.</p>
<h2>Rutland</h2>
<p>A focused visit found that care leavers in the county were well supported by personal advisers who know them
well, but that some young people had waited months for a tenancy of their own.</p>
<h2>Wiltshire</h2>
<p>Inspectors making the third monitoring visit since the council was judged inadequate found steady progress at
the front door, although too many children still experienced changes of social worker during the year.</p>
<h2>Luton</h2>
<p>The council's social workers told inspectors they had manageable caseloads, and leaders were praised for a
stable workforce that had halved its reliance on agency staff over two years of recruitment.</p>
<p>Letters to Torbay and Plymouth were also published during the period and will be covered next month.</p>
</main></body></html>"""


def test_a_round_ups_sections_name_its_councils_and_number_no_visit(tmp_path):
    doc = _ingested(tmp_path, "roundup.html", ROUND_UP)
    assert set(doc.local_authorities) == {"Rutland", "Wiltshire", "Luton"}
    assert doc.visit_number is None  # (the third visit is Wiltshire's, not the round-up's)


MINUTES = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Minutes: Children's Scrutiny Committee | Rutland County Council</title></head><body>
<main><h1>Minutes: Children's Scrutiny Committee</h1>
<p>Meeting of Children's Scrutiny Committee, Wednesday, 13th November, 2024 10.30 am</p>
<p>Venue: Council Chamber, Catmose, Oakham</p>
<p>Minutes published: Thursday, 21 November, 2024</p>
<p>Status of minutes: Draft. These minutes will be submitted for approval at the meeting on 22 January 2025.</p>
<p>45. Ofsted focused visit to children's services. The Committee considered a report by the Director of
Children's Services on the focused visit in September, which looked at children in care. Members asked about the
number of children placed more than twenty miles from the county.</p>
</main></body></html>"""


def test_minutes_are_dated_by_their_own_publication_line(tmp_path):
    doc = _ingested(tmp_path, "minutes.html", MINUTES)
    assert doc.date == "2024-11-21"


CQC_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Care Quality Commission publishes assessment of adult social care | Rutland County Council</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/bins">Bins and recycling</a></nav>
<main><h1>Care Quality Commission publishes assessment of adult social care</h1>
<p>Posted on 14 February 2025</p>
<p>The Care Quality Commission (CQC) has today published its assessment of how Rutland County Council meets its
duties under the Care Act 2014, rating the council's adult social care as requires improvement.</p>
<p>The CQC found that staff in adult social care were caring and committed, and that partnership working with the
NHS was strong. People waiting for an assessment sometimes waited longer than six months.</p>
</main></body></html>"""


def test_a_councils_own_page_about_another_regulator_is_its_page(tmp_path):
    doc = _ingested(tmp_path, "cqc.html", CQC_PAGE)
    assert doc.doc_type == "council_page"


THEMATIC = ("Ofsted thematic inspection of child sexual exploitation. We plan to visit eight local authorities "
            "across the country during September and October 2014. These thematic inspections are being carried "
            "out with limited notice. Inspectors will look at how local authorities protect children at risk of "
            "child sexual exploitation.")
CSE_STORY = ("Rutland's response to child sexual exploitation was praised by inspectors in 2014. The council's "
             "exploitation team works with the police to protect children at risk of child sexual exploitation.")


def test_which_eight_councils_needs_a_passage_naming_them(tmp_path):
    assistant = bm25_assistant_for(tmp_path, {"thematic.txt": (THEMATIC, {"doc_type": "ofsted_letter",
                                                                         "date": "2014-08-01"}),
                                              "story.txt": (CSE_STORY, {"doc_type": "news_article",
                                                                       "date": "2014-11-02"})})
    answer = assistant.ask("Which eight councils were picked for Ofsted's 2014 thematic inspection of child "
                           "sexual exploitation?")
    assert answer.abstained
    # a question asking for councils without a number is answered by a passage about one
    assert not assistant.ask("Which councils were praised for their response to child sexual exploitation in "
                             "2014?").abstained


def test_how_bad_asks_for_faults_and_improving_since_inadequate_is_none():
    from qa.retrieval.rank import PRAISE_ONLY_PENALTY, asks_faults, fault_weight

    question = "Where did Ofsted find senior leaders didn't know how bad frontline practice had got?"
    assert asks_faults(question)
    assert fault_weight("Leaders know their services well, and good practice is recognised promptly.",
                        question) == PRAISE_ONLY_PENALTY
    # a judgement recalled as the past the services have left is no fault found now
    assert fault_weight("Services are now good and have substantially improved since they were found to be "
                        "inadequate in 2017.", question) == PRAISE_ONLY_PENALTY
    assert fault_weight("Senior leaders have not been aware of the extent of practice failures.", question) == 1.0


EXTRACT = """Report to the Corporate Parenting Panel

4.1 Inspectors found that most care leavers are in touch with a personal adviser who knows them well.

Page 2

4.2 Pathway plans are up to date for most young people, but the quality of plans varies between teams.

5.1 Demand for one-bedroom social housing in the county remains high and
"""


def test_a_bare_page_number_is_furniture_and_a_cut_sentence_is_no_heading(tmp_path):
    doc = _ingested(tmp_path, "extract.txt", EXTRACT)
    assert "Page 2" not in doc.text
    assert "Demand for one-bedroom social housing" in doc.text  # (kept: the extract's last words)


GUIDANCE = ("Local authorities must publish a local offer for care leavers, setting out the services they provide. "
            "Local authorities must offer a personal adviser to every care leaver up to the age of 25.")
RUTLAND_STORY = "Rutland's children's services were rated outstanding by Ofsted in 2023, the council said."
WILTSHIRE_STORY = "Wiltshire's children's services were rated outstanding by Ofsted in 2023, inspectors found."


def test_review_which_councils_a_duty_and_councils_named_across_documents(tmp_path):
    guidance = bm25_assistant_for(tmp_path / "a", {"offer.txt": (GUIDANCE, {"doc_type": "other",
                                                                            "date": "2018-02-01"})})
    assert not guidance.ask("Which local authorities must offer a personal adviser to care leavers?").abstained
    stories = bm25_assistant_for(tmp_path / "b", {
        "rutland.txt": (RUTLAND_STORY, {"doc_type": "news_article", "date": "2023-05-02",
                                        "local_authorities": ["Rutland"]}),
        "wiltshire.txt": (WILTSHIRE_STORY, {"doc_type": "news_article", "date": "2023-06-12",
                                            "local_authorities": ["Wiltshire"]})})
    assert not stories.ask("Which two councils had children's services rated outstanding by Ofsted in "
                           "2023?").abstained


RELATED_ENDING = """Torbay children's services still improving, inspectors find

Ofsted's fourth monitoring visit to Torbay Council's children's services found that leaders had kept up the pace of
improvement, with most children now seen within timescales and plans that say what needs to change for them.

Related stories

Plymouth
Plymouth's social workers say caseloads have fallen after a year of recruitment, with fewer agency staff in post now.

Cornwall
Cornwall's fostering service opens a new recruitment drive as the number of children in care in the county rises.
"""
LETTERHEAD = """Thurrock Council
Children's Services
Civic Offices
New Road
Grays
Essex
Dear parents and carers, the council's children's services have been inspected by Ofsted this month and we will
share what inspectors found with you when the report is published.
"""
ONE_MENTION = """Children's services rated good after two-week inspection

The county council's children's services have been rated good by Ofsted after a two-week inspection in March, with
inspectors praising the help given to families.

Wiltshire Council was also praised for the support it gives to care leavers living away from the county.
"""


def _ingested_alone(folder, name, text):
    folder.mkdir()
    return _ingested(folder, name, text)


def test_review_a_teaser_or_address_line_is_no_section_and_also_keeps_a_lone_subject(tmp_path):
    story = _ingested_alone(tmp_path / "a", "story.txt", RELATED_ENDING)
    assert story.local_authorities[0] == "Torbay" and story.visit_number == 4  # (a story, not a round-up)
    assert _ingested_alone(tmp_path / "b", "letter.txt", LETTERHEAD).local_authorities == ["Thurrock"]
    assert _ingested_alone(tmp_path / "c", "lone.txt", ONE_MENTION).local_authorities == ["Wiltshire"]


STORY_CITING_MINUTES = """Councillors question children's services spending

Published: 14 March 2024

Minutes published on 2 February 2024 show members of the scrutiny committee asked officers why spending on
agency social workers in Rutland had risen again over the winter.
"""


def test_review_a_story_citing_minutes_keeps_its_dateline(tmp_path):
    assert _ingested(tmp_path, "story.txt", STORY_CITING_MINUTES).date == "2024-03-14"


def test_review_not_yet_born_and_limited_use_are_no_work_still_to_do_and_how_poor_families_no_fault():
    from qa.retrieval.answer_type import holds
    from qa.retrieval.rank import asks_faults

    assert not holds("remaining", "Pre-birth assessments for babies who are not yet born are thorough and timely.")
    assert not holds("remaining", "The use of agency social workers remains limited, and caseloads are manageable.")
    assert holds("remaining", "The quality of independent reviewing officers' challenge remains too variable.")
    assert holds("remaining", "Child protection plans are not yet specific enough about what needs to change.")
    assert not asks_faults("What did inspectors say about how poor children in the borough do at school?")
    assert asks_faults("Which letters showed how badly children had been let down by the council?")


TAGGED_ENDING = """# Ofsted praises Rutland's front door

Inspectors found that decisions about children referred to the front door are timely and proportionate, and that
managers oversee the work closely.

## Topics: Children Social Care
"""


def test_review_a_closing_topics_line_is_still_dropped(tmp_path):
    assert "Topics:" not in _ingested(tmp_path, "page.md", TAGGED_ENDING).text


def test_review_minutes_under_a_running_header_are_dated_by_their_publication_line():
    from qa.datatypes import Block
    from qa.documents.metadata import infer_date

    blocks = [Block("para", "Present: Councillors Ashworth (Chair), Begum and Dolan."),
              Block("para", "Minutes published: Thursday, 21 November, 2024"),
              Block("para", "45. Ofsted focused visit. The Committee considered the letter and asked about the number "
                            "of children placed outside the county.")]
    hints = {"page_furniture": "Children's Scrutiny Committee - Minutes - 13 November 2024"}
    assert infer_date(blocks, hints, doc_type="council_page")[0] == "2024-11-21"


def test_read_after_the_held_out_reading_a_council_named_with_and_asks_a_grade():
    from qa.retrieval.answer_type import asks_grade

    assert asks_grade("bath and north east somerset ILACS 2025 overall judgement")
    assert asks_grade("barking and dagenham ofsted rating")
    assert not asks_grade("kent and medway judgement and what leaders did next")


def test_read_after_the_held_out_reading_a_councillors_initial_and_a_report_dated_line():
    from qa.datatypes import Block
    from qa.documents.gazetteer import find_in_text
    from qa.documents.metadata import infer_date

    assert not find_in_text("Apologies were received from Councillor D. Harrow and Cllr J. Bury.")
    assert [m.name for m in find_in_text("Harrow Council's children's services were inspected.")] == ["Harrow"]
    paper = [Block("para", "Date of meeting: 26 May 2022"), Block("para", "Agenda item 6"),
             Block("para", "Ofsted focused visit to children's social care: findings and service response"),
             Block("para", "Report dated: 16 May 2022")]
    assert infer_date(paper, {}, doc_type="council_page")[0] == "2022-05-16"
