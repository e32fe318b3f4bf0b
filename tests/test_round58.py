"""Round 58: trust beyond the seeds (issue 10)."""
from __future__ import annotations

from datetime import date


def test_a_magazines_issue_dateline_dates_the_story_and_its_paywall_makes_it_news(tmp_path):
    from conftest import ingested, metadata_of

    page = ("Care Practice Monthly | News | Analysis | Jobs | Subscribe\n\n"
            "You have 3 free articles left this month. Subscribe for unlimited access.\n\n"
            "What Dudley's 'good' tells other councils\n\n"
            "Analysis | March 2023 issue | By Priya Okafor\n\n"
            "When Ofsted rated Dudley's children's services inadequate, the council's lead member said the borough "
            "had let children down. Councillor Ruth Mallon told the magazine that stability mattered most.\n\n"
            "The council said the improvement had come from keeping social workers.")
    doc = ingested(tmp_path, "feature.md", page)
    assert doc.date == "2023-03-01" and doc.doc_type == "news_article"
    # (a menu of back issues dates nothing)
    (tmp_path / "menu").mkdir()
    menu = page.replace("Analysis | March 2023 issue | By Priya Okafor", "Back issues | April 2024 issue | March 2024 "
                        "issue | February 2024 issue")
    assert ingested(tmp_path / "menu", "feature.md", menu).date != "2024-04-01"
    # (a table's column headed "By when" is no byline)
    plan = ("Dudley Council\n\nImprovement plan update for the Children's Scrutiny Committee\n\n"
            "We have brought the return home interview service in-house. Our figures for January show 81%.\n\n"
            "Area | Action | Lead | By when\n\nReturn home interviews | Bring the service in-house | Head of Service "
            "| April\n\nWe will report our progress to the committee in the summer.")
    assert metadata_of(plan)["doc_type"] == "council_page"


def test_a_reports_closing_published_line_beside_the_copyright_notice_dates_it(tmp_path):
    from conftest import ingested

    body = "\n\n".join(f"Paragraph {n}. Inspectors found that practice with care leavers in Dudley is good and that "
                       f"personal advisers know the young people they support well." for n in range(40))
    report = ("Dudley Metropolitan Borough Council\n\nInspection of children's social care services\n\n"
              "Inspection dates: 15 to 26 April 2024\n\nLead inspector: Jo Marsh, His Majesty's Inspector\n\n"
              "Overall effectiveness: Good\n\n" + body
              + "\n\nThis publication is available at https://reports.ofsted.example/ and may be reused. "
              "Reference no: 80591 Published: 5 June 2024 (c) Crown copyright 2024")
    assert ingested(tmp_path, "report.txt", report).date == "2024-06-05"
    # (not a council paper carrying the report: its own date stands)
    paper = ("Dudley Council\n\nCorporate Parenting Board\n\nDate: 12 July 2024\n\nReport of the Director of "
             "Children's Services\n\nAppendix A: the Ofsted report.\n\n" + body
             + "\n\nReference no: 80591 Published: 5 June 2024 (c) Crown copyright 2024")
    (tmp_path / "paper").mkdir()
    assert ingested(tmp_path / "paper", "paper.txt", paper).date == "2024-07-12"


def test_an_instruments_dating_clause_dates_it(tmp_path):
    from conftest import ingested

    direction = ("DIRECTION UNDER SECTION 497A(4B) OF THE EDUCATION ACT 1996\n\nTo: Dudley Council, the local "
                 "authority for the purposes of the Children Act 2004.\n\nWhereas\n\n(1) On 2 May 2023 Ofsted "
                 "published a report of its inspection of the Council's children's social care services.\n\n"
                 "(2) On 9 October 2023 the Commissioner recommended that the services be run by a trust.\n\n"
                 "The Council shall enter into a contract with the trust by 1 April 2024.\n\n"
                 "Dated this 18th day of December 2023\n\nSigned on behalf of the Secretary of State for Education")
    assert ingested(tmp_path, "direction.txt", direction).date == "2023-12-18"


def test_a_filed_under_line_closing_on_a_month_dates_the_story(tmp_path):
    from conftest import ingested

    story = ("Home | News | Dudley | Community\n\nOfsted: Dudley care leavers 'get a good service'\n\n"
             "Filed under News, Children and young people - July 2023\n\n"
             "Young people leaving care in Dudley get a good service, Ofsted has said after a two-day visit last "
             "month. \"Our care leavers told us what they needed,\" said the council's lead member.")
    assert ingested(tmp_path, "story.md", story).date == "2023-07-01"


def test_a_month_without_its_year_in_a_story_just_after_the_year_dates_its_event_to_the_year():
    from qa.datatypes import Document
    from qa.retrieval.question import parse
    from qa.retrieval.rank import _reports_on_window

    text = ("Inspectors spent two weeks in Dudley in November looking at the work of the children's trust. The "
            "report, published today, rates services as requires improvement to be good.")
    page = Document(doc_id="r58-november", path="p.html", title="Dudley no longer inadequate", text=text,
                    doc_type="council_page", date="2020-01-17", local_authorities=["Dudley"], fingerprint="r58-1")
    assert _reports_on_window(page, parse("What did Dudley's lead member say about the 2019 ILACS?"))
    # (a month after the story's own is of the year before it: "in March" in a January 2020 page is March 2019)
    march = Document(doc_id="r58-march", path="q.html", title="t", text=text.replace("November", "March"),
                     doc_type="council_page", date="2020-01-17", local_authorities=["Dudley"], fingerprint="r58-2")
    assert _reports_on_window(march, parse("Dudley 2019 inspection"))
    assert not _reports_on_window(page, parse("Dudley 2018 inspection"))


def test_the_trade_press_writing_it_up_asks_for_the_story():
    from qa.retrieval.question import parse

    assert parse("Dudley 2018 re-inspection, as the trade press wrote it up - what grade?").source == "news"
    assert parse("how did the press report Dudley's 2018 inspection?").source == "news"
    assert parse("what did Ofsted's letter say, not what the trade press wrote?").source != "news"
    assert parse("What did Ofsted's national press release say about Dudley's ILACS?").source != "news"


def test_the_years_a_source_recalls_leave_the_scenes_year_asked():
    from qa.retrieval.question import parse

    asked = parse("Dudley 2018 re-inspection, as the trade press wrote it up - how did the article describe where "
                  "Dudley had been before, i.e. its 2012 grade and what it got in 2015?")
    assert (asked.date_from, asked.date_to) == (date(2018, 1, 1), date(2018, 12, 31))
    assert "2012" in asked.text and "2015" in asked.text
    # (without the source asked what it recalls, the asked sentence's year is the one asked)
    assert parse("Dudley was re-inspected in 2018. What was its grade in 2015?").date_from.year == 2015
    assert parse("Ofsted rated Dudley good in 2023. What did the report say about care leavers in 2019, before the "
                 "improvement?").date_from.year == 2019  # (no write-up named: the report of 2019 is asked)


def test_a_story_branding_services_with_the_grade_set_aside_is_on_that_event():
    from qa.datatypes import Document
    from qa.retrieval.question import parse
    from qa.retrieval.rank import on_year_set_aside

    story = Document(doc_id="r58-branded", path="s.txt", title="Damning judgement of Dudley's children's services",
                     text="Dudley council have been called on to account after an Ofsted report branded Dudley's "
                          "children's services \u201cinadequate\u201d. The news comes three years after they were "
                          "rated outstanding in 2012.", doc_type="news_article", local_authorities=["Dudley"],
                     fingerprint="r58-3")
    query = parse("Dudley 2018 re-inspection in the trade press (not the local coverage of the 2015 inadequate) - "
                  "what grade?")
    assert on_year_set_aside(story, query)
    assert not on_year_set_aside(story, parse("Dudley 2018 re-inspection in the trade press - what grade?"))
    from qa.retrieval.rank import _REPORTED_OUTCOME_RE
    assert not _REPORTED_OUTCOME_RE.search("Ofsted branded the service not good enough")
    assert not _REPORTED_OUTCOME_RE.search("The leader branded the findings as good news for children")


def test_a_senior_officer_asked_for_is_a_council_post_and_a_role_set_aside_is_not_asked():
    from qa.retrieval.answer_type import answer_type, asked_role, names_role

    asked = ("Dudley 5th monitoring visit: apart from the scrutiny chair, which senior officer commented, and how "
             "did he compare things with 2016?")
    assert answer_type(asked) == "person" and asked_role(asked) == "officer"
    assert names_role("officer", "Sal Tariq, deputy director for safeguarding, said there was a recognition")
    assert not names_role("officer", "Inspector Rachel Holden wrote: there is more work to do")
    assert asked_role("Apart from the inspectors, which director spoke for the council?") == "director"
    # ("officer" naming a kind of thing, or within another post's title, asks for no officer)
    assert answer_type("Which officer report went to Dudley's cabinet after the ILACS?") is None
    assert answer_type("Which officer posts were cut after the inadequate rating?") is None
    assert asked_role("Who is the LADO (local authority designated officer) in Dudley?") != "officer"
    assert asked_role("Who was not reappointed as director in 2019?") == "director"
    assert asked_role("Which Dudley officer spoke for the service publicly after the letter?") == "officer"


def test_a_visit_some_years_on_from_a_report_is_asked_from_the_report_on():
    from qa.retrieval.question import parse

    later = parse("Dudley 5th monitoring visit (the one nearly two years on from the Nov 2016 report): which senior "
                  "officer commented?")
    assert later.date_from == date(2016, 11, 1) and later.date_to is None


def test_since_when_asks_for_a_date():
    from qa.retrieval.answer_type import answer_type

    assert answer_type("since when has the children's trust run dudley's social care") == "date"
    assert answer_type("Since the trust took over, what has changed?") is None


def test_visits_left_aside_are_no_name_the_answer_must_hold():
    from qa.retrieval.question import parse

    asked = parse("dudley ILACS 2023, leaving aside the later monitoring visits - did senior leaders actually know "
                  "what frontline practice was like?")
    assert "monitoring visit" not in asked.names and asked.date_from == date(2023, 1, 1)
    assert "monitoring visit" in parse("what did the 2023 monitoring visit to Dudley find?").names
    # ("apart from" one event asks for the others of the time, not the time before it)
    others = parse("Apart from the March 2023 focused visit, did Ofsted visit Dudley again in 2023?")
    assert (others.date_from, others.date_to) == (date(2023, 1, 1), date(2023, 12, 31))


def test_a_quotations_attribution_in_its_footer_is_kept(tmp_path):
    from conftest import ingested

    page = ("<html><head><title>Dudley no longer inadequate</title></head><body><main><article>"
            "<h1>Children's services in Dudley no longer inadequate, says Ofsted</h1>"
            "<p>Ofsted has judged children's social care services in Dudley to require improvement to be good, "
            "lifting the borough out of the inadequate rating it received in 2016.</p>"
            "<p>Inspectors found that caseloads had fallen and that more permanent social workers had been "
            "recruited, although one in three frontline social workers was still employed through an agency.</p>"
            "<blockquote><p>\"This is a big step forward. We are not finished, and the trust knows that.\"</p>"
            "<footer>Councillor Ann Rhodes, Lead Member for Children's Services</footer></blockquote>"
            "<p>The trust and the council will publish a joint improvement plan in March.</p>"
            "</article></main><footer><p>Copyright Dudley Council</p></footer></body></html>")
    text = ingested(tmp_path, "page.html", page).text
    assert "Councillor Ann Rhodes, Lead Member for Children's Services" in text
    assert "Copyright Dudley Council" not in text  # (the page's own footer is still furniture)
    classed = page.replace("<footer>Councillor", '<footer class="blockquote-footer">Councillor')
    (tmp_path / "b").mkdir()
    assert "Councillor Ann Rhodes" in ingested(tmp_path / "b", "page.html", classed).text


def test_a_paper_just_after_the_month_asked_giving_its_figures_reports_on_it():
    from qa.datatypes import Document
    from qa.retrieval.question import parse
    from qa.retrieval.rank import check_filters

    paper = Document(doc_id="r58-paper", path="paper.txt", title="Care leavers update", doc_type="council_page",
                     text="4.1 The figures below are taken from the case management system.\n\n4.2 At 30 April 2024, "
                          "six care leavers aged 18 to 21 were living in bed and breakfast accommodation.",
                     date="2024-05-21", period_start="2024-03-12", period_end="2024-03-13",
                     local_authorities=["Dudley"], fingerprint="r58-4")
    asked = parse("dudley care leavers in b&b end of april 24 per the scrutiny paper")
    assert check_filters(paper, asked).status == "match"
    assert check_filters(paper, parse("dudley care leavers in b&b end of feb 24")).status == "excluded"
    # (nor one telling the month's visit as awaited: "took place in November 2021 and the outcome letter is awaited")
    awaiting = Document(doc_id="r58-awaiting", path="awaiting.txt", title="t", doc_type="council_page",
                        text="A further monitoring visit took place in November 2021 and the outcome letter is "
                             "awaited.", date="2022-01-19", period_start="2021-06-08", period_end="2021-06-09",
                        local_authorities=["Dudley"], fingerprint="r58-6")
    assert check_filters(awaiting, parse("what did the nov 2021 MV to dudley find?")).status == "excluded"
    # (weeks on, not months: "in October" in a story of April names no October the question can place)
    story = Document(doc_id="r58-story", path="story.txt", title="t", doc_type="news_article",
                     text="The council's children's services were rated inadequate in October, after inspectors "
                          "visited.", date="2024-04-25", local_authorities=["Dudley"], fingerprint="r58-5")
    assert check_filters(story, parse("What did the October 2023 inspection of Dudley say?")).status == "excluded"


def test_another_places_letter_set_aside_leaves_the_asked_places_letter_first():
    from qa.retrieval.question import parse
    from qa.retrieval.rank import kinds_set_aside

    assert not kinds_set_aside(parse("dudley FV 2023 - what did HMIs find? dudley only, not the walsall letter on "
                                     "the same template").text)
    assert kinds_set_aside("What did the council say about the 2023 visit, not the Ofsted letter?")
    assert kinds_set_aside("What did the local paper say about Dudley's 2023 ILACS, not Dudley's Ofsted letter?")


def test_councillors_going_through_a_letter_at_scrutiny_is_the_councils_to_tell():
    from qa.retrieval.question import parse

    assert parse("When did Dudley councillors actually go through the focused visit letter at scrutiny, and who was "
                 "chairing?").source == "council"


def test_ofsteds_letter_on_the_visit_named_leads_a_story_retelling_it(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    letter = ("Ofsted\n\n9 March 2023\n\nDear Ms Bell\n\nFocused visit to Dudley children's services\n\nThis letter "
              "summarises the findings of the focused visit to Dudley children's services on 7 and 8 February 2023."
              "\n\nAt the time of the visit, 23 care leavers aged 18 to 21 were living in bed and breakfast "
              "accommodation or other emergency housing.\n\nYours sincerely\n\nJo Marsh\nHis Majesty's Inspector")
    story = ("Dudley care leavers left in B&Bs as Ofsted orders urgent action\n\nBy Sam Hill, 14 March 2023\n\n"
             "Ofsted inspectors who visited Dudley in February found 32 care leavers living in B&Bs and emergency "
             "housing, the watchdog said after its focused visit.")
    docs = {"letter.txt": (letter, {"doc_type": "ofsted_letter", "date": "2023-03-09", "local_authorities": ["Dudley"],
                                    "period_start": "2023-02-07", "period_end": "2023-02-08"}),
            "story.txt": (story, {"doc_type": "news_article", "date": "2023-03-14", "local_authorities": ["Dudley"]}),
            **other_council_news()}
    answer = bm25_assistant_for(tmp_path, docs).ask(
        "How many care leavers were in B&Bs or other emergency housing when Ofsted did the focused visit to Dudley "
        "in Feb 2023?")
    assert answer.hits[0].document.doc_type == "ofsted_letter"


def test_a_target_date_is_no_time_the_documents_must_be_from():
    from qa.retrieval.question import parse

    target = parse("dudley care leavers EET target by march 2025")
    assert target.date_from is None and target.date_to is None and "march 2025" in target.text
    assert parse("how many social workers did it have by 2020?").date_from == date(2020, 1, 1)


def test_a_later_paper_recalls_the_asked_inspection_only_where_it_tells_what_was_asked(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    grade_only = ("Dudley children's services: where we are\n\nPublished 4 November 2024\n\nThe council was first "
                  "rated inadequate in January 2020 and has had five monitoring visits from Ofsted since then.")
    own_later = ("Dudley improvement plan\n\nPublished 11 December 2024\n\nOfsted inspected Dudley's children's "
                 "services in September 2024. Services were judged to require improvement to be good, an improvement "
                 "from the inadequate judgement of January 2020. Caseloads in locality teams remain too high.")
    docs = {"grade.txt": (grade_only, {"doc_type": "news_article", "date": "2024-11-04",
                                       "local_authorities": ["Dudley"]}),
            "plan.txt": (own_later, {"doc_type": "council_page", "date": "2024-12-11",
                                     "local_authorities": ["Dudley"]}),
            **other_council_news()}
    asked = "What did Dudley's January 2020 ILACS say about caseloads? The 2020 inadequate one, not the 2024 one."
    assert bm25_assistant_for(tmp_path / "a", docs).ask(asked).abstained
    told = ("Dudley: a look back\n\nPublished 4 November 2024\n\nWhen Ofsted rated Dudley inadequate in January "
            "2020, inspectors found caseloads of more than 30 children in the locality teams.")
    docs["told.txt"] = (told, {"doc_type": "news_article", "date": "2024-11-04", "local_authorities": ["Dudley"]})
    answer = bm25_assistant_for(tmp_path / "b", docs).ask(asked)
    assert not answer.abstained and answer.hits[0].document.doc_id.startswith("told")
    # (the later event named as the question's own scene: its paper is where the recall is asked for)
    del docs["told.txt"]
    scene = "Dudley, judged RI in 2024 - what did Ofsted say about caseloads back at the January 2020 inspection?"
    assert not bm25_assistant_for(tmp_path / "c", docs).ask(scene).abstained


def test_the_press_listed_after_a_visit_set_aside_is_set_aside_and_the_report_asked_for_is_ofsteds():
    from qa.retrieval.question import parse

    asked = parse("What did the September 2024 ILACS say about caseloads in Dudley? I want the report, not the 2022 "
                  "monitoring visit or the press coverage.")
    assert asked.source == "ofsted"
    assert parse("What did the 2024 ILACS say about Dudley, not the 2022 monitoring visit or the press "
                 "coverage?").source != "news"
    assert parse("I want the report to cabinet on the plan").source != "ofsted"


def test_a_person_set_aside_with_the_event_they_spoke_on_takes_its_year_with_them():
    from qa.retrieval.question import parse

    asked = parse("Dudley FV in autumn 2021 - which cllr put out the council's reaction? Not Jo Bell on the 2019 good "
                  "judgement")
    assert (asked.date_from, asked.date_to) == (date(2021, 9, 1), date(2021, 11, 30))


def test_a_child_abduction_warning_notice_is_read_by_what_it_stands_for():
    from qa.retrieval.acronyms import FIELD_GLOSSARY, expand

    assert "child abduction warning notice" in expand("Has any partnership had credit for police using CAWNs?",
                                                       FIELD_GLOSSARY)


def test_councillors_receiving_an_outcome_at_committee_is_the_councils_to_tell():
    from qa.retrieval.question import parse

    assert parse("When did Dudley councillors formally receive the JTAI outcome at committee, and whose report was "
                 "it?").source == "council"
