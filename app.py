"""Serve the web app from a source checkout: `python app.py [--port 7860] [--host 127.0.0.1]` (same as `qa serve`).

The app itself is qa/web/app.py.
"""
import sys

from qa.web.app import main

if __name__ == "__main__":
    sys.exit(main())
