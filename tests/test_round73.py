"""Round 73: trust beyond the seeds (issue 10)."""
from __future__ import annotations


def _load(tmp_path, name: str, text: str):
    from qa.documents.ingest import SourceFile, load_document

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_document(SourceFile(path, path.name, path.stat().st_size, 0), "", None, 50_000_000)


PEER_LETTER = ("Peer challenge: Wyvern Borough Council\n\nEarly help and the front door\n\nOn site: 4 to 6 March 2024\n\n"
               "2 April 2024\n\nJo Bloggs, Director of Children's Services, Wyvern Borough Council\n\nDear Jo\n\n"
               "This letter summarises the findings of the peer challenge of early help in Wyvern. It is not an "
               "inspection and does not replace any Ofsted activity.\n\nAreas to consider\n\nConsent is not always "
               "recorded when contacts pass to early help.\n\nYours sincerely\n\nSam Smith\n\n{signer}\n")


def test_a_peer_challenges_letter_is_no_ofsted_letter(tmp_path):
    doc = _load(tmp_path, "peer.txt", PEER_LETTER.format(signer="Peer challenge lead, on behalf of the peer team"))
    assert doc.doc_type != "ofsted_letter"
    # (a letter signed for Ofsted that names it is still one)
    ofsted = PEER_LETTER.replace("Peer challenge: ", "Monitoring visit to ").replace("peer challenge", "visit") \
        .replace("It is not an inspection and does not replace any Ofsted activity.", "Inspectors from Ofsted "
                 "looked at early help.")
    assert _load(tmp_path, "mv.txt", ofsted.format(signer="Sam Smith\nHis Majesty's Inspector")).doc_type \
        == "ofsted_letter"


def test_the_first_visit_since_another_change_is_no_first_monitoring_visit():
    from qa.documents.metadata import infer_visit_number

    text = ("Ofsted monitoring visit 3 (children in care): outcome\n\n1.1 To update the Panel on the findings of "
            "Ofsted's third monitoring visit, which took place on 10 and 11 October 2023. This is the first "
            "monitoring visit since children's social care returned to the council on 1 April 2023.\n")
    assert infer_visit_number(text)[0] == 3
    # (the first since the judgement the visits count from is still the first)
    assert infer_visit_number("This was the first monitoring visit since the local authority was judged "
                              "inadequate in May 2022.")[0] == 1
    # (a paper's title numbering the visit is read; its dates are no number)
    assert infer_visit_number("Ofsted monitoring visit 2 - report to the panel\n\nThe visit found progress.")[0] == 2
    assert infer_visit_number("The monitoring visit 10 and 11 October 2023 found progress.")[0] is None


def test_an_actual_pound_figure_asks_for_an_amount():
    from qa.retrieval.answer_type import answer_type

    assert answer_type("Did Ofsted record how much, an actual £ figure?") == "count"
    assert answer_type("Was there a pounds figure for the investment?") == "count"
    assert answer_type("Did Ofsted record the investment?") is None


def test_a_say_in_services_is_searched_as_being_involved_in_shaping_them():
    from qa.retrieval.synonyms import with_synonyms

    assert "involved" in with_synonyms("children in care having a real say in how services are run")
    assert "involved" not in with_synonyms("what did inspectors say about care leavers")


def test_a_peer_teams_areas_to_consider_are_what_it_said_to_look_at():
    from qa.retrieval.rank import IMPROVE_ASKED_BOOST, improve_weight

    text = "Areas to consider\n\nConsent is not always recorded.\n\nToo many school contacts do not meet threshold."
    asked = "What did the peer team say the council should look at in early help?"
    assert improve_weight(text, [], asked) == IMPROVE_ASKED_BOOST
    assert improve_weight("Consent is recorded well.\n\nSchools find the form easy.", [], asked) == 1.0


def test_the_square_mile_names_the_city_of_london_in_a_question():
    from qa.retrieval.question import parse

    query = parse("The Square Mile's focused visit on care leavers: what did the Director say the areas to improve "
                  "were?")
    assert query.authorities == ["City of London"]
    assert not any("square" in name.lower() for name in query.names)  # (no page need say "Square Mile")
    assert parse("what happened in the square mile of housing").authorities == []


def test_ofsteds_own_reflections_are_no_letter_or_report():
    from qa.retrieval.question import parse

    assert parse("Has Ofsted said anything general about LAs relying on KPIs? Ofsted's own reflections, not a letter "
                 "to a single LA.").doc_types == []
    assert parse("What did Ofsted's own report say about Kent?").doc_types == ["ofsted_letter", "ofsted_report"]


def test_a_set_aside_visit_takes_its_participle_clause_with_it():
    from qa.retrieval.question import parse

    query = parse("Where have inspectors said disabled children's needs weren't being met because workloads were too "
                  "high? I want the critical finding, not a later visit noting improvement for disabled children.")
    assert "improvement" not in query.keyword_text


def test_what_was_done_rather_than_what_is_asked_is_not_searched():
    from qa.retrieval.question import parse

    query = parse("Has any council openly disputed an Ofsted judgement, saying the findings didn't 'accurately "
                  "reflect' its services - rather than just saying it was disappointed and taking urgent action?")
    assert "disappointed" not in query.keyword_text and "urgent" not in query.keyword_text
    # (not without a comma or dash: "rather than relying on agency staff" there is the question's own; nor the
    # contrast a criticism draws)
    assert "agency" in parse("Did Kent recruit permanent staff rather than relying on agency staff?").keyword_text
    assert "practice" in parse("Has Ofsted been criticised for inspecting the paperwork, rather than checking whether "
                               "policies work in practice?").keyword_text


def test_a_passage_holding_a_phrase_the_question_quotes_weighs_more():
    from qa.retrieval.rank import QUOTED_PHRASE_BOOST, quoted_phrase_weight, quoted_phrases

    phrases = quoted_phrases("Which council said the findings didn't 'accurately reflect' its children's services?")
    assert phrases == ("accurately reflect",)
    assert quoted_phrase_weight('The council said the findings do not "accurately  reflect" its work.', phrases) \
        == QUOTED_PHRASE_BOOST
    assert quoted_phrase_weight("The findings were accurate.", phrases) == 1.0
    # (a grade alone, or one word, is no phrase: any report holds it)
    assert quoted_phrases("Was Kent rated 'good' or 'requires improvement'? Was it 'outstanding'?") == ()


def test_what_councillors_asked_is_answered_by_their_questions_in_the_minutes():
    from qa.retrieval.rank import MEMBERS_ASKED_BOOST, members_asked_weight

    asked = "At the scrutiny committee, what did councillors ask about the JTAI and what were they told?"
    assert members_asked_weight("Councillor Ayub asked why so few GPs attended conferences.", asked) \
        == MEMBERS_ASKED_BOOST
    assert members_asked_weight("The Interim Director submitted a report on the JTAI.", asked) == 1.0
    assert members_asked_weight("Councillor Ayub asked why.", "What did the JTAI find?") == 1.0


def test_a_terse_label_before_a_dash_gives_the_kind_of_answer_its_question_does_not():
    from qa.retrieval.question import parse

    assert parse("salford ilacs 2024 judgements - outstanding across the board?").answer_type == "judgement"
    # (the question after the dash still decides where it names a kind)
    assert parse("salford ilacs 2024 judgements - who led it?").answer_type == "person"


def test_a_time_clause_ends_at_a_colon():
    from qa.retrieval.answer_type import counted_stems

    stems = counted_stems("the inspection a month after the Jay report: how many of the cases inspectors examined "
                          "were handed back to the council?", ["Rotherham"])
    assert "case" in stems


def test_a_quoted_phrase_set_aside_weighs_nothing():
    from qa.retrieval.rank import quoted_phrases

    assert quoted_phrases("When did the report come out? Need the month/year, not just 'two years ago'.") == ()
    assert quoted_phrases("Which story said it was 'two years ago'?") == ("two years ago",)


def test_a_running_footer_dated_in_figures_or_a_briefings_running_header_dates_the_document():
    from qa.datatypes import Block
    from qa.documents.metadata import infer_date

    blocks = [Block("heading", "Inspection of children's social care services"),
              Block("para", "Inspection dates: 15 to 26 January 2024"),
              Block("para", "Children in Wyvern now receive a consistently good service.")]
    footer = {"page_furniture": "Wyvern County Council ILACS   |   08/03/2024   |   Page 1 of 2"}
    assert infer_date(blocks, footer, doc_type="ofsted_report")[0] == "2024-03-08"
    header = {"page_furniture": "Member Briefing | March 2024\nDemocratic Services - briefing template (rev. 2019)"}
    assert infer_date(blocks[2:], header, doc_type="council_page")[0][:7] == "2024-03"
    assert infer_date(blocks[2:], {}, doc_type="council_page")[0] is None


def test_a_figure_then_against_a_baseline_date_asks_the_visits_time_not_the_baselines():
    from qa.retrieval.question import parse

    query = parse("somerset 1st mv (nov) - repeat referral rate then vs mar 16?")
    assert query.date_from is None and query.visit_number == 1
    # (a time asked as such still is)
    assert parse("somerset repeat referral rate in mar 2016?").date_from is not None


# The review's counter-examples: each guards a fault found in this round's first changes.

def test_a_dismissed_contrast_ends_at_its_clause_and_a_participle_is_set_aside_only_after_not():
    from qa.retrieval.question import parse

    query = parse("Managers were signing off plans, rather than just checking them - what did the 2019 letter say "
                  "about management oversight?")
    assert "oversight" in query.topic and query.date_from is not None
    assert "drift" in parse("Was there a monitoring visit other than the first one showing drift in Sandwell?").topic
    assert "caseloads" in parse("Is there any Ofsted letter rather than the 2019 ILACS saying caseloads in Kent were too "
                                "high?").topic


def test_a_papers_visit_number_is_read_only_as_a_title():
    from qa.documents.metadata import infer_visit_number

    for text in ("Ofsted monitoring visit 2 Dec 2019", "Ofsted monitoring visit 5 — 6 June 2019",
                 "Following the monitoring visit 4 areas for improvement were identified.",
                 "Ofsted Monitoring Visit 2 Background 2.1 Ofsted carried out a visit"):
        assert infer_visit_number(text)[0] is None, text
    assert infer_visit_number("3. Ofsted monitoring visit 1 - feedback\n\n3.1 The DCS presented it.")[0] == 1
    # (a first since another change yields to a number counted otherwise, the place between or not)
    assert infer_visit_number("This was the first monitoring visit to Slough since children's services returned to "
                              "the council. It was Ofsted's third monitoring visit.")[0] == 3
    assert infer_visit_number("This was the first monitoring visit since the judgement in March 2023.")[0] == 1


def test_what_the_council_should_consider_asks_for_the_list_but_what_workers_should_consider_does_not():
    from qa.retrieval.rank import ASKS_IMPROVE_LIST_RE

    assert ASKS_IMPROVE_LIST_RE.search("What areas should the council consider?")
    assert not ASKS_IMPROVE_LIST_RE.search("What did inspectors say social workers should consider when assessing "
                                           "neglect?")


def test_a_label_gives_the_kind_only_to_a_bare_fragment_and_a_nickname_after_a_word_is_still_the_place():
    from qa.retrieval.question import parse

    assert parse("Kent ilacs results - what did they say about care leavers?").answer_type is None
    assert parse("Ofsted Square Mile ILACS 2022 - what was the grade?").authorities == ["City of London"]


def test_ofsteds_own_views_still_ask_for_its_letter():
    from qa.retrieval.question import parse

    assert parse("The council called it a positive letter, but what were Ofsted's own views on Slough's "
                 "progress?").doc_types == ["ofsted_letter", "ofsted_report"]


def test_members_are_councillors_only_as_such_and_their_questions_are_read_in_any_form():
    from qa.retrieval.rank import MEMBERS_ASKED_BOOST, members_asked_weight

    asked = "What did councillors ask about the JTAI?"
    for text in ("Members asked whether the caseload target would be met.", "Cllr J. Smith asked about the backlog.",
                 "In response to a question from Councillor Ayub, the Director said it would."):
        assert members_asked_weight(text, asked) == MEMBERS_ASKED_BOOST, text
    assert members_asked_weight("Members asked about it.", "What concerns did staff members raise?") == 1.0


def test_a_review_date_in_page_furniture_dates_nothing():
    from qa.datatypes import Block
    from qa.documents.metadata import infer_date

    blocks = [Block("para", "Foster carers are paid an allowance for each child.")]
    for furniture in ("Fostering Policy | Next review | March 2026", "OFFICIAL | Valid until | March 2026",
                      "Fostering Policy | Review date | 01/04/2026 | Page 1"):
        assert infer_date(blocks, {"page_furniture": furniture}, doc_type="council_page")[0] is None, furniture


def test_a_letter_telling_of_the_councils_peer_review_is_still_ofsteds(tmp_path):
    letter = ("Wyvern Borough Council\n\n2 April 2024\n\nDear Jo\n\nMonitoring visit to Wyvern children's services\n\n"
              "This letter summarises the findings of the monitoring visit. The lead peer reviewer of the council's "
              "own peer review met with inspectors from Ofsted.\n\nYours sincerely\n\nSam Smith\n")
    assert _load(tmp_path, "mv.txt", letter).doc_type == "ofsted_letter"


def test_a_quoted_phrase_not_wanted_or_a_grade_with_its_verb_weighs_nothing():
    from qa.retrieval.rank import quoted_phrases

    assert quoted_phrases("I don't want 'the usual platitudes' - what did HMI actually find?") == ()
    assert quoted_phrases("was it 'judged inadequate' or 'Inadequate overall'?") == ()


# The second reading's study (v248, set285).

def test_a_police_force_named_after_a_county_long_gone_names_no_council():
    from qa.retrieval.question import parse

    query = parse("East Riding JTAI on exploitation - what did the inspectorates say the partners need to improve? I "
                  "mean the joint letter, not HMICFRS's separate inspection of Humberside Police.")
    assert query.authorities == ["East Riding of Yorkshire"]
    assert query.doc_types == ["ofsted_letter", "ofsted_report"]  # ("I mean the joint letter")
    assert "Humberside" not in query.topic  # (the event set aside takes "of Humberside Police" with it)
    assert parse("Kent Police and Kent's 2022 ILACS - what did it say?").authorities == ["Kent"]


MINUTES = ("HULL CITY COUNCIL\n\nSCRUTINY COMMISSION\n\nMINUTES OF THE MEETING HELD ON FRIDAY, 19TH JULY, 2024\n\n"
           "PRESENT:- Councillor Pickering (Chair); Councillors Abbott, Danforth, Lowther, Mensah and Wray.\n\n"
           "APOLOGIES:- Councillor Fairweather and Councillor Haddington of the council.\n\n")


def test_minutes_formalities_weigh_less_unless_attendance_or_a_date_is_asked():
    from qa.retrieval.rank import FORMALITIES_PENALTY, formalities_weight

    asked = "What were the scrutiny councillors told in July 2024 about caseloads?"
    assert formalities_weight(MINUTES, asked) == FORMALITIES_PENALTY
    assert formalities_weight(MINUTES + "The Director said that caseloads had fallen to 19 children on average, "
                              "and that agency staff were down to a fifth of the workforce, since the inspection "
                              "in 2023 when the council was judged inadequate by Ofsted.", asked) == 1.0
    assert formalities_weight(MINUTES, "Who attended the July 2024 scrutiny meeting?") == 1.0
    assert formalities_weight(MINUTES, "When did the committee meet?", "date") == 1.0


def test_the_points_noted_after_a_minutes_lead_in_are_prose():
    from qa.retrieval.rank import prose_share

    text = ("Members asked a number of questions, and the following points were noted:-\n\n(a) in response to a "
            "question about caseloads, the Assistant Director advised that the average caseload was now 19;\n\n(b) in "
            "response to a question about the workforce, the Director advised that agency staff made up 22 per cent;")
    assert prose_share(text) == 1.0


def test_minutes_of_the_asked_months_meeting_are_not_dated_otherwise_by_their_figures(tmp_path):
    from conftest import bm25_assistant_for

    minutes = ("Wyvern Council\n\nChildren's Scrutiny Commission\n\nMinutes of the meeting held on 19 July 2024\n\n"
               + "The commission noted the family hubs update and the work programme for the year. " * 20 + "\n\n"
               "Members asked a number of questions. In response to a question about caseloads, the Director advised "
               "that agency social workers now made up 22 per cent of the workforce, down from 38 per cent at the "
               "inspection in May 2023.\n")
    paper = ("Wyvern Council news\n\n3 July 2024\n\nWyvern's scrutiny councillors will be told this month about "
             "caseloads: agency social workers now make up a quarter of the workforce, the Director advised.\n")
    assistant = bm25_assistant_for(tmp_path, {
        "minutes.txt": (minutes, {"doc_type": "council_page", "local_authorities": ["Wyvern"], "date": "2024-07-19"}),
        "paper.txt": (paper, {"doc_type": "council_page", "local_authorities": ["Wyvern"], "date": "2024-07-03"})})
    answer = assistant.ask("What were Wyvern's scrutiny councillors told in July 2024 about agency social workers? "
                           "The committee minutes please.")
    assert answer.hits and "22 per cent" in answer.hits[0].passage.text


def test_minutes_noting_a_homes_inspection_further_on_are_no_providers_report(tmp_path):
    from conftest import bm25_assistant_for

    minutes = ("Wyvern Council\n\nChildren's Services Committee\n\nMinutes - 30 November 2023\n\nIn response to "
               "questions from Members, the Director of Children's Services, Priya Halvorsen, reported that agency "
               "usage had fallen to 27% since the visit.\n\n" + "The committee noted the family hubs update. " * 60 +
               "\n\nMembers congratulated the registered manager of Ashmere House on its good inspection.\n")
    assistant = bm25_assistant_for(tmp_path, {"minutes.txt": (minutes, {
        "doc_type": "council_page", "local_authorities": ["Wyvern"], "date": "2023-11-30"})})
    answer = assistant.ask("Who told Wyvern's children's services committee in Nov 2023 that agency use had come down, "
                           "and to what level?")
    assert not answer.abstained and "27%" in answer.hits[0].passage.text


def test_the_fields_shorthand_after_a_place_opening_a_terse_query_makes_it_the_place():
    from qa.documents.gazetteer import find_in_question

    assert find_in_question("bristol CL b&b - what date has the LA committed to stop using it by?") == ["Bristol"]
    assert find_in_question("reading cp plans 2020") == ["Reading"]
    assert find_in_question("reading the cin plans - what did they say") == []  # (a verb, as before)
