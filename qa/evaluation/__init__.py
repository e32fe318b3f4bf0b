"""Measuring the product: question sets with expected passages (qa eval) and BEIR datasets (qa eval --beir)."""
