"""Failure classes found by the tenth round's blind sets (v15 questions, set13 invented files), on invented fixtures."""
from datetime import date
from pathlib import Path

from qa.documents import clean, metadata
from qa.documents.convert import convert_html, convert_text
from qa.documents.ingest import SourceFile, load_document
from qa.retrieval.answer_type import announces_only, asks_findings
from qa.retrieval.question import parse

from conftest import bm25_assistant_for


def infer(text: str, hints: dict | None = None) -> dict:
    extracted = convert_text(text)
    blocks = clean.clean_blocks(extracted.blocks)
    raw = "\n".join(b.text for b in extracted.blocks)
    values, _ = metadata.resolve(Path("page.txt"), "page.txt", raw, blocks, {**extracted.hints, **(hints or {})},
                                 None)
    return values


def infer_html(page: str) -> dict:
    extracted = convert_html(page)
    blocks = clean.clean_blocks(extracted.blocks)
    raw = "\n".join(b.text for b in extracted.blocks)
    values, _ = metadata.resolve(Path("p.html"), "p.html", raw, blocks, extracted.hints, None)
    return values


def load(path: Path):
    stat = path.stat()
    return load_document(SourceFile(path, path.name, stat.st_size, stat.st_mtime_ns), "x", None, 10**8)


# ---------------------------------------------------------------- questions

def test_mv_shorthand_names_a_monitoring_visit_and_a_bare_month_in_a_terse_query_is_its_month():
    q = parse("west sussex mv5 sept findings")
    assert q.visit_number == 5 and q.month == 9 and q.authorities == ["West Sussex"]
    assert parse("st helens MV 3 findings").visit_number == 3
    assert parse("ofsted inspection december kent").month == 12
    # not a range's ends, nor a first name, nor "may" the verb
    assert parse("What did Ofsted find between September and December?").month is None
    assert parse("What did Jan Smith tell inspectors?").month is None
    assert parse("What did inspectors say? may we see it").month is None


def test_a_year_closing_an_earlier_events_name_starts_the_time_asked():
    q = parse("What did Ofsted say about Somerset when it rated them good, after the requires improvement "
              "judgement of 2017?")
    assert q.date_from == date(2017, 1, 1) and q.date_to is None
    assert "2017" not in q.without_time and not q.without_time.rstrip("?").endswith(" of")


def test_the_n_years_to_a_year_is_that_span():
    q = parse("Which councils had commissioners sent in in the five years to 2015?")
    assert (q.date_from, q.date_to) == (date(2011, 1, 1), date(2015, 12, 31))
    assert q.describe().startswith("Showing documents from 2011 to 2015")
    q = parse("What happened in the 3 years before 2020?")
    assert (q.date_from, q.date_to) == (date(2017, 1, 1), date(2019, 12, 31))


def test_how_a_council_responded_prefers_the_councils_own_words():
    assert parse("How did Torbay Council respond publicly to Ofsted's findings on care leavers?").source == "council"
    assert parse("What did Ofsted say about the council's care leavers?").source == "ofsted"


# ---------------------------------------------------------------- an announcement is no finding

ANNOUNCEMENT = """Guidance

Borsetshire: inspecting the multi-agency response to children at risk

Updated 3 March 2023

1. The Secretaries of State have requested that the inspectorates carry out a joint targeted area inspection (JTAI)
in Borsetshire. The JTAI will look at how local agencies work together to protect children.

2. The JTAI will include evaluating how leaders have good oversight of practice and how agencies share information.
"""

REPORT = """Joint targeted area inspection of Wessex

Inspectors found that agencies share information well at the front door. Leaders were judged to have a clear
understanding of practice, but some children waited too long for a strategy meeting.
"""


def test_a_page_announcing_an_inspection_reports_no_findings():
    assert announces_only(ANNOUNCEMENT) and not announces_only(REPORT)
    assert asks_findings("What were the findings of the joint targeted area inspection in Borsetshire?")
    assert asks_findings("What did the JTAI in Borsetshire find?")
    # (found after the round stopped: the inspection's full name is six words)
    assert asks_findings("What did the joint targeted area inspection in Borsetshire find about the front door?")
    assert not asks_findings("What will the JTAI in Borsetshire look at?")


def test_findings_asked_of_an_announced_inspection_abstain_and_its_scope_still_answers(tmp_path):
    # (real council names, invented text: the question's authority is a filter only when it is a known one)
    a = bm25_assistant_for(tmp_path, {
        "announce.txt": (ANNOUNCEMENT.replace("Borsetshire", "Rutland"),
                         {"doc_type": "other", "local_authorities": ["Rutland"], "date": "2023-03-03"}),
        "halton.txt": (REPORT.replace("Wessex", "Halton"),
                       {"doc_type": "ofsted_letter", "local_authorities": ["Halton"], "date": "2023-06-01"}),
    })
    found = a.ask("What were the findings of the joint targeted area inspection in Rutland?")
    assert found.abstained and not found.hits
    scope = a.ask("What will the joint targeted area inspection in Rutland look at?")
    assert not scope.abstained and scope.hits[0].document.doc_id == "announce"
    report = a.ask("What were the findings of the joint targeted area inspection in Halton?")
    assert not report.abstained and report.hits[0].document.doc_id == "halton"


# ---------------------------------------------------------------- visit numbers

def test_a_visit_recalled_by_its_number_leaves_the_letters_own_number():
    text = ("Monitoring visit of Borsetshire children's services\n\nThis letter summarises the findings of the "
            "monitoring visit to Borsetshire children's services on 28 and 29 April 2015. This was the second "
            "monitoring visit to the local authority since it was judged inadequate in October 2014.\n\nAt the first "
            "monitoring visit, in February 2015, inspectors focused on the front door and found delays.\n")
    assert metadata.infer_visit_number(text)[0] == 2


def test_visits_are_counted_from_the_inadequate_judgement_not_from_a_trusts_start():
    text = ("Ofsted has published its letter following the sixth monitoring visit to children's services in "
            "Wessex since they were judged inadequate in 2016. It was the third visit since Wessex Children's Trust "
            "took over the delivery of services in April 2018.\n")
    assert metadata.infer_visit_number(text)[0] == 6


def test_a_storys_latest_visit_numbered_in_apposition():
    text = ("Inspectors say the council is moving in the right direction.\n\nOfsted's latest monitoring visit – the "
            "third since the damning inspection in late 2016 – took place over two days at the end of June.\n")
    assert metadata.infer_visit_number(text)[0] == 3


# ---------------------------------------------------------------- HTML, Word, covers

PAPER = """<html><head><title>Services 'moving in the right direction', inspectors say | Wessex Courier</title>
<meta property="og:site_name" content="Wessex Courier"></head><body>
<header><a class="brand" href="/">Wessex Courier</a></header>
<article><h1>Services 'moving in the right direction', inspectors say</h1>
<div class="meta"><span class="by">By Tomasz Wright</span> <span class="published">Published 14th Aug 2018</span></div>
<p>Inspectors say the council's children's services are moving in the right direction but that the pace of change
is still uneven, nearly two years after the department was rated inadequate by the watchdog.</p>
<p>Councillors heard last week that caseloads had fallen to an average of 22 children per social worker, and that
assessments of unborn babies had improved markedly since the spring, according to the watchdog's letter.</p>
<p>But inspectors said managers were often signing off cases without saying what should happen next, leaving some
families with the same problems review after review, and written plans for children in need were still too variable.</p>
<p>The letter, dated July 24, was published on the watchdog's website last month and went before councillors at the
children and families overview committee last week, where opposition members said the problems remained.</p>
<p>The cabinet member said: "Nobody here is pretending the job is done, but this is real progress."</p>
<p>Wessex's children's services were rated inadequate in December 2016 after inspectors found neglect.</p>
</article></body></html>"""


def test_a_byline_in_marked_markup_is_a_reporters_and_makes_the_page_news():
    assert convert_html(PAPER).hints.get("author") == "Tomasz Wright"
    values = infer_html(PAPER)
    assert values["doc_type"] == "news_article"


def test_a_real_authority_named_once_under_its_local_papers_name(tmp_path):
    page = PAPER.replace("Wessex", "Wirral")
    assert infer_html(page)["local_authorities"] == ["Wirral"]
    # the same story in a paper named after nowhere names no subject on one distant mention
    values = infer_html(page.replace("Wirral Courier", "Daily Courier"))
    assert values["local_authorities"] == []


def test_a_committee_papers_label_table_is_read_in_place_and_gives_its_title(tmp_path):
    import docx

    path = tmp_path / "paper.docx"
    d = docx.Document()
    d.add_paragraph("Borsetshire Council")
    table = d.add_table(rows=3, cols=2)
    for row, (label, value) in zip(table.rows, [("Report for:", "Corporate Parenting Committee"),
                                                ("Date of meeting:", "14 November 2024"),
                                                ("Title:", "Ofsted focused visit to children in care: findings")]):
        row.cells[0].text, row.cells[1].text = label, value
    d.add_heading("1. Describe the issue under consideration", level=1)
    d.add_paragraph("1.1 Ofsted carried out a focused visit to Borsetshire's services for children in care on 10 and "
                    "11 September 2024, and found that children are visited regularly by social workers.")
    d.save(str(path))
    doc = load(path)
    assert doc.text.index("Date of meeting") < doc.text.index("Describe the issue")
    assert doc.title == "Ofsted focused visit to children in care: findings"


def test_a_publishers_name_and_month_on_a_cover_line_dates_the_report():
    values = infer("HM Inspectorate of Probation\n\nAn inspection of youth justice services in Borsetshire\n\n"
                   "HM Inspectorate of Probation, October 2022\n\nLead inspector: Jo Bell\n\nOverall rating Good\n\n"
                   "Foreword\n\nThis inspection looked at the work of the youth justice service over three weeks.\n")
    assert values["date"] == "2022-10-01"


def test_a_leading_clause_naming_the_source_is_a_filter_not_words_to_search_for():
    q = parse("In Ofsted's own letter on its third monitoring visit to Wirral, what did inspectors say about "
              "management oversight?")
    assert q.doc_types == ["ofsted_letter", "ofsted_report"] and q.visit_number == 3
    assert q.search_text == "what did inspectors say about management oversight in Wirral?"
    q = parse("Quote Ofsted's own 2015 Leicester report, not the news write-up: how were care leavers graded?")
    assert q.search_text == "how were care leavers graded in Leicester?" and q.date_from == date(2015, 1, 1)
    # without an attribution the opening clause stays
    assert parse("In Wirral, what did inspectors say about oversight?").search_text.startswith("In Wirral")


def test_an_html_byline_stays_under_the_headline_and_answers_who_wrote_it():
    from qa.retrieval.answer_type import asks_person, holds

    extracted = convert_html(PAPER)
    texts = [b.text for b in extracted.blocks]
    assert texts[0].startswith("Services 'moving in the right direction'")
    assert texts[1] == "By Tomasz Wright"  # the byline element, which the main-text extraction dropped
    assert sum("Tomasz Wright" in t for t in texts) == 1
    assert holds("person", "Headline\n\nBy Ruth Okafor, Local Democracy Reporter 14th August 2018\n\nThe lead")
    assert asks_person("Which local reporter wrote up Wirral's third Ofsted monitoring visit?")


def test_asking_for_the_reporter_prefers_the_story_though_ofsted_is_named():
    assert parse("Which local reporter wrote up Wirral's third Ofsted monitoring visit?").source == "news"
    assert parse("Quote the Ofsted letter itself, not the newspaper: what did inspectors find?").source == "ofsted"
    assert parse("What did Ofsted find in Wirral, rather than the newspapers?").source == "ofsted"


def test_months_the_question_names_are_not_other_events():
    from qa.retrieval import rank

    q = parse("How many social workers had Warrington recruited since April, according to the report to cabinet in "
              "November 2023?")
    assert rank.asked_months(q) == frozenset({11})
    assert rank.months_named(q.text) == frozenset({4, 11})
    assert rank.month_weight(rank.asked_months(q) | rank.months_named(q.text),
                             "The council has recruited 38 social workers since April.") == 1.0
    assert rank.month_weight(rank.asked_months(q), "The visit took place in September.") == rank.OTHER_MONTH_PENALTY


def test_a_reporter_asked_for_is_named_in_that_role_not_a_letters_signatory():
    from qa.retrieval.answer_type import asked_role, names_person_in_role

    role = asked_role("Which local reporter wrote up Wirral's third Ofsted monitoring visit?")
    assert role == "reporter"
    assert names_person_in_role(role, "Headline\n\nBy Ruth Okafor, Local Democracy Reporter 14th August 2018")
    assert not names_person_in_role(role, "Yours sincerely\n\nHelen Stroud Her Majesty's Inspector")


def test_a_passage_is_boosted_for_the_asked_kind_only_when_it_states_that_fact():
    from qa.retrieval.answer_type import ANSWER_TYPE_BOOST, COUNT_OF_ASKED_BOOST, answer_type_weight, counted_stems

    counted = counted_stems("how many children in care were placed a long way from the borough?", [])
    opening = "This letter summarises the findings of the focused visit on 4 and 5 February 2020."
    answer = "Inspectors found that 37 of the 158 children in care were living more than 20 miles away."
    assert answer_type_weight("count", opening, counted=counted) == 1.0
    assert answer_type_weight("count", answer, counted=counted) == COUNT_OF_ASKED_BOOST  # a count of what is asked
    recalled = "Since the last monitoring visit in February 2017, the local authority has appointed a head of service."
    own = "This letter summarises the findings of the monitoring visit to Torbay on 14 and 15 June 2017."
    assert answer_type_weight("date", recalled) == 1.0
    assert answer_type_weight("date", own) > ANSWER_TYPE_BOOST * 0.99


def test_who_did_they_appoint_wants_a_person_named_as_appointed():
    from qa.retrieval.answer_type import asked_role, names_person_in_role

    role = asked_role("Who did the Department for Education appoint to oversee Thurrock's improvement in 2015?")
    assert role == "appointed"
    assert names_person_in_role(role, "The minister appointed Geraldine Mossop, a former director, as adviser.")
    assert not names_person_in_role(role, "Thurrock Council: improvement adviser appointed\n\nLetter from Edward "
                                          "Timpson to the leader of the council.")
    # a named role still wins: "appointed commissioner" asks for the commissioner
    assert asked_role("Who was appointed commissioner for Slough's children's services?") == "commissioner"


def test_a_jtai_letters_deep_dive_sentence_says_what_it_looked_at():
    from qa.retrieval import rank

    text = ("This letter to all the service leaders in the area outlines our findings about the effectiveness of "
            "partnership working in Borsetshire.\n\nThis joint targeted area inspection (JTAI) included a 'deep "
            "dive' focus on the response to children at risk of criminal exploitation.")
    assert rank.scope_share(text) == 1.0
    assert rank.scope_share("This inspection included a finding that leaders were judged effective.") == 0.0


def test_who_wrote_or_spoke_wants_the_person_doing_it_not_the_role_addressed():
    from qa.retrieval.answer_type import asked_role, holds, names_person_in_role

    assert asked_role("Who wrote to the leader of Borsetshire council about appointing advisers?") == "wrote"
    assert asked_role("Who at Ofsted commented publicly on the focused inspection in Borsetshire?") == "spoke"
    assert asked_role("Who was the director of children's services in Borsetshire?") == "director"
    assert names_person_in_role("wrote", "Edward Timpson writes to the leader of the council about its services.")
    # the writer unnamed, somebody else named: "the Children and Families Minister" is a title, not a person
    assert not names_person_in_role("wrote", "The Children and Families Minister has written to the Leader of the "
                                             "Council saying he has appointed a review team led by Dave Hill.")
    assert names_person_in_role("spoke", "Bradley Simmons, Ofsted's Regional Director for the South West, said the "
                                         "report was clear.")
    assert holds("person", "Peter Dunford has been appointed as children's services commissioner for Borsetshire.")


def test_ofsteds_letter_named_as_the_speaker_is_a_stronger_preference_not_a_filter(tmp_path):
    from qa.retrieval import rank
    from test_ranking import doc

    q = parse("What did Ofsted's letter on the fourth monitoring visit to Wirral say about caseloads?")
    assert q.source == "ofsted" and q.source_named and not q.doc_types
    assert not parse("What did Ofsted say about caseloads in Wirral?").source_named
    news = doc(doc_type="news_article", date="2022-11-21", local_authorities=["Wirral"], visit_number=4)
    plain = parse("What did Ofsted find at the fourth monitoring visit to Wirral about caseloads?")
    assert plain.source == "ofsted" and not plain.source_named
    ratio = rank.prior(news, q, None) / rank.prior(news, plain, None)
    assert abs(ratio - rank.NAMED_SOURCE_PENALTY / rank.SOURCE_CUE_PENALTY) < 1e-9
    # where no letter is in scope, the story quoting it still answers
    a = bm25_assistant_for(tmp_path, {"story.txt": (
        "Ofsted inspectors said caseloads in Wirral had fallen to 18 children per social worker at the fourth monitoring "
        "visit, according to the letter.", {"doc_type": "news_article", "local_authorities": ["Wirral"],
                                            "date": "2022-11-21", "visit_number": 4})})
    found = a.ask("What did Ofsted's letter on the fourth monitoring visit to Wirral say about caseloads?")
    assert not found.abstained and found.hits[0].document.doc_id == "story"


def test_an_inspection_conducted_between_two_dates_dates_the_event_asked():
    from qa.retrieval.answer_type import asked_event, dates_event

    assert asked_event("When was the Ofsted inspection that rated Borsetshire inadequate conducted?") == "took place"
    assert dates_event("took place", "The services are condemned by an Ofsted report conducted between 23 January "
                                     "and 16 February 2017.")


# ---------------------------------------------------------------- a reviewer's findings on this round's rules

def test_a_bare_month_in_a_sentence_is_a_deadline_or_a_period_not_the_event():
    for question in ("What did Ofsted say the council must improve by June?",
                     "What did Ofsted say about the April to June quarter in Wirral?",
                     "What did inspectors say about caseloads in June's figures in Kent?",
                     "what did inspectors say about jan smith in wirral?"):
        assert parse(question).month is None, question
    assert parse("west sussex mv5 sept findings").month == 9


def test_an_organisations_byline_is_no_reporter():
    from qa.documents.convert import _BY_NAME_RE

    assert _BY_NAME_RE.match("By Press Office") is None and _BY_NAME_RE.match("By Communications Team") is None
    assert _BY_NAME_RE.match("By Ruth Okafor, Local Democracy Reporter").group(1) == "Ruth Okafor"


def test_a_recalled_visit_counted_from_the_judgement_does_not_outrank_the_letters_own():
    recalled = ("This was the fifth monitoring visit to the local authority. At the first monitoring visit since the "
                "local authority was judged inadequate, inspectors found drift.")
    assert metadata.infer_visit_number(recalled)[0] == 5
    both = ("This was the sixth monitoring visit to Wessex since the council was judged inadequate in 2016. Leaders "
            "had acted on the fifth monitoring visit since the council was rated inadequate.")
    assert metadata.infer_visit_number(both)[0] == 6


def test_who_wrote_it_is_answered_by_a_byline():
    from qa.retrieval.answer_type import asked_role, holds, names_person_in_role

    byline = "Headline\n\nBy Tomasz Wright\n\nInspectors found that caseloads had fallen."
    assert holds("person", byline)
    assert names_person_in_role(asked_role("Who wrote the story about Wirral's Ofsted visit?"), byline)
    assert names_person_in_role("reporter", byline)
    assert holds("person", "Sarah Hall said the council would act.")  # a surname, not a building


def test_a_councils_response_to_findings_is_not_a_findings_question():
    assert not asks_findings("How did Torbay Council respond to Ofsted's findings?")
    assert not announces_only("Torbay Council has welcomed the Ofsted report. We will review our improvement plan "
                              "and will focus on recruiting.")


def test_a_leading_clause_stays_unless_it_names_the_source():
    q = parse("In children's homes in Wirral, what did the council's own statement say about staffing?")
    assert "children's homes" in q.search_text


def test_source_cues_need_the_council_or_the_press_as_the_subject():
    assert parse("What did inspectors find about how the council responded to referrals in Wirral?").source == "ofsted"
    assert parse("What did inspectors say about how quickly social workers wrote up visits?").source == "ofsted"


def test_a_date_stated_is_not_recalled_by_a_word_further_back():
    from qa.retrieval.answer_type import states_own_date

    assert states_own_date("The report, the first since the inadequate judgement, was published on 12 March 2019.")
    assert states_own_date("Prior to publication on 12 March 2019, leaders met.")
    assert not states_own_date("Since the last monitoring visit in February 2017, the authority has acted.")


def test_a_label_rows_title_is_its_cell():
    m = metadata._TITLE_LABEL_RE.match("Report title: | Ofsted monitoring visit 4 | Date of meeting: | 12 March 2020")
    assert m.group(1) == "Ofsted monitoring visit 4"


def test_a_follow_up_keeps_the_named_source():
    first = parse("What did Ofsted's letter on the fourth monitoring visit say about caseloads in Wirral?")
    assert parse("And in Sandwell?", first).source_named
    assert parse("Which council said a poor inspection result was expected because its plan had just begun?"
                 ).source == "council"


# ---------------------------------------------------------------- second batch (set15, v17)

def test_a_councils_own_site_makes_its_page_a_council_page():
    page = ("<html><head><title>Walsall children's services rated good by Ofsted</title>"
            '<meta property="og:site_name" content="Walsall Council"></head><body><article>'
            "<h1>Walsall children's services rated good by Ofsted</h1>"
            "<p>Children's services in Walsall have been rated good by Ofsted following an inspection in November, a "
            "step forward from the requires improvement judgement four years ago.</p>"
            "<p>The cabinet member said the result reflected the hard work of social workers across the borough, and "
            "told the meeting that the service would keep improving.</p></article></body></html>")
    assert infer_html(page)["doc_type"] == "council_page"


def test_a_masthead_in_capitals_names_its_council():
    from qa.documents.gazetteer import find_in_text

    assert [m.name for m in find_in_text("REDCAR AND CLEVELAND BOROUGH COUNCIL\nCommittee | Scrutiny")] == \
        ["Redcar and Cleveland"]
    assert find_in_text("READING THE REPORT") == []  # an ambiguous name still needs its cue
    mention = find_in_text("x\nKENT COUNTY COUNCIL\n")[0]
    assert "x\nKENT COUNTY COUNCIL\n"[mention.start:mention.end] == "KENT COUNTY COUNCIL"  # offsets are the text's


def test_a_reports_details_table_without_colons_makes_it_an_ofsted_report():
    values = infer("Brightwater Family Placements Limited\nInspection of an independent fostering agency\n"
                   "Unique reference number SC481276\nInspection dates 6 to 10 March 2017\n"
                   "Inspector Gwen Hallworth, social care regulatory inspector\nType of inspection Full\n"
                   "Registered manager Marcus Dyer\n\nChildren are well cared for by carers who know them well.\n")
    assert values["doc_type"] == "ofsted_report"


# ---------------------------------------------------------------- third batch (v17, v18)

def test_a_body_that_speaks_is_no_name_a_page_must_repeat():
    q = parse("For a briefing note: according to a minister's written answer to Parliament, which councils had "
              "commissioners?")
    assert "Parliament" not in q.names
    assert parse("What rating did the CQC give Torbay?").names == ["CQC"]


def test_when_somebody_started_is_dated_by_the_sentence_saying_so():
    from qa.retrieval.answer_type import asked_event, dates_event

    assert asked_event("When did Debbie Jones start as director of children's services in Tower Hamlets?") == "started"
    assert dates_event("started", "The director took up an interim position in July 2015 before her permanent "
                                  "appointment in March 2016.")
    assert asked_event("When did the inspection take place?") == "took place"


def test_a_compass_point_abbreviated_and_visit_typed_in_a_hurry():
    from qa.documents.gazetteer import find_in_question

    assert find_in_question("w sussex caseloads") == ["West Sussex"]
    assert find_in_question("n yorkshire ofsted 2019") == ["North Yorkshire"]
    assert find_in_question("e riding yot") == ["East Riding of Yorkshire"]
    assert find_in_question("what is s the answer") == []
    q = parse("w sussex 5th monitoring vist sept")
    assert (q.authorities, q.visit_number, q.month) == (["West Sussex"], 5, 9)


# ---------------------------------------------------------------- fourth batch (v19, set17, read first)

def test_dates_from_a_meeting_header_a_running_footer_and_a_bulletins_masthead():
    assert infer("Borsetshire County Council\n\nCabinet Meeting on Wednesday 17 November 2021\n\nOutcome of the Ofsted "
                 "focused visit\n\nOfsted carried out a focused visit on 5 and 6 October 2021 and found that care "
                 "leavers are well supported.\n")["date"] == "2021-11-17"
    assert infer("Monitoring visit 3 of Borsetshire children's services\n\nThis letter summarises the findings of the "
                 "monitoring visit on 28 and 29 July 2015, which found that planning had improved.\n\n"
                 "Ofsted monitoring visit letter | 24 August 2015 | Page 1\n\nPlacement stability has improved.\n"
                 )["date"] == "2015-08-24"
    assert infer("Borsetshire Council | Children and Families Update | May 2025\n\nWhat inspectors told us\n\n"
                 "Ofsted inspectors returned on 1 and 2 April 2025 and said that return home interviews are now "
                 "offered to almost every child.\n")["date"] == "2025-05-01"


def test_a_body_named_that_assessed_another_service_does_not_answer_for_childrens_services():
    from qa.retrieval.assistant import asks_other_service
    from test_ranking import doc
    from qa.datatypes import Hit, Passage

    def hit(text):
        return Hit(passage=Passage("d#1", "d", text, 0, len(text)), document=doc(text=text), score=1.0)

    q = parse("What did the CQC find when it assessed Wirral's children's services?")
    adults = hit("The Care Quality Commission assessed how the council meets its adult social care duties: rated good.")
    assert asks_other_service(q, [adults])
    joint = hit("Ofsted and the CQC inspected the local area's support for children with special educational needs.")
    assert not asks_other_service(q, [adults, joint])
    assert not asks_other_service(parse("What did the CQC find in Wirral's adult social care?"), [adults])


def test_when_ofsted_made_its_visit_asks_the_visits_dates():
    from qa.retrieval.answer_type import asked_event

    assert asked_event("When did Ofsted make its first monitoring visit to North Tyneside?") == "took place"


def test_what_councillors_worried_about_is_in_the_councils_own_papers():
    assert parse("What were Cheshire East councillors worried about when they discussed Ofsted's visit in 2015?"
                 ).source == "council"
    assert parse("What did inspectors say councillors should do?").source == "ofsted"


def test_a_meeting_header_names_its_own_meeting_not_the_previous_one():
    assert infer("Anyshire Council\n\nMinutes of the previous meeting held on 9 September 2019\n\nThe minutes were "
                 "agreed as a correct record.\n")["date"] is None


# ---------------------------------------------------------------- fifth batch (v20, set18: read once, then tuned on)

def test_a_terse_query_ending_on_when_asks_a_date():
    from qa.retrieval.answer_type import answer_type, asked_event

    assert answer_type("ilacs framework first publishd when") == "date"
    assert asked_event("ilacs framework first publishd when") == "published"


def test_how_many_las_counts_local_authorities_and_how_much_money_an_amount():
    from qa.retrieval.answer_type import counted_stems, states_count

    stems = counted_stems("cse thematic insp 2014 how many LAs")
    assert states_count(stems, "We plan to visit eight local authorities across the country.")
    money = counted_stems("How much extra money did West Sussex put into children's services?")
    assert states_count(money, "We are making available a further £5 million to kick-start the plan.")
    assert not states_count(money, "There are 700 children in care and 40 social workers.")


# ---------------------------------------------------------------- sixth batch (set19, set20: read once, then tuned on)

def test_dates_from_labels_run_together_minutes_posts_issues_and_a_paragraphs_opening():
    assert infer("Borsetshire Council\n\nREPORT TO: People Scrutiny Panel\nDATE: 12 March 2024\nCONTACT OFFICER: Jo "
                 "Bell\n\nThe fourth monitoring visit found that caseloads had fallen.\n")["date"] == "2024-03-12"
    assert infer("Children's Services Scrutiny Committee\n\nMinutes - Wednesday 9 June 2021, held as a virtual "
                 "meeting\n\nThe Director presented the outcome of the fifth monitoring visit.\n")["date"] == "2021-06-09"
    assert infer("What inspectors told us about our front door\n\nPosted in March 2023 by Jo Bell, Director of "
                 "Children's Services\n\nOfsted's focused visit found that decisions are timely.\n")["date"] == "2023-03-01"
    assert infer("Focused visits begin under new framework\n\nIssue 112 - April 2018\n\nThe inspectorate has begun "
                 "focused visits to councils across England.\n")["date"] == "2018-04-01"


def test_an_html_pages_meta_line_dates_it():
    page = ('<html><head><title>Monitoring visit to Knowsley</title></head><body><article><h1>Monitoring visit to '
            'Knowsley children\'s services</h1><p class="meta">From: Ofsted | Published 5 November 2019</p>'
            "<p>This letter summarises the findings of the third monitoring visit to Knowsley children's services, "
            "which took place on 8 and 9 October 2019, and found that caseloads had fallen.</p></article></body></html>")
    assert infer_html(page)["date"] == "2019-11-05"


# ---------------------------------------------------------------- seventh batch (v23, set21: read once, then tuned on)

def test_a_word_reports_date_in_its_page_footer_and_no_judgement_row_as_its_title(tmp_path):
    import docx

    path = tmp_path / "report.docx"
    d = docx.Document()
    d.sections[0].footer.paragraphs[0].text = "Ofsted | Issued: 1 March 2024 | Page 1"
    d.add_paragraph("Borsetshire Council")
    d.add_paragraph("Inspection of local authority children's services")
    d.add_paragraph("The experiences and progress of children who need help and protection | Requires improvement to be good")
    d.add_paragraph("Services for children in Borsetshire have improved considerably since the last inspection, and "
                    "care leavers now receive a good service from personal advisers who know them well.")
    d.save(str(path))
    doc = load(path)
    assert doc.date == "2024-03-01"
    assert "Requires improvement" not in doc.title


def test_how_the_local_press_reported_it_prefers_the_story():
    assert parse("How did the local press report the fourth monitoring visit to Stockton?").source == "news"
    assert parse("Quote the Ofsted report itself, not press coverage: what was the judgement?").source == "ofsted"
