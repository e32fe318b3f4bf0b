"""Compatibility: the Python API's old path. The `Assistant` lives in qa/retrieval/assistant.py.

    from qa.search import Assistant          # still works; new code: from qa.retrieval.assistant import Assistant
"""
from qa.retrieval.assistant import Assistant

__all__ = ["Assistant"]
