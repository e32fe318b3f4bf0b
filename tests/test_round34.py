"""Failure classes found by the thirty-fourth round's development sets (v100 questions on the wider pages; set121
invented files, set122 invented full-length reports); invented fixtures."""
import re

from conftest import ingested as _ingested

from qa.documents.metadata import infer_visit_number
from qa.retrieval import rank
from qa.retrieval.question import parse


def _two_page_pdf(path, first_page: list[str], second_page: list[str]):
    """A PDF set line by line (no wrapping of ours), each page closing on its own number."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", size=11)
    for number, lines in enumerate((first_page, second_page), start=1):
        pdf.add_page()
        for line in lines:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(-20)
        pdf.cell(0, 6, str(number), align="C")
    pdf.output(str(path))


def test_a_sentence_over_a_pdf_page_break_stays_one_paragraph_without_the_page_number(tmp_path):
    from qa.documents.ingest import discover, load_document

    _two_page_pdf(tmp_path / "letter.pdf",
                  ["14 March 2023", "", "Dear Ms Example", "", "Monitoring visit to Rutland children's services", "",
                   "This letter summarises the findings of the fourth monitoring visit to Rutland children's",
                   "services. Inspectors looked at the response to children who go missing from home or care.", "",
                   "Police notifications of children reported missing now reach the local authority within a day,",
                   "and a daily meeting reviews every notification.", "",
                   "Return home interviews are now offered to almost all children after every missing"],
                  ["episode, and most take place within 72 hours. The interviews are carried out by a dedicated",
                   "team of return home workers.", "", "Yours sincerely", "", "Jo Example", "Her Majesty's Inspector"])
    files, _ = discover([tmp_path])
    doc = load_document(files[0], "x", None, 2**26)
    text = re.sub(r"\s+", " ", doc.text)
    assert "after every missing episode, and most take place" in text
    assert not re.search(r"\b1 episode\b", text)
    # (the sentence is a paragraph, not a heading over what follows it)
    from qa.passages.split import split_document

    passages = split_document(doc, max_words=60, min_words=5)
    signed = next(p for p in passages if "Yours sincerely" in p.text)
    assert not any("Return home interviews" in h for h in signed.headings)


MINUTES = """MINUTES of the meeting of the Overview and Scrutiny Committee held in the Council Chamber, Town Hall, on
Tuesday 11 December 2018 at 10.00 am

Present: Councillor A Example (Chairman); Councillors B Example and C Example

37. OFSTED FOCUSED VISIT TO CHILDREN'S SERVICES

The Head of Children's Services presented the report on the outcome of the Ofsted focused visit held on 2 and 3
October 2018. She explained that the authority's team was small and that the Council had since introduced a new
rule on closing cases after step-down, which would be included in the revised procedure.

RESOLVED that the Committee notes the outcome of the Ofsted focused visit.

The meeting closed at 11.25 am.

Council of the Isles of Scilly - Overview and Scrutiny Committee - 11.12.18 - Page 2 of 2
"""


def test_a_text_files_running_line_is_furniture_and_names_its_council(tmp_path):
    doc = _ingested(tmp_path, "minutes.txt", MINUTES)
    assert doc.local_authorities == ["Isles of Scilly"]
    assert "Page 2 of 2" not in doc.text
    from qa.documents.clean import furniture_reason

    assert furniture_reason("Rutland County Council - Cabinet - 16.01.24 - Page 3 of 9")
    assert furniture_reason("The council said this. It was bad - page 2 of 3") is None  # (sentences: text)


COUNCIL_OF_PAGE = """<html><head><title>Ofsted focused visit: children's social care - Council of the Isles of Scilly
</title><link rel="canonical" href="https://www.scilly.example/news/ofsted-focused-visit"></head><body>
<header><a href="/">Council of the Isles of Scilly</a></header><main>
<h1>Ofsted praises islands' children's social care team</h1><p>Published: 8th Nov 2018</p>
<p>Ofsted has published a letter setting out the findings of its focused visit to the Council's children's social
care service in October. Inspectors said children benefit from a small, stable team of social workers.</p>
<p>We will appoint a deputy early help coordinator in the new year so that families always have someone to turn
to, even when staff are off the islands.</p></main></body></html>"""


def test_a_page_of_the_council_of_the_isles_of_scilly_is_that_councils_own(tmp_path):
    doc = _ingested(tmp_path, "page.html", COUNCIL_OF_PAGE)
    assert doc.local_authorities == ["Isles of Scilly"]
    assert doc.doc_type == "council_page"


STORY = """<html><head><title>Council speeds up return interviews | Example Weekly</title>
<meta property="og:url" content="https://www.weekly.example/2016/11/15/rutland-missing-children/">
<meta property="og:site_name" content="Example Weekly"></head><body><main><article>
<h1>Council speeds up return interviews for missing children</h1><p>By Jo Example</p>
<p>In a letter published last week, inspectors said Rutland County Council now offers a return home interview to
almost every child who goes missing, and that most take place within three days.</p>
<p>The council's director said the service had worked hard to improve its response to missing children.</p>
</article><aside><h2>Related stories</h2><ul><li><a href="/2016/11/10/another-story/">Another council rated
inadequate</a></li></ul></aside></main></body></html>"""


def test_a_story_is_dated_by_its_own_address_not_a_related_storys(tmp_path):
    assert _ingested(tmp_path, "story.html", STORY).date == "2016-11-15"
    (tmp_path / "b").mkdir()
    undated = STORY.replace("2016/11/15/", "")
    assert _ingested(tmp_path / "b", "story.html", undated).date != "2016-11-10"


def test_the_first_ofsted_visit_after_a_focused_visit_numbers_no_monitoring_visit():
    focused = ("Inspectors carried out a focused visit to Rutland County Council's leaving care service on 20 and 21 "
               "April this year. Their findings were published in a letter last week.\n\nIt was the first Ofsted "
               "visit to the county's children's services since a full inspection in 2019 rated them as requires "
               "improvement to be good.")
    assert infer_visit_number(focused)[0] is None
    monitoring = ("Inspectors carried out a focused visit in 2019. This was the first monitoring visit since the "
                  "local authority was judged inadequate in 2022.")
    assert infer_visit_number(monitoring)[0] == 1


def test_the_councils_own_page_in_its_own_we_is_the_council_speaking():
    question = "On the council's own web page about the 2018 focused visit, what did the council say it would do?"
    said = "We will appoint a deputy early help coordinator in the new year."
    assert rank.reply_weight(said, question, "council", own_page=True) \
        > rank.reply_weight(said, question, "council", own_page=False)
    # (a story's unquoted "we" is not the council's page speaking: own_page is the document's type)
    assert rank.reply_weight(said, question, "council") == rank.reply_weight("Inspectors found it good.", question,
                                                                             "council")


def test_who_took_the_letter_to_councillors_asks_the_councils_papers():
    assert parse("Who took the Ofsted focused visit letter to councillors on Scilly, and when was that meeting?"
                 ).source == "council"
    assert parse("Who presented the monitoring visit report to the scrutiny committee?").source == "council"
    assert parse("What did the Ofsted letter say about Rutland's supervision?").source == "ofsted"


def test_a_years_inspection_is_the_full_inspection_not_a_visit():
    assert rank.asks_full_inspection("In Haringey's 2022 inspection, what did inspectors say about supervision?")
    assert rank.asks_full_inspection("rutland 2019 ofsted inspection care leavers")
    assert not rank.asks_full_inspection("What did the 2022 inspection of a children's home in Rutland find?")
    assert not rank.asks_full_inspection("What did the 2022 inspection's second monitoring visit find?")


def test_the_visit_was_the_fourth_of_these_monitoring_visits_numbers_it():
    paper = ("1.1 Following the inspection report published in November 2014, which judged children's services in "
             "the city to be inadequate, Ofsted carries out quarterly monitoring visits, each looking at a different "
             "area of practice. The October visit was the fourth of these, and Ofsted's letter was published.")
    assert infer_visit_number(paper)[0] == 4
    # (not a count of other things: "The visit was the second of these" after reviews or audits)
    assert infer_visit_number("The council commissioned three peer reviews. The visit was the second of these.")[0] \
        is None


# After the review.

EVENT = """<html><head><title>Foster carer information evening | Rutland County Council</title>
<link rel="canonical" href="https://www.rutland.example/events/2019/06/20/foster-carer-information-evening/">
</head><body><main><h1>Foster carer information evening</h1><p>Published: 3 May 2019</p>
<p>Following Ofsted's focused visit in March, Rutland County Council is inviting residents to an information evening
on Thursday 20 June 2019 to find out about fostering.</p></main></body></html>"""


def test_a_date_in_the_pages_address_gives_way_to_the_date_the_page_states(tmp_path):
    assert _ingested(tmp_path, "event.html", EVENT).date == "2019-05-03"
    (tmp_path / "b").mkdir()
    tagged = STORY.replace('<meta property="og:site_name"', '<meta property="article:published_time" '
                           'content="2016-11-22T09:00:00Z"><meta property="og:site_name"')
    assert _ingested(tmp_path / "b", "story.html", tagged).date == "2016-11-22"


def test_an_inspection_that_only_marks_a_time_is_not_the_one_asked_for():
    assert not rank.asks_full_inspection("What progress have inspectors found on caseloads since the 2019 inspection?")
    assert not rank.asks_full_inspection("After the 2022 Ofsted inspection rated Rutland inadequate, what did "
                                         "inspectors say about caseloads in 2023?")
    assert rank.asks_full_inspection("What did the 2022 inspection of the council's children's services find?")


def test_a_removed_running_line_still_numbers_the_visit_and_stands_alone_mid_file(tmp_path):
    letter = ("Dear Ms Example\n\nThis letter summarises the findings of the monitoring visit to Rutland children's "
              "services.\n\nCaseloads have reduced.\n\nRutland County Council - monitoring visit MV4 - Page 1 of 1\n")
    assert _ingested(tmp_path, "letter.txt", letter).visit_number == 4
    (tmp_path / "b").mkdir()
    two = MINUTES.replace("RESOLVED", "Council of the Isles of Scilly - Overview and Scrutiny Committee - 11.12.18 - "
                                      "Page 1 of 2\n\nRESOLVED")
    doc = _ingested(tmp_path / "b", "minutes.txt", two)
    assert "Page 1 of 2" not in doc.text and "RESOLVED that the Committee notes" in doc.text


def test_visits_counted_around_a_focused_visit():
    assert infer_visit_number("Ofsted's focused visit in 2021 found serious weaknesses and the inadequate judgement "
                              "followed in 2022. Inspectors returned in May to look at care leavers. This was the "
                              "fourth visit to Rutland since the judgement and inspectors saw progress.")[0] == 4
    assert infer_visit_number("Ofsted and its partners carried out a joint targeted area inspection in Rutland in "
                              "March. It was the first Ofsted visit to the county's children's services since a full "
                              "inspection in 2019.")[0] is None
    assert infer_visit_number("Since the inadequate judgement in 2022, Ofsted has carried out three monitoring visits "
                              "and, in March, a focused visit on care leavers. The focused visit was the fourth of "
                              "these.")[0] is None


def test_a_short_heading_at_a_pages_foot_stays_a_heading(tmp_path):
    from qa.documents.ingest import discover, load_document
    from qa.passages.split import split_document

    _two_page_pdf(tmp_path / "letter.pdf",
                  ["14 March 2023", "", "Dear Ms Example", "", "Focused visit to Rutland children's services", "",
                   "This letter summarises the findings of the focused visit to Rutland children's services.",
                   "Inspectors looked at the arrangements for children in need and those subject to a plan.", "",
                   "What needs to improve in this area of social work practice"],
                  ["the timeliness of strategy discussions when children are at risk of significant harm;",
                   "the quality of supervision and management oversight of frontline practice.", "",
                   "Yours sincerely", "", "Jo Example", "Her Majesty's Inspector"])
    files, _ = discover([tmp_path])
    doc = load_document(files[0], "x", None, 2**26)
    passages = split_document(doc, max_words=60, min_words=5)
    listed = next(p for p in passages if "timeliness of strategy discussions" in p.text)
    assert "What needs to improve in this area of social work practice" in listed.headings


def test_who_brought_the_letter_to_a_council_body_and_ofsted_reporting_to_one():
    for question in ("Who presented the focused visit letter to the Children and Young People's Scrutiny Committee?",
                     "Who took the Ofsted report to the Corporate Parenting Board?",
                     "Who presented the Ofsted letter to full council?"):
        assert parse(question).source == "council", question
    for question in ("What did Ofsted report in its monitoring letter to the council's cabinet member for children?",
                     "What did inspectors report in their findings to the committee about caseloads?"):
        assert parse(question).source == "ofsted", question


def test_the_councils_own_we_telling_ofsteds_findings_is_not_the_council_speaking():
    question = "What did the council say it would do after the focused visit?"
    findings = "We were visited by Ofsted in October, and inspectors found that children benefit from a stable team."
    plans = "The council will appoint a deputy early help coordinator in the new year."
    assert rank.reply_share(findings, True) == 0.0
    assert rank.reply_share(plans, True) == 1.0
    quoted = 'Our focused visit letter from Ofsted said:\n\n"Children benefit from a small, stable team."'
    assert rank.reply_share(quoted, True) == 0.0
    assert rank.reply_weight(plans, question, "council", True) > rank.reply_weight(findings, question, "council", True)


def test_page_numbers_counting_up_from_another_start_are_dropped():
    from qa.documents.clean import split_running_lines

    pages, _ = split_running_lines(["Dear Ms Example\nThe council has improved the\n17", "quality of work.\nYours\n18"])
    assert pages == ["Dear Ms Example\nThe council has improved the", "quality of work.\nYours"]
    kept, _ = split_running_lines(["Dear Ms Example\nItems\n3", "More items\n7"])  # (not counting up: kept)
    assert kept == ["Dear Ms Example\nItems\n3", "More items\n7"]


# After the held-out reading.

BOARD_PAGE = """<html><head><title>Improvement Board update | Children's Services Improvement Board</title>
<meta property="og:site_name" content="Children's Services Improvement Board"></head><body>
<header><div class="logo-line">Children's Services Improvement Board &middot; in partnership with London Borough of
Rutland</div><nav><a href="/">Home</a> <a href="/papers">Meeting papers</a></nav></header>
<main><h1>Improvement Board update: what the January focused visit told us</h1><p>Posted on 4 March 2024</p>
<p>In January, Ofsted carried out a focused visit to the council's children's services. The independent chair, who
previously led children's services in Essex, said the findings were a fair picture of where we are.</p>
<p>Inspectors found that most child protection plans now set out clearly what needs to change for children.</p>
<p>We have also been learning from colleagues in Hackney and Newham, whose services inspectors have praised.</p>
</main><footer><p>The board is hosted by the London Borough of Rutland, Town Hall.</p></footer></body></html>"""


def test_a_page_naming_its_council_only_in_its_header_and_footer_is_about_that_council(tmp_path):
    # (an invented London borough's style on a real council's name: the gazetteer knows Rutland)
    assert _ingested(tmp_path, "board.html", BOARD_PAGE).local_authorities == ["Rutland"]


def test_a_negated_source_ends_at_a_dash():
    query = parse("Not the Ofsted letter please - I need Rutland council's own committee report. What has the "
                  "council done about child protection plans since the second monitoring visit?")
    assert query.source == "council"


def test_list_and_section_numbers_and_may_dates_are_no_counts():
    from qa.retrieval.answer_type import states_count

    children = frozenset({"children", "child"})
    assert not states_count(children, "1. Children who need help and protection Requires Improvement 2.1 Adoption")
    assert not states_count(children, "Report published: 9 May 2018\n\nChildren's services in Rutland require ...")
    assert states_count(children, "Inspectors brought to the attention of the authority 74 children.")
    assert states_count(children, "By 9 May 40 children had been seen.")


def test_the_minutes_asked_for_lead_over_the_officers_report():
    from qa.datatypes import Document

    question = "What did the panel resolve? I want the minutes, not the officers' report."
    minutes = Document(doc_id="m", path="m.html", text="Minutes of the meeting of the Corporate Parenting Panel ...",
                       title="Corporate Parenting Panel", doc_type="council_page")
    paper = Document(doc_id="r", path="r.docx", text="Report of the Director of Children's Services ...",
                     title="Ofsted focused visit", doc_type="council_page")
    assert rank.minutes_weight(minutes, question) == 1.0 > rank.minutes_weight(paper, question)
    assert rank.minutes_weight(paper, "Were children seen within 30 minutes?") == 1.0
