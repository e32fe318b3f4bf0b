"""The README's "How it works" table names every module of the package where it lives."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_how_it_works_names_every_module():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## How it works"):readme.index("### Libraries and why")]
    missing = []
    for path in sorted((ROOT / "qa").rglob("*.py")):
        rel = path.relative_to(ROOT / "qa")
        if path.name == "__init__.py":
            continue
        if rel.parts[0] == "web":  # listed inside `web/` (...), `tabs/` with ...
            named = f"`{path.name}`" in section and (len(rel.parts) < 3 or f"`{rel.parts[1]}/`" in section)
        else:
            named = f"`{rel.as_posix()}`" in section or f"`qa/{rel.as_posix()}`" in section
        if not named:
            missing.append(rel.as_posix())
    assert not missing, f"modules the README's 'How it works' does not name: {missing}"
