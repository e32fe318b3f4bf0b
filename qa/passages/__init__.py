"""Stage 2, documents -> passages: verbatim slices of whole sentences with heading paths and paragraph numbers."""
