"""Round 53: trust beyond the seeds (issue 10)."""
from __future__ import annotations

from datetime import date


def test_a_piece_on_a_numbered_visit_set_aside_is_no_visit_filter_and_an_own_web_page_is_the_council():
    from qa.retrieval.question import parse

    asked = parse("Kent CC's own web page on the 2019 ILACS: which areas did Ofsted look at? I don't want the 2023 "
                  "RI report or the MV5 write-up.")
    assert asked.visit_number is None
    assert asked.source == "council" and asked.doc_types == ["council_page"]
    assert (asked.date_from, asked.date_to) == (date(2019, 1, 1), date(2019, 12, 31))
    # (the visit asked is still one)
    assert parse("Kent MV5 write-up: what did it say about caseloads?").visit_number == 5


def test_the_date_of_the_source_asked_for_is_the_time_asked_whatever_years_it_speaks_of():
    from qa.retrieval.question import parse

    asked = parse("Oldbury's own news release from Sept 2017 - what did Ofsted say leaders did after the 2015 "
                  "inspection that made the difference?")
    assert (asked.date_from, asked.date_to) == (date(2017, 9, 1), date(2017, 9, 30))
    assert "2015 inspection" in asked.without_time
    # (a source from a year alone: that year)
    assert parse("the council's statement from 2019 on the 2018 inspection: what did it promise?").date_from == \
        date(2019, 1, 1)
    # (a dash before the question is no span: "from March 2019 - what ..." is that month)
    assert parse("Kent's news release from March 2019 - what did it say?").time_phrase == "March 2019"
    assert parse("The letter from March 2019 - date of the next visit?").date_to == date(2019, 3, 31)
    assert parse("The letter from March 2019 - decisions about plans: what did it say?").date_to == date(2019, 3, 31)
    assert parse("Kent's news from March 2019 - June 2019: what changed?").date_to == date(2019, 6, 30)
    # (whatever sentence asks)
    asked = parse("Oldbury's own news release from Sept 2017. What did it say about the 2015 inspection?")
    assert (asked.date_from, asked.date_to) == (date(2017, 9, 1), date(2017, 9, 30))


def test_a_grade_kept_from_an_earlier_date_is_the_baseline_not_the_time_asked():
    from qa.retrieval.question import parse

    asked = parse("Oldbury Children's Trust had its ILACS in 2021 - did it manage to keep the good it got at the "
                  "late-2017 re-inspection?")
    assert (asked.date_from, asked.date_to) == (date(2021, 1, 1), date(2021, 12, 31))
    assert parse("Did Kent keep the good from 2017 at its 2021 inspection?").time_phrase == "2021"
    # (the event the grade was kept or lost at is asked)
    assert parse("Kent was rated good in 2017 - did it keep its rating at the 2021 inspection?").time_phrase == "2021"
    assert parse("Kent was good in 2017. Did it lose that grade at the 2022 ILACS?").time_phrase == "2022"
    # (the grade's year alone is still the time)
    assert parse("Did Kent keep its good rating in 2019?").time_phrase == "2019"


def test_a_joint_inspection_asked_speaks_before_a_single_inspectorates_report():
    from qa.datatypes import Document
    from qa.retrieval import rank
    from qa.retrieval.question import parse

    jtai = Document(doc_id="r53-j", path="j.pdf", title="Joint targeted area inspection of Oldbury",
                    doc_type="ofsted_letter", text="Between 6 and 10 March 2023, Ofsted, the CQC ... carried out a "
                                                   "joint inspection.")
    report = Document(doc_id="r53-r", path="r.pdf", title="Inspection of children's social care services",
                      doc_type="ofsted_report", text="Children who go missing are not always offered interviews.")
    asked = parse("Are return home interviews passed to the police? What have multi-agency inspectors found?")
    assert rank.joint_inspection_weight(jtai, asked) == 1.0
    assert rank.joint_inspection_weight(report, asked) == rank.NOT_JOINT_PENALTY
    # (not when the council's response is asked, nor when no joint inspection is)
    assert rank.joint_inspection_weight(report, parse("After the joint inspection, how did the council "
                                                      "respond?")) == 1.0
    assert rank.joint_inspection_weight(report, parse("What have inspectors found on return interviews?")) == 1.0
    # (nor a council's page: "What was Kent's response to the joint inspection?" is read as Ofsted's)
    statement = Document(doc_id="r53-st", path="s.txt", title="Our statement", doc_type="council_page",
                         text="We welcome the findings and will act on them.")
    assert rank.joint_inspection_weight(statement, parse("What was Kent's response to the joint inspection?")) == 1.0


def test_office_shorthand_for_social_workers_and_a_terse_querys_meeting_words_name_the_paper():
    from qa.retrieval.question import parse
    from qa.retrieval.synonyms import with_synonyms

    assert "social workers" in with_synonyms("devon agency sw %")
    asked = parse("oldbury agency sw % scrutiny cttee may 2022")
    assert "scrutiny" not in asked.without_time and "cttee" not in asked.without_time
    assert asked.source == "council"
    # (only the meeting's own words: the same words later are the topic)
    assert parse("kent cabinet mar 2023 cabinet member statement on ilacs").without_time == \
        "kent cabinet member statement on ilacs"
    # (the region in capitals is no social worker)
    assert "social workers" not in with_synonyms("Which councils in the SW were judged inadequate?")
    # (a sentence keeps them: the committee may be what is asked about)
    assert "scrutiny" in parse("What did the scrutiny committee say in May 2022 about agency staff?").without_time


def test_a_timeline_the_answer_is_for_asks_for_no_trail():
    from qa.retrieval.timeline import detect

    assert detect("For a timeline: which month and year was Oldbury judged inadequate?") is None
    assert detect("I'm building a timeline - when was the Oldbury trust set up?") is None
    assert detect("Give me a timeline of what inspectors said about supervision in Oldbury").kind == "trail"
    assert detect("Show Oldbury's inspection judgements in a timeline").kind == "trail"


def test_a_judgement_dated_as_what_a_later_visit_measures_from_answers_when_it_was_judged():
    from qa.retrieval.answer_type import ANSWER_TYPE_BOOST, answer_type_weight, asked_event

    question = "which month and year was Oldbury judged inadequate?"
    assert asked_event(question) == "judged"
    recalled = "This was the fifth monitoring visit since its inadequate rating in June 2016."
    assert answer_type_weight("date", recalled, None, "judged") > ANSWER_TYPE_BOOST
    # (a grade given, not good judgement shown or good practice found)
    assert answer_type_weight("date", "On 12 March 2019 managers showed good judgement in their decisions.", None,
                              "judged") == ANSWER_TYPE_BOOST
    assert answer_type_weight("date", "In May 2018 inspectors found much good practice in the front door.", None,
                              "judged") == ANSWER_TYPE_BOOST
    assert asked_event("When did the inspectors who went to the good authorities visit Kent?") != "judged"
    # (a recalled date of another event answers no "when was it published")
    assert answer_type_weight("date", "Since the last monitoring visit in February 2017, little changed.", None,
                              "published") == 1.0


def test_words_asking_for_a_date_are_not_searched_for():
    from qa.retrieval.retriever import keyword_terms

    terms = ["month", "year", "oldburi", "judg", "inadequ", "exact", "date"]
    assert keyword_terms(terms, "which month and year was Oldbury judged inadequate? Need the exact date") == \
        ["oldburi", "judg", "inadequ", "date"]
    # (a report's "Inspection dates" answers "on what dates")
    assert "date" in keyword_terms(["date", "inspect"], "On what dates did Ofsted inspect Oldbury?")
    assert keyword_terms(["year", "plan"], "What is in the council's three year plan?") == ["year", "plan"]
    assert keyword_terms(["year", "group"], "What year groups have the most children missing education?") == \
        ["year", "group"]


def test_a_quotation_set_aside_takes_where_it_was_written_with_it():
    from qa.retrieval.question import parse

    asked = parse("when was Oldbury judged inadequate? not 'two years ago' from the later council release.")
    assert "release" not in asked.keyword_text and "two years" not in asked.keyword_text


def test_an_acronym_run_into_the_next_word_is_still_named():
    from types import SimpleNamespace

    import numpy as np

    from qa.retrieval.retriever import _glued

    index = SimpleNamespace(passages=[SimpleNamespace(text="It follows a MHCLGconsultation held in November 2018."),
                                      SimpleNamespace(text="Nothing here.")])
    assert _glued(index, "MHCLG", np.array([True, True]))
    assert not _glued(index, "MHCLG", np.array([False, True]))
    mixed = SimpleNamespace(passages=[SimpleNamespace(text="It follows a DfEconsultation held in 2018.")])
    assert not _glued(mixed, "DfE", np.array([True]))  # (not an all-capitals acronym)


def test_what_the_user_is_writing_is_no_source():
    from qa.retrieval.question import parse

    assert parse("Oldbury - when was the consultation held? Need the month for a committee report on the "
                 "trust.").source is None
    assert parse("For a briefing paper: what did the council say about caseloads?").source == "council"
    assert parse("What did the committee report say about caseloads?").source == "council"
    # (only the purpose goes: what is needed stays the source)
    assert parse("I need the council's response to the ILACS for a briefing note.").source == "council"
    assert parse("I want the press coverage for my briefing on Kent's inspection.").source == "news"


def test_a_count_of_mentions_counts_what_is_mentioned():
    from qa.index.sparse import tokenize
    from qa.retrieval.answer_type import states_count

    stems = frozenset(tokenize("improvements"))
    assert states_count(stems, "However the letter also made 19 separate references to improvements across services.")
    assert not states_count(stems, "However the letter also made 19 separate comments on the wider plans for "
                                   "improvements.")


def test_a_dash_closes_a_scene_clause_and_the_council_itself_responds():
    from qa.retrieval.question import parse

    asked = parse("oldbury 2015 when Ofsted put them in inadequate - how did the council itself respond publicly?")
    assert asked.source == "council"
    assert "respond" in asked.keyword_text and "put them in inadequate" not in asked.keyword_text
    # (dashes round an aside close nothing)
    from qa.retrieval.answer_type import answer_type
    assert answer_type("What did Ofsted praise when Kent - after years of trouble - was rated good?") is None


def test_an_event_dated_inside_a_span_that_tells_which_one_is_the_time_asked():
    from qa.retrieval.question import parse

    asked = parse("Oldbury's 2017 full inspection, the RI one between the 2015 inadequate and the 2022 good - what "
                  "did Ofsted say about care leavers?")
    assert (asked.date_from, asked.date_to) == (date(2017, 1, 1), date(2017, 12, 31))
    # (a span asked stays one)
    assert parse("What changed between the 2015 inadequate and the 2022 good?").date_to == date(2022, 12, 31)
    assert parse("How did social work change between 2015 and 2022, through the 2017 and 2019 inspections?"
                 ).date_to == date(2022, 12, 31)


def test_the_inspectors_view_asked_of_a_council_statement_is_no_reply_preference():
    from qa.retrieval import rank

    question = "Oldbury's own statement on the 2013 inspection: did inspectors reckon the new team was making a " \
               "difference?"
    findings = "It is clear that inspectors saw important foundations for improvement in place."
    assert rank.reply_weight(findings, question, "council", True) == 1.0
    assert rank.reply_weight(findings, "Oldbury's own statement on the 2013 inspection: have inspectors found the new "
                                       "team was making a difference?", "council", True) == 1.0
    assert rank.reply_weight(findings, "Oldbury's own statement on the 2013 inspection: what did it promise?",
                             "council", True) < 1.0


def test_a_date_written_as_an_ordinal_word_dates_a_letter(tmp_path):
    from conftest import ingested

    from qa.documents.metadata import parse_date

    assert parse_date("Date: the fourth of March 2020") == "2020-03-04"
    assert parse_date("the twenty-first of June, 2019") == "2019-06-21"
    assert parse_date("the 3rd day of May 2018") == "2018-05-03"
    from qa.documents.metadata import _dateline
    assert _dateline("Published: the fourth of March 2020") == ("2020-03-04", True)
    letter = ("Ofsted\nPiccadilly Gate\nManchester\n\nDate: the fourth of March 2020\n\nMrs A Smith\nDirector of "
              "Children's Services\nOldbury Council\n\nDear Mrs Smith\n\nMonitoring visit to Oldbury children's "
              "services\n\nThis letter summarises the findings of the monitoring visit on 4 and 5 February 2020.\n\n"
              "Yours sincerely\n\nJo Bell\nHer Majesty's Inspector\n")
    assert ingested(tmp_path, "letter.txt", letter).date == "2020-03-04"
    figures = letter.replace("Date: the fourth of March 2020", "4th of March 2020")
    (tmp_path / "b").mkdir()
    assert ingested(tmp_path / "b", "letter.txt", figures).date == "2020-03-04"


def test_ofsted_asked_after_a_label_naming_a_numbered_visit_tells_first():
    from qa.datatypes import Document, Hit, Passage
    from qa.retrieval import rank
    from qa.retrieval.question import parse

    story = Document(doc_id="r53-s", path="s.txt", title="Trust shows progress", doc_type="news_article",
                     date="2020-03-12", local_authorities=["Kent"], visit_number=1, text="Story.")
    letter = Document(doc_id="r53-l", path="l.txt", title="Monitoring visit to Kent", doc_type="ofsted_letter",
                      date="2020-03-04", local_authorities=["Kent"], visit_number=1, text="Letter.")
    hits = [Hit(passage=Passage(passage_id=f"{d.doc_id}#1", doc_id=d.doc_id, text=d.text, start=0, end=5),
                document=d, score=score) for d, score in ((story, 1.0), (letter, 0.9))]
    asked = parse("Kent's first MV after the trust took over - what did Ofsted say about thresholds?")
    assert rank.ofsted_telling_first(list(hits), asked)[0].document is letter
    assert rank.ofsted_telling_first(list(hits), parse("Kent's first MV - how did the press cover it?"))[0].document \
        is story


def test_a_dateline_above_a_lead_dates_no_event_the_lead_names():
    from qa.retrieval.answer_type import dates_event

    assert not dates_event("started", "By Jo Bell | 12 March 2020\n\nServices improved since a trust took over.")
    assert dates_event("started", "The trust went live on 1 October 2019, chaired by Dr A Smith.")


def test_another_inspectorate_named_only_on_its_reports_first_line_is_no_ofsted_voice():
    from qa.datatypes import Document
    from qa.retrieval import rank

    cqc = Document(doc_id="r53-c", path="c.txt", title="Oldbury CAMHS", doc_type="other",
                   text="Care Quality Commission\n\nOldbury NHS Trust\n\nInspection report")
    joint = Document(doc_id="r53-jt", path="j.txt", title="Letter", doc_type="ofsted_letter",
                     text="Ofsted | Care Quality Commission | HMICFRS\n\nJoint inspection")
    assert rank.other_inspectorate_weight(cqc, "What did Ofsted say about waiting times?") == \
        rank.OTHER_INSPECTORATE_PENALTY
    assert rank.other_inspectorate_weight(joint, "What did Ofsted say about waiting times?") == 1.0
    long_head = Document(doc_id="r53-lh", path="h.txt", title="Oldbury", doc_type="other",
                         text="Care Quality Commission, His Majesty's Inspectorate of Constabulary and Fire & Rescue "
                              "Services, His Majesty's Inspectorate of Probation and Ofsted\n\nJoint letter")
    assert rank.other_inspectorate_weight(long_head, "What did Ofsted say about youth violence?") == 1.0


def test_a_service_only_another_inspectorate_names_has_nothing_from_ofsted(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    cqc = ("Care Quality Commission\n\nOldbury Community Child and Adolescent Mental Health Service\n\nInspection "
           "report\n\nDate of publication: 15 January 2024\n\nWe inspected the child and adolescent mental health "
           "service because of concerns about waiting times. Young people waited up to 70 weeks.")
    ofsted = ("Oldbury Council\n\nInspection of children's social care services\n\nReport published: 3 May 2023\n\n"
              "Children in care are seen regularly. Waiting times for assessments have fallen.")
    assistant = bm25_assistant_for(tmp_path, {
        "cqc.txt": (cqc, {"doc_type": "other", "title": "Oldbury CAMHS", "local_authorities": ["Oldbury"]}),
        "ofsted.txt": (ofsted, {"doc_type": "ofsted_report", "title": "Inspection of Oldbury",
                                "local_authorities": ["Oldbury"]}),
        **other_council_news()})
    answer = assistant.ask("What did Ofsted say about waiting times in Oldbury's child and adolescent mental health "
                           "service?")
    assert answer.abstained and "Ofsted beside" in answer.message
    # (the inspectorate that spoke, asked by name, answers)
    answer = assistant.ask("What did the CQC say about waiting times in Oldbury's child and adolescent mental health "
                           "service?")
    assert not answer.abstained and any("70 weeks" in h.passage.text for h in answer.hits)


def test_a_letter_naming_the_service_by_its_initials_names_it(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    letter = ("Ofsted\n\nDear Mrs Smith\n\nFocused visit to Oldbury children's services\n\nThis letter summarises "
              "the findings of the focused visit to Oldbury children's services on 4 and 5 March 2023.\n\nChildren "
              "wait too long for CAMHS, up to 40 weeks.\n\nYours sincerely\n\nJo Bell\nHer Majesty's Inspector")
    assistant = bm25_assistant_for(tmp_path, {"l.txt": (letter, {"doc_type": "ofsted_letter", "title": "Focused visit",
                                                                 "local_authorities": ["Oldbury"]}),
                                              **other_council_news()})
    answer = assistant.ask("What did the focused visit find about waiting times in Oldbury's child and adolescent "
                           "mental health service?")
    assert not answer.abstained


def test_an_assistant_director_by_initials_is_named_by_the_role_written_out():
    from qa.retrieval.acronyms import FIELD_GLOSSARY

    assert FIELD_GLOSSARY["AD"] == "assistant director"


def test_praise_setting_the_scene_before_but_what_asks_no_praise():
    from qa.retrieval import rank

    question = "inspectors were positive about the new DCS but what did they say was holding her back?"
    assert not rank.asks_praise(question)
    assert rank.asks_faults(question)
    assert rank.asks_praise("What were inspectors positive about?")
    assert rank.fault_weight("Inspectors praised the director's strong leadership.", question) == \
        rank.PRAISE_ONLY_PENALTY
    assert rank.fault_weight("But her efforts remain hampered by poor data.", question) == 1.0


def test_a_place_before_its_childrens_services_is_the_place():
    from qa.retrieval.question import find_authorities

    assert find_authorities("bucks childrens services - what did ofsted find when they were judged inadequate?") == \
        ["Buckinghamshire"]
    assert find_authorities("reading children's services ilacs 2019 - what was found?") == ["Reading"]
    assert find_authorities("Reading the letter, what did it say?") == []


def test_adult_social_care_asked_is_named_by_the_page_that_answers():
    from qa.retrieval.question import parse

    assert "adult social care" in parse("What rating did the CQC give Oldbury for adult social care?").names


def test_which_inspectors_asked_is_answered_by_the_line_naming_them_all():
    from qa.retrieval.answer_type import SEVERAL_NAMED_BOOST, several_named_weight

    question = "which HMIs did the focused visit to harrow in october 2021?"
    opening = "Her Majesty's Inspectors for this visit were Miriam Ashdown and Tobias Renwick."
    assert several_named_weight(question, opening) == SEVERAL_NAMED_BOOST
    assert several_named_weight(question, "Social workers told inspectors that they feel well supported. Yours "
                                          "sincerely Miriam Ashdown Her Majesty's Inspector") == 1.0
    assert several_named_weight("who led the focused visit?", opening) == 1.0


def test_how_many_get_counts_what_comes_before_the_verb():
    from qa.retrieval.answer_type import counted_stems

    assert counted_stems("How does the probation inspectorate grade a service - how many aspects of the work get a "
                         "rating?") == frozenset({"aspect", "work"})


def test_a_year_around_which_something_is_asked_is_a_time_and_a_share_of_all_is_a_count():
    from qa.index.sparse import tokenize
    from qa.retrieval.answer_type import states_count
    from qa.retrieval.question import parse

    asked = parse("Roughly what proportion of councils were at requires improvement around 2016?")
    assert (asked.date_from, asked.time_phrase) == (date(2016, 1, 1), "2016")
    assert parse("around 2000 children were in care").date_from is None
    assert parse("How many children were in care in Kent around 2000?").date_from is None
    assert states_count(frozenset(tokenize("councils authority")), "in line with almost half of all local "
                                                                   "authorities in the country")


def test_an_office_offered_as_the_answer_is_answered_by_a_passage_naming_the_office():
    from qa.retrieval.assistant import OFFICE_OFFERED_RE
    from qa.retrieval.question import parse

    question = "Oldbury scrutiny, after the Oct 2022 ILACS: who brought the inspection outcome to members - the DCS, or " \
               "another officer?"
    assert OFFICE_OFFERED_RE.search(question)
    assert not OFFICE_OFFERED_RE.search("Who was the DCS at Oldbury in 2022?")
    # (and the meeting's papers tell it: the council speaks)
    assert parse(question).source == "council"


def test_what_later_visits_said_and_a_places_own_report_with_its_date_are_set_aside():
    from qa.retrieval.question import parse

    asked = parse("Oldbury's 2023 ILACS - which judgement came out RI? Need the 2023 grades, not what the later MVs "
                  "said.")
    assert "MVs" not in asked.keyword_text
    asked = parse("North Northants MV letters after the trust took over: was practice consistent? Not WNC's own ILACS "
                  "from Nov 2022.")
    assert asked.date_from is None and "ILACS" not in asked.without_time


def test_ofsted_criticised_is_not_told_by_its_own_letters():
    from qa.datatypes import Document
    from qa.retrieval import rank

    letter = Document(doc_id="r53-ol", path="o.txt", title="Ofsted thematic inspection", doc_type="ofsted_letter",
                      text="Inspectors looked at how councils tackle exploitation.")
    committee = Document(doc_id="r53-cm", path="c.txt", title="Committee report", doc_type="other",
                         text="Ofsted inspectors didn't probe council officers enough.")
    question = "Has anyone said Ofsted's inspectors didn't question council officers hard enough about CSE?"
    assert rank.ofsted_criticised_weight(letter, question) == rank.CRITICISED_OWN_PENALTY
    assert rank.ofsted_criticised_weight(committee, question) == 1.0
    assert rank.ofsted_criticised_weight(letter, "Which committee said Ofsted's inspections failed to uncover CSE?") \
        == rank.CRITICISED_OWN_PENALTY
    assert rank.ofsted_criticised_weight(letter, "What did Ofsted find about CSE in Oldbury?") == 1.0


def test_a_numbered_visit_whose_letter_is_still_to_come_has_no_findings():
    from qa.datatypes import Document, Hit, Passage
    from qa.retrieval.assistant import visit_awaited
    from qa.retrieval.question import parse

    text = ("4.1 The fifth monitoring visit took place in February 2019 and looked at children looked after. The letter "
            "had not been published when this report was written.")
    paper = Document(doc_id="r53-p", path="p.txt", title="Update", doc_type="council_page", text=text)
    hit = Hit(passage=Passage(passage_id="p#1", doc_id="r53-p", text=text, start=0, end=len(text)), document=paper,
              score=1.0, unconfirmed=["visit"])
    asked = parse("What did the fifth MV to Oldbury in February 2019 find about permanence?")
    assert visit_awaited(asked, [hit])
    letter = Document(doc_id="r53-l5", path="l.txt", title="Monitoring visit", doc_type="ofsted_letter", text=text,
                      visit_number=5)
    assert not visit_awaited(asked, [hit, Hit(passage=hit.passage, document=letter, score=0.5)])
    told = text.replace("The letter had not been published when this report was written.", "It found drift.")
    assert not visit_awaited(asked, [Hit(passage=Passage(passage_id="p#1", doc_id="r53-p", text=told, start=0,
                                                         end=len(told)), document=paper, score=1.0)])


def test_a_council_first_named_on_a_meetings_attendance_line_is_a_guest():
    from conftest import metadata_of

    minutes = ("Milton Keynes Council\nChildren and Young People Scrutiny Committee\nMinutes of the meeting held on "
               "14 March 2023\nPresent: Councillors A Smith (Chair), B Jones\nAlso present: Councillor F Ibbotson "
               "(Bedford Borough Council, peer observer)\nApologies: S Rao (Buckinghamshire Council)\nCYP42 OFSTED "
               "FOCUSED VISIT\nThe committee received a report on the Ofsted focused visit to Milton Keynes "
               "children's services. Members welcomed the findings for Milton Keynes.\nCouncillor Ibbotson said that "
               "Bedford Borough Council would welcome the opportunity to learn from Milton Keynes.")
    assert metadata_of(minutes, name="minutes.txt")["local_authorities"] == ["Milton Keynes"]


def test_a_passage_opening_on_the_inspectors_finding_weighs_its_councils_reply_half_as_much():
    from qa.retrieval import rank

    question = "Have inspectors picked up on care leavers shaping local policy?"
    reply = ("Chief executive Jo Bell said: \"We are delighted that Ofsted reflected on the role of young people, and "
             "we will keep building on it with our young advisers across the service.\"")
    finding = "Care leavers were also involved in local policy decisions, Ofsted found.\n\n" + reply
    told = "Care leavers were also involved in local policy decisions.\n\n" + reply
    penalty = 1.0 - rank.REPLY_PENALTY
    assert rank.reply_weight(finding, question, "ofsted") == 1.0 - penalty * rank.reply_share(finding) / 2
    assert rank.reply_weight(told, question, "ofsted") == 1.0 - penalty * rank.reply_share(told)
    assert rank.reply_share(finding) > 0.5


def test_the_field_and_an_office_by_initials_weigh_no_passage_down():
    from qa.retrieval.acronyms import FIELD_GLOSSARY, asked_acronyms

    assert asked_acronyms(["CSC", "DCS", "AD"], FIELD_GLOSSARY) == ()
    assert len(asked_acronyms(["MASH"], FIELD_GLOSSARY)) == 1
