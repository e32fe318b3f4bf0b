"""Stage 1, files -> documents: convert (PDF, HTML, DOCX, text -> blocks), clean (layout repair, boilerplate),
metadata (manifest, front matter, inference), the gazetteer of local authorities, and ingest (files -> `Document`s)."""
