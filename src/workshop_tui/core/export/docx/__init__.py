"""Word (DOCX) handouts: the action plan (and its per-owner / per-unit digests), the session
report and the progress report, made with python-docx (:mod:`.builder`)."""
