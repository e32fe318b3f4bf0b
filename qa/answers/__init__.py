"""Stage 5, hits -> answer: the extractive answer, abstention, citations and the JSON contract."""
