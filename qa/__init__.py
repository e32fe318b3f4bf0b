"""Cited-evidence search over inspection documents. `from qa import Assistant` (see qa/retrieval/assistant.py)."""


def __getattr__(name):  # lazy, so `qa --help` and small imports stay fast
    if name == "Assistant":
        from qa.retrieval.assistant import Assistant

        return Assistant
    raise AttributeError(name)
