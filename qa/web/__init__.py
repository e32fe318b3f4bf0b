"""Stage 6, the browser: the Gradio app, corpus editing (upload, metadata, delete), briefing export and login rules."""
