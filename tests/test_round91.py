"""Round 91: trust beyond the seeds (issue 10)."""
from __future__ import annotations

from datetime import date


def test_a_place_inside_a_visits_words_stays_in_what_is_searched():
    from qa.retrieval.question import parse

    # the visit is a filter and leaves the words searched; the place standing inside its words does not
    query = parse("who led the third rutland monitoring visit and when was it")
    assert query.visit_number == 3 and query.authorities == ["Rutland"]
    assert "rutland" in query.search_text.lower() and "monitoring" not in query.search_text.lower()
    assert "rutland" in parse("who led the third monitoring visit to rutland").search_text.lower()
    query = parse("First Rutland MV - what did it find on care plans?")
    assert query.visit_number == 1 and "rutland" in query.search_text.lower()
    # (no place, nothing added; and where the visit is what is asked, its words stay)
    assert parse("who led the third monitoring visit?").search_text.strip(" ?").lower() == "who led"
    for text in ("when was the third rutland MV?", "third rutland MV?"):
        assert "mv" in parse(text).search_text.lower(), text


def test_the_dfe_is_named_by_its_ministers_titles(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    page = ("Correspondence\n\nRutland county council: advisers appointed\n\nAlex Morden writes to the leader of "
            "Rutland county council about its inadequate services.\n\nPublished 27 March 2015\n\nThe Children and "
            "Families Minister has written to the Leader of the Council informing him that he has appointed a review "
            "team led by Sam Tolley to advise on the council's inadequate children's services.\n")
    docs = {"page.txt": (page, {"doc_type": "other", "date": "2015-03-27", "local_authorities": ["Rutland"]}),
            **other_council_news()}
    question = "rutland march 2015 - which minister wrote to the council leader when the DfE put advisers in?"
    answer = bm25_assistant_for(tmp_path / "a", docs).ask(question)
    assert "mentions DfE" not in (answer.message or "")
    assert answer.hits and answer.hits[0].document.doc_id == "page"
    # (a page naming no minister and no department does not name the DfE, nor one naming another minister)
    for n, words in enumerate(("A letter has been sent", "The shadow minister for children and families has written",
                               "The Welsh Government's Deputy Minister, visiting children, has written")):
        plain = page.replace("The Children and Families Minister has written", words)
        docs["page.txt"] = (plain, docs["page.txt"][1])
        answer = bm25_assistant_for(tmp_path / f"b{n}", docs).ask(question)
        assert answer.abstained and "mentions DfE" in answer.message, words


def test_lead_hmi_asks_for_the_lead_inspector(tmp_path):
    from conftest import bm25_assistant_for, other_council_news
    from qa.retrieval.answer_type import asked_role

    for text in ("who was lead HMI on rutland's 2022 ILACS?", "who was the lead hmi for the rutland visit",
                 "who was the lead HMI inspector", "who was the lead social care HMI", "who was the lead ofsted hmi"):
        assert asked_role(text) == "lead inspector", text
    page = ("Statement from the directors on the Ofsted inspection\n\nPublished 1 February 2023\n\nThe inspectors met "
            "with the parent carer forum in Rutland, and we arranged a focus group with the leads of support groups "
            "after the Ofsted ILACS inspection.\n")
    docs = {"page.txt": (page, {"doc_type": "other", "date": "2022-12-05", "local_authorities": ["Rutland"]}),
            **other_council_news()}
    question = "who was lead HMI on rutland's 2022 ILACS?"
    assert bm25_assistant_for(tmp_path / "a", docs).ask(question).abstained
    for n, words in enumerate(("Lead inspector: Jo Bell, His Majesty's Inspector.",
                               "Jo Bell HMI led the inspection.")):
        docs["page.txt"] = (page.replace("The inspectors met", f"{words} The inspectors met"), docs["page.txt"][1])
        assert not bm25_assistant_for(tmp_path / f"b{n}", docs).ask(question).abstained, words


def test_a_written_answer_asked_for_a_list_of_grades_must_give_that_grade(tmp_path):
    from conftest import bm25_assistant_for, other_council_news
    from qa.retrieval.assistant import PQ_ANSWER_ASKED_RE

    assert PQ_ANSWER_ASKED_RE.search("is there a PQ answer listing which LAs ofsted has rated outstanding?")
    assert not PQ_ANSWER_ASKED_RE.search("which PQ modules lead to an award, answers please")
    assert PQ_ANSWER_ASKED_RE.search("is there an answer to a PQ on which LAs were rated inadequate?")
    pq = ("Children: Social Services\n\nQuestion to the Department for Education\n\nThis question was answered on 5th "
          "January 2016. Since December 2010, Ofsted has inspected local authorities. During this period, the "
          "following local authorities have been rated as 'inadequate': Rutland, Slough.\n")
    minutes = ("Rutland children's services committee\n\nPublished 10 October 2022\n\nIt was reported that an "
               "Outstanding rating was received for the experiences and progress of children in care in Rutland.\n")
    docs = {"pq.txt": (pq, {"doc_type": "other", "date": "2016-01-05"}),
            "minutes.txt": (minutes, {"doc_type": "council_page", "date": "2022-10-10",
                                      "local_authorities": ["Rutland"]}), **other_council_news()}
    assistant = bm25_assistant_for(tmp_path / "a", docs)
    answer = assistant.ask("is there a PQ answer listing which LAs ofsted has rated outstanding since 2010? which "
                           "councils were on it")
    assert answer.abstained
    answer = assistant.ask("is there a PQ answer listing which LAs ofsted has rated inadequate since 2010? which "
                           "councils were on it")
    assert not answer.abstained and answer.hits[0].document.doc_id == "pq"
    # (the answer in other words answers, and so does a list under the question it prints)
    question = "is there a PQ answer listing which LAs ofsted has rated outstanding since 2010? which councils"
    for n, (old, new) in enumerate(((" have been rated as 'inadequate'", " have an overall effectiveness judgement "
                                     "of 'outstanding'"),
                                    ("This question was answered on 5th January 2016. Since December 2010, Ofsted has "
                                     "inspected local authorities. During this period, the following local "
                                     "authorities have been rated as 'inadequate'",
                                     "To ask the Secretary of State for Education, which local authorities have been "
                                     "rated outstanding since 2010. This question was answered on 5th January 2016. "
                                     "The local authorities concerned are listed below"))):
        docs["pq.txt"] = (pq.replace(old, new), docs["pq.txt"][1])
        assert not bm25_assistant_for(tmp_path / f"b{n}", docs).ask(question).abstained, new
    # (a grade that is a condition lists nothing: "which councils got commissioners when rated inadequate")
    from qa.retrieval.assistant import GRADE_LISTED_RE
    assert not GRADE_LISTED_RE.search("2016 pq answer - which councils got commissioners when rated inadequate?")
    assert not GRADE_LISTED_RE.search("2019 PQ answer - which councils rated inadequate had commissioners appointed?")


def test_findings_asked_at_a_place_are_told_by_a_later_page_only_where_it_names_them(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    later = ("Rutland Council\n\nOfsted inspection of children's services 2026: outcome\n\nPublished 8 July 2026\n\n"
             "3.1 At the previous full inspection in November 2022, Ofsted found that services required improvement "
             "to be good. 3.2 Inspectors visited the contact team and the assessment teams in March 2026.\n")
    other = ("Slough Council news\n\nPublished 2 March 2021\n\nOfsted found the Slough front door responded in good "
             "time.\n")
    docs = {"later.txt": (later, {"doc_type": "council_page", "date": "2026-07-08", "local_authorities": ["Rutland"]}),
            "slough.txt": (other, {"doc_type": "council_page", "date": "2021-03-02", "local_authorities": ["Slough"]}),
            **other_council_news()}
    question = "rutland ilacs nov 2022 - what did ofsted find at the front door that time?"
    answer = bm25_assistant_for(tmp_path / "a", docs).ask(question)
    assert answer.abstained and not any(h.unconfirmed == ["later"] for h in answer.hits)
    told = later.replace("to be good.", "to be good, and the front door was slow to respond.")
    docs["later.txt"] = (told, docs["later.txt"][1])
    answer = bm25_assistant_for(tmp_path / "b", docs).ask(question)
    assert not answer.abstained and answer.hits[0].document.doc_id == "later"
    assert answer.hits[0].unconfirmed == ["later"]
    # ("at" the event itself names no subject)
    docs["later.txt"] = (later, docs["later.txt"][1])
    answer = bm25_assistant_for(tmp_path / "c", docs).ask("what did ofsted find at rutland's last inspection in nov "
                                                          "2022?")
    assert answer.hits and answer.hits[0].unconfirmed == ["later"]


def test_a_national_view_asked_sets_aside_the_place_named_only_in_what_is_set_aside():
    from qa.retrieval.question import parse, places_asked

    text = ("what does ofsted use the annual engagement meeting for - does it feed into the next inspection? ofsted's "
            "own national view, not the rutland AEM letter")
    assert places_asked(text) == []
    query = parse(text)
    assert query.authorities == [] and query.doc_types == []  # (its blog or guidance: not only letters and reports)
    # (the place asked beside a national view stays; Ofsted's own views on a place are its letters')
    assert places_asked("how does rutland compare with the national view on caseloads? not the 2019 letter") \
        == ["Rutland"]
    assert parse("what were ofsted's own views on rutland's front door, not the council's?").doc_types
    assert parse("what were ofsted's own general findings at rutland's 2019 monitoring visit?").doc_types
    for text in ("what did the 2021 letter say about uasc and the national transfer scheme? not the 2019 rutland one",
                 "was the front door generally good? not the rutland 2019 letter, the 2021 one"):
        assert places_asked(text) == ["Rutland"], text


def test_the_sussexes_are_named_short():
    from qa.retrieval.question import find_authorities

    assert find_authorities("wsx ILACS nov 2024 - what grade did children in care get?") == ["West Sussex"]
    assert find_authorities("wssx and esxx") == [] and find_authorities("esx ilacs 2023 grades") == []


def test_places_on_an_academy_or_course_from_a_month_are_offered():
    from qa.retrieval.question import parse

    for text in ("rutland sw academy places from sept 2026?", "rutland course places from september 2026",
                 "how many trainee places from sept 2026 in rutland"):
        query = parse(text)
        assert (query.date_from, query.date_to) == (date(2025, 9, 1), date(2026, 11, 30)), text
    # (not children placed from then, in places or in a scheme's)
    for text in ("how many care leavers in supported lodgings scheme places from april 2022 in rutland?",
                 "how many cic in academy places from sept 2022 in rutland"):
        assert parse(text).date_to is None, text
    query = parse("rutland - how many children in out of area residential places from april 2021?")
    assert (query.date_from, query.date_to) == (date(2021, 4, 1), None)


def test_a_framework_guidance_set_aside_leaves_none_of_its_words_searched():
    from qa.retrieval.question import parse, without_set_asides

    text = "which inspection frameworks does it say Ofsted has used? the PQ answer, not the current ILACS framework guidance"
    assert "guidance" not in without_set_asides(text)
    assert "guidance" not in parse("rutland 2016 PQ answer on inspection frameworks, not the ILACS framework guidance")\
        .search_text


def test_findings_told_under_an_areas_for_improvement_heading_are_not_weighed_as_a_list():
    from qa.retrieval.rank import IMPROVE_PENALTY, improve_weight

    findings = ("Areas for improvement\n\nToo many children wait too long for a specialist assessment, and some wait "
                "more than a year for an assessment. While they wait, children and their families do not always receive "
                "regular contact, and risks are not consistently reviewed.\n\nChildren who attend the emergency "
                "department after self-harm are seen by the liaison team, but follow-up by community services is slow, and "
                "some children wait weeks for a first appointment after they leave hospital, with no contact from "
                "anyone in the meantime.")
    question = "rutland JTAI what did inspectors say about camhs waits?"
    assert improve_weight(findings, ["Areas for improvement"], question) == 1.0
    assert improve_weight(findings, [], question) == 1.0
    # (a report's recommendations under that heading, however long, are still a list)
    recommended = ("Areas for improvement\n\n1. Ensure that every child in need has a plan that is clear about what "
                   "needs to change, by when and who is responsible, and that managers review these plans regularly so "
                   "that drift is identified and acted on quickly for every child and family.")
    assert improve_weight(recommended, [], question) == IMPROVE_PENALTY
    # (asked for, the section is still the answer)
    from qa.retrieval.rank import IMPROVE_ASKED_BOOST
    assert improve_weight(findings, [], "rutland jtai - what areas for improvement did inspectors set?") \
        == IMPROVE_ASKED_BOOST
    listed = ("What needs to improve?\n\nWaiting times for specialist assessment.\n\nThe response to children who "
              "self-harm.\n\nInformation sharing when a child is missing.")
    assert improve_weight(listed, ["What needs to improve?"], question) == IMPROVE_PENALTY
    assert improve_weight(listed, [], question) == IMPROVE_PENALTY


def test_the_rules_read_what_is_asked_and_no_more():
    from qa.retrieval.answer_type import names_person_in_role
    from qa.retrieval.assistant import _answer_names_grade, asked_about
    from qa.retrieval.question import parse, places_asked
    from qa.retrieval.retriever import _title_phrase

    # the place kept beside the words around the visit
    text = parse("what did inspectors find about supervision during the 2nd rutland MV").search_text.lower()
    assert "supervision rutland" in text
    # the lead inspector named as one, not whoever led a mock one, a peer review or an improvement board
    for sentence, named in (("Lead inspector: Jo Bell", True),
                            ("Since the inspection, the improvement board led by Eleanor Brazil has met monthly.", False),
                            ("Detective Inspector Mark Jones said the police had worked closely with the council.",
                             False),
                            ("Our mock inspection in October was led by Jo Bell, an independent consultant.", False),
                            ("The LGA peer review visit was led by Jo Bell, director at Slough.", False),
                            ("The joint inspection was led by Ofsted, and the director Jo Bell welcomed it.", False),
                            ):
        assert names_person_in_role("lead inspector", sentence) is named, sentence
    # "good" is not "requires improvement to be good"
    assert not _answer_names_grade("These were judged to require improvement to be good: A, B.", "good")
    # a set-aside event pointing back keeps the place; a national view across England is Ofsted's blog's too
    for text in ("how did the front door compare with the national picture? not the rutland 2019 letter, the 2021 one",
                 "how did the front door compare with the national picture? not the rutland 2019 letter, the 2021 letter",
                 "how were caseloads compared with the national picture at the 2021 MV? not the 2019 rutland MV"):
        assert places_asked(text) == ["Rutland"], text
    for text in ("what is ofsted's national picture on front doors? not the rutland one",
                 "what is the national picture on caseloads - not the rutland letter but the ofsted blog"):
        assert places_asked(text) == [], text
    assert parse("what does ofsted use the aem for? ofsted's own national picture, not the rutland letter").doc_types \
        == []
    assert parse("what did ofsted's own letters say about caseloads across england in 2019?").doc_types
    # places offered to a group asked as what they will get
    query = parse("how many children in care will get apprenticeship places from sept 2026 in rutland")
    assert (query.date_from, query.date_to) == (date(2025, 9, 1), date(2026, 11, 30))
    for text in ("how many children in care in rutland in academy places from sept 2022",
                 "how many cic in rutland are in academy places from sept 2022"):
        assert (parse(text).date_from, parse(text).date_to) == (date(2022, 9, 1), None), text
    for text in ("how many children in care are getting apprenticeship places from sept 2026 in rutland?",
                 "how many care leavers in rutland are guaranteed apprenticeship places from sept 2026?"):
        assert (parse(text).date_from, parse(text).date_to) == (date(2025, 9, 1), date(2026, 11, 30)), text
    # what is asked about, read past the event it is at
    assert asked_about("what did ofsted find at the jtai in 2019 about the mash?").strip() == "the mash"
    assert asked_about("what did ofsted say at the inspection about caseloads?").strip() == "caseloads"
    assert "timing" in asked_about("what did the nov 2022 ilacs say about the timing of visits?")
    assert asked_about("what did ofsted find at the nov 2022 ilacs at the front door?").strip() == "the front door"
    for text in ("what did ofsted find at the last one?", "what did ofsted find at first?",
                 "what did ofsted find at the inspection at the county council in nov 2022?",
                 "what did ofsted find at rutland's standard inspection in nov 2022?",
                 "what did ofsted find at the time of the short ilacs?"):
        assert asked_about(text) is None, text
    assert "referral" in asked_about("what did the 2019 rutland ilacs find at the point of referral?")
    # a minister's title within one sentence, not a former minister's
    phrase = _title_phrase("minister for children and families")
    assert phrase.search("The Minister for Children and Families has written.")
    assert not _title_phrase("children and families minister").search("support for children and families. "
                                                                        "Minister Julie Morgan has written.")
    assert _title_phrase("children's minister").search("The Children’s Minister has written.")
    assert _title_phrase("children's minister").search("The Childrens Minister has written.")
    assert not _title_phrase("children's minister").search("The Welsh Government Children's Minister has written.")
    assert _title_phrase("parliamentary under-secretary of state for children and families").search(
        "The Parliamentary Under Secretary of State for Children and Families has written.")
    assert not phrase.search("Former minister for children and families Tim Loughton said.")
