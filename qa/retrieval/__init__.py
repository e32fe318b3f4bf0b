"""Stage 4, question -> hits: question understanding, hybrid candidates and fusion, filters and priors (rank), the
`Assistant` that runs a question end to end, and trails/comparisons over time (timeline)."""
