"""Themes: what several groups raised in their own words, found, kept, voted on and merged.

* :mod:`.text` and :mod:`.glossary`: how an entry's text is read (folded, stemmed, synonyms);
* :mod:`.suggest`: offline, explainable theme suggestions (clustering);
* :mod:`.evaluate`: pairwise precision / recall / F1 against labelled themes.

Nothing is imported here: the agenda reads :mod:`.glossary` at start-up, and the suggestion
engine (numpy, stemmers) loads only when suggestions are asked for.
"""
