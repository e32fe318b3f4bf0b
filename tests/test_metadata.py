import pytest
import json
import shutil
import subprocess
import sys

from qa.documents import metadata
from qa.config import ROOT

from conftest import CORPUS


def test_seed_metadata_inferred_without_a_manifest(tmp_path):
    bare = tmp_path / "seeds"
    bare.mkdir()
    for f in CORPUS.glob("*.txt"):
        shutil.copy(f, bare)
    out = subprocess.run([sys.executable, "-m", "qa.cli", "docs", "--json", "--index-dir", str(tmp_path / "ix")],
                         cwd=ROOT, capture_output=True, text=True, timeout=600,
                         env={**__import__("os").environ, "QA_CORPUS_DIR": str(bare)})
    assert out.returncode == 0, out.stderr
    docs = {d["path"][:3]: d for d in json.loads(out.stdout)}
    # the first letter's text gives its visit (14-15 November 2017), not the day it was sent (12 December 2017)
    assert docs["001"]["doc_type"] == "ofsted_letter" and docs["001"]["date"] is None
    assert (docs["001"]["period_start"], docs["001"]["period_end"]) == ("2017-11-14", "2017-11-15")
    assert docs["003"]["doc_type"] == "ofsted_letter" and docs["003"]["date"] == "2018-08-23"
    assert docs["000"]["doc_type"] == "news_article" and docs["002"]["doc_type"] == "news_article"
    assert docs["004"]["doc_type"] == "council_page"
    assert docs["003"]["period_start"] == "2018-07-31" and docs["003"]["period_end"] == "2018-08-01"
    assert docs["001"]["visit_number"] == 1 and docs["003"]["visit_number"] == 4 and docs["000"]["visit_number"] == 3
    assert set(docs["002"]["local_authorities"]) == {"Barnet", "Reading"}
    assert docs["002"]["publisher"] == "Community Care" and docs["003"]["publisher"] == "Ofsted"
    assert all(d["origin"]["doc_type"] == "inferred" for d in docs.values())
    assert docs["002"]["origin"]["date"] == "unknown" and docs["002"]["date"] is None


def test_manifest_overrides_inference(seed_settings):
    from qa.retrieval.assistant import Assistant

    docs = {d["path"][:3]: d for d in Assistant(seed_settings).documents()}
    assert docs["001"]["date"] == "2017-12-12" and docs["001"]["origin"]["date"] == "manifest"
    assert docs["000"]["period_start"] == "2018-04-25" and docs["000"]["origin"]["period_start"] == "manifest"


def test_date_parsing():
    assert metadata.parse_date("23 August 2018") == "2018-08-23"
    assert metadata.parse_date("August 23, 2018") == "2018-08-23"
    assert metadata.parse_date("31 February 2018") is None
    assert metadata.parse_date_range("14 and 15 November 2017") == ("2017-11-14", "2017-11-15")
    assert metadata.parse_date_range("31 July and 1 August 2018") == ("2018-07-31", "2018-08-01")
    assert metadata.parse_date_range("25-26 April 2018") == ("2018-04-25", "2018-04-26")


def test_no_passage_holds_teasers_or_furniture(assistant):
    unwanted = ["Star Hobson", "Homes for Ukraine", "consultation on", "Read Full Story", "Make an Enquiry",
                "Contact Us", "Rate this page", "Loading, please wait", "Comments are closed", "Subscribe Today",
                "linkedin", "Photo: fotolia"]
    for p in assistant.index.passages:
        for u in unwanted:
            assert u.lower() not in p.text.lower(), (p.passage_id, u)


# ---------------------------------------------------------------- inference on invented pages

from pathlib import Path  # noqa: E402

from qa.documents import clean  # noqa: E402
from qa.documents.convert import convert_text  # noqa: E402


def infer(text: str) -> dict:
    """Inferred metadata of an invented page, as ingest would infer it without a manifest."""
    extracted = convert_text(text)
    blocks = clean.clean_blocks(extracted.blocks)
    raw = "\n".join(b.text for b in extracted.blocks)
    values, origin = metadata.resolve(Path("page.txt"), "page.txt", raw, blocks, extracted.hints, None)
    return values


REPORT = """Borsetshire-on-Sea - Draft report

London Borough of Brent
Inspection of services for children in need of help and protection, children looked after and care leavers
Inspection dates: 3 March 2016 to 24 March 2016
Report published: 6 May 2016
The overall judgement is that children's services require improvement to be good
1. Children who need help and protection
Requires improvement
2. Children looked after and achieving permanence
Good
3. Leadership, management and governance
Requires improvement
"""

LETTER = """Ofsted
Piccadilly Gate
Store Street
Manchester
M1 2WD

14 June 2021

Ms Ann Example
Director of Children's Services
Halton Borough Council

Dear Ms Example

Monitoring visit to Halton children's services

This letter summarises the findings of the monitoring visit to Halton children's services on 25 and 26 May 2021.
This was the third monitoring visit since the local authority was judged inadequate in March 2020. The inspectors
were Jo Bloggs HMI and Sam Example HMI.

Yours sincerely

Jo Bloggs
Her Majesty's Inspector
"""

NEWS = """Inspectors find council's social workers 'overstretched'

Pat Writer
Thursday, March 4, 2021

A council's children's services still require improvement, Ofsted has found, with caseloads too high in some teams.

Wiltshire Council was told in a letter published today that progress had stalled since its fourth monitoring visit.
Inspectors said managers knew the service well. A spokesperson for the council said it accepted the findings.

Meanwhile the new director, who joined from Rotherham last year, said the team was committed to improving.

Related stories
Ofsted judges another council inadequate
12 February 2021
"""

COMMITTEE = """Agenda item

Ofsted Focused Visit Letter

Report of the Director of Children's Services.

Minutes:

Members received the letter following the focused visit to Rutland in January. The Director advised that the
visit had found practice to be improving.

RESOLVED - That the report be noted.
"""

COUNCIL_VOICE = """Skip to main content

Our response to the Ofsted inspection of children's services

Published: 8th Jun 2018

We welcome the findings of the inspection of our children's services in Torbay. We know there is more to do and we
are determined that every child in our care gets the help they need. Our improvement plan sets out what we will do.
"""

GOVUK = """Guidance

Inspecting youth offending services: a framework

Updated 21 February 2022

Applies to England

1. This framework sets out how inspectors will assess youth offending services across England.
"""

NATIONAL = """Councils judged inadequate since 2015

The following local authorities have been rated inadequate: Barnsley, Bexley, Croydon, Doncaster, Kent, Medway,
Norfolk, Rochdale and Slough. Commissioners were appointed in Doncaster, Slough and Sunderland.
Inspectors said the picture was improving nationally.
"""


def test_type_from_structure():
    assert infer(REPORT)["doc_type"] == "ofsted_report"
    assert infer(LETTER)["doc_type"] == "ofsted_letter"
    assert infer(NEWS)["doc_type"] == "news_article"
    assert infer(COMMITTEE)["doc_type"] == "council_page"
    assert infer(COUNCIL_VOICE)["doc_type"] == "council_page"
    assert infer(GOVUK)["doc_type"] == "other"


def test_newspaper_reprint_of_a_letter_is_news():
    reprint = ("Ofsted letter lifts spirits at Sefton\n\nBy Alex Reporter\n\n| 3 May 2019\n\nHide Ad\n\n"
               "The letter, which the paper has seen, begins: Dear Mr Example, thank you for ... The inspectors were "
               "Jo Bloggs HMI and Sam Example HMI. Yours sincerely, Jo Bloggs.\n\nCouncillors said they were pleased.")
    assert infer(reprint)["doc_type"] == "news_article"


def test_report_date_is_its_publication_not_its_fieldwork():
    v = infer(REPORT)
    assert v["date"] == "2016-05-06"
    assert (v["period_start"], v["period_end"]) == ("2016-03-03", "2016-03-24")
    assert v["local_authorities"] == ["Brent"]
    assert v["confidence"]["date"] >= 0.9


def test_letter_date_line_period_visit_and_title():
    v = infer(LETTER)
    assert v["date"] == "2021-06-14"
    assert (v["period_start"], v["period_end"]) == ("2021-05-25", "2021-05-26")
    assert v["visit_number"] == 3
    assert v["title"] == "Monitoring visit to Halton children's services"
    assert v["local_authorities"] == ["Halton"]  # not Manchester, the Ofsted office


def test_letter_without_date_line_stays_undated_but_keeps_its_visit_dates():
    # A letter is published weeks after its visit: the visit's last day is not its date, and a citation must not
    # show one the text does not give. Filters still place the letter by its visit (rank.doc_span).
    undated = LETTER.replace("14 June 2021\n", "")
    v = infer(undated)
    assert v["date"] is None
    assert (v["period_start"], v["period_end"]) == ("2021-05-25", "2021-05-26")


def test_news_dateline_not_teaser_date_and_byline_not_title():
    v = infer(NEWS)
    assert v["date"] == "2021-03-04"
    assert v["title"] == "Inspectors find council's social workers 'overstretched'"
    assert v["local_authorities"] == ["Wiltshire"]  # Rotherham: the director's previous employer
    assert v["visit_number"] is None  # "since its fourth monitoring visit": an earlier visit, not this one


def test_committee_and_council_voice_dates_and_subjects():
    v = infer(COMMITTEE)
    assert v["local_authorities"] == ["Rutland"] and v["date"] is None
    assert v["title"] == "Ofsted Focused Visit Letter"
    meeting = infer("Issue - meetings\n\nOfsted inspection feedback\n\nMeeting: 03/07/2025 - Children's Scrutiny "
                    "Committee (Item 7)\n\nMinutes:\n\nThe Committee noted the verbal report on Thurrock.")
    assert meeting["date"] == "2025-07-03" and meeting["doc_type"] == "council_page"
    v = infer(COUNCIL_VOICE)
    assert v["date"] == "2018-06-08" and v["local_authorities"] == ["Torbay"]
    assert v["title"] == "Our response to the Ofsted inspection of children's services"


def test_date_forms():
    for line, want in (("15/05/23", "2023-05-15"), ("Monday, 05 November, 2018", "2018-11-05"),
                       ("Friday, January 19, 2018", "2018-01-19"), ("Updated 21 February 2022", "2022-02-21"),
                       ("Published: 8th Jun 2018", "2018-06-08"), ("Sam Writer 06 April 2016", "2016-04-06"),
                       ("| 22 March 2017", "2017-03-22")):
        page = f"Council praised for its work with care leavers\n\n{line}\n\nInspectors said Oldham council had improved."
        assert infer(page)["date"] == want, line
    today = ("Ofsted has praised Hartlepool's children's services in a letter published today (19 October 2021) after "
             "a focused visit in September. Inspectors said leaders knew their services well.")
    assert infer(today)["date"] == "2021-10-19"
    assert metadata.parse_date("28 Mar 2017") == "2017-03-28"
    assert metadata.parse_date("1st February 2023") == "2023-02-01"


def test_no_date_from_the_story_a_banner_or_a_mid_sentence_publication():
    story = ("Gateshead children's services rated good\n\nPublished on 7 January 2019, this judgement follows a visit"
             " on 3 December 2018. Inspectors said Gateshead council had improved.\n\nSite maintenance on 4 May 2023")
    v = infer(story)
    assert v["date"] is None
    banner = ("Planned website maintenance 12 March 2024\n\nSalford children's services improving\n\n"
              "Inspectors said Salford council had made progress since the visit in January 2019.")
    assert infer(banner)["date"] is None


def test_authorities_former_abbreviated_and_passing():
    former = ("Cumbria children's services improving\n\nInspectors said Cumbria County Council had made progress. "
              "The new director joined Cumbria from Lancashire, where she led early help.")
    assert infer(former)["local_authorities"] == ["Cumbria"]
    abbrev = ("Scrutiny panel receives ILACS feedback\n\nThe Director of Children's Services (DCS) for B&NES gave a "
              "verbal report on the recent inspection. Members noted the feedback.")
    assert infer(abbrev)["local_authorities"] == ["Bath and North East Somerset"]
    welsh = ("Performance evaluation inspection of children's services in Monmouthshire published\n\nWe found that "
             "Monmouthshire County Council leaders understand their services. We will continue to monitor progress.")
    v = infer(welsh)
    assert v["local_authorities"] == ["Monmouthshire"] and v["doc_type"] == "other"
    two = ("Letters to both new councils\n\nIn letters to both West Northamptonshire Council and North "
           "Northamptonshire Council, inspectors said Northamptonshire's children's trust was improving. "
           "Northamptonshire children's services were rated inadequate in 2019 and Northamptonshire was split.")
    assert set(infer(two)["local_authorities"]) == {"West Northamptonshire", "North Northamptonshire",
                                                    "Northamptonshire"}


def test_national_list_names_no_subject():
    v = infer(NATIONAL)
    assert v["local_authorities"] == []


def test_periods():
    cases = {
        "Inspectors visited the council between 10 and 21 June 2019 and found good practice.": ("2019-06-10", "2019-06-21"),
        "The focused visit took place on 19 and 20 March 2019.": ("2019-03-19", "2019-03-20"),
        "Between 28th November and 1st December 2022, inspectors revisited the area.": ("2022-11-28", "2022-12-01"),
        "The inspection ran from 28 November to 1 December 2022.": ("2022-11-28", "2022-12-01"),
        "Inspection dates: 14 January – 4 February 2015": ("2015-01-14", "2015-02-04"),
    }
    for sentence, want in cases.items():
        v = infer("Ofsted findings for Wigan\n\n" + sentence + " Wigan council said it was pleased.")
        assert (v["period_start"], v["period_end"]) == want, sentence
    not_fieldwork = ("Ofsted findings for Wigan\n\nThank you for meeting with me on 30 January 2018 to discuss the "
                     "inspection. The next monitoring visit is scheduled for 30 April 2019. Wigan council said so.")
    assert infer(not_fieldwork)["period_start"] is None


def test_visit_numbers():
    cases = {"Ofsted made its fifth monitoring visit since 2019 to Wigan council.": 5,
             "This was the first monitoring visit since Wigan council was judged inadequate.": 1,
             "It was their sixth and final visit since Wigan council was judged inadequate.": 6,
             "The director said this monitoring visit had been the fifth of six visits to Wigan council.": 5,
             "Inspectors made a fourth follow-up visit to Wigan council.": 4,
             "Ofsted visited last month for the fourth of its monitoring visits to Wigan council.": 4,
             "Ofsted inspectors made their third visit since Wigan council was judged inadequate.": 3,
             "It was the first time inspectors had visited since Wigan council was rated good.": None,
             "This focused visit was Ofsted's second visit since Wigan council was judged inadequate.": None,
             "The joint inspection was the first visit since the pandemic to Wigan council.": None}
    for sentence, want in cases.items():
        assert infer("Wigan children's services\n\n" + sentence)["visit_number"] == want, sentence
    several = ("Wigan improvement journey\n\nThe second monitoring visit took place in May. The third monitoring "
               "visit took place in August. Wigan council said it was pleased.")
    assert infer(several)["visit_number"] is None


def test_title_skips_furniture():
    page = ("Skip to main content\n\nTranscription\n\nPhoto: A. Snapper/Agency\n\nKnowsley care leavers get better "
            "housing, inspectors say\n\nBy Sam Writer\n\nKnowsley council has improved housing for care leavers, "
            "Ofsted said in a letter to the council this week after a visit to the borough.")
    assert infer(page)["title"] == "Knowsley care leavers get better housing, inspectors say"


def test_confidence_recorded_for_inferred_fields():
    v = infer(NEWS)
    assert set(v["confidence"]) >= {"title", "doc_type", "date", "local_authorities"}
    assert all(0 < c <= 1 for c in v["confidence"].values())


def test_a_page_dating_several_visits_reports_on_none_of_them():
    from qa.documents.metadata import infer_visit_number

    journey = ("The second Ofsted monitoring visit took place in March 2020 and looked at the front door. "
               "In October 2019, Ofsted conducted a monitoring visit of the care leavers service.")
    assert infer_visit_number(journey)[0] is None
    single = "This was the third monitoring visit since the council was judged inadequate in May 2019."
    assert infer_visit_number(single)[0] == 3


@pytest.mark.parametrize("line, expected", [
    # a clock time beside the date, and the same date again as an update
    ("09:15, 7 OCT 2020   Updated 11:40, 7 OCT 2020", "2020-10-07"),
    ("Tuesday, 6 October 2020, 7:00 am", "2020-10-06"),
    ("Updated 06/10/2020 18:02", "2020-10-06"),
    # committee records and press releases
    ("Meeting date: Wednesday, 14 October 2020 2.00 pm", "2020-10-14"),
    ("Date of meeting: 14/10/2020", "2020-10-14"),
    ("Press release  |  8 October 2020  |  Ref: PR-1008", "2020-10-08"),
    # a blog's byline with the author's role
    ("Posted 2 October 2020 by Sam Okafor, Head of Service", "2020-10-02"),
    # not datelines: a visit's dates, a sentence going on
    ("Inspection dates: 21 to 25 September 2020", None),
    ("Published 3 October 2020 by the council after the visit on 2 October", None),
])
def test_datelines_with_times_prefixes_and_bylines(line, expected):
    assert metadata._dateline(line)[0] == expected


def test_a_dateline_run_into_the_meeting_details():
    v = infer("Example Council\n\nChildren's Scrutiny Committee\n\nDate of meeting: 14/10/2020 Time: 2.00 pm Venue: "
              "Town Hall\n\nMinutes\n\nThe committee received the Ofsted focused visit letter on Example children's "
              "services and asked officers about caseloads and the recruitment of permanent social workers.")
    assert v["date"] == "2020-10-14"


# ---------------------------------------------------------------- kinds of page beyond the development corpus

def test_a_report_front_page_without_its_publication_line_is_a_report():
    v = infer("Example Borough Council\nInspection of children's social care services\n\nInspection dates: 7 to 18 "
              "March 2022\n\nLead inspector: Ann Lowe\nHis Majesty's Inspector\n\nJudgement    Grade\nOverall "
              "effectiveness    Requires improvement to be good\n\nLeaders have improved the front door since the last "
              "inspection, and most children now receive help at the right time from skilled social workers.")
    assert v["doc_type"] == "ofsted_report"


def test_a_newspaper_masthead_makes_news_and_names_no_subject():
    v = infer("Wessex & Dorset Gazette\nNews > Local News\n\nCouncil's children's services rated good\n\nFirst "
              "published 04/05/2021 | Updated 05/05/2021\nComments (3)\n\nChildren's services in Poole have been rated "
              "good by Ofsted inspectors after a two-week visit in March.\n\nCouncillor Ann Hill, cabinet member for "
              "children, said: \"Our social workers do a remarkable job.\"\n\nMost read\n")
    assert v["doc_type"] == "news_article"
    assert v["date"] == "2021-05-04"
    assert "Dorset" not in v["local_authorities"]


@pytest.mark.parametrize("page, doc_type, published", [
    # a council's masthead over a news release
    ("Example Forest Council\n\nNews release  |  3 May 2021  |  Ref: EFC-0503\n\nOfsted judges children's "
     "services in Bracknell Forest to be good\n\nChildren's social care services in Bracknell Forest have been judged "
     "good by Ofsted, following an inspection in March. The report says leaders know their services well, and "
     "inspectors praised the stable workforce.", "council_page", "2021-05-03"),
    # a charity's briefing, dated by the month under its title
    ("The Family Practice Trust\nPolicy | Research | Events | About us | Donate\n\nBriefing paper\n\nWhat monitoring "
     "visits say about neglect\n\nMarch 2021\n\nSummary\nThis briefing reads thirty monitoring visit letters "
     "published by Ofsted between 2018 and 2020 and what inspectors said about neglect, drift and delay for children "
     "on child protection plans across England.", "other", "2021-03-01"),
])
def test_a_publishers_own_page_by_its_masthead(page, doc_type, published):
    v = infer(page)
    assert (v["doc_type"], v["date"]) == (doc_type, published)


@pytest.mark.parametrize("sentence, period", [
    ("The third monitoring visit since the service was judged inadequate took place on 5 and 6 May 2021.",
     ("2021-05-05", "2021-05-06")),
    ("The visit was carried out on 11–\n12 May 2021 by two inspectors.", ("2021-05-11", "2021-05-12")),
    ("The council had received formal notification of the inspection on 2 June 2021.", None),
    ("The council was judged inadequate on 4 May 2021 after the inspection.", None),
])
def test_visit_dates_beside_a_judgement_or_a_notification(sentence, period):
    got, _ = metadata.infer_period(sentence)
    assert got == period


@pytest.mark.parametrize("page, expected", [
    # a date run into share links near the top, short or long
    ("Kent children's services improve, says Ofsted\n\nPublished\n\n2 hours ago\n\nCopy link About sharing 9 June "
     "2021\n\nChildren's services in Kent have improved, inspectors said after a visit in April this year.", "2021-06-09"),
    ("Kent children's services improve\n\n12 March 2021 Share this with Facebook Share this with Messenger Share this "
     "with Twitter Share this with Email\n\nChildren's services in Kent have improved, inspectors said.", "2021-03-12"),
    ("Kent County Council\n\nChildren's Services Sub-Committee\n\nHeld on Tuesday 3rd March 2021 (7.00 - 9.05 pm)\n\n"
     "The sub-committee received a report on the Ofsted focused visit.", "2021-03-03"),
    ("Low caseloads key to Kent rating\n\nPosted by Sam Fox on 18 June 2021 at 10:45\n\nInspectors praised caseloads.",
     "2021-06-18"),
    # a sentence of the story, and the end of a range of days, are not the page's date
    ("Kent's remarkable turnaround\n\nPublished on 7 January 2021, this judgement represents an unprecedented "
     "turnaround for the council over a very short period of two years.", None),
    ("Peer review of Kent County Council 5th - 9th February 2021\n\nThe peer team found a stable leadership team.", None),
])
def test_dates_run_into_page_furniture(page, expected):
    assert infer(page)["date"] == expected


def test_navigation_and_other_employers_are_not_the_subject():
    v = infer("Accessibility Help\n\nNews Sport Weather Local News Regions Cambridgeshire\n\nPeterborough children's services improve\n\n"
              "Children's services in Peterborough have improved, inspectors said. Peterborough's director said staff "
              "had worked hard. The director joined after six years at Norfolk County Council.\n\n"
              "Lead peer: Director of Children's Services, Essex County Council\n"
              "Assistant Director, Children's Social Care, Suffolk County Council")
    assert v["local_authorities"] == ["Peterborough"]
    # ... but the director named with a comma in a story is the subject council's own
    story = infer("Kent's children's services improve\n\nChildren's services in Kent have improved, Ofsted said. "
                  "Sarah Hammond, corporate director of children's services, Kent County Council, said staff had "
                  "worked hard since the last inspection. She joined from Medway Council in 2019.")
    assert story["local_authorities"] == ["Kent"]


def test_a_visit_still_to_come_is_not_the_one_reported():
    number, _ = metadata.infer_visit_number("The findings come after Ofsted's third monitoring visit since the "
                                            "council was rated inadequate. Ofsted will return for a fourth monitoring "
                                            "visit in the new year.")
    assert number == 3


def test_visit_dates_in_pdf_text_broken_mid_sentence():
    got, _ = metadata.infer_period("This letter summarises the findings of the monitoring visit to\nExample County "
                                   "Council children's services on 28 February and\n1 March 2021. The visit was the "
                                   "second monitoring visit")
    assert got == ("2021-02-28", "2021-03-01")


def test_an_officers_blog_is_the_councils_and_an_lga_review_is_other():
    blog = infer("Rutland County Council\nNews and blogs\n\nDirector's blog\n\nWhat our inspection told us\n\nWednesday "
                 "19 July 2023\nBy Jo Bell, Corporate Director for Children's Services\n\nInspectors were with us for two "
                 "weeks in May, and we are proud of what they found in Rutland.")
    assert blog["doc_type"] == "council_page"
    review = infer("Local Government Association Children's Safeguarding Peer Review Example County Council\n\n1.1 "
                   "This report sets out the findings of the peer review carried out at Example County Council.")
    assert review["doc_type"] == "other"


def test_rules_for_new_kinds_of_page_leave_ordinary_pages_alone():
    # an inspection's date in a short line near the top is not the page's date
    v = infer("Our Ofsted inspection\n\nOfsted last inspected our services on 12 March 2019.\n\nWe are proud of our "
              "social workers and of what inspectors found in Rutland, and we will keep improving.")
    assert v["date"] is None
    assert metadata._furniture_date("Join us on Tuesday 12 March 2024 at the town hall") is None
    # a headline ending in a council's name is not the council's masthead; a title-case headline is not a paper's
    news = infer("Ofsted rates children's services at Slough Borough Council\n\nJane Smith\n\nChildren's services in "
                 "Slough are inadequate, the watchdog said. A spokesperson said the council was disappointed.")
    assert news["doc_type"] == "news_article"
    assert metadata.masthead("Sutton Children's Services Rated Good Today") == ""
    assert metadata.masthead("Hull Daily Mail") == "Hull Daily Mail"
    # a headline written as a page title keeps its subject
    titled = infer("Ofsted rates Medway children's services inadequate | Latest news\n\nChildren's services in Medway "
                   "were rated inadequate by Ofsted inspectors after a three-week inspection.")
    assert titled["local_authorities"] == ["Medway"]


@pytest.mark.parametrize("page, field, expected", [
    # the county in a council's postal address
    ("Ofsted\nPiccadilly Gate\nStore Street\nManchester M1 2WD\n\nMs A Khan\nDirector of Children's Services\n"
     "Swindon Borough Council\nCivic Offices\nEuclid Street\nSwindon\nWiltshire\nSN1 2JH\n\n14 February 2023\n\nDear "
     "Ms Khan\n\nMonitoring visit to Swindon children's services\n\nThis letter summarises the findings of the "
     "monitoring visit to Swindon children's services. The visit was carried out by His Majesty's Inspectors.\n\n"
     "Yours sincerely\n\nJo Lane\nHis Majesty's Inspector", "local_authorities", ["Swindon"]),
    # a menu, neighbours, bodies named after a place
    ("Accessibility\n\nMenu   News   Wirral   Liverpool   Sefton   Sport   Jobs\n\nWirral children's services "
     "improving, say inspectors\n\nChildren's services in Wirral are improving, Ofsted said. The borough's neighbours "
     "Liverpool City Council and Sefton have recruited from the same agency pool. Partners include NHS Devon "
     "Integrated Care Board and Devon and Cornwall Police.", "local_authorities", ["Wirral"]),
    # a minister's letter
    ("Department\nfor Education\n\nSanctuary Buildings\nGreat Smith Street\nWestminster\nLondon SW1P 3BT\n\nFrom the "
     "Minister for Children\n\nCouncillor Jane Ash\nLeader, Stoke-on-Trent City Council\n\nDear Jane\n\nI am writing "
     "following Ofsted's fifth monitoring visit to Stoke-on-Trent children's services.\n\nYours sincerely\n\nA "
     "Minister", "doc_type", "other"),
    # the Children's Commissioner's report
    ("Skip to main content\nChildren's Commissioner for England\nAbout us | Our work | News\n\nStill waiting: "
     "children's experiences of moving placements\nPublished: 22 November 2023\n\nThis report looks at how often "
     "children in care move home, and what they told us.", "doc_type", "other"),
    # a community paper in capitals, with a Donate link
    ("THE HAVERING HERALD\nIndependent community news\nHome | Council | Schools | About us | Donate\n\nHavering "
     "children's services rated good\nPosted on 2 February 2024 by Dave Penn | 7 Comments\n\nOfsted rated children's "
     "services in the London Borough of Havering as good, the council said.", "doc_type", "news_article"),
    # a cover's month followed by the publisher's web address
    ("Childsafe Learning\n\nResearch briefing\n\nThemes from 2023 inspections\n\nPublished: October 2024 "
     "childsafe.org.uk/learning Contents Introduction ..... 2\n\nIntroduction\n\nThis briefing draws together themes "
     "from forty inspections of local authority children's services in 2023.", "date", "2024-10-01"),
])
def test_messy_captures(page, field, expected):
    assert infer(page)[field] == expected


def test_a_committee_paper_names_its_visit_more_often_than_the_next_one():
    minutes = ("Item 6   Ofsted second monitoring visit - verbal update\n\nThe Director reported on the outcome of "
               "Ofsted's second monitoring visit since the inadequate judgement.\n\nRESOLVED: That a written report "
               "on the third monitoring visit be brought to the next meeting.")
    # (the third visit, in the resolution, is one to come: the second is the only visit it names)
    assert metadata.infer_visit_number(minutes) == (2, 0.85)
    report = ("To inform members of the outcome of the fifth Ofsted monitoring visit to Leeds.\n\nA sixth "
              "monitoring visit is expected in the summer.")
    assert metadata.infer_visit_number(report)[0] == 5  # a visit still expected is not the one reported
    # "it was the fourth" names the page's own visit; the third is recalled
    assert metadata.infer_visit_number("It was the fourth monitoring visit. The third monitoring visit was in "
                                       "May.")[0] == 4
    assert metadata.infer_visit_number("The third monitoring visit took place in May. A fourth monitoring visit, "
                                       "expected in the autumn, is likely in October.")[0] == 3
    # one mention each: an improvement journey, not one visit
    assert metadata.infer_visit_number("The second monitoring visit found drift. The third monitoring visit "
                                       "found progress.")[0] is None


def test_the_first_time_inspectors_visited_is_not_a_first_monitoring_visit():
    text = "It was the first time inspectors had visited the city's children's services in person since 2020."
    assert metadata.infer_visit_number(text)[0] is None


@pytest.mark.parametrize("page, field, expected", [
    # a clock time dateline run into the byline dates the story
    (("Example Chronicle\n\nCouncil rated 'outstanding' for its children's services\n\nBy Jo Bell\n"
     "Local Democracy Reporter\n10:02, 5 MAY 2023\n\nBookmark   Share\n\nThe civic centre (Image: Google)\n\n"
     "A council in the north east has been rated outstanding by Ofsted for the second time, after inspectors "
     "spent two weeks with its social workers in March, the report published this week says."),
     "date", "2023-05-05"),
    # a school report front page is an ofsted report
    (("School report\n\nInspection of Example Park Primary School\nWelland Road, Peterborough PE1 3SN\n\n"
     "Inspection dates: 5 and 6 November 2019\n\nOverall effectiveness        Requires improvement\n"
     "The quality of education        Requires improvement\nBehaviour and attitudes        Good\n"
     "Leadership and management        Requires improvement\n\nWhat is it like to attend this school?\n\n"
     "Pupils are happy and feel safe. Teachers know them well."),
     "doc_type", "ofsted_report"),
    # a clock time in a sentence of the story is no dateline
    (("Example News\n\nLeeds children's services inspected\n\nInspectors arrived at the council at 9:30, 14 "
     "March 2022, and stayed for two weeks, the report says. It was published this week."),
     "date", None),
    # a committee paper is dated by its publication not its meeting
    (("Example Council\n\nChildren's Select Committee\n\nDate of meeting: 8 November 2022\n"
     "Date of publication: 28 October 2022\n\nOfsted inspection of children's services\n\n"
     "1. Purpose\n\nTo inform the committee of the outcome of the inspection carried out in September."),
     "date", "2022-10-28"),
    # a briefing labelled with its month
    (("Example Network\n\nPolicy and research > Briefings\n\nBRIEFING | October 2023\n\n"
     "Safe at home? Care leavers and unsuitable accommodation\n\nSummary\n\nEvery year thousands of young "
     "people leave care in England, and for many the move into their first home is when support falls away."),
     "date", "2023-10"),
    # minutes opening at a meeting held on a date
    (("EXAMPLE COUNTY COUNCIL\n\nCHILDREN'S SERVICES SCRUTINY COMMITTEE\n\nAt a meeting of the Children's "
     "Services Scrutiny Committee\nheld in Committee Room 1, County Hall, Morpeth on Thursday, 12 September "
     "2019 at\n10.00 a.m.\n\nPRESENT\n\nCouncillor D. Example (Chair)\n\n1. OFSTED FOCUSED VISIT\n\nMembers "
     "received a report on the focused visit carried out on 2 and 3 July 2019."),
     "date", "2019-09-12"),
    # a numbered briefing paper labelled with its month
    (("THE EXAMPLE INSTITUTE\nIndependent research on children and families\n\nBriefing paper No. 14 | May "
     "2024\n\nRUNNING OUT OF ROOM\nPlacement sufficiency in children's social care in England\n\nSummary\n\n"
     "Councils in England are failing to meet their legal duty to provide enough suitable homes for the "
     "children they look after, and the gap has grown in each of the past five years."),
     "date", "2024-05"),
    # a committee report dated by its report date, not its meeting (numeric date)
    (("Example Council                                   Agenda item 7\n\nMeeting:          Cabinet\n"
      "Meeting date:     Thursday 11 October 2018\nTitle of report:  Response to the Ofsted inspection\n"
      "Date of report: 28.09.2018\n\nPurpose and summary\nTo approve the improvement plan prepared in response "
      "to the Ofsted inspection of children's social care services."),
     "date", "2018-09-28"),
    # a charity report's cover: its publisher's name and month run into one line
    (("Coming home: what happens after children go missing\n\nExample Charity\nFebruary 2020\n\nA registered "
      "charity in England and Wales\n\nSummary\nEvery time a child is reported missing, the local authority "
      "should offer them a return home interview, and we looked at how often that happens."),
     "date", "2020-02"),
    # a review date is not the publication
    (("Coming home: what happens after children go missing\n\nReview Date March 2025\n\nSummary\nEvery time a "
      "child is reported missing, the local authority should offer them a return home interview."),
     "date", None),
    # a visit's month on a short line is not the publication
    (("Coming home: what happens after children go missing\n\nVisited February 2020\n\nSummary\nEvery time a "
      "child is reported missing, the local authority should offer them a return home interview."),
     "date", None),
])
def test_page_forms_of_the_seventh_round(page, field, expected):
    """Dates a month or a day (a "YYYY-MM" expectation matches the month of a day-precise date)."""
    got = infer(page)[field]
    assert (got is None) if expected is None else str(got).startswith(expected)


def test_a_lead_opening_on_its_dateline_and_minutes_of_a_meeting_are_dated():
    lead = ("Island children praised\n\nBy Pat Writer\n\nMonday 4 March 2019 - Island children's services have "
            "been given a largely positive report by Ofsted inspectors, who visited in January.\n\n"
            "The council said it was pleased.")
    assert infer(lead)["date"] == "2019-03-04"
    minutes = ("Anyshire County Council\n\nScrutiny Committee\n\nMinutes of the meeting held in the Council Chamber, "
               "County Hall, on Thursday 20 January 2022 at 7.00 pm\n\nThe minutes of the meeting held on 18 November "
               "2021 were confirmed. The focused visit letter was published on 7 December 2021.")
    assert infer(minutes)["date"] == "2022-01-20"
    # a date inside the lead's sentence is the story's, not a dateline
    story = ("Island children praised\n\nOfsted inspectors visited on 4 March 2019 - the third time in a year - and "
             "said children were safer.")
    assert infer(story)["date"] is None


def test_a_visit_named_as_an_earlier_one_or_a_focused_visit_is_not_the_one_reported():
    letter = ("Monitoring visit of Anyshire children's services\n\nThis letter summarises the findings of the "
              "monitoring visit on 14 and 15 June 2017. The visit was the second monitoring visit since the local "
              "authority was judged inadequate. Leaders understand practice better than at the time of the first "
              "monitoring visit. Since the last monitoring visit in February 2017, a head of service has started.")
    assert metadata.infer_visit_number(letter)[0] == 2
    focused = "Services were last inspected in 2018. This is the first focused visit since that inspection."
    assert metadata.infer_visit_number(focused)[0] is None
    # a story names the visit it reports "following" it
    assert metadata.infer_visit_number("Following the third monitoring visit since the council was rated "
                                       "inadequate, inspectors praised its care leavers service.")[0] == 3


def test_inspectors_spending_days_with_a_council_date_the_visit():
    page = ("Anyshire praised for work on exploitation\n\nTwo inspectors spent 10 and 11 December 2019 with the "
            "council's children's services, looking at how it responds to children at risk of exploitation.")
    v = infer(page)
    assert (v["period_start"], v["period_end"]) == ("2019-12-10", "2019-12-11")


@pytest.mark.parametrize("page, title", [
    # the salutation run into the address block by extraction: the subject line after it is the title
    ("Ofsted Piccadilly Gate Store Street Manchester M1 2WD 10 March 2020 Jo Bell\n\nDirector of Children's "
     "Services\n\nAnyshire County Council County Hall Anytown AN1 2BB Dear Ms Bell\n\nFocused visit to Anyshire "
     "children's services\n\nThis letter summarises the findings of the focused visit.", "Focused visit to Anyshire "
     "children's services"),
    ("Dear local partners\n\nJoint targeted area inspection of Anyshire\n\nThis letter outlines our findings.",
     "Joint targeted area inspection of Anyshire"),
    # a committee system's label before the item's own name
    ("Agenda item - Children's services improvement: outcome of the third monitoring visit\n\nDecision Maker: "
     "Scrutiny Committee\n\nMinutes: The Director presented the report.",
     "Children's services improvement: outcome of the third monitoring visit"),
    # menus, account links and breadcrumbs above the headline
    ("News | Sport | What's On | Jobs | Announcements\n\nLog in | Register\n\nNews > Anytown > Children\n\n"
     "Missing children not always seen quickly enough, say inspectors\n\nBy Jo Bell\n\nChildren who go missing "
     "from care are not always offered a return home interview, Ofsted said.", "Missing children not always seen "
     "quickly enough, say inspectors"),
])
def test_title_after_letterheads_labels_and_menus(page, title):
    assert infer(page)["title"] == title


def test_a_page_recalling_the_last_visit_still_reports_its_own():
    paper = ("To inform Members of the outcome of Ofsted's second monitoring visit, which took place on 13 and 14 "
             "April 2021.\n\nThe first monitoring visit took place in February 2020 and examined the front door.\n\n"
             "Findings of the second monitoring visit\n\nThat Members note the findings of Ofsted's second monitoring "
             "visit.")
    assert metadata.infer_visit_number(paper)[0] == 2
    story = ("Inspectors praised the way the trust responds to concerns, following its second monitoring visit since "
             "the borough's children's services were judged inadequate. The first monitoring visit took place in "
             "March 2021.")
    assert metadata.infer_visit_number(story)[0] == 2


def test_minutes_are_dated_by_their_meeting_not_the_last_one_they_confirm():
    minutes = ("MINUTES OF THE CHILDREN AND EDUCATION SCRUTINY COMMITTEE MEETING HELD AT THE TOWN HALL, ANYTOWN ON "
               "4 NOVEMBER 2019\n\n23. Minutes of the meeting held on 9 September 2019\n\nThe minutes were agreed.")
    assert infer(minutes)["date"] == "2019-11-04"


def test_a_briefing_published_in_a_month_and_updated_later_is_dated_by_its_publication():
    page = ("Briefing\n\nWhat monitoring visits tell us\n\nPublished: June 2024 | Last updated: 2 September 2024 "
            "(links corrected)\n\nThis briefing draws on our reading of monitoring letters to councils.")
    assert infer(page)["date"] == "2024-06-01"


def test_a_school_is_in_its_labelled_council_not_its_postal_county():
    page = ("Inspection of Meadow Primary School\n\nMeadow Way, Hainault, Ilford, Essex IG6 4XZ\n\nInspection dates: "
            "8 and 9 October 2024\n\nPupils enjoy coming to school and behave well in lessons and at play.\n\n"
            "School details Unique reference number 100001 Local authority Redbridge Type of school Primary")
    assert infer(page)["local_authorities"] == ["Redbridge"]


@pytest.mark.parametrize("page, title", [
    ("Subject: Ofsted fifth monitoring visit: care leavers\n\nThe report sets out the findings of the fifth "
     "monitoring visit to Anyshire.", "Ofsted fifth monitoring visit: care leavers"),
    ("Anyshire County Council\n\nOpen report on behalf of the Executive Director of Children's Services\n\n"
     "Outcome of the Ofsted inspection of children's services, May 2024\n\nPurpose of report\n\nThis report informs "
     "the committee of the outcome of the Ofsted inspection of children's services.",
     "Outcome of the Ofsted inspection of children's services, May 2024"),
    ("London Borough of Havering\n\nAgenda item: 7\n\nOfsted focused visit: care leavers (January 2024)\n\nTo update "
     "the panel on the findings of Ofsted's focused visit on care leavers.", "Ofsted focused visit: care leavers "
     "(January 2024)"),
    # a report's own title line over the words its text repeats ("HC 28 Social care ..."), and no byline with a
    # role or a contents line
    ("The Annual Report of Her Majesty's Chief Inspector 2018/19\n\nOrdered to be printed 21 January 2020\n\n"
     "HC 28 Social care Local authority children's services\n\nThis annual report of the Chief Inspector finds that "
     "local authority children's services in England improved: inspections found more services good.",
     "The Annual Report of Her Majesty's Chief Inspector 2018/19"),
    ("Anyshire News and blogs\n\nBy Jo Bell, Corporate Director for Children's Services\n\nLearning from our "
     "inspection: what happens next\n\nOur inspection showed what we do well; learning from it is what happens "
     "next for our social workers.", "Learning from our inspection: what happens next"),
])
def test_title_skips_a_papers_labels_and_keeps_a_dated_heading(page, title):
    assert infer(page)["title"] == title


def test_a_file_title_property_is_used_only_when_it_is_a_title():
    from qa.documents.metadata import _usable_file_title
    from qa.datatypes import Block

    blocks = [Block("para", "Anyshire Council statement on the Ofsted monitoring visit to children's services, "
                            "which found progress.")]
    assert _usable_file_title("Microsoft Word - JTAI_letter_template_v7.docx", blocks) is None
    assert _usable_file_title("Committee report template", blocks) is None
    assert _usable_file_title("Quarterly budget monitoring report", blocks) is None  # not what the text is about
    assert _usable_file_title("Ofsted monitoring visit statement", blocks) == "Ofsted monitoring visit statement"


def test_review_cases_dates_periods_and_visits_stay_unconfirmed():
    # a chronology's first bullet is no dateline
    chronology = ("Our improvement journey\n\n20 June 2018 – Ofsted judged services inadequate\n\n14 March 2019 – "
                  "First monitoring visit\n\nWe have worked hard since then to improve our services for children.")
    assert infer(chronology)["date"] is None
    # somebody else spending days somewhere is no visit
    custody = ("Anyshire story\n\nOne child spent 10 and 11 December 2019 in police custody before a bed was found, "
               "the inspection report said.")
    assert infer(custody)["period_start"] is None
    # the previous meeting's minutes do not date this one
    assert infer("Anyshire Council\n\nMinutes of the previous meeting held on 9 September 2019\n\nThe minutes were "
                 "agreed.")["date"] is None
    # a recalled visit "since" the inspection does not beat the one the paper reports
    paper = ("Report to Cabinet: Ofsted fourth monitoring visit.\nThe third monitoring visit since the ILACS inspection "
             "looked at care leavers. The fourth monitoring visit took place on 5 and 6 September 2023.")
    assert metadata.infer_visit_number(paper)[0] == 4
    assert metadata.infer_visit_number("This was the second full monitoring visit since the council was judged "
                                       "inadequate.")[0] == 2


@pytest.mark.parametrize("page, title", [
    # a headline ending in a council's name is still a headline; a headline may use a furniture word
    ("Ofsted Inspection of Birmingham City Council\n\nReport on progress since the last inspection\n\nInspectors "
     "found that Birmingham City Council has improved its services for children since the last inspection.",
     "Ofsted Inspection of Birmingham City Council"),
    ("Ofsted criticises search for missing children\n\nRelated: Children in care stories\n\nOfsted has criticised the "
     "search for missing children in the county, saying the police and council search too slowly.",
     "Ofsted criticises search for missing children"),
])
def test_headlines_are_not_taken_for_mastheads_or_furniture(page, title):
    assert infer(page)["title"] == title


def test_a_letter_quoted_in_a_story_does_not_title_it():
    story = ("Council responds to Ofsted\n\n" + "\n\n".join(
        ["The council said it had taken the findings seriously and would respond to each of them this year."] * 18)
        + "\n\nDear Sir or Madam\n\nOfsted monitoring visit complaint\n\nWe write to complain.")
    assert infer(story)["title"] == "Council responds to Ofsted"


def test_types_from_set11_kinds_of_page():
    from qa.documents import clean
    from qa.documents.convert import convert_text

    def doc_type(text, hints=None):
        blocks = clean.clean_blocks(convert_text(text).blocks)
        authorities, _ = metadata.infer_authorities(text)
        return metadata.infer_doc_type(text, blocks, hints or {}, authorities)[0]

    cqc_story = ("Rutland adult social care rated 'requires improvement' by CQC\n\nAdult social care run by Rutland "
                 "Council requires improvement, the Care Quality Commission (CQC) has said. The CQC found waits for "
                 "assessments. The council's cabinet member said the CQC had recognised good work.")
    assert doc_type(cqc_story) == "other"  # without a byline: another inspectorate's assessment
    assert doc_type(cqc_story, {"author": "Joanna Pryce"}) == "news_article"  # a reporter's byline from the page
    release = ("RUTLAND COUNCIL\n\nNEWS RELEASE\n\nEmbargo: For immediate release\n\nOfsted recognises early "
               "progress in Rutland children's services\n\nOfsted has found early signs of progress in Rutland "
               "Council's children's services, inspectors said. Councillor Jo Bell, Rutland Council's Executive "
               "Member for Children's Services, said: \"We are pleased.\"")
    assert doc_type(release) == "council_page"
    school = ("Meadow Primary School\n\nInspection of Meadow Primary School\n\nInspection dates: 8 and 9 October 2024"
              "\n\nThe quality of education Good\n\nWhat is it like to attend this school?\n\nPupils are happy here.")
    assert doc_type(school) == "ofsted_report"
    homes = ("Ofsted rates Rutland children's services good\n\nChildren's services in Rutland have been rated good. "
             "The council has opened two new local children's homes. Councillor Jo Bell said she was delighted. We "
             "thank our staff, our partners and our foster carers for their work with us.")
    assert doc_type(homes) == "council_page"
