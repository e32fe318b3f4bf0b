"""Stage 3, passages -> index: the build (incremental, atomic swap, lock), sparse BM25, dense FAISS vectors, and the
sentence embedder with its fast inference backends (OpenVINO, ONNX Runtime)."""
