"""Round 83: trust beyond the seeds (issue 10)."""
from __future__ import annotations

from datetime import date


def test_a_terse_labels_month_after_mv_dates_the_visit():
    from qa.retrieval.question import parse

    assert parse("rutland MV Dec 23 - were assessments any better?").month_dates_visit
    assert parse("rutland mv march 2025 caseloads").month_dates_visit
    # (a committee's month is still the paper's)
    assert not parse("rutland scrutiny mar 2024 ofsted mv2 item").month_dates_visit


def test_an_undated_story_dating_the_visit_to_the_month_asked_is_offered_apart(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    story = ("Rutland's inadequate children's services improving, says Ofsted\n\n"
             "Ofsted has welcomed steps taken by Rutland County Council, rated inadequate in May last year.\n\n"
             "Inspectors said after a monitoring visit in December last year that the quality of child and family "
             "assessments is still weak, though thresholds are now applied well.\n")
    docs = {"story.txt": (story, {"doc_type": "news_article", "local_authorities": ["Rutland"]}),
            **other_council_news()}
    answer = bm25_assistant_for(tmp_path, docs).ask("rutland MV Dec 23 (1st one after they went inadequate) - were "
                                                    "child and family assessments any better?")
    assert not answer.abstained
    assert "still weak" in answer.hits[0].passage.text
    assert answer.hits[0].unconfirmed
    # (a story dating its visit to another month is not offered)
    docs["story.txt"] = (story.replace("in December", "in October"), docs["story.txt"][1])
    answer = bm25_assistant_for(tmp_path / "october", docs).ask("rutland MV Dec 23 (1st one after they went "
                                                               "inadequate) - were assessments any better?")
    assert answer.abstained


def _hits(*texts: str, unconfirmed: tuple[str, ...] = ("visit",)) -> list:
    from qa.datatypes import Document, Hit, Passage

    document = Document("minutes", "minutes.txt", "\n\n".join(texts), doc_type="council_page",
                        local_authorities=["Rutland"])
    return [Hit(Passage(f"minutes#{n}", "minutes", text, 0, len(text)), document, 1.0, unconfirmed=list(unconfirmed))
            for n, text in enumerate(texts)]


def test_a_visit_named_only_as_to_come_has_no_findings_yet():
    from qa.retrieval.assistant import states_asked_fact
    from qa.retrieval.question import parse

    query = parse("rutland 3rd monitoring visit - what did ofsted find? the third MV letter not the second")
    findings = "3. Ofsted second monitoring visit - findings. Inspectors found steady progress since the first visit."
    to_come = "The third monitoring visit is expected in June and is likely to focus on children in care."
    plan = "Action log: Prepare the board for the third monitoring visit."
    assert not states_asked_fact(query, _hits(findings, to_come, plan))
    # (minutes telling of the visit held answer for it)
    held = "At the third monitoring visit, in June, inspectors found that plans had improved."
    assert states_asked_fact(query, _hits(findings, held, plan))


def test_a_paper_planning_for_a_visit_names_it_as_to_come():
    import re

    from qa.retrieval.assistant import _visit_ahead

    def ahead(text: str) -> bool:
        return _visit_ahead(text, re.search(r"second monitoring visit", text))

    assert ahead("(3) The Committee agrees to receive a further progress report after the second monitoring visit.")
    assert ahead("Prepare the board for the second monitoring visit.")
    assert ahead("Ofsted has indicated that the second monitoring visit is expected in December.")
    assert not ahead("After the second monitoring visit, inspectors found that plans had improved.")
    assert not ahead("The letter from the second monitoring visit was published in March.")
    # (its sentence telling it held or what it found)
    assert not ahead("Members will recall that the second monitoring visit found improved management oversight.")
    assert not ahead("The second monitoring visit was planned for May but took place on 4 and 5 June.")
    assert not ahead("Officers spent May preparing for the second monitoring visit in June; inspectors recognised "
                     "stronger oversight.")
    # (a finding of another visit is none of this one's)
    assert ahead("The second monitoring visit is expected in June, when inspectors will look at whether the "
                 "weaknesses found at the first visit have been addressed.")


def test_a_national_round_up_naming_no_council_asked_gives_it_no_grade(tmp_path):
    from conftest import bm25_assistant_for

    minutes = ("York Children and Young People Scrutiny Committee\n\nMinutes, 25 March 2025\n\n"
               "A full ILACS inspection of York is expected during 2026, three years after the last one in "
               "March 2023. Members asked about care leavers' accommodation.\n")
    # ("Yorkshire" holds "york" but names no York)
    round_up = ("Youth services round-up\n\n"
                "An annual report on new full inspection grades covered 26 services.\n\n"
                "Inspectors rated: three services 'Outstanding', twelve services 'Good' and three services "
                "'Inadequate'. One service, in a Yorkshire market town, was inspected twice.\n")
    docs = {"minutes.txt": (minutes, {"doc_type": "council_page", "local_authorities": ["York"],
                                      "date": "2025-03-25"}),
            "roundup.txt": (round_up, {"doc_type": "other", "date": "2025-02-01"})}
    answer = bm25_assistant_for(tmp_path, docs).ask("york ilacs 2025 grades? the new full inspection not the 2023 "
                                                    "one")
    assert answer.abstained
    # (a grade on a page naming the council asked still answers)
    docs["roundup.txt"] = (round_up.replace("in a Yorkshire market town", "in York"),
                           docs["roundup.txt"][1])
    answer = bm25_assistant_for(tmp_path / "named", docs).ask("york ilacs 2025 grades? the new full inspection")
    assert not answer.abstained


def test_a_commissioner_denied_is_no_commissioner_named():
    from qa.retrieval.assistant import COMMISSIONER_ASKED_RE, names_commissioner

    assert not names_commissioner('"We have never had a commissioner in Rutland," he said.')
    assert not names_commissioner("No commissioner was needed, the minister said.")
    assert names_commissioner("The DfE appointed a commissioner for Rutland in May.")
    assert COMMISSIONER_ASKED_RE.search("what did the DfE commissioner recomend for rutland?")
    assert COMMISSIONER_ASKED_RE.search("rutland commissioner report")
    assert not COMMISSIONER_ASKED_RE.search("what did rutland's director say about the commissioner?")
    # (a time the question gives, not what it asks)
    assert not COMMISSIONER_ASKED_RE.search("rutland mv3 - what did ofsted say about progress since the "
                                            "commissioner's review?")
    assert not COMMISSIONER_ASKED_RE.search("what were the changes the commissioner recommended?")


def test_a_commissioner_of_the_council_asked_is_named_on_its_own_pages():
    from qa.datatypes import Document, Hit, Passage
    from qa.retrieval.assistant import names_commissioner_of

    def hit(text: str, places: list[str], title: str = "", opening: str = "") -> Hit:
        document = Document("d", "d.txt", f"{opening}\n\n{text}", title=title, local_authorities=places)
        return Hit(Passage("d#1", "d", text, 0, len(text)), document, 1.0)

    # (a page on the council alone: a sentence on the commissioner's previous post still tells of its commissioner)
    assert names_commissioner_of(hit("Malcolm Newsam, who led the intervention in Medway, was appointed "
                                     "commissioner in October 2016.", ["Rutland"]), ["Rutland"])
    # (the commissioner's own report, by its opening)
    assert names_commissioner_of(hit("I recommend that the council retains its children's services.", ["Rutland"],
                                     "Report to the Secretary of State", "I was appointed Children's Services "
                                     "Commissioner for Rutland in March."), ["Rutland"])
    # (not on a page saying the council never had one, nor by a title on several councils')
    several = ["Medway", "Rutland"]
    denied = "Rutland: 'we have never had a commissioner'\n\nRutland's director said the workforce was stable."
    assert not names_commissioner_of(hit("Commissioners give councils independent challenge.", several,
                                         "Four councils", denied), ["Rutland"])
    assert not names_commissioner_of(hit("Medway commissioner recommends council keeps control, while Rutland "
                                         "director says visit went well", several, "Four councils", denied),
                                     ["Rutland"])
    assert not names_commissioner_of(hit("Rutland's director said the workforce was stable.", several,
                                         "Commissioners sent into four councils"), ["Rutland"])
    assert names_commissioner_of(hit("A commissioner, recommended the council keep control, with support from "
                                     "Medway.", several), ["Rutland"])


def test_a_commissioners_words_asked_where_none_was_sent_abstain(tmp_path):
    from conftest import bm25_assistant_for

    story = ("Four councils face intervention\n\n9 October 2025\n\n"
             "Medway is one of four councils where ministers have sent in a children's services commissioner. "
             "Across the river, Rutland's director said: \"We have never had a commissioner in Rutland, and the "
             "reason is that we have kept our workforce stable.\"\n")
    docs = {"story.txt": (story, {"doc_type": "news_article", "local_authorities": ["Medway", "Rutland"],
                                  "date": "2025-10-09"})}
    answer = bm25_assistant_for(tmp_path, docs).ask("rutland commissioner report - what did the commissioner "
                                                    "recomend for rutland?")
    assert answer.abstained


def test_another_councils_focused_visit_does_not_answer_for_the_council_asked(tmp_path):
    from conftest import bm25_assistant_for

    story = ("Neighbours apart: care leavers\n\n2 April 2025\n\n"
             "A week later, Ofsted published its focused visit letter on Medway's care leavers. Inspectors found at "
             "Medway's focused visit that personal advisers held 28 care leavers each. In Rutland, the figure is 19.\n")
    report = ("Ofsted\n\nInspection of Rutland's children's social care services\n\n14 March 2025\n\n"
              "The experiences and progress of care leavers: good. Personal advisers in Rutland keep in regular "
              "contact with care leavers.\n")
    docs = {"story.txt": (story, {"doc_type": "news_article", "local_authorities": ["Medway", "Rutland"],
                                  "date": "2025-04-02"}),
            "report.txt": (report, {"doc_type": "ofsted_report", "local_authorities": ["Rutland"],
                                    "date": "2025-03-14"})}
    question = "rutland focused visit letter on care leavers - what did the FV find? rutland not medway"
    assert bm25_assistant_for(tmp_path, docs).ask(question).abstained
    # (the council's own visit told in other words: not only another council's)
    told = story.replace("In Rutland, the figure is 19.", "Inspectors who visited Rutland in March found 19 each.")
    assert not bm25_assistant_for(tmp_path / "told", {**docs, "story.txt": (told, docs["story.txt"][1])}).ask(
        question).abstained
    # (the story telling of Rutland's own focused visit answers)
    docs["story.txt"] = (story.replace("Medway's", "Rutland's"), docs["story.txt"][1])
    assert not bm25_assistant_for(tmp_path / "own", docs).ask(question).abstained


def test_a_grade_asked_of_the_inspection_after_a_year_is_not_one_recalled_from_before(tmp_path):
    from conftest import bm25_assistant_for

    letter = ("Ofsted\n\n5 March 2019\n\nDear Ms Bell,\n\nAnnual engagement meeting (AEM)\n\n"
              "HMI discussed the next full ILACS inspection. The local authority was judged inadequate overall in "
              "2013 and was given the grade requires improvement in the SIF in 2015.\n\nYours sincerely\n")
    docs = {"letter.txt": (letter, {"doc_type": "ofsted_letter", "local_authorities": ["Rutland"],
                                    "date": "2019-03-05"})}
    question = "rutland full ILACS after the 2019 AEM - what overall grade did HMI give?"
    assert bm25_assistant_for(tmp_path, docs).ask(question).abstained
    # (a grade given in the years asked answers)
    docs["letter.txt"] = (letter.replace("in the SIF in 2015", "in the full ILACS in 2019"), docs["letter.txt"][1])
    assert not bm25_assistant_for(tmp_path / "later", docs).ask(question).abstained


def test_a_role_set_aside_at_the_end_of_a_terse_question_is_not_asked():
    from qa.retrieval.answer_type import answer_type

    assert answer_type("rutland ilacs caseloads and agency SW % - the jan 2025 inspection, not the MV or the "
                       "commissioner") != "person"
    assert answer_type("rutland ilacs lead inspector") == "person"
    assert answer_type("rutland commissioner 2025") == "person"
    # (a role asked before the set-aside, or after it, is still asked)
    assert answer_type("rutland dcs 2014, not the interim dcs") == "person"
    assert answer_type("rutland ilacs 2024 - not the mv - lead inspector") == "person"
    assert answer_type("rutland ilacs 2025 - not the 2021 SIF lead inspector") == "person"


def test_a_commissioners_report_set_aside_weighs_less():
    from qa.datatypes import Document
    from qa.retrieval.question import parse
    from qa.retrieval.rank import SET_ASIDE_PLACE_PENALTY, set_aside_weight

    report = Document("report", "report.txt", "Inspection dates: 13 January 2025 to 24 January 2025. Caseloads ...",
                      title="Inspection of children's social care services", doc_type="ofsted_report",
                      local_authorities=["Rutland"])
    commissioner = Document("commissioner", "commissioner.txt", "I was appointed Children's Services Commissioner "
                            "for Rutland by the Secretary of State on 2 May 2025. Caseloads ...",
                            title="Rutland children's services", doc_type="other", local_authorities=["Rutland"])
    aside = parse("rutland ilacs caseloads and agency SW % - the jan 2025 inspection, not the MV or the commissioner")
    assert set_aside_weight(commissioner, aside) == SET_ASIDE_PLACE_PENALTY
    assert set_aside_weight(report, aside) == 1.0
    # (not where the commissioner's words are asked, nor an event of theirs set aside)
    assert set_aside_weight(commissioner, parse("what did the rutland commissioner recommend?")) == 1.0
    assert set_aside_weight(commissioner, parse("rutland caseloads, not when the commissioner was appointed")) == 1.0
    # (the council's reply to the report is its own source)
    reply = Document("reply", "reply.txt", "...", title="Improvement plan: response to the Commissioner's report",
                     doc_type="council_page", local_authorities=["Rutland"])
    assert set_aside_weight(reply, parse("rutland improvement plan - its own words, not the commissioner")) == 1.0


def test_a_place_set_aside_as_the_later_one_is_not_asked():
    from qa.retrieval.question import parse

    query = parse("According to the DfE's written answer (answered Jan 2016), which LAs had commissioners put in? As "
                  "at then - not the later Medway or Northants commissioners")
    assert query.authorities == []
    assert query.date_from == date(2016, 1, 1)
    assert parse("what did Medway's later report say about caseloads?").authorities == ["Medway"]


def test_a_grade_asked_back_is_a_grade_asked_to_be_given():
    from qa.retrieval.answer_type import gives_grade, judged_grade_asked

    assert judged_grade_asked("rutland ILACS after the jan 2019 downgrade to RI - did they win back good?") == "good"
    assert judged_grade_asked("did rutland regain its good rating?") == "good"
    assert judged_grade_asked("when was rutland's rating back to outstanding?") == "outstanding"
    # (no inspection asked: performance)
    assert judged_grade_asked("rutland 2025 assessment timeliness - back to good?") is None
    assert judged_grade_asked("were rutland's caseloads back to normal?") is None
    # (good as an adjective is no grade)
    assert judged_grade_asked("how did rutland win back good social workers from agencies?") is None
    assert judged_grade_asked("what did rutland do to get caseloads back to good levels?") is None
    # (a grade given back is a grade given)
    for back in ("Children's services in Rutland are back to good, Ofsted inspectors said.",
                 "Rutland has won back its good Ofsted rating.", "Services have been upgraded to good by Ofsted."):
        assert gives_grade("good", back), back
    for wish in ("Our plan sets out how we will get back to good by 2025.", "Caseloads are back to good levels.",
                 "Rutland has won back good social workers from agencies."):
        assert not gives_grade("good", wish), wish
    # (the grade lost is not the grade given back)
    lost = "High caseloads cost council its 'good' Ofsted rating. It was downgraded from \"good\" to RI."
    assert not gives_grade("good", lost)


def test_a_body_set_aside_by_its_abbreviation_weighs_less():
    from qa.datatypes import Document
    from qa.retrieval.question import parse
    from qa.retrieval.rank import SET_ASIDE_PLACE_PENALTY, set_aside_weight

    partnership = Document("p", "p.pdf", "Rutland Safeguarding Children Partnership\n\nAnnual Report 2024-25\n\n...",
                           title="Rutland Safeguarding Children Partnership", doc_type="other",
                           local_authorities=["Rutland"])
    report = Document("r", "r.pdf", "Ofsted\n\nRutland County Council\n\nInspection of children's social care "
                      "services\n\n...", title="Inspection", doc_type="ofsted_report", local_authorities=["Rutland"])
    query = parse("rutland ILACS - what did inspectors say about the MASH? ofsted's words pls, not the RSCP annual "
                  "report")
    assert set_aside_weight(partnership, query) == SET_ASIDE_PLACE_PENALTY
    assert set_aside_weight(report, query) == 1.0
    # (the field's own abbreviations are other rules' to read; a body asked is not set aside)
    assert set_aside_weight(report, parse("rutland ILACS caseloads, not the MV or the JTAI")) == 1.0
    assert set_aside_weight(partnership, parse("what did the RSCP annual report say about the MASH?")) == 1.0
    # (not Ofsted's report opening on the council a set-aside abbreviation spells, nor words typed in capitals)
    kent = Document("k", "k.pdf", "Ofsted\n\nKent County Council\n\nInspection of children's social care services",
                    title="Inspection", doc_type="ofsted_report", local_authorities=["Kent"])
    assert set_aside_weight(kent, parse("kent ILACS 2022 caseloads - the inspectors' words, not the KCC press "
                                        "release")) == 1.0
    loud = Document("c", "c.txt", "INSPECTION OF THE LONDON BOROUGH OF CROYDON", title="Croydon", doc_type="other",
                    local_authorities=["Croydon"])
    assert set_aside_weight(loud, parse("croydon ILACS 2020 caseloads - NOT THE MV")) == 1.0


def test_the_commissioners_own_report_leads_for_who_the_commissioner_is():
    from qa.datatypes import Document
    from qa.retrieval.rank import SPEAKER_DOCUMENT_BOOST, speaker_document_weight

    own = Document("c", "c.pdf", "I was appointed Children's Services Commissioner for Rutland by the Secretary of "
                   "State on 11 March 2025.", title="Rutland: Commissioner's report", doc_type="other")
    story = Document("s", "s.txt", "Commissioners sent into four councils. Rutland is one of them.",
                     title="Commissioners sent in", doc_type="news_article")
    question = "who is the DfE commissioner for rutland and when did she send her report to the SoS?"
    assert speaker_document_weight(own, question) == SPEAKER_DOCUMENT_BOOST
    assert speaker_document_weight(story, question) == 1.0
    assert speaker_document_weight(own, "rutland caseloads, not the commissioner's report") == 1.0
    assert speaker_document_weight(own, "who is the children's commissioner for England?") == 1.0


def test_the_councils_given_a_grade_asked_need_a_passage_giving_it():
    from qa.retrieval.answer_type import gives_grade, judged_grade_asked

    assert judged_grade_asked("Which LA was the first to be graded outstanding under the new care leavers "
                              "judgement?") == "outstanding"
    assert judged_grade_asked("which councils were rated inadequate in 2016?") == "inadequate"
    assert judged_grade_asked("which inspector rated it good?") is None
    # (not where more is asked after it, nor a scene)
    assert judged_grade_asked("Which council had its care leavers service rated outstanding, and what did "
                              "inspectors say about accommodation?") is None
    assert judged_grade_asked("There was a written question on which councils had been rated inadequate - when "
                              "was it answered?") is None
    # (a grade as a purpose is given to nobody)
    assert not gives_grade("outstanding", "From next month each will be judged separately. To be judged as "
                                          "outstanding, councils will have to demonstrate consistently good work.")
    assert gives_grade("outstanding", "Rutland became the first council to be rated outstanding for care leavers.")
    assert gives_grade("outstanding", "To be judged outstanding again is a tribute to our staff, the director said.")


def test_a_short_name_heading_its_councils_board_names_the_council():
    from conftest import metadata_of

    minutes = ("Hull Children's Services Improvement Board\n\n"
               "Minutes of the meeting held on Thursday 10 April 2025\n\n"
               "Present\n\nMargaret Ellerby (Independent Chair)\n\nCorinne Maddox, Director of Children's Services\n\n"
               "Apologies\n\nPaul Westoby, Assistant Director, North Lincolnshire Council (sector-led improvement "
               "partner).\n\n1. Welcome\n\nThe Chair welcomed members. The board discussed the second monitoring "
               "visit and the plan for children in need.\n")
    assert metadata_of(minutes)["local_authorities"] == ["Kingston upon Hull"]
    # (a gerund opening a sentence is still no place)
    assert not metadata_of("Reading children's services board papers, members asked about caseloads.\n")[
        "local_authorities"]
    # (a council named under "Apologies" after another is a guest's; named first, it is the meeting's own)
    own = ("Apologies\n\nPaul Westoby, Assistant Director, North Lincolnshire Council.\n\n1. Welcome\n\nNorth "
           "Lincolnshire's improvement board discussed the second monitoring visit.\n")
    assert metadata_of(own)["local_authorities"] == ["North Lincolnshire"]


def test_a_council_under_a_present_heading_is_the_meetings_own():
    from conftest import metadata_of

    minutes = ("Improvement Board\n\nThe DfE adviser, formerly of Leeds City Council, chaired the meeting.\n\n"
               "Present\n\nJohn Roe, Director of Children's Services, Bradford Council\n\n"
               "1. The board discussed Bradford's third monitoring visit. Bradford's caseloads have fallen.\n")
    assert metadata_of(minutes)["local_authorities"][0] == "Bradford"


def test_what_is_asked_or_only_mentioned_is_not_set_aside_as_a_body():
    from qa.datatypes import Document
    from qa.retrieval.question import parse
    from qa.retrieval.rank import commissioners_own_report, set_aside_weight

    paper = Document("p", "p.docx", "HMI visited in June. The council's improvement plan ...", title="Cabinet report",
                     doc_type="council_page", local_authorities=["Rutland"])
    assert set_aside_weight(paper, parse("rutland 3rd MV caseloads - the council's own words, not the HMI "
                                         "letter")) == 1.0
    kcc = Document("k", "k.docx", "KCC cabinet, 12 March 2024 ...", title="KCC cabinet paper",
                   doc_type="council_page", local_authorities=["Kent"])
    assert set_aside_weight(kcc, parse("the KCC cabinet paper on caseloads, not the KCC press release")) == 1.0
    story = Document("s", "s.txt", "...", title="KCC children's services rated good", doc_type="news_article",
                     local_authorities=["Kent"])
    assert set_aside_weight(story, parse("kent caseloads - not the KCC press release")) == 1.0
    # (a paper following the commissioner's report is not the report)
    following = Document("f", "f.docx", "The council accepted all of the commissioner's recommendations in full.",
                         title="Improvement plan following the Commissioner's report", doc_type="council_page")
    assert not commissioners_own_report(following)
    assert commissioners_own_report(Document("c", "c.pdf", "...", title="Rutland: Commissioner's report"))
