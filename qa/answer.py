"""Compatibility: the Python API's old path. Citations live in qa/answers/cite.py, the JSON contract in
qa/answers/contract.py, the extractive answer and abstention in qa/answers/extract.py.

    from qa.answer import answer_to_dict, citation   # still works; new code: qa.answers.contract / qa.answers.cite
"""
from qa.answers.cite import citation, long_date, period_label
from qa.answers.contract import answer_to_dict, hit_to_dict

__all__ = ["answer_to_dict", "citation", "hit_to_dict", "long_date", "period_label"]
