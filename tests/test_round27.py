"""Failure classes found by the twenty-seventh round's development sets (v84 questions on the wider pages; set90
invented files, set91 invented full-length reports); invented fixtures."""
from conftest import bm25_assistant_for, first_text as _first, ingested as _ingested


def test_a_sentence_asking_for_the_source_is_a_filter_not_words_to_search(tmp_path):
    from qa.retrieval.question import parse

    question = ("I'm after Rutland County Council's own news release on the monitoring visit in January 2017, not the "
                "press coverage. What did it say was key to improvement?")
    query = parse(question)
    assert query.source == "council" and query.doc_types == ["council_page"]
    assert "news release" not in query.search_text and "key to improvement" in query.search_text
    assert "Rutland" in query.search_text  # (the place the sentence named stays)
    # a sentence that asks nothing else stays: nothing would be left to search for
    assert "care leavers" in parse("I'm after the Ofsted letter itself on Rutland's care leavers. What did it find?").search_text
    release = ("Ofsted finds outcomes for Rutland children are improving\n\nRutland County Council's services for "
               "children are improving, according to the latest feedback from Ofsted after its monitoring visit last "
               "month. The council's news release on the visit welcomed the letter.\n\nCouncillor Jo Bloggs said the "
               "council welcomed the feedback on the monitoring visit.\n\nReducing caseloads and improving the ratio of "
               "permanent to locum staff is key to improvement, the council said.")
    assistant = bm25_assistant_for(tmp_path, {"release.txt": (release, {"date": "2017-01-20", "doc_type": "council_page"})})
    assert "key to improvement" in _first(assistant.ask(question))


def test_the_council_itself_putting_something_out_asks_for_its_own_pages():
    from qa.retrieval.question import parse

    for verb in ("put out", "issue", "release", "post"):
        query = parse(f"What did Rutland Council itself {verb} in March 2021 after Ofsted's inspection?")
        assert query.source == "council" and query.doc_types == ["council_page"], verb


def test_an_abbreviation_asked_weighs_passages_naming_neither_it_nor_its_long_form(tmp_path):
    from qa.retrieval.acronyms import FIELD_GLOSSARY, acronym_weight, asked_acronyms

    patterns = asked_acronyms(["MASH"], FIELD_GLOSSARY)
    assert acronym_weight(patterns, "The multi-agency safeguarding hub provides an effective service.") == 1.0
    assert acronym_weight(patterns, "Staff in the MASH share information quickly.") == 1.0
    assert acronym_weight(patterns, "how the multi-agency safeguarding arrangements (MASA) work") < 1.0
    # a grade's abbreviation is no topic: "requires improvement" is written many ways
    assert asked_acronyms(["RI"], {"RI": "requires improvement"}) == ()
    docs = {
        "jtai.txt": ("Joint targeted area inspection guidance\n\nThe inspection evaluates how the multi-agency "
                     "safeguarding arrangements (MASA) actively monitor and evaluate the work of the multi-agency "
                     "safeguarding partners. Multi-agency safeguarding arrangements are evaluated at the front door.",
                     {"date": "2022-02-21"}),
        "story.txt": ("Rutland children's services improving\n\nDuring a monitoring visit, inspectors found that the "
                      "multi-agency safeguarding hub at the front door provides an effective service.",
                      {"date": "2018-12-20"}),
    }
    assistant = bm25_assistant_for(tmp_path, docs)
    answer = assistant.ask("What have inspectors said about multi agency safeguarding hubs (MASH) at the front door?")
    assert "safeguarding hub" in _first(answer)


def test_a_visit_range_may_name_whose_visits():
    from qa.retrieval import timeline

    intent = timeline.detect("How did caseloads in Rutland change between Ofsted's first and third monitoring visits?")
    assert intent is not None and (intent.visit_from, intent.visit_to) == (1, 3)


LETTER = ("{date}\n\nJo Bloggs Director of Children's Services Rutland County Council\n\nDear Jo\n\nMonitoring visit "
          "to Rutland children's services\n\nThis letter summarises the findings of the {nth} monitoring visit to "
          "Rutland children's services.\n\nFindings and evaluation of progress\n\n{finding}\n\nYours sincerely\n\n"
          "Ann Other\nHis Majesty's Inspector")


def _trail_corpus() -> dict:
    return {
        "mv1.txt": (LETTER.format(date="24 August 2021", nth="first", finding=(
            "Average caseloads in the assessment teams are 27 children, too high for social workers to do "
            "direct work with children.")),
            {"date": "2021-08-24", "doc_type": "ofsted_letter", "local_authorities": ["Rutland"], "visit_number": 1}),
        "mv2.txt": (LETTER.format(date="17 December 2021", nth="second", finding=(
            "Caseloads of social workers in the safeguarding teams remain high at 25 children each.")),
            {"date": "2021-12-17", "doc_type": "ofsted_letter", "local_authorities": ["Rutland"], "visit_number": 2}),
        "mv3.txt": (LETTER.format(date="1 November 2022", nth="third", finding=(
            "Caseloads of social workers have reduced to an average of 19 children across the assessment teams.")),
            {"date": "2022-11-01", "doc_type": "ofsted_letter", "local_authorities": ["Rutland"], "visit_number": 3}),
        "home.txt": ("Children's home inspection - Full\n\nUnique reference number: SC123456\n\nThe home is run by "
                     "Rutland County Council. Caseloads of the social workers of children living here are "
                     "manageable.", {"date": "2022-10-19", "doc_type": "ofsted_report", "local_authorities": ["Rutland"]}),
    }


def test_a_change_between_two_visits_leads_with_the_later_text_stating_it(tmp_path):
    assistant = bm25_assistant_for(tmp_path, _trail_corpus())
    answer = assistant.ask("How did social worker caseloads in Rutland change between the first and third monitoring visits?")
    assert answer.timeline is not None and answer.filters.get("timeline") == "trail"
    docs = [h.document.doc_id for h in answer.hits]
    assert docs[0] == "mv3"  # "have reduced to an average of 19": the change, as the third letter states it
    assert docs[1:] == ["mv1", "mv2"]  # then the trail in date order
    assert "home" not in docs  # a children's home the council runs is no point on the council's trail
    assert "the change as the latest text states it first" in answer.filters_description
    # not asked between two ends: date order alone
    answer = assistant.ask("How have social worker caseloads in Rutland changed over time?")
    assert [h.document.doc_id for h in answer.hits][:3] == ["mv1", "mv2", "mv3"]
    assert "the change as the latest text states it first" not in answer.filters_description


def test_where_a_director_came_from_asks_for_the_previous_post():
    from qa.retrieval.answer_type import previous_post_weight

    question = "Who was Rutland's director of children's services by the time of the third visit, and where had he come from?"
    assert previous_post_weight(question, "Dr Jo Bloggs joined the council in June 2022 from Stockport.") == 1.0
    assert previous_post_weight(question, "Dr Jo Bloggs became director in June 2022.") < 1.0
    assert previous_post_weight("Where did the new DCS join from?", "She became director in 2022.") < 1.0
    assert previous_post_weight("Where did inspectors find the weakest practice?", "Practice was weak.") == 1.0
    assert previous_post_weight("Where did the money for the new social workers come from?", "A grant paid.") == 1.0


def test_a_question_about_councils_weighs_a_childrens_home_report_down():
    from qa.retrieval.answer_type import asks_council_services

    assert asks_council_services("How are councils responding to children at risk of criminal exploitation?")
    assert asks_council_services("What are local authorities doing about county lines?")
    assert not asks_council_services("How are children's homes run by councils responding to exploitation?")


def test_a_long_reports_closing_published_line_dates_it():
    from conftest import metadata_of

    body = "\n".join(f"Paragraph {i}: social workers visit children regularly and plans are reviewed on time."
                     for i in range(80))
    text = ("Inspection of Rutland County Council children's services\n\nInspection dates: 22 January to 2 February "
            "2024\n\nLead inspector: Ann Other, His Majesty's Inspector\n\nOverall effectiveness: Good\n\nThe experiences "
            "and progress of children who need help and protection: Good\n\n" + body + "\n\nOfsted produces this "
            "report of the inspection of local authority children's services.\n\nPublished: 15th Mar 2024\n\n"
            "Piccadilly Gate, Store Street, Manchester M1 2WD. © Crown copyright 2024")
    from pathlib import Path

    from qa.datatypes import Block
    from qa.documents.metadata import infer_metadata

    # (cleaning takes the short closing lines off a PDF's last page as furniture: only the raw text keeps them)
    kept = [Block("para", p) for p in text.split("\n") if p.strip() and not p.startswith(("Published", "Piccadilly"))]
    meta = infer_metadata(Path("report.pdf"), text, kept, {})
    assert meta["doc_type"] == "ofsted_report" and str(meta["date"]) == "2024-03-15"


def test_a_newspaper_named_record_is_a_masthead_not_a_subject(tmp_path):
    story = ("Skip to content\nDorset Record\nNews  Sport  What's On  Property  Jobs  Subscribe\n\nNews > Dorchester\n\n"
             "Halton children's services judged 'outstanding' for second time running\n\nPhoto: The council's offices. "
             "Picture: Dorset Record archive\n\nBy Tom Bloggs\nPublished: 8th Jun 2023\n\nChildren's social care in "
             "Halton has been rated 'outstanding' by Ofsted for the second inspection in a row.\n\nThe report praised "
             "the borough's work with teenagers at risk of exploitation, saying a dedicated adolescent team sees young "
             "people quickly and stays with them for as long as they need.\n\nCaseloads across Halton's social work "
             "teams average 15 children, which the report described as manageable and closely monitored.\n\nHalton's "
             "director of children's services said the judgement belonged to the council's social workers, foster "
             "carers and partners, and that keeping standards this high was hard work.\n\nNeighbouring Dorset Council's children's "
             "services were last inspected in 2022, when they were judged good.\n\nInspectors said Halton should "
             "improve how quickly it completes health assessments.\n\nRELATED STORIES\n- Foster carer shortage "
             "'at crisis point' across Dorset (4th May 2023)\n\n(c) Dorset Record 2023. All rights reserved.")
    assert _ingested(tmp_path, "story.txt", story).local_authorities == ["Halton"]


def test_today_then_the_date_then_published_dates_a_statement():
    from conftest import metadata_of

    statement = ("Statement on the Ofsted inspection of children's services\n\nOfsted has today (Tuesday 16 March "
                 "2021) published the report of its inspection of our children's social care services, which took "
                 "place over two weeks in February.\n\nWe are sorry that too many children in Rutland waited too long.")
    assert str(metadata_of(statement, {}, "statement.txt")["date"]) == "2021-03-16"


def test_visit_numbers_said_of_the_page_and_recalled_from_another():
    from qa.documents.metadata import infer_visit_number

    feature = ("The letter, published on Thursday after a two-day visit in early September, is the fourth of the "
               "monitoring visits Ofsted carries out while a council remains rated inadequate. The front door was the "
               "focus of the second monitoring visit in January.")
    assert infer_visit_number(feature)[0] == 4
    minutes = ("The Assistant Director introduced the report, which set out the findings of Ofsted's fifth "
               "monitoring visit, carried out on 27 and 28 July 2021.\n\nThe Assistant Director said that the "
               "improvement noted at the fourth monitoring visit had been sustained.\n\nThe Committee noted the "
               "outcome of the fifth monitoring visit.")
    assert infer_visit_number(minutes)[0] == 5


def test_a_councils_newsroom_in_the_title_makes_a_page_about_a_regulator_the_councils():
    from qa.documents.convert import convert_html

    page = ("<html><head><title>Care Quality Commission publishes assessment of Rutland&#x27;s adult social care - "
            "Rutland County Council Newsroom</title><meta property='og:url' "
            "content='https://newsroom.rutland.example/2024/07/cqc/'></head><body><main><article><h1>Care Quality "
            "Commission publishes assessment of Rutland's adult social care</h1><p>Published: 19th Jul 2024</p>"
            "<p>The Care Quality Commission (CQC) has published its assessment of adult social care in Rutland, "
            "rating the council's services as good.</p><p>The CQC assessment looked at how the council works with "
            "people who draw on care.</p></article></main></body></html>")
    assert convert_html(page).hints.get("publisher") == "Rutland County Council"


def test_a_grade_asked_for_one_year_is_not_answered_by_grades_of_other_years(tmp_path):
    letter = ("05 March 2019\n\nJo Bloggs Chief Officer for Children's Services Rutland County Council\n\nDear Jo\n\n"
              "Annual engagement meeting\n\nThank you for meeting with me on 30 January 2019. You are confident that "
              "the focus on good social work has resulted in practice improvements since the local authority was "
              "judged as inadequate for the protection of children in 2013 and as requires improvement in 2015.\n\n"
              "Yours sincerely\n\nAnn Other\nSenior HMI")
    assistant = bm25_assistant_for(tmp_path, {"aem.txt": (letter, {"date": "2019-03-05", "doc_type": "ofsted_letter",
                                                                     "local_authorities": ["Rutland"]})})
    assert assistant.ask("What overall judgement did Rutland get at its 2019 ILACS inspection?").abstained
    assert not assistant.ask("How was Rutland judged?").abstained
    from qa.retrieval.answer_type import holds_grade_of

    asked = "What rating did Rutland get in 2019?"
    assert holds_grade_of("Rutland was rated inadequate after the November 2018 inspection.", range(2018, 2021), asked)
    assert holds_grade_of("Rutland was judged good.", range(2018, 2021), asked)
    # a grade with another year beyond a comma is not tied to it
    assert holds_grade_of("Ofsted has rated the services as 'Requires Improvement to be Good', having previously been "
                          "judged as 'Inadequate' since 2019.", range(2021, 2024), "What rating did Rutland get in 2022?")
    assert not holds_grade_of("It was judged inadequate for the protection of children in 2013.", range(2018, 2021), asked)
    # the year of a scene is not the grade's: "what grades had it been given" before a 2019 meeting
    assert holds_grade_of("It was judged inadequate for the protection of children in 2013.", range(2018, 2021),
                          "Going into its 2019 annual engagement meeting with Ofsted, what grades had Rutland been given?")


# After the held-out reading (set92, set93): metadata classes its files showed.

def test_a_county_closing_an_address_line_without_a_postcode_names_no_subject():
    from qa.documents.metadata import infer_authorities

    letter = ("14 December 2022\n\nHarriet Bloggs Corporate Director of Children's Services Thurrock Council Civic "
              "Offices New Road Grays Essex\n\nDear Harriet\n\nMonitoring visit to Thurrock children's services\n\n"
              "This letter summarises the findings of the monitoring visit to Thurrock children's services. Thurrock's "
              "care leavers now know their advisers well.")
    assert infer_authorities(letter)[0] == ["Thurrock"]
    block = ("25 July 2023\n\nHarriet Bloggs\nCorporate Director of Children's Services\nThurrock Council\nCivic "
             "Offices\nNew Road\nGrays\nEssex\n\nDear Harriet\n\nMonitoring visit to Thurrock children's services\n\n"
             "Thurrock's leaders have improved the help given to care leavers.")
    assert infer_authorities(block)[0] == ["Thurrock"]
    story = ("Joint work on exploitation 'not yet making children safer'\n\nThe letter follows the third monitoring "
             "visit to the Essex unitary authority since its children's services were rated inadequate. Thurrock "
             "Council said it accepted the findings. Thurrock's director said work had begun.")
    assert infer_authorities(story)[0] == ["Thurrock"]


def test_a_lead_in_capitals_and_teasers_under_related_read_right():
    from qa.documents.metadata import infer_authorities

    lead = ("'Good' at last: Ofsted upgrades borough's children's services\n\nBy Tom Bloggs\n\nWOKINGHAM Borough "
            "Council's children's services have been rated 'good' by Ofsted, four years after inspectors said they "
            "required improvement.")
    assert infer_authorities(lead)[0] == ["Wokingham"]
    story = ("Inspectors raise concerns over home-schooled children\n\n" + "Derby City Council's children's services "
             "were visited by Ofsted in October. " * 3 + "\n\nThe letter said Derby's social workers did not always "
             "check what education children received.\n\n" + "Inspectors spoke to social workers and managers. " * 20
             + "\n\nRelated:\n\nDerbyshire County Council to cut youth centre funding - 2 November 2018\n\nMost Read\n\n"
             "Bonfire night events across Derby and Derbyshire\n\nFoster carer shortage across Derbyshire")
    assert infer_authorities(story)[0] == ["Derby"]


def test_a_democracy_sites_meeting_line_dates_it_and_a_version_line_does_not():
    from qa.documents.metadata import _dateline

    assert _dateline("Meeting of Corporate Parenting Committee, Tuesday, 14th February, 2023 7.00 pm (Item 7.)")[0] \
        == "2023-02-14"
    assert _dateline("Version: Final, 31 January 2023")[0] is None
    assert _dateline("Meeting: Tuesday, 8 March 2022 2.00 pm, Children and Families Overview and Scrutiny Committee")[0] \
        == "2022-03-08"


def test_a_created_meta_date_and_a_related_lists_dates_are_not_the_pages():
    from qa.documents.convert import convert_html

    page = ("<html><head><title>Rutland youth justice service rated good</title><meta name='dcterms.created' "
            "content='2022-08-30'></head><body><main><article><h1>Rutland youth justice service rated good</h1>"
            "<p class='date'>Published: 14 September 2022</p><p>Inspectors rated the youth justice service good "
            "after fieldwork in July 2022, praising its work with children and families across the county.</p>"
            "<p>The service's partnership board was described as strong and well led by inspectors.</p></article>"
            "</main></body></html>")
    assert convert_html(page).hints.get("date") != "2022-08-30"
    minutes = ("<html><head><title>Minutes - Children's Services Scrutiny Committee - Rutland County Council "
               "Democracy</title></head><body><main><h1>Minutes: Children's Services Scrutiny Committee</h1><p>Meeting: "
               "Tuesday, 9th July, 2024 6.00 pm</p><p>The Director reminded members that the inspection report had "
               "been published on 19 April 2024, and presented the improvement plan to the committee.</p><p>Members "
               "asked about supervision and agency staff, and the Director answered their questions in turn.</p></main>"
               "<aside><h2>Related news</h2><ul><li><a href='/news/1'>Ofsted recognises good care for children in "
               "care</a> <span class='date'>19 April 2024</span></li><li><a href='/news/2'>New family hub opens in "
               "the town centre</a> <span class='date'>3 June 2024</span></li></ul></aside></body></html>")
    assert convert_html(minutes).hints.get("date") != "2024-04-19"


def test_a_source_sentence_set_off_by_a_dash_is_a_filter_too():
    from qa.retrieval.question import parse

    query = parse("I'm after Rutland council's own news release on the 'good' judgement published in January 2019 - "
                  "what did it say about the senior leadership team?")
    assert query.source == "council" and "news release" not in query.search_text
    assert "senior leadership team" in query.search_text


# The review's findings (each fails on the code before the review).

def test_review_council_headings_are_no_mastheads_and_a_papers_name_is_blanked_in_any_case():
    from qa.documents.metadata import masthead

    for heading in ("Special Guardian\nBecoming a special guardian in Rutland", "Executive Decision Record\nDecision",
                    "Rutland Youth Voice\nYoung people from Rutland Youth Voice met councillors", "Deputy Leader\nCllr"):
        assert masthead(heading) == "", heading
    assert masthead("Skip to content\nDorset Record\nNews  Sport  What's On  Jobs  Subscribe") == "Dorset Record"
    assert masthead("Wigan Evening Post\nNews") == "Wigan Evening Post"  # (an unambiguous paper's word needs no menu)


def test_review_the_paper_named_with_the_is_blanked_wherever_it_recurs(tmp_path):
    story = ("The Dorset Record\nNews  Sport  What's On  Jobs  Subscribe\n\nHalton children's services judged "
             "'outstanding'\n\nPicture: Dorset Record archive\n\nPublished: 8th Jun 2023\n\nChildren's social care in "
             "Halton has been rated 'outstanding' by Ofsted.\n\nNeighbouring Dorset Council was last inspected in "
             "2022.\n\nFoster carers across Dorset Record archive pages were thanked.\n\n(c) DORSET RECORD 2023. "
             "The Dorset Record is published in Dorchester.")
    assert _ingested(tmp_path, "story.txt", story).local_authorities == ["Halton"]


def test_review_a_council_paper_citing_a_homes_manager_late_stays_on_its_trail(tmp_path):
    corpus = _trail_corpus()
    corpus["paper.txt"] = (
        "Rutland County Council Scrutiny Committee\n\nSocial work caseloads: update\n\nCaseloads of social workers "
        "have fallen to an average of 22, down from 27 at the time of the first monitoring visit. "
        + "The committee noted the figures and the plans for recruitment. " * 40
        + "\n\nOak Lodge, the council's children's home, is run well. The registered manager has been in post since "
        "2020.", {"date": "2022-03-01", "doc_type": "council_page", "local_authorities": ["Rutland"]})
    assistant = bm25_assistant_for(tmp_path, corpus)
    answer = assistant.ask("How have social worker caseloads in Rutland changed over time?")
    assert "paper" in [h.document.doc_id for h in answer.hits]
    from qa.retrieval.timeline import PROVIDER_TOPIC_RE

    for topic in ("children waited permanent homes", "virtual school work" and "use of unregistered settings"):
        assert not PROVIDER_TOPIC_RE.search(topic), topic


def test_review_grades_of_a_listed_year_or_since_a_year_count():
    from qa.retrieval.answer_type import holds_grade_of

    asked, years = "What rating did Rutland get in 2022?", range(2021, 2024)
    assert holds_grade_of("Rutland's services were rated good in 2018 and again in 2022.", years, asked)
    assert holds_grade_of("Rutland has been rated good since 2018.", years, asked)
    assert not holds_grade_of("In 2013 the local authority was judged inadequate for the protection of children.",
                              range(2018, 2021), "How was Rutland judged in 2019?")


def test_review_an_abbreviations_long_form_is_read_as_passages_write_it():
    from qa.retrieval.acronyms import FIELD_GLOSSARY, acronym_weight, asked_acronyms

    for name, text in (("EHCP", "Each child has an education, health and care plan."),
                       ("SEND", "children with special educational needs and/or disabilities"),
                       # (round 53: CSC, the field itself, weighs no passage down; the apostrophe read as before)
                       ("ADCS", "The Association of Directors of Children’s Services said so."),
                       ("CIN", "Child in need plans are reviewed on time.")):
        patterns = asked_acronyms([name], FIELD_GLOSSARY)
        assert patterns and acronym_weight(patterns, text) == 1.0, name
    mash = asked_acronyms(["MASH"], FIELD_GLOSSARY)
    assert acronym_weight(mash, "The hub responds to police notifications.", ["Multi-agency safeguarding hub (MASH)"]) == 1.0
    assert asked_acronyms(["SIF"], FIELD_GLOSSARY) == () and asked_acronyms(["JTAI"], FIELD_GLOSSARY) == ()


def test_review_a_visit_found_during_is_the_pages_own():
    from qa.documents.metadata import infer_visit_number

    assert infer_visit_number("Inspectors found during the fourth monitoring visit to Rutland in July 2021 that plans "
                              "were weak.")[0] == 4
    assert infer_visit_number("Weaknesses identified at the fourth monitoring visit in July were still there.")[0] == 4


def test_review_councils_placing_children_in_a_named_unit_ask_about_the_unit():
    from qa.retrieval.answer_type import asks_council_services

    assert not asks_council_services("What did Ofsted find at Oak Lodge, the secure unit several councils place "
                                     "young people in?")


def test_review_the_council_itself_in_a_relative_clause_is_no_source_cue():
    from qa.retrieval.question import parse

    for question in ("What did Ofsted say about the guidance the council itself issued to social workers in Rutland?",
                     "Did inspectors criticise the improvement plan the council itself wrote after the 2019 inspection "
                     "of Rutland?"):
        assert parse(question).source != "council", question
    assert parse("What did Rutland Council itself put out in March 2021?").source == "council"


def test_review_where_they_came_from_is_no_previous_post_question():
    from qa.retrieval.answer_type import previous_post_weight

    assert previous_post_weight("How many unaccompanied children did Kent look after in 2015, and where had they "
                                "come from?", "They arrived through the port of Dover.") == 1.0
    assert previous_post_weight("Where did the manager of the front door say the referrals came from?", "Police.") == 1.0
    for question in ("Where did Rutland's new director come from?", "Where did the council's new DCS come from?",
                     "Where had Jo Bloggs come from before joining?"):
        assert previous_post_weight(question, "She became director in 2022.") < 1.0, question


def test_review_dates_and_ages_are_no_change_stated():
    from qa.retrieval.timeline import CHANGE_STATED_RE

    for text in ("Caseloads remain high at 26 children in the teams visited from 18 to 19 October.",
                 "The plan runs from 1 April 2021 to 31 March 2022.", "Care leavers aged from 16 to 18 were seen.",
                 "The number of carers increased by 2021."):
        assert not CHANGE_STATED_RE.search(text), text
    assert CHANGE_STATED_RE.search("Agency staff fell to 19% of the workforce.")


def test_review_a_source_sentence_keeps_the_subject_it_names():
    from qa.retrieval.question import parse

    query = parse("I'm interested in the council's own statement about care leavers in Rutland. What did it say had "
                  "improved?")
    assert "care leavers" in query.search_text and "statement" not in query.search_text
    query = parse("I'm after Rutland council's own report on its fostering recruitment drive - what did it say about "
                  "the number of new carers?")
    assert "fostering recruitment drive" in query.search_text
    # the event the source is on is no subject: every candidate is on it
    query = parse("I'm after Rutland County Council's own news release on the monitoring visit in January 2017, not "
                  "the press coverage. What did it say was key to improvement?")
    assert "monitoring visit" not in query.search_text


# After the second held-out reading (v86): two false abstentions the round's starting code made too.

def test_a_sif_report_is_named_by_its_title_and_a_source_set_aside_names_nothing(tmp_path):
    from qa.retrieval.question import parse

    query = parse("I need the Ofsted letter itself to Rutland, not the blog about AEMs: what did the chief officer say "
                  "about frontline practice?")
    assert "AEMs" not in query.names and "AEMs" not in query.search_text
    report = ("Rutland - Draft report\n\nRutland County Council\nInspection of services for children in need of help and "
              "protection, children looked after and care leavers\n\nInspection date: 20 January 2015 to 11 February "
              "2015\nReport published: 27 March 2015\n\nThe overall judgement is that children's services are good\n\n"
              "The local authority leads effective services that meet the requirements for good.")
    other = ("Kent County Council news\n\nKent's fostering service celebrates its carers at an awards evening held in "
             "Maidstone, where forty foster families were thanked for their work.")
    assistant = bm25_assistant_for(tmp_path, {
        "report.txt": (report, {"date": "2015-03-27", "doc_type": "ofsted_report", "local_authorities": ["Rutland"]}),
        "kent.txt": (other, {"date": "2015-05-01", "doc_type": "council_page", "local_authorities": ["Kent"]})})
    answer = assistant.ask("rutland 2015 SIF overall judgement")
    assert not answer.abstained and "overall judgement" in _first(answer)
    assert assistant.ask("rutland 2015 JTAI findings").abstained  # (another kind of inspection: none is indexed)
