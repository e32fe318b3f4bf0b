"""Round 65: trust beyond the seeds (issue 10)."""
from __future__ import annotations

# A trade story on one council's joint inspection that says which neighbour was left out of it.
_LEFT_OUT_STORY = """Inspectors praise county for its work with children affected by domestic abuse
by Jo Bloggs | 19/01/24
The joint targeted area inspection of Rutland, carried out in November, found that practitioners used children's own \
words in assessments.
The inspection covered the county council area only. Leicester City Council, which runs its own children's \
services, was not part of the JTAI.
Inspectors also found that plans too often left mothers to keep children safe. Rutland's director said the \
partnership would act on every finding.
"""


def test_a_council_the_text_says_was_left_out_of_the_inspection_is_no_subject():
    from conftest import metadata_of

    assert metadata_of(_LEFT_OUT_STORY)["local_authorities"] == ["Rutland"]
    # (nor one named again in that sentence, nor joined to a neighbour that was left out too)
    both = _LEFT_OUT_STORY.replace(
        "Leicester City Council, which runs its own children's services, was not part of the JTAI.",
        "Leicester City Council and Derby City Council were not inspected, although Derby shares some services.")
    assert metadata_of(both)["local_authorities"] == ["Rutland"]
    # (a council named as the subject stays one)
    named = _LEFT_OUT_STORY.replace(", was not part of the JTAI.", ", was inspected the same week.")
    assert "Leicester" in metadata_of(named)["local_authorities"]


def test_a_paywall_meter_is_no_title_and_a_digest_is_dated_by_its_issue_line():
    from conftest import metadata_of

    story = "You have 2 free articles remaining this month. Register for unlimited access.\n" + _LEFT_OUT_STORY
    assert metadata_of(story)["title"] == ("Inspectors praise county for its work with children affected by domestic "
                                           "abuse")
    digest = ("Children's Improvement Digest\nIssue 38 - March 2023 | For subscribers | 6 min read\n"
              "Rutland rated inadequate\nOfsted's report on Rutland, published on 13 January, rated services "
              "inadequate.\n")
    assert metadata_of(digest)["date"] == "2023-03-01"
    briefing = digest.replace("Issue 38 - March 2023 | For subscribers | 6 min read",
                              "Partnership Briefing - Issue 27, February 2024")
    assert metadata_of(briefing)["date"] == "2024-02-01"


def test_a_source_the_question_calls_wrong_and_a_persons_past_employer_are_no_sources():
    from qa.retrieval.question import parse

    query = parse("How long did contacts wait at Rutland's front door according to the first MV letter? Quote Ofsted "
                  "itself - the Rutland Chronicle piece got it wrong.")
    assert query.source == "ofsted" and query.source_named and not query.names
    assert parse("What did the Rutland Chronicle piece say about contacts?").source == "news"
    # ("wasn't she ex-Ofsted?" describes the director, who is asked about)
    assert parse("Rutland in 2017: who was DCS, wasn't she ex-Ofsted?").source is None
    assert parse("Rutland in 2017: what did Ofsted say about the DCS?").source == "ofsted"


def test_progress_since_a_joint_inspection_is_not_ofsteds_to_tell():
    from qa.retrieval.question import parse

    assert parse("rutland front door notifications backlog - where has it got to since the jtai").source is None
    assert parse("rutland jtai - front door notifications backlog").source == "ofsted"


def test_another_councils_event_a_question_measures_from_is_not_a_place_asked():
    from qa.retrieval.question import parse

    assert parse("north northants ilacs - the one after wnc's nov 2022 RI: did nnc get off inadequate too?"
                 ).authorities == ["North Northamptonshire"]
    assert sorted(parse("How did North Northants and WNC do in their 2022 inspections?").authorities) == [
        "North Northamptonshire", "West Northamptonshire"]


def test_getting_off_inadequate_asks_a_grade_and_a_director_for_social_care_is_a_role():
    from qa.retrieval.answer_type import asks_grade, names_person_in_role

    assert asks_grade("did nnc get off inadequate too?")
    assert not asks_grade("did nnc get off to a good start with its plan?")
    assert not asks_grade("Kirklees got out of inadequate after the 2019 inspection - which inspector wrote it up?")
    assert names_person_in_role("director", "The downgrade came 13 months after Ofsted's former national director "
                                            "for social care Jo Bloggs took over permanently as the borough's DCS.")


def test_recommendations_asked_as_recs_lift_the_penalty_on_a_recommendations_section():
    from qa.retrieval.rank import IMPROVE_PENALTY, improve_weight

    text = "Recommendation 4\n\nThe council should reduce average caseloads in the assessment service to 20."
    assert improve_weight(text, ["Recommendation 4"], "rutland commissioner recs - caseload target?") == 1.0
    assert improve_weight(text, ["Recommendation 4"], "rutland caseload figures in 2023?") == IMPROVE_PENALTY


def test_one_letter_asked_for_by_itself_is_the_source_named():
    from qa.retrieval.question import parse

    for question in ("Rutland's 3rd monitoring visit - which areas are still weak? Just the MV letter please.",
                     "What did Ofsted ask Rutland to improve after its focused visit? Rutland's letter only."):
        query = parse(question)
        assert query.source == "ofsted" and query.source_named, question
    assert not parse("Rutland's 3rd monitoring visit - which areas are still weak?").source_named
    # (a story the question says misleads is set aside too)
    query = parse("Who carried out Rutland's third monitoring visit? The Courier piece makes it sound like May.")
    assert query.source != "news"


def test_the_improvement_list_asked_is_found_under_its_heading_line_within_a_passage():
    from qa.retrieval.rank import IMPROVE_ASKED_BOOST, improve_weight

    text = ("Headline findings\n\nLeaders have kept a clear focus on practice.\n\nWhat needs to improve in this area "
            "of social work practice?\n\nThe consistency with which plans are updated after review meetings.")
    assert improve_weight(text, ["Headline findings"], "What did Ofsted ask Rutland to improve?") \
        == IMPROVE_ASKED_BOOST
    assert improve_weight(text, ["Headline findings"], "What did Ofsted find about plans in Rutland?") == 1.0


def test_what_a_question_says_about_a_source_or_a_grade_change_is_read_narrowly():
    from qa.documents.metadata import infer_authorities
    from qa.retrieval.answer_type import asks_grade
    from qa.retrieval.question import parse

    # (the source asked for after a dash or a comma stays the one asked)
    assert parse("The Gazette story is misleading - what did Ofsted's letter say about Kent's caseloads?").source \
        == "ofsted"
    assert parse("Which news story made it sound like Kent had improved?").source == "news"
    assert not parse("Did the Gazette quote inspectors accurately about Kent?").source_named
    assert not parse("Did the Ofsted report only cover children in need in Kent?").source_named
    assert parse("What was Kent's former Ofsted rating?").source == "ofsted"
    assert parse("What rating did Kent get after the 2022 inspection?").source == "ofsted"
    assert sorted(parse("Since Croydon's 2020 inspection, has it caught up with Lambeth?").authorities) == [
        "Croydon", "Lambeth"]
    for question in ("What did Kent do to get out of inadequate?", "How long did it take to get out of inadequate?"):
        assert not asks_grade(question), question
    # (a council is left out by its own predicate only; nor is one inspected later left out)
    assert "Torbay" in infer_authorities("Torbay Council was not inspected until 2023, when it was rated good.")[0]
    assert "Slough" in infer_authorities("Slough Borough Council said the changes were not part of a cost-cutting "
                                         "exercise.\nWindsor and Maidenhead Council has made similar changes.")[0]


def test_second_reading_a_focused_visit_set_aside_a_story_doubted_and_a_visits_own_date():
    from qa.retrieval.answer_type import asks_provider_inspection
    from qa.retrieval.question import parse, parse_time

    # (an FV set aside between dashes gives no year to filter by)
    assert parse("Rutland JTAI on exploitation - the older one, not the 2023 FV - who was lead inspector?"
                 ).date_from is None
    query = parse("Which inspectors came to Rutland for the focused visit? The Reporter says three days, which "
                  "doesn't sound right.")
    assert query.source == "ofsted" and "Reporter" not in query.names
    assert parse("What does the Reporter say about the visit?").source == "news"
    assert asks_provider_inspection("Ofsted inspection of a Rutland children's home - what did it say about how "
                                    "staff respond when children go missing?")
    # (the visit's own month, typed after it, is asked; the judgement after which it came only tells which visit)
    assert parse_time("rutland mv may 2015 after the nov 2014 inadequate - what did hmi find?")[2] == "may 2015"
    assert parse_time("What happened after the nov 2014 inadequate?")[2] == "from Nov 2014"


def test_a_jtai_paper_naming_the_probation_inspectorate_is_no_childrens_homes_report():
    from qa.retrieval.answer_type import provider_report

    paper = ("Report to the Children's Scrutiny Panel\nOfsted, the Care Quality Commission, HM Inspectorate of "
             "Constabulary and HM Inspectorate of Probation carried out a joint targeted area inspection in Rutland.")
    assert not provider_report(paper, youth_justice=False)
    # (nor, since round 75, a youth justice service's report: the probation inspectorate is a partner in the JTAI)
    assert not provider_report(paper)
    home = "Children's home inspection\nUnique reference number: SC123456\nRegistered manager: Jo Bloggs"
    assert provider_report(home, youth_justice=False)


def test_a_letters_sign_off_is_no_answer_to_who_made_the_visit_and_when():
    from qa.retrieval.rank import SIGN_OFF_PENALTY, scope_weight

    sign_off = ("Ofsted will take the findings from this monitoring visit into account when planning your next "
                "inspection or visit.\n\nYours sincerely\n\nJo Bloggs\n\nHis Majesty's Inspector")
    team = "Who carried out Ofsted's fourth monitoring visit to Rutland, and on what dates?"
    assert scope_weight(sign_off, team, "person") == SIGN_OFF_PENALTY
    # (the lead inspector alone, or who signed the letter, the sign-off answers)
    assert scope_weight(sign_off, "Who was the lead inspector for the Rutland visit?", "person") == 1.0
    assert scope_weight(sign_off, "Who signed the letter after the Rutland visit?", "person") == 1.0
    opening = ("This letter summarises the findings of the monitoring visit to Rutland children's services on 5 and "
               "6 December 2023. His Majesty's Inspectors for this visit were Jo Bloggs and Sam Example.")
    assert scope_weight(opening, team, "person") == 1.0
