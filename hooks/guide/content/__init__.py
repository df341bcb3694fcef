"""Stage 1, content: content_src/ read, validated and made ready to compile, or every error found.

Owns reading files and YAML with line numbers (source_files), the typed models and their JSON
Schemas (models), loading everything and the checks across files (load), the typed results
every later stage reads (loaded), validation with located errors (validate), the text rules
(text_rules, patient_text, readability, locale: US/UK words), brands and clinic profiles (brand),
translations, the hand-written pages' front matter (docs_pages), review dates (review) and
`make lint` (lint).
Nothing here knows about HTML or an engine.
"""
