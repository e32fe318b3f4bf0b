"""Round 60: trust beyond the seeds (issue 10)."""
from __future__ import annotations

from datetime import date

from qa.datatypes import Document


def test_an_assurance_visit_written_av_is_no_name_a_page_must_repeat(tmp_path):
    from conftest import bm25_assistant_for

    letter = ("Assurance visit to Kirklees Council children's services\n\n17 December 2020\n\nThis letter summarises "
              "the findings of the assurance visit to Kirklees Council children's services on 24 and 25 November "
              "2020.\n\nToo few initial child protection conferences were held on time: 61% were held within 15 "
              "working days.")
    assistant = bm25_assistant_for(tmp_path, {"r60-av.txt": (letter, {
        "doc_type": "ofsted_letter", "date": "2020-12-17", "local_authorities": ["Kirklees"]})})
    answer = assistant.ask("kirklees AV nov 2020 - what did ofsted say about ICPC timeliness?")
    assert not answer.abstained and answer.hits[0].document.doc_id.startswith("r60-av")


def test_sw_stands_for_social_work_as_well_as_the_social_worker():
    from qa.retrieval.acronyms import FIELD_GLOSSARY, asked_acronyms, acronym_weight

    patterns = asked_acronyms(["SW"], dict(FIELD_GLOSSARY))
    assert acronym_weight(patterns, "the quality of social work is good") == 1.0
    assert acronym_weight(patterns, "social workers said they felt supported") == 1.0
    assert acronym_weight(patterns, "the network of family hubs has grown") < 1.0


def test_the_framework_itself_asked_is_answered_by_ofsteds_guidance(tmp_path):
    from conftest import bm25_assistant_for

    guidance = ("Guidance\n\nInspecting local authority children’s services\n\nUpdated 5 April 2024\n\nThis document "
                "sets out the framework for inspecting local authority children’s services (ILACS). We first "
                "published this framework in November 2017. We last updated this framework in April 2024.")
    minutes = ("Kirklees Council\n\nChildren's Scrutiny Committee, 3 July 2025\n\nMinutes\n\nThe Director reported "
               "that the council had been inspected under the ILACS framework in June 2025, a two-week inspection "
               "first published as a framework by Ofsted some years ago and last revised recently.")
    assistant = bm25_assistant_for(tmp_path, {
        "r60-guidance.txt": (guidance, {"doc_type": "other", "date": "2024-04-05",
                                        "title": "Inspecting local authority children’s services"}),
        "r60-minutes.txt": (minutes, {"doc_type": "council_page", "date": "2025-07-03",
                                      "local_authorities": ["Kirklees"]})})
    answer = assistant.ask("When did Ofsted first bring out the ILACS framework, and when was the current version "
                           "last revised?")
    assert not answer.abstained and answer.hits[0].document.doc_id.startswith("r60-guidance")
    # (the inspectorate's own words on its framework: as much Ofsted's as its letters)
    from qa.retrieval.question import parse
    from qa.retrieval.rank import prior

    query = parse("When did Ofsted first bring out the ILACS framework?")
    guide, paper = (next(d for d in assistant.live.current().documents.values() if d.doc_id.startswith(name))
                    for name in ("r60-guidance", "r60-minutes"))
    assert prior(guide, query, None) == 1.0 > prior(paper, query, None)


def test_the_framework_asked_about_as_such_not_as_a_councils_frame():
    from qa.retrieval.rank import asks_framework

    assert asks_framework("When did Ofsted first bring out the ILACS framework?")
    assert not asks_framework("Under the ILACS framework, what did inspectors find in Kent?")


def test_after_the_pandemic_is_a_time():
    from qa.retrieval.question import parse

    asked = parse("What overall grade did Leeds get at its first full ILACS after the pandemic?")
    assert asked.date_from == date(2021, 4, 1) and asked.date_to is None
    # ("during the pandemic" stays a topic: a later page may look back on it)
    assert parse("How did Leeds keep children safe during the pandemic?").date_from is None


def test_a_visit_that_only_marks_when_the_inspection_came_asks_for_the_inspection():
    from qa.retrieval.rank import asks_full_inspection

    assert asks_full_inspection("Liverpool - the full ILACS re-inspection after the final MV in Sept 2025: what "
                                "overall grade did they get?")
    assert not asks_full_inspection("What did the monitoring visit after the 2019 inspection find?")


def test_a_page_titled_on_a_monitoring_visit_does_not_answer_for_the_full_inspection():
    from qa.retrieval.question import parse
    from qa.retrieval.rank import prior

    query = parse("Calder - the full ILACS re-inspection after the final MV in Sept 2025: what overall grade?")
    page = Document(doc_id="r60-mv", path="r60-mv.txt", text="Calder news", doc_type="council_page",
                    title="Final Ofsted monitoring visit highlights progress", local_authorities=["Calder"])
    report = Document(doc_id="r60-report", path="r60-report.txt", text="Calder report", doc_type="council_page",
                      title="Ofsted inspection report published", local_authorities=["Calder"])
    assert prior(page, query, None) < prior(report, query, None)


def test_visits_counted_since_a_year_open_no_window_for_a_set_aside_to_close():
    from qa.retrieval.question import parse

    asked = parse("West Sussex MV5 (September, fifth since 2019) - why were some children waiting too long? "
                  "MV5 only, not the March 2023 ILACS.")
    assert asked.date_to is None
    closed = parse("the December visit, the first after the 2023 inadequate grade. Not the 2025 visits please")
    assert closed.date_to == date(2024, 12, 31)


def test_a_grade_naming_only_another_council_is_not_the_asked_councils():
    from qa.retrieval.assistant import names_other_councils_only

    assert names_other_councils_only("Northamptonshire County Council's children's services were rated inadequate "
                                     "by Ofsted in July 2019.", ["North Northamptonshire"])
    assert not names_other_councils_only("North Northamptonshire Council was rated good.", ["North Northamptonshire"])
    assert not names_other_councils_only("The council was rated good.", ["North Northamptonshire"])


def test_how_inspectors_gathered_evidence_is_no_finding():
    from qa.retrieval.rank import scope_share

    method = ("Inspectors were on site at County Hall for both days. They spoke to social workers, managers and "
              "leaders, held video calls with practitioners and looked at children's records.")
    finding = "Too many visits to children in need were carried out by telephone for longer than was necessary."
    assert scope_share(method) > 0.9
    assert scope_share(finding) == 0.0


def test_a_roles_reaction_asked_tersely_is_their_quoted_words():
    from qa.retrieval.answer_type import reaction_weight

    asked = "medway dcs reaction to the jtai letter"
    quoted = ("Joanne Hartigan, Director of Children and Adults' Services, said: \"The hub is working for the children "
              "it reaches, and we need a sharper picture of where exploitation is happening.\"")
    presented = ("2.1 A JTAI is carried out jointly by four inspectorates. This report from the Director of Children's "
                 "Services updates the committee on the written statement of action.")
    assert reaction_weight(asked, quoted) > 1.0
    assert reaction_weight(asked, presented) == 1.0
    # (a written statement of action is no one's reaction)
    assert reaction_weight("the partnership's written statement of action response", quoted) == 1.0


def test_posts_are_counted_as_the_practitioners_filling_them():
    from qa.retrieval.answer_type import counted_stems, states_count

    counted = counted_stems("kent cyp - how much for the adolescent exploitation team and how many posts", ["Kent"])
    assert states_count(counted, "The committee agreed to add eight practitioners to the Adolescent Exploitation "
                                 "Team.", before=True)
    # (but social workers asked are counted as social workers, not as any posts)
    workers = counted_stems("How many new social workers did Medway recruit?", ["Medway"])
    assert not states_count(workers, "The council created twelve posts in its family hubs.", before=True)


def test_the_day_a_plan_was_sent_is_not_the_deadline_it_was_given():
    from qa.retrieval.answer_type import asked_event, dates_event

    asked = "When did the safeguarding partners send their written statement of action to Ofsted?"
    assert asked_event(asked) == "sent"
    assert dates_event("sent", "Version 1.0 (final), submitted to Ofsted on 6 November 2024")
    assert not dates_event("sent", "The director should send the written statement of action to Ofsted by "
                                   "8 November 2024.")


def test_ofsted_receiving_a_plan_far_from_the_verb_is_still_no_teller():
    from qa.retrieval.question import parse

    assert parse("When did Medway's safeguarding partners send their written statement of action to Ofsted?").source \
        is None
    assert parse("What did Ofsted say about Medway's written statement of action?").source == "ofsted"


def test_review_a_neighbour_named_beside_the_council_leaves_its_grade_the_councils():
    from qa.retrieval.assistant import names_other_councils_only

    assert not names_other_councils_only("The overall effectiveness of services in the council was judged inadequate. "
                                         "Leaders have drawn on support from Rochdale.", ["Bury"])


def test_review_the_first_visit_since_a_year_still_opens_a_window_a_set_aside_closes():
    from qa.retrieval.question import parse

    asked = parse("What did the first MV since 2023 find in Leeds? Not the 2025 visits please.")
    assert asked.date_to == date(2024, 12, 31)


def test_review_after_the_pandemic_began_is_no_time_after_it():
    from qa.retrieval.question import parse

    assert parse("How did Leeds caseloads change after the pandemic began?").date_from is None
    assert parse("What happened to referrals in Leeds after the pandemic?").date_from is None  # (no inspection asked)


def test_review_inspectors_speaking_to_staff_who_told_them_something_is_a_finding():
    from qa.retrieval.rank import ASKS_ABOUT_VISIT_RE, scope_share

    assert scope_share("Inspectors spoke to social workers who said caseloads were too high and that they could not "
                       "do direct work with children.") == 0.0
    assert ASKS_ABOUT_VISIT_RE.search("How did inspectors gather evidence during the Leeds focused visit?")


def test_review_a_reaction_is_the_roles_own_sentence_and_inspectors_comments_are_findings():
    from qa.retrieval.answer_type import _reaction_role, reaction_weight

    other_speaker = ("Sarah Smith, the director of children's services, presented the report to cabinet on 5 March. "
                     "The leader of the council, John Brown, said the findings were disappointing.")
    assert reaction_weight("What was the Medway DCS reaction to the JTAI letter?", other_speaker) == 1.0
    assert _reaction_role("What were the inspectors comments on the front door in Leeds?") is None
    assert _reaction_role("What was the team leader response time in the MASH?") is None
    assert _reaction_role("What does the director statement of purpose say?") is None


def test_review_inspectors_returning_is_no_plan_sent_and_a_due_date_is_no_sending():
    from qa.retrieval.answer_type import asked_event, dates_event

    assert asked_event("When did Ofsted return to Leeds?") != "sent"
    assert asked_event("When were return home interviews brought in-house in Leeds?") != "sent"
    assert not dates_event("sent", "The written statement of action must be submitted to Ofsted on 20 March 2024.")


def test_review_a_practitioner_headcount_answers_no_vacancies_nor_post_16_counts():
    from qa.retrieval.answer_type import counted_stems, states_count

    headcount = "Leeds employs 320 practitioners across its locality teams."
    assert not states_count(counted_stems("How many posts were vacant in Leeds?", ["Leeds"]), headcount, before=True)
    assert not states_count(counted_stems("How many post-16 placements were unregistered in Leeds?", ["Leeds"]),
                            "The team of 14 practitioners supports young people.", before=True)


def test_review_a_cabinet_passing_a_plan_before_it_was_sent_to_ofsted_still_names_the_council():
    from qa.retrieval.question import parse

    assert parse("What did the Leeds leader say after the plan went through cabinet and was then sent to "
                 "Ofsted?").source == "council"


def test_review_a_visit_anchor_ends_with_its_sentence():
    from qa.retrieval.rank import _titled_on_monitoring_visit, asks_full_inspection

    assert not asks_full_inspection("Leeds ILACS came after their last monitoring visit. What did the monitoring "
                                    "letters say about PLO?")
    assert not _titled_on_monitoring_visit("Ofsted inspection and monitoring visits: update to Children's Scrutiny")
    assert _titled_on_monitoring_visit("Final Ofsted monitoring visit highlights progress")


def test_review_a_councils_practice_framework_is_not_ofsteds():
    from qa.retrieval.rank import asks_framework

    assert not asks_framework("Which councils have Ofsted praised for their practice framework?")
    assert not asks_framework("What did inspectors find within the ILACS framework in Kent?")
    assert asks_framework("What do Ofsted's inspection frameworks say about care leavers?")


def test_review_sw_is_no_service_name_and_reads_the_plural_alike():
    from qa.retrieval.acronyms import FIELD_GLOSSARY, asked_acronyms, acronym_weight

    single, plural = asked_acronyms(["SW"], dict(FIELD_GLOSSARY)), asked_acronyms(["SWs"], dict(FIELD_GLOSSARY))
    assert acronym_weight(single, "childrens social work services in Leeds") < 1.0
    assert acronym_weight(plural, "the quality of social work is good") == 1.0


def test_legal_basis_is_searched_as_the_section_of_an_act():
    from qa.retrieval.synonyms import with_synonyms

    assert "section" in with_synonyms("on what legal basis does Ofsted re-inspect?")


def test_an_earlier_inspections_findings_carried_to_a_later_one_ask_the_later_year():
    from qa.retrieval.question import parse

    asked = parse("dudley 2016 inadequate - had the RI areas from the 2012 inspection been progressed?")
    assert (asked.date_from, asked.date_to) == (date(2016, 1, 1), date(2016, 12, 31))
    # (the earlier year asked for itself stays asked)
    assert parse("dudley 2016 inadequate - what did the 2012 inspection find?").date_from == date(2012, 1, 1)


def test_ri_is_mentioned_by_require_improvement_in_any_tense(tmp_path):
    from conftest import bm25_assistant_for

    story = ("Council's children's services 'inadequate', Ofsted warn\n\n6 April 2016\n\nAn inspection of Halton "
             "council's children's services found that since the last inspection in 2012 the majority of areas that "
             "were found to require improvement at that inspection have not been progressed.")
    assistant = bm25_assistant_for(tmp_path, {"r60-ri.txt": (story, {
        "doc_type": "news_article", "date": "2016-04-06", "local_authorities": ["Halton"]})})
    answer = assistant.ask("halton 2016 inadequate - had the RI areas from the 2012 inspection been progressed?")
    assert not answer.abstained


def test_a_lower_case_newcastle_before_a_season_and_year_of_its_inspection_is_the_place():
    from qa.documents.gazetteer import find_in_question

    assert find_in_question("newcastle ilacs late 2021 - what did inspectors say about caseloads?") \
        == ["Newcastle upon Tyne"]


def test_what_did_the_director_say_asks_for_the_directors_own_words():
    from qa.retrieval.answer_type import _reaction_role

    assert _reaction_role("In Durham's press release, what did the director say about the Ofsted rating?") == "director"


def test_the_framework_asked_itself_is_the_councils_not_a_providers():
    from qa.retrieval.rank import inspection_guidance

    def page(title: str) -> Document:
        return Document(doc_id="r60-f", path="f.txt", text=title, title=title, doc_type="other")

    asked = "When did Ofsted first bring out the ILACS framework?"
    assert inspection_guidance(page("Inspecting local authority children's services: inspection framework"), asked)
    assert not inspection_guidance(page("Social care common inspection framework (SCCIF): children's homes"), asked)
    # (a kind of provider named only to be set aside asks no framework itself)
    assert not inspection_guidance(page("Monitoring local authority children's services: inspectors' handbook"),
                                   "Ofsted's handbook on councils, not the children's homes framework?")
