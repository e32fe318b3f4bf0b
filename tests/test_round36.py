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
