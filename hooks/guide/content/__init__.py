"""Stage 1, content: content_src/ read, validated and made ready to compile, or every error found.

Owns reading files and YAML with line numbers (source_files), the typed models and their JSON
Schemas (models), loading everything and the checks across files (load), the typed results
every later stage reads (loaded), validation with located errors (validate), the text rules
(text_rules, patient_text, readability, locale: US/UK words), brands and clinic profiles (brand),
translations loaded and checked (translations), the content a language edition publishes
(localize), the stamp command (translation_stamps), the translations' status and lint report
(translation_status), the home-programme pages' words (programme_texts), the hand-written pages' front
matter (docs_pages) and review dates (review).
Nothing here knows about HTML, page paths or an engine, and nothing here imports a later stage
(tests/test_layout.py).
"""
