"""Pinched Nerve Guide: turn content_src/ into safe, validated pages, built by MkDocs or Zensical.

Data flows one way, one subpackage per stage (ARCHITECTURE.md has the map):

    content/   read content_src/ (files, YAML with line numbers), validate it into typed models,
               apply the text rules (words, links, readability, US/UK words), brands, translations
    pages/     compile validated content into pages and navigation, with the safety boxes
               written into each page (frame) and our HTML templates
    engine/    what MkDocs or Zensical is given (the compiled folder) and what is done to its
               HTML afterwards, the same for both (Material fixes, the Pagefind index); the
               MkDocs adapter is the one module here that imports MkDocs
    checks/    check every built file before anything is published: HTML pages for the safety
               boxes, SVGs, links (a registry of named page checks)
    publish/   stage, hosting headers, handouts, the reproducible date, the handover between
               the build command and the engine's process

build.py is the build command that runs the stages in order; __main__.py its command line;
errors.py the error types every stage reports with; links.py the rules for links to other
sites, shared by pages/ and the checks. hooks/guide_hooks.py (outside this package) wires the
stages into MkDocs events.
"""
