"""Round 52: trust beyond the seeds (issue 10)."""
from __future__ import annotations


def test_over_time_that_belongs_to_the_topic_asks_for_no_trail():
    from qa.retrieval.timeline import detect

    assert detect("Oldbury 5th MV - were social workers seeing how risk builds up over time in their plans?") is None
    assert detect("Have inspectors said anything about children who keep the same worker over time?") is None
    # (a trail still, where "over time" follows the question's own subject)
    assert detect("How have inspectors described supervision in Oldbury over time?").kind == "trail"
    assert detect("What have inspectors said about supervision in Oldbury over time?").kind == "trail"
    assert detect("Have the same weaknesses come up over time in Oldbury's monitoring visits?").kind == "trail"


def test_an_event_set_aside_by_its_month_closes_the_span_before_that_month():
    from datetime import date

    from qa.retrieval.question import parse

    # (in the year the span opens too)
    assert parse("oldbury MVs since the March 2018 inspection (not the Dec 2018 visit) - caseloads?").date_to == \
        date(2018, 11, 30)
    asked = parse("oldbury 5th MV after the 2016 inadequate (not the BBC piece on the Dec 2018 visit) - caseloads?")
    assert (asked.date_from, asked.date_to) == (date(2016, 1, 1), date(2018, 11, 30))
    assert asked.time_phrase == "from 2016, before Dec 2018"
    # (a year alone still closes the span before the year)
    assert parse("since the 2019 inadequate, not the 2023 visits: what changed?").date_to == date(2022, 12, 31)


def test_a_comparison_one_text_made_is_no_side_by_side():
    from qa.retrieval.timeline import detect

    assert detect("How did Ofsted say services in 2017 compared with its 2012 inspection?") is None
    assert detect("How did services in 2017 compare with 2012 on supervision?").kind == "compare"
    # (a comparison asked with a verb of judging is still two things side by side)
    assert detect("How did Ofsted judge leadership in 2019 compared with 2015?").kind == "compare"
    assert detect("What did Ofsted find about caseloads in Kent compared with Essex?").kind == "compare"


def test_a_place_by_its_bare_initials_is_no_name_to_find():
    from qa.retrieval.question import parse

    assert parse("Tower Hamlets 2017: how did services compare with TH's previous inspection?").names == []
    assert "CQC" in parse("Tower Hamlets 2017: what did the CQC find?").names


def test_where_the_reader_reads_is_no_words_to_search_for():
    from qa.retrieval.question import parse

    asked = parse("Oldbury 2017, going by the report extracts on the community site: how were leaders judged?")
    assert "extracts" not in asked.topic and "site" not in asked.topic and "leaders" in asked.topic
    # (what the source is on stays: "the letter on the front door")
    assert "front door" in parse("Kent 2019 - going by the Ofsted letter on the front door, was it safe?").topic
    # (a topic is never emptied)
    assert "extracts" in parse("going by the report extracts on the community site?").topic


def test_a_comparison_with_an_earlier_inspection_needs_a_passage_naming_it():
    from qa.retrieval.answer_type import EARLIER_INSPECTION_MISSING, earlier_inspection_weight

    question = "how did Ofsted say services compared with the previous inspection, and what were they graded then?"
    recalling = "Services have deteriorated since the last inspection in 2012, when the council was found good."
    grades = "Leadership, management and governance - Inadequate. Adoption performance - Requires improvement."
    assert earlier_inspection_weight(question, recalling) == 1.0
    assert earlier_inspection_weight(question, grades) == EARLIER_INSPECTION_MISSING
    assert earlier_inspection_weight("and at its last inspection, what was the council graded at that time?",
                                     grades) == EARLIER_INSPECTION_MISSING
    # (that time is the asked inspection's own)
    assert earlier_inspection_weight("In the 2019 inspection, how was the council graded at that time?", grades) == 1.0
    assert earlier_inspection_weight(question, "Since the previous ILACS inspection in 2018, it has declined.") == 1.0
    assert earlier_inspection_weight("what grades did the 2017 inspection give?", grades) == 1.0


def test_a_two_town_council_by_its_initials_and_an_ampersand():
    from qa.documents.gazetteer import find_in_question

    assert find_in_question("w&m afc mv nov 18 staff") == ["Windsor and Maidenhead"]
    assert find_in_question("K&C caseloads 2019") == ["Kensington and Chelsea"]
    assert find_in_question("B&D ilacs") == ["Barking and Dagenham"]
    # (Tyne and Wear's too; and "H&W" is a health and wellbeing board)
    assert find_in_question("how were t&w services rated") == []
    assert find_in_question("What did the Kent H&W board say about CAMHS waiting times?") == ["Kent"]


def test_office_shorthand_and_written_down_are_searched_in_the_documents_words():
    from qa.retrieval.synonyms import with_synonyms as expanded

    assert "environment" in expanded("staff working env")
    assert "recorded" in expanded("how well were managers writing down decisions?")
    assert "recorded" not in expanded("the T&A write up")


def test_an_ambiguous_place_named_as_the_subject_of_a_result_or_before_a_dated_visit():
    from qa.documents.gazetteer import find_in_question

    assert find_in_question("what grade did reading get for care leavers at the nov 2019 focused visit") == \
        ["Reading"]
    assert find_in_question("Reading focused visit Nov 2019 - how well were decisions recorded?") == ["Reading"]
    assert find_in_question("how did sutton fare at its 2019 inspection") == ["Sutton"]
    assert find_in_question("how did reading perform for looked after children at key stage 2?") == []
    assert find_in_question("did reading help the panel?") == []
    assert find_in_question("Reading focused visit letters, what do they say?") == []
    assert find_in_question("Reading monitoring visit decisions 2019 - what changed?") == []


def test_the_visit_named_by_its_month_is_told_by_a_text_dating_its_visit_to_it():
    from qa.datatypes import Document, Hit, Passage
    from qa.retrieval.assistant import states_asked_facts
    from qa.retrieval.question import parse

    text = ("Oldbury's inadequate children's services improving, says Ofsted. Inspectors said so following a "
            "monitoring visit in December last year. Thresholds are now appropriately applied.")
    # (a document id of its own: other tests' documents are cached by theirs)
    doc = Document(doc_id="r52-month", path="r52-month.txt", text=text, title="Oldbury", doc_type="news_article",
                   local_authorities=["Oldbury"])
    hit = Hit(passage=Passage(passage_id="r52-month#1", doc_id="r52-month", text=text, start=0, end=len(text)),
              document=doc, score=1.0, unconfirmed=["date", "visit"])
    asked = parse("oldbury - first MV after the 2023 inadequate (the December one): were thresholds applied?")
    assert asked.month == 12 and asked.visit_number == 1
    assert parse("May one ask what Ofsted found about caseloads in Kent in 2019?").month is None
    assert states_asked_facts(hit, asked)
    assert not states_asked_facts(hit, parse("oldbury - first MV after the 2023 inadequate (the June one): "
                                             "were thresholds applied?"))


def test_an_aside_telling_which_event_by_its_outcome_is_not_searched_for():
    from qa.retrieval.question import parse

    asked = parse("Oldbury ILACS 2023 (the one that took them from inadequate up to RI) - did leaders know what "
                  "still needs doing?")
    assert "inadequate" not in asked.keyword_text and "leaders" in asked.keyword_text
    assert "neglect" in parse("Kent JTAI 2019 (the one that looked at neglect) - did partners share "
                              "information?").keyword_text
    # (an aside on its theme still tells one event from another)
    assert "exploitation" in parse("Oldbury JTAI 2023 (child exploitation) - did leaders know?").keyword_text


def test_somebody_warning_about_ofsted_is_not_ofsted_speaking():
    from qa.retrieval.question import parse

    assert parse("Has anyone warned that the way Ofsted reported on councils gave false comfort?").source is None
    assert parse("What did Ofsted warn about CSE in Oldbury?").source == "ofsted"
    # (a JTAI is Ofsted's to tell, not its partnership's response)
    assert parse("In the 2023 Kent JTAI on exploitation, how often was intelligence shared?").source == "ofsted"
    assert parse("How did the safeguarding partnership respond to the JTAI findings?").source is None


def test_a_visit_kind_beside_a_place_and_a_topic_is_no_keyword():
    from qa.retrieval.question import parse

    assert "focused" not in parse("rutland focused visit 2021 caseloads").keyword_text.lower()
    # (its date or its inspectors asked: the letter's opening names the visit with them)
    assert "focused visit" in parse("When did Ofsted carry out its focused visit to Rutland?").keyword_text.lower()
    # (nor one dated to its month: a later story recalling it names it with the month)
    assert "focused visit" in parse("rutland april 2018 focused visit caseloads").keyword_text.lower()
    # (nor one the question measures from, or answers: the answer names it too)
    assert "focused visit" in parse("What did Rutland's cabinet decide in response to the focused visit?").keyword_text

    assert "focused visit" in parse("Rutland's 2019 inspection - how far had things moved on since the focused "
                                    "visit the autumn before?").keyword_text.lower()


def _listing_page() -> str:
    posts = [("Foster carers honoured at awards evening", "12 October 2023",
              "More than sixty foster carers were recognised for their long service at the annual awards evening "
              "held in the town hall."),
             ("Minister confirms children's services stay with Eastshire Council", "22 June 2023",
              "The minister has accepted the commissioner's recommendation that children's services should remain "
              "under the council's control, with a neighbouring council as improvement partner."),
             ("Road resurfacing on the ring road", "3 May 2023",
              "Overnight resurfacing works will take place on the ring road between 8 and 19 May, with a signed "
              "diversion in place.")]
    parts = ["News", "Showing 21 to 23 of 312 news items"]
    for headline, when, lead in posts:
        parts += [headline, when, lead, "Read more"]
    return "\n\n".join(parts)


def test_a_page_that_is_all_a_teaser_list_is_kept_and_dated_by_none_of_its_posts(tmp_path):
    from qa.documents import clean
    from qa.documents.ingest import discover, load_document

    record: dict = {}
    text = clean.assemble(clean.clean_blocks(clean.text_to_blocks(_listing_page()), record))
    assert "accepted the commissioner's recommendation" in text and record.get("listing")
    assert "Showing 21 to 23" not in text and "Read more" not in text
    page = tmp_path / "news-page-3.txt"
    page.write_text(_listing_page(), encoding="utf-8")
    files, _ = discover([tmp_path])
    doc = load_document(files[0], "x", None, 10_000_000)
    assert doc.date is None and doc.visit_number is None
    assert doc.origin["date"].startswith("unknown (a listing")
    # (a teaser list after an article is still cut)
    article = "\n\n".join(["Eastshire improving, says Ofsted", "Inspectors found that the front door now responds "
                           "to most contacts within a day and that managers check the decisions made about "
                           "children who need help.", *_listing_page().split("\n\n")[2:]])
    record = {}
    assert "accepted the commissioner" not in clean.assemble(clean.clean_blocks(clean.text_to_blocks(article),
                                                                                record))
    assert not record.get("listing")


def test_a_county_council_by_its_county_town_in_a_question():
    from qa.documents.gazetteer import find_in_question
    from qa.retrieval.question import parse

    assert find_in_question("hereford first mv front door - are mash thresholds better?") == ["Herefordshire"]
    assert find_in_question("what did Ofsted find in Worcester in 2019?") == ["Worcestershire"]
    assert find_in_question("oxford university research on care leavers") == []
    # (a town that is an authority of its own stays itself)
    assert find_in_question("what did Ofsted find in Derby in 2019?") == ["Derby"]
    assert "hereford" not in parse("hereford first mv front door - thresholds?").keyword_text.lower()


def test_an_earlier_year_named_beside_a_later_event_it_came_before_is_the_time_asked():
    from qa.retrieval.question import parse_time

    start, end, phrase, _ = parse_time("Oldbury's full inspection back in 2015 (before the 2019 drop to "
                                       "inadequate) - what about caseloads?")
    assert (start.year, end.year, phrase) == (2015, 2015, "2015")
    assert parse_time("what happened before the 2019 inspection?")[2] == "up to 2019"


def test_an_undated_story_naming_the_asked_year_only_as_one_it_looks_back_to_is_no_match():
    from qa.datatypes import Document, Hit, Passage
    from qa.retrieval.assistant import written_after_recalling
    from qa.retrieval.question import parse

    later = ("Oldbury downgraded to inadequate. The latest inspection, carried out last month, found most services "
             "had deteriorated since its last full inspection in 2015. Caseloads were much too high.")
    then = "Oldbury's 2015 inspection found caseloads too high. Inspectors visited in 2015."
    asked = parse("Oldbury's full inspection in 2015 - what about caseloads?")
    for text, expected in ((later, True), (then, False)):
        doc = Document(doc_id=f"r52-{expected}", path="r.txt", text=text, title="Oldbury", doc_type="news_article")
        hit = Hit(passage=Passage(passage_id="r#1", doc_id=doc.doc_id, text=text, start=0, end=len(text)),
                  document=doc, score=1.0, unconfirmed=["date"])
        assert written_after_recalling(hit, asked) is expected


def test_an_undated_story_reporting_the_outcome_set_aside_is_on_that_event():
    from qa.datatypes import Document
    from qa.retrieval import rank
    from qa.retrieval.question import parse

    asked = parse("Oldbury trust, the re-inspection in Nov 2017 that took them to good: was practice strong? "
                  "I don't want the 2015 inadequate findings.")
    rated = Document(doc_id="a", path="a.txt", title="Trust rated inadequate", doc_type="news_article",
                     text="The children's trust has been rated 'inadequate' by Ofsted, inspectors found.")
    good = Document(doc_id="b", path="b.txt", title="Trust upgraded", doc_type="news_article",
                    text="The trust has been rated good after it was found inadequate before.")
    assert rank.on_year_set_aside(rated, asked)
    assert not rank.on_year_set_aside(good, asked)


def test_consultation_respondents_speak_and_a_kind_of_judgement_asks_no_grade():
    from qa.retrieval.answer_type import answer_type
    from qa.retrieval.question import parse

    asked = parse("what did people who responded to ofsted's consultation think a separate care leavers judgement "
                  "would achieve?")
    assert asked.source is None and asked.answer_type is None
    assert answer_type("What judgement did Oldbury get for care leavers?") == "judgement"


def test_a_visit_in_the_month_asked_counts_only_where_no_other_visit_is_named():
    from qa.retrieval.assistant import visit_in_month

    assert visit_in_month("Inspectors said so following a monitoring visit in December last year.", 12, 1)
    assert not visit_in_month("Ofsted's third monitoring visit, in December, found thresholds applied.", 12, 1)
    assert not visit_in_month("The council was inspected in December. A monitoring visit is planned.", 12, 1)
    assert not visit_in_month("A monitoring visit is planned for December.", 12, 1)


def test_a_place_named_only_on_a_line_of_a_national_list_answers_no_more_than_the_list(tmp_path):
    from qa.datatypes import Document, Hit, Passage
    from qa.retrieval.assistant import listed_only
    from qa.retrieval.question import parse

    text = ("Regulator publishes its first assessment reports\nThe 3 reports published last week are for:\n"
            "Hertfordshire County Council – rated as good\nLondon Borough of Hounslow – rated as good\n"
            "West Berkshire Council – rated as good\nWe will publish all the reports on our website.")
    doc = Document(doc_id="l", path="l.txt", text=text, title="First assessment reports", doc_type="other",
                   local_authorities=["Hertfordshire", "Hounslow", "West Berkshire"])
    hits = [Hit(passage=Passage(passage_id="l#1", doc_id="l", text=text, start=0, end=len(text)), document=doc,
                score=1.0)]
    assert listed_only(hits, parse("What did the assessment of Hounslow flag as needing improvement?")) == \
        "First assessment reports"
    # (its grade the list states; which places, too)
    assert listed_only(hits, parse("What rating did Hounslow get?")) is None
    prose = text + "\nIn Hounslow, waiting times for assessments were too long."
    doc2 = Document(doc_id="m", path="m.txt", text=prose, title="Assessments", doc_type="other",
                    local_authorities=["Hertfordshire", "Hounslow", "West Berkshire"])
    hits2 = [Hit(passage=Passage(passage_id="m#1", doc_id="m", text=prose, start=0, end=len(prose)), document=doc2,
                 score=1.0)]
    assert listed_only(hits2, parse("What did the assessment of Hounslow flag as needing improvement?")) is None


def test_a_letter_not_yet_published_is_an_outcome_still_awaited():
    from qa.retrieval.rank import outcome_awaited

    text = ("Oldbury's most recent focused visit, in February this year, looked at children in care; the letter "
            "had not been published when this feature went to press.")
    assert outcome_awaited(text, frozenset({2}))
    assert not outcome_awaited("Oldbury's focused visit in February found children in care well supported.",
                               frozenset({2}))


def test_set_asides_joined_by_and_not_and_the_cicc_by_its_long_form():
    from qa.retrieval.acronyms import FIELD_GLOSSARY
    from qa.retrieval.question import parse

    asked = parse("Tower Hamlets 2017 SIF - which areas got RI? not the 2019 ILACS and not Leicester's 2015 grades")
    assert asked.authorities == ["Tower Hamlets"]
    assert FIELD_GLOSSARY["CICC"] == "children in care council"


def test_the_areas_asked_beside_an_overall_grade_and_a_table_of_area_grades():
    from qa.retrieval.answer_type import OVERALL_ASKED_RE, holds
    from qa.retrieval.rank import PROSE_FLOOR, prose_weight

    assert not OVERALL_ASKED_RE.search("Oldbury 2017 - overall inadequate, but which judgement areas got RI?")
    assert OVERALL_ASKED_RE.search("What was Oldbury's overall grade in 2017?")
    table = ("Children who need help and protection - Inadequate\nChildren looked after - Requires improvement\n"
             "Adoption performance - Requires improvement\nLeadership - Inadequate")
    assert prose_weight(table, "judgement") == 1.0 > prose_weight(table, None)
    assert prose_weight(table, "judgement", overall=True) < 1.0  # (the overall grade is a sentence's)
    assert prose_weight(table, None) >= PROSE_FLOOR
    assert holds("judgement", "The experiences and progress of care leavers: good")


def test_when_exactly_asks_a_date_and_a_closing_source_is_no_keyword():
    from qa.retrieval.question import parse

    asked = parse("When exactly were Ofsted in Oldbury for the 2022 ILACS? need the on-site dates from the scrutiny "
                  "minutes")
    assert asked.answer_type == "date" and "scrutiny" not in asked.keyword_text


def test_waiting_too_long_is_searched_as_delay():
    from qa.retrieval.synonyms import with_synonyms

    assert "delays" in with_synonyms("were children waiting too long for permanence?")


def test_the_clause_asking_after_a_label_counts_twice():
    from qa.retrieval.question import parse

    words = parse("Kirklees, the June 2019 inspection that lifted the inadequate (local paper write-up): was "
                  "anything said about permanence? I mean that inspection.").keyword_text.split()
    assert words.count("permanence?") == 2 and words.count("lifted") == 1
