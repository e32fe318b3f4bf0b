"""Failure classes found by the thirty-sixth round's development sets (v104 questions on the wider pages; set129
invented files, set130 invented full-length reports); invented fixtures."""
import re

from conftest import bm25_assistant_for, ingested as _ingested, other_council_news

from qa.retrieval import rank
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


CAPTURE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>rutland inspection report.pdf - PaperShelf</title>
<meta property="og:type" content="article">
<meta property="article:published_time" content="2024-05-02T08:14:51+00:00">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "DigitalDocument",
"name": "rutland inspection report.pdf", "datePublished": "2024-05-02", "uploadDate": "2024-05-02"}</script>
</head><body>
<header><a href="/">PaperShelf</a> <a href="/upload">Upload</a></header>
<main><div class="doc-info"><h1>rutland inspection report.pdf</h1>
<p>Upload: anon_12 &middot; Post on 02-May-2024 &middot; 9 views</p></div>
<div class="transcript"><h2>TRANSCRIPT</h2><h1>Rutland County Council</h1>
<p class="subtitle">Inspection of children's social care services</p>
<p class="meta">Inspection dates: 6 November 2023 to 17 November 2023</p>
<p class="meta">Lead inspector: Ann Example, His Majesty's Inspector</p>
<p class="meta">Report published: 16 January 2024</p>
<p>Services for children in Rutland are good. Since the last inspection, leaders have sustained and improved the
quality of practice, and children who need help and protection receive a prompt and proportionate response.</p>
<p>When children first need help and protection, the response from the front door is timely and effective, and
thresholds are understood well by partner agencies across the county.</p>
<p>Children in care live in homes that meet their needs, and most of them make good progress at school.</p>
</div></main><footer>&copy; 2024 PaperShelf. All rights reserved.</footer></body></html>"""


def test_a_shared_reports_label_lines_are_kept_and_its_own_publication_date_is_its_date(tmp_path):
    doc = _ingested(tmp_path, "capture.html", CAPTURE)
    assert "Inspection dates: 6 November 2023" in doc.text and "Report published: 16 January 2024" in doc.text
    assert (doc.doc_type, doc.date) == ("ofsted_report", "2024-01-16")


def test_only_the_asked_sentences_own_topic_counts_twice():
    def counts(question, *words):
        kept = parse(question).keyword_text.lower()
        return [len(re.findall(rf"\b{w}", kept)) for w in words]

    # the asked sentence's own opening scene clause is not doubled
    assert counts("I'm writing about Enfield. When Ofsted rated it inadequate in 2015, what did it say about "
                  "leadership?", "rated", "leadership") == [1, 2]
    # the first half of a question is no scene: its words are not outweighed by the second half's
    assert counts("What did inspectors say about Croydon's caseloads; were agency staff still used?",
                  "caseloads", "agency") == [1, 1]
    # a "when ... rated" clause in the scene stops at its full stop: the asked sentence's topic stays
    assert counts("Ofsted wrote its letter when it rated Croydon inadequate in 2017. Tell me about caseloads",
                  "caseloads") == [2]


REPORT_WITH_NOTICE = ("Rutland County Council\n\nInspection of children's social care services\n\n"
                      "Inspection dates: 6 to 17 November 2023\n\nReport published: 16 January 2024\n\n"
                      "The experiences and progress of children who need help and protection: inadequate\n\n"
                      "When children first need help and protection, they do not consistently receive a timely or "
                      "proportionate response, and thresholds are not well understood by partner agencies.\n\n"
                      "Children in care live in stable homes and most of them make good progress at school.\n\n"
                      "This report is made under the framework for the inspection of local authority children's "
                      "services (ILACS). The inspection considers the experiences and progress of children who need "
                      "help and protection, of children in care and care leavers, and the impact of leaders on "
                      "social work practice with children and families.")


def test_ofsteds_closing_notice_is_weighed_down_unless_the_framework_is_asked():
    # (in a corpus of one report its notice still comes first, spelling out every word of "ILACS": the weight is
    # checked here; over the development sets it moved a Bradford report's summary above its notice)
    notice, finding = REPORT_WITH_NOTICE.split("\n\n")[-1], REPORT_WITH_NOTICE.split("\n\n")[-3]
    assert rank.notice_weight(notice, "rutland ilacs help and protection") == rank.NOTICE_WEIGHT < 1
    assert rank.notice_weight(finding, "rutland ilacs help and protection") == 1.0
    assert rank.notice_weight(notice, "What does the ILACS framework consider?") == 1.0
    assert rank.notice_weight(notice, "what is ofsted's remit") == 1.0


JOINT_LETTER = ("Piccadilly Gate\nStore Street\nManchester\nM1 2WD\n\n26 October 2018\n\n"
                "Ms Ann Example, Director of Children's Services, Rutland County Council\n\n"
                "Mr Ben Example, Chief Constable, Leicestershire Police\n\n"
                "Ms Cara Example, Accountable Officer, NHS Clinical Commissioning Group\n\n"
                "Joint targeted area inspection of the multi-agency response to children living with domestic abuse "
                "in Rutland\n\nBetween 17 and 21 September 2018, Ofsted, the Care Quality Commission (CQC), HMI "
                "Constabulary and Fire & Rescue Services (HMICFRS) and HMI Probation (HMIP) undertook a joint "
                "inspection of the multi-agency response to children living with domestic abuse in Rutland.\n\n"
                "Work with perpetrators is underdeveloped, and health visitors are not routinely informed of "
                "incidents. The CQC and HMICFRS found police notifications were screened too slowly.\n\n"
                "Ofsted, CQC, HMICFRS and HMIP")


def test_a_joint_inspections_letter_to_a_list_of_office_holders_is_ofsteds_letter(tmp_path):
    assert _ingested(tmp_path, "letter.txt", JOINT_LETTER).doc_type == "ofsted_letter"


def test_the_notice_weight_keeps_to_the_notice_and_to_questions_not_about_the_remit():
    notice = REPORT_WITH_NOTICE.split("\n\n")[-1]
    for question in ("rutland ilacs inspection", "What did the Ofsted inspection find about caseloads in Rutland?",
                     "Were statutory visits to children in care timely?"):
        assert rank.notice_weight(notice, question) == rank.NOTICE_WEIGHT
    for question in ("What does ILACS mean?", "what's ILACS?", "Who inspects children's services?"):
        assert rank.notice_weight(notice, question) == 1.0
    # findings before the notice in one passage: the findings are what it says
    findings = "Care leavers: requires improvement. Too few care leavers have a pathway plan written with them. "
    assert rank.notice_weight(findings + notice, "rutland care leavers pathway plan") == 1.0


LISTING = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Ofsted inspections | Rutland County Council</title>
<meta property="article:published_time" content="2024-06-10T09:00:00+00:00"></head><body>
<header><a href="/">Rutland County Council</a></header>
<main><h1>Ofsted inspections of children's services</h1>
<p>Below are the reports of every inspection of our children's services since 2019, with the date each report was
published, so that residents can read what inspectors found.</p>
<h2>Focused visit</h2><p>Inspection dates: 14 and 15 May 2024</p><p>Report published: 10 June 2024</p>
<h2>ILACS inspection</h2><p>Inspection dates: 6 to 17 November 2023</p><p>Report published: 16 January 2024</p>
</main></body></html>"""
LANDING = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Our Ofsted inspection | Rutland County Council</title>
<meta property="article:published_time" content="2024-01-17T09:00:00+00:00"></head><body>
<div class="top-links"><p>Skip to main content</p><p>Accessibility statement. Contact the council. Pay for it.</p></div>
<div class="page-wrap"><div id="content"><h1>Our Ofsted inspection</h1>
<p class="published">Report published: 16 January 2024</p>
<p>Ofsted has rated our children's services good in its latest inspection. Inspectors found that children in care live
in stable homes and that care leavers are well supported by their personal advisers.</p></div></div>
</body></html>"""
FRONT_MATTER = ("---\ntitle: Inspection of Rutland children's services\ndate: 2024-02-20\n---\n\n"
                "Rutland County Council\n\nInspection of children's social care services\n\n"
                "Inspection dates: 6 to 17 November 2023\n\nLead inspector: Ann Example, HMI\n\n"
                "Report published: 16 January 2024\n\nServices for children in Rutland are good.\n")


def test_a_reports_publication_line_overrides_only_a_web_pages_markup_date_and_only_alone(tmp_path):
    for sub in "abc":
        (tmp_path / sub).mkdir()
    # a council's page listing several reports keeps its own date
    assert _ingested(tmp_path / "a", "inspections.html", LISTING).date == "2024-06-10"
    # a date the file states in its front matter is kept
    assert _ingested(tmp_path / "b", "report.md", FRONT_MATTER).date == "2024-02-20"
    # the page's content container keeps its name: the site's links stay out of the text
    landing = _ingested(tmp_path / "c", "page.html", LANDING)
    assert "Report published: 16 January 2024" in landing.text and "Accessibility statement" not in landing.text


def test_a_scene_opening_on_a_when_clause_is_a_scene_and_an_abbreviations_stop_no_sentence_end():
    q = parse("When Ofsted rated Croydon inadequate in 2017, it sent a letter. What did it say about caseloads?")
    assert q.keyword_text.lower().count("caseloads") == 2
    assert parse("When Ofsted rated St. Helens inadequate, who was the director?").answer_type == "person"
    q = parse("What did Ofsted say about leadership when it rated St. Helens inadequate?")
    assert "Helens" not in q.keyword_text
