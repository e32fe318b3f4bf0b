"""The web app works from a built wheel: its templates and static files are package data (pyproject.toml), so a
wheel without them would serve a page that fails on the first render. Build the wheel from a copy of the sources,
unpack it, and serve the app from the unpacked copy alone: the page (static/app.js in its head), the documents
table and an answer's cards (templates/)."""
import os
import shutil
import subprocess
import sys
import zipfile

from qa.config import ROOT

SERVE = r"""
import json, socket, sys, tempfile, urllib.request
import qa.web.render as render
assert render.__file__.startswith(sys.argv[1]), render.__file__
from qa.config import load_settings
from qa.retrieval.assistant import Assistant
from qa.web import app
from qa.web.assets import CSS, HEAD
settings = load_settings(index_dir=tempfile.mkdtemp(), corpus_dir=sys.argv[2], model=sys.argv[1] + "/no_model")
assistant = Assistant(settings)
demo = app.build_ui(assistant)
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
demo.launch(server_name="127.0.0.1", server_port=port, css=CSS, head=HEAD, prevent_thread_lock=True, quiet=True)
try:
    page = urllib.request.urlopen(demo.local_url, timeout=30).read().decode()
    config = json.dumps(demo.get_config_file(), default=str)
    data, _ = app.ask_data(assistant, "What did inspectors say about supervision in 2018?")
    print("RESULT", json.dumps({"page": "qa-live" in page, "listing": "qa-doclist" in config,
                                "cards": render.results_html(data).count("class='qa-card'") > 0}))
finally:
    demo.close()
"""


def test_wheel_ships_templates_and_static_and_serves(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(ROOT / "qa", src / "qa", ignore=shutil.ignore_patterns("__pycache__"))
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                            "-w", str(tmp_path / "dist"), str(src)], capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr[-3000:]
    wheel = next((tmp_path / "dist").glob("qa_evidence-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("templates", "static"):
        shipped = {f"qa/web/{folder}/{f.name}" for f in (ROOT / "qa" / "web" / folder).iterdir() if f.is_file()}
        assert shipped and shipped <= names, sorted(shipped - names)

    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site), "GRADIO_ANALYTICS_ENABLED": "False"}
    served = subprocess.run([sys.executable, "-c", SERVE, str(site), str(ROOT / "corpus")], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=300)
    assert served.returncode == 0, served.stderr[-3000:]
    result = [line for line in served.stdout.splitlines() if line.startswith("RESULT ")]
    assert result == ['RESULT {"page": true, "listing": true, "cards": true}'], served.stdout
