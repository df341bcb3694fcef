"""Pinched Nerve Guide: turn content_src/ into safe, validated MkDocs pages.

Data flows one way, one module per step:

    source_files  read files (UTF-8, line endings, size) and YAML with line numbers
    models        typed content models (pydantic), also exported as JSON Schema
    load          load + validate all content, collecting every error
    brand         pick the brand (default site.yml or a clinic profile)
    safety_html   render the disclaimer and red-flag boxes (the one renderer)
    readability   Flesch-Kincaid grade of article text
    render        turn validated content into Markdown pages and navigation
    checks        check every built file: HTML pages for the safety boxes, SVGs, links
    staging       build into a staging folder; publish only a verified site

The MkDocs hook file (hooks/guide_hooks.py) only wires these together.
"""
