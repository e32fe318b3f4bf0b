"""Thirty-eighth round: a joint inspection's letter under the inspectorates' names is Ofsted's letter; Ofsted's own
document asked for by name ("Quote the Ofsted report, not the press coverage")."""
from conftest import metadata_of

from qa.retrieval.question import parse

JOINT_LETTER = """Ofsted | Care Quality Commission | HMICFRS | HM Inspectorate of Probation

4 March 2019

Alys Penrose, Director of Children's Services, Wessex County Council

Chief Constable, Wessex Police

Accountable Officer, NHS Wessex Clinical Commissioning Group

Joint targeted area inspection of the multi-agency response to children living with neglect in Wessex

Between 14 and 18 January 2019, Ofsted, the Care Quality Commission (CQC), HMICFRS and HM Inspectorate of Probation
undertook a joint inspection of the multi-agency response to children living with neglect in Wessex.

Leaders across the partnership understand the scale of neglect in the county, and the shared strategy is beginning
to change how practitioners recognise it in older children.

Yours sincerely

Tomas Whitcombe, Regional Director, Ofsted

Ruth Ealing, Deputy Chief Inspector, Care Quality Commission
"""

# The same subject line over a council's paper that reprints the letter's findings, signed by its own director.
COUNCIL_REPORT = """Wessex County Council

Joint targeted area inspection of the multi-agency response to children living with neglect in Wessex

Report to the Children's Select Committee, 2 April 2019

Inspectors found that leaders across the partnership understand the scale of neglect in the county. We have
agreed an action plan with our partners.

Yours sincerely

Alys Penrose, Director of Children's Services, Wessex County Council
"""


def test_a_joint_inspection_letter_without_ofsted_letterhead_is_ofsted_letter():
    assert metadata_of(JOINT_LETTER)["doc_type"] == "ofsted_letter"
    # without Ofsted among those signing, nothing says whose letter it is
    unsigned = JOINT_LETTER.replace("Regional Director, Ofsted", "Regional Director")
    assert metadata_of(unsigned)["doc_type"] != "ofsted_letter"


def test_a_council_paper_under_the_same_subject_line_is_not():
    assert metadata_of(COUNCIL_REPORT)["doc_type"] != "ofsted_letter"


CABINET_PAPER = """Joint targeted area inspection of the multi-agency response to children living with neglect in Wessex

Cabinet, 9 April 2019

1. Purpose of the report

To tell Cabinet what the joint inspection found and how the partnership will respond.

Appendix 1: the inspectorates' letter

Between 14 and 18 January 2019, Ofsted, the Care Quality Commission, HMICFRS and HM Inspectorate of Probation
undertook a joint inspection in Wessex.

Yours sincerely

Tomas Whitcombe, Regional Director, Ofsted
"""

COUNCIL_REPLY = """Joint targeted area inspection of the multi-agency response to children living with neglect in Wessex

Thank you for the inspectorates' letter of 4 March 2019. The partnership accepts its findings in full and will
send the written statement of action by the date asked.

Yours sincerely

Alys Penrose
Director of Children's Services
cc: Regional Director, Ofsted
"""


def test_a_council_paper_or_reply_carrying_the_joint_letter_is_not_the_letter():
    for text in (CABINET_PAPER, COUNCIL_REPLY,
                 COUNCIL_REPORT.replace("Yours sincerely", "The letter from Ofsted is attached.\n\nYours sincerely")):
        assert metadata_of(text)["doc_type"] != "ofsted_letter", text[:60]


def test_the_ofsted_document_itself_asked_for_is_the_named_source():
    for question in ("Quote the Ofsted report, not the press coverage: what did the 2023 inspection of Wessex say "
                     "about caseloads?",
                     "Quote the Ofsted letter, not the council's page: what did the fourth visit to Wessex find about "
                     "caseloads?",
                     "What did inspectors find about caseloads in Wessex in 2023? Not the press coverage, please."):
        query = parse(question)
        assert query.source == "ofsted" and query.source_named, question
    assert not parse("What did inspectors say about caseloads in Wessex in 2023?").source_named
    # minutes set aside are no cue that the council is asked
    assert parse("What did the 2019 letter find on caseloads in Wessex? Not the scrutiny minutes, please.").source \
        != "council"
    # the council's own words asked for are the council's, whatever it is set against
    council = parse("I need Wessex Council's own announcement of its Ofsted result, not the press coverage: what "
                    "did it say about caseloads?")
    assert council.source == "council"
